"""The report's section on anticipated automation, with the strike fund and ownership."""

from __future__ import annotations

from ._document_model import (
    Figure,
    Items,
    Paragraph,
    Section,
    Table,
    format_value,
)


def anticipation_section(results):
    record = results["anticipation"]
    speeds = record["speeds"]
    rows = tuple(
        (
            format_value(a, 2),
            format_value(record["static"][i]),
            *(format_value(entry["redistribution"][i]) for entry in speeds),
        )
        for i, a in enumerate(record["levels"])
    )

    def ends(level):
        return "never" if level is None else f"a = {level:g}"

    items = (
        ("static game (automation stays where it is)", ends(record["static_ends_at"])),
        *(
            (f"automation advances with chance {e['speed']:g} a period", ends(e["ends_at"]))
            for e in speeds
        ),
    )
    return Section(
        "anticipation",
        "Anticipated automation",
        (
            Paragraph(
                "Automation as a state: each period it advances one level (of 0, 0.1, ..., 1) "
                "with a fixed chance and never falls back, and both sides know the chance. The "
                "strike game is then a stochastic game, and the redistribution sustained at a "
                "level depends on where automation is heading. A known path that passes a* "
                "sustains nothing from its first period (backward induction from the level "
                "where the stage equilibrium is the only equilibrium); uncertain timing lets "
                "redistribution last, less the faster automation comes. "
                f"Numbers: labor's best equilibrium ({record['selection']}), {record['method']}; "
                "redistribution in transfer units per period."
            ),
            Table(
                "Sustained redistribution at each level",
                ("a", "static", *(f"chance {e['speed']:g}" for e in speeds)),
                rows,
            ),
            Items(tuple((f"redistribution ends, {term}", text) for term, text in items)),
            Figure(
                "anticipation",
                "Redistribution when automation is anticipated",
                "Sustained redistribution in each state of the stochastic game, for three "
                "speeds of automation, against the static game (dashed).",
            ),
            *_anticipation_levers_blocks(results.get("anticipation_levers")),
        ),
    )


def ends_cell(level):
    """Where redistribution ends, as a table cell: the level, "none at any a" or "never"."""
    if level is None:
        return "never"
    return "none at any a" if level == 0 else f"{level:g}"


def _anticipation_levers_blocks(record):
    """The strike fund and ownership under anticipated automation: a paragraph and a table."""
    if record is None:
        return ()
    level = record["critical_speed_level"]
    rows = tuple(
        (
            row["label"] + (f" ({row['change']})" if row["change"] else ""),
            ends_cell(row["static_ends_at"]),
            *(ends_cell(a) for a in row["ends_at"]),
            "n/a" if row["critical_speed"] is None else format_value(row["critical_speed"]),
        )
        for row in record["rows"]
    )
    return (
        Paragraph(
            "Does a strike fund or labor's ownership of the machines delay the unravelling? "
            "With two levels, the second past a*, the first keeps its redistribution exactly "
            "while the static game's incentive constraints hold with the shorter horizon "
            "delta' = delta (1 - p) (its payoff set is alpha X + (1 - alpha) e, X the repeated "
            "game's set at that discount): a credible strike, delta' tau >= (1 - delta') C, "
            "and capital held to its minmax, delta' (1 - w - y_s) >= (1 - delta') (tau + C), "
            "where C = (w - b + theta (1 - w - y_s)) / (1 - theta) is what a period on strike "
            "costs labor in transfer units. A strike fund raises b and lowers C, so "
            "redistribution survives faster automation; ownership adds the dividends a strike "
            "destroys and raises C (where b + y_s < 1), so it survives only slower automation, "
            "though it raises labor's income. The last column is that largest chance p at "
            f"a = {level:g} (closed form); the other columns come from the stochastic games "
            "on the grid. Levels "
            f"0 to {record['levels'][-1]:g}: beyond them a strike paid from outside would be "
            "worth more than work (b + y_s > 1) in some row, capital would pay labor to stay "
            "out, and that payment, anticipated, would show as redistribution in every "
            f"earlier state. Numbers: {record['selection']}, {record['method']}."
        ),
        Table(
            "Where redistribution ends, with a strike fund and with ownership",
            (
                "scenario",
                "static",
                *(f"chance {p:g}" for p in record["speeds"]),
                f"critical chance at a = {level:g}",
            ),
            rows,
        ),
    )
