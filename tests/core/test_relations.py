"""Symmetric relations ("Related to") are one link, whichever record stores it."""

from __future__ import annotations

from typing import Any

from sseref.core.db import _merge_symmetric
from sseref.core.models import Relation


def rel(rtype: str, direction: str, other: str) -> Relation:
    return Relation(rtype, direction, other, "term", other)


def test_a_symmetric_link_stored_both_ways_is_listed_once() -> None:
    merged = _merge_symmetric(
        [
            rel("related_to", "in", "term/b"),
            rel("related_to", "out", "term/b"),
            rel("member_of", "out", "org/x"),
            rel("member_of", "in", "org/x"),  # not symmetric: both stay
        ]
    )
    assert [(r.type, r.direction, r.other_id) for r in merged] == [
        ("related_to", "out", "term/b"),
        ("member_of", "out", "org/x"),
        ("member_of", "in", "org/x"),
    ]


def test_real_glossary_terms_list_related_terms_once(real_db: Any) -> None:
    record = real_db.get("term/2030-agenda")
    related = [r.other_id for r in record.relations if r.type == "related_to"]
    assert related and len(related) == len(set(related))
    assert "term/sustainable-development-goals" in related
