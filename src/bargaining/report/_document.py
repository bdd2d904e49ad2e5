"""The report as one data structure of sections, tables and figures, rendered twice.

:func:`document` turns the numbers of :func:`~bargaining.report.collect` into a
:class:`Document`; the Markdown and HTML templates (``templates/``) and the
plain text of the console lay out the same object, so the three carry the same
content. Each section is built by one function of :data:`SECTIONS`; a new
result of the model becomes a new function there (and, with a figure, an
entry of :data:`bargaining.report._figures.FIGURES`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any


@dataclasses.dataclass(frozen=True)
class Table:
    """A table of already formatted cells; ``notes`` are printed below it."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    kind: str = "table"

    @property
    def numeric(self) -> tuple[bool, ...]:
        """Whether each column holds numbers (aligned right), judged by the first row."""
        first = self.rows[0] if self.rows else ("",) * len(self.columns)
        return tuple(cell[:1].isdigit() for cell in first)


@dataclasses.dataclass(frozen=True)
class Figure:
    """A figure drawn to ``<stem>.svg`` and ``<stem>.png``, with its plain-language reading."""

    stem: str
    title: str
    reading: str
    kind: str = "figure"


@dataclasses.dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = "paragraph"


@dataclasses.dataclass(frozen=True)
class Items:
    """A list of short statements (``term: text`` pairs)."""

    items: tuple[tuple[str, str], ...]
    kind: str = "items"


Block = Table | Figure | Paragraph | Items


@dataclasses.dataclass(frozen=True)
class Section:
    """A headed part of the report; ``anchor`` is its id in the HTML page."""

    anchor: str
    title: str
    blocks: tuple[Block, ...]


@dataclasses.dataclass(frozen=True)
class Document:
    title: str
    summary: str
    sections: tuple[Section, ...]

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure of the report, in order."""
        return tuple(b for s in self.sections for b in s.blocks if isinstance(b, Figure))

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table of the report, in order."""
        return tuple(b for s in self.sections for b in s.blocks if isinstance(b, Table))


PARAMETER_MEANINGS = {
    "w": "base wage, of a unit output",
    "tau": "transfer labor asks for (2x2 game)",
    "b": "labor's payoff per period of strike",
    "delta": "common discount factor",
    "sigma": "elasticity of substitution between tasks",
    "rho": "productivity of replacement workers",
    "theta": "labor's ownership share of the firm (dividends in every period)",
}


def format_value(value, places=4):
    """A number of a table, to ``places`` decimals."""
    return f"{value:.{places}f}"


def format_threshold(record):
    """A breakdown point as the report shows it: six decimals and, if known, the fraction."""
    if record["value"] is None:
        return {
            "always-sustainable": "none: sustained at every a",
            "never-sustainable": "none: never sustained",
        }[record["kind"]]
    shown = format_value(record["value"], 6)
    if record.get("kind") == "becomes-sustainable":
        shown = f"none: sustained from a = {shown}"
    if record["exact"]:
        shown += f" (= {record['exact']})"
    elif record["accuracy"]:
        shown += f" (± {record['accuracy']:g})"
    return shown


def _methods(results):
    """The report's methods by key, in the order of its columns."""
    return {method["key"]: method for method in results["methods"]}


def _parameters_section(results):
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


def _redistribution_section(results):
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


def _breakdown_section(results):
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


def _investment_section(results):
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


def _scenarios_section(results):
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


def _selections_section(results):
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


def _job_loss_section(results):
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


def _anticipation_section(results):
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


def _workers_section(results):
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


SECTIONS: list[Callable[[dict[str, Any]], Section | None]] = [
    _parameters_section,
    _redistribution_section,
    _breakdown_section,
    _selections_section,
    _job_loss_section,
    _anticipation_section,
    _workers_section,
    _investment_section,
    _scenarios_section,
]


def document(results, figures=None):
    """The report on ``results`` as a :class:`Document`.

    Parameters
    ----------
    results : dict
        From :func:`~bargaining.report.collect`.
    figures : collection of str, optional
        The stems of the figures drawn; figures not among them are left out
        (all are kept when omitted).
    """
    sections = []
    for build in SECTIONS:
        section = build(results)
        if section is None:
            continue
        if figures is not None:
            blocks = tuple(
                b for b in section.blocks if not isinstance(b, Figure) or b.stem in figures
            )
            section = dataclasses.replace(section, blocks=blocks)
        sections.append(section)
    scenario = results["scenario"]
    headline = results["breakdown"]["exact 2x2"]
    return Document(
        f"bargaining report: scenario {scenario['name']!r}",
        "What automation does to the redistribution labor can sustain by the threat of a "
        f"strike, and where it breaks down: a* = {format_threshold(headline)} "
        f"({headline['selection']} subgame-perfect equilibrium, {headline['method']}, 2x2 game; "
        f"model: {scenario['model']}).",
        tuple(sections),
    )
