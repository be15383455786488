"""Reliability fixtures: the search fixtures (indexes and engines of both datasets)."""

from tests.search.conftest import (  # noqa: F401 - fixtures used by name
    fixture_engine,
    fixture_index,
    real_engine,
    real_index,
)
