"""The graph as a typed networkx ``MultiDiGraph``, and impact paths through it.

>>> from rdflib import Graph
>>> G = to_networkx(Graph())
>>> G.number_of_nodes()
0
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from graph.links import DEFAULT_CONFIDENCE
from graph.vocab import CK

__all__ = ["Impact", "impact_of", "impacts_on", "rank_supporters", "to_networkx"]

NODE_TYPES = ("Project", "Enterprise", "Agency", "Place", "Policy", "Target", "Outcome",
              "Indicator", "Report")
EDGE_PREDICATES = ("supports", "measuredBy", "locatedIn", "implementedBy", "responsibleAgency",
                   "partner", "contributesTo", "statedIn")
SOURCE_TYPES = ("Project", "Enterprise", "Policy")


def _label(g: Graph, node: URIRef, lang: str) -> str:
    fallback = ""
    for lab in g.objects(node, RDFS.label):
        if isinstance(lab, Literal):
            if lab.language == lang:
                return str(lab)
            if lab.language == "zh" or not fallback:
                fallback = str(lab)
    return fallback or str(node).rsplit("/", 1)[-1]


def to_networkx(g: Graph, *, lang: str = "zh") -> nx.MultiDiGraph:
    """Typed nodes (``type``, ``label``, ``aliases`` …) and edges keyed by relation.

    ``supports`` edges carry ``method``, ``confidence`` and ``sentence`` from their
    qualified node, so every link can say why it exists.
    """
    G = nx.MultiDiGraph()
    for t in NODE_TYPES:
        for node in sorted({n for n in g.subjects(RDF.type, CK[t]) if isinstance(n, URIRef)}):
            attrs: dict[str, object] = {"type": t, "label": _label(g, node, lang),
                                        "label_zh": _label(g, node, "zh")}
            attrs["aliases"] = sorted(str(a) for a in g.objects(node, SKOS.altLabel))
            for prop in ("year", "value", "upperValue", "unit"):
                v = g.value(node, CK[prop])
                if v is not None:
                    attrs[prop] = v.toPython() if isinstance(v, Literal) else str(v)
            for prop in ("comparator", "strength", "quantityKind"):
                v = g.value(node, CK[prop])
                if v is not None:
                    attrs[prop] = str(v).rsplit("#", 1)[-1]
            m = g.value(node, CK.evidence)
            if m is not None:
                attrs["sentence"] = str(g.value(m, CK.sentence) or "")
            G.add_node(str(node), **attrs)
    for pred in EDGE_PREDICATES:
        for s, o in sorted(g.subject_objects(CK[pred])):
            if str(s) in G and str(o) in G:
                G.add_edge(str(s), str(o), key=pred, relation=pred)
    for s, q in g.subject_objects(CK.qualifiedSupport):
        target = g.value(q, CK.target)
        if target is None or not G.has_edge(str(s), str(target), key="supports"):
            continue
        data = G.edges[str(s), str(target), "supports"]
        data["method"] = str(g.value(q, CK.method)).rsplit("#", 1)[-1]
        confidence = g.value(q, CK.confidence)
        data["confidence"] = float(confidence.toPython()) if isinstance(confidence, Literal) else 0.0
        sentences = [str(g.value(m, CK.sentence)) for m in g.objects(q, CK.evidence)]
        data["sentence"] = " … ".join(sorted(set(sentences)))
    return G


@dataclass(frozen=True)
class Impact:
    """One target reached by a source, with the path and the reason."""

    source: str
    source_type: str
    target: str
    indicator: str
    year: object
    value: object
    unit: object
    method: str
    confidence: float
    path: tuple[str, ...]
    sentence: str

    def row(self) -> list[str]:
        return [self.source, self.source_type, self.target, self.indicator, str(self.year or ""),
                str(self.value if self.value is not None else ""), str(self.unit or ""),
                self.method, f"{self.confidence:.2f}", " → ".join(self.path), self.sentence]


IMPACT_COLUMNS = ["source", "type", "target", "indicator", "year", "value", "unit", "method",
                  "confidence", "path", "sentence"]


def _indicator(G: nx.MultiDiGraph, target: str) -> str | None:
    for _t, ind, key in G.out_edges(target, keys=True):
        if key == "measuredBy":
            return ind
    return None


def _report(G: nx.MultiDiGraph, fact: str) -> str | None:
    for _t, rep, key in G.out_edges(fact, keys=True):
        if key == "statedIn":
            return rep
    return None


def _headline_targets(G: nx.MultiDiGraph, target: str) -> Iterable[str]:
    """Targets of the same report and year whose indicator the target's indicator feeds."""
    ind, rep, year = _indicator(G, target), _report(G, target), G.nodes[target].get("year")
    if ind is None:
        return []
    out = []
    for _i, other_ind, key in G.out_edges(ind, keys=True):
        if key != "contributesTo":
            continue
        for t, _o, k in G.in_edges(other_ind, keys=True):
            if k == "measuredBy" and G.nodes[t].get("type") == "Target" and t != target \
                    and _report(G, t) == rep and G.nodes[t].get("year") == year:
                out.append(t)
    return sorted(out)


def _sources_for(G: nx.MultiDiGraph, node: str) -> list[tuple[str, tuple[str, ...]]]:
    """The supporting sources behind a node: itself, or what an agency/place holds."""
    kind = G.nodes[node]["type"]
    if kind in SOURCE_TYPES:
        return [(node, ())]
    out: list[tuple[str, tuple[str, ...]]] = []
    if kind in ("Agency", "Place"):
        wanted = {"Agency": ("responsibleAgency", "implementedBy", "partner"),
                  "Place": ("locatedIn",)}[kind]
        for src, _n, key in G.in_edges(node, keys=True):
            if key in wanted and G.nodes[src]["type"] in SOURCE_TYPES:
                out.append((src, (G.nodes[node]["label"],)))
    return out


def _kept(data: dict[str, object], min_confidence: float, methods: Collection[str] | None) -> bool:
    """Does a supports edge pass the confidence floor and the methods asked for?"""
    confidence = data.get("confidence", 0)
    assert isinstance(confidence, (int, float))
    return confidence >= min_confidence and (methods is None or data.get("method") in methods)


def impact_of(G: nx.MultiDiGraph, node: str, *, min_confidence: float = DEFAULT_CONFIDENCE,
              methods: Collection[str] | None = None) -> list[Impact]:
    """Every target *node* reaches: directly, or through a sub-target's indicator.

    Only links at or above *min_confidence*, and of *methods* when given (SameSentence, Cue…).
    """
    found: dict[tuple[str, str, tuple[str, ...]], Impact] = {}
    for src, prefix in _sources_for(G, node):
        s = G.nodes[src]
        for _s, t, key, data in G.out_edges(src, keys=True, data=True):
            if key != "supports" or not _kept(data, min_confidence, methods):
                continue
            chains: list[tuple[str, tuple[str, ...]]] = [(t, (s["label"], G.nodes[t]["label"]))]
            chains += [(h, (s["label"], G.nodes[t]["label"], G.nodes[h]["label"]))
                       for h in _headline_targets(G, t)]
            for tgt, path in chains:
                ind = _indicator(G, tgt)
                tn = G.nodes[tgt]
                imp = Impact(s["label"], s["type"], tn["label"],
                             G.nodes[ind]["label"] if ind else "", tn.get("year"),
                             tn.get("value"), tn.get("unit"), data.get("method", ""),
                             data.get("confidence", 0.0), prefix + path, data.get("sentence", ""))
                found.setdefault((src, tgt, imp.path), imp)
    return sorted(found.values(), key=lambda i: (-i.confidence, i.target, i.path))


def find_nodes(G: nx.MultiDiGraph, name: str, types: Iterable[str]) -> list[str]:
    """Nodes of *types* named *name*: exact label or alias first, else containing it."""
    wanted = set(types)
    cands = [n for n, d in G.nodes(data=True) if d["type"] in wanted]
    exact = [n for n in cands if name in (G.nodes[n]["label"], G.nodes[n]["label_zh"])
             or name in G.nodes[n]["aliases"]]
    if exact:
        return sorted(exact)
    return sorted(n for n in cands if name in G.nodes[n]["label"] or name in G.nodes[n]["label_zh"]
                  or any(name in a for a in G.nodes[n]["aliases"]))


def impacts_on(G: nx.MultiDiGraph, indicator_or_target: str, *,
               min_confidence: float = DEFAULT_CONFIDENCE,
               methods: Collection[str] | None = None) -> list[Impact]:
    """Every source reaching a target whose indicator or label names *indicator_or_target*."""
    targets = set(find_nodes(G, indicator_or_target, ("Target",)))
    for ind in find_nodes(G, indicator_or_target, ("Indicator",)):
        targets |= {t for t, _i, k in G.in_edges(ind, keys=True)
                    if k == "measuredBy" and G.nodes[t]["type"] == "Target"}
    labels = {G.nodes[t]["label"] for t in targets}
    out: list[Impact] = []
    for n, d in sorted(G.nodes(data=True)):
        if d["type"] in SOURCE_TYPES:
            out.extend(i for i in impact_of(G, n, min_confidence=min_confidence, methods=methods)
                       if i.target in labels)
    return sorted(out, key=lambda i: (i.target, -i.confidence, i.source))


def rank_supporters(G: nx.MultiDiGraph, *, min_confidence: float = DEFAULT_CONFIDENCE,
                    methods: Collection[str] | None = None
                    ) -> list[tuple[str, str, int, int, float]]:
    """Projects and enterprises by the number of targets they reach.

    Returns ``(label, type, direct targets, all targets reached, degree centrality)``.
    """
    support = nx.DiGraph()
    for s, t, key, data in G.edges(keys=True, data=True):
        if key == "supports" and _kept(data, min_confidence, methods):
            support.add_edge(s, t)
    centrality = nx.degree_centrality(support) if support.number_of_nodes() > 1 else {}
    rows = []
    for n, d in G.nodes(data=True):
        if d["type"] not in ("Project", "Enterprise") or n not in support:
            continue
        reached = {i.target for i in impact_of(G, n, min_confidence=min_confidence, methods=methods)}
        rows.append((d["label"], d["type"], support.out_degree(n), len(reached),
                     round(centrality.get(n, 0.0), 4)))
    return sorted(rows, key=lambda r: (-r[3], -r[2], r[0]))
