import io
import math

import numpy as np
import pytest
from scipy.optimize import brentq

from bargaining import plots
from bargaining.analysis import breakdown_automation, max_redistribution, sweep
from bargaining.core.repeated.payoff_sets import equilibrium_payoffs_many
from bargaining.labor import StrikeGame, revolution, scenarios, strike_output

DEFAULT = scenarios.DEFAULT


def artists(figure, prefix):
    found = figure.findobj(lambda artist: str(artist.get_gid() or "").startswith(prefix))
    return {artist.get_gid(): artist for artist in found}


def phase_figure(points=31):
    a, delta = np.linspace(0, 1, points), np.linspace(0.5, 0.99, 25)
    redistribution = sweep("max_redistribution", DEFAULT, a=a, delta=delta)
    breakdown = sweep("breakdown_automation", DEFAULT, delta=delta)
    return plots.phase_diagram(redistribution, breakdown), redistribution, breakdown


def test_phase_diagram_draws_the_breakdown_curve_of_breakdown_automation():
    figure, redistribution, _ = phase_figure()
    (line,) = artists(figure, "breakdown").values()
    delta = redistribution["delta"].values
    expected = [
        breakdown_automation(DEFAULT.replace(delta=d), method="closed-form").value for d in delta
    ]
    expected = np.array([math.nan if v is None else float(v) for v in expected])
    np.testing.assert_allclose(line.get_xdata(), expected, rtol=0, atol=1e-12)
    np.testing.assert_array_equal(line.get_ydata(), delta)
    assert np.isnan(expected).any() and np.isfinite(expected).any()
    mesh = figure.axes[0].collections[0]
    np.testing.assert_array_equal(
        np.asarray(mesh.get_array()).ravel(), redistribution.T.values.ravel()
    )


def test_phase_diagram_from_plain_arrays_draws_what_the_labelled_one_does():
    labelled, redistribution, breakdown = phase_figure()
    plain = plots.phase_diagram_arrays(
        redistribution["a"].values,
        redistribution["delta"].values,
        redistribution.T.values,
        breakdown.values,
        title=labelled.axes[0].get_title(),
    )
    rendered = []
    for figure in (labelled, plain):
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        rendered.append(buffer.getvalue())
    assert rendered[0] == rendered[1]
    with pytest.raises(ValueError, match=r"redistribution must have shape \(len\(delta\)"):
        plots.phase_diagram_arrays(
            redistribution["a"].values, redistribution["delta"].values, redistribution.values
        )
    with pytest.raises(ValueError, match="breakdown must have shape"):
        plots.phase_diagram_arrays([0, 1], [0.5, 0.9], np.zeros((2, 2)), [0.3])


def test_redistribution_curves_liebig_beside_substitutes():
    a = np.linspace(0, 1, 101)
    names = ("liebig", "default", "substitutes")
    curves = {name: sweep("max_redistribution", scenarios.get(name), a=a) for name in names}
    breakdowns = {
        name: float(breakdown_automation(scenarios.get(name), method="closed-form").value)
        for name in names
    }
    figure = plots.redistribution_curves(curves, breakdowns)
    lines = artists(figure, "curve:")
    assert sorted(lines) == sorted(f"curve:{name}" for name in names)
    for name in names:
        expected = max_redistribution(scenarios.get(name), a, method="closed-form")
        np.testing.assert_array_equal(lines[f"curve:{name}"].get_ydata(), expected)
    marks = {gid: line.get_xdata()[0] for gid, line in artists(figure, "breakdown:").items()}
    assert marks["breakdown:liebig"] == 1.0
    assert marks["breakdown:substitutes"] < marks["breakdown:default"] < 1
    colors = {line.get_color() for line in lines.values()}
    assert len(colors) == 3 and colors <= set(plots.PALETTE)


def test_payoff_sets_draws_one_artist_per_automation_level():
    levels = [0.0, 0.2, 0.4, 0.6, 0.9]
    sets = equilibrium_payoffs_many([StrikeGame(DEFAULT, a) for a in levels], DEFAULT.delta)
    figure = plots.payoff_sets(dict(zip(levels, sets, strict=True)))
    drawn = artists(figure, "payoff-set:")
    assert len(drawn) == len(levels)
    polygon = drawn["payoff-set:0"]
    np.testing.assert_allclose(polygon.get_xy()[: len(sets[0].vertices)], sets[0].vertices)
    # Shapes shrink with automation: labor's best payoff never rises.
    best = [s.max(0) for s in sets]
    assert best == sorted(best, reverse=True) and best[0] > best[-1]


def test_frontier_marks_each_solution_where_given():
    d = np.array([0.0, 0.2])
    u1 = np.linspace(0, math.sqrt(0.8), 200)
    frontier = np.column_stack([u1, 1 - u1**2])
    top = frontier[:, 0].max()
    nash_u1 = brentq(lambda x: (0.8 - x**2) - 2 * x**2, 1e-9, top)  # d/dx x (0.8 - x^2)
    ks_u1 = brentq(lambda x: (1 - x**2 - d[1]) / (1 - d[1]) - x / top, 1e-9, top)
    egal_u1 = brentq(lambda x: 1 - x**2 - d[1] - x, 1e-9, top)
    points = {
        "Nash": (nash_u1, 1 - nash_u1**2),
        "Kalai-Smorodinsky": (ks_u1, 1 - ks_u1**2),
        "egalitarian": (egal_u1, 1 - egal_u1**2),
    }
    figure = plots.bargaining_frontier(frontier, d, points)
    drawn = artists(figure, "solution:")
    assert len(drawn) == 3
    assert len({line.get_marker() for line in drawn.values()}) == 3
    for name, (x, y) in points.items():
        line = drawn[f"solution:{name}"]
        assert (line.get_xdata()[0], line.get_ydata()[0]) == (x, y)
    assert points["Nash"][0] < points["egalitarian"][0] < points["Kalai-Smorodinsky"][0]
    products = (frontier[:, 0] - d[0]) * (frontier[:, 1] - d[1])
    assert nash_u1 * (1 - nash_u1**2 - d[1]) >= products.max()


def test_frontier_takes_outcomes_of_the_bargaining_solutions():
    solutions = pytest.importorskip("bargaining.solutions")
    frontier = solutions.Frontier.from_points([(0, 0), (0, 1), (0.5, 0.8), (1, 0)])
    outcome = solutions.nash_bargaining(frontier, (0, 0))
    chain = np.array([(0, 1), (0.5, 0.8), (1, 0)])
    figure = plots.bargaining_frontier(chain, (0, 0), {"Nash": outcome})
    (line,) = artists(figure, "solution:").values()
    np.testing.assert_allclose([line.get_xdata()[0], line.get_ydata()[0]], outcome.payoffs)


def test_channels_cross_zero_where_the_strike_stops_costing_capital():
    s = DEFAULT.replace(sigma=1.0)
    a = np.linspace(0, 1, 201)
    both = revolution.two_channels(s, a, base_share=0.2, base_cost=0.5, seizure=1)
    figure = plots.channels(a, both.strike, both.revolt)
    assert len(figure.axes) == 2
    (cross,) = artists(figure, "crossing:strike").values()
    # A strike costs capital nothing once strike output reaches its profit 1 - w.
    exact = brentq(lambda x: strike_output(x, s.sigma, s.rho) - (1 - s.w), 0, 1)
    assert cross.get_xdata()[0] == pytest.approx(exact, abs=1e-4)
    revolt = artists(figure, "channel:revolt")["channel:revolt"]
    np.testing.assert_array_equal(revolt.get_ydata(), both.revolt)


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_saved_files_repeat_byte_for_byte(tmp_path, suffix):
    first = plots.save(phase_figure(11)[0], tmp_path / f"one{suffix}").read_bytes()
    second = plots.save(phase_figure(11)[0], tmp_path / f"two{suffix}").read_bytes()
    other = plots.save(phase_figure(12)[0], tmp_path / f"three{suffix}").read_bytes()
    assert first == second
    assert first != other
    if suffix == ".svg":
        assert b"<dc:date>" not in first
    else:
        assert b"Software" not in first


def test_union_vs_individuals_marks_each_threshold():
    from bargaining.analysis import workers

    result = workers.compare(DEFAULT, 6, strike_pay=(None, 0.35), points=51)
    figure = plots.union_vs_individuals(result)
    union = artists(figure, "union")["union"]
    np.testing.assert_array_equal(union.get_ydata(), result.union)
    (line,) = artists(figure, "threshold:union").values()
    assert line.get_xdata()[0] == pytest.approx(result.union_threshold)
    for b, threshold in result.individual_thresholds.items():
        (marker,) = artists(figure, f"threshold:{b:g}").values()
        assert marker.get_xdata()[0] == pytest.approx(threshold)
        curve = artists(figure, f"individual:{b:g}")[f"individual:{b:g}"]
        np.testing.assert_array_equal(curve.get_ydata(), result.individual[b])


def test_union_vs_individuals_refuses_curves_of_the_wrong_length():
    from bargaining.analysis import workers

    result = workers.compare(DEFAULT, 4, points=11)
    broken = workers.WorkersComparison(**{**result.__dict__, "union": result.union[:-1]})
    with pytest.raises(ValueError, match="union must have one value per level"):
        plots.union_vs_individuals(broken)
