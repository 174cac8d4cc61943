"""SHACL validation of a built graph with the shapes shipped beside the ontology."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph
from rdflib.namespace import SH

from graph.resources import shapes_graph

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

    The builder asserts every node's own class, which is what the shapes'
    sh:class constraints check, so the ontology need not be mixed in.
    """
    import pyshacl

    conforms, report, _text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        inplace=True,  # no inference, so nothing is added: skip pyshacl's copy of the data
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


class BackgroundValidation:
    """Validate in a forked process while the caller does other work (2 cores: ~2× less wait).

    Falls back to validating in-process where ``fork`` is not available.
    """

    def __init__(self, data: Graph) -> None:
        import multiprocessing as mp

        self._data = data
        self._result: Validation | None = None
        self._proc = None
        if "fork" in mp.get_all_start_methods():
            ctx = mp.get_context("fork")
            self._recv, send = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_validate_into, args=(data, send), daemon=True)
            self._proc.start()
            send.close()

    def result(self) -> Validation:
        if self._result is not None:
            return self._result
        if self._proc is None:
            self._result = validate_graph(self._data)
            return self._result
        try:
            conforms, violations = self._recv.recv()
            self._result = Validation(conforms, violations)
        except EOFError:  # the child died: validate here instead
            self._result = validate_graph(self._data)
        finally:
            self._proc.join()
        return self._result


def _validate_into(data: Graph, send: object) -> None:
    result = validate_graph(data)
    send.send((result.conforms, result.violations))  # type: ignore[attr-defined]
