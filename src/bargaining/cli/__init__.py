"""The command line, ``bargaining``: one module per command.

Every command only reads its options, calls the library and prints; bad
input ends with one line on standard error and exit status 2, never a
traceback.
"""

from ._group import main

__all__ = [
    "breakdown",
    "figures",
    "invest",
    "main",
    "participation",
    "problemset",
    "report",
    "scenarios",
    "solve",
    "sweep",
]
