"""Independent implementations that tests check results against.

They come with the ``oracles`` extra (in ``dev`` too). A missing oracle is an error,
not a skip, so that a test environment without them cannot pass silently.
"""

import importlib
from types import ModuleType


def import_oracle(name: str) -> ModuleType:
    """Import the oracle package ``name``, or fail saying how to install it.

    Raises
    ------
    ModuleNotFoundError
        If ``name`` is not installed; the message names the extra that provides it.
    """
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        raise ModuleNotFoundError(
            f"the test oracle {name!r} is not installed: pip install -e '.[oracles]' (or '.[dev]')"
        ) from error
