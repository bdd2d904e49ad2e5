"""Finite N-player games in normal form: pure equilibria and symmetric two-action games.

Algorithm
---------
Pure equilibria: for each player ``i``, mark the profiles where ``i``'s action
attains the maximum of ``i``'s payoff along axis ``i`` (a best response to
the others' actions); a profile marked for every player is a pure Nash
equilibrium. Every step is one vectorised numpy reduction.

Symmetric equilibria of a symmetric game with two actions: when the others
play the second action with probability ``p``, the gain of a player from the
second action over the first is the polynomial (Bernstein form)

    D(p) = sum_j C(N-1, j) p**j (1-p)**(N-1-j) d_j,

``d_j`` the gain when exactly ``j`` others play it. A symmetric mixed
equilibrium is a root of ``D`` in (0, 1); everybody playing the first
action is one iff ``D(0) <= 0``, the second iff ``D(1) >= 0``. The roots are
exact (sympy's real roots: rationals, radicals or ``CRootOf``) for exact
payoffs and floats for float payoffs.

References
----------
.. [1] J. Nash, "Non-cooperative games", Annals of Mathematics 54 (1951)
   286-295.
.. [2] T. R. Palfrey and H. Rosenthal, "Participation and the provision of
   discrete public goods: a strategic analysis", Journal of Public Economics
   24 (1984) 171-193.
"""

from __future__ import annotations

import math
import numbers
import warnings
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np

from .._lazy import lazy_module
from . import numbers as num
from .game import DegenerateGameWarning
from .validation import check_interval

sp = lazy_module("sympy")

# Relative tolerance for float payoffs: ties that rounding breaks still count.
FLOAT_TOLERANCE = 1e-12
# Irrational probabilities (radicals, CRootOf) in an exact game are checked in sympy
# floats of this many digits: exact algebra on them is slow and gains nothing here.
DIGITS = 50
PRECISE = "precise"


def _payoff_array(payoffs):
    """``(kind, array)``: Fractions in an object array, or float64."""
    try:
        array = np.asarray(payoffs)
    except ValueError:
        raise ValueError("payoffs must be a rectangular array of numbers") from None
    if array.dtype.kind == "f":
        if not np.isfinite(array).all():
            bad = tuple(int(i) for i in np.argwhere(~np.isfinite(array))[0])
            raise ValueError(f"payoffs{list(bad)} must be finite, got {array[bad]!r}")
        return num.FLOAT, array.astype(float)
    if array.dtype.kind in "iu":
        return num.EXACT, np.vectorize(lambda v: Fraction(int(v)), otypes=[object])(array)
    if array.dtype.kind != "O":
        raise ValueError(f"payoffs must be numbers, got an array of dtype {array.dtype}")
    kinds = np.empty(array.shape, dtype=object)
    values = np.empty(array.shape, dtype=object)
    for index in np.ndindex(array.shape):
        kind, value = num.classify(array[index], f"payoffs{list(index)}")
        if kind == num.SYMBOLIC:
            raise ValueError(
                f"payoffs{list(index)} must be a number, got the expression {value}; "
                "substitute values for its symbols first"
            )
        kinds[index], values[index] = kind, value
    kind = num.combine_kinds(kinds.flat)
    if kind == num.FLOAT:
        return kind, values.astype(float)
    return kind, values


class NPlayerGame:
    """A finite game in normal form with any number of players.

    Parameters
    ----------
    payoffs : array_like
        Shape ``(n_1, ..., n_N, N)``: ``payoffs[a_1, ..., a_N, i]`` is player
        ``i``'s payoff when player ``j`` plays action ``a_j``. Integers and
        Fractions (and sympy rationals) give exact answers; any float makes
        the game a float game.

    Raises
    ------
    ValueError
        If the array is ragged, has fewer than two players, its last axis
        does not have one entry per player, or an entry is not a finite
        number.

    Examples
    --------
    Three players who each gain 1 from matching the majority:

    >>> import numpy as np
    >>> actions = np.indices((2, 2, 2))
    >>> majority = (actions.sum(axis=0) >= 2).astype(int)
    >>> matched = (actions == majority).astype(int)
    >>> game = NPlayerGame(np.moveaxis(matched, 0, -1))
    >>> game.pure_equilibria()
    [(0, 0, 0), (1, 1, 1)]
    """

    def __init__(self, payoffs: Any) -> None:
        kind, array = _payoff_array(payoffs)
        if array.ndim < 3 or array.shape[-1] != array.ndim - 1:
            raise ValueError(
                "payoffs must have shape (n_1, ..., n_N, N) with N >= 2 players, "
                f"got shape {array.shape}"
            )
        if 0 in array.shape:
            raise ValueError(f"payoffs must give every player an action, got shape {array.shape}")
        self.kind = kind
        self._payoffs = array

    @property
    def payoffs(self) -> np.ndarray:
        """The payoff array: float64, or an object array of Fractions."""
        return self._payoffs

    @property
    def n_players(self) -> int:
        return self._payoffs.ndim - 1

    @property
    def shape(self) -> tuple[int, ...]:
        """The number of actions of each player."""
        return self._payoffs.shape[:-1]

    def __repr__(self) -> str:
        actions = " x ".join(str(n) for n in self.shape)
        return f"NPlayerGame({self.n_players} players, {actions} actions, {self.kind})"

    def _slack(self) -> float:
        if self.kind == num.EXACT:
            return 0.0
        return FLOAT_TOLERANCE * max(1.0, float(np.abs(self._payoffs).max()))

    def pure_equilibria(self) -> list[tuple[int, ...]]:
        """Every pure Nash equilibrium, as a tuple of action indices.

        Returns
        -------
        list of tuple of int
            The equilibria in lexicographic order of the profiles.
        """
        slack = self._slack()
        equilibrium = np.ones(self.shape, dtype=bool)
        for player in range(self.n_players):
            own = self._payoffs[..., player]
            best = own.max(axis=player, keepdims=True)
            equilibrium &= (own == best) if slack == 0 else (own >= best - slack)
        return [tuple(int(i) for i in profile) for profile in np.argwhere(equilibrium)]

    def _strategies(self, profile):
        """``(arithmetic, strategies)``: one probability vector per player, checked.

        The arithmetic is ``"exact"`` (Fractions), :data:`PRECISE` (for
        irrational probabilities, such as the roots :meth:`symmetric_equilibria`
        returns, in an exact game) or ``"float"``.
        """
        if isinstance(profile, str | bytes) or not hasattr(profile, "__len__"):
            raise ValueError(f"profile must be a sequence of strategies, got {profile!r}")
        if len(profile) != self.n_players:
            raise ValueError(
                f"profile must give a strategy for each of the {self.n_players} players, "
                f"got {profile!r}"
            )
        strategies, kinds = [], set()
        for player, (strategy, n_actions) in enumerate(zip(profile, self.shape, strict=True)):
            name = f"profile[{player}]"
            if isinstance(strategy, numbers.Integral) and not isinstance(strategy, bool):
                if not 0 <= strategy < n_actions:
                    raise ValueError(
                        f"{name} must be an action in 0..{n_actions - 1}, got {strategy!r}"
                    )
                strategy = [int(a == strategy) for a in range(n_actions)]
            try:
                strategy = list(strategy)
            except TypeError:
                raise ValueError(
                    f"{name} must be an action index or a list of probabilities, got {strategy!r}"
                ) from None
            if len(strategy) != n_actions:
                raise ValueError(
                    f"{name} must have {n_actions} probabilities, got {len(strategy)}"
                )
            classified = []
            for probability in strategy:
                check_interval(probability, name, 0, 1)
                kind, value = num.classify(probability, name)
                if kind == num.SYMBOLIC and value.free_symbols:
                    raise ValueError(f"{name} must hold numbers, got {probability!r}")
                kinds.add(kind)
                classified.append(value)
            total = sum(classified)
            # Floats and irrational numbers may miss 1 by rounding.
            rounded = any(not isinstance(v, Fraction) for v in classified)
            if total != 1 and not (rounded and abs(float(total) - 1) <= 1e-9):
                raise ValueError(f"{name} must sum to 1, got {strategy!r}")
            strategies.append(classified)
        if self.kind == num.FLOAT or num.FLOAT in kinds:
            return num.FLOAT, [np.array(s, dtype=float) for s in strategies]
        if num.SYMBOLIC in kinds:
            return PRECISE, [np.array([_precise(v) for v in s], dtype=object) for s in strategies]
        return num.EXACT, [np.array(s, dtype=object) for s in strategies]

    def _action_values(self, arithmetic, strategies):
        table = self._payoffs
        if arithmetic == num.FLOAT:
            table = table.astype(float)
        elif arithmetic == PRECISE:
            table = np.vectorize(_precise, otypes=[object])(table)
        values = []
        for player in range(self.n_players):
            own = table[..., player]
            # Contract the others' axes from the last, so the remaining indices stay put.
            for other in reversed(range(self.n_players)):
                if other != player:
                    own = np.tensordot(own, strategies[other], axes=([other], [0]))
            values.append(own)
        return values

    def action_values(self, profile: Sequence[Any]) -> list[np.ndarray]:
        """Each player's expected payoff from each of its actions against the others.

        Parameters
        ----------
        profile : sequence
            One entry per player: an action index or a probability vector
            (ints, Fractions, floats or exact sympy numbers).

        Returns
        -------
        list of numpy.ndarray
            ``values[i][a]``: player ``i``'s expected payoff from action ``a``
            when the others play their strategies in ``profile``.

        Raises
        ------
        ValueError
            If the profile does not have one strategy per player, a strategy
            has the wrong length, a probability lies outside [0, 1] or a
            strategy does not sum to 1.
        """
        return self._action_values(*self._strategies(profile))

    def regret(self, profile: Sequence[Any]) -> Any:
        """The most any player gains by deviating from ``profile`` to a pure action.

        Parameters
        ----------
        profile : sequence
            One entry per player: an action index or a probability vector.

        Returns
        -------
        Fraction, sympy.Float or float
            Zero at a Nash equilibrium: exactly for an exact game and
            rational probabilities; for irrational ones a sympy Float
            computed with :data:`DIGITS` digits; a float otherwise (compare
            with a tolerance).

        Raises
        ------
        ValueError
            As :meth:`action_values`.
        """
        arithmetic, strategies = self._strategies(profile)
        values = self._action_values(arithmetic, strategies)
        if arithmetic == num.FLOAT:
            return max(float(v.max() - v @ s) for v, s in zip(values, strategies, strict=True))
        gains = [max(v) - sum(v * s) for v, s in zip(values, strategies, strict=True)]
        return max(gains)

    def is_equilibrium(self, profile: Sequence[Any], tol: float = 1e-9) -> bool:
        """Whether no player gains from a unilateral deviation.

        Exact for an exact game and rational probabilities. Otherwise the
        regret is compared with ``tol`` relative to the payoffs' scale, and
        for irrational probabilities in an exact game with ``10**-(DIGITS -
        10)`` instead.
        """
        gain = self.regret(profile)
        if isinstance(gain, Fraction):
            return gain <= 0
        scale = max(1.0, float(np.abs(self._payoffs.astype(float)).max()))
        if isinstance(gain, sp.Basic):
            return bool(gain <= sp.Float(10, DIGITS) ** (10 - DIGITS) * scale)
        return gain <= tol * scale

    def is_symmetric(self) -> bool:
        """Whether relabelling the players leaves the game unchanged.

        The players have the same number of actions and
        ``u_i(a_sigma) = u_sigma(i)(a)`` for every permutation ``sigma`` of
        the players; the transpositions of player 0 with each other player
        generate them all, so only those are checked.
        """
        if len(set(self.shape)) != 1:
            return False
        slack = self._slack()
        players = list(range(self.n_players))
        for other in players[1:]:
            swapped_players = players.copy()
            swapped_players[0], swapped_players[other] = other, 0
            relabelled = np.swapaxes(self._payoffs, 0, other)[..., swapped_players]
            if slack == 0:
                if not (relabelled == self._payoffs).all():
                    return False
            elif not np.allclose(relabelled, self._payoffs, rtol=0, atol=slack):
                return False
        return True

    def indifference_polynomial(self) -> Any:
        """A player's gain from the second action over the first, as a polynomial in ``p``.

        ``p`` is the probability with which every other player plays the second
        action. Only for symmetric games with two actions.

        Returns
        -------
        sympy.Poly
            In the symbol ``p``, with rational coefficients (for a float game,
            those of the floats' exact binary values).

        Raises
        ------
        ValueError
            If the game is not symmetric or the players do not have two actions.
        """
        if set(self.shape) != {2}:
            raise ValueError(
                "the symmetric solver needs two actions per player, "
                f"got payoffs of shape {self._payoffs.shape}"
            )
        if not self.is_symmetric():
            raise ValueError(
                "payoffs must be symmetric for the symmetric solver (u_i(a_sigma) = "
                "u_sigma(i)(a) for every permutation sigma of the players)"
            )
        p = sp.Symbol("p")
        others = self.n_players - 1
        polynomial = sp.Integer(0)
        for joining in range(others + 1):
            # Player 0 against the first `joining` others on the second action.
            rest = (1,) * joining + (0,) * (others - joining)
            gain = self._payoffs[(1, *rest, 0)] - self._payoffs[(0, *rest, 0)]
            weight = math.comb(others, joining) * p**joining * (1 - p) ** (others - joining)
            # Floats enter at their exact binary values: expanding the Bernstein form in
            # floats would cancel away the digits near a root of high multiplicity.
            polynomial += weight * sp.Rational(gain)
        return sp.Poly(sp.expand(polynomial), p)

    def symmetric_equilibria(self) -> list[Any]:
        """Every symmetric equilibrium of a symmetric two-action game.

        Returns
        -------
        list
            The probabilities ``p`` in [0, 1], in increasing order, such that
            every player playing the second action with probability ``p`` is a
            Nash equilibrium: the roots of :meth:`indifference_polynomial` in
            (0, 1), and 0 or 1 when the pure profile is an equilibrium.
            Fractions where rational, exact sympy numbers (radicals or
            ``CRootOf``) where not, floats for float games. If the polynomial
            vanishes, every ``p`` is an equilibrium and only 0 and 1 are
            returned, with a :class:`~bargaining.core.game.DegenerateGameWarning`.

        Raises
        ------
        ValueError
            If the game is not symmetric or the players do not have two actions.
        """
        polynomial = self.indifference_polynomial()
        if polynomial.is_zero:
            warnings.warn(
                "the players are indifferent whatever the others do: every probability "
                "is a symmetric equilibrium",
                DegenerateGameWarning,
                stacklevel=2,
            )
            return [Fraction(0), Fraction(1)] if self.kind == num.EXACT else [0.0, 1.0]
        return equilibria_from_gain(polynomial, exact=self.kind == num.EXACT, slack=self._slack())


def equilibria_from_gain(polynomial: Any, *, exact: bool, slack: float = 0.0) -> list[Any]:
    """The symmetric equilibria given the gain from the second action as a polynomial in p.

    Parameters
    ----------
    polynomial : sympy.Poly
        The gain, in one variable ``p`` with rational coefficients (see
        :meth:`NPlayerGame.indifference_polynomial`); not identically zero.
    exact : bool
        Exact roots (Fractions, radicals or ``CRootOf``), or floats.
    slack : float
        How far below zero the gain at ``p = 1`` (above zero at ``p = 0``)
        may be for the pure profile to count, for float coefficients.

    Returns
    -------
    list
        Increasing: 0 if the gain at 0 is at most 0, the roots in (0, 1), 1 if
        the gain at 1 is at least 0.
    """
    at_zero, at_one = polynomial.eval(0), polynomial.eval(1)
    if exact:
        interior = sorted(
            {r for r in polynomial.real_roots() if 0 < r < 1}, key=lambda r: r.evalf(30)
        )
        found = [Fraction(int(r.p), int(r.q)) if r.is_Rational else r for r in interior]
        zero, one = Fraction(0), Fraction(1)
    else:
        found = _float_roots_in_unit_interval(polynomial)
        zero, one = 0.0, 1.0
        at_zero, at_one = float(at_zero), float(at_one)
    result = [zero] if at_zero <= slack else []
    result += found
    if at_one >= -slack:
        result.append(one)
    return result


def _float_roots_in_unit_interval(polynomial):
    """Real roots in (0, 1) of a rational polynomial, as floats.

    The roots are isolated in rational arithmetic and narrowed below float
    resolution: expanded polynomials with clustered or multiple roots
    (``(1 - p)**40``) defeat float root finders.
    """
    if polynomial.degree() < 1:
        return []
    roots = []
    for (low, high), _ in polynomial.intervals(eps=sp.Rational(1, 2**60)):
        root = float((low + high) / 2)
        if 0 < root < 1 and (not roots or root != roots[-1]):
            roots.append(root)
    return roots


def _precise(value):
    """``value`` as a sympy Float of :data:`DIGITS` digits."""
    return num.to_sympy(value).evalf(DIGITS)
