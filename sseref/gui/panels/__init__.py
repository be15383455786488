"""The browsing panels: organizations, history, documents, initiatives, glossary, people, countries."""
