"""The user's notes, tags and imported documents searched with the bundled records, ranked together.

The user-side index (an FTS5 table in the user database, see core.userstore) is queried with
the query's words; its matches are merged with the bundled index's hits at query time:

- a bundled hit whose record the user's text also matches gains a bonus (the user's own words
  about a record say it matters to them), its snippet keeps the bundled text;
- a record found only through the user's text joins the results with a score scaled to the
  bundled hits' and the note's snippet;
- the user's imported documents (core.userdocs) join like records found only through the
  user's text, with a snippet of their own text; their ids start with "mydoc:";
- `mine:` (or `mine:yes`) keeps only the records and documents the user's text matches, ranked
  by it; `mine:` alone lists every record with a note or tags (the newest note first), then
  every document.

Filters other than `kind:` cannot be checked on notes (the user database does not hold the
records' years, regions…): with such filters, records found only through the user's text are left
out and bundled hits are merely re-ranked; under `mine:` such filters are ignored. Documents
carry their own metadata: `kind:` (`kind:document`, or `kind:mine` for them alone), `year:` and
`lang:` apply to them; a filter they cannot satisfy (`type:`, `region:`, `theme:`) leaves them
out. Their count is added to the kind facet (the "Mine" chip).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from sseref.core import vocab
from sseref.core.userdocs import DOC_PREFIX
from sseref.core.userstore import NoteHit
from sseref.search.results import (
    HIGHLIGHT_CLOSE,
    HIGHLIGHT_OPEN,
    FixedExcerpt,
    Hit,
    SearchResults,
    escape_html,
)

_MINE = re.compile(r"(?<!\S)mine:(?:yes|true|1|oui|si|sí)?(?!\S)", re.IGNORECASE)
_FILTER = re.compile(r"(?<!\S)-?[\w]+:\S*")
_NEGATED = re.compile(r'(?<!\S)-("[^"]*"|\S+)')
_KIND = re.compile(r"(?<!\S)kind:(\S+)", re.IGNORECASE)
_OPEN, _CLOSE = "\x02", "\x03"
USER_BONUS = 0.5  # share of the best bundled score given to the best user match
USER_LIMIT = 200  # user matches merged per query (best first)
MINE_KINDS = frozenset({vocab.MY_DOCUMENT_KIND, "mine", "mydoc", "my-documents"})


@dataclass(frozen=True)
class DocumentFilters:
    """What a query's filters ask of the user's documents (see document_filters)."""

    years: tuple[int, int] | None = None
    languages: frozenset[str] | None = None


def document_filters(text: str) -> DocumentFilters | None:
    """The query's filters as conditions on the documents' metadata; None when they exclude
    every document (another kind, a field documents do not have, a negated kind of theirs)."""
    from sseref.search.compiler import year_range
    from sseref.search.query import parse

    years: tuple[int, int] | None = None
    languages: set[str] | None = None
    for item in parse(text).filters:
        value = item.value.lower()
        if item.field_name == "kind":
            ours = value in MINE_KINDS or value.rstrip("s") == "document"
            if ours == item.negated:
                return None
        elif item.negated:
            return None  # e.g. -lang:en: not worth guessing on metadata the user may not fill
        elif item.field_name == "year":
            found = year_range(value)
            if found is None:
                return None
            low, high = found
            years = (max(low, years[0]), min(high, years[1])) if years else (low, high)
        elif item.field_name == "lang":
            code = value[:2]
            languages = {code} if languages is None else languages & {code}
        else:
            return None
    return DocumentFilters(years, frozenset(languages) if languages is not None else None)


class UserIndex(Protocol):
    """What the merge needs from the user side (core.userstore.UserStore provides it)."""

    def search_notes(
        self, text: str, limit: int = ..., marks: tuple[str, str] = ..., snippets: bool = ...
    ) -> list[NoteHit]: ...

    def note_snippets(
        self, text: str, record_ids: list[str], marks: tuple[str, str] = ...
    ) -> dict[str, str]: ...

    def noted_records(self, limit: int = ...) -> list[NoteHit]: ...


def split_mine(text: str) -> tuple[str, bool]:
    """The query without its `mine:` token, and whether it was there."""
    stripped = _MINE.sub(" ", text)
    return " ".join(stripped.split()), stripped != text


def user_words(text: str) -> str:
    """The words the user side can match: field filters and negated words left out."""
    return " ".join(_FILTER.sub(" ", _NEGATED.sub(" ", text)).replace(" OR ", " ").split())


def _snippet(raw: str) -> str:
    return escape_html(raw).replace(_OPEN, HIGHLIGHT_OPEN).replace(_CLOSE, HIGHLIGHT_CLOSE)


def _kinds(text: str) -> set[str] | None:
    found = _KIND.findall(text)
    if not found:
        return None
    kinds = set()
    for value in found:
        value = value.lower().rstrip("s")
        kinds.add(vocab.PREFIX_TO_KIND.get(value, value))
    return kinds


def merge(
    bundled: SearchResults,
    user_hits: list[NoteHit],
    *,
    text: str,
    only_mine: bool,
    exists: Callable[[str], bool] | None = None,
    snippets: Callable[[list[str]], dict[str, str]] | None = None,
) -> SearchResults:
    """Bundled and user hits in one ranked list (see the module's description).

    `snippets` gives the note snippets of records found only through the user's text, asked
    for the rows kept only (making a snippet for every match would cost more than the search).
    """
    if not user_hits:
        if only_mine:
            return replace(bundled, hits=[], total=0, facets={})
        return bundled
    best_bundled = max((h.score for h in bundled.hits), default=1.0) or 1.0
    best_user = max(h.rank for h in user_hits) or 1.0
    bonus = {h.record.id: USER_BONUS * best_bundled * (h.rank / best_user) for h in user_hits}
    by_id = {h.record.id: h for h in user_hits}
    kinds = _kinds(text)
    other_filters = any(
        not f.lstrip("-").lower().startswith("kind:") for f in _FILTER.findall(text)
    )
    merged: list[Hit] = []
    for hit in [] if only_mine else bundled.hits:
        if hit.id in bonus:
            merged.append(replace(hit, score=hit.score + bonus.pop(hit.id)))
        else:
            merged.append(hit)
    added = documents = 0
    for record_id, extra in bonus.items():
        mine_only = record_id.startswith(DOC_PREFIX)  # not in the bundled data, by design
        if not only_mine and other_filters and not mine_only:
            continue
        note = by_id[record_id]
        kind = note.record.kind or vocab.kind_of(record_id) or ""
        # Documents were filtered on their own metadata when they were searched.
        if kinds is not None and kind not in kinds and not mine_only:
            continue
        if exists is not None and not mine_only and not exists(record_id):
            continue  # no longer in the data: found with `sseref notes search`
        merged.append(
            Hit(
                id=record_id,
                kind=kind,
                title=note.record.title or record_id,
                excerpt=FixedExcerpt(_snippet(note.snippet)),
                score=extra,
            )
        )
        added += 1
        documents += mine_only
    merged.sort(key=lambda h: -h.score)
    kept = merged[: bundled.limit or len(merged)]
    wanted = [h.id for h in kept if h.id in by_id and not h.snippet]
    if snippets is not None and wanted:
        found = snippets(wanted)
        kept = [
            replace(h, excerpt=FixedExcerpt(_snippet(found[h.id]))) if h.id in found else h
            for h in kept
        ]
    total = len(merged) if only_mine else bundled.total + added
    facets = {} if only_mine else bundled.facets
    if documents and not only_mine:  # the "Mine" chip: click it for the documents alone
        facets = {**facets, "kind": {**facets.get("kind", {}), vocab.MY_DOCUMENT_KIND: documents}}
    return replace(bundled, hits=kept, total=max(total, len(kept)), facets=facets)


def _documents(user: UserIndex, method: str, *args: Any) -> list[NoteHit]:
    """The user's documents, when the user side has a library (older indexes do not)."""
    found = getattr(user, method, None)
    return list(found(*args)) if found is not None else []


def search_with_mine(
    engine: Any,
    user: UserIndex | None,
    text: str,
    *,
    exists: Callable[[str], bool] | None = None,
    **options: Any,
) -> SearchResults:
    """engine.search(text, **options) with the user's notes and tags merged in."""
    rest, only_mine = split_mine(text)
    if user is None:
        return engine.search(rest, **options)  # type: ignore[no-any-return]
    words = user_words(rest)
    limit = int(options.get("limit", 20))
    marks = (_OPEN, _CLOSE)
    if words:
        user_hits = user.search_notes(words, limit=USER_LIMIT, marks=marks, snippets=False)
        wanted = DocumentFilters() if only_mine else document_filters(rest)
        if wanted is not None:
            found = _documents(
                user, "search_documents", words, USER_LIMIT, marks, wanted.years, wanted.languages
            )
            # A document found by its text and by the user's note on it is one hit: its
            # passage (which says the page).
            covered = {h.record.id.partition("#")[0] for h in found}
            user_hits = [h for h in user_hits if h.record.id not in covered] + found
    elif only_mine:  # `mine:` alone lists every record with a note or tags, and every document
        user_hits = user.noted_records(USER_LIMIT)
        user_hits += _documents(user, "recent_documents", USER_LIMIT)
    else:
        user_hits = []

    def snippets(ids: list[str]) -> dict[str, str]:
        return user.note_snippets(words, ids, marks) if words else {}

    if only_mine:  # the user's side alone: the bundled index is not consulted
        empty = SearchResults(query=text, limit=limit)
        return merge(empty, user_hits, text=rest, only_mine=True, exists=exists, snippets=snippets)
    kinds = _kinds(rest)
    if kinds and kinds <= MINE_KINDS:  # `kind:mine` (the Mine chip): no bundled record is one
        bundled = SearchResults(query=text, limit=limit)
    else:
        bundled = engine.search(rest, **options)
    return merge(bundled, user_hits, text=rest, only_mine=False, exists=exists, snippets=snippets)
