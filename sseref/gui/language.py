"""The interface language in the GUI: the user's choice, the system default, Qt's own strings.

`LanguageManager` resolves the remembered choice ("system", "en", "es" or "fr") to a language,
switches the gettext catalogs (core.i18n) and swaps a QTranslator loaded with the qtbase_<lang>.qm
shipped with PySide6, so Qt's standard dialogs and buttons ("Cancel", "Yes", the print dialog)
speak the same language as the rest of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sseref.core.i18n import LANGUAGES, normalize_language, set_language

CHOICES: tuple[str, ...] = ("system", *LANGUAGES)


def system_language() -> str:
    """The language the system's locale asks for, when SSE Ref has it; English otherwise."""
    for name in QLocale.system().uiLanguages():
        code = normalize_language(name)
        if code != "en" or name.lower().startswith("en"):
            return code
    return normalize_language(QLocale.system().name())


def resolve(choice: str | None) -> str:
    """A remembered choice ("system" or a code) as the language to show."""
    if choice in LANGUAGES:
        return str(choice)
    return system_language()


class LanguageManager:
    """Applies a language choice to gettext and to Qt's own translations (qtbase).

    One per process (`MANAGER`): Qt translators are installed on the application, which is one.
    """

    def __init__(self) -> None:
        self._qt: QTranslator | None = None

    @staticmethod
    def qt_translations_dir() -> str:
        """Where PySide6 keeps Qt's .qm files (also inside a PyInstaller bundle)."""
        return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)

    def _swap_qt_translator(self, lang: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if self._qt is not None:
            app.removeTranslator(self._qt)
            self._qt = None
        if lang == "en":
            return
        translator = QTranslator(app)
        if translator.load(f"qtbase_{lang}", self.qt_translations_dir()):
            app.installTranslator(translator)
            self._qt = translator

    def qt_language(self) -> str | None:
        """The language of the installed Qt translator (None for Qt's built-in English)."""
        return self._qt.language() if self._qt is not None else None

    def apply(self, choice: str | None) -> str:
        """Switches the whole interface to `choice`; returns the language now shown."""
        lang = resolve(choice)
        self._swap_qt_translator(lang)
        QLocale.setDefault(QLocale(lang))
        return set_language(lang)


MANAGER = LanguageManager()


def apply_language(choice: str | None) -> str:
    """Switches the interface (gettext and Qt) to `choice`; returns the language now shown."""
    return MANAGER.apply(choice)
