"""Weakly renegotiation-proof equilibria among simple strategy profiles, exactly.

A subgame-perfect equilibrium is *weakly renegotiation-proof* (WRP; Farrell
and Maskin 1989) when none of its continuation payoffs strictly
Pareto-dominates another: the players can never both gain by jointly
abandoning the punishment they are asked to carry out for a continuation the
same equilibrium already prescribes elsewhere.

This module searches the *simple strategy profiles* of Abreu (1988) of a
finite two-player game: an equilibrium path and one punishment path per
player; whoever deviates, from any path, starts his own punishment. Here the
path is a stage profile played forever, and each punishment is a stage
profile either played forever or played once before returning to the path
(stick then return). A profile is an equilibrium when no one-shot deviation
pays (exact linear inequalities in the discount factor), and WRP when its
three continuation payoffs (path, labor's and capital's punishment) are
pairwise Pareto-unranked; the continuation after a stick is the path, so
these are all the continuation payoffs the profile has.

Every WRP simple profile is a WRP equilibrium, so labor's best payoff found
here is a *lower bound* on its best WRP payoff. An upper bound holds for
every WRP equilibrium of the strike game (docs/model.md, "Renegotiation-proof
equilibria"): while ``y_s < 1 - w`` labor's highest continuation payoff is at
most the larger of its (Work, Keep) payoff and its best Strike payoff; where
the two bounds meet the answer is exact.

All arithmetic is on Fractions (float payoffs are converted exactly), so the
comparisons, ties included, are exact.

References
----------
.. [1] J. Farrell and E. Maskin, "Renegotiation in repeated games", Games and
   Economic Behavior 1 (1989) 327-360.
.. [2] D. Abreu, "On the theory of infinitely repeated games with
   discounting", Econometrica 56 (1988) 383-396.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..core.game import Game

MODES = ("forever", "once")


class SimpleProfile(NamedTuple):
    """Labor's best WRP simple strategy profile of a game.

    Attributes
    ----------
    payoffs : (Fraction, Fraction)
        The path's payoffs ``(labor, capital)``, per period.
    path : (str, str)
        The stage profile played on the path, by action labels.
    punishments : tuple
        For labor, then capital: ``((row label, column label), mode)`` with
        ``mode`` ``"forever"`` or ``"once"`` (then back to the path).
    """

    payoffs: tuple[Fraction, Fraction]
    path: tuple[str, str]
    punishments: tuple[tuple[tuple[str, str], str], tuple[tuple[str, str], str]]


class _Punishment(NamedTuple):
    profile: tuple[int, int]
    mode: str
    value: tuple[int, int]
    # The other player's deviations from this stick are deterred while p times his
    # punishment value is at most ``bound`` (delta = p/q); None when he has no other action.
    bound: int | None


def best_simple_wrp(game: Game, delta) -> SimpleProfile | None:
    """Labor's best weakly renegotiation-proof simple strategy profile of a repeated game.

    Parameters
    ----------
    game : bargaining.Game
        A two-player stage game; labor is the row player.
    delta : number
        The common discount factor, in (0, 1); a float is taken as the
        rational number it is.

    Returns
    -------
    SimpleProfile or None
        The profile whose path gives labor the highest payoff (capital the
        highest among those); ``None`` when no simple profile is WRP (then the
        game has no pure stage equilibrium: repeating one is a WRP profile).

    Notes
    -----
    With stage payoffs ``g``, a punishment of player ``i`` by the profile
    ``q`` has value ``P^i = g(q)`` (forever) or ``(1 - delta) g(q) + delta v0``
    (once), ``v0 = g(path)``; after the stick play continues at
    ``c = P^i`` (forever) or ``v0`` (once). The conditions, for each player
    ``j``, with ``d_j(s)`` the best payoff ``j`` gets from another action
    against the profile ``s``:

    - path: ``g_j(path) >= (1 - delta) d_j(path) + delta P^j_j``;
    - stick of ``i``: ``(1 - delta) g_j(q) + delta c_j >= (1 - delta) d_j(q)
      + delta P^j_j``;
    - ``v0``, ``P^L`` and ``P^K`` pairwise not strictly Pareto-ranked.

    Examples
    --------
    In the prisoner's dilemma of Abreu and Sannikov's tests, cooperation is
    WRP from ``delta = 1/4``: a defector is punished by cooperating once
    while the other defects, which the other prefers to cooperation:

    >>> from bargaining import Game
    >>> pd = Game([[9, 1], [10, 3]], [[9, 10], [1, 3]])
    >>> best_simple_wrp(pd, Fraction(1, 4)).payoffs
    (Fraction(9, 1), Fraction(9, 1))
    >>> best_simple_wrp(pd, Fraction(1, 5)).payoffs
    (Fraction(3, 1), Fraction(3, 1))
    """
    delta = Fraction(delta)
    if not 0 < delta < 1:
        raise ValueError(f"delta must lie in (0, 1), got {delta}")
    profiles, payoff, deviation, unit = _tables(game, delta)
    weights = (delta.denominator - delta.numerator, delta.numerator, delta.denominator)
    labels = game.labels
    for path in sorted(profiles, key=lambda p: payoff[p], reverse=True):
        labor_cases, capital_cases = (
            _punishments(player, path, profiles, payoff, deviation, weights) for player in (0, 1)
        )
        for labor_case, capital_case in itertools.product(labor_cases, capital_cases):
            # Each stick deters the other player, whose deviation starts his own punishment.
            if not (
                _within(weights[1] * capital_case.value[1], labor_case.bound)
                and _within(weights[1] * labor_case.value[0], capital_case.bound)
                and _unranked([labor_case.value, capital_case.value])
            ):
                continue
            v0 = payoff[path]
            return SimpleProfile(
                (v0[0] * unit, v0[1] * unit),
                _named(labels, path),
                (
                    (_named(labels, labor_case.profile), labor_case.mode),
                    (_named(labels, capital_case.profile), capital_case.mode),
                ),
            )
    return None


def capital_best_stage_equilibrium(game: Game) -> tuple[Fraction, Fraction] | None:
    """The payoffs of capital's favourite pure stage equilibrium (labor's best among ties).

    The benchmark of no redistribution: (Work, Keep) in the strike game while
    work pays labor more than a strike and capital does not lock it out.
    """
    labor, capital = ([[Fraction(v) for v in row] for row in m] for m in game.payoff_matrices)
    rows, columns = range(len(labor)), range(len(labor[0]))
    equilibria = [
        (labor[i][j], capital[i][j])
        for i in rows
        for j in columns
        if labor[i][j] == max(labor[k][j] for k in rows)
        and capital[i][j] == max(capital[i][k] for k in columns)
    ]
    return max(equilibria, key=lambda point: (point[1], point[0]), default=None)


def _punishments(player, path, profiles, payoff, deviation, weights):
    """The punishments of ``player`` consistent with the path on their own.

    Each deters the player's deviations from the path and from its own
    stick, and is not Pareto-ranked with the path. ``weights`` are
    ``(q - p, p, q)`` for ``delta = p/q``: ``(1 - delta) x + delta z`` is
    ``((q - p) x + p z) / q``.
    """
    rest, ahead, whole = weights
    v0 = payoff[path]
    other = 1 - player

    def deters(scaled_stay, gain, punishment):
        # scaled_stay / q >= (1 - delta) gain + delta punishment
        return gain is None or scaled_stay >= rest * gain + ahead * punishment

    found = []
    for q, mode in itertools.product(profiles, MODES):
        g = payoff[q]
        if mode == "forever":
            value = after = g
        else:
            value = tuple((rest * g[k] + ahead * v0[k]) // whole for k in (0, 1))
            after = v0
        if not deters(whole * v0[player], deviation[path][player], value[player]):
            continue
        if not _unranked([v0, value]):
            continue
        stay = [rest * g[k] + ahead * after[k] for k in (0, 1)]
        if not deters(stay[player], deviation[q][player], value[player]):
            continue
        gain = deviation[q][other]
        bound = None if gain is None else stay[other] - rest * gain
        found.append(_Punishment(q, mode, value, bound))
    return found


def _tables(game, delta):
    """Profiles, payoffs and best deviations as integers on a common scale.

    Payoffs are multiplied by the least common multiple of their denominators
    and ``q``, times ``q`` (``delta = p/q``), so that each payoff and each
    ``(1 - delta) g + delta v`` is an integer: comparisons are exact and fast.
    """
    matrices = [[[Fraction(v) for v in row] for row in m] for m in game.payoff_matrices]
    scale = delta.denominator
    for value in itertools.chain.from_iterable(itertools.chain.from_iterable(matrices)):
        scale = math.lcm(scale, value.denominator)
    scale *= delta.denominator
    labor, capital = ([[int(v * scale) for v in row] for row in m] for m in matrices)
    rows, columns = len(labor), len(labor[0])
    profiles = [(i, j) for i in range(rows) for j in range(columns)]
    payoff = {p: (labor[p[0]][p[1]], capital[p[0]][p[1]]) for p in profiles}
    deviation = {}
    for i, j in profiles:
        others_l = [labor[k][j] for k in range(rows) if k != i]
        others_k = [capital[i][k] for k in range(columns) if k != j]
        deviation[i, j] = (max(others_l, default=None), max(others_k, default=None))
    return profiles, payoff, deviation, Fraction(1, scale)


def _dominates(p, q):
    return p[0] > q[0] and p[1] > q[1]


def _unranked(points):
    return not any(_dominates(p, q) for p, q in itertools.permutations(points, 2))


def _named(labels, profile):
    return (labels[0][profile[0]], labels[1][profile[1]])


def _within(value, bound):
    return bound is None or value <= bound
