"""Errors the program reports to people as clear messages rather than tracebacks."""

from __future__ import annotations


class SSERefError(Exception):
    """Base of every error meant to be shown to the user as a message."""


class DatabaseMissingError(SSERefError):
    """The bundled database file does not exist (the data build has not run)."""


class DatabaseVersionError(SSERefError):
    """The database was built by another schema version of the program."""


class DatabaseCorruptError(SSERefError):
    """The database file exists but cannot be read as an SSE Ref database."""


class UnknownRecordError(SSERefError, KeyError):
    """No record has the requested id."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnknownKindError(SSERefError, ValueError):
    """A kind name that is not one of the record kinds."""


class UserFolderError(SSERefError, OSError):
    """A user folder (settings, data, cache) cannot be created or written; names the folder.

    Also an OSError, so code that already survives a failed write keeps doing so.
    """
