"""Every read of Whoosh's private data layout, in one place, with a check of that layout.

The evaluator scores whole posting blocks with dict and set operations instead of walking
Whoosh's matcher tree one posting at a time (several times faster, exact totals, cached
per-term scores). That needs four things Whoosh does not publish:

- a leaf matcher's block fields (`_read_ids`, `_read_weights`, `_read_values`, `_ids`,
  `_weights`, `_values`, `_maxid`, `_lastblock`, `_goto`, `_nextoffset`) of the `whoosh3`
  codec's posting reader;
- the per-document field-length column (`_perdoc._cached_reader`, and the column reader's
  `_count`, `_dbfile`, `_basepos`): one byte per document, read in one piece;
- the encoding of a `Positions` value: a 4-byte count, then the position deltas pickled
  (Whoosh writes them with `pickle.dumps(..., 2)[2:-1]`: no protocol header, no STOP);
- `whoosh.system._INT_SIZE`, the width of that count, and that posting weights are stored as
  32-bit floats (the evaluator's scores for a few documents must equal its whole-term scores).

Nothing else in `sseref` touches these. Each reader falls back to Whoosh's public API when the
layout is not there, so another Whoosh version still answers (slower), and
`tests/search/test_whoosh_internals.py` fails with `layout_problems()`'s message so the
difference is seen before a release, not in a user's timings.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterator
from itertools import accumulate
from pickle import loads
from typing import Any

import whoosh
from whoosh.reading import TermNotFound
from whoosh.system import _INT_SIZE
from whoosh.util.numeric import byte_to_length

# The distribution and the versions whose layout this module was written against and tested
# (Whoosh-Reloaded continues Whoosh, whose last release was 2.7.4: the version tells them apart).
PINNED_DISTRIBUTION = "Whoosh-Reloaded"
PINNED_VERSIONS = ("2.7.5",)
# A leaf matcher's private block interface (whoosh/codec/whoosh3.py, W3LeafMatcher).
BLOCK_FIELDS = (
    "_read_ids",
    "_read_weights",
    "_read_values",
    "_ids",
    "_weights",
    "_values",
    "_maxid",
    "_lastblock",
    "_goto",
    "_nextoffset",
)
# The length column reader's private fields (whoosh/columns.py, a fixed-width column).
LENGTH_COLUMN_FIELDS = ("_count", "_dbfile", "_basepos")

__all__ = [
    "TermNotFound",
    "byte_to_length",
    "installed_version",
    "layout_problems",
    "length_bytes",
    "positions",
    "postings",
    "stored_weight",
    "values_for",
]


def installed_version() -> str:
    """The installed Whoosh version, for messages. Read from Whoosh itself: asking the
    package metadata (`importlib.metadata`) cost about as much as importing this module."""
    return f"Whoosh {whoosh.versionstring()}"


def _has_block_layout(matcher: Any) -> bool:
    return all(hasattr(matcher, name) for name in BLOCK_FIELDS)


def _blocks(matcher: Any) -> Iterator[Any]:
    """The matcher positioned on each of its blocks in turn (ids read; the rest on demand)."""
    while True:
        matcher._read_ids()
        yield matcher
        if matcher._lastblock:
            return
        matcher._goto(matcher._nextoffset)


def postings(leaf: Any, fieldname: str, text: str) -> tuple[list[int], list[float]]:
    """One segment's document numbers (its own numbering) and weights for a term, block by
    block; ([], []) when the segment does not hold the term."""
    try:
        m = leaf.postings(fieldname, text)
    except TermNotFound:
        return [], []
    ids: list[int] = []
    weights: list[float] = []
    if _has_block_layout(m):
        for block in _blocks(m):
            block._read_weights()
            ids.extend(block._ids)
            weights.extend(block._weights)
        return ids, weights
    while m.is_active():  # another layout: Whoosh's public matcher, one posting at a time
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    return ids, weights


def values_for(leaf: Any, fieldname: str, text: str, wanted: list[int]) -> list[tuple[int, bytes]]:
    """(document number, encoded value) of a term for the sorted segment-local documents
    `wanted` only. A block's last document number is in its header, so blocks before the next
    wanted document are skipped without being decoded."""
    if not wanted:
        return []
    try:
        m = leaf.postings(fieldname, text)
    except TermNotFound:
        return []
    keep = set(wanted)
    out: list[tuple[int, bytes]] = []
    if not _has_block_layout(m):
        while m.is_active():
            if m.id() in keep:
                out.append((m.id(), m.value()))
            m.next()
        return out
    j = 0
    while True:
        if wanted[j] <= m._maxid:
            m._read_ids()
            m._read_values()
            out.extend((d, v) for d, v in zip(m._ids, m._values, strict=True) if d in keep)
            j = bisect.bisect_right(wanted, m._maxid, j)
            if j >= len(wanted):
                return out
        if m._lastblock:
            return out
        m._goto(m._nextoffset)


def length_bytes(leaf: Any, fieldname: str) -> bytes | None:
    """A segment's per-document lengths of a field, one byte each as Whoosh stores them
    (`byte_to_length` decodes one); documents past the end have no length (byte 0). None
    when the layout is another: then ask `leaf.doc_field_length` per document."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    try:
        perdoc = getattr(leaf, "_perdoc", leaf)  # a segment reader's per-document part
        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        if column is None:
            return b""
        stored = column._count
        return bytes(column._dbfile.get(column._basepos, stored)) if stored else b""
    except AttributeError:
        return None


_COUNT = struct.Struct(">I")
_F32 = struct.Struct("<f")


def stored_weight(raw: bytes, boost: float) -> float:
    """The weight Whoosh stores for a `Positions` value: its count (the value's first four
    bytes, big-endian) times the format's boost, rounded to a 32-bit float as written."""
    count = _COUNT.unpack_from(raw)[0]
    return float(_F32.unpack(_F32.pack(count * boost))[0])


def positions(raw: bytes) -> list[int]:
    """Decodes a `Positions` value: the count, then the pickled position deltas."""
    body = raw[_INT_SIZE:]
    if not body.endswith(b"."):
        body += b"."  # Whoosh strips pickle's STOP opcode
    return list(accumulate(loads(body)))


def layout_problems(leaf: Any, fieldname: str, text: str) -> list[str]:
    """What of the layout above is missing for `text` in a segment that holds it (empty when
    all is as this module expects). The message names the installed Whoosh version."""
    found: list[str] = []
    m = leaf.postings(fieldname, text)
    missing = [name for name in BLOCK_FIELDS if not hasattr(m, name)]
    if missing:
        found.append(f"the leaf matcher ({type(m).__name__}) lacks {', '.join(missing)}")
    perdoc = getattr(leaf, "_perdoc", leaf)
    if not hasattr(perdoc, "_cached_reader"):
        found.append(f"the per-document reader ({type(perdoc).__name__}) lacks _cached_reader")
    else:
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN

        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        lacking = [name for name in LENGTH_COLUMN_FIELDS if not hasattr(column, name)]
        if column is None or lacking:
            found.append(f"the length column lacks {', '.join(lacking) or 'everything'}")
    if _INT_SIZE != 4:
        found.append(f"whoosh.system._INT_SIZE is {_INT_SIZE}, not 4")
    if found:
        found.insert(
            0,
            f"{installed_version()} is installed; sseref.search.whoosh_internals was written "
            f"for {PINNED_DISTRIBUTION} {', '.join(PINNED_VERSIONS)}. Search still works "
            "through Whoosh's public API, slower; update this module for the new layout.",
        )
    return found
