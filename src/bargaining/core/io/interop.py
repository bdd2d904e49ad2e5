"""Exchange games with Gambit (``.nfg`` files), nashpy and QuantEcon.

Gambit's strategic-form format
------------------------------
A ``.nfg`` file starts with ``NFG 1 R``, the game's title in double quotes,
the players' names in braces and then either each player's strategy names,
``{ { "Work" "Strike" } { "Share" "Keep" } }``, or their numbers,
``{ 2 2 }``. An optional comment string follows. The payoffs come in one of
two forms:

- outcome form: a list of outcomes ``{ "name" u1, u2 }`` in braces, then one
  outcome number per strategy profile (``0`` is the null outcome, paying 0);
- payoff form: the players' payoffs, profile after profile.

Profiles are ordered with the first player's strategy changing fastest.
:func:`to_nfg` writes the outcome form with exact numbers (``3``,
``-7/10``) for exact games and shortest round-trip decimals for float games;
:func:`from_nfg` reads both forms, integers and fractions exactly and
decimals as floats, so a round trip keeps the game's kind.

References
----------
.. [1] The Gambit Project, "Game representation formats: the strategic game
   (.nfg) file format", https://gambitproject.readthedocs.io/en/latest/formats.html
.. [2] V. Knight and J. Campbell, Nashpy, JOSS 3 (2018) 904.
.. [3] QuantEcon.py, ``quantecon.game_theory.NormalFormGame``.
"""

from __future__ import annotations

import re
from fractions import Fraction

import numpy as np

__all__ = ["from_nashpy", "from_nfg", "from_quantecon", "to_nashpy", "to_nfg", "to_quantecon"]

MAX_NFG_SIZE = 10_000_000
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{},]|[^\s{},"]+|"', re.DOTALL)
_INTEGER = re.compile(r"[+-]?\d+")
_RATIONAL = re.compile(r"[+-]?\d+/\d+")
_DECIMAL = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _quote(text):
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _format(value):
    if isinstance(value, Fraction):
        return str(value)
    return repr(float(value)).replace("e+", "e")


def to_nfg(game, title="Untitled strategic game"):
    """The game as the text of a Gambit ``.nfg`` file (outcome form).

    Parameters
    ----------
    game : bargaining.Game
        A numeric game (exact or float).
    title : str
        The game's title in the file.

    Returns
    -------
    str
    """
    game.require_numeric("to_nfg()")
    A, B = game.payoff_matrices
    rows, columns = game.shape
    strategies = "\n".join("{ " + " ".join(map(_quote, labels)) + " }" for labels in game.labels)
    cells = [(i, j) for j in range(columns) for i in range(rows)]
    outcomes = "\n".join(f'{{ "" {_format(A[c])}, {_format(B[c])} }}' for c in cells)
    numbers = " ".join(str(k) for k in range(1, len(cells) + 1))
    players = " ".join(map(_quote, game.players))
    return (
        f'NFG 1 R {_quote(title)} {{ {players} }}\n\n{{ {strategies}\n}}\n""\n\n'
        f"{{\n{outcomes}\n}}\n{numbers}\n"
    )


class _Tokens:
    def __init__(self, text):
        self.items = [m.group(0) for m in _TOKEN.finditer(text)]
        if any(token == '"' for token in self.items):
            raise ValueError("nfg: a string is missing its closing double quote")
        self.position = 0

    def peek(self):
        return self.items[self.position] if self.position < len(self.items) else None

    def take(self, expected=None, what=None):
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise ValueError(f"nfg: expected {what or expected or 'more text'}, got {token!r}")
        self.position += 1
        return token

    def string(self, what):
        token = self.take(what=what)
        if not token.startswith('"'):
            raise ValueError(f"nfg: expected {what} in double quotes, got {token!r}")
        return re.sub(r"\\(.)", r"\1", token[1:-1], flags=re.DOTALL)

    def number(self, what):
        token = self.take(what=what)
        if _INTEGER.fullmatch(token) and len(token) <= 1000:
            return Fraction(int(token))
        if _RATIONAL.fullmatch(token) and len(token) <= 2000:
            numerator, denominator = token.split("/")
            if int(denominator) == 0:
                raise ValueError(f"nfg: {what} must be a number, got {token!r} (zero denominator)")
            return Fraction(int(numerator), int(denominator))
        if _DECIMAL.fullmatch(token):
            return float(token)
        raise ValueError(f"nfg: {what} must be a number, got {token!r}")

    def strings(self, what):
        self.take("{")
        found = []
        while self.peek() != "}":
            found.append(self.string(what))
        self.take("}")
        return found


def _strategies(tokens):
    tokens.take("{")
    if tokens.peek() == "{":
        labels = [tokens.strings("a strategy name"), tokens.strings("a strategy name")]
        tokens.take("}")
        return labels
    counts = [tokens.number("a number of strategies") for _ in range(2)]
    tokens.take("}")
    if any(c.denominator != 1 or not 1 <= c <= len(tokens.items) for c in counts):
        shown = ", ".join(map(str, counts))
        raise ValueError(
            f"nfg: numbers of strategies must be positive and fit the file, got {shown}"
        )
    return [[str(k) for k in range(1, int(c) + 1)] for c in counts]


def _payoffs(tokens, size):
    if tokens.peek() != "{":
        return [(tokens.number("a payoff"), tokens.number("a payoff")) for _ in range(size)]
    tokens.take("{")
    outcomes = [(Fraction(0), Fraction(0))]
    while tokens.peek() != "}":
        tokens.take("{")
        tokens.string("an outcome name")
        first = tokens.number("a payoff")
        if tokens.peek() == ",":
            tokens.take(",")
        outcomes.append((first, tokens.number("a payoff")))
        tokens.take("}")
    tokens.take("}")
    chosen = []
    for _ in range(size):
        index = tokens.number("an outcome number")
        whole = isinstance(index, Fraction) and index.denominator == 1
        if not whole or not 0 <= index < len(outcomes):
            raise ValueError(f"nfg: outcome number {index} is not one of 0..{len(outcomes) - 1}")
        chosen.append(outcomes[int(index)])
    return chosen


def from_nfg(text):
    """Read a two-player game from the text of a Gambit ``.nfg`` file.

    Parameters
    ----------
    text : str
        The file's contents (outcome or payoff form).

    Returns
    -------
    bargaining.Game
        With the file's player and strategy names; exact unless the file
        has decimals.

    Raises
    ------
    ValueError
        If the text is not a two-player ``.nfg`` game.
    """
    from ..game import Game

    if not isinstance(text, str) or len(text) > MAX_NFG_SIZE:
        raise ValueError(f"nfg: expected the text of a .nfg file, got {type(text).__name__}")
    tokens = _Tokens(text)
    tokens.take("NFG")
    tokens.take("1", what="format version 1")
    if tokens.take(what="R or D") not in ("R", "D"):
        raise ValueError("nfg: the format version must be followed by R or D")
    tokens.string("the title")
    players = tokens.strings("a player name")
    if len(players) != 2:
        raise ValueError(f"nfg: only two-player games are supported, got {len(players)} players")
    labels = _strategies(tokens)
    if tokens.peek() is not None and tokens.peek().startswith('"'):
        tokens.string("the comment")
    rows, columns = len(labels[0]), len(labels[1])
    if rows * columns > len(tokens.items):
        raise ValueError(f"nfg: a {rows}x{columns} game needs more payoffs than the file has")
    cells = _payoffs(tokens, rows * columns)
    if tokens.peek() is not None:
        raise ValueError(f"nfg: unexpected text after the payoffs: {tokens.peek()!r}")
    A = [[cells[i + rows * j][0] for j in range(columns)] for i in range(rows)]
    B = [[cells[i + rows * j][1] for j in range(columns)] for i in range(rows)]
    return Game(A, B, labels=labels, players=players)


def to_nashpy(game):
    """The game as a :class:`nashpy.Game` with float payoffs."""
    return game.to_nashpy()


def from_nashpy(nashpy_game, *, labels=None, players=None):
    """A :class:`~bargaining.Game` with the payoff matrices of a :class:`nashpy.Game`."""
    A, B = nashpy_game.payoff_matrices
    return _from_arrays(A, B, labels, players)


def to_quantecon(game):
    """The game as a QuantEcon :class:`~quantecon.game_theory.NormalFormGame` (floats)."""
    from quantecon.game_theory import NormalFormGame, Player

    game.require_numeric("to_quantecon()")
    A, B = (np.asarray(M, dtype=float) for M in game.payoff_matrices)
    return NormalFormGame([Player(A), Player(B.T)])


def from_quantecon(normal_form_game, *, labels=None, players=None):
    """A :class:`~bargaining.Game` from a two-player QuantEcon ``NormalFormGame``."""
    if getattr(normal_form_game, "N", None) != 2:
        raise ValueError(
            f"only two-player QuantEcon games are supported, got {normal_form_game!r}"
        )
    row, column = normal_form_game.players
    return _from_arrays(row.payoff_array, column.payoff_array.T, labels, players)


def _from_arrays(A, B, labels, players):
    from ..game import Game

    A, B = np.asarray(A), np.asarray(B)
    if A.dtype.kind in "iu" and B.dtype.kind in "iu":
        A, B = A.astype(object), B.astype(object)
    return Game(A, B, labels=labels, players=players)
