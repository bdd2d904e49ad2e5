"""The project's paper: its text against a fresh run, and its claims checked independently."""

import shutil
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from bargaining.analysis import max_redistribution
from bargaining.labor import scenarios, strike_output
from bargaining.reproductions import PAPERS, automation_redistribution
from bargaining.reproductions.automation_redistribution.paper import PDF_TOOLS, build_pdf

PAPER_DIR = Path(__file__).resolve().parents[2] / "papers" / "automation-redistribution"


@pytest.fixture(scope="module")
def result():
    return automation_redistribution.reproduce()


@pytest.fixture(scope="module")
def rows(result):
    return result.numbers["rows"]


def test_registered():
    assert PAPERS["automation-redistribution"] == "automation_redistribution"


def test_committed_paper_is_the_fresh_run(result):
    committed = (PAPER_DIR / "paper.md").read_text(encoding="utf-8")
    assert committed == result.paper, (
        "paper.md is stale: run papers/automation-redistribution/reproduce.py"
    )


def test_headline_numbers_are_in_the_paper(result, rows):
    for text in ("215/496 ≈ 0.433", f"**{float(rows['default']['exact'].value):.3f}**"):
        assert text in result.paper
    assert "{{" not in result.paper and "{%" not in result.paper
    assert (PAPER_DIR / "figures" / "automation-redistribution.png").exists()


def test_a_star_rederived_with_sympy_from_the_incentive_constraints(rows):
    tau, delta, w, b, y, a = sp.symbols("tau delta w b y a")
    strike = (w - b) / (w + tau - b)  # delta**k: labor's value from the strike's start is w
    capital = (
        1 - w - tau - ((1 - delta) * (1 - w) + delta * ((1 - strike) * y + strike * (1 - w - tau)))
    )
    bound = next(root for root in sp.solve(sp.numer(sp.together(capital)), tau) if root != 0)
    floor = sp.solve((1 - delta) * b + delta * (w + tau) - w, tau)[0]
    values = {w: sp.Rational(3, 5), b: sp.Rational(1, 5), delta: sp.Rational(9, 10)}
    y_star = sp.solve((bound - floor).subs(values), y)[0]
    rho = sp.Rational(1, 5)  # sigma = 1/2: y_s = (a + (1 - a)/rho)**-1
    a_star = sp.solve(1 / (a + (1 - a) / rho) - y_star, a)[0]
    assert a_star == sp.Rational(215, 496)
    assert rows["default"]["closed"].value == Fraction(215, 496)


def test_closed_form_below_exact_below_grid(rows):
    for name, row in rows.items():
        closed, exact, grid = (row[m].value for m in ("closed", "exact", "grid"))
        assert float(closed) <= exact + 1e-6, name
        assert grid is None or exact <= grid + 1e-6, name
    assert rows["default"]["exact"].value > float(rows["default"]["closed"].value) + 0.05


def test_levers_move_the_breakdown_point_the_stated_way(rows):
    for method in ("closed", "exact"):
        a = {name: float(row[method].value) for name, row in rows.items()}
        assert a["liebig"] >= a["default"] >= a["substitutes"]
        assert min(a["open-models"], a["patient"], a["strike-fund"]) > a["default"]
        assert a["liebig"] == pytest.approx(1, abs=1e-6)


def test_closed_form_gain_never_exceeds_the_exact_grid_gain():
    s, levels = scenarios.DEFAULT, np.linspace(0, 1, 41)
    closed = max_redistribution(s, levels, method="closed-form")
    exact = max_redistribution(
        s, levels, method="exact", transfers=automation_redistribution.TRANSFERS
    )
    assert np.all(closed <= exact + 1e-9)


def test_exact_gain_drops_instead_of_fading(result):
    n, s = result.numbers, scenarios.DEFAULT
    for gain, y in zip(n["before_exact"], n["y_before_exact"], strict=True):
        assert gain == pytest.approx(s.delta * (1 - s.w - y), abs=1e-6)
        assert gain > 0.04


def test_revival_only_where_a_strike_is_efficient(result):
    n, s = result.numbers, scenarios.DEFAULT
    assert n["efficient_strike"] == pytest.approx(15 / 16)
    assert n["y_revival"] > 1 - s.b
    between = np.linspace(
        float(n["rows"]["default"]["grid"].value) + 0.01, n["revival"] - 0.001, 9
    )
    gains = max_redistribution(
        s, between, method="exact", transfers=automation_redistribution.TRANSFERS
    )
    assert np.all(gains == 0)
    assert (
        max_redistribution(s, 1.0, method="exact", transfers=automation_redistribution.TRANSFERS)
        > 0
    )


def test_revolt_regimes_run_in_the_order_the_paper_describes(result):
    revolt = result.numbers["revolt"]
    assert [r for _, r in revolt["seized"]["regimes"]] == [
        "no-threat",
        "redistribute",
        "democratize",
        "repress",
    ]
    assert [r for _, r in revolt["defending"]["regimes"]] == ["no-threat", "redistribute"]
    assert revolt["seized"]["regimes"][1][0] == pytest.approx(revolt["seized"]["opens"], abs=1e-9)
    assert revolt["seized"]["opens"] < revolt["defending"]["opens"]


def test_strike_closes_where_capital_keeps_its_profit(result):
    s = scenarios.DEFAULT
    assert float(strike_output(result.numbers["strike_closes"], s.sigma, s.rho)) == pytest.approx(
        1 - s.w
    )


def test_every_derived_reference_agrees(result):
    checked = [c for c in result.comparisons if c.reference is not None]
    assert len(checked) >= 14
    assert [c.label for c in checked if not c.agrees] == []


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in PDF_TOOLS),
    reason="paper.pdf needs pandoc and pdflatex: apt-get install pandoc lmodern "
    "texlive-latex-recommended",
)
def test_paper_pdf_builds_byte_for_byte(tmp_path):
    source = Path(__file__).resolve().parents[2] / "papers" / "automation-redistribution"
    copy = tmp_path / "paper"
    shutil.copytree(source, copy)
    first = build_pdf(copy / "paper.md").read_bytes()
    second = build_pdf(copy / "paper.md").read_bytes()
    assert first.startswith(b"%PDF") and first == second
