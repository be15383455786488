"""The compiled query tree: a few plain node types that the evaluator runs set-at-a-time."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    """Documents holding `text` in `fieldname`, scored by BM25 times `boost`."""

    fieldname: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Consecutive words in a positional field; scored as the sum of its words."""

    fieldname: str
    words: tuple[str, ...]
    boost: float = 1.0

    def __init__(
        self, fieldname: str, words: list[str] | tuple[str, ...], boost: float = 1.0
    ) -> None:
        object.__setattr__(self, "fieldname", fieldname)
        object.__setattr__(self, "words", tuple(words))
        object.__setattr__(self, "boost", boost)


@dataclass(frozen=True)
class Or:
    """Any child matches; scores add up."""

    children: tuple[Node, ...]

    def __init__(self, children: list[Node] | tuple[Node, ...]) -> None:
        object.__setattr__(self, "children", tuple(children))


@dataclass(frozen=True)
class Max:
    """Any child matches; the best child's score counts, times `boost` (other names of a
    thing: matching five of them is no better than matching one)."""

    children: tuple[Node, ...]
    boost: float = 1.0

    def __init__(self, children: list[Node] | tuple[Node, ...], boost: float = 1.0) -> None:
        object.__setattr__(self, "children", tuple(children))
        object.__setattr__(self, "boost", boost)


@dataclass(frozen=True)
class And:
    """Every child matches; scores add up."""

    children: tuple[Node, ...]

    def __init__(self, children: list[Node] | tuple[Node, ...]) -> None:
        object.__setattr__(self, "children", tuple(children))


@dataclass(frozen=True)
class Filter:
    """Narrows without scoring: keyword values of a field, or a numeric year range."""

    fieldname: str
    values: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None


@dataclass(frozen=True)
class Every:
    """All documents (a query made of filters only)."""


@dataclass(frozen=True)
class Query:
    """The whole query: scored part, narrowing filters, excluded parts."""

    main: Node
    filters: tuple[Filter, ...] = field(default_factory=tuple)
    exclude: tuple[Node, ...] = field(default_factory=tuple)
    bonus: tuple[Node, ...] = field(default_factory=tuple)  # adds to matches, never adds one


Node = Term | Phrase | Or | Max | And | Filter | Every
