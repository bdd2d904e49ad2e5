"""``bargaining breakdown``: the automation level at which redistribution breaks down."""

from __future__ import annotations

import click

from ._options import (
    parse_settings,
    scenario_named,
    scenario_option,
    set_option,
)


@click.command()
@scenario_option
@set_option("Change a parameter, e.g. --set delta=0.95 --set sigma=inf. Repeatable.")
@click.option(
    "--method",
    type=click.Choice(["exact", "closed-form"]),
    default="exact",
    show_default=True,
    help="The exact set of subgame-perfect payoffs, or a closed-form strategy class (a bound).",
)
@click.option(
    "--selection",
    type=click.Choice(["labor-best", "capital-best", "nash", "renegotiation-proof"]),
    default=None,
    help="Equilibrium selection of the exact method (default labor-best); "
    "renegotiation-proof searches simple strategy profiles (a lower bound).",
)
@click.option(
    "--strategy",
    type=click.Choice(["stick-and-carrot", "grim"]),
    default=None,
    help="Strategy class of the closed form (default stick-and-carrot); not for --method exact.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def breakdown(name, pairs, method, selection, strategy, as_json):
    """The automation level at which redistribution breaks down.

    \b
    Examples:
      bargaining breakdown --scenario job-loss
      bargaining breakdown --set delta=0.95 --method closed-form --json
      bargaining breakdown --scenario liebig --selection nash
      bargaining breakdown --set w=0.3 --selection renegotiation-proof
    """
    import json
    from fractions import Fraction

    from ..analysis import breakdown_automation

    scenario = scenario_named(name).replace(**parse_settings(pairs))
    scenario = scenario.exact()  # decimals as typed, so the closed forms are exact
    threshold = breakdown_automation(
        scenario, method=method, strategy=strategy, selection=selection
    )
    value = None if threshold.value is None else float(threshold.value)
    exact = str(threshold.value) if isinstance(threshold.value, Fraction) else None
    if as_json:
        record = {
            "scenario": scenario.name,
            "parameters": {
                k: str(v) if isinstance(v, Fraction) else v for k, v in scenario.parameters.items()
            },
            "model": scenario.model,
            "method": threshold.method,
            "selection": threshold.selection,
            "strategy": threshold.strategy,
            "kind": threshold.kind,
            "value": value,
            "exact": exact,
        }
        click.echo(json.dumps(record, sort_keys=True))
        return
    shown = (
        threshold.kind if value is None else f"{value:.6f}" + (f" (= {exact})" if exact else "")
    )
    click.echo(f"{scenario.name}: a* = {shown}  [{threshold.describe()}]")
