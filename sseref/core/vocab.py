"""Closed vocabularies of the data: kinds, types, regions, themes and relation types with labels."""

from __future__ import annotations

from typing import NamedTuple

from sseref.core.i18n import N_

KINDS: dict[str, str] = {
    "organization": "org",
    "event": "event",
    "document": "doc",
    "initiative": "init",
    "term": "term",
}
PREFIX_TO_KIND = {prefix: kind for kind, prefix in KINDS.items()}
KIND_FOLDERS = {
    "organization": "organizations",
    "event": "events",
    "document": "documents",
    "initiative": "initiatives",
    "term": "glossary",
}
# The kind of the user's imported documents in search results (not a kind of bundled record).
MY_DOCUMENT_KIND = "my-document"
MY_DOCUMENT_PREFIX = "mydoc:"  # their ids: "mydoc:<sha256>" (see core.userdocs)
KIND_LABELS = {
    "organization": N_("Organization"),
    "event": N_("Event"),
    "document": N_("Document"),
    "initiative": N_("Initiative"),
    "term": N_("Glossary term"),
}
KIND_PLURALS = {
    "organization": N_("Organizations"),
    "event": N_("Events"),
    "document": N_("Documents"),
    "initiative": N_("Initiatives"),
    "term": N_("Glossary"),
}

ORG_TYPES = {
    "un-entity": N_("UN entity"),
    "un-regional-commission": N_("UN regional commission"),
    "un-intergovernmental-body": N_("UN intergovernmental body"),
    "un-interagency-body": N_("UN inter-agency body"),
    "un-fund": N_("UN fund"),
    "intergovernmental-organization": N_("Intergovernmental organization"),
    "intergovernmental-group": N_("Intergovernmental group"),
    "government-institution": N_("Government institution"),
    "network": N_("Network"),
    "federation": N_("Federation"),
    "ngo": N_("Non-governmental organization"),
    "foundation": N_("Foundation"),
    "research-centre": N_("Research or training centre"),
    "development-bank": N_("Development bank"),
    "other": N_("Other"),
}
REGIONS = {
    "global": N_("Global"),
    "africa": N_("Africa"),
    "americas": N_("Americas"),
    "arab-states": N_("Arab States"),
    "asia-pacific": N_("Asia and the Pacific"),
    "europe": N_("Europe"),
    "ibero-america": N_("Ibero-America"),
    "latin-america-caribbean": N_("Latin America and the Caribbean"),
    "mediterranean": N_("Mediterranean"),
    "north-america": N_("North America"),
}
THEMES = {
    "sse": N_("Social and solidarity economy"),
    "ssc": N_("South-South and triangular cooperation"),
    "development": N_("Development"),
    "trade": N_("Trade"),
    "finance": N_("Finance"),
    "ict": N_("Information and communication technologies"),
    "statistics": N_("Statistics"),
    "local-development": N_("Local development"),
    "decent-work": N_("Decent work"),
    "environment": N_("Environment"),
    "governance": N_("Governance"),
}
EVENT_TYPES = {
    "conference": N_("Conference"),
    "summit": N_("Summit"),
    "seminar": N_("Seminar"),
    "session": N_("Session"),
    "founding": N_("Founding"),
    "resolution": N_("Resolution"),
    "declaration": N_("Declaration"),
    "international-day": N_("International day"),
    "renaming": N_("Renaming"),
    "milestone": N_("Milestone"),
    "launch": N_("Launch"),
    "membership": N_("Membership"),
}
DOC_TYPES = {
    "resolution": N_("Resolution"),
    "decision": N_("Decision"),
    "plan-of-action": N_("Plan of action"),
    "outcome-document": N_("Outcome document"),
    "declaration": N_("Declaration"),
    "recommendation": N_("Recommendation"),
    "report": N_("Report"),
    "briefing-note": N_("Briefing note"),
    "seminar-report": N_("Seminar report"),
    "call-for-contributions": N_("Call for contributions"),
    "web-page": N_("Web page"),
    "guidelines": N_("Guidelines"),
    "action-plan": N_("Action plan"),
    "strategy": N_("Strategy"),
    "position-paper": N_("Position paper"),
    "law": N_("Law"),
    "other": N_("Other"),
}
INITIATIVE_TYPES = {
    "programme": N_("Programme"),
    "platform": N_("Platform"),
    "fund": N_("Fund"),
    "working-group": N_("Working group"),
    "good-practice": N_("Good practice"),
    "project": N_("Project"),
    "event-series": N_("Event series"),
    "training": N_("Training"),
}
LANGUAGE_NAMES = {
    "en": N_("English"),
    "es": N_("Spanish"),
    "fr": N_("French"),
    "pt": N_("Portuguese"),
    "ar": N_("Arabic"),
    "zh": N_("Chinese"),
    "ru": N_("Russian"),
}


# Citation styles (core.citation builds them; the window's menu lists them at start-up).
CITATION_STYLES: dict[str, str] = {
    "un": N_("UN documentation style"),
    "apa": N_("APA (7th edition)"),
    "chicago": N_("Chicago (notes and bibliography)"),
}


class RelationType(NamedTuple):  # not a dataclass: cheaper to define at start-up
    """A typed link: its label seen from the source record and from the target record."""

    key: str
    forward: str
    inverse: str

    @property
    def symmetric(self) -> bool:
        """Reads the same both ways ("Related to"): one link, whichever record stores it."""
        return self.forward == self.inverse


RELATION_TYPES: dict[str, RelationType] = {
    r.key: r
    for r in (
        RelationType("member_of", N_("Member of"), N_("Members")),
        RelationType("observer_of", N_("Observer of"), N_("Observers")),
        RelationType("hosted_by", N_("Hosted by"), N_("Hosts")),
        RelationType("manages", N_("Manages"), N_("Managed by")),
        RelationType("secretariat_of", N_("Secretariat of"), N_("Secretariat")),
        RelationType("part_of", N_("Part of"), N_("Parts")),
        RelationType("issued", N_("Issued"), N_("Issued by")),
        RelationType("adopted", N_("Adopted"), N_("Adopted by")),
        RelationType("endorsed", N_("Endorsed"), N_("Endorsed by")),
        RelationType("led_to", N_("Led to"), N_("Resulted from")),
        RelationType("about", N_("About"), N_("Subject of")),
        RelationType("participated_in", N_("Participated in"), N_("Participants")),
        RelationType("organized", N_("Organized"), N_("Organized by")),
        RelationType("partner_of", N_("Partner of"), N_("Partners")),
        RelationType("funded_by", N_("Funded by"), N_("Funds")),
        RelationType("succeeded_by", N_("Succeeded by"), N_("Succeeded")),
        RelationType("established", N_("Established"), N_("Established by")),
        RelationType("implements", N_("Implements"), N_("Implemented by")),
        RelationType("mentions", N_("Mentions"), N_("Mentioned in")),
        RelationType("related_to", N_("Related to"), N_("Related to")),
    )
}

ORG_FIELDS = ("type", "region", "headquarters", "founded", "website")
EVENT_FIELDS = ("date", "place", "event_type")
DOC_FIELDS = ("doc_type", "symbol", "date", "issuing_body", "publisher", "languages", "url", "seed")
INITIATIVE_FIELDS = ("initiative_type", "date", "url")
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
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "organization": ORG_FIELDS,
    "event": EVENT_FIELDS,
    "document": DOC_FIELDS,
    "initiative": INITIATIVE_FIELDS,
    "term": (),
}
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "organization": ("type",),
    "event": ("date",),
    "document": ("doc_type",),
    "initiative": (),
    "term": (),
}


def kind_of(record_id: str) -> str | None:
    """The kind named by an id's prefix (`org/x` → organization), or None."""
    prefix, _, rest = record_id.partition("/")
    return PREFIX_TO_KIND.get(prefix) if rest else None
