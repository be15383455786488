"""Turns a Record into the field values of one index document (all analysis happens here)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sseref.core import kinds
from sseref.core.models import Record
from sseref.search import analysis as an
from sseref.search import symbols
from sseref.search.schema import pair_terms

FACET_SEP = "\t"
# Relations whose other end's name is worth finding a record by ("documents issued by ILO").
_NAME_RELATIONS = {"issued", "adopted", "secretariat_of", "manages", "hosted_by"}
# Links that name a record's country ("cooperative law Mexico", "INAES Mexico"), seen from the
# organization or the document: the country's name is indexed with them, not the reverse.
_COUNTRY_LINKS = {"based_in": "out", "has_framework": "in", "has_national_body": "in"}


def record_type(rec: Record) -> str | None:
    """The value of the kind's type field (core.kinds), if the kind has one and the record too."""
    spec = kinds.SPECS.get(rec.kind)
    field = spec.type_field if spec else None
    value = rec.fields.get(field.name) if field else None
    return str(value) if value else None


def record_languages(rec: Record) -> list[str]:
    langs = set(rec.names) | set(rec.summaries) | set(rec.fields.get("languages") or [])
    return sorted(langs)


def record_years(rec: Record) -> list[int]:
    if rec.date is None:
        return []
    years = [rec.date.year]
    if rec.date.end is not None and rec.date.end.year != rec.date.year:
        years.append(rec.date.end.year)
    return years


def facet_value(
    kind: str,
    ftype: str | None,
    region: str | None,
    themes: list[str],
    langs: list[str],
    year: int | None,
) -> bytes:
    """The packed facet column: kind, type, region, themes, languages, year."""
    parts = [
        kind,
        ftype or "",
        region or "",
        " ".join(themes),
        " ".join(langs),
        str(year) if year is not None else "",
    ]
    return FACET_SEP.join(parts).encode("utf-8")


def _searchable(kind: str) -> tuple[str, ...]:
    """The kind's fields whose text is indexed (a seat, a place, a symbol; see core.kinds)."""
    spec = kinds.SPECS.get(kind)
    return tuple(f.name for f in spec.fields if f.searchable) if spec else ()


def _role_texts(rec: Record) -> list[str]:
    """A person is found by their roles and where they hold them ("Executive Secretary
    ECLAC"): every language's role name, the organization's name and acronyms."""
    if rec.kind != "person":
        return []
    texts: list[str] = []
    for role in rec.roles:
        texts.extend(role.titles.values())
        texts.append(role.organization_name)
        texts.extend(role.organization_acronyms)
    return texts


def _name_keys(rec: Record) -> list[str]:
    keys: list[str] = []
    for name in rec.names.values():
        keys.append(an.key(name.name))
        if name.acronym:
            keys.append(an.key(name.acronym))
    keys.extend(an.key(alias) for alias in rec.aliases)
    return keys


def _org_acronyms(rec: Record) -> list[str]:
    """An organization's acronyms once more: an acronym names the body before its events."""
    if rec.kind != "organization":
        return []
    keys = (an.key(n.acronym) for n in rec.names.values() if n.acronym)
    return [k for k in dict.fromkeys(keys) if k and "," not in k]


def _cites(rec: Record, own: set[str], symbol_of: Mapping[str, str], also: list[str]) -> str:
    """Symbol keys of the documents this record is related to (either direction) or quotes,
    and `also` (keys of symbols among its aliases)."""
    related = [symbol_of[r.other_id] for r in rec.relations if r.other_id in symbol_of]
    texts = [*related, *rec.summaries.values(), *(n.name for n in rec.names.values())]
    keys = [*symbols.cited_keys(texts, own), *(k for k in also if k not in own)]
    return ",".join(k for k in dict.fromkeys(keys) if "," not in k)


def record_document(rec: Record, symbol_of: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The Whoosh document (field → value) for one record; `symbol_of` maps the ids of
    documents to their UN symbols (a record related to one is found by its symbol)."""
    body: list[str] = []
    names: list[str] = []
    plain: list[str] = []
    for lang, name in rec.names.items():
        stem_lang = lang if lang in an.LANGS else "en"
        names.extend(an.stems(name.name, stem_lang))
        plain.extend(an.words(name.name))
        if name.acronym:
            # Acronyms have no language: index every stem a query for them could produce.
            names.extend(an.all_stems(name.acronym))
            plain.extend(an.words(name.acronym))
    for alias in rec.aliases:
        names.extend(an.all_stems(alias))
        plain.extend(an.words(alias))
    roles: list[str] = []
    for role in rec.roles if rec.kind == "person" else ():
        # A person is named by their role as much as by their name ("the Executive Secretary").
        for lang, title in role.titles.items():
            names.extend(an.stems(title, lang if lang in an.LANGS else "en"))
            roles.extend(an.stems(title, lang if lang in an.LANGS else "en"))
        # ... and the role by its organization ("Executive Secretary of ECLAC"). Kept out of
        # `names` (a vice-president of the ICA is not named "cooperative alliance"): only the
        # name bonus reads it, for a query naming both the role and the organization.
        for org_name in [role.organization_name, *role.organization_acronyms]:
            roles.extend(an.all_stems(org_name))
    for lang, text in rec.summaries.items():
        body.extend(an.stems(text, lang if lang in an.LANGS else "en"))
        plain.extend(an.words(text))
    facts = [str(rec.fields[k]) for k in _searchable(rec.kind) if rec.fields.get(k)]
    facts += [r.other_title for r in rec.relations if r.type in _NAME_RELATIONS]
    facts += [r.other_title for r in rec.relations if _COUNTRY_LINKS.get(r.type) == r.direction]
    facts += _role_texts(rec)
    ftype = record_type(rec)
    if ftype:
        facts.append(ftype.replace("-", " "))
    for fact in facts:
        body.extend(an.all_stems(fact))
        plain.extend(an.words(fact))
    years = record_years(rec)
    body.extend(str(y) for y in years)
    plain.extend(str(y) for y in years)

    exact = _name_keys(rec)
    symbol = rec.fields.get("symbol")
    if symbol:
        exact.extend(symbols.index_keys(str(symbol)))
    # Symbols among the aliases (a resolution's draft `A/77/L.60`, the resolution a glossary
    # term is about): found by them, but ranked with the records citing them, after the
    # document that bears the symbol.
    alias_symbols = [
        key
        for alias in rec.aliases
        if symbols.SYMBOL_RE.fullmatch(alias.strip())
        for key in symbols.index_keys(alias)
    ]
    exact.append(rec.id.split("/", 1)[-1])
    own = {symbols.normalize(k) for k in exact if k not in alias_symbols}

    region = rec.fields.get("region")
    langs = record_languages(rec)
    year = years[0] if years else None
    doc: dict[str, Any] = {
        "id": rec.id,
        "kind": rec.kind,
        "body": " ".join(body),
        "names": " ".join(names),
        "roles": " ".join(roles),
        "exact": ",".join(
            [*dict.fromkeys(k for k in exact if k and "," not in k), *_org_acronyms(rec)]
        ),
        "plain": " ".join(plain),
        "cites": _cites(rec, own, symbol_of or {}, alias_symbols),
        "pairs": " ".join(dict.fromkeys(pair_terms(plain))),
        "theme": " ".join(rec.themes),
        "lang": " ".join(langs),
        "facets": facet_value(rec.kind, ftype, region, rec.themes, langs, year),
        "titles": {lang: [n.name, n.acronym] for lang, n in rec.names.items()},
        "summaries": dict(rec.summaries),
        "date_text": rec.date.text() if rec.date else None,
    }
    if ftype:
        doc["ftype"] = ftype
    if region:
        doc["region"] = str(region)
    if year is not None:
        doc["year"] = year
    return doc
