"""Extracted facts: plain dataclasses, no RDF. The RDF stage reads only these."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "ENTITY_TYPES", "RELATION_TYPES", "Entity", "Fact", "Mention", "Relation", "ReportFacts", "Span",
    "Support",
]

ENTITY_TYPES = ("Project", "Enterprise", "Agency", "Place", "Policy")
# Which relation may join which types (ontology/shapes.ttl checks the same): extraction,
# curation and evaluation all read this one table.
RELATION_TYPES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "locatedIn": (frozenset({"Project", "Enterprise", "Agency", "Place"}), frozenset({"Place"})),
    "implementedBy": (frozenset({"Project"}), frozenset({"Enterprise", "Agency"})),
    "responsibleAgency": (frozenset({"Project"}), frozenset({"Agency"})),
    "partner": (frozenset({"Enterprise", "Agency"}), frozenset({"Enterprise", "Agency"})),
}


@dataclass(frozen=True, order=True)
class Span:
    """Character offsets into the report text as read (after decoding)."""

    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """The evidence of a fact or a name: where, the exact span and its sentence."""

    span: Span
    quote: str
    sentence: str
    sentence_span: Span


@dataclass
class Fact:
    """A target (plan part) or an outcome (review part).

    >>> Fact("target", "地区生产总值", 2024, Decimal("6"), None, "%", "AtLeast",
    ...      "ChangeRate", "Plain", None, None).is_target
    True
    """

    kind: str  # "target" | "outcome"
    indicator: str
    year: int
    value: Decimal | None
    upper: Decimal | None
    unit: str | None
    comparator: str | None  # AtLeast MoreThan AtMost LessThan About Exactly
    quantity_kind: str  # ChangeRate | Level
    strength: str  # Firm Aspirational Expected Plain
    mention: Mention | None
    section: int | None
    estimated: bool = False
    label: str = ""

    @property
    def is_target(self) -> bool:
        return self.kind == "target"


@dataclass
class Entity:
    """A named thing: Project, Enterprise, Agency, Place or Policy."""

    type: str
    name: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    attributes: dict[str, set[str]] = field(default_factory=dict)
    # the identity its IRI is minted from: the name qualified by the place a relative
    # name belongs to (常州市新北区/区发改委); empty means the name itself
    key: str = ""


@dataclass
class Relation:
    """A typed link between two named things, with the sentence that states it."""

    predicate: str
    subject: tuple[str, str]  # (type, name)
    object: tuple[str, str]
    mention: Mention
    method: str = "rule"


@dataclass
class Support:
    """A named thing working towards a target, with the reason the link exists.

    ``method`` is one of SameSentence, Cue, SameTaskItem, ThemeMatch (strongest first).
    """

    source: tuple[str, str]  # (entity type, entity name)
    target: Fact
    method: str
    confidence: float
    evidence: list[Mention]


@dataclass
class ReportFacts:
    """Everything extracted from one report."""

    document: object  # graph.document.Document, kept untyped to avoid a cycle
    facts: list[Fact] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    supports: list[Support] = field(default_factory=list)
    curation_log: list[str] = field(default_factory=list)

    @property
    def targets(self) -> list[Fact]:
        return [f for f in self.facts if f.kind == "target"]

    @property
    def outcomes(self) -> list[Fact]:
        return [f for f in self.facts if f.kind == "outcome"]
