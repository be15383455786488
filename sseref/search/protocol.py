"""The pipe between the window and its search process: frames, requests and plain-data results.

A frame is a 4-byte big-endian length, then a pickle of plain data (dicts, lists, tuples,
strings, numbers). Pickle is safe here only because both ends are this program: the window
starts the search process itself and talks to it over the child's own stdin/stdout pipes,
which no other process can write to. Nothing read from a file or a network goes through it.

Requests (window → search process), each a dict with an `id` and an `op`:
- `open`: open the index serving `database` (the shipped one, `shipped`, else the user's,
  `cache`), or the index in `folder` (just rebuilt by the window). Answer: `ok` with the
  document count, or `problem` ("missing", "stale", "corrupt": the window rebuilds it).
- `search`: `text` with `options` (limit, lang…) and the user's database `user_db` (their
  notes, tags and documents are merged in). Answer: `ok` with the results as plain data.
- `cancel`: stop the search request `target` if it is still running (no answer).
Answers carry the request's `id`; a failure is `error`: (kind, message), kind one of
"cancelled", "index", "query", "failed".
"""

from __future__ import annotations

import pickle
import struct
from typing import IO, Any

from sseref.search.results import FixedExcerpt, Hit, SearchResults

HEADER = struct.Struct(">I")
MAX_FRAME = 256 * 1024 * 1024  # a length beyond this is a broken pipe, not a message

Message = dict[str, Any]


class ProtocolError(Exception):
    """The other end sent something that is not a frame (it died mid-write, or a bug)."""


def write_frame(stream: IO[bytes], message: Message) -> None:
    """Sends one message (the caller serializes writers)."""
    body = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(body)) + body)
    stream.flush()


def read_frame(stream: IO[bytes]) -> Message | None:
    """The next message, or None at the end of the stream (the other end closed it)."""
    head = _read_exactly(stream, HEADER.size)
    if head is None:
        return None
    (size,) = HEADER.unpack(head)
    if size > MAX_FRAME:
        raise ProtocolError(f"a frame of {size} bytes")
    body = _read_exactly(stream, size)
    if body is None:
        raise ProtocolError("the stream ended inside a frame")
    message = pickle.loads(body)  # noqa: S301 - our own child on our own pipe (see above)
    if not isinstance(message, dict):
        raise ProtocolError(f"a {type(message).__name__} instead of a message")
    return message


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    chunks: list[bytes] = []
    left = size
    while left:
        chunk = stream.read(left)
        if not chunk:
            if chunks:
                raise ProtocolError("the stream ended inside a frame")
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def results_to_plain(results: SearchResults) -> Message:
    """Results as plain data; each hit's snippet is made here, for the hits sent only."""
    return {
        "query": results.query,
        "total": results.total,
        "hits": [
            (
                h.id,
                h.kind,
                h.title,
                h.score,
                h.acronym,
                h.date,
                h.excerpt.text() if h.excerpt is not None else None,
            )
            for h in results.hits
        ],
        "facets": results.facets,
        "suggestion": results.suggestion,
        "corrected": results.corrected,
        "relaxed": results.relaxed,
        "offset": results.offset,
        "limit": results.limit,
        "generation": results.generation,
    }


def results_from_plain(plain: Message) -> SearchResults:
    """The results `results_to_plain` sent, with their snippets as fixed excerpts."""
    hits = [
        Hit(
            id=hit_id,
            kind=kind,
            title=title,
            score=score,
            acronym=acronym,
            date=date,
            excerpt=FixedExcerpt(snippet) if snippet is not None else None,
        )
        for hit_id, kind, title, score, acronym, date, snippet in plain["hits"]
    ]
    return SearchResults(
        query=plain["query"],
        total=plain["total"],
        hits=hits,
        facets=plain["facets"],
        suggestion=plain["suggestion"],
        corrected=plain["corrected"],
        relaxed=plain["relaxed"],
        offset=plain["offset"],
        limit=plain["limit"],
        generation=plain["generation"],
    )
