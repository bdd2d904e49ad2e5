"""How the toolkit's objects show themselves in a notebook: HTML, SVG and LaTeX.

Jupyter calls ``_repr_html_``, ``_repr_svg_`` and ``_repr_latex_`` when an
object is the value of a cell. The classes attach thin methods that call the
functions here, which read their objects by attribute only (no import of the
layers above), so this module sits below every layer. Nothing here draws with
matplotlib: a payoff set is a hand-made SVG polygon, light enough to show in
every cell.
"""

from __future__ import annotations

import math
from fractions import Fraction

from ._lazy import is_sympy, lazy_module

sp = lazy_module("sympy")
# Its table of named character references is not needed until an object is shown.
html = lazy_module("html")

SVG_WIDTH, SVG_HEIGHT, MARGIN = 320, 240, 42
FILL = "#0072b2"  # Okabe-Ito blue, as the figures of bargaining.plots


def show_number(value):
    """A number for a table: Fractions as ``p/q``, floats to 6 significant digits."""
    if isinstance(value, float):
        return "inf" if math.isinf(value) else f"{value:.6g}"
    if is_sympy(value) and value.is_Float:
        return f"{float(value):.6g}"
    return str(value)


def latex_number(value):
    """A number in LaTeX: Fractions as ``\\frac``, floats to 6 significant digits."""
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        sign = "-" if value < 0 else ""
        return rf"{sign}\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"
    if isinstance(value, float):
        return r"\infty" if math.isinf(value) and value > 0 else f"{value:.6g}"
    if isinstance(value, int):
        return str(value)
    return sp.latex(value)


LEFT = 'style="padding:0 .5em;text-align:left"'
RIGHT = 'style="padding:0 .5em;text-align:right"'


def _table(rows, header=None, caption=None):
    parts = ['<table style="border-collapse:collapse">']
    if caption:
        parts.append(
            f'<caption style="text-align:left;white-space:nowrap">{html.escape(caption)}</caption>'
        )
    if header:
        heads = "".join(f"<th {LEFT}>{html.escape(c)}</th>" for c in header)
        parts.append(f"<thead><tr>{heads}</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        cells = [f"<th {LEFT}>{html.escape(str(row[0]))}</th>"]
        cells += [f"<td {RIGHT}>{html.escape(str(c))}</td>" for c in row[1:]]
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


# Payoff sets ---------------------------------------------------------------------------------


def polygon_svg(vertices, *, players=("row player", "column player"), title=None):
    """A convex polygon, segment or point in the payoff plane, as a standalone SVG document.

    Parameters
    ----------
    vertices : sequence of pairs
        The extreme points in order around the set (empty: an empty frame).
    players : pair of str
        The axis labels: the row player's payoff horizontally.
    title : str, optional
        Shown as the SVG ``<title>`` (the tooltip and accessible name).

    Returns
    -------
    str
    """
    points = [(float(x), float(y)) for x, y in vertices]
    xs, ys = [p[0] for p in points] or [0.0], [p[1] for p in points] or [0.0]
    x_low, x_high = _padded(min(xs), max(xs))
    y_low, y_high = _padded(min(ys), max(ys))
    plot_w, plot_h = SVG_WIDTH - 2 * MARGIN, SVG_HEIGHT - 2 * MARGIN

    def at(x, y):
        return (
            MARGIN + (x - x_low) / (x_high - x_low) * plot_w,
            SVG_HEIGHT - MARGIN - (y - y_low) / (y_high - y_low) * plot_h,
        )

    screen = [at(x, y) for x, y in points]
    path = " ".join(f"{sx:.2f},{sy:.2f}" for sx, sy in screen)
    shapes = []
    if len(screen) >= 3:
        shapes.append(
            f'<polygon points="{path}" fill="{FILL}" fill-opacity="0.35" stroke="{FILL}"/>'
        )
    elif len(screen) == 2:
        shapes.append(f'<polyline points="{path}" fill="none" stroke="{FILL}" stroke-width="2"/>')
    shapes += [f'<circle cx="{sx:.2f}" cy="{sy:.2f}" r="3" fill="{FILL}"/>' for sx, sy in screen]
    bottom, left = SVG_HEIGHT - MARGIN, MARGIN
    ticks = [
        _text(left, bottom + 14, f"{x_low:.3g}", "start"),
        _text(SVG_WIDTH - MARGIN, bottom + 14, f"{x_high:.3g}", "end"),
        _text(left - 4, bottom, f"{y_low:.3g}", "end"),
        _text(left - 4, MARGIN + 4, f"{y_high:.3g}", "end"),
        _text(SVG_WIDTH / 2, SVG_HEIGHT - 8, f"{players[0]}'s payoff", "middle"),
        f'<text x="12" y="{SVG_HEIGHT / 2}" font-size="11" text-anchor="middle" '
        f'transform="rotate(-90 12 {SVG_HEIGHT / 2})">{html.escape(players[1])}\'s payoff</text>',
    ]
    label = f"<title>{html.escape(title)}</title>" if title else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SVG_WIDTH}" height="{SVG_HEIGHT}" '
        f'viewBox="0 0 {SVG_WIDTH} {SVG_HEIGHT}" font-family="sans-serif">{label}'
        f'<rect x="{left}" y="{MARGIN}" width="{plot_w}" height="{plot_h}" fill="none" '
        f'stroke="#999"/>{"".join(shapes)}{"".join(ticks)}</svg>'
    )


def _padded(low, high):
    span = high - low
    pad = 0.08 * span if span > 0 else max(0.05 * abs(low), 0.05)
    return low - pad, high + pad


def _text(x, y, text, anchor):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" text-anchor="{anchor}">'
        f"{html.escape(text)}</text>"
    )


def _shape(payoff_set):
    if payoff_set.is_empty:
        return "empty"
    return "point" if payoff_set.is_point else "segment" if payoff_set.is_segment else "polygon"


def _describe_payoff_set(payoff_set):
    shape = _shape(payoff_set)
    about = f"{shape} of {len(payoff_set.vertices)} vertices"
    delta = getattr(payoff_set, "delta", None)
    if delta is not None:
        about += f", delta = {delta:g}, {payoff_set.method}, {payoff_set.iterations} iterations"
        if not payoff_set.converged:
            about += " (not converged)"
    return about


def payoff_set_svg(payoff_set):
    """The set drawn as SVG (``_repr_svg_``)."""
    return polygon_svg(payoff_set.vertices, title=_describe_payoff_set(payoff_set))


def payoff_set_html(payoff_set):
    """The set drawn beside the table of its vertices (``_repr_html_``)."""
    rows = [
        (str(i), show_number(x), show_number(y)) for i, (x, y) in enumerate(payoff_set.vertices, 1)
    ]
    table = _table(rows, ("vertex", "row player", "column player"))
    return (
        f'<div style="display:flex;gap:1em;align-items:flex-start">{payoff_set_svg(payoff_set)}'
        f"<div><p>{html.escape(type(payoff_set).__name__)}: "
        f"{html.escape(_describe_payoff_set(payoff_set))}</p>{table}</div></div>"
    )


def payoff_set_latex(payoff_set):
    """The set as the convex hull of its vertices (``_repr_latex_``)."""
    if payoff_set.is_empty:
        return r"$\emptyset$"
    points = ", ".join(f"({latex_number(x)}, {latex_number(y)})" for x, y in payoff_set.vertices)
    if payoff_set.is_point:
        return rf"$\{{{points}\}}$"
    return rf"$\operatorname{{conv}}\{{{points}\}}$"


# Thresholds, scenarios and bargaining outcomes ---------------------------------------------


def _threshold_value(threshold):
    value = threshold.value
    if value is None:
        return threshold.kind
    shown = show_number(value)
    if isinstance(value, Fraction) and value.denominator != 1:
        shown += f" ≈ {float(value):.6f}"
    return shown


def threshold_html(threshold):
    """A breakdown threshold: the value, its kind, and how it was found (``_repr_html_``)."""
    rows = [
        ("a*", _threshold_value(threshold)),
        ("kind", threshold.kind),
        ("strategy", threshold.strategy),
        ("method", threshold.method),
    ]
    if threshold.selection is not None:
        rows.append(("selection", threshold.selection))
    if threshold.condition is not None:
        rows.append(("valid when", str(threshold.condition)))
    return _table(rows, caption="Threshold")


def threshold_latex(threshold):
    """A breakdown threshold as ``a^* = value`` (``_repr_latex_``)."""
    if threshold.value is None:
        return rf"$a^*\ \text{{none: {threshold.kind}}}$"
    value = threshold.value
    shown = latex_number(value)
    if isinstance(value, Fraction) and value.denominator != 1:
        shown += rf" \approx {float(value):.6f}"
    how = threshold.describe()
    return rf"$a^* = {shown}\quad\text{{({how})}}$"


def scenario_html(scenario):
    """A scenario's parameters as a table (``_repr_html_``)."""
    rows = [(name, show_number(value)) for name, value in scenario.parameters.items()]
    rows += [("model", scenario.model), ("wage", scenario.wage)]
    if scenario.lockout:
        option = scenario.outside_option
        shown = "b + (w - b)(1 - a)/2" if option is None else show_option(option)
        rows.append(("outside option u(a)", shown))
    caption = f"Scenario {scenario.name!r}" + (
        f": {scenario.description}" if scenario.description else ""
    )
    return _table(rows, ("parameter", "value"), caption)


def show_option(option):
    """An outside option: a number, or the name of the function it is."""
    if callable(option):
        return getattr(option, "__name__", "a function of a")
    return show_number(option)


def outcome_html(outcome):
    """A bargaining outcome: payoffs, disagreement point, gains (``_repr_html_``)."""
    rows = [
        ("agreement", *map(show_number, outcome.payoffs)),
        ("disagreement", *map(show_number, outcome.disagreement)),
        ("gain", *map(show_number, outcome.gains)),
    ]
    for name in ("ideal", "weights", "responder_payoffs", "binding_outside"):
        value = getattr(outcome, name, None)
        if value is not None:
            rows.append((name.replace("_", " "), *map(show_number, value)))
    return _table(rows, ("", "player 1", "player 2"), f"{outcome.solution} solution")


def outcome_latex(outcome):
    """A bargaining outcome as ``u = (u1, u2)`` with its disagreement point (``_repr_latex_``)."""
    payoffs = ", ".join(map(latex_number, outcome.payoffs))
    disagreement = ", ".join(map(latex_number, outcome.disagreement))
    return (
        rf"$u^{{\text{{{outcome.solution}}}}} = ({payoffs})"
        rf"\quad\text{{from}}\ d = ({disagreement})$"
    )
