"""Section 9 of the automation-redistribution paper: capital automating to break leverage.

Capital first chooses automation ``a`` at a cost, then plays the repeated
strike game at that level (:mod:`bargaining.analysis.investment`). With a
quadratic cost the level that maximises surplus is interior; the level
capital chooses, valuing the game at labor's preferred stick-and-carrot
equilibrium, jumps to the breakdown point wherever reaching it pays, because
beyond ``a*`` capital no longer shares. Section 9b lets capital invest period
by period instead (:func:`bargaining.analysis.dynamic_automation`).
"""

from __future__ import annotations

from pathlib import Path

from ...analysis.investment import strategic_automation
from ...labor import scenarios
from ...labor.investment import cost
from ...plots import save_formats


def investment_numbers():
    """Chosen and efficient automation for every strike-only named scenario, quadratic cost."""
    quadratic = cost("quadratic")
    rows = {}
    for name in scenarios.NAMES:
        if scenarios.get(name).lockout:
            continue
        choice = strategic_automation(scenarios.get(name), quadratic, "closed-form")
        rows[name] = {
            "chosen": float(choice.chosen),
            "efficient": float(choice.efficient),
            "gap": 0.0 if abs(choice.gap) < 1e-6 else float(choice.gap),
            "at_breakdown": bool(choice.at_breakdown),
        }
    return {"cost": str(quadratic.expression), "gain": float(quadratic.gain), "rows": rows}


#: The cost parameters of section 9b: the default quadratic cost, and one three times as steep.
DYNAMIC_COSTS = {"default": {}, "steep": {"k": 1.2}}


def dynamic_investment_numbers():
    """Section 9b: automation period by period in the seed scenario, for two cost curves."""
    from ...analysis import dynamic_automation

    rows = {}
    for name, options in DYNAMIC_COSTS.items():
        found = dynamic_automation(scenarios.DEFAULT, cost("quadratic", **options))
        rows[name] = {
            "cost": found.cost,
            "levels": [float(a) for a in found.levels],
            "markov_stops": list(found.markov_stops),
            "markov_sharing": found.markov_sharing,
            "redistribution": [float(v) for v in found.redistribution],
            "frozen": [float(v) for v in found.frozen],
            "invests": [bool(v) for v in found.invests],
            "first_actions": [list(actions) for actions in found.first_actions],
            "method": found.method,
            "selection": found.selection,
        }
    return rows


def investment_figure(out_dir):
    """Capital's payoff against automation in the seed scenario, as PNG and SVG."""
    import matplotlib.pyplot as plt

    from ...analysis.investment import capital_payoff_curve, strategic_automation
    from ...plots.investment import capital_payoff

    figure, ax = plt.subplots(figsize=(5, 3.6))
    quadratic = cost("quadratic")
    choice = strategic_automation(scenarios.DEFAULT, quadratic, "closed-form")
    levels, payoffs = capital_payoff_curve(scenarios.DEFAULT, quadratic, "closed-form")
    title = f"{scenarios.DEFAULT.name}: {quadratic.name} cost, closed-form, labor-best"
    capital_payoff(choice, levels, payoffs, title=title, ax=ax)
    figure.tight_layout()
    out = Path(out_dir)
    paths = save_formats(figure, out, "capital-automation")
    plt.close(figure)
    return paths
