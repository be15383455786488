"""Small helpers shared by the command-line modules (kinds typed by people, JSON output)."""

from __future__ import annotations

from sseref.core import vocab
from sseref.core.errors import UnknownKindError
from sseref.core.i18n import _


def kind_arg(value: str) -> str:
    """Accepts `organization`, `organizations`, `org`, … for convenience."""
    value = value.lower().rstrip("s") if value.lower() not in vocab.KINDS else value.lower()
    aliases = {
        **{p: k for k, p in vocab.KINDS.items()},
        "glossary": "term",
        "organisation": "organization",
        **{k: k for k in vocab.KINDS},
    }
    if value not in aliases:
        raise UnknownKindError(
            _("Unknown kind '{kind}'. Kinds: {kinds}.").format(
                kind=value, kinds=", ".join(vocab.KINDS)
            )
        )
    return aliases[value]
