"""Acemoglu and Restrepo (2018, 2019): the labor share in the task model.

Tasks lie on ``[N - 1, N]``; those below the automation threshold ``I`` are
done by capital. With all productivities 1 and ``K = L = 1`` the competitive
labor share is

    s_L = (N - I)**(1/sigma) / ((N - I)**(1/sigma) + (1 - N + I)**(1/sigma))

(the "task content" form of Acemoglu and Restrepo 2019, eq. 3), and
``s_L = N - I`` in the Cobb-Douglas case ``sigma = 1``. Reproduced: the
labor share against the automation threshold for ``sigma`` in {0.5, 1, 1.5}
with ``N = 1``, and the reinstatement effect of new tasks (``N = 1.1``).

The reference values are computed from that closed form (they are not
printed in the papers, whose figures are empirical), so the comparison
checks the package's implementation against an independent evaluation of
the published formula.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
.. [2] D. Acemoglu and P. Restrepo, "Automation and new tasks: how technology
   displaces and reinstates labor", Journal of Economic Perspectives 33
   (2019) 3-30.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..labor.technology import labor_share
from ._common import Comparison, Reproduction, finish_figure

# (sigma, I, N) -> labor share, evaluated from the closed form above.
REFERENCE = {
    (1, 0.5, 1): 0.5,
    (1, 0.6, 1): 0.4,
    (1, 0.75, 1): 0.25,
    (1, 0.6, 1.1): 0.5,
    (0.5, 0.6, 1): 0.307692,
    (0.5, 0.75, 1): 0.1,
    (0.8, 0.6, 1): 0.375937,
    (0.8, 0.75, 1): 0.202093,
    (1.5, 0.6, 1): 0.432831,
    (1.5, 0.75, 1): 0.324666,
    (0.5, 0.5, 1): 0.5,
    (1.5, 0.5, 1): 0.5,
}
SOURCE = "AR (2019) eq. 3, evaluated"


def reproduce(out_dir=None):
    """Compute the comparisons, and write the figure to ``out_dir`` when given."""
    result = Reproduction("acemoglu-restrepo-2018")
    for (sigma, threshold, tasks), reference in REFERENCE.items():
        ours = float(labor_share(threshold, sigma, new_tasks=tasks - 1))
        result.comparisons.append(
            Comparison(
                f"s_L, sigma={sigma}, I={threshold}, N={tasks}", ours, reference, SOURCE, 5e-7
            )
        )
    if out_dir is not None:
        result.figures = _figures(Path(out_dir))
    return result


def _figures(out_dir):
    import matplotlib.pyplot as plt

    thresholds = np.linspace(0, 1, 201)
    figure, ax = plt.subplots(figsize=(5, 3.6))
    for sigma, color in ((0.5, "#0072B2"), (1, "#009E73"), (1.5, "#D55E00")):
        ax.plot(thresholds, labor_share(thresholds, sigma), color=color, label=f"sigma = {sigma}")
    ax.set_xlabel("automation threshold I (N = 1)")
    ax.set_ylabel("labor share s_L")
    ax.set_title("Labor share in the task model")
    ax.legend()
    return finish_figure(figure, out_dir, "labor-share")
