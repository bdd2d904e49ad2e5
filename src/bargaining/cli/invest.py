"""``bargaining invest``: the automation capital chooses, against the efficient level.

Registered on the main command group with ``main.add_command(invest)``. Bad
input ends with one line on standard error and exit status 2.
"""

from __future__ import annotations

import click

from ._options import scenario_option

# bargaining.labor.investment's cost forms and defaults, listed here (not imported: it
# needs sympy) so that every command starts fast; a test checks them against the module.
COST_FORMS = ("quadratic", "calibrated")
DEFAULT_GAIN = 0.1
DEFAULT_K = 0.4
DEFAULT_LEVEL = 0.25

_ALL_SELECTIONS = ("labor-best", "capital-best", "nash", "nash-stage", "renegotiation-proof")
# How each method is labelled in the table.
_LABELS = {"exact": "exact", "closed-form": "stick-carrot"}


def _number(value):
    return "none" if value is None else f"{float(value):.6f}"


def _yes(flag):
    return "yes" if flag else "no"


def _rows(scenario, cost, methods, selections, paid_strikes):
    from ..analysis.investment import SELECTIONS, strategic_automation

    for method in methods:
        if (
            method == "closed-form"
            and len(methods) > 1
            and (scenario.lockout or scenario.wage != "fixed")
        ):
            continue  # the closed form is the strike-only model's; said below the table
        for selection in SELECTIONS[method]:
            if selections and selection not in selections:
                continue
            options = {"paid_strikes": paid_strikes} if method == "exact" else {}
            choice = strategic_automation(scenario, cost, method, selection, **options)
            yield (
                f"{_LABELS[method]:<12} {selection:<19} {float(choice.chosen):>9.6f} "
                f"{float(choice.gap):>+10.6f} {float(choice.payoff):>9.6f} "
                f"{_number(choice.breakdown.value):>10} {_yes(choice.at_breakdown):>4}"
            )


def _number_option(flag, default, help_text):
    return click.option(flag, type=float, default=default, show_default=True, help=help_text)


@click.command("invest")
@scenario_option
@click.option(
    "--cost",
    "form",
    type=click.Choice(COST_FORMS),
    default="quadratic",
    show_default=True,
    help="The cost of automation C(a).",
)
@_number_option("--k", DEFAULT_K, "Curvature of the quadratic cost k*a**2/2.")
@_number_option(
    "--level",
    DEFAULT_LEVEL,
    "Calibrated cost: automation pays on productivity alone up to this level.",
)
@_number_option("--gain", DEFAULT_GAIN, "Output added per unit share of tasks automated.")
@click.option(
    "--method",
    type=click.Choice(["exact", "closed-form", "both"]),
    default="exact",
    show_default=True,
    help="Exact SPE sets of the scenario's strike game (with its lockout and wage), the "
    "stick-and-carrot closed form of the strike-only game (a bound), or both.",
)
@click.option(
    "--selection",
    "selections",
    type=click.Choice(_ALL_SELECTIONS),
    multiple=True,
    help="Equilibrium selections to show (repeatable; default: all that apply).",
)
@click.option(
    "--paid-strikes/--no-paid-strikes",
    default=False,
    show_default=True,
    help="Exact sets: keep equilibria in which capital pays labor to strike.",
)
@click.pass_context
def invest(ctx, name, form, k, level, gain, method, selections, paid_strikes):
    """The automation capital chooses against the efficient level: the strategic gap.

    Capital's payoff is its continuation value in the repeated strike game
    plus automation's output gain minus its cost; the efficient level
    maximises output net of cost. The gap is chosen minus efficient, and the
    last column says whether capital automates exactly up to the breakdown
    point and stops there.
    """
    from ..analysis.investment import efficient_automation, surplus_exhausted_automation
    from ..labor import scenarios
    from ..labor.investment import cost

    try:
        scenario = scenarios.get(name)
        price = cost(form, k=k, level=level, gain=gain)
        methods = ("closed-form", "exact") if method == "both" else (method,)
        rows = list(_rows(scenario, price, methods, selections, paid_strikes))
        efficient, exhausted = efficient_automation(price), surplus_exhausted_automation(price)
    except ValueError as error:
        click.echo(f"bargaining: error: {error}", err=True)
        ctx.exit(2)
    if not rows:
        click.echo(
            f"bargaining: error: no selection in {selections} applies to {method}", err=True
        )
        ctx.exit(2)
    values = "  ".join(f"{key}={value}" for key, value in scenario.parameters.items())
    click.echo(f"Capital's choice of automation, scenario {scenario.name}\n  {values}")
    click.echo(f"cost: {price}")
    click.echo(f"efficient automation (max of 1 + gain*a - C(a)): {_number(efficient)}")
    click.echo(f"cost exceeds the whole surplus 1 + gain*a from:  {_number(exhausted)}\n")
    click.echo(
        f"{'method':<12} {'selection':<19} {'chosen':>9} {'gap':>10} {'payoff':>9} "
        f"{'breakdown':>10} {'stop':>4}"
    )
    for row in rows:
        click.echo(row)
    if method == "both" and (scenario.lockout or scenario.wage != "fixed"):
        click.echo(
            "\nstick-carrot rows not shown: the closed form is the strike-only game with a "
            "fixed wage"
        )
