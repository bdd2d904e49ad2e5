"""The report's sections comparing on labor's side: selections, job loss, workers, investment."""

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


def selections_section(results):
    record = results["selections"]
    levels = record["levels"]
    rows = tuple(
        (
            name,
            f"{format_threshold(r['breakdown'])} [{r['breakdown']['method']}]",
            *(format_value(v) for v in r["labor_payoff"]),
            r["method"],
        )
        for name, r in record["by_selection"].items()
    )
    return Section(
        "selections",
        "How far apart the equilibrium selections are",
        (
            Paragraph(
                "A repeated game has many equilibria, so each number names the one it selects: "
                "labor's best, capital's best, the Nash bargaining solution over the "
                "subgame-perfect payoff set, and labor's best weakly renegotiation-proof "
                "equilibrium (Farrell-Maskin), searched among simple strategy profiles, a lower "
                "bound. A punishment of capital that leaves labor worse off than the path is "
                "dominated by the path, so it is not renegotiation-proof: capital can only be "
                "punished by a strike it pays for."
            ),
            Table(
                "Breakdown a* and labor's payoff under each selection (2x2 game)",
                (
                    "selection",
                    "a* [method]",
                    *(f"labor's payoff, a = {format_value(a, 2)}" for a in levels),
                    "payoff method",
                ),
                rows,
            ),
        ),
    )


def job_loss_section(results):
    record = results["job_loss"]
    rows = []
    for i, a in enumerate(record["levels"]):
        if i % 2:
            continue
        rows.append(
            (
                format_value(a, 2),
                format_value(record["no_lockout"]["labor_best"][i]),
                format_value(record["no_lockout"]["labor_worst"][i]),
                format_value(record["lockout"]["labor_best"][i]),
                format_value(record["lockout"]["labor_worst"][i]),
                format_value(record["outside_option"][i]),
            )
        )
    lost = record["job_lost_at"]
    lost_text = "never" if lost is None else format_threshold({**lost, "accuracy": None})
    selections = tuple(
        (f"a*, {name} selection, with the lockout", f"{format_threshold(r)} [{r['method']}]")
        for name, r in record["selections"].items()
    )
    return Section(
        "job-loss",
        "Job loss: the lockout and labor's outside option",
        (
            Paragraph(
                "With a lockout capital can dismiss labor, which then earns its outside option "
                "u(a) while machines and replacements produce y_s(a). (Strike, Lockout) is then "
                "a stage equilibrium holding both sides to their minmax, so labor's worst "
                "equilibrium payoff is u(a) at every automation level, and once y_s(a) > 1 - w "
                "its best is too: capital locks it out, and nothing revives at a = 1."
            ),
            Table(
                "Labor's best and worst subgame-perfect payoffs (2x2 game)",
                (
                    "a",
                    "best, no lockout",
                    "worst, no lockout",
                    "best, lockout",
                    "worst, lockout",
                    "u(a)",
                ),
                tuple(rows),
            ),
            Items((("labor loses its job from a =", lost_text), *selections)),
            Figure(
                "job_loss",
                "Labor's best and worst equilibrium payoffs against automation",
                "Solid lines are labor's best subgame-perfect payoff, dashed its worst, with and "
                "without capital's lockout. With the lockout the worst is the outside option; "
                "past the job-loss level the best falls to it as well. Capital's best "
                "equilibrium gives labor its work payoff and no more at every level.",
            ),
        ),
    )


def workers_section(results):
    record = results.get("workers")
    if record is None:
        return None
    rows = [("a union calling out its members", format_value(record["union"]))]
    rows += [
        (f"individual workers, strike payoff b = {r['b']:g}", format_value(r["threshold"]))
        for r in record["individual"]
    ]
    return Section(
        "workers",
        "Many workers: a union against individual strikers",
        (
            Paragraph(
                f"Labor as {record['n']} workers: each striker withholds the tasks machines "
                "cannot do, so automation shrinks what a striker costs capital. A union commits "
                "its members; individual workers each pay the cost of a period on strike and "
                "join only if enough others do (a threshold participation game, its highest "
                f"mixed equilibrium; credible while a strike succeeds with probability at least "
                f"{record['confidence']:g}). A strike fund raises b and lowers that cost."
            ),
            Table(
                "Automation level at which the strike threat stops being credible",
                ("who strikes", "a"),
                tuple(rows),
            ),
            Figure(
                "workers",
                "Union against individual workers as automation rises",
                "The union's strike succeeds up to its threshold; individual workers' chance of "
                "a successful strike falls earlier, unless a strike fund pays them to join.",
            ),
        ),
    )


def investment_section(results):
    choice = results["investment"]
    chosen = format_value(choice["chosen"])
    if choice["chosen_exact"]:
        chosen += f" (= {choice['chosen_exact']})"
    return Section(
        "investment",
        "Capital's choice of automation",
        (
            Paragraph(
                f"With automation costing {choice['cost']} per period, capital chooses "
                f"a = {chosen} against the efficient {format_value(choice['efficient'])} (gap "
                f"{format_value(choice['gap'])}; {choice['selection']}, {choice['method']})."
                + (
                    " Capital automates up to the breakdown point, where the transfer ends."
                    if choice["at_breakdown"]
                    else ""
                )
            ),
            Figure(
                "investment",
                "Capital's payoff against the automation it chooses",
                "Capital weighs the cost of automation against the transfer it stops paying "
                "once a strike no longer threatens it; the marked levels are its choice and "
                "the efficient one.",
            ),
        ),
    )
