"""The Whoosh schema: pre-analyzed text fields, boosted names, exact keys, facets and a year."""

from __future__ import annotations

from whoosh import columns, fields
from whoosh.analysis import SpaceSeparatedTokenizer

# Bumped whenever the schema or the analysis changes: a shipped or cached index of another
# version is rebuilt.
# 7: cooperative/cooperation stems; 8: co-operative = cooperative; 9: `cites`;
# 10: the vocabulary file beside the index; 11: `roles`
INDEX_SCHEMA_VERSION = 11

# Field boosts (BM25F): a hit in a name or an acronym says far more than one in a summary.
BOOST_EXACT = 8.0
BOOST_NAMES = 3.0
BOOST_BODY = 1.0
BOOST_PLAIN = 0.6
# A record that cites a symbol comes after the document that bears it (BOOST_EXACT).
BOOST_CITES = 1.0


PAIR_SEP = "_"  # never inside a word (analysis.WORD_RE excludes it)


def pair_terms(words: list[str] | tuple[str, ...]) -> list[str]:
    """The `pairs` terms of consecutive words."""
    return [f"{a}{PAIR_SEP}{b}" for a, b in zip(words, words[1:], strict=False)]


def _tokens() -> SpaceSeparatedTokenizer:
    # Text arrives already analyzed by sseref.search.analysis (folded, stemmed per language),
    # so Whoosh only splits on spaces: one analysis for indexing, querying and highlighting.
    return SpaceSeparatedTokenizer()


def build_schema() -> fields.Schema:
    """A new schema object (Whoosh schemas are mutable, so never share one)."""
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        kind=fields.ID(stored=True),
        # Ranked text: each token stemmed by the language it was written in.
        body=fields.TEXT(analyzer=_tokens(), phrase=False, field_boost=BOOST_BODY),
        names=fields.TEXT(analyzer=_tokens(), phrase=False, field_boost=BOOST_NAMES),
        # A person's roles with their organizations' names and acronyms ("executive
        # secretary eclac"): read only by the name bonus (compiler.Compiler._name_bonus).
        roles=fields.TEXT(analyzer=_tokens(), phrase=False, field_boost=BOOST_NAMES),
        # Whole acronyms, aliases, full names and UN symbol variants, one key each.
        exact=fields.KEYWORD(commas=True, scorable=True, field_boost=BOOST_EXACT),
        # The symbols of the documents a record is related to or quotes in its text (the
        # bodies, days and funds a resolution created; the records that cite it).
        cites=fields.KEYWORD(commas=True, scorable=True, field_boost=BOOST_CITES),
        # Folded, unstemmed words with positions: phrases, prefixes, the spelling vocabulary.
        plain=fields.TEXT(analyzer=_tokens(), phrase=True, field_boost=BOOST_PLAIN),
        # Each pair of adjacent `plain` words ("south_cooperation"), presence only: a
        # two-word phrase is one posting list, a longer one checks positions only where
        # all its pairs occur.
        pairs=fields.KEYWORD,
        # Filters.
        ftype=fields.ID,
        region=fields.ID,
        theme=fields.KEYWORD,
        lang=fields.KEYWORD,
        year=fields.NUMERIC(int, bits=32, signed=True),
        # One column with every facet of a document, loaded into memory at open so facet
        # counts never touch stored fields.
        facets=fields.COLUMN(columns.VarBytesColumn()),
        # Shown in results.
        titles=fields.STORED,
        summaries=fields.STORED,
        date_text=fields.STORED,
    )
