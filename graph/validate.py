"""SHACL validation of a built graph with the shapes shipped beside the ontology."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import SH

from graph.resources import ontology_graph, shapes_graph

__all__ = ["Validation", "validate_graph"]


@dataclass(frozen=True)
class Validation:
    conforms: bool
    violations: list[str]

    def summary(self) -> str:
        if self.conforms:
            return "conforms"
        head = "; ".join(self.violations[:3])
        more = f" (and {len(self.violations) - 3} more)" if len(self.violations) > 3 else ""
        return f"{len(self.violations)} SHACL violation(s): {head}{more}"


def validate_graph(data: Graph) -> Validation:
    """Validate *data* against ``ontology/shapes.ttl`` (no inference).

    The ontology is added as a mixin so sh:class checks see declared classes.
    """
    import pyshacl

    conforms, report, _text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=True,
    )
    violations = []
    if not conforms:
        assert isinstance(report, Graph)
        for result in report.subjects(SH.resultSeverity, SH.Violation):
            focus = report.value(result, SH.focusNode)
            path = report.value(result, SH.resultPath)
            message = report.value(result, SH.resultMessage)
            violations.append(f"{focus} {path}: {message}")
        violations.sort()
    return Validation(bool(conforms), violations)
