"""Pure Markov perfect equilibria of stochastic games that only move up, by backward induction.

When every profile either keeps the state or moves it, for sure, to a higher
one (automation that capital raises and never lowers), a state's stationary
values depend only on its own profile and on the values of higher states.
The pure Markov perfect equilibria can then be found from the last state
down, without enumerating the product of the states' profiles that
:mod:`bargaining.core.stochastic.markov` enumerates.

Algorithm
---------
1. Check that every transition row is a unit vector to the same or a higher
   state; read off where each profile leads.
2. In the last state, keep the profiles from which no one-shot deviation
   gains: each is played for ever, so its value is its stage payoff.
3. In state ``s``, for every equilibrium kept from ``s + 1`` on and every
   profile ``a``: its value is ``g(s, a)`` if ``a`` stays, ``(1 - delta)
   g(s, a) + delta v(t)`` if it moves to ``t > s``; keep the extension if
   no one-shot deviation (valued the same way) gains more than ``slack``.
4. The equilibria kept at the first state are all of them.

References
----------
.. [1] E. Maskin and J. Tirole, "Markov perfect equilibrium: I. Observable
   actions", Journal of Economic Theory 100 (2001) 191-219.
"""

from __future__ import annotations

import numpy as np

from .markov import MAX_PROFILES


def upward_markov_perfect(stages, delta, slack, max_equilibria=MAX_PROFILES):
    """Every pure Markov perfect equilibrium when play stays in its state or moves up for sure.

    Backward induction over the states: a state's values depend on its own
    profile and the higher states' values only, so in state ``s``, for each
    equilibrium from ``s + 1`` on and each profile ``a``, the value is
    ``g(s, a)`` if ``a`` stays (played for ever) and ``(1 - delta) g(s, a) +
    delta v(t)`` if it moves to ``t > s``; the profile is kept if no one-shot
    deviation gains more than ``slack``.

    Parameters
    ----------
    stages : list of StageData
        Every transition row a unit vector to the same or a higher state.
    delta : float
    slack : float
    max_equilibria : int
        Most partial equilibria kept at any state.

    Returns
    -------
    list of (numpy.ndarray, tuple)
        Each equilibrium's values (``S x 2``) and profile (``(row, column)`` per state).

    Raises
    ------
    ValueError
        If a transition is random or moves down, or there are more than
        ``max_equilibria`` equilibria.
    """
    following = []
    for s, stage in enumerate(stages):
        target = stage.T.argmax(axis=2)
        if not np.allclose(stage.T.max(axis=2), 1) or np.any(target < s):
            raise ValueError(
                f"transitions[{s}] must stay or move to a higher state for sure for backward "
                f"induction, got {stage.T.tolist()}"
            )
        following.append(target)
    partial = [(np.empty((0, 2)), ())]
    for s in reversed(range(len(stages))):
        stage, leads, found = stages[s], following[s], []
        for later, profile in partial:
            for i, j in np.ndindex(stage.A.shape):
                payoff = np.array([stage.A[i, j], stage.B[i, j]])
                if leads[i, j] == s:
                    value = payoff
                else:
                    value = (1 - delta) * payoff + delta * later[leads[i, j] - s - 1]
                reached = np.vstack([value, later])  # the values of states s, s + 1, ...
                row = (1 - delta) * stage.A[:, j] + delta * reached[leads[:, j] - s, 0]
                column = (1 - delta) * stage.B[i, :] + delta * reached[leads[i, :] - s, 1]
                if row.max() <= value[0] + slack and column.max() <= value[1] + slack:
                    found.append((reached, ((i, j), *profile)))
        if len(found) > max_equilibria:
            raise ValueError(
                f"more than max_equilibria={max_equilibria} Markov perfect equilibria from "
                f"state {s} on; pass a larger max_equilibria"
            )
        partial = found
    return partial
