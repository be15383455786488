"""Core layer: models, read-only database access, paths, settings and i18n (no Qt, no Whoosh)."""
