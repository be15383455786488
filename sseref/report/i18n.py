"""Translations for one sheet language, independent of the interface language.

A Spanish sheet can be printed from an English window (and a bilingual sheet needs two languages
at once), so sheets never switch the process-wide language: they use a `Translator` whose `_` is
looked up in that language's catalog. Messages are still written as `_("...")` calls so the
catalog extraction finds them.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from functools import lru_cache

from sseref.core import i18n, vocab


@lru_cache(maxsize=8)
def _catalog(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(
        i18n.DOMAIN, localedir=str(i18n.locale_dir()), languages=[lang], fallback=True
    )


def clear_cache() -> None:
    """Forgets loaded catalogs (after a content update or in tests that install catalogs)."""
    _catalog.cache_clear()


class Translator:
    """Translates messages and vocabulary labels into one sheet language."""

    def __init__(self, lang: str, translations: gettext.NullTranslations) -> None:
        self.lang = lang
        self._translations = translations

    @classmethod
    def for_language(cls, lang: str) -> Translator:
        code = i18n.normalize_language(lang)
        return cls(code, _catalog(code))

    def _(self, message: str) -> str:
        """The message in this translator's language (English when the catalog lacks it)."""
        return self._translations.gettext(message)

    def kind(self, kind: str) -> str:
        if kind == vocab.MY_DOCUMENT_KIND:
            return self._("My document")
        return self._(vocab.KIND_LABELS.get(kind, kind))

    def vocab_label(self, table: Mapping[str, str], key: str | None) -> str:
        """A vocabulary value's label (`un-entity` → "UN entity"), the key itself if unknown."""
        if not key:
            return ""
        return self._(table[key]) if key in table else key

    def relation(self, rel_type: str, direction: str) -> str:
        spec = vocab.RELATION_TYPES.get(rel_type)
        if spec is None:
            return rel_type
        msgid = spec.forward if direction == "out" else spec.inverse
        return self._(msgid)

    def language_name(self, code: str) -> str:
        return self.vocab_label(vocab.LANGUAGE_NAMES, code) or code

    def n_(self, singular: str, plural: str, n: int) -> str:
        """The singular or plural form for `n` in this language."""
        return self._translations.ngettext(singular, plural, n)
