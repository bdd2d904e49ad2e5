"""Rich display in notebooks: each object's HTML, SVG and LaTeX show what it holds."""

import xml.etree.ElementTree as ET
from fractions import Fraction

import pytest

from bargaining import equilibrium_payoffs
from bargaining._display import latex_number, polygon_svg
from bargaining.analysis import breakdown_automation
from bargaining.analysis.threshold import Threshold
from bargaining.core.repeated.payoff_sets import PayoffSet
from bargaining.labor import StrikeGame, scenarios
from bargaining.solutions import Frontier, nash_bargaining

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def strike_set():
    """The subgame-perfect payoff set of the default strike game at a = 0.3: a polygon."""
    scenario = scenarios.DEFAULT
    found = equilibrium_payoffs(StrikeGame(scenario, 0.3), scenario.delta)
    assert len(found.vertices) >= 3
    return found


def _points(element):
    return [tuple(map(float, p.split(","))) for p in element.get("points").split()]


def test_payoff_set_svg_draws_every_vertex_where_it_lies(strike_set):
    svg = ET.fromstring(strike_set._repr_svg_())
    assert svg.tag == f"{SVG}svg"
    polygon = svg.find(f"{SVG}polygon")
    drawn = _points(polygon)
    assert len(drawn) == len(strike_set.vertices) == len(svg.findall(f"{SVG}circle"))
    # Screen y grows downwards: the vertex best for capital is drawn highest.
    best_for_capital = max(range(len(drawn)), key=lambda i: strike_set.vertices[i][1])
    assert drawn[best_for_capital][1] == min(y for _, y in drawn)
    best_for_labor = max(range(len(drawn)), key=lambda i: strike_set.vertices[i][0])
    assert drawn[best_for_labor][0] == max(x for x, _ in drawn)


def test_payoff_set_html_lists_the_vertices_beside_the_drawing(strike_set):
    page = strike_set._repr_html_()
    assert "<svg" in page and f"{len(strike_set.vertices)} vertices" in page
    for x, y in strike_set.vertices:
        assert f">{x:.6g}</td><td" in page and f">{y:.6g}</td></tr>" in page


def test_payoff_set_latex_is_the_hull_of_its_vertices(strike_set):
    latex = strike_set._repr_latex_()
    assert latex.startswith(r"$\operatorname{conv}\{") and latex.endswith(r"\}$")
    for x, y in strike_set.vertices:
        assert f"({x:.6g}, {y:.6g})" in latex


def test_a_single_point_is_a_dot_and_a_set_of_one():
    point = PayoffSet(
        [(0.6, 0.4)],
        delta=0.9,
        method="abreu-sannikov",
        iterations=3,
        distance=0.0,
        converged=True,
    )
    svg = ET.fromstring(point._repr_svg_())
    assert svg.find(f"{SVG}polygon") is None and len(svg.findall(f"{SVG}circle")) == 1
    assert point._repr_latex_() == r"$\{(0.6, 0.4)\}$"


def test_an_empty_frame_still_parses():
    svg = ET.fromstring(polygon_svg([]))
    assert svg.findall(f"{SVG}circle") == []


def test_threshold_shows_the_exact_value_and_how_it_was_found():
    threshold = breakdown_automation(scenarios.DEFAULT.exact(), method="closed-form")
    latex = threshold._repr_latex_()
    assert r"a^* = \frac{215}{496} \approx 0.433468" in latex
    assert "stick-and-carrot" in latex
    exact = breakdown_automation(scenarios.DEFAULT.exact())
    assert r"\frac{65}{124}" in exact._repr_latex_()
    assert "labor-best subgame-perfect equilibrium" in exact._repr_latex_()
    cells = {row[0].text: row[1].text for row in ET.fromstring(exact._repr_html_()).iter("tr")}
    assert cells["selection"] == "labor-best"
    table = ET.fromstring(threshold._repr_html_())
    cells = {row[0].text: row[1].text for row in table.iter("tr")}
    assert cells["a*"] == "215/496 ≈ 0.433468" and cells["kind"] == "breaks-down"
    never = Threshold(None, "never-sustainable", "grim")
    assert "never-sustainable" in never._repr_latex_()


def test_scenario_html_is_its_parameter_table():
    scenario = scenarios.get("substitutes")
    table = ET.fromstring(scenario._repr_html_())
    cells = {row[0].text: row[1].text for row in table.find("tbody")}
    expected = {name: _shown(value) for name, value in scenario.parameters.items()}
    assert cells == {**expected, "model": scenario.model, "wage": "fixed"}
    job_loss = ET.fromstring(scenarios.get("job-loss")._repr_html_())
    cells = {row[0].text: row[1].text for row in job_loss.find("tbody")}
    assert cells["outside option u(a)"] == "b + (w - b)(1 - a)/2"
    assert "substitutes" in table.find("caption").text


def _shown(value):
    return (
        "inf"
        if value == float("inf")
        else f"{value:.6g}"
        if isinstance(value, float)
        else str(value)
    )


def test_bargaining_outcome_shows_payoffs_disagreement_and_gains():
    frontier = Frontier.from_points([(0, 0), (0, 1), (1, 0)])
    outcome = nash_bargaining(frontier, (Fraction(1, 5), 0))
    assert outcome.payoffs == (Fraction(3, 5), Fraction(2, 5))
    latex = outcome._repr_latex_()
    assert r"(\frac{3}{5}, \frac{2}{5})" in latex and r"d = (\frac{1}{5}, 0)" in latex
    table = ET.fromstring(outcome._repr_html_())
    rows = {row[0].text: [c.text for c in row[1:]] for row in table.find("tbody")}
    assert rows["agreement"] == ["3/5", "2/5"] and rows["gain"] == ["2/5", "2/5"]


def test_the_strike_game_shows_its_actions_and_payoffs_in_latex():
    game = StrikeGame(scenarios.DEFAULT.exact(), Fraction(1, 2))
    latex = game._repr_latex_()
    for action in ("Work", "Strike", "Share", "Keep"):
        assert rf"\text{{{action}}}" in latex
    assert (
        latex_number(Fraction(7, 10)) in latex
    )  # labor's w + tau when it works and capital shares
