"""A progress bar over the steps of the main job."""

from __future__ import annotations

import sys


class Steps:
    """Count the report's steps on a tqdm bar on stderr, shown only on a terminal.

    Call the object with the description of each step as it starts; the
    previous step then counts as done. :meth:`close` ends the last step.

    Parameters
    ----------
    total : int
        How many steps the job has.
    enabled : bool
        ``False`` (``--quiet``) shows nothing; ``True`` shows the bar when
        stderr is a terminal.
    """

    def __init__(self, total, *, enabled=True):
        from tqdm.auto import tqdm

        self.bar = tqdm(
            total=total,
            file=sys.stderr,
            disable=not (enabled and sys.stderr.isatty()),
            unit="step",
            leave=False,
        )
        self.started = False
        self.done = 0

    def __call__(self, description):
        if self.started:
            self._advance()
        self.started = True
        self.bar.set_description(description)

    def close(self):
        if self.started:
            self._advance()
        self.started = False
        self.bar.close()

    def _advance(self):
        self.done += 1
        self.bar.update(1)
