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


def test_headline_is_exact_and_names_its_selection(result, rows):
    abstract = result.paper.split("## The model", 1)[0]
    exact = rows["default"]["exact"]
    assert exact.selection == "labor-best" and exact.method == "exact"
    assert f"**a\\* = {exact.value} ≈ {float(exact.value):.3f}**" in abstract
    assert "labor's best SPE" in abstract
    assert abstract.index(str(exact.value)) < abstract.index("215/496 ≈ 0.433")
    assert "lower bound" in abstract
    assert "{{" not in result.paper and "{%" not in result.paper
    for figure in ("automation-redistribution", "job-loss", "capital-automation"):
        assert (PAPER_DIR / "figures" / f"{figure}.png").exists()


def test_a_strike_is_never_called_efficient(result):
    text = result.paper.lower()
    assert "efficient strike" not in text and "strike efficient" not in text
    assert "a strike is efficient" not in text


def _hand_automation(y):
    """Seed technology, sigma = 1/2 and rho = 1/5: y_s(a) = 1/(5 - 4a), inverted."""
    return (5 - 1 / y) / 4


def test_exact_a_star_rederived_from_the_punishment_at_capitals_minmax(rows):
    # Capital is held to y_s by (Strike, Share t): with transfer set T = {tau} labor's
    # credibility needs tau >= (1-delta)(w-b)/delta, capital's delta(1-w-y) >= (1-delta)(tau+w-b).
    w, b, delta, tau = Fraction(3, 5), Fraction(1, 5), Fraction(9, 10), Fraction(1, 10)
    assert tau >= (1 - delta) * (w - b) / delta
    y = 1 - w - (1 - delta) * (tau + w - b) / delta
    assert rows["default"]["exact"].value == _hand_automation(y)
    # With a lockout, (Strike, Lockout) punishes at no cost to labor: delta(1-w-y) >= (1-delta)tau.
    y_lockout = 1 - w - (1 - delta) * tau / delta
    assert rows["job-loss"]["exact"].value == _hand_automation(y_lockout)
    assert rows["job-loss"]["exact"].value > rows["default"]["exact"].value


def test_exact_closed_forms_agree_with_the_solver_alone(result):
    n = result.numbers
    for (name, kind), reference in n["solver"].items():
        row = n["rows"][name][kind]
        assert reference == pytest.approx(float(row.value), abs=1e-7), (name, kind)
    assert n["continuous"]["solver"] == pytest.approx(float(n["continuous"]["a"]), abs=1e-7)
    assert float(n["continuous"]["a"]) >= float(n["rows"]["default"]["grid"].value)


def test_job_loss_worst_payoff_is_the_outside_option_and_the_job_ends(result):
    job, s = result.numbers["job_loss"], scenarios.DEFAULT
    u = s.b + (s.w - s.b) * (1 - job["levels"]) / 2
    assert job["lost"] == pytest.approx(_hand_automation(1 - s.w))
    for bounds in (job["lockout"], job["lockout_grid"]):
        np.testing.assert_allclose(bounds.labor_worst, u, atol=1e-9)
        past = job["levels"] > job["lost"]
        np.testing.assert_allclose(bounds.labor_best[past], u[past], atol=1e-9)
        assert np.all(bounds.labor_best[~past] >= s.w - 1e-9)
    np.testing.assert_allclose(job["strike"].labor_worst, s.w, atol=1e-9)
    strike_revival, lockout_revival = job["revival"]
    assert strike_revival > 0 and lockout_revival == 0


def test_selections_span_nothing_to_labors_best(result):
    for name, by_selection in result.numbers["selections"].items():
        assert by_selection["capital-best"]["breakdown"].kind == "never-sustainable", name
        assert np.all(by_selection["capital-best"]["grid"] == 0), name
        labor, nash = by_selection["labor-best"]["grid"], by_selection["nash"]["grid"]
        assert np.all(nash <= labor + 1e-9) and np.all(nash >= 0), name
    labor_best = result.numbers["selections"]["default"]["labor-best"]["grid"]
    assert labor_best[0] > 0


def test_no_redistribution_is_renegotiation_proof_in_the_seed_scenario(result):
    # By hand (docs/model.md): a renegotiation-proof punishment of capital is a strike
    # that pays labor at least w + t, i.e. b + t' >= w + t with t' <= 1 - w; in the seed
    # scenario b + (1 - w) = w, so no t > 0 qualifies, with or without the lockout.
    s = scenarios.DEFAULT.exact()
    assert s.b + (1 - s.w) == s.w
    for name, by_selection in result.numbers["selections"].items():
        proof = by_selection["renegotiation-proof"]
        assert np.all(proof["grid"] == 0) and np.all(proof["2x2"] == 0), name
        assert proof["breakdown"].kind == "never-sustainable", name
    assert result.numbers["renegotiation_proof_2x2"].kind == "never-sustainable"


def test_bargained_wages_fall_with_automation_and_move_the_breakdown_later(result):
    wages = result.numbers["wages"]
    fixed = float(wages["fixed"]["labor-best"])
    for mode in ("nash", "rubinstein"):
        assert all(np.diff(wages[mode]["wage"]) < 0), mode
        assert float(wages[mode]["labor-best"]) > fixed, mode
        assert wages[mode]["renegotiation-proof"].kind == "never-sustainable", mode
    # Nash with the strike as threat point, theta = 0: w = b + (1 - b - y_s)/2 at a = 0.
    s = scenarios.DEFAULT
    assert wages["nash"]["wage"][0] == pytest.approx(s.b + (1 - s.b - s.rho) / 2)
    competitive = wages["competitive"]
    assert competitive["wage"][0] is None  # the whole output: refused at a = 0
    assert competitive["labor-best"]["defined"][0] > 0
    assert competitive["labor-best"]["from"] < competitive["renegotiation-proof"]["from"]


def test_ownership_raises_income_and_moves_breakdown_earlier(result, rows):
    n = result.numbers
    own, default = n["ownership"]["open-models"], n["ownership"]["default"]
    assert np.all(own.labor_best > default.labor_best)
    for method in ("closed", "exact"):
        assert float(rows["open-models"][method].value) < float(rows["default"][method].value)


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
        assert min(a["patient"], a["strike-fund"]) > a["default"]
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


def test_revival_only_where_a_paid_strike_is_worth_more_than_work(result):
    n, s = result.numbers, scenarios.DEFAULT
    # b + y_s(a) = 1 with y_s(a) = 1/(5 - 4a): a = 15/16.
    assert n["paid_strike"] == pytest.approx(15 / 16)
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
    assert len(checked) >= 30
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


def _anticipation_section(paper):
    return paper.split("## 6b. Anticipated automation", 1)[1].split("\n## 7.", 1)[0]


def _table_rows(section, first_cells):
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] in first_cells:
            rows[cells[0]] = cells
    return rows


def test_anticipation_section_states_what_the_library_computes(result):
    """The section's tables against rising_automation and critical_speed called here."""
    from bargaining.analysis.anticipation import (
        critical_speed,
        levels_before_paid_strike,
        rising_automation,
    )
    from bargaining.reproductions.automation_redistribution.anticipation import (
        COMPARED,
        SPEEDS,
    )
    from bargaining.reproductions.automation_redistribution.paper import ends_text

    section = _anticipation_section(result.paper)
    stated = _table_rows(section, {"a =", *COMPARED})
    full = rising_automation(scenarios.DEFAULT, SPEEDS)
    static = full[SPEEDS[0]]
    assert stated["a ="][1:] == [
        ends_text(float(static.levels[static.static_ends])),
        *(ends_text(None if r.ends is None else float(r.levels[r.ends])) for r in full.values()),
    ]
    compared = [scenarios.get(name) for name in COMPARED]
    levels = levels_before_paid_strike(compared)
    for scenario in compared:
        fresh = rising_automation(scenario, SPEEDS, levels=levels)
        ends = [None if r.ends is None else levels[r.ends] for r in fresh.values()]
        cells = stated[scenario.name]
        assert cells[2] == ends_text(levels[fresh[SPEEDS[0]].static_ends]), scenario.name
        assert cells[3:6] == [ends_text(a) for a in ends], scenario.name
        exact = critical_speed(scenario.exact(), Fraction(3, 10))
        assert cells[6] == f"{exact} ≈ {float(exact):.3f}", scenario.name


def test_anticipation_claims_hold(result):
    x = result.numbers["anticipation"]
    rows = x["rows"]
    # Hand: y_s(3/10) = 5/19; strike fund C = w - b = 1/4 and x = 2/5 - 5/19 = 13/95, floors
    # C/(C + tau) = 5/7 and (tau + C)/(x + tau + C) = 133/185; p* = 1 - (133/185)/(9/10).
    assert rows["default"]["critical"] == Fraction(1, 9)
    assert rows["strike-fund"]["critical"] == 1 - Fraction(133, 185) / Fraction(9, 10)
    for name, row in rows.items():
        assert row["solver"] == pytest.approx(float(row["critical"]), abs=1e-6), name
    assert 1.5 < rows["strike-fund"]["critical"] / rows["default"]["critical"] < 2
    # Where redistribution ends: 0 none at any level, None never (after every level).
    ends = {name: [2.0 if e is None else e for e in row["ends"]] for name, row in rows.items()}
    assert all(f >= d for f, d in zip(ends["strike-fund"], ends["default"], strict=True))
    assert ends["strike-fund"][:2] > ends["default"][:2]
    assert all(o <= d for o, d in zip(ends["open-models"], ends["default"], strict=True))
    assert ends["open-models"][1] == 0.0  # chance 0.1: none at any level
    # The seed scenario's ends on the whole grid fall with the speed; the static a* lies
    # between 0.5 and 0.6; with the fastest speed nothing is sustained.
    assert x["ends"] == sorted(x["ends"], reverse=True) and x["ends"][-1] == 0.0
    assert x["ends"][:2] == rows["default"]["ends"][:2]
    assert 0.5 < float(result.numbers["rows"]["default"]["exact"].value) < x["static_ends"]
    # The paid strike anticipated: the strike fund never ends on the whole grid, though
    # the static game sustains nothing between its breakdown and the paid-strike levels.
    fund = x["fund_full_grid"]
    assert fund["ends"] is None
    first_zero = fund["static"].index(0.0)
    assert fund["redistribution"][first_zero] > 0
    assert "## 6b. Anticipated automation" in result.paper
    abstract = result.paper.split("## The model", 1)[0]
    assert "anticipate" in abstract and "strike fund and earlier with ownership" in abstract
    assert (PAPER_DIR / "figures" / "anticipation.png").exists()


def test_automation_period_by_period_claims_hold(result):
    from bargaining.labor.investment import cost
    from bargaining.reproductions.automation_redistribution.investment import DYNAMIC_COSTS

    v = result.numbers["dynamic_investment"]
    delta = scenarios.DEFAULT.delta
    for name, row in v.items():
        levels = np.array(row["levels"])
        option, frozen = np.array(row["redistribution"]), np.array(row["frozen"])
        # The option to automate is one more deviation for capital: never more redistribution.
        assert np.all(option <= frozen + 1e-9), name
        assert not row["markov_sharing"], name
        # Productivity alone: the Markov equilibria stop at the grid's argmax of F = gain a - C.
        flow_cost = cost("quadratic", **DYNAMIC_COSTS[name])
        flow = flow_cost.gain * levels - np.array([float(flow_cost(a)) for a in levels])
        best = levels[np.isclose(flow, flow.max(), atol=1e-12)]
        assert row["markov_stops"] == pytest.approx(sorted(best)), name
        # On the path labor's best equilibrium invests exactly below the first Markov stop.
        first_stop = min(row["markov_stops"])
        assert row["invests"] == [bool(a < first_stop - 1e-9) for a in levels], name
    assert not any(v["default"]["redistribution"])
    assert max(v["default"]["frozen"]) > 0
    # The steep cost caps redistribution at a = 0.5 at delta (F(0.5) - F(0.6)).
    steep = cost("quadratic", **DYNAMIC_COSTS["steep"])
    cap = delta * (steep.gain * 0.5 - float(steep(0.5)) - steep.gain * 0.6 + float(steep(0.6)))
    assert v["steep"]["redistribution"][5] == pytest.approx(cap, abs=1e-6)
    assert v["steep"]["redistribution"][5] < v["steep"]["frozen"][5]
    assert "## 9b. Automation period by period" in result.paper
