"""Aliases learnt from the records: acronyms and names across languages."""

from __future__ import annotations

import pytest

from sseref.core.models import Name, Record
from sseref.search.aliases import build_aliases
from sseref.search.engine import SearchEngine
from tests.search.conftest import ids


def _rec(
    rid: str,
    names: dict[str, tuple[str, str | None]],
    summaries: dict[str, str] | None = None,
    aliases: list[str] | None = None,
) -> Record:
    return Record(
        id=rid,
        kind="term",
        names={k: Name(*v) for k, v in names.items()},
        summaries=summaries or {},
        aliases=aliases or [],
    )


def test_groups_from_names_hyphens_and_definitions() -> None:
    table = build_aliases(
        [
            _rec("org/x", {"en": ("Economic Commission X", "ECX"), "es": ("Comisión X", "CEX")}),
            _rec(
                "term/ssc",
                {
                    "en": ("South-South cooperation", None),
                    "es": ("cooperación Sur-Sur", None),
                    "fr": ("coopération Sud-Sud", None),
                },
            ),
            _rec(
                "term/sse",
                {"en": ("x", None)},
                summaries={
                    "en": "The social and solidarity economy (SSE) is broad.",
                    "fr": "L'économie sociale et solidaire (ÉSS) est large.",
                },
            ),
        ]
    )
    assert "ecx" in table.expansions("cex")
    assert {"south south", "sud sud"} <= set(table.expansions("sur sur"))
    assert "sse" in table.expansions("ess")
    assert "social and solidarity economy" in table.expansions("sse")


@pytest.mark.parametrize(
    "query,expected",
    [
        ("CEPAL", "org/eclac"),
        ("OIT", "org/ilo"),
        ("UNCTAD", "org/unctad"),
        ("UN Trade and Development", "org/unctad"),
        ("PGTF", "org/pgtf"),
        ("ESS", "term/social-and-solidarity-economy"),
        ("ÉSS", "term/social-and-solidarity-economy"),
    ],
)
def test_real_aliases_rank_first(real_engine: SearchEngine, query: str, expected: str) -> None:
    assert ids(real_engine, query, as_you_type=False)[:1] == [expected]


@pytest.mark.parametrize("query", ["Sur-Sur", "Sud-Sud", "cooperación Sur-Sur"])
def test_south_south_in_every_language(real_engine: SearchEngine, query: str) -> None:
    top = real_engine.search(query, limit=5, as_you_type=False).hits
    assert top and ("South-South" in top[0].title or "ssc" in top[0].id)
