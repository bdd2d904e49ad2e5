"""What every reproduction returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..plots import save_formats


@dataclass
class Comparison:
    """One number computed here beside its published (or derived) counterpart."""

    label: str
    ours: float
    reference: float | None
    source: str
    tolerance: float = 1e-6

    @property
    def agrees(self):
        return self.reference is None or abs(self.ours - self.reference) <= self.tolerance


@dataclass
class Reproduction:
    """The comparisons of one paper and the figure files written."""

    paper: str
    comparisons: list[Comparison] = field(default_factory=list)
    figures: list[Path] = field(default_factory=list)

    def table(self):
        """The comparisons as a fixed-width text table."""
        lines = [f"{'quantity':<48} {'ours':>14} {'reference':>14}  source"]
        for c in self.comparisons:
            reference = "" if c.reference is None else f"{c.reference:14.8g}"
            lines.append(f"{c.label:<48} {c.ours:14.8g} {reference:>14}  {c.source}")
        return "\n".join(lines)


def finish_figure(figure, out_dir, name):
    """Lay out a pyplot ``figure``, save it as ``name`` in every format, close it; the paths."""
    import matplotlib.pyplot as plt

    figure.tight_layout()
    paths = save_formats(figure, out_dir, name)
    plt.close(figure)
    return paths
