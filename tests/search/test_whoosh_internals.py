"""Pins the Whoosh data layout the evaluator reads (sseref.search.whoosh_internals).

If Whoosh is upgraded and its private layout moved, these tests fail and say what changed;
search itself would still answer through Whoosh's public API, only slower.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sseref.search import whoosh_internals as wi
from sseref.search.indexer import open_index

SEARCH_PACKAGE = Path(wi.__file__).parent


@pytest.fixture
def leaf(fixture_index: Path) -> Iterator[Any]:
    ix = open_index(fixture_index)
    reader = ix.reader()
    try:
        leaves = [r for r, _base in reader.leaf_readers()]
        yield leaves[0]
    finally:
        reader.close()
        ix.close()


def _common_word(leaf: Any) -> str:
    """The `plain` word in the most documents of this segment (several posting entries)."""
    best = max(leaf.iter_field("plain"), key=lambda item: item[1].doc_frequency())[0]
    return best if isinstance(best, str) else best.decode("utf-8")


def test_the_layout_is_the_one_this_module_reads(leaf: Any) -> None:
    problems = wi.layout_problems(leaf, "plain", _common_word(leaf))
    assert not problems, "\n".join(problems)


def test_block_reads_equal_the_public_matcher(leaf: Any) -> None:
    word = _common_word(leaf)
    m = leaf.postings("plain", word)
    public_ids, public_weights, public_values = [], [], []
    while m.is_active():
        public_ids.append(m.id())
        public_weights.append(m.weight())
        public_values.append(m.value())
        m.next()
    assert len(public_ids) > 1
    assert wi.postings(leaf, "plain", word) == (public_ids, public_weights)
    every_other = public_ids[::2]
    assert wi.values_for(leaf, "plain", word, every_other) == [
        (d, v) for d, v in zip(public_ids, public_values, strict=True) if d in every_other
    ]
    boost = float(leaf.schema["plain"].format.field_boost)  # the evaluator reads it so too
    for d, raw, weight in zip(public_ids, public_values, public_weights, strict=True):
        assert wi.stored_weight(raw, boost) == weight
        positions = wi.positions(raw)
        assert positions == sorted(positions) and wi.stored_weight(raw, 1.0) == len(positions)
        assert positions == [p for p, _chars in _public_positions(leaf, word, d)]


def _public_positions(leaf: Any, word: str, docnum: int) -> list[tuple[int, None]]:
    m = leaf.postings("plain", word)
    m.skip_to(docnum)
    return [(p, None) for p in m.value_as("positions")]


def test_length_bytes_equal_the_public_lengths(leaf: Any) -> None:
    raw = wi.length_bytes(leaf, "plain")
    assert raw is not None and len(raw) == leaf.doc_count_all()
    for docnum, byte in enumerate(raw):
        public = leaf.doc_field_length(docnum, "plain", 0)
        assert (wi.byte_to_length(byte) if byte else 0) == public


def test_a_missing_term_is_empty_not_an_error(leaf: Any) -> None:
    assert wi.postings(leaf, "plain", "zzzznotaword") == ([], [])
    assert wi.values_for(leaf, "plain", "zzzznotaword", [0, 1]) == []


def test_another_layout_is_reported_clearly() -> None:
    class OtherMatcher:
        pass

    class OtherLeaf:
        def postings(self, _field: str, _text: str) -> OtherMatcher:
            return OtherMatcher()

    problems = wi.layout_problems(OtherLeaf(), "plain", "x")
    assert problems[0].startswith(wi.installed_version())
    assert "written for Whoosh-Reloaded" in problems[0]
    assert any("_read_ids" in p for p in problems[1:])
    assert any("_cached_reader" in p for p in problems[1:])


def test_only_this_module_reads_whoosh_private_names() -> None:
    """Private Whoosh names (`_read_ids`, `_perdoc`, `whoosh.system._INT_SIZE`…) appear in one
    module of the search package: the fence stays where a reader looks for it."""
    private = set(wi.BLOCK_FIELDS) | set(wi.LENGTH_COLUMN_FIELDS) | {"_perdoc", "_cached_reader"}
    offenders = []
    for path in sorted(SEARCH_PACKAGE.glob("*.py")):
        if path.name == "whoosh_internals.py":
            continue
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in private:
                offenders.append(f"{path.name}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh"):
                offenders += [
                    f"{path.name}:{node.lineno} {node.module}.{a.name}"
                    for a in node.names
                    if a.name.startswith("_")
                ]
            if isinstance(node, ast.ImportFrom) and node.module == "pickle":
                offenders.append(f"{path.name}:{node.lineno} pickle")
    assert not offenders, offenders


def test_the_installed_whoosh_is_a_version_this_layout_was_checked_on() -> None:
    installed = wi.installed_version()
    assert installed in {f"Whoosh {v}" for v in wi.PINNED_VERSIONS}, (
        f"{installed} is installed; sseref.search.whoosh_internals reads Whoosh's private "
        f"layout as of {wi.PINNED_DISTRIBUTION} {', '.join(wi.PINNED_VERSIONS)}. If the other "
        "tests in this file pass, the layout is unchanged: add the version to PINNED_VERSIONS."
    )


class _PublicMatcher:
    """A Whoosh matcher seen through its public methods only (another layout)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def is_active(self) -> bool:
        return bool(self._inner.is_active())

    def id(self) -> int:
        return int(self._inner.id())

    def weight(self) -> float:
        return float(self._inner.weight())

    def value(self) -> bytes:
        return bytes(self._inner.value())

    def next(self) -> None:
        self._inner.next()


class _PublicLeaf:
    """A segment reader seen through its public methods only."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def postings(self, fieldname: str, text: str) -> _PublicMatcher:
        return _PublicMatcher(self._inner.postings(fieldname, text))

    def doc_count_all(self) -> int:
        return int(self._inner.doc_count_all())

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        return int(self._inner.doc_field_length(docnum, fieldname, default))


def test_another_layout_falls_back_to_the_public_api(leaf: Any) -> None:
    """The same answers, slower, when the private layout is not there."""
    from sseref.search.evaluate import _leaf_norms

    word = _common_word(leaf)
    public = _PublicLeaf(leaf)
    assert wi.postings(public, "plain", word) == wi.postings(leaf, "plain", word)
    ids = wi.postings(leaf, "plain", word)[0]
    assert wi.values_for(public, "plain", word, ids[1:]) == wi.values_for(
        leaf, "plain", word, ids[1:]
    )
    assert wi.length_bytes(public, "plain") is None
    assert _leaf_norms(public, "plain", 10.0) == _leaf_norms(leaf, "plain", 10.0)
    assert wi.layout_problems(public, "plain", word)
