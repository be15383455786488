"""Turns a parsed query into a query tree: stems, aliases, symbols, prefixes and filters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sseref.core import vocab
from sseref.search import analysis as an
from sseref.search import nodes as wq
from sseref.search import symbols
from sseref.search.aliases import AliasTable
from sseref.search.query import Item, ParsedQuery
from sseref.search.vocabulary import Vocabulary

MAX_EXPANSIONS = 6
# Other names added per query, all aliases together: a query of two dozen acronyms would
# otherwise search ~150 alternatives (the slowest query of the fuzzer).
MAX_ALTERNATIVES = 24
ALIAS_WEIGHT = 0.5
KIND_WORDS = {
    **{k: k for k in vocab.KINDS},
    **{p: k for k, p in vocab.KINDS.items()},
    "organizations": "organization",
    "organisation": "organization",
    "orgs": "organization",
    "organizacion": "organization",
    "events": "event",
    "evento": "event",
    "evenement": "event",
    "documents": "document",
    "docs": "document",
    "documento": "document",
    "initiatives": "initiative",
    "iniciativa": "initiative",
    "inits": "initiative",
    "terms": "term",
    "glossary": "term",
    "glosario": "term",
    "glossaire": "term",
    "people": "person",
    "persons": "person",
    "persona": "person",
    "personas": "person",
    "personne": "person",
    "personnes": "person",
    "countries": "country",
    "pais": "country",
    "paises": "country",
    "pays": "country",
    "termino": "term",
    "terme": "term",
}
_YEAR_RANGE = re.compile(r"^(\d{3,4})?\s*(?:\.\.|-|–|to)\s*(\d{3,4})?$")


CITES_WEIGHT = 0.25  # a record citing a symbol: well below the document itself
NAME_BONUS = 0.5  # see _name_bonus


@dataclass
class Compiled:
    """The query tree plus what highlighting and "Did you mean" need."""

    query: wq.Query | None
    unknown: list[str] = field(default_factory=list)  # words the index has never seen
    words: set[str] = field(default_factory=set)  # folded words to highlight
    stems: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)
    alternatives_left: int = MAX_ALTERNATIVES


class Compiler:
    """Knows the index (vocabulary, aliases, facet values) and builds queries against it."""

    def __init__(
        self, vocabulary: Vocabulary, aliases: AliasTable, facet_values: dict[str, set[str]]
    ) -> None:
        self.vocab = vocabulary
        self.aliases = aliases
        self.facet_values = facet_values

    # --- clauses -------------------------------------------------------------------------

    def word(self, w: str, out: Compiled, exact: bool = True) -> wq.Node:
        """A word in any field; `exact=False` leaves out the whole-key match (see _alias_run)."""
        stems = an.query_stems(w)
        out.words.add(w)
        if not stems:  # a stop word searched on its own
            return wq.Term("plain", w)
        out.stems.update(stems)
        subs: list[wq.Node] = [wq.Term("body", s) for s in stems]
        subs += [wq.Term("names", s) for s in stems]
        if exact:
            subs.append(wq.Term("exact", w))
        return _or(subs)

    def prefix(self, p: str, out: Compiled) -> wq.Node | None:
        """The last word while typing: its few most frequent completions (bounded work)."""
        parts: list[wq.Node] = []
        if len(p) >= 3 and self.vocab.frequency(p):
            parts.append(self.word(p, out))  # already a whole word: stems count too
        expansions = self.vocab.expand(p)
        if not expansions:
            return None
        # Completions weigh less than the word itself once that is a whole known word.
        weight = 0.3 if parts else 1.0
        name_stems: dict[str, None] = {}
        for t in expansions:
            if t != p or not parts:
                parts.append(wq.Term("plain", t, boost=weight))
            name_stems.update(dict.fromkeys(an.query_stems(t)))
        # Completions found in a name count as much as in the name field for whole words.
        parts += [wq.Term("names", s, boost=weight) for s in name_stems]
        out.prefixes.add(p)
        return _or(parts)

    def words_and(
        self, words: list[str], out: Compiled, prefix_last: bool = False, exact: bool = True
    ) -> wq.Node | None:
        content = [w for w in words if not an.is_stopword(w)] or words
        clauses: list[wq.Node] = []
        for i, w in enumerate(content):
            if prefix_last and i == len(content) - 1:
                clause = self.prefix(w, out)
            else:
                known = self.vocab.frequency(w) or w.isdigit()
                clause = self.word(w, out, exact) if known else None
            if clause is None:
                out.unknown.append(w)
                clause = wq.Term("plain", w)  # matches nothing: the fuzzy pass takes over
            clauses.append(clause)
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else wq.And(clauses)

    def alternative(self, key: str, out: Compiled, exact: bool = True) -> wq.Node:
        """Another name of the same thing: a word, or a phrase of several."""
        parts = key.split()
        if len(parts) == 1:
            return self.word(key, out, exact)
        out.words.update(w for w in parts if not an.is_stopword(w))
        phrase = wq.Phrase("plain", parts)
        return _or([phrase, wq.Term("exact", key)]) if exact else phrase

    def item(self, item: Item, out: Compiled) -> wq.Node | None:
        if item.kind == "phrase":
            out.words.update(item.words)
            return wq.Phrase("plain", item.words)
        if item.kind == "symbol":
            return self.symbol(item, out)
        return self.words_and(item.words, out, prefix_last=item.prefix)

    def symbol(self, item: Item, out: Compiled) -> wq.Node | None:
        """The document bearing a UN symbol (in whatever form it was typed), then the records
        related to it or quoting it, ranked after it (the `cites` field weighs far less)."""
        variants = symbols.query_variants(item.value)
        own = next((v for v in variants if self._has("exact", v)), None)
        # What citing records hold: every form of the document's symbol.
        cite_forms = symbols.index_keys(own) if own else variants
        cited = [k for k in dict.fromkeys(cite_forms) if self._has("cites", k)]
        # Records naming a shorter form among their own aliases (`58/220` on a glossary
        # term) rank with the citing ones.
        named = [k for k in dict.fromkeys(cite_forms) if k != own and self._has("exact", k)]
        if own is None and not cited and not named:
            return self.words_and(item.words, out)  # not a known symbol: its parts as words
        out.words.update(w for w in item.words if w.isdigit())
        parts: list[wq.Node] = [wq.Term("exact", own, boost=2.0)] if own else []
        parts += [wq.Term("cites", k, boost=CITES_WEIGHT) for k in cited]
        parts += [wq.Term("exact", k, boost=CITES_WEIGHT / 8) for k in named]
        return _or(parts)

    def _has(self, fieldname: str, text: str) -> bool:
        return self.vocab.doc_frequency(fieldname, text) > 0

    # --- aliases -------------------------------------------------------------------------

    def _aliased_runs(self, groups: list[list[Item]], out: Compiled) -> list[wq.Node]:
        """Compiles the groups, replacing runs of words that name a known alias."""
        # Stop words between content words ("qué es la economía social") would each be a
        # required term: dropped once the query has a word that is not one (they still count
        # inside an alias, "economía social y solidaria", and when typed alone).
        drop_stops = any(not _stop_words_only(group) for group in groups)
        clauses: list[wq.Node] = []
        i = 0
        while i < len(groups):
            run: list[Item] = []
            while (
                i + len(run) < len(groups)
                and len(groups[i + len(run)]) == 1
                and groups[i + len(run)][0].kind == "word"
            ):
                run.append(groups[i + len(run)][0])
            if not run:
                clause = self._or_group(groups[i], out)
                if clause is not None:
                    clauses.append(clause)
                i += 1
                continue
            clauses.extend(self._alias_run(run, out, drop_stops))
            i += len(run)
        return clauses

    def _alias_run(self, run: list[Item], out: Compiled, drop_stops: bool = False) -> list[wq.Node]:
        words: list[str] = []
        owner: list[int] = []
        for n, item in enumerate(run):
            words.extend(item.words)
            owner.extend([n] * len(item.words))

        # A record named by the whole query is what was asked for. One named by only part of
        # it ("France" in "loi économie sociale et solidaire France", "ECLAC" in "Executive
        # Secretary ECLAC") is not: the other words say what about it is wanted (its law,
        # its head). Matching a part's whole key (exact, ×8, on all its names and aliases at
        # once) outweighed every other word of the query together, so for a part the words
        # count only as words (names, text, phrase) and the records whose names hold the
        # other words too come first (Compiler._name_bonus).
        def counted(span: list[str]) -> int:
            return sum(1 for w in span if not (drop_stops and an.is_stopword(w)))

        clauses: list[wq.Node] = []
        j = 0
        while j < len(words):
            span = self.aliases.longest_match(words, j)
            if span:
                key = " ".join(words[j : j + span])
                alts = self.aliases.expansions(key)[: min(MAX_EXPANSIONS, out.alternatives_left)]
                out.alternatives_left -= len(alts)
                last_is_prefix = run[owner[j + span - 1]].prefix and j + span == len(words)
                # Stop words inside the name count as in the rest of the query ("et").
                whole = counted(words[j : j + span]) == counted(words)
                own = self.words_and(
                    words[j : j + span], out, prefix_last=last_is_prefix, exact=whole
                )
                if span > 1 and not last_is_prefix:
                    # Several words typed as a known name (Sur-Sur): as a phrase, not as
                    # words scattered anywhere ("sur" alone is French for "on").
                    out.words.update(words[j : j + span])
                    own = wq.Phrase("plain", words[j : j + span])
                exact = wq.Term("exact", key, boost=2.0) if whole else None
                options = [q for q in [own, exact] if q is not None]
                if alts:
                    # Other names count at half weight, and only the best one.
                    options.append(
                        wq.Max([self.alternative(a, out, whole) for a in alts], boost=ALIAS_WEIGHT)
                    )
                clauses.append(_or(options))
                j += span
                continue
            # No alias here: the words of this item from position j on.
            n = owner[j]
            end = j
            while (
                end < len(words)
                and owner[end] == n
                and not (end > j and self.aliases.longest_match(words, end))
            ):
                end += 1
            prefix_last = run[n].prefix and end == len(words)
            if drop_stops and not prefix_last and all(an.is_stopword(w) for w in words[j:end]):
                j = end
                continue
            clause = self.words_and(words[j:end], out, prefix_last=prefix_last)
            if clause is not None:
                clauses.append(clause)
            j = end
        return clauses

    def _or_group(self, group: list[Item], out: Compiled) -> wq.Node | None:
        subs = [q for q in (self.item(it, out) for it in group) if q is not None]
        if not subs:
            return None
        return subs[0] if len(subs) == 1 else _or(subs)

    # --- filters -------------------------------------------------------------------------

    def filter(self, item: Item) -> wq.Filter | None:
        value = an.fold(item.value)
        name = item.field_name
        if name == "kind":
            kinds = {KIND_WORDS[v] for v in re.split(r"[,|]", value) if v in KIND_WORDS}
            return wq.Filter("kind", tuple(sorted(kinds))) if kinds else None
        if name == "year":
            return _year_range(value)
        fieldname = {"type": "ftype", "region": "region", "theme": "theme", "lang": "lang"}[name]
        known = self.facet_values.get(fieldname, set())
        wanted = value.replace(" ", "-")
        matches = sorted(v for v in known if v == wanted) or sorted(
            v for v in known if wanted and wanted in v
        )
        # An unknown value filters everything out rather than being silently ignored.
        return wq.Filter(fieldname, tuple(matches) if matches else ("\x00none",))

    # --- whole query ---------------------------------------------------------------------

    def compile(self, parsed: ParsedQuery, *, relaxed: bool = False) -> Compiled:
        """The query tree; `relaxed` asks for any of the words instead of all of them."""
        out = Compiled(query=None)
        positives = self._aliased_runs(parsed.groups, out)
        filters = tuple(
            f for f in (self.filter(i) for i in parsed.filters if not i.negated) if f is not None
        )
        negatives = [
            q for q in (self.item(it, Compiled(None)) for it in parsed.negated) if q is not None
        ]
        negatives += [
            f for f in (self.filter(i) for i in parsed.filters if i.negated) if f is not None
        ]
        if positives:
            main: wq.Node = (
                positives[0]
                if len(positives) == 1
                else (wq.Or(positives) if relaxed else wq.And(positives))
            )
        elif filters:
            main = wq.Every()
        else:
            return out
        out.query = wq.Query(main, filters, tuple(negatives), self._name_bonus(parsed))
        return out

    def _name_bonus(self, parsed: ParsedQuery) -> tuple[wq.Node, ...]:
        """Records whose names hold every content word typed ("cooperative alliance": the
        International Cooperative Alliance) before those holding some of them in their names
        and the rest in their text (the glossary's "cooperative"). A word counts as held when
        a one-word other name of it is ("España" by a law named "... (Spain)"), and the word
        being typed when one of its completions is ("ley economía social esp")."""
        content = [
            (w, group[0].prefix)
            for group in parsed.groups
            if len(group) == 1 and group[0].kind == "word"
            for w in group[0].words
            if not an.is_stopword(w)
        ]
        if len(content) < 2 or len(content) != len(set(content)):
            return ()
        # A person's names are their roles at their organizations ("Executive Secretary
        # ECLAC"): the `roles` field holds both, word by word, for this bonus only.
        per_word = [
            _or(
                [
                    wq.Term(f, s)
                    for s in (self._prefix_stems(w) if prefix else self._name_stems(w))
                    for f in ("names", "roles")
                ]
            )
            for w, prefix in content
        ]
        return (wq.Max([wq.And(per_word)], boost=NAME_BONUS),)

    def _name_stems(self, word: str) -> list[str]:
        """The stems of a word and of its one-word other names (Spain = España = Espagne)."""
        others = [a for a in self.aliases.expansions(word) if " " not in a][:MAX_EXPANSIONS]
        return list(dict.fromkeys(s for w in [word, *others] for s in an.query_stems(w)))

    def _prefix_stems(self, prefix: str) -> list[str]:
        """The stems of the few completions `prefix()` searches (bounded, like it)."""
        return list(dict.fromkeys(s for t in self.vocab.expand(prefix) for s in an.query_stems(t)))


def _stop_words_only(group: list[Item]) -> bool:
    """A group that is one plain word (or hyphenated words) made of stop words only."""
    return (
        len(group) == 1
        and group[0].kind == "word"
        and not group[0].prefix
        and all(an.is_stopword(w) for w in group[0].words)
    )


def _or(subs: list[wq.Node]) -> wq.Node:
    return subs[0] if len(subs) == 1 else wq.Or(subs)


def _year(text: str) -> int | None:
    """A year typed in decimal digits (any script's: int() reads them all), else None.

    isdigit() is not enough: it is true for "❶" or "²", which int() refuses.
    """
    text = text.strip()
    return int(text) if text.isdecimal() and len(text) <= 4 else None


def year_range(value: str) -> tuple[int, int] | None:
    """A `year:` value as (first, last) year, open ends as 0 and 9999; None if not a year."""
    found = _year_range(value)
    if found is None:
        return None
    return (
        found.low if found.low is not None else 0,
        found.high if found.high is not None else 9999,
    )


def _year_range(value: str) -> wq.Filter | None:
    """`year:` values: 1978, >=1990, <2000, 1970..1980 (also 1970-1980, ..1980); else None."""
    value = value.strip()
    single = _year(value)
    if single is not None:
        return wq.Filter("year", low=single, high=single)
    for op, lo, hi in ((">=", 0, None), ("<=", None, 0), (">", 1, None), ("<", None, -1)):
        year = _year(value[len(op) :]) if value.startswith(op) else None
        if year is not None:
            return wq.Filter(
                "year",
                low=year + lo if lo is not None else None,
                high=year + hi if hi is not None else None,
            )
    match = _YEAR_RANGE.match(value)
    if match and (match.group(1) or match.group(2)):
        start = _year(match.group(1) or "")
        end = _year(match.group(2) or "")
        if start is not None and end is not None and end < start:
            start, end = end, start
        return wq.Filter("year", low=start, high=end)
    return None
