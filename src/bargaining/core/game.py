"""Finite two-player normal-form games with exact, float or symbolic payoffs."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import numpy as np

from .._lazy import lazy_module
from . import numbers as num
from ._game_input import check_labels, rows_of

if TYPE_CHECKING:
    import nashpy
    import sympy

    from .._typing import Matrix, Scalar, Strategy
    from .equilibria.symbolic import ConditionalEquilibrium
    from .minmax import Minmax
    from .polygon import ConvexPolygon

sp = lazy_module("sympy")

EQUILIBRIUM_METHODS = ("auto", "vertex", "support", "lemke-howson")
# Beyond this the float algorithms (nashpy, the payoff-set iterations) overflow
# when they square payoffs, or iterate for minutes at a tolerance below the
# payoffs' rounding; exact and symbolic games keep the same bound for one rule.
MAX_PAYOFF = 1e100


def _check_magnitude(name, value):
    """Refuse a numeric payoff above :data:`MAX_PAYOFF` in absolute value."""
    if isinstance(value, Fraction | float):
        magnitude = abs(value)
    elif not value.free_symbols:
        magnitude = abs(float(value))
    else:
        return
    if magnitude > MAX_PAYOFF:
        digits = len(str(int(magnitude))) - 1
        shown = f"{float(value):.6g}" if magnitude < 1e300 else f"about 1e{digits}"
        raise ValueError(
            f"{name} must be at most {MAX_PAYOFF:g} in absolute value, got {shown}; "
            "rescale the payoffs (equilibria are unchanged by a positive scale factor)"
        )


def _plain_float_payoffs(A, B):
    """Whether ``A`` and ``B`` are float arrays of one 2-d shape, finite and within bounds.

    Such input needs no entry-by-entry classification; anything else (or any
    entry to complain about) goes through it, which names the entry.
    """
    matrices = [A] if B is None else [A, B]
    if not all(isinstance(M, np.ndarray) and M.dtype.kind == "f" for M in matrices):
        return False
    if A.ndim != 2 or A.size == 0 or any(M.shape != A.shape for M in matrices):
        return False
    return all(np.isfinite(M).all() and float(np.abs(M).max()) <= MAX_PAYOFF for M in matrices)


class DegenerateGameWarning(UserWarning):
    """The game is degenerate, so its equilibria may form continua.

    For exact games the list returned holds every extreme equilibrium (the
    vertices of the equilibrium components). For float games, and for
    ``method="lemke-howson"``, the list may be incomplete.
    """


class Game:
    """A finite two-player game in normal form.

    Parameters
    ----------
    A : array_like
        ``m x n`` payoffs of the row player. Entries may be ints, floats,
        :class:`fractions.Fraction` or sympy expressions (a parametric game).
    B : array_like, optional
        ``m x n`` payoffs of the column player; ``-A`` (zero-sum) if omitted.
    labels : pair of sequences of str, optional
        Names of the row and the column player's actions.
    players : pair of str, optional
        Names of the row and the column player.

    Notes
    -----
    The payoffs' kind decides the arithmetic. Integers, Fractions and sympy
    rationals give exact answers as Fractions; any float makes the game a
    float game; a sympy symbol makes it symbolic, and :meth:`subs` turns it
    into a numeric game.

    Examples
    --------
    >>> game = Game([[3, 0], [5, 1]], [[3, 5], [0, 1]])
    >>> game.pure_equilibria()
    [(1, 1)]
    """

    def __init__(
        self,
        A: Matrix,
        B: Matrix | None = None,
        *,
        labels: Sequence[Sequence[str]] | None = None,
        players: Sequence[str] | None = None,
    ) -> None:
        if _plain_float_payoffs(A, B):
            self.kind = num.FLOAT
            self._A = np.array(A, dtype=float)
            self._B = np.array(B, dtype=float) if B is not None else -self._A
        else:
            self._classify(A, B)
        self.labels = check_labels(labels, self._A.shape)
        self.players = tuple(players) if players is not None else ("row", "column")
        if len(self.players) != 2:
            raise ValueError(f"players must name two players, got {players!r}")

    def _classify(self, A, B):
        """Check and convert every entry, and decide the game's kind from them."""
        rows_a = rows_of(A, "A")
        rows_b = rows_of(B, "B") if B is not None else None
        if rows_b is not None and (len(rows_b), len(rows_b[0])) != (len(rows_a), len(rows_a[0])):
            raise ValueError(
                f"A and B must have the same shape, got {len(rows_a)}x{len(rows_a[0])} "
                f"and {len(rows_b)}x{len(rows_b[0])}"
            )
        classified = {}
        for name, rows in (("A", rows_a), ("B", rows_b)):
            if rows is not None:
                classified[name] = [
                    [num.classify(v, f"{name}[{i}][{j}]") for j, v in enumerate(row)]
                    for i, row in enumerate(rows)
                ]
        for name, rows in classified.items():
            for i, row in enumerate(rows):
                for j, (_, value) in enumerate(row):
                    _check_magnitude(f"{name}[{i}][{j}]", value)
        kind = num.combine_kinds(k for rows in classified.values() for r in rows for k, _ in r)
        self.kind = kind
        matrices = {
            name: num.as_array([[num.convert(v, kind) for _, v in r] for r in rows], kind)
            for name, rows in classified.items()
        }
        self._A = matrices["A"]
        self._B = matrices["B"] if "B" in matrices else -self._A

    @property
    def payoff_matrices(self) -> tuple[np.ndarray, np.ndarray]:
        """``(A, B)``: float arrays, or object arrays of Fractions or sympy expressions."""
        return self._A, self._B

    @property
    def shape(self) -> tuple[int, ...]:
        return self._A.shape

    @property
    def is_symbolic(self) -> bool:
        return self.kind == num.SYMBOLIC

    @property
    def is_exact(self) -> bool:
        return self.kind == num.EXACT

    @property
    def free_symbols(self) -> set[sympy.Symbol]:
        """The sympy symbols the payoffs depend on."""
        if not self.is_symbolic:
            return set()
        return set().union(*(sp.sympify(v).free_symbols for v in (*self._A.flat, *self._B.flat)))

    def subs(self, **values: Scalar) -> Game:
        """A new game with the named symbols replaced by ``values``.

        Integers and Fractions keep the game exact; floats make it a float game.

        Raises
        ------
        ValueError
            If a name is not a symbol of the game or a value is not a number.
        """
        symbols = {s.name: s for s in self.free_symbols}
        mapping = {}
        for name, value in values.items():
            if name not in symbols:
                known = ", ".join(sorted(symbols)) or "none"
                raise ValueError(f"{name!r} is not a parameter of this game (parameters: {known})")
            _, value = num.classify(value, name)
            mapping[symbols[name]] = num.to_sympy(value)

        def substitute(matrix):
            return [[sp.sympify(v).subs(mapping) for v in row] for row in matrix.tolist()]

        if not self.is_symbolic:
            return Game(self._A, self._B, labels=self.labels, players=self.players)
        return Game(
            substitute(self._A), substitute(self._B), labels=self.labels, players=self.players
        )

    def require_numeric(self, what: str) -> None:
        """Raise a ValueError naming ``what`` when the payoffs depend on symbols.

        Parameters
        ----------
        what : str
            The operation that needs numbers, for the message.

        Raises
        ------
        ValueError
            If the game is symbolic.
        """
        if self.is_symbolic:
            names = ", ".join(sorted(s.name for s in self.free_symbols)) or "irrational constants"
            raise ValueError(
                f"{what} needs numeric payoffs, but this game depends on {names}: "
                "give values with .subs(...)"
            )

    def to_nashpy(self) -> nashpy.Game:
        """The game as a :class:`nashpy.Game` with float payoffs."""
        import nashpy

        self.require_numeric("to_nashpy()")
        return nashpy.Game(self._A.astype(float), self._B.astype(float))

    def to_nfg(self, title: str = "Untitled strategic game") -> str:
        """The game as the text of a Gambit ``.nfg`` file (see :mod:`bargaining.core.io`)."""
        from .io.interop import to_nfg

        return to_nfg(self, title)

    @classmethod
    def from_nfg(cls, text: str) -> Game:
        """A game read from the text of a Gambit ``.nfg`` file; see :mod:`.interop`."""
        from .io.interop import from_nfg

        return from_nfg(text)

    def _strategy(self, strategy, size, name):
        array = np.asarray(strategy, dtype=object if self.kind != num.FLOAT else float)
        if array.shape != (size,):
            raise ValueError(f"{name} must have {size} probabilities, got {strategy!r}")
        return array

    def payoff(self, row_strategy: Strategy, column_strategy: Strategy) -> tuple[Scalar, Scalar]:
        """Expected payoffs ``(u_row, u_column)`` of a pair of mixed strategies."""
        x = self._strategy(row_strategy, self.shape[0], "row_strategy")
        y = self._strategy(column_strategy, self.shape[1], "column_strategy")
        return x @ self._A @ y, x @ self._B @ y

    def regrets(self, row_strategy: Strategy, column_strategy: Strategy) -> tuple[Scalar, Scalar]:
        """How much each player gains by the best deviation from the given profile."""
        self.require_numeric("regrets()")
        x = self._strategy(row_strategy, self.shape[0], "row_strategy")
        y = self._strategy(column_strategy, self.shape[1], "column_strategy")
        u_row, u_column = x @ self._A @ y, x @ self._B @ y
        return max(self._A @ y) - u_row, max(x @ self._B) - u_column

    def is_equilibrium(
        self, row_strategy: Strategy, column_strategy: Strategy, tol: float = 1e-9
    ) -> bool:
        """Whether each strategy is a best response to the other (within ``tol``)."""
        scale = (
            1 if self.is_exact else max(1.0, float(np.abs(np.hstack([self._A, self._B])).max()))
        )
        return all(regret <= tol * scale for regret in self.regrets(row_strategy, column_strategy))

    def pure_equilibria(self) -> list[tuple[int, int]]:
        """Pure Nash equilibria as ``(row, column)`` index pairs, row-major."""
        from .equilibria.pure import pure_equilibria

        self.require_numeric("pure_equilibria()")
        return pure_equilibria(self._A, self._B)

    def equilibria(
        self, method: str = "auto"
    ) -> list[tuple[np.ndarray, np.ndarray]] | list[ConditionalEquilibrium]:
        """Nash equilibria as ``(row_strategy, column_strategy)`` pairs.

        Parameters
        ----------
        method : {"auto", "vertex", "support", "lemke-howson"}
            ``"auto"`` and ``"vertex"`` enumerate the vertices of the best
            response polytopes: exactly, by lexicographic pivoting in integers
            (:mod:`~bargaining.core.equilibria.exact_vertex`), for exact
            games, and in floats through qhull for float games (at most 24
            actions in all). ``"support"`` calls
            nashpy's support enumeration, on floats. ``"lemke-howson"``
            runs :func:`~bargaining.core.equilibria.lemke_howson.lemke_howson`
            from every one of the ``m + n`` starting labels and returns the
            distinct equilibria reached (some, not necessarily all): in
            exact integer arithmetic for exact games (at most 40 actions in
            all), in floats otherwise (at most 400).

        Returns
        -------
        list
            ``(row_strategy, column_strategy)`` pairs of numpy arrays (of
            Fractions for exact games with ``"auto"``, ``"vertex"`` or
            ``"lemke-howson"``). For a symbolic 2x2 game,
            :class:`ConditionalEquilibrium` triples ``(row, column,
            condition)`` of sympy expressions.

        Warns
        -----
        DegenerateGameWarning
            When the game is degenerate (see the warning's documentation).
        """
        if method not in EQUILIBRIUM_METHODS:
            choices = ", ".join(EQUILIBRIUM_METHODS)
            raise ValueError(f"method must be one of {choices}, got {method!r}")
        if self.is_symbolic:
            if self.shape != (2, 2) or method != "auto":
                self.require_numeric(f"equilibria(method={method!r}) of a {self.shape} game")
            from .equilibria.symbolic import symbolic_equilibria

            return symbolic_equilibria(self._A, self._B)
        if self.is_exact and method in ("auto", "vertex"):
            from .equilibria.exact_vertex import exact_vertex_enumeration

            found, degenerate = exact_vertex_enumeration(self._A, self._B)
            if degenerate:
                warnings.warn(
                    "the game is degenerate: equilibria may form continua; the list holds "
                    "their extreme points",
                    DegenerateGameWarning,
                    stacklevel=2,
                )
            return found
        if self.is_exact and method == "lemke-howson":
            from .equilibria.lemke_howson import exact_lemke_howson_equilibria

            found, degenerate = exact_lemke_howson_equilibria(self._A, self._B)
            if degenerate:
                warnings.warn(
                    "the game is degenerate: Lemke-Howson may miss equilibria, which may form "
                    "continua; method='vertex' lists every extreme equilibrium",
                    DegenerateGameWarning,
                    stacklevel=2,
                )
            return found
        from .equilibria import nashpy_equilibria

        found, degenerate = nashpy_equilibria(
            np.asarray(self._A, dtype=float), np.asarray(self._B, dtype=float), method
        )
        if degenerate:
            source = {"lemke-howson": "Lemke-Howson", "support": "nashpy's support enumeration"}
            source = source.get(method, "vertex enumeration in floats")
            warnings.warn(
                f"the game is degenerate: {source} may miss equilibria; "
                "give exact payoffs (ints or Fractions) for a complete list",
                DegenerateGameWarning,
                stacklevel=2,
            )
        return found

    def minmax(self, mixed: bool = True) -> Minmax:
        """Each player's minmax value; see :func:`bargaining.core.minmax.minmax`."""
        from .minmax import minmax

        if mixed:
            self.require_numeric("minmax(mixed=True)")
        return minmax(self._A, self._B, mixed=mixed)

    def feasible_set(self) -> ConvexPolygon:
        """The convex hull of the pure payoff pairs, as a :class:`ConvexPolygon`."""
        from .polygon import ConvexPolygon

        self.require_numeric("feasible_set()")
        return ConvexPolygon(zip(self._A.flat, self._B.flat, strict=True))

    def individually_rational_set(self, mixed: bool = True) -> ConvexPolygon:
        """Feasible payoffs giving each player at least the minmax value."""
        row_value, column_value = self.minmax(mixed=mixed)
        if self.is_exact:
            row_value, column_value = Fraction(row_value), Fraction(column_value)
        return self.feasible_set().clip(0, row_value).clip(1, column_value)

    def __repr__(self) -> str:
        from ._game_display import text_table

        return text_table(self)

    def _repr_latex_(self):
        from ._game_display import latex_table

        return latex_table(self)
