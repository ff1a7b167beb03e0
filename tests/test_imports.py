"""No import cycles in either package, function-level imports included."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"extract": "conflict_kg.extract", "graph": "conflict_kg.graph"}


def _module_name(path: Path) -> str:
    package = PACKAGES[path.relative_to(ROOT).parts[0]]
    return package if path.stem == "__init__" else f"{package}.{path.stem}"


def _imports(path: Path) -> set[str]:
    """The project modules ``path`` imports, at any depth of its code; a package means its ``__init__``."""
    name = _module_name(path)
    package = name if path.stem == "__init__" else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            out.add(base)
            out |= {f"{base}.{alias.name}" for alias in node.names}
    return {m for m in out if m.startswith("conflict_kg.")}


def import_graph() -> nx.DiGraph:
    """Module -> module it imports, for every module of both packages."""
    modules = {_module_name(p): p for d in PACKAGES for p in (ROOT / d).glob("*.py")}
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        graph.add_edges_from((name, target) for target in _imports(path) if target in modules and target != name)
    return graph


def test_import_graph_sees_the_packages():
    """The walk finds both packages and the CLI's imports of them (so an empty graph cannot pass)."""
    graph = import_graph()
    assert graph.has_edge("conflict_kg.graph._cli", "conflict_kg.extract")
    assert graph.number_of_edges() > 30


def test_no_import_cycles():
    """No module reaches itself through imports, whether at module level or inside functions."""
    cycles = sorted(sorted(c) for c in nx.simple_cycles(import_graph()))
    assert cycles == [], "\n".join(" -> ".join(c) for c in cycles[:20])


def _cli_modules() -> list[Path]:
    return sorted((ROOT / "graph").glob("_cli*.py"))


def test_cli_uses_public_names_only():
    """The command line is a leaf over the public API: each of its modules imports from the packages'
    ``__init__`` (names in their ``__all__``) or from its own ``_cli*`` modules, nothing private."""
    import conflict_kg.extract
    import conflict_kg.graph

    public = {
        "conflict_kg.extract": set(conflict_kg.extract.__all__),
        "conflict_kg.graph": set(conflict_kg.graph.__all__),
    }
    found: list[str] = []
    private: list[str] = []
    for path in _cli_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                private += [f"{path.name}: import {a.name}" for a in node.names if a.name.startswith("conflict_kg")]
            elif isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level == 1 and module.startswith("_cli"):
                    continue  # the CLI's own modules
                if node.level or module.startswith("conflict_kg"):
                    for alias in node.names:
                        found.append(alias.name)
                        if module not in public or alias.name not in public[module]:
                            private.append(f"{path.name}: from {'.' * node.level}{module} import {alias.name}")
    assert len(_cli_modules()) >= 2 and len(found) > 30  # the walk sees the imports
    assert private == []


def test_cli_modules_are_small():
    """Each command group in its own module, none over about 500 lines."""
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in _cli_modules()}
    assert sizes and max(sizes.values()) <= 500, sizes
