"""Display labels for the data's closed vocabularies in the interface language.

The labels come from the one label translator (`report.i18n.Translator`) that fact sheets and
the shared site use, asked for the interface's current language.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from sseref.core import vocab
from sseref.core.dateformat import format_text
from sseref.core.i18n import _, current_language
from sseref.report.i18n import Translator

TYPE_VOCABS = {
    "organization": vocab.ORG_TYPES,
    "event": vocab.EVENT_TYPES,
    "document": vocab.DOC_TYPES,
    "initiative": vocab.INITIATIVE_TYPES,
}


def _tr() -> Translator:
    return Translator.for_language(current_language())


def label(table: dict[str, str], key: str | None) -> str:
    """The translated label of `key` in a vocabulary, or the key itself if unknown."""
    return _tr().vocab_label(table, key)


def type_label(kind: str, key: str | None) -> str:
    return label(TYPE_VOCABS.get(kind, {}), key)


def region_label(key: str | None) -> str:
    return label(vocab.REGIONS, key)


def theme_label(key: str | None) -> str:
    return label(vocab.THEMES, key)


def language_label(code: str | None) -> str:
    return label(vocab.LANGUAGE_NAMES, code)


def kind_label(kind: str) -> str:
    return _tr().kind(kind)


def kind_plural(kind: str) -> str:
    if kind == vocab.MY_DOCUMENT_KIND:
        return _("Mine")  # the facet chip of the user's own documents
    return label(vocab.KIND_PLURALS, kind)


def relation_label(rel_type: str, direction: str) -> str:
    """`member_of` seen from the member ("Member of") or from the other side ("Members")."""
    return _tr().relation(rel_type, direction)


def number_label(n: int, lang: str | None = None) -> str:
    """A count as people write it in the interface language (1,234 · 1.234 · 1 234)."""
    lang = lang or current_language()
    return format_decimal(n, locale=lang)


def date_label(text: str | None, lang: str) -> str:
    """A data date for a table cell, short and per locale, as precise as the data ("Sep 1978",
    "sept. 1978", "12 sept 1978"); English uses the day-month-year order of UN documents."""
    return format_text(text, lang, "short")


def role_label(role: str | None) -> str:
    return {"member_of": _("Member"), "observer_of": _("Observer")}.get(role or "", "")
