"""The browsing panels: one per kind of record (organizations … people, countries)."""
