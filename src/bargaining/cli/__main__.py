"""``python -m bargaining.cli``: the ``bargaining`` command."""

from ._group import main

if __name__ == "__main__":  # importing the module (documentation tools do) runs nothing
    main()
