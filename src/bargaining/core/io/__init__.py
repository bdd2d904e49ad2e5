"""Games in and out: TOML game files, Gambit ``.nfg`` files, nashpy and QuantEcon.

A game file (:mod:`~bargaining.core.io.gamefile`) states a game with named
parameters; its entries are read by the restricted expression parser of
:mod:`~bargaining.core.io.expressions`, which never evaluates Python, and
whose :func:`parse_number` reads every number that comes from a file or the
command line; :func:`number` reads a value given in a file or on the command
line the same way and checks it is a finite real.
:mod:`~bargaining.core.io.interop` exchanges games with Gambit, nashpy and
QuantEcon.
"""

from ._schema import number
from .expressions import parse_expression, parse_number
from .gamefile import GameFile, load_game, parse_game_file, read_game_file
from .interop import from_nashpy, from_nfg, from_quantecon, to_nashpy, to_nfg, to_quantecon

__all__ = [
    "GameFile",
    "expressions",
    "from_nashpy",
    "from_nfg",
    "from_quantecon",
    "gamefile",
    "interop",
    "load_game",
    "number",
    "parse_expression",
    "parse_game_file",
    "parse_number",
    "read_game_file",
    "to_nashpy",
    "to_nfg",
    "to_quantecon",
]
