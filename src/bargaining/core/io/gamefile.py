"""Games from TOML files: players, actions, parametric payoffs and repeated-game settings.

A game file looks like this (see ``examples/games/`` for complete ones)::

    title = "Prisoner's dilemma with a parametric temptation"
    [players]
    row = { name = "Alice", actions = ["Cooperate", "Defect"] }
    column = { name = "Bob", actions = ["Cooperate", "Defect"] }
    [parameters]
    T = { default = 5, min = 3, max = 10, description = "temptation" }
    [definitions]
    R = "T - 2"
    [payoffs]
    row = [["R", 0], ["T", 1]]
    column = [["R", "T"], [0, 1]]
    [repeated]
    delta = 0.9

Payoff entries, definitions and parameter values are numbers or expressions
read by the restricted parser of :mod:`bargaining.core.io.expressions`; nothing
in a file is executed. Decimals are read exactly (``0.1`` is ``1/10``), so a
file with exact numbers gives an exact game. A parameter without a default
stays a sympy symbol.

References
----------
TOML v1.0.0: https://toml.io/en/v1.0.0
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from ..._lazy import lazy_module
from ._schema import MAX_FILE_SIZE, Parameter, number, read_sections
from .expressions import parse_expression

sp = lazy_module("sympy")

__all__ = [
    "GameFile",
    "Parameter",
    "game_file_format",
    "load_game",
    "nfg_game_file",
    "parse_game_file",
    "read_game_file",
]


@dataclass(frozen=True)
class GameFile:
    """A parsed game file; :meth:`game` builds the :class:`~bargaining.core.game.Game`."""

    source: str
    title: str
    players: tuple
    actions: tuple
    payoffs: tuple
    parameters: dict = field(default_factory=dict)
    definitions: dict = field(default_factory=dict)
    delta: object = None
    description: str = ""

    def values(self, **overrides):
        """Parameter values: the defaults, replaced by ``overrides``, checked against ranges.

        Values may be numbers or constant expressions as text (``"3/10"``).
        Parameters with neither a default nor an override are left out.
        """
        for name in overrides:
            if name not in self.parameters:
                known = ", ".join(self.parameters) or "none"
                raise ValueError(
                    f"{self.source}: unknown parameter {name!r} (parameters: {known})"
                )
        chosen = {}
        for name, parameter in self.parameters.items():
            if name in overrides:
                value = number(overrides[name], f"{self.source}, parameter {name}")
            elif parameter.default is not None:
                value = parameter.default
            else:
                continue
            if parameter.low is not None and value < parameter.low:
                raise ValueError(
                    f"{self.source}: parameter {name} must be at least {parameter.low}, "
                    f"got {value}"
                )
            if parameter.high is not None and value > parameter.high:
                raise ValueError(
                    f"{self.source}: parameter {name} must be at most {parameter.high}, "
                    f"got {value}"
                )
            chosen[name] = value
        return chosen

    def game(self, **overrides):
        """The game with parameter values from the defaults and ``overrides``.

        Returns
        -------
        bargaining.Game
            Exact when every value and payoff is exact, float when some value
            is a float, symbolic in the parameters left without a value.
        """
        values = self.values(**overrides)
        return self._build({n: values.get(n, sp.Symbol(n, real=True)) for n in self.parameters})

    def _build(self, names):
        from ..game import Game

        names = dict(names)
        for name, text in self.definitions.items():
            names[name] = parse_expression(text, names, where=f"{self.source}, definitions.{name}")
        matrices = [
            [
                [
                    _entry(v, names, f"{self.source}, payoffs.{player}[{i}][{j}]")
                    for j, v in enumerate(r)
                ]
                for i, r in enumerate(rows)
            ]
            for player, rows in zip(("row", "column"), self.payoffs, strict=True)
        ]
        try:
            return Game(*matrices, labels=self.actions, players=self.players)
        except ValueError as error:  # e.g. a payoff too large: name the file and the entry
            message = str(error).replace("A[", "payoffs.row[").replace("B[", "payoffs.column[")
            raise ValueError(f"{self.source}, {message}") from None


def _entry(value, names, where):
    return (
        parse_expression(value, names, where=where)
        if isinstance(value, str)
        else number(value, where)
    )


def parse_game_file(text, source="<string>"):
    """Parse the text of a TOML game file.

    Parameters
    ----------
    text : str
        The file's contents.
    source : str
        The file name, which starts every error message.

    Returns
    -------
    GameFile
        With every expression checked against the parameters it may use.

    Raises
    ------
    ValueError
        Naming ``source``, the entry and the problem.
    """
    if isinstance(text, str):
        text = text.removeprefix("\ufeff")
    if not isinstance(text, str) or len(text) > MAX_FILE_SIZE:
        raise ValueError(
            f"{source}: a game file must be text of at most {MAX_FILE_SIZE} characters"
        )
    parsed = GameFile(source=source, **read_sections(text, source))
    parsed._build({n: sp.Symbol(n, real=True) for n in parsed.parameters})  # check every entry
    return parsed


CONVERT_EFG = (
    "convert it to its reduced normal form with Gambit first, e.g. in Python: "
    "pygambit.read_efg(path).to_nfg('game.nfg')"
)


def game_file_format(path, text):
    """``"nfg"``, ``"efg"`` or ``"toml"``: by the file's first word, else by its suffix.

    Gambit files begin with ``NFG`` or ``EFG``; a TOML game file cannot.
    """
    words = text.split(None, 1)
    first = words[0].upper() if words else ""
    if first in ("NFG", "EFG"):
        return first.lower()
    suffix = Path(str(path)).suffix.lower()
    return suffix[1:] if suffix in (".nfg", ".efg") else "toml"


def nfg_game_file(text, source="<string>"):
    """A two-player Gambit ``.nfg`` game as a :class:`GameFile` (no parameters, no delta).

    Raises
    ------
    ValueError
        Naming ``source``: for a malformed file, or one with more than two
        players, saying what is supported.
    """
    from .interop import from_nfg

    try:
        game = from_nfg(text)
    except ValueError as error:
        message = str(error).removeprefix("nfg: ")
        if "only two-player games" in message:
            message += (
                "; bargaining solve reads two-player normal forms (TOML game files or Gambit "
                ".nfg): fix the strategies of all but two players to reduce the game"
            )
        raise ValueError(f"{source}: {message}") from None
    title = re.search(r'"((?:[^"\\]|\\.)*)"', text)
    A, B = (M.tolist() for M in game.payoff_matrices)
    return GameFile(
        source=source,
        title=title.group(1) if title and title.group(1) else Path(source).name,
        players=tuple(game.players),
        actions=tuple(tuple(labels) for labels in game.labels),
        payoffs=(tuple(map(tuple, A)), tuple(map(tuple, B))),
    )


def read_game_file(path):
    """Read and parse the game file at ``path``: TOML, or a two-player Gambit ``.nfg``.

    The format is told by the file's first word (``NFG``) or its suffix; see
    :func:`parse_game_file` and :func:`nfg_game_file`. An extensive-form
    ``.efg`` file is refused with how to convert it.
    """
    try:
        raw = read_regular_file(path, MAX_FILE_SIZE + 1)
        text = raw.decode("utf-8-sig")
    except OSError as error:
        raise ValueError(f"cannot read game file {str(path)!r}: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise ValueError(
            f"cannot read game file {str(path)!r}: not UTF-8 text ({error.reason} "
            f"at byte {error.start})"
        ) from None
    kind = game_file_format(path, text)
    if kind == "efg":
        raise ValueError(
            f"{path}: an extensive-form game (.efg); bargaining solve reads two-player normal "
            f"forms (TOML game files or Gambit .nfg): {CONVERT_EFG}"
        )
    if kind == "nfg":
        return nfg_game_file(text, str(path))
    return parse_game_file(text, str(path))


def read_regular_file(path, limit):
    """At most ``limit`` bytes of the regular file at ``path``.

    Opened without blocking and checked before reading, so a FIFO, a device
    or a directory is refused instead of hanging or failing midway.

    Raises
    ------
    ValueError
        If ``path`` is not a regular file.
    OSError
        If it cannot be opened or read.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise ValueError(f"{str(path)!r} is not a regular file (a FIFO, device or folder)")
    with os.fdopen(descriptor, "rb") as handle:
        return handle.read(limit)


def load_game(path, **overrides):
    """The game in the TOML file at ``path``, with parameters set by ``overrides``.

    Parameters
    ----------
    path : str or os.PathLike
        The game file.
    **overrides
        Parameter values (numbers, or constant expressions as text) replacing
        the file's defaults.

    Returns
    -------
    bargaining.Game

    Examples
    --------
    >>> from pathlib import Path
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "pd.toml"
    >>> _ = path.write_text('[parameters]\\nT = 5\\n[payoffs]\\n'
    ...     'row = [[3, 0], ["T", 1]]\\ncolumn = [[3, "T"], [0, 1]]\\n')
    >>> load_game(path, T=4).pure_equilibria()
    [(1, 1)]
    """
    return read_game_file(path).game(**overrides)
