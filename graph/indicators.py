"""Matching extracted indicators to the shipped SKOS scheme (``ontology/indicators.ttl``).

>>> scheme = IndicatorScheme.load()  # doctest: +SKIP
>>> scheme.match("规模以上工业总产值")  # doctest: +SKIP
Match(concept='https://w3id.org/commitkg/indicators#…', exact=True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
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
    """Parse the scheme with Oxigraph (ten times faster than rdflib's Turtle parser)."""
    import pyoxigraph as ox

    from graph.resources import ontology_file

    scheme = IndicatorScheme(Graph())
    source = ontology_file("indicators.ttl")
    if not source.is_file():
        return scheme
    triples = list(ox.parse(source.read_bytes(), format=ox.RdfFormat.TURTLE))
    rdf_type, indicator = str(RDF.type), str(CK.Indicator)
    concepts = {t.subject.value for t in triples
                if t.predicate.value == rdf_type and t.object.value == indicator}
    wanted = {str(SKOS.prefLabel), str(SKOS.altLabel), str(CK.contributesTo), str(CK.theme)}
    pending: list[tuple[str, URIRef]] = []
    for t in sorted(triples, key=lambda t: (t.subject.value, t.predicate.value, str(t.object))):
        s, p = t.subject.value, t.predicate.value
        if s not in concepts or p not in wanted:
            continue
        concept = URIRef(s)
        if isinstance(t.object, ox.Literal):
            lang = t.object.language
            literal = Literal(t.object.value, lang=lang)
            if p == str(SKOS.prefLabel):
                scheme.graph.add((concept, SKOS.prefLabel, literal))
            if lang in (None, "zh", "en"):
                pending.append((t.object.value.replace("\n", " "), concept))
        elif p == str(CK.contributesTo):
            scheme.contributes.setdefault(concept, set()).add(URIRef(t.object.value))
        elif p == str(CK.theme):
            scheme.graph.add((concept, CK.theme, URIRef(t.object.value)))
    # one normalisation pass over every label (a call per label costs more than the file)
    keys = normalise("\n".join(lab for lab, _c in pending)).split("\n") if pending else []
    for key, (_lab, concept) in zip(keys, pending, strict=True):
        scheme.labels.setdefault(_NOISE.sub("", key).lower(), concept)
    for c in concepts:
        scheme.contributes.setdefault(URIRef(c), set())
    return scheme
