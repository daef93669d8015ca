"""The package's layout is its data flow: read → checks → summary → words → render, with no cycles.

Imports are read from the source (module level and inside functions alike; ``if TYPE_CHECKING``
blocks are left out, since they never run). A stage may use the stages before it and the shared
base (models, errors, problems, keys, config, resources), never one after it.
"""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "rekruttering"


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in ROOT.rglob("*.py")}


def _imports(tree: ast.AST) -> Iterator[str]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                yield from _imports(child)
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rekruttering"):
            yield node.module
            yield from (f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES)
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("rekruttering"))
        else:
            yield from _imports(node)


GRAPH = {name: {m for m in _imports(ast.parse(path.read_text(encoding="utf-8"))) if m in MODULES and m != name}
         for name, path in MODULES.items()}


def _stage(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def _uses(stage: str) -> set[str]:
    return {_stage(target) for name, targets in GRAPH.items() if _stage(name) == stage for target in targets}


def test_no_import_cycles() -> None:
    done: set[str] = set()
    path: list[str] = []

    def visit(module: str) -> None:
        if module in path:
            loop = [*path[path.index(module):], module]
            # a package importing its own submodules is not a cycle
            if not all(b.startswith(a + ".") for a, b in itertools.pairwise(loop)):
                pytest.fail("import cycle: " + " → ".join(loop))
            return
        if module in done:
            return
        path.append(module)
        for target in sorted(GRAPH[module]):
            visit(target)
        path.pop()
        done.add(module)

    for module in sorted(GRAPH):
        visit(module)


BASE = {"rekruttering", "models", "errors", "problems", "keys", "config", "resources", "formats"}
ALLOWED = {
    "read": BASE | {"read", "words"},
    "checks": BASE | {"checks", "words"},
    "columnar": BASE | {"columnar", "read", "checks", "summary", "words", "privacy"},
    "summary": BASE | {"summary", "checks"},
    "words": BASE | {"words", "checks", "privacy", "summary"},
    "render": BASE | {"render", "words", "checks", "read", "summary"},
}


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_a_stage_uses_only_the_stages_before_it(stage: str) -> None:
    assert _uses(stage) <= ALLOWED[stage], sorted(_uses(stage) - ALLOWED[stage])


def test_the_check_kinds_and_the_engine_write_no_sentences() -> None:
    """Checks return codes and numbers; only words/ (and the pack loader's error messages) use the catalogue."""
    for name, targets in GRAPH.items():
        if _stage(name) == "checks" and name not in ("rekruttering.checks.pack",):
            assert not {t for t in targets if _stage(t) == "words"}, name


def test_the_summary_writes_no_sentences() -> None:
    """The summary's computation returns numbers; words/summary.py puts them into sentences."""
    assert "words" not in _uses("summary")


def test_a_renderer_reads_the_summary_model_not_its_computation() -> None:
    for name, targets in GRAPH.items():
        if _stage(name) in ("render", "words"):
            assert {t for t in targets if _stage(t) == "summary"} <= {"rekruttering.summary.model",
                                                                     "rekruttering.summary.report"}, name
