"""The main job's figures: redistribution against automation, closed form and exact."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..analysis import max_redistribution
from ..labor import scenarios
from ..plots import PALETTE


def draw_figures(scenario, out_dir):
    """Draw the report's figures into ``out_dir`` as PNG and SVG; return their paths."""
    import matplotlib.pyplot as plt

    from ..plots import save_formats
    from ._collect import transfer_grid

    levels = np.linspace(0, 1, 101)
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    methods = (
        ("stick-and-carrot (closed form)", {}),
        ("exact, 2x2 game", {"method": "exact"}),
        ("exact, transfer grid", {"method": "exact", "transfers": transfer_grid(scenario)}),
    )
    for (label, options), color in zip(methods, PALETTE, strict=False):
        left.plot(
            levels, max_redistribution(scenario, levels, **options), color=color, label=label
        )
    left.set_title(f"Scenario {scenario.name!r}")
    left.set_xlabel("automation a")
    left.set_ylabel("labor's gain per period above w")
    left.legend()
    for name, color in zip(scenarios.NAMES, PALETTE, strict=False):
        right.plot(
            levels, max_redistribution(scenarios.get(name), levels, method="closed-form"), color=color, label=name
        )
    right.set_title("Stick-and-carrot, named scenarios")
    right.set_xlabel("automation a")
    right.legend()
    figure.tight_layout()
    out = Path(out_dir)
    paths = save_formats(figure, out, "redistribution")
    plt.close(figure)
    paths += _investment_figure(scenario, out)
    return paths


def _investment_figure(scenario, out):
    """Capital's payoff against the automation it chooses (quadratic cost)."""
    import matplotlib.pyplot as plt

    from ..analysis.investment import capital_payoff_curve, strategic_automation
    from ..labor.investment import cost
    from ..plots import save_formats
    from ..plots.investment import capital_payoff

    figure, ax = plt.subplots(figsize=(5, 3.6))
    quadratic = cost("quadratic")
    choice = strategic_automation(scenario, quadratic)
    levels, payoffs = capital_payoff_curve(scenario, quadratic)
    title = f"{scenario.name}: {quadratic.name} cost, closed-form, labor-best"
    capital_payoff(choice, levels, payoffs, title=title, ax=ax)
    figure.tight_layout()
    paths = save_formats(figure, out, "investment")
    plt.close(figure)
    return paths
