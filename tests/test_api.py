"""The top-level API: what a new user reaches from ``import bargaining``."""

from __future__ import annotations

import subprocess
import sys

import pytest

import bargaining


def test_headline_functions_are_top_level():
    dilemma = bargaining.Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    single = bargaining.equilibrium_payoffs(dilemma, 0.1)
    assert isinstance(single, bargaining.PayoffSet)
    assert single.vertices.round(9).tolist() == [[3.0, 3.0]]
    many = bargaining.equilibrium_payoffs_many([dilemma, dilemma], [0.1, 0.9])
    assert [s.is_point for s in many] == [True, False]
    assert many[1].max(0) == pytest.approx(9.75)


def test_the_documented_imports_work():
    from bargaining.labor import Scenario, strike_output
    from bargaining.solutions import (
        Frontier,
        egalitarian,
        kalai_smorodinsky,
        nash_bargaining,
        rubinstein,
    )

    split = Frontier.from_points([(0, 0), (1, 0), (0, 1)])
    assert nash_bargaining(split, (0, 0)).payoffs == kalai_smorodinsky(split, (0, 0)).payoffs
    assert egalitarian(split, (0, 0)).payoffs == nash_bargaining(split, (0, 0)).payoffs
    assert rubinstein(0.5, 0.5).payoffs[0] == pytest.approx(2 / 3)
    assert strike_output(1, Scenario().sigma, Scenario().rho) == 1


def test_dir_lists_every_lazy_name():
    listed = dir(bargaining)
    for name in (
        "RepeatedGame",
        "PayoffSet",
        "equilibrium_payoffs",
        "equilibrium_payoffs_many",
        "Scenario",
        "labor",
        "analysis",
        "solutions",
    ):
        assert name in listed
        assert getattr(bargaining, name) is not None
    assert set(bargaining.__all__) <= set(listed)


def test_unknown_attribute_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        bargaining.nonsense  # noqa: B018


# Imported for something else than a game; sympy and html are registered as
# lazy stand-ins at import, so their submodules tell whether they really ran.
HEAVY = ("numpy", "sympy.core", "scipy", "numba", "xarray", "matplotlib", "html.entities")


def _loaded_in_fresh_process(code, modules):
    """Which of ``modules`` (or modules under them) a fresh process has loaded after ``code``."""
    probe = (
        f"{code}\n"
        "import sys\n"
        f"print(sorted(m for m in {modules!r} "
        "if any(n == m or n.startswith(m + '.') for n in sys.modules)))\n"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert found.returncode == 0, found.stderr
    return found.stdout.strip()


def test_import_loads_no_submodule_and_no_dependency():
    """``import bargaining`` loads only itself and its lazy-import helper, not even numpy."""
    code = "import sys, bargaining\nprint(sorted(m for m in sys.modules if 'bargaining' in m))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.strip() == "['bargaining', 'bargaining._lazy']", found.stderr
    assert _loaded_in_fresh_process("import bargaining", HEAVY) == "[]"


def test_a_game_loads_neither_its_algorithms_nor_the_layers_above_core():
    deferred = (
        "bargaining.core.equilibria",
        "bargaining.core.minmax",
        "bargaining.core.polygon",
        "bargaining.core.nplayer",
        "bargaining.core.repeated",
        "bargaining.core._game_display",
        "bargaining.solutions",
        "bargaining.labor",
        "bargaining.analysis",
        "bargaining.cli",
    )
    code = "from bargaining import Game\nGame([[3, 0], [5, 1]], [[3, 5], [0, 1]])"
    assert _loaded_in_fresh_process(code, deferred + HEAVY[1:]) == "[]"
