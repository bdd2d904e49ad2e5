"""``python -m bargaining.cli``: the ``bargaining`` command."""

from ._group import main

main()
