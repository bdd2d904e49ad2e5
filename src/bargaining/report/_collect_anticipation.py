"""Redistribution under anticipated automation, and the levers that may delay its end.

Automation as the state of a stochastic game that advances one level at a time
with a known chance; the report compares a few speeds, and the scenario with a
strike fund and with labor's ownership of the machines.
"""

from __future__ import annotations

from fractions import Fraction

from ..labor import scenarios
from ._collect_numbers import is_rational, number, solver_value

# Chances that automation advances one level (of 0, 0.1, ..., 1) in a period.
ANTICIPATION_SPEEDS = (0.02, 0.1, 0.3)

# The levers compared under anticipated automation: (label, the named scenario holding the
# lever, the parameter it changes). The report's scenario gets each lever's value.
ANTICIPATION_LEVERS = (("strike fund", "strike-fund", "b"), ("ownership", "open-models", "theta"))
# The speeds compared for the levers: the two slower ones. Each adds three stochastic games
# (about 1 s each); at the fastest none of the default-based rows sustains anything, and the
# critical speed (closed form, no solver) tells how fast automation may come at one level.
LEVER_SPEEDS = ANTICIPATION_SPEEDS[:2]
# The level at which the two-level closed form's critical speed is reported.
CRITICAL_SPEED_LEVEL = Fraction(3, 10)


def _level_where(result, index):
    return None if index is None else float(result.levels[index])


def anticipation_at(scenario, speed):
    """Redistribution in each state when automation advances with chance ``speed`` a period.

    With what every speed shares (the levels, the static answer), for :func:`anticipation_record`.
    """
    from ..analysis.anticipation import rising_automation

    result = rising_automation(scenario, (speed,))[speed]
    return {
        "levels": [float(a) for a in result.levels],
        "static": [solver_value(v) for v in result.static],
        "static_ends_at": _level_where(result, result.static_ends),
        "method": result.method,
        "selection": result.selection,
        "speed": {
            "speed": speed,
            "redistribution": [solver_value(v) for v in result.redistribution],
            "ends_at": _level_where(result, result.ends),
        },
    }


def anticipation_record(by_speed):
    """Redistribution when automation advances at random, at each of the speeds of ``by_speed``."""
    first = by_speed[0]
    shared = ("levels", "static", "static_ends_at", "method", "selection")
    return {**{key: first[key] for key in shared}, "speeds": [r["speed"] for r in by_speed]}


def anticipation_variants(scenario):
    """The scenario, then the scenario with each of :data:`ANTICIPATION_LEVERS` applied.

    Returns
    -------
    list of (str, str, Scenario)
        Label, the change made (``""`` for the scenario itself) and the scenario.
        A lever is left out where it changes nothing or gives an invalid scenario.
    """
    variants = [(scenario.name, "", scenario)]
    for label, name, parameter in ANTICIPATION_LEVERS:
        value = getattr(scenarios.get(name), parameter)
        if getattr(scenario, parameter) == value:
            continue
        try:
            changed = scenario.replace(**{parameter: value})
        except ValueError:
            continue
        variants.append((label, f"{parameter} = {value:g}", changed))
    return variants


def _critical_speed(scenario):
    from ..analysis.anticipation import critical_speed

    if scenario.lockout or scenario.wage != "fixed":
        return None
    exact = scenario.exact() if is_rational(scenario) else scenario
    return number(critical_speed(exact, CRITICAL_SPEED_LEVEL))[0]


def _lever_setup(scenario):
    """The variants compared and the levels they share, or None where there is no comparison."""
    from ..analysis.anticipation import LEVELS as ALL_LEVELS
    from ..analysis.anticipation import levels_before_paid_strike

    if scenario.lockout:
        return None
    variants = anticipation_variants(scenario)
    levels = levels_before_paid_strike([s for _, _, s in variants], ALL_LEVELS)
    if not levels:  # a paid strike beats work already at a = 0: no strike threat to compare
        return None
    return variants, levels


def anticipation_lever_row(scenario, index):
    """Row ``index`` of :func:`anticipation_levers` and its method; None past the last variant."""
    from ..analysis.anticipation import rising_automation

    setup = _lever_setup(scenario)
    if setup is None or index >= len(setup[0]):
        return None
    variants, levels = setup
    label, change, variant = variants[index]
    results = rising_automation(variant, LEVER_SPEEDS, levels=levels)
    first = results[LEVER_SPEEDS[0]]
    row = {
        "label": label,
        "change": change,
        "static_ends_at": _level_where(first, first.static_ends),
        "ends_at": [_level_where(r, r.ends) for r in results.values()],
        "critical_speed": _critical_speed(variant),
    }
    return {"row": row, "selection": first.selection, "method": first.method}


def anticipation_levers(scenario, rows=None):
    """Where redistribution ends under anticipated automation, with a strike fund and ownership.

    The speeds of :data:`LEVER_SPEEDS`, on the levels at which no row's strike
    paid from outside is worth more than work (beyond them capital pays labor to stay
    out, and that payment, anticipated, would show in every earlier state). None where
    a paid strike beats work at every level, and for a scenario with the lockout: capital's
    third action makes each stochastic game take
    minutes instead of about a second, and the report's own anticipation step already
    pays that three times. ``rows`` are the values of :func:`anticipation_lever_row`
    when already computed (the report computes them as separate steps).
    """
    setup = _lever_setup(scenario)
    if setup is None:
        return None
    variants, levels = setup
    if rows is None:
        rows = [anticipation_lever_row(scenario, i) for i in range(len(variants))]
    rows = [row for row in rows if row is not None]
    return {
        "levels": list(levels),
        "speeds": list(LEVER_SPEEDS),
        "selection": rows[0]["selection"],
        "method": rows[0]["method"],
        "critical_speed_level": number(CRITICAL_SPEED_LEVEL)[0],
        "rows": [row["row"] for row in rows],
    }
