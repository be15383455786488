"""One folding for the lists and the search (core.textfold)."""

from __future__ import annotations

from sseref.core.db import Database
from sseref.core.listing import ListFilter
from sseref.core.textfold import fold
from sseref.search import analysis


def test_fold_lowers_and_strips_what_nfkd_cannot() -> None:
    assert fold("Économía") == "economia"
    assert fold("Łódź Øresund ŒUVRE Straße") == "lodz oresund oeuvre strasse"
    assert fold("l’été") == "l'ete"
    assert fold(None) == "" and fold("") == ""


def test_search_and_lists_fold_the_same_way() -> None:
    assert analysis.fold is fold


def test_a_list_filter_typed_without_accents_finds_the_accented_name(fixture_db: Database) -> None:
    # "Grupo de Trabajo Beta sobre Economía Solidaria" is the Spanish name of one organization.
    for typed in ("economia solidaria", "ECONOMÍA SOLIDARIA", "Économia"):
        assert fixture_db.filter_ids("organization", ListFilter(text=typed)) == [
            "org/beta-task-force"
        ], typed
