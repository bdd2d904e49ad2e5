"""The report's progress bar: on a terminal only, silenced by --quiet."""

import io

from bargaining.report import Steps


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def _run(monkeypatch, stream, enabled):
    monkeypatch.setattr("sys.stderr", stream)
    steps = Steps(3, enabled=enabled)
    for name in ("first", "second", "third"):
        steps(name)
    steps.close()
    assert steps.done == 3
    return stream.getvalue()


def test_the_bar_counts_the_steps_on_a_terminal(monkeypatch):
    shown = _run(monkeypatch, _Terminal(), enabled=True)
    assert "third" in shown and "2/3" in shown


def test_no_bar_off_a_terminal_or_when_quiet(monkeypatch):
    assert _run(monkeypatch, io.StringIO(), enabled=True) == ""
    assert _run(monkeypatch, _Terminal(), enabled=False) == ""
