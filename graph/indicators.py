"""Matching extracted indicators to the shipped SKOS scheme (``ontology/indicators.ttl``).

>>> scheme = IndicatorScheme.load()  # doctest: +SKIP
>>> scheme.match("规模以上工业总产值")  # doctest: +SKIP
Match(concept='https://w3id.org/commitkg/indicators#…', exact=True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from graph.reader import normalise
from graph.vocab import CK

__all__ = ["IndicatorScheme", "Match", "indicator_key"]

_NOISE = re.compile(r"[“”\"'‘’《》「」（）()\s·、]")


def indicator_key(label: str) -> str:
    """A label reduced for matching: simplified, no quotes or spaces, lower case."""
    return _NOISE.sub("", normalise(label)).lower()


@dataclass(frozen=True)
class Match:
    concept: URIRef
    exact: bool


@dataclass
class IndicatorScheme:
    """The scheme's concepts, their labels and the contributesTo edges between them."""

    graph: Graph
    labels: dict[str, URIRef] = field(default_factory=dict)
    contributes: dict[URIRef, set[URIRef]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> IndicatorScheme:
        return _load()

    def match(self, label: str) -> Match | None:
        """exactMatch when a label of a concept equals *label*; broadMatch when the
        longest concept label (3 characters or more) is contained in it."""
        key = indicator_key(label)
        if key in self.labels:
            return Match(self.labels[key], True)
        best: tuple[int, URIRef] | None = None
        for lab, concept in self.labels.items():
            if len(lab) >= 3 and lab in key and (best is None or len(lab) > best[0]):
                best = (len(lab), concept)
        return Match(best[1], False) if best else None

    def reaches(self, a: URIRef) -> set[URIRef]:
        """Every concept *a* contributes to, directly or through others."""
        seen: set[URIRef] = set()
        todo = [a]
        while todo:
            for nxt in self.contributes.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen


@lru_cache(maxsize=1)
def _load() -> IndicatorScheme:
    from graph.resources import ontology_file

    g = Graph()
    source = ontology_file("indicators.ttl")
    if source.is_file():
        g.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    scheme = IndicatorScheme(g)
    # Only indicators: the theme scheme's concepts are not things a target measures.
    for concept in sorted({c for c in g.subjects(RDF.type, CK.Indicator) if isinstance(c, URIRef)}):
        if not isinstance(concept, URIRef):
            continue
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for lab in g.objects(concept, prop):
                lang = getattr(lab, "language", None)
                if lang in (None, "zh", "en"):
                    scheme.labels.setdefault(indicator_key(str(lab)), concept)
        scheme.contributes[concept] = {o for o in g.objects(concept, CK.contributesTo)
                                       if isinstance(o, URIRef)}
    return scheme
