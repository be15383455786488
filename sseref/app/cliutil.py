"""Small helpers shared by the command-line modules (kinds typed by people, JSON output)."""

from __future__ import annotations

from sseref.core import vocab
from sseref.core.errors import UnknownKindError
from sseref.core.i18n import _


def kind_arg(value: str) -> str:
    """Accepts `organization`, `organizations`, `org`, … for convenience."""
    aliases = {
        **{p: k for k, p in vocab.KINDS.items()},
        **{folder: k for k, folder in vocab.KIND_FOLDERS.items()},  # people, countries, glossary
        "organisation": "organization",
        **{k: k for k in vocab.KINDS},
    }
    value = value.lower()
    if value not in aliases:
        value = value.rstrip("s")
    if value not in aliases:
        raise UnknownKindError(
            _("Unknown kind '{kind}'. Kinds: {kinds}.").format(
                kind=value, kinds=", ".join(vocab.KINDS)
            )
        )
    return aliases[value]
