"""The browsing panels: organizations, history, documents, initiatives and glossary."""
