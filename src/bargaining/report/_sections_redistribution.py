"""The report's sections on the run, redistribution by method and its breakdown points."""

from __future__ import annotations

from ._document_model import (
    Figure,
    Items,
    Paragraph,
    Section,
    Table,
    format_threshold,
    format_value,
)

PARAMETER_MEANINGS = {
    "w": "base wage, of a unit output",
    "tau": "transfer labor asks for (2x2 game)",
    "b": "labor's payoff per period of strike",
    "delta": "common discount factor",
    "sigma": "elasticity of substitution between tasks",
    "rho": "productivity of replacement workers",
    "theta": "labor's ownership share of the firm (dividends in every period)",
}


def _methods(results):
    """The report's methods by key, in the order of its columns."""
    return {method["key"]: method for method in results["methods"]}


def parameters_section(results):
    scenario = results["scenario"]
    rows = tuple(
        (name, str(value), PARAMETER_MEANINGS.get(name, ""))
        for name, value in scenario["parameters"].items()
    )
    grid = ", ".join(results["transfer_grid_exact"])
    levels = ", ".join(f"{a:g}" for a in results["levels"])
    return Section(
        "parameters",
        "The run",
        (
            Paragraph(
                f"Scenario {scenario['name']!r}"
                + (f": {scenario['description']}." if scenario["description"] else ".")
                + f" Model: {scenario['model']}; wage: {scenario['wage']}."
            ),
            Table("Parameters of the scenario", ("parameter", "value", "meaning"), rows),
            Items(
                (
                    ("automation levels of the tables", levels),
                    ("capital's transfer grid (exact grid)", grid),
                    (
                        "equilibrium selection",
                        "every redistribution number is labor's best: the highest payoff labor "
                        "gets in any equilibrium of the stated kind, minus the wage",
                    ),
                )
            ),
        ),
    )


def redistribution_section(results):
    methods = _methods(results)
    keys = tuple(methods)
    rows = tuple(
        (
            format_value(r["a"], 2),
            format_value(r["strike_output"]),
            *(format_value(r[k]) for k in keys),
        )
        for r in results["redistribution"]
    )
    tau = results["scenario"]["parameters"]["tau"]
    return Section(
        "redistribution",
        "Redistribution as automation rises",
        (
            Paragraph(
                "Each number is labor's gain per period above the wage w that an equilibrium "
                "sustains at automation a; y_s(a) is what capital earns while labor strikes, "
                "which rises with automation."
            ),
            Items(tuple((methods[k]["label"], methods[k]["reading"]) for k in keys)),
            Table(
                "Largest sustainable gain above the wage",
                ("a", "y_s(a)", *(methods[k]["label"] for k in keys)),
                rows,
            ),
            Figure(
                "redistribution",
                "Redistribution against automation, by method",
                "Each curve is one method's largest sustainable gain. The closed form of "
                "stick-and-carrot strategies lies below the exact subgame-perfect answer: it is "
                "a lower bound. A finer grid of transfers sustains more than the single lumpy "
                f"transfer tau = {tau}. Where a curve reaches zero, redistribution has broken "
                "down.",
            ),
        ),
    )


def breakdown_section(results):
    methods = _methods(results)
    rows = tuple(
        (
            methods[k]["label"],
            format_threshold(record),
            methods[k]["method"],
            methods[k]["selection"],
        )
        for k, record in results["breakdown"].items()
    )
    notes = []
    if results["revived_at"]:
        levels = ", ".join(f"{a:g}" for a in results["revived_at"])
        notes.append(
            f"Gains at a = {levels} are not the strike threat's: there y_s(a) + b > 1, so a "
            "strike paid from outside the firm (the fund b) is worth more than work to both "
            "sides together, and capital, which cannot lock labor out in this model, pays "
            "labor to stay out. Output itself falls from 1 to y_s(a) during a strike."
        )
    return Section(
        "breakdown",
        "Breakdown automation a*",
        (
            Paragraph(
                "a* is the highest automation level at which the method's equilibrium still "
                "sustains redistribution; above it labor's best equilibrium payoff is its "
                "payoff from work, and nothing more (at a* itself the stick-and-carrot class "
                "still sustains its smallest credible transfer). The exact answers come from "
                "the closed form of the subgame-perfect payoff sets where the sets confirm it "
                "(an exact fraction), and by bisection on the sets otherwise (± 1e-6); the "
                "stick-and-carrot closed form is a lower bound."
            ),
            Table(
                "Breakdown automation by method",
                ("method", "a*", "computed by", "selection"),
                rows,
                tuple(notes),
            ),
            Figure(
                "phase",
                "Phase diagram over automation and patience",
                "Colour is the largest transfer stick-and-carrot strategies sustain at each "
                "automation level a and discount factor delta; the line is the breakdown curve "
                "a*(delta). More patient players sustain redistribution to higher automation.",
            ),
            Figure(
                "payoff_sets",
                "Subgame-perfect payoff sets as automation rises",
                "Each polygon is the exact set of subgame-perfect payoffs (labor, capital) of "
                "the repeated 2x2 game at one automation level. As automation rises the set "
                "shrinks towards labor's minmax: past a* labor's best payoff is its wage.",
            ),
        ),
    )


def scenarios_section(results):
    if "scenarios" not in results:
        return None
    methods = _methods(results)
    keys = tuple(methods)
    rows = []
    notes = []
    for name, records in results["scenarios"].items():
        rows.append((name, *(format_threshold(records[k]) for k in keys)))
        closed = records[keys[0]]
        if closed["value"] == 1:
            notes.append(
                f"{name}: a* = 1 means redistribution is sustained at every automation level "
                "below 1: with complementary tasks an undone task stops production until the "
                "last one is automated."
            )
        if records["strike_efficient_at_full_automation"] and any(
            records[k]["kind"] == "always-sustainable" for k in keys
        ):
            notes.append(
                f"{name}: 'sustained at every a' includes a = 1, where a strike is efficient "
                "(y_s(1) > 1 - b) and capital pays labor to stay idle: that gain is not the "
                "strike threat's."
            )
    return Section(
        "scenarios",
        "Named scenarios compared",
        (
            Paragraph(
                "The breakdown point of every named scenario, each switching one mechanism on "
                "(see bargaining scenarios)."
            ),
            Table(
                "Breakdown automation a* of the named scenarios",
                ("scenario", *(methods[k]["label"] for k in keys)),
                tuple(rows),
                tuple(notes),
            ),
            Figure(
                "scenarios",
                "Named scenarios compared",
                "Stick-and-carrot redistribution against automation for each named scenario; "
                "dotted lines mark each one's a*. Complementary tasks keep leverage longest, "
                "substitutes lose it first.",
            ),
        ),
    )
