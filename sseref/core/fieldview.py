"""The ordered field list of a record as readers see it, derived from its kind's declaration.

Record pages and fact sheets call `field_views` for the label and formatted value of every
field the record's kind declares (core.kinds), in declaration order; they add their markup.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sseref.core import kinds, vocab
from sseref.core.dateformat import format_spec, format_text
from sseref.core.i18n import N_, _
from sseref.core.models import Fact, Record, Role

Translate = Callable[[str], str]

AS_OF = N_("as of {date}")
SINCE = N_("since {date}")
UNTIL = N_("until {date}")
UNKNOWN = N_("Unknown (no source found; checked {date})")
THEMES = N_("Themes")


@dataclass(frozen=True)
class FieldView:
    """One field ready to show: its label and value as text, and what a page may link."""

    name: str
    label: str
    text: str
    type: str
    link: str | None = None  # a record id (a reference: an issuing body, a country)
    url: str | None = None  # a web address (to copy, or open on request)
    fact: Fact | None = None  # a changeable fact: its "as of", source or "unknown"
    as_of: str = ""  # "as of 7 October 2025", in the reader's language, for a dated fact

    @property
    def unknown(self) -> bool:
        return self.fact is not None and self.fact.unknown


def field_views(
    record: Record,
    lang: str,
    translate: Translate = _,
    titles: Mapping[str, str] | None = None,
) -> list[FieldView]:
    """The record's kind fields (then its themes) that have a value or are explicitly unknown.

    `translate` turns a label's msgid into the sheet's or the window's language; `titles` names
    referenced records the record's relations do not (else the id is shown).
    """
    spec = kinds.SPECS.get(record.kind)
    views: list[FieldView] = []
    for field in spec.fields if spec else ():
        if field.label is None:
            continue  # an editors' field (a seed file name)
        view = _view(record, field, lang, translate, titles or {})
        if view is not None:
            views.append(view)
    if record.themes:
        text = ", ".join(_label(vocab.THEMES, t, translate) for t in record.themes)
        views.append(FieldView("themes", translate(THEMES), text, "list"))
    return views


def _label(table: Mapping[str, str], key: str, translate: Translate) -> str:
    return translate(table[key]) if key in table else key


def _view(
    record: Record,
    field: kinds.Field,
    lang: str,
    translate: Translate,
    titles: Mapping[str, str],
) -> FieldView | None:
    label = translate(field.label or "")
    fact = record.facts.get(field.name) if field.type == "fact" else None
    if fact is not None and fact.unknown:
        text = translate(UNKNOWN).format(date=format_text(fact.checked, lang))
        return FieldView(field.name, label, text, field.type, fact=fact)
    if field.record_date and not field.column:
        if record.date is None:
            return None
        return FieldView(field.name, label, format_spec(record.date, lang), field.type)
    value = record.fields.get(field.name)
    if field.type == "roles":
        if not record.roles:
            return None
        text = "; ".join(_role_text(r, lang, translate) for r in record.roles)
        return FieldView(field.name, label, text, field.type)
    if not value:
        return None
    as_of = (
        translate(AS_OF).format(date=format_text(fact.as_of, lang)) if fact and fact.as_of else ""
    )
    vtype = field.value_type
    link = url = None
    if vtype == "date":
        text = format_text(str(value), lang)
    elif vtype == "vocab":
        text = _label(vocab.VOCABULARIES[field.vocabulary or ""], str(value), translate)
    elif vtype == "language":
        text = ", ".join(_label(vocab.LANGUAGE_NAMES, code, translate) for code in value)
    elif vtype == "ref":
        link = str(value)
        named = next((r.other_title for r in record.relations if r.other_id == link), None)
        text = named or titles.get(link, link)
    else:
        text = str(value)
        url = text if vtype == "url" else None
    return FieldView(field.name, label, text, field.type, link, url, fact, as_of)


def _role_text(role: Role, lang: str, translate: Translate) -> str:
    """ "Executive Secretary, ECLAC's name (since Oct 2022; as of 7 December 2026)"."""
    start = format_text(role.since, lang, "short") if role.since else ""
    end = format_text(role.until, lang, "short") if role.until else ""
    if start and end:
        period = f"{start}–{end}"
    elif start or end:
        period = translate(SINCE if start else UNTIL).format(date=start or end)
    else:
        period = ""
    as_of = translate(AS_OF).format(date=format_text(role.as_of, lang))
    details = "; ".join(p for p in (period, as_of) if p)
    return f"{role.title(lang)}, {role.organization_name} ({details})"
