"""``bargaining solve FILE``: equilibria, minmax values and subgame-perfect payoffs of a game file.

The file is a TOML game file (see :mod:`bargaining.core.io.gamefile`) or a
two-player Gambit ``.nfg`` file, told apart by its first word or its suffix;
``--set`` gives parameter values and ``--delta`` the discount factor of the
repeated game. An extensive form (``.efg``) is refused with how to convert it.
Bad input ends with one line on standard error and exit status 2.
"""

from __future__ import annotations

import warnings
from fractions import Fraction

import click

from ._options import error_line

__all__ = ["solve"]


def _assignments(items):
    values = {}
    for item in items:
        name, equals, value = item.partition("=")
        if not equals or not name.strip() or not value.strip():
            raise ValueError(f"--set expects NAME=VALUE, got {item!r}")
        values[name.strip()] = value.strip()
    return values


def _show(value):
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, float | int):
        return f"{value:.6g}"
    return str(value)


def _strategy(probabilities, labels):
    support = [(p, label) for p, label in zip(probabilities, labels, strict=True) if p != 0]
    if len(support) == 1:
        return support[0][1]
    return " + ".join(f"{_show(p)} {label}" for p, label in support)


def _numeric(game):
    """The game itself, or a float copy when its only symbols are irrational constants."""
    from ..core.game import Game

    if not game.is_symbolic or game.free_symbols:
        return game, []
    A, B = (M.astype(float) for M in game.payoff_matrices)
    note = "payoffs with irrational numbers are evaluated in floating point"
    return Game(A, B, labels=game.labels, players=game.players), [note]


def _equilibria_lines(game):
    players, labels = game.players, game.labels
    found = game.equilibria()
    lines = [f"Nash equilibria ({len(found)}):"]
    for number, equilibrium in enumerate(found, 1):
        row, column = equilibrium[0], equilibrium[1]
        text = (
            f"  {number}. {players[0]}: {_strategy(row, labels[0])};  "
            f"{players[1]}: {_strategy(column, labels[1])}"
        )
        if game.is_symbolic:
            text += f"  when {equilibrium[2]}"
        else:
            text += "  payoffs ({}, {})".format(*map(_show, game.payoff(row, column)))
        lines.append(text)
    return lines


def _spe_lines(game, delta, players):
    from ..core.repeated.repeated_game import RepeatedGame

    payoffs = RepeatedGame(game, delta).equilibrium_payoffs()
    heading = (
        f"subgame-perfect payoffs at delta = {_show(delta)} (Abreu-Sannikov, pure strategies, "
        "public randomisation):"
    )
    if payoffs.is_empty:
        return [heading, "  none: no pure-strategy subgame-perfect equilibrium exists"]
    vertices = ", ".join(f"({x:.6g}, {y:.6g})" for x, y in payoffs.vertices)
    shape = "point" if payoffs.is_point else "segment" if payoffs.is_segment else "polygon"
    return [
        heading,
        f"  {shape} with vertices {vertices}",
        f"  {players[0]} from {payoffs.min(0):.6g} to {payoffs.max(0):.6g}; "
        f"{players[1]} from {payoffs.min(1):.6g} to {payoffs.max(1):.6g}",
    ]


def solve_lines(path, assignments=(), delta=None):
    """The report ``bargaining solve`` prints, as a list of lines, and notes for stderr.

    Parameters
    ----------
    path : str
        A TOML game file or a two-player Gambit ``.nfg`` file.
    assignments : sequence of str
        ``NAME=VALUE`` parameter values.
    delta : str, optional
        The discount factor as text (``"0.9"``, ``"9/10"``); the file's
        ``[repeated] delta`` when omitted.

    Returns
    -------
    lines, notes : list of str
    """
    from ..core.io import number, read_game_file
    from ..core.validation import check_delta

    spec = read_game_file(path)
    values = spec.values(**_assignments(assignments))
    game, notes = _numeric(spec.game(**values))
    if delta is not None:  # read as [repeated] delta is: exact, irrational constants too
        delta = check_delta(number(delta, "--delta"), "--delta")
    delta = delta if delta is not None else spec.delta
    missing = sorted(s.name for s in game.free_symbols)
    if missing and (game.shape != (2, 2) or delta is not None):
        need = "a numeric game" if game.shape == (2, 2) else f"a numeric {game.shape} game"
        raise ValueError(
            f"{path}: solving needs {need}; give {', '.join(missing)} with --set NAME=VALUE"
        )
    shown = ", ".join(f"{k} = {v}" for k, v in values.items())
    lines = [spec.title, f"{game.players[0]} (rows) x {game.players[1]} (columns), {game.kind}"]
    lines += [f"parameters: {shown}"] if shown else []
    lines += [*repr(game).splitlines()[1:], ""]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lines += _equilibria_lines(game)
        minmax = game.minmax(mixed=not game.is_symbolic)
        kind = "pure" if game.is_symbolic else "mixed"
        lines.append(
            f"minmax ({kind}): {game.players[0]} {_show(minmax.row)}, "
            f"{game.players[1]} {_show(minmax.column)}"
        )
        if delta is not None:
            lines += _spe_lines(game, check_delta(float(delta), "delta"), game.players)
    notes += [str(w.message) for w in caught]
    return lines, notes


@click.command("solve")
@click.argument("file", metavar="FILE")
@click.option(
    "--set",
    "assignments",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter value (repeatable).",
)
@click.option(
    "--delta",
    default=None,
    metavar="DELTA",
    help="Discount factor: also print the SPE payoff set.",
)
@click.pass_context
def solve(ctx, file, assignments, delta):
    """Equilibria, minmax values and (with --delta) SPE payoffs of the game in FILE.

    FILE is a TOML game file or a two-player Gambit .nfg file.
    """
    try:
        lines, notes = solve_lines(file, assignments, delta)
    except ValueError as error:
        click.echo(f"bargaining: error: {error_line(error)}", err=True)
        ctx.exit(2)
    click.echo("\n".join(lines))
    for note in notes:
        click.echo(f"note: {error_line(note)}", err=True)
