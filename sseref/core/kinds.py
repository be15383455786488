"""One declaration per record kind: id prefix, folder, table, labels and every kind-specific field.

Everything else is derived from `KIND_SPECS`: the allowed and required fields and their checks
(`ingest.validate`), the columns of the kind's table (`ingest.build`), the tables the runtime
reads (`core.schema`, `core.db`), the texts the search index adds (`search.documents`) and the
ordered field list a record page or a fact sheet shows (`core.fieldview`). Adding a field to a
kind is one `Field(...)` line here, plus its data, labels' translations and tests.

This module imports nothing of ours but the i18n marker, so `core.vocab` can derive its kind
tables from it; a field names its closed vocabulary by key (`vocab.VOCABULARIES`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sseref.core.i18n import N_

# text: one line of text · date: YYYY[-MM[-DD]] or a range · url: an http(s) address ·
# vocab: a key of a closed vocabulary · ref: the id of a record of `ref_kind` ·
# list: a list of `item` values (today: two-letter language codes) · fact: a changeable fact,
# plain or {value, as_of, source} or {unknown: true, checked}, whose value is of `item` type ·
# country_code: an ISO 3166-1 alpha-2 code · roles: a person's public roles (own tables).
FieldType = Literal["text", "date", "url", "vocab", "ref", "list", "fact", "country_code", "roles"]
ItemType = Literal["text", "date", "url", "language"]

# The longest text a field may hold unless it says otherwise (see `Field.max_length`).
DEFAULT_MAX_LENGTH = 300
URL_MAX_LENGTH = 2000


@dataclass(frozen=True)
class Field:
    """One kind-specific field: how it is written, checked, stored, indexed and labelled."""

    name: str
    type: FieldType
    # Shown to readers (translated when shown); None: an editors' field, never presented.
    label: str | None
    required: bool = False
    # The longest text; None: URL_MAX_LENGTH for addresses, else DEFAULT_MAX_LENGTH.
    max_length: int | None = None
    vocabulary: str | None = None  # for vocab: a key of vocab.VOCABULARIES
    ref_kind: str | None = None  # for ref: the kind the id must name
    item: ItemType = "text"  # for list and fact: the type of each item / of the value
    # Where the value is kept: a column of the kind's table; "date" is kept as the record's
    # date only (records.date_text); a list or roles in tables of their own.
    column: bool = True
    record_date: bool = False  # the record's date (lists sort and the timeline place by it)
    searchable: bool = False  # its text is indexed in the search body ("Geneva", a symbol)
    indexed: bool = False  # the database indexes the column (looked up by value)
    kind_type: bool = False  # the kind's "type" (lists filter and show it as Type)
    # Shown in lists' third column (a document's symbol, an event's place, a seat).
    list_extra: bool = False
    # The label in the list of changes after a data update, where the record's kind is not
    # in view ("Seat", "Event type"); None: `label`.
    change_label: str | None = None
    # For ref: the link the build also writes from it, (relation type, side), so that readers
    # see it among the record's links; side "in" when the field names the link's source ("org/x
    # issued this document"), "out" when it names the target ("based in country/x").
    link: tuple[str, str] | None = None

    @property
    def limit(self) -> int:
        """The longest text this field's values may be."""
        if self.max_length is not None:
            return self.max_length
        url = self.type == "url" or (self.type == "fact" and self.item == "url")
        return URL_MAX_LENGTH if url else DEFAULT_MAX_LENGTH

    @property
    def value_type(self) -> str:
        """The type of the value itself (a fact's or a list item's type, else the field's)."""
        return self.item if self.type in ("fact", "list") else self.type


@dataclass(frozen=True)
class KindSpec:
    """A kind of record: its id prefix, data folder, database table, labels and fields."""

    key: str
    prefix: str
    folder: str
    table: str
    label: str
    plural: str
    fields: tuple[Field, ...] = ()

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def date_field(self) -> Field | None:
        """The field that gives the record its date (an event's date, an org's founding)."""
        return next((f for f in self.fields if f.record_date), None)

    @property
    def type_field(self) -> Field | None:
        return next((f for f in self.fields if f.kind_type), None)

    @property
    def columns(self) -> tuple[Field, ...]:
        """The fields kept as columns of the kind's table, in declaration order."""
        return tuple(f for f in self.fields if f.column and f.type not in ("list", "roles"))

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    @property
    def list_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.type == "list")

    def list_table(self, field: Field) -> str:
        """The table of a list field: `document_languages` holds documents' `languages`."""
        return f"{self.key}_{field.name}"


# Fields every kind has; their shape is checked by the validator's own code.
COMMON_FIELDS = (
    "id",
    "names",
    "aliases",
    "summary",
    "themes",
    "relations",
    "sources",
    "shares_acronym_with",
)
FACT_KEYS = ("value", "as_of", "source")
UNKNOWN_KEYS = ("unknown", "checked")
ROLE_KEYS = ("organization", "role", "since", "until", "as_of", "source")

_TYPE, _REGION = N_("Type"), N_("Region")

KIND_SPECS: tuple[KindSpec, ...] = (
    KindSpec(
        "organization",
        "org",
        "organizations",
        "organizations",
        N_("Organization"),
        N_("Organizations"),
        (
            Field("type", "vocab", _TYPE, required=True, vocabulary="org_type", kind_type=True),
            Field("region", "vocab", _REGION, vocabulary="region"),
            Field(
                "country",
                "ref",
                N_("Country"),
                ref_kind="country",
                indexed=True,
                link=("based_in", "out"),
            ),
            Field(
                "headquarters",
                "fact",
                N_("Headquarters"),
                searchable=True,
                list_extra=True,
                change_label=N_("Seat"),
            ),
            Field("founded", "fact", N_("Founded"), item="date", record_date=True),
            Field("website", "fact", N_("Website"), item="url"),
        ),
    ),
    KindSpec(
        "event",
        "event",
        "events",
        "events",
        N_("Event"),
        N_("Events"),
        (
            Field("date", "date", N_("Date"), required=True, column=False, record_date=True),
            Field("place", "text", N_("Place"), searchable=True, list_extra=True),
            Field(
                "country",
                "ref",
                N_("Country"),
                ref_kind="country",
                indexed=True,
                link=("held_in", "out"),
            ),
            Field(
                "event_type",
                "vocab",
                _TYPE,
                vocabulary="event_type",
                kind_type=True,
                change_label=N_("Event type"),
            ),
        ),
    ),
    KindSpec(
        "document",
        "doc",
        "documents",
        "documents",
        N_("Document"),
        N_("Documents"),
        (
            Field(
                "doc_type",
                "vocab",
                _TYPE,
                required=True,
                vocabulary="doc_type",
                kind_type=True,
                change_label=N_("Document type"),
            ),
            Field("symbol", "text", N_("Symbol"), searchable=True, indexed=True, list_extra=True),
            Field("date", "date", N_("Date"), column=False, record_date=True),
            Field(
                "issuing_body",
                "ref",
                N_("Issuing body"),
                ref_kind="organization",
                link=("issued", "in"),
            ),
            Field("publisher", "text", N_("Publisher"), searchable=True),
            Field("languages", "list", N_("Languages"), item="language"),
            Field("url", "url", N_("Address")),
            # The file name of the seed text in the build's source cache: not for readers.
            Field("seed", "text", None),
        ),
    ),
    KindSpec(
        "initiative",
        "init",
        "initiatives",
        "initiatives",
        N_("Initiative"),
        N_("Initiatives"),
        (
            Field(
                "initiative_type",
                "vocab",
                _TYPE,
                vocabulary="initiative_type",
                kind_type=True,
                change_label=N_("Initiative type"),
            ),
            Field("date", "date", N_("Date"), column=False, record_date=True),
            Field("url", "url", N_("Address")),
        ),
    ),
    KindSpec("term", "term", "glossary", "terms", N_("Glossary term"), N_("Glossary")),
    KindSpec(
        "person",
        "person",
        "people",
        "people",
        N_("Person"),
        N_("People"),
        (Field("roles", "roles", N_("Roles"), required=True),),
    ),
    KindSpec(
        "country",
        "country",
        "countries",
        "countries",
        N_("Country"),
        N_("Countries"),
        (
            Field(
                "iso", "country_code", N_("ISO code"), required=True, indexed=True, list_extra=True
            ),
            Field("region", "vocab", _REGION, vocabulary="region"),
        ),
    ),
)
SPECS: dict[str, KindSpec] = {spec.key: spec for spec in KIND_SPECS}


def field_links(kind: str) -> dict[str, tuple[str, str]]:
    """The fields of `kind` the build also writes as links: name → (relation type, side)."""
    return {f.name: f.link for f in SPECS[kind].fields if f.link is not None}


def linking_field(rel_type: str) -> str | None:
    """The field a derived relation type is written from (None: links written in the data)."""
    for kind_spec in KIND_SPECS:
        for f in kind_spec.fields:
            if f.link is not None and f.link[0] == rel_type:
                return f.name
    return None


def spec(kind: str) -> KindSpec:
    """The declaration of `kind` (KeyError for an unknown kind)."""
    return SPECS[kind]


def allowed_fields(kind: str) -> tuple[str, ...]:
    """Every field a record of `kind` may have, common ones first."""
    return COMMON_FIELDS + tuple(f.name for f in SPECS[kind].fields)


def fact_fields(kind: str) -> tuple[str, ...]:
    """The fields of `kind` written as changeable facts (the only ones that may be unknown)."""
    return tuple(f.name for f in SPECS[kind].fields if f.type == "fact")
