"""Interface language: gettext catalogs compiled by Babel, switchable while the program runs."""

from __future__ import annotations

import gettext
from collections.abc import Callable
from pathlib import Path

LANGUAGES: tuple[str, ...] = ("en", "es", "fr")
DOMAIN = "sseref"

_listeners: list[Callable[[str], None]] = []


class _State:
    """The current catalog; one per process because gettext's `_` is called everywhere."""

    lang: str = "en"
    translations: gettext.NullTranslations = gettext.NullTranslations()


def locale_dir() -> Path:
    from sseref.core.paths import resources_dir  # late: paths imports nothing of ours

    return resources_dir() / "generated" / "locale"


def set_language(lang: str) -> str:
    """Switches every later `_()` call to `lang` (falls back to English); returns what was set."""
    lang = normalize_language(lang)
    if lang == "en":
        translations: gettext.NullTranslations = gettext.NullTranslations()
    else:
        translations = gettext.translation(
            DOMAIN, localedir=str(locale_dir()), languages=[lang], fallback=True
        )
    _State.lang, _State.translations = lang, translations
    for listener in list(_listeners):
        listener(lang)
    return lang


def normalize_language(lang: str | None) -> str:
    """Maps a locale name such as `es_MX.UTF-8` to one of LANGUAGES, English otherwise."""
    code = (lang or "en").replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else "en"


def current_language() -> str:
    return _State.lang


def on_language_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def off_language_changed(listener: Callable[[str], None]) -> None:
    """Stops calling `listener` (windows unregister when they close)."""
    if listener in _listeners:
        _listeners.remove(listener)


def _(message: str) -> str:
    """Translates `message` into the current interface language."""
    return _State.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _State.translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Marks a string for extraction without translating it now (translated where shown)."""
    return message
