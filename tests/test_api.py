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


def test_import_stays_light():
    """``import bargaining`` loads neither matplotlib nor the layers above core."""
    code = (
        "import sys, bargaining; "
        "print(sorted(m for m in ('matplotlib', 'bargaining.labor', 'bargaining.analysis', "
        "'bargaining.cli') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"
