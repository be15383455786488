"""The searcher: opened once, thread-safe, newest query wins; returns ranked, faceted pages."""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import logging
import os
import re
import struct
import threading
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sseref.core.i18n import _
from sseref.search.aliases import AliasTable
from sseref.search.compiler import Compiled, Compiler
from sseref.search.documents import FACET_SEP
from sseref.search.errors import CancelToken as CancelToken  # re-exported: the engine's API
from sseref.search.errors import SearchCancelled as SearchCancelled
from sseref.search.errors import SearchIndexError as SearchIndexError
from sseref.search.errors import SearchQueryError as SearchQueryError
from sseref.search.evaluate import Evaluator
from sseref.search.highlight import Highlighter
from sseref.search.indexer import ALIASES, open_index, read_manifest
from sseref.search.query import ParsedQuery, parse
from sseref.search.results import Excerpt, Hit, SearchResults
from sseref.search.vocabulary import VOCABULARY_FILE, Vocabulary

log = logging.getLogger(__name__)
FACET_NAMES = ("kind", "type", "region", "theme", "lang", "decade")
# An organization named by the query comes before the events and documents about it; the
# prior only reorders the best candidates, so it costs nothing on large result sets.
KIND_PRIOR = {"organization": 1.1}
RERANK_EXTRA = 20
FUZZY_BELOW = 3  # fewer hits than this: try the "Did you mean" spelling as well
CACHE_SIZE = 64


# Exceptions that are evidence of a damaged index file whatever code raised them.
_INDEX_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error, struct.error)


def _index_evidence(exc: BaseException) -> bool:
    """True when `exc` says the index files are damaged, not that the query was odd.

    A read error, a truncated file or a bad compressed block is the index's; anything else
    counts only when it was raised inside Whoosh's reading code (a bad posting list, say),
    not in our compiler or result code.
    """
    if isinstance(exc, _INDEX_ERRORS):
        return True
    tb = exc.__traceback__
    deepest = None
    while tb is not None:
        deepest = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return deepest is not None and f"{os.sep}whoosh{os.sep}" in deepest


class FacetTable:
    """Each document's facets as small numbers per facet, so counting runs at C speed."""

    def __init__(self, reader: Any) -> None:
        # Per facet: the document's value-combination number, and the combinations.
        self.of_doc: dict[str, list[int]] = {name: [] for name in FACET_NAMES}
        self.years: list[int | None] | None = [] if reader.has_column("facets") else None
        self.combos: dict[str, list[tuple[str, ...]]] = {name: [] for name in FACET_NAMES}
        numbers: dict[str, dict[tuple[str, ...], int]] = {name: {} for name in FACET_NAMES}
        if reader.has_column("facets"):
            for raw in reader.column_reader("facets"):
                year = raw.rsplit(FACET_SEP.encode(), 1)[-1]
                self.years.append(int(year) if year.isdigit() else None)  # type: ignore[union-attr]
                for name, values in self._decode(raw).items():
                    known = numbers[name]
                    number = known.get(values)
                    if number is None:
                        number = known[values] = len(self.combos[name])
                        self.combos[name].append(values)
                    self.of_doc[name].append(number)
        self.values: dict[str, set[str]] = {
            field: {v for combo in self.combos[name] for v in combo}
            for field, name in (
                ("ftype", "type"),
                ("region", "region"),
                ("theme", "theme"),
                ("lang", "lang"),
            )
        }

    @staticmethod
    def _decode(raw: bytes) -> dict[str, tuple[str, ...]]:
        parts = (raw.decode("utf-8").split(FACET_SEP) + [""] * 6)[:6]
        kind, ftype, region, themes, langs, year = parts
        decade = f"{year[:3]}0s" if year[:3].isdigit() else ""
        return {
            "kind": (kind,) if kind else (),
            "type": (ftype,) if ftype else (),
            "region": (region,) if region else (),
            "theme": tuple(themes.split()),
            "lang": tuple(langs.split()),
            "decade": (decade,) if decade else (),
        }

    def reranked(self, hits: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """Scores times the kind prior, best first."""
        kinds, combos = self.of_doc["kind"], self.combos["kind"]
        out = []
        for docnum, score in hits:
            combo = combos[kinds[docnum]] if docnum < len(kinds) else ()
            out.append((docnum, score * KIND_PRIOR.get(combo[0] if combo else "", 1.0)))
        out.sort(key=lambda kv: (-kv[1], kv[0]))
        return out

    def count(self, docnums: Iterable[int]) -> dict[str, dict[str, int]]:
        docs = list(docnums)
        out: dict[str, dict[str, int]] = {}
        for name in FACET_NAMES:
            per_combo = Counter(map(self.of_doc[name].__getitem__, docs))
            counts: Counter[str] = Counter()
            for number, n in per_combo.items():
                for value in self.combos[name][number]:
                    counts[value] += n
            if counts:
                out[name] = dict(counts.most_common())
        return out


class SearchEngine:
    """One open index: the Whoosh searcher, vocabulary, aliases and facets, kept for reuse."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = Path(index_dir)
        try:
            self._ix = open_index(self.index_dir)
            self._searcher = self._ix.searcher()
            reader = self._searcher.reader()
            self._vocab = Vocabulary.load(self.index_dir / VOCABULARY_FILE, reader)
            self._facets = FacetTable(reader)
            self._eval = Evaluator(self._searcher, years=self._facets.years)
        except Exception as exc:  # noqa: BLE001 - Whoosh raises many kinds on damaged files
            self._close_partly_open()
            raise SearchIndexError(
                _("The search index {path} cannot be read: {error}").format(
                    path=self.index_dir, error=exc
                )
            ) from exc
        self._check_alias_file()
        self._aliases = AliasTable.load(self.index_dir / ALIASES)
        self._compiler = Compiler(self._vocab, self._aliases, self._facets.values)
        # Whoosh readers share file handles: one query at a time, the newest one next.
        self._lock = threading.Lock()
        self._gen_lock = threading.Lock()
        self._generation = 0
        self._current: CancelToken | None = None
        self._cache: OrderedDict[tuple[Any, ...], SearchResults] = OrderedDict()

    # --- lifecycle -----------------------------------------------------------------------

    def _check_alias_file(self) -> None:
        """The alias table against its digest in the manifest: a damaged one would silently
        drop acronym matches (CEPAL = ECLAC), so it is damage like any other."""
        manifest = read_manifest(self.index_dir) or {}
        entry = (manifest.get("files") or {}).get(ALIASES)
        if not isinstance(entry, list) or len(entry) != 2 or not entry[1]:
            return  # an index without a recorded digest (large, or older): nothing to compare
        path = self.index_dir / ALIASES
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        except OSError as exc:
            digest = str(exc)
        if digest != entry[1]:
            self._close_partly_open()
            raise SearchIndexError(
                _("The search index {path} cannot be read: {error}").format(
                    path=self.index_dir, error=f"{ALIASES} is damaged"
                )
            )

    def _close_partly_open(self) -> None:
        """A damaged index was refused: what did open is closed, not left to the collector."""
        for name in ("_searcher", "_ix"):
            part = getattr(self, name, None)
            if part is not None:
                with contextlib.suppress(Exception):
                    part.close()

    def close(self) -> None:
        with self._lock:
            self._searcher.close()
            self._ix.close()

    def __enter__(self) -> SearchEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def clear_cache(self) -> None:
        with self._gen_lock:
            self._cache.clear()

    def clear_caches(self) -> None:
        """Every cache: results, per-term scores, filters, length norms and the stemmer's
        memo (what a query meets right after the program starts; benchmarks' cold rows)."""
        from sseref.search import analysis as an

        self.clear_cache()
        with self._lock:
            self._eval.clear()
        an.clear_caches()

    def doc_count(self) -> int:
        return int(self._searcher.doc_count())

    def begin(self) -> CancelToken:
        """A token for a new query; every earlier token is cancelled (newest query wins)."""
        with self._gen_lock:
            self._generation += 1
            if self._current is not None:
                self._current.cancel()
            self._current = CancelToken(self._generation)
            return self._current

    # --- searching -----------------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        offset: int = 0,
        kind: str | None = None,
        lang: str = "en",
        as_you_type: bool = True,
        facets: bool = True,
        token: CancelToken | None = None,
    ) -> SearchResults:
        """Runs `text`; never raises on odd input (SearchCancelled when superseded)."""
        limit = max(0, min(int(limit), 500))
        offset = max(0, int(offset))
        cache_key = (text, limit, offset, kind, lang, as_you_type, facets)
        with self._gen_lock:
            cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        parsed = parse(text, as_you_type=as_you_type)
        if kind:
            parsed.filters.append(_kind_filter(kind))
        result = SearchResults(
            query=text, offset=offset, limit=limit, generation=token.generation if token else 0
        )
        if parsed.is_empty():
            return result
        with self._lock:
            if token:
                token.check()
            try:
                self._run(parsed, result, lang, facets, token)
            except SearchCancelled:
                raise
            except Exception as exc:  # noqa: BLE001 - sorted into index damage or a query bug
                if _index_evidence(exc):
                    raise SearchIndexError(
                        _("The search index {path} cannot be read: {error}").format(
                            path=self.index_dir, error=exc
                        )
                    ) from exc
                log.exception("Query %r failed", text)
                raise SearchQueryError(
                    _("This search could not be run ({error}); the index is fine.").format(
                        error=f"{type(exc).__name__}: {exc}"
                    )
                ) from exc
        with self._gen_lock:
            self._cache[cache_key] = result
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return result

    def _run(
        self,
        parsed: ParsedQuery,
        result: SearchResults,
        lang: str,
        facets: bool,
        token: CancelToken | None,
    ) -> None:
        check = token.check if token else _no_check
        compiled = self._compiler.compile(parsed)
        corrections = self._corrections(compiled)
        if corrections:
            result.suggestion = self._suggest(parsed.text, corrections)
        scores = self._scores(compiled, check)
        final = compiled
        if corrections and len(scores) < FUZZY_BELOW:
            fixed_query = parse(result.suggestion or "", as_you_type=False)
            fixed_query.filters = parsed.filters  # incl. a kind given outside the text
            fixed = self._compiler.compile(fixed_query)
            extra = self._scores(fixed, check)
            if extra:
                # The query's own hits stay first; the corrected spelling's follow.
                result.corrected = not scores
                scores = _after(scores, extra)
                final = Compiled(
                    query=None,
                    words=compiled.words | fixed.words,
                    stems=compiled.stems | fixed.stems,
                    prefixes=compiled.prefixes | fixed.prefixes,
                )
        if len(scores) < FUZZY_BELOW and len(parsed.groups) > 1:
            # Few records hold every word (a question typed in full): add those holding most
            # of them, after the complete matches.
            loose = self._compiler.compile(parsed, relaxed=True)
            extra = self._scores(loose, check)
            if len(extra) > len(scores):
                result.relaxed = True
                scores = _after(scores, extra)
                final = Compiled(
                    query=None,
                    words=final.words | loose.words,
                    stems=final.stems | loose.stems,
                    prefixes=final.prefixes | loose.prefixes,
                )
        result.total = len(scores)
        if facets and scores:
            result.facets = self._facets.count(scores)
        check()
        if not scores or result.limit == 0:
            return
        # Ties keep index order so that pages are stable.
        wanted = result.offset + result.limit
        top_hits = heapq.nlargest(
            wanted + RERANK_EXTRA, scores.items(), key=lambda kv: (kv[1], -kv[0])
        )
        top_hits = self._facets.reranked(top_hits)[:wanted]
        highlighter = Highlighter(final.words, final.stems, final.prefixes)
        for docnum, score in top_hits[result.offset :]:
            stored = self._searcher.stored_fields(docnum)
            result.hits.append(self._hit(stored, score, highlighter, lang))

    def _scores(self, compiled: Compiled, check: Callable[[], None]) -> dict[int, float]:
        if compiled.query is None:
            return {}
        return self._eval.evaluate(compiled.query, check)

    def _corrections(self, compiled: Compiled) -> dict[str, str]:
        fixes: dict[str, str] = {}
        for word in compiled.unknown:
            found = self._vocab.corrections(word, limit=1)
            if found:
                fixes[word] = found[0]
        return fixes

    @staticmethod
    def _suggest(text: str, corrections: dict[str, str]) -> str:
        """The query as typed with the unknown words replaced (filters and quotes kept)."""
        from sseref.search import analysis as an

        def fix(match: re.Match[str]) -> str:
            return corrections.get(an.joined(an.fold(match.group())), match.group())

        return an.WORD_RE.sub(fix, text).strip()

    def _hit(self, stored: dict[str, Any], score: float, hl: Highlighter, lang: str) -> Hit:
        titles: dict[str, list[str | None]] = stored.get("titles") or {}
        pick = titles.get(lang) or titles.get("en") or next(iter(titles.values()), None)
        title, acronym = (pick[0], pick[1]) if pick else (stored["id"], None)
        summaries: dict[str, str] = stored.get("summaries") or {}
        return Hit(
            id=stored["id"],
            kind=stored["kind"],
            title=str(title or stored["id"]),
            excerpt=Excerpt(hl, summaries, lang),
            score=float(score),
            acronym=acronym,
            date=stored.get("date_text"),
        )


def _after(first: dict[int, float], then: dict[int, float]) -> dict[int, float]:
    """`first` ranked above every document only in `then` (scores shifted up)."""
    top = max(then.values(), default=0.0)
    merged = dict(then)
    merged.update({d: s + top for d, s in first.items()})
    return merged


def _no_check() -> None:
    pass


def _kind_filter(kind: str) -> Any:
    from sseref.search.query import Item

    return Item("filter", raw=f"kind:{kind}", field_name="kind", value=kind)
