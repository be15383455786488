"""The query language: phrases, OR, negation, field filters, as-you-type, odd input."""

from __future__ import annotations

from sseref.search.engine import SearchEngine
from sseref.search.query import parse
from tests.search.conftest import ids


def test_parse_structure() -> None:
    q = parse('"solidarity economy" cooperative OR federation -alpha kind:org year:1970..1980')
    assert q.groups[0][0].kind == "phrase"
    assert [it.words for it in q.groups[1]] == [["cooperative"], ["federation"]]
    assert q.negated[0].words == ["alpha"]
    assert {(f.field_name, f.value) for f in q.filters} == {("kind", "org"), ("year", "1970..1980")}


def test_last_word_is_prefix_only_while_typing() -> None:
    assert parse("solidarity eco").groups[-1][0].prefix
    assert not parse("solidarity eco ").groups[-1][0].prefix
    assert not parse("solidarity eco", as_you_type=False).groups[-1][0].prefix


def test_malformed_input_degrades() -> None:
    for text in [
        '"unbalanced',
        "((a OR",
        "OR",
        "NOT",
        "-",
        "kind:",
        "a:b:c",
        "\x00\x07",
        "🙂 coop",
        "x" * 10_000,
        ")(",
        '""',
        "year:abc",
        "-kind:org",
    ]:
        parse(text)  # never raises


def test_phrase(fixture_engine: SearchEngine) -> None:
    assert ids(fixture_engine, '"solidarity economy"') != []
    assert ids(fixture_engine, '"economy solidarity"') == []


def test_or_and_not(fixture_engine: SearchEngine) -> None:
    both = set(ids(fixture_engine, "Alpha OR Gamma"))
    assert {"org/alpha", "init/gamma"} <= both
    assert "org/alpha" not in ids(fixture_engine, "cooperatives -alpha")
    assert "org/alpha" not in ids(fixture_engine, "cooperatives NOT alpha")


def test_filters(fixture_engine: SearchEngine) -> None:
    assert set(ids(fixture_engine, "kind:org")) == {"org/alpha", "org/beta-task-force"}
    assert ids(fixture_engine, "kind:event year:1978") == ["event/1978-conference"]
    assert ids(fixture_engine, "year:1970..1980") == ["event/1978-conference"]
    assert ids(fixture_engine, "year:>=2020 kind:doc") == ["doc/beta-resolution"]
    assert ids(fixture_engine, "type:federation") == ["org/alpha"]
    assert set(ids(fixture_engine, "region:global")) == {"org/alpha", "org/beta-task-force"}
    assert "org/beta-task-force" not in ids(fixture_engine, "lang:fr kind:org")
    assert ids(fixture_engine, "type:nonsense") == []
    assert "org/alpha" not in ids(fixture_engine, "cooperative -kind:org")


def test_as_you_type_prefix(fixture_engine: SearchEngine) -> None:
    assert "org/alpha" in ids(fixture_engine, "Alp")
    assert "term/cooperative" in ids(fixture_engine, "coop")


def test_accents_and_languages(fixture_engine: SearchEngine) -> None:
    assert "org/beta-task-force" in ids(fixture_engine, "economia solidaria")
    assert "doc/beta-resolution" in ids(fixture_engine, "économie solidaire")
    assert "term/cooperative" in ids(fixture_engine, "cooperativa")
