r"""Repeated games: critical discount factors of trigger strategies, and a strategy simulator.

A pure action profile :math:`a` of the stage game is sustained by a trigger
strategy when no player gains by a one-shot deviation. With payoffs averaged
over time (multiplied by :math:`1 - \delta`), :math:`v` the profile's payoff,
:math:`d` the best deviation payoff and :math:`p` the value of the punishment,
player :math:`i`'s incentive constraint is
:math:`v_i \ge (1 - \delta) d_i + \delta p_i`.

Punishments
-----------
``"nash"``
    Grim trigger: a stage Nash equilibrium forever (Friedman 1971), so
    :math:`\delta^* = \max_i (d_i - v_i) / (d_i - p_i)`.
``"minmax"``
    Each deviator is minmaxed forever: the folk-theorem bound, which need not
    be subgame perfect.
``"stick-and-carrot"``
    A stick profile :math:`s` for :math:`k` periods, then back to :math:`a`; a
    deviation from the stick starts it again (Abreu 1988). With public
    randomisation the stick length is random, so :math:`D = E[\delta^k]` takes
    any value in :math:`(0, \delta]`; see :func:`stick_and_carrot_delta` for the
    closed form.

References
----------
.. [1] J. W. Friedman, "A non-cooperative equilibrium for supergames",
   Review of Economic Studies 38 (1971) 1-12.
.. [2] D. Abreu, "On the theory of infinitely repeated games with
   discounting", Econometrica 56 (1988) 383-396.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from ..._lazy import lazy_module
from .. import numbers as num
from ..validation import check_delta
from .automata import Automaton, deviation_gains, discounted_payoffs, play, state_values

if TYPE_CHECKING:
    from ..._typing import Scalar
    from ..game import Game
    from .payoff_sets import PayoffSet

__all__ = [
    "Automaton",
    "RepeatedGame",
    "deviation_gains",
    "discounted_payoffs",
    "play",
    "state_values",
    "stick_and_carrot_delta",
]

PUNISHMENTS = ("nash", "minmax", "stick-and-carrot")
sp = lazy_module("sympy")


class RepeatedGame:
    """The infinitely repeated game of a finite stage game with perfect monitoring.

    Parameters
    ----------
    game : bargaining.core.game.Game
        The stage game (exact, float or symbolic).
    delta : number or sympy expression, optional
        The common discount factor, in (0, 1). Not needed for
        :meth:`critical_delta`.
    """

    def __init__(self, game: Game, delta: Scalar | None = None) -> None:
        self.game = game
        self.delta = None if delta is None else check_delta(delta)

    def profile_index(self, profile: Sequence[int | str]) -> tuple[int, int]:
        """``(row, column)`` indices of a pure profile given by indices or action labels."""
        try:
            row, column = profile
        except (TypeError, ValueError):
            raise ValueError(f"profile must be a pair of actions, got {profile!r}") from None
        return (
            _action(row, self.game.labels[0], "row action"),
            _action(column, self.game.labels[1], "column action"),
        )

    def critical_delta(
        self,
        profile: Sequence[int | str],
        punishment: str = "nash",
        *,
        equilibrium: Sequence[int | str] | None = None,
        stick: Sequence[int | str] | None = None,
        periods: int | None = None,
        mixed: bool | None = None,
    ) -> Scalar | None:
        """The least discount factor from which a trigger strategy sustains ``profile``.

        Parameters
        ----------
        profile : pair of int or str
            The pure profile to sustain, by indices or action labels.
        punishment : {"nash", "minmax", "stick-and-carrot"}
            See the module documentation.
        equilibrium : pair of int or str, optional
            For ``"nash"``: the stage equilibrium to revert to. Required for
            symbolic games; otherwise the pure equilibrium with the lowest
            threshold is used.
        stick : pair of int or str, optional
            For ``"stick-and-carrot"``: the punishment profile (required).
        periods : int, optional
            For ``"stick-and-carrot"``: a stick of exactly ``periods`` periods.
            ``None`` (default) randomises the length publicly (continuous).
        mixed : bool, optional
            For ``"minmax"``: mixed minmax values. Defaults to mixed for
            numeric games and pure for symbolic ones.

        Returns
        -------
        Fraction, float, sympy expression or None
            ``delta*`` such that the profile is an equilibrium outcome for every
            ``delta`` in ``[delta*, 1)``, or ``None`` when no ``delta < 1`` works.
            Symbolic answers assume that deviations gain and punishments hurt.

        References
        ----------
        Friedman (1971) for grim trigger; Abreu (1988) for stick-and-carrot.
        """
        if punishment not in PUNISHMENTS:
            raise ValueError(
                f"punishment must be one of {', '.join(PUNISHMENTS)}, got {punishment!r}"
            )
        cell = self.profile_index(profile)
        if punishment == "stick-and-carrot":
            if stick is None:
                raise ValueError("punishment='stick-and-carrot' needs a stick profile: stick=...")
            return stick_and_carrot_delta(self.game, cell, self.profile_index(stick), periods)
        if punishment == "minmax":
            mixed = not self.game.is_symbolic if mixed is None else mixed
            return _trigger_delta(self.game, cell, tuple(self.game.minmax(mixed=mixed)))
        if equilibrium is not None:
            return _trigger_delta(
                self.game, cell, _payoffs(self.game, self.profile_index(equilibrium))
            )
        if self.game.is_symbolic:
            raise ValueError("a symbolic game needs the equilibrium to revert to: equilibrium=...")
        found = self.game.pure_equilibria()
        if not found:
            raise ValueError(
                "the stage game has no pure Nash equilibrium to revert to; "
                "use punishment='minmax' or give equilibrium=..."
            )
        thresholds = [_trigger_delta(self.game, cell, _payoffs(self.game, e)) for e in found]
        finite = [t for t in thresholds if t is not None]
        return min(finite) if finite else None

    def equilibrium_payoffs(self, method: str = "abreu-sannikov", **options: Any) -> PayoffSet:
        """The set of pure-strategy subgame-perfect payoffs at this game's ``delta``.

        Parameters
        ----------
        method : {"abreu-sannikov", "outer"}
            The exact set (Abreu and Sannikov 2014) or the outer approximation
            of Judd, Yeltekin and Conklin (2003).
        **options
            ``tol``, ``max_iter``, ``backend`` and, for ``"outer"``, ``directions``; see
            :func:`bargaining.core.repeated.payoff_sets.equilibrium_payoffs`.

        Returns
        -------
        bargaining.core.repeated.payoff_sets.PayoffSet
            A polygon, a segment, a single point, or empty.
        """
        from .payoff_sets import equilibrium_payoffs

        unknown = sorted(set(options) - {"tol", "max_iter", "directions", "backend"})
        if unknown:
            raise ValueError(
                f"unknown options {unknown} (use tol, max_iter, directions, backend)"
            )
        if self.delta is None:
            raise ValueError(
                "equilibrium_payoffs() needs a discount factor: RepeatedGame(game, delta)"
            )
        return equilibrium_payoffs(self.game, self.delta, method, **options)


def _action(action, labels, name):
    if isinstance(action, str):
        if action not in labels:
            raise ValueError(f"{name} {action!r} is not one of {', '.join(labels)}")
        return labels.index(action)
    if isinstance(action, bool) or not isinstance(action, int) or not 0 <= action < len(labels):
        raise ValueError(f"{name} must be a label or an index below {len(labels)}, got {action!r}")
    return action


def _payoffs(game, cell):
    A, B = game.payoff_matrices
    return A[cell], B[cell]


def _deviation(game, cell, player):
    """Player's best payoff from an action other than its own in ``cell`` (None if none)."""
    A, B = game.payoff_matrices
    if player == 0:
        options = [A[i, cell[1]] for i in range(game.shape[0]) if i != cell[0]]
    else:
        options = [B[cell[0], j] for j in range(game.shape[1]) if j != cell[1]]
    if not options:
        return None
    return sp.Max(*map(num.to_sympy, options)) if game.is_symbolic else max(options)


def _is_zero(value):
    return sp.simplify(value) == 0 if isinstance(value, sp.Basic) else value == 0


def _finish(game, terms):
    """Combine per-player thresholds: a number, or ``sp.Max`` of the non-zero symbolic ones."""
    if game.is_symbolic:
        terms = [sp.simplify(t) for t in terms if not _is_zero(t)]
        return sp.Max(*terms) if len(terms) > 1 else (terms[0] if terms else sp.Integer(0))
    return max(terms, default=Fraction(0) if game.is_exact else 0.0)


def _trigger_delta(game, cell, punishment_payoffs):
    # Player i needs delta * (d_i - p_i) >= d_i - v_i for every delta in [delta*, 1).
    terms = []
    for player in (0, 1):
        value, deviation = _payoffs(game, cell)[player], _deviation(game, cell, player)
        if deviation is None:
            continue
        gain, loss = deviation - value, deviation - punishment_payoffs[player]
        if game.is_symbolic:
            if _is_zero(loss) and not _is_zero(gain):
                return None  # the punishment costs the deviator nothing
            terms.append(gain / loss)
        elif (loss > 0 and gain >= loss) or (loss <= 0 and value < punishment_payoffs[player]):
            return None
        elif loss > 0 and gain > 0:
            terms.append(gain / loss)
        elif loss == 0 and gain > 0:
            return None
    return _finish(game, terms)


def stick_and_carrot_delta(
    game: Game, cell: tuple[int, int], stick: tuple[int, int], periods: int | None = None
) -> Scalar | None:
    r"""Critical discount factor of the stick-and-carrot strategy (Abreu 1988).

    With :math:`v, d` the payoff and best deviation at ``cell``, :math:`s, e`
    those at the stick, and :math:`D` the expected discount over the stick,
    player :math:`i` needs
    :math:`v_i \ge (1 - \delta) d_i + \delta ((1 - D) s_i + D v_i)` on the path
    and :math:`(1 - D) s_i + D v_i \ge e_i` at the start of the stick. With
    public randomisation (``periods=None``) :math:`D` ranges over
    :math:`(0, \delta]`, and solving the two constraints gives

    .. math::

        L = \max\Bigl(0, \max_i \frac{e_i - s_i}{v_i - s_i}\Bigr), \qquad
        \delta^* = \max\Bigl(L, \max_i \frac{d_i - v_i}{d_i - v_i + (v_i - s_i)(1 - L)}\Bigr).

    With ``periods = k``, :math:`D = \delta^k` and the constraints are solved
    as polynomial inequalities in :math:`\delta`.

    Parameters
    ----------
    game : Game
    cell, stick : pair of int
        The profile to sustain and the punishment profile.
    periods : int, optional
        Fixed stick length; ``None`` for a publicly randomised length.

    Returns
    -------
    Fraction, float, sympy expression or None
        As :meth:`RepeatedGame.critical_delta`.

    References
    ----------
    D. Abreu, Econometrica 56 (1988) 383-396.
    """
    rows = []
    for player in (0, 1):
        v, s = _payoffs(game, cell)[player], _payoffs(game, stick)[player]
        if _deviation(game, cell, player) is None:
            continue  # a player with one action has no incentive constraint
        rows.append((v, _deviation(game, cell, player), s, _deviation(game, stick, player)))
    if not rows:
        return _finish(game, [])
    if periods is not None:
        return _finite_stick_delta(game, rows, periods)
    if game.is_symbolic:
        lower = _finish(game, [(e - s) / (v - s) for v, _, s, e in rows])
        terms = [(d - v) / (d - v + (v - s) * (1 - lower)) for v, d, s, _ in rows]
        return _finish(game, [lower, *terms])
    # A stick no worse than the path is no punishment: whoever gains by deviating, or
    # is indifferent while preferring the stick, would trigger it.
    if any(v < s or (v == s and (d > v or e > s)) for v, d, s, e in rows):
        return None
    lower = max([(e - s) / (v - s) for v, _, s, e in rows if e > s], default=0 * rows[0][0])
    if lower >= 1:
        return None
    terms = [(d - v) / (d - v + (v - s) * (1 - lower)) for v, d, s, _ in rows if d > v]
    return max([lower, *terms])


def _finite_stick_delta(game, rows, periods):
    if isinstance(periods, bool) or not isinstance(periods, int) or periods < 1:
        raise ValueError(f"periods must be a positive integer, got {periods!r}")
    if game.is_symbolic:
        raise ValueError("a stick of fixed length needs a numeric game: give values with .subs")
    exact = [[sp.Rational(x) for x in row] for row in rows]
    delta = sp.Symbol("delta", positive=True)
    discount = delta**periods
    feasible = sp.Interval.open(0, 1)
    for v, d, s, e in exact:
        stick_value = (1 - discount) * s + discount * v
        for constraint in (v - (1 - delta) * d - delta * stick_value, stick_value - e):
            feasible &= sp.solveset(sp.expand(constraint) >= 0, delta, sp.Interval.open(0, 1))
    pieces = feasible.args if isinstance(feasible, sp.Union) else (feasible,)
    top = [p for p in pieces if isinstance(p, sp.Interval) and p.sup == 1 and p.measure > 0]
    if not top:
        return None
    value = top[0].inf
    if game.kind == num.FLOAT:
        return float(value)
    return Fraction(int(value.p), int(value.q)) if value.is_Rational else value
