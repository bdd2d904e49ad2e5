"""The package's metadata: one version, a citation that agrees, extras, typed public API."""

import importlib
import inspect
import re
import tomllib
import types
from pathlib import Path

import pytest

import bargaining

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
CITATION = (ROOT / "CITATION.cff").read_text()


def citation_field(text, key):
    """The value of a top-level ``key: value`` line of CITATION.cff, unquoted."""
    match = re.search(rf"^{key}:[ \t]*(.+)$", text, re.MULTILINE)
    assert match, f"CITATION.cff has no top-level {key!r}"
    return match.group(1).strip().strip("\"'")


def requirement_name(requirement):
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()


def test_citation_version_and_license_agree_with_pyproject():
    assert citation_field(CITATION, "cff-version") == "1.2.0"
    assert citation_field(CITATION, "version") == PYPROJECT["project"]["version"]
    assert citation_field(CITATION, "license") == PYPROJECT["project"]["license"]
    assert "MIT License" in (ROOT / "LICENSE").read_text()


def test_preferred_citation_is_the_projects_paper():
    paper = (ROOT / "papers" / "automation-redistribution" / "paper.md").read_text()
    title = paper.splitlines()[0].removeprefix("# ")
    preferred = CITATION.split("preferred-citation:", 1)[1]
    assert re.search(rf'^  title: "{re.escape(title)}"$', preferred, re.MULTILINE)


def test_version_is_read_from_the_installed_metadata():
    assert bargaining.__version__ == PYPROJECT["project"]["version"]
    source = (ROOT / "src" / "bargaining" / "__init__.py").read_text()
    assert PYPROJECT["project"]["version"] not in source


def test_changelog_has_a_section_for_the_current_version():
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert "## [Unreleased]" in changelog
    assert f"## [{PYPROJECT['project']['version']}]" in changelog


def test_plain_install_pulls_no_test_oracles_and_dev_pulls_every_extra():
    extras = PYPROJECT["project"]["optional-dependencies"]
    plain = {requirement_name(r) for r in PYPROJECT["project"]["dependencies"]}
    oracles = {requirement_name(r) for r in extras["oracles"]}
    assert oracles == {"pygambit", "quantecon"}
    assert not plain & oracles
    assert not plain & {requirement_name(r) for r in extras["test"] + extras["docs"]}
    (dev,) = extras["dev"]
    included = set(re.fullmatch(r"bargaining\[(.+)\]", dev).group(1).split(","))
    assert included == set(extras) - {"dev"}


def test_package_is_marked_typed():
    assert (ROOT / "src" / "bargaining" / "py.typed").is_file()


# The layers whose API is typed; the consumers above them (figures, problem sets,
# reproductions, the report and the command line) are not part of the typed surface.
CONSUMERS = tuple(
    f"bargaining.{name}" for name in ("cli", "plots", "problemsets", "report", "reproductions")
)

MODULE_LISTS = ("bargaining", "bargaining.labor")
# Modules whose names became public when the package took its present layout, and whose
# type hints are still to come; checked again once they are annotated.
GEOMETRY_HELPERS = {
    f"bargaining.core.polygon.{name}"
    for name in ("hausdorff_distance", "hull_array", "line_segment_bounds", "simplify_polygon")
}
NOT_YET_TYPED = (
    "bargaining.core.equilibria",
    "bargaining.core.io",
    "bargaining.analysis.sweeps.executors",
    "bargaining.labor.evaluation",
    "bargaining.labor.investment",
)


def public_surface():
    """Every public function and class of the modules that make up the public API.

    Starts from the ``__all__`` of the package and its public subpackages, follows
    the modules they name and the modules that define the names; a module's public
    names are its ``__all__``, or else what it defines without a leading underscore.
    """
    pending = [
        bargaining,
        *(importlib.import_module(f"bargaining.{name}") for name in ("core", "labor", "analysis")),
    ]
    seen, surface = set(), {}
    while pending:
        module = pending.pop()
        if module.__name__ in seen or module.__name__.startswith(CONSUMERS):
            continue
        seen.add(module.__name__)
        if hasattr(module, "__all__"):
            names = module.__all__
        else:
            names = [
                name
                for name, value in vars(module).items()
                if not name.startswith("_")
                and getattr(value, "__module__", None) == module.__name__
            ]
        for name in names:
            value = getattr(module, name)
            if isinstance(value, types.ModuleType):
                # Packages are followed; of the plain modules an __all__ names, those of the
                # top level and of labor (the model's modules), as before the layout changed.
                if hasattr(value, "__path__") or module.__name__ in MODULE_LISTS:
                    pending.append(value)
            elif (inspect.isfunction(value) or inspect.isclass(value)) and not (
                value.__module__.startswith(NOT_YET_TYPED)
                or f"{value.__module__}.{value.__qualname__}" in GEOMETRY_HELPERS
            ):
                surface[f"{value.__module__}.{value.__qualname__}"] = value
                pending.append(importlib.import_module(value.__module__))
    return surface


def unannotated(function):
    """The parameters (and ``return``) of ``function`` that carry no annotation."""
    signature = inspect.signature(function)
    missing = [
        name
        for name, parameter in signature.parameters.items()
        if name not in ("self", "cls") and parameter.annotation is inspect.Parameter.empty
    ]
    if signature.return_annotation is inspect.Signature.empty:
        missing.append("return")
    return missing


def callables_of(name, value):
    if inspect.isfunction(value):
        yield name, value
        return
    if issubclass(value, BaseException):
        return
    for attribute, member in vars(value).items():
        if attribute.startswith("_") and attribute not in ("__init__", "__call__"):
            continue
        if isinstance(member, property):
            yield f"{name}.{attribute}", member.fget
        elif isinstance(member, classmethod | staticmethod):
            yield f"{name}.{attribute}", member.__func__
        elif inspect.isfunction(member):
            yield f"{name}.{attribute}", member


SURFACE = public_surface()


def test_public_surface_reaches_the_documented_entry_points():
    for name in (
        "bargaining.core.game.Game",
        "bargaining.core.repeated.RepeatedGame",
        "bargaining.labor.scenarios.Scenario",
        "bargaining.analysis.threshold.Threshold",
        "bargaining.solutions.nash.nash_bargaining",
        "bargaining.labor.wages.wage",
    ):
        assert any(key.endswith(name.rsplit(".", 1)[1]) for key in SURFACE), name
    assert len(SURFACE) > 50


@pytest.mark.parametrize("name", sorted(SURFACE))
def test_public_functions_and_methods_are_annotated(name):
    missing = {
        qualified: gaps
        for qualified, function in callables_of(name, SURFACE[name])
        if (gaps := unannotated(function))
    }
    assert not missing, f"unannotated: {missing}"
