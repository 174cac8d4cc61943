"""The installed package carries its data: ontology, shapes and named queries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECK = """
from graph.resources import ontology_graph, shapes_graph
from graph.query import named_queries
import graph
assert len(ontology_graph()) > 100 and len(shapes_graph()) > 100
assert {"targets", "outcomes"} <= set(named_queries())
print(graph.__file__)
"""


def test_installed_package_has_its_data(tmp_path: Path) -> None:
    # Run from an empty folder so the import comes from the installation, not the checkout.
    proc = subprocess.run([sys.executable, "-c", CHECK], cwd=tmp_path, capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr


def test_console_script_help() -> None:
    exe = Path(sys.executable).with_name("commitkg")
    if not exe.exists():
        exe = Path("commitkg")
    proc = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert proc.returncode == 0 and "build" in proc.stdout and "query" in proc.stdout
