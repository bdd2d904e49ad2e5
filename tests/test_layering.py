"""The package's layout rules, checked on the source so they stay held.

- Imports point down the layers: a package imports only the packages below
  it (``plots`` never imports ``analysis``; ``core`` knows nothing of labor).
- The imports a module runs when it is imported form no cycle.
- No private name (``_name``) is imported from another module, and a private
  module is imported only from inside its own package.
- Every public package's ``__all__`` names only what it has.
"""

from __future__ import annotations

import ast
import importlib
import pathlib

import pytest

SOURCE = pathlib.Path(__file__).resolve().parents[1] / "src" / "bargaining"

# What each top-level part of the package may import (besides itself).
# The package's own private helpers, below every layer: lazy imports, type aliases, the
# checks of output folders and how objects show themselves in notebooks.
BASE = {"_lazy", "_typing", "_output_folder", "_display"}
ALLOWED = {
    "_lazy": set(),
    "_typing": set(),
    "_output_folder": set(),
    "_display": {"_lazy"},
    "core": BASE,
    "solutions": BASE | {"core"},
    "labor": BASE | {"core", "solutions"},
    "analysis": BASE | {"core", "solutions", "labor"},
    "plots": BASE | {"core", "solutions"},
    "problemsets": BASE | {"core", "solutions", "labor", "analysis"},
    "reproductions": BASE | {"core", "solutions", "labor", "analysis", "plots"},
    "report": BASE | {"core", "solutions", "labor", "analysis", "plots"},
    "cli": BASE
    | {"core", "solutions", "labor", "analysis", "plots"}
    | {"problemsets", "reproductions", "report"},
}


def _module_name(path):
    parts = list(path.relative_to(SOURCE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def _modules():
    return {_module_name(path)[0]: path for path in sorted(SOURCE.rglob("*.py"))}


MODULES = _modules()


def _resolve(module, is_package, node):
    if node.level == 0:
        return node.module
    package = module if is_package else module.rsplit(".", 1)[0]
    base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _imports(path):
    """Every import of ``path`` as (imported module, names, at import time?)."""
    module, is_package = _module_name(path)
    tree = ast.parse(path.read_text(), filename=str(path))
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        eager = id(node) in top_level
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("bargaining"):
                    yield alias.name, (), eager
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, is_package, node)
            if not target or not target.startswith("bargaining"):
                continue
            names = [alias.name for alias in node.names]
            submodules = [n for n in names if f"{target}.{n}" in MODULES]
            for name in submodules:
                yield f"{target}.{name}", (), eager
            others = tuple(n for n in names if n not in submodules)
            if others or not submodules:
                yield target, others, eager


def _part(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _edges():
    for module, path in MODULES.items():
        for target, names, eager in _imports(path):
            yield module, target, names, eager


EDGES = list(_edges())


def test_the_source_is_found():
    assert "bargaining.core.game" in MODULES
    assert any(target == "bargaining.core.game" for _, target, _, _ in EDGES)


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_imports_point_down_the_layers(part):
    wrong = sorted(
        f"{module} imports {target}"
        for module, target, _, _ in EDGES
        if _part(module) == part
        and _part(target) not in ALLOWED[part] | {part}
        and target != "bargaining"  # the package's own __version__
    )
    assert wrong == []


def test_plots_draw_without_analysis_and_core_knows_no_labor():
    assert "analysis" not in ALLOWED["plots"]
    assert not {"labor", "analysis", "solutions"} & ALLOWED["core"]


def test_no_cycle_among_the_imports_run_at_import_time():
    graph = {module: set() for module in MODULES}
    for module, target, _, eager in EDGES:
        if eager and target in MODULES and target != module:
            graph[module].add(target)
    state, cycles = {}, []

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for target in graph[node]:
            if state.get(target) == "open":
                cycles.append(" -> ".join([*stack[stack.index(target) :], target]))
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[node] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert cycles == []


def test_no_private_name_is_imported_from_another_module():
    wrong = sorted(
        f"{module} imports {name} from {target}"
        for module, target, names, _ in EDGES
        for name in names
        if name.startswith("_") and not name.startswith("__")
    )
    assert wrong == []


def test_private_modules_are_imported_only_inside_their_package():
    wrong = []
    for module, target, _, _ in EDGES:
        parts = target.split(".")
        private = [i for i, p in enumerate(parts) if p.startswith("_") and not p.startswith("__")]
        if private:
            owner = ".".join(parts[: private[0]])
            if not (module == owner or module.startswith(owner + ".")):
                wrong.append(f"{module} imports {target}")
    assert wrong == []


PUBLIC_PACKAGES = sorted(
    module
    for module, path in MODULES.items()
    if path.name == "__init__.py" and not any(p.startswith("_") for p in module.split("."))
)


@pytest.mark.parametrize("package", PUBLIC_PACKAGES)
def test_every_name_in_all_exists(package):
    imported = importlib.import_module(package)
    assert hasattr(imported, "__all__")
    missing = [name for name in imported.__all__ if not hasattr(imported, name)]
    assert missing == []


@pytest.mark.parametrize("package", PUBLIC_PACKAGES)
def test_public_submodules_are_named_in_all(package):
    """A public module is one its package's ``__all__`` names; the others are underscored."""
    imported = importlib.import_module(package)
    children = sorted(
        m.rpartition(".")[2]
        for m in MODULES
        if m.rpartition(".")[0] == package and not m.rpartition(".")[2].startswith("_")
    )
    unnamed = [child for child in children if child not in imported.__all__]
    assert unnamed == []
