"""Closed vocabularies of the data: kinds, types, regions, themes and relation types with labels."""

from __future__ import annotations

from dataclasses import dataclass

from sseref.core.i18n import N_
from sseref.core.kinds import KIND_SPECS

# The kinds of record, derived from their declarations in core.kinds.
KINDS: dict[str, str] = {k.key: k.prefix for k in KIND_SPECS}
PREFIX_TO_KIND = {prefix: kind for kind, prefix in KINDS.items()}
KIND_FOLDERS = {k.key: k.folder for k in KIND_SPECS}
# The kind of the user's imported documents in search results (not a kind of bundled record).
MY_DOCUMENT_KIND = "my-document"
MY_DOCUMENT_PREFIX = "mydoc:"  # their ids: "mydoc:<sha256>" (see core.userdocs)
KIND_LABELS = {k.key: k.label for k in KIND_SPECS}
KIND_PLURALS = {k.key: k.plural for k in KIND_SPECS}

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


@dataclass(frozen=True, slots=True)
class RelationType:
    """A typed link: its label seen from the source record and from the target record."""

    key: str
    forward: str
    inverse: str
    # The kinds the link may go from and to (empty: any kind).
    from_kinds: tuple[str, ...] = ()
    to_kinds: tuple[str, ...] = ()
    # Written by the build from a field (`kinds.Field.link`), never in the data.
    derived: bool = False

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
        RelationType(
            "has_framework",
            N_("SSE laws and policies"),
            N_("Framework of"),
            ("country",),
            ("document",),
        ),
        RelationType(
            "has_national_body",
            N_("National bodies"),
            N_("National body of"),
            ("country",),
            ("organization",),
        ),
        RelationType(
            "based_in",
            N_("Based in"),
            N_("Organizations based here"),
            ("organization",),
            ("country",),
            derived=True,
        ),
        RelationType(
            "held_in",
            N_("Held in"),
            N_("Events held here"),
            ("event",),
            ("country",),
            derived=True,
        ),
    )
}

# The closed vocabularies a field may name (`kinds.Field.vocabulary`).
VOCABULARIES: dict[str, dict[str, str]] = {
    "org_type": ORG_TYPES,
    "region": REGIONS,
    "event_type": EVENT_TYPES,
    "doc_type": DOC_TYPES,
    "initiative_type": INITIATIVE_TYPES,
    "theme": THEMES,
    "language": LANGUAGE_NAMES,
}
# The type vocabulary of each kind that has one (lists show and filter it as "Type").
TYPE_VOCABULARIES: dict[str, dict[str, str]] = {
    spec.key: VOCABULARIES[f.vocabulary]
    for spec in KIND_SPECS
    if (f := spec.type_field) is not None and f.vocabulary
}


def kind_of(record_id: str) -> str | None:
    """The kind named by an id's prefix (`org/x` → organization), or None."""
    prefix, _, rest = record_id.partition("/")
    return PREFIX_TO_KIND.get(prefix) if rest else None
