"""Equilibrium selections: one point of a set of subgame-perfect payoffs.

``"labor-best"``
    labor's highest payoff (capital's highest among those points);
``"capital-best"``
    capital's highest payoff (labor's highest among those points);
``"nash"``
    the Nash bargaining solution over the set, with the players' worst
    payoffs in it as the disagreement point (Nash 1950);
``"nash-stage"``
    the same with the stage equilibrium as the disagreement point.

The weakly renegotiation-proof selection (``"renegotiation-proof"``) is not a
point of the set but of the game's simple strategy profiles; see
:mod:`bargaining.analysis._renegotiation`.

A set may hold points with joint payoff above the output of work (a strike
paid from outside the firm, worth more than work to both together); they are
cut away unless ``paid_strikes=True``.

References
----------
.. [1] J. F. Nash, "The bargaining problem", Econometrica 18 (1950) 155-162.
"""

from __future__ import annotations

import numpy as np

SELECTIONS = ("labor-best", "capital-best", "nash", "nash-stage")


def check_selection(selection: str, allowed: tuple[str, ...] = SELECTIONS) -> str:
    """``selection``, or a ValueError naming the allowed ones."""
    if selection not in allowed:
        raise ValueError(
            f"selection must be one of {', '.join(map(repr, allowed))}, got {selection!r}"
        )
    return selection


def clip(vertices, total=1.0, tol=1e-9):
    """The polygon cut to ``u_L + u_K <= total`` (Sutherland-Hodgman, one half-plane)."""
    points = [tuple(v) for v in vertices]
    inside = [x + y <= total + tol for x, y in points]
    kept = []
    for i, (p, keep) in enumerate(zip(points, inside, strict=True)):
        q, keep_next = points[(i + 1) % len(points)], inside[(i + 1) % len(points)]
        if keep:
            kept.append(p)
        if keep != keep_next:
            t = (total - p[0] - p[1]) / (q[0] + q[1] - p[0] - p[1])
            kept.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return np.array(kept, dtype=float)


def nash_point(vertices, disagreement, tol=1e-9):
    """The point of a convex polygon maximising ``(u_L - d_L)(u_K - d_K)`` over ``u >= d``."""
    d = np.asarray(disagreement, dtype=float)
    candidates = []
    for i, p in enumerate(vertices):
        edge = vertices[(i + 1) % len(vertices)] - p
        steps = [0.0]
        (first, second), (ex, ey) = p - d, edge
        if ex * ey != 0:
            steps.append(min(max(-(first * ey + second * ex) / (2 * ex * ey), 0.0), 1.0))
        candidates += [p + t * edge for t in steps]
    feasible = [c for c in candidates if np.all(c - d >= -tol)]
    if not feasible:
        raise ValueError(f"disagreement point {tuple(d)} is not dominated by any payoff")
    return max(feasible, key=lambda c: (np.prod(np.maximum(c - d, 0)), c.sum(), c[0]))


def select(payoffs, selection, stage, *, paid_strikes=False, total=1.0):
    """The selected point ``(u_L, u_K)`` of a subgame-perfect payoff set.

    Parameters
    ----------
    payoffs : bargaining.PayoffSet
    selection : {"capital-best", "labor-best", "nash", "nash-stage"}
    stage : pair
        The payoffs of the stage equilibrium (Work, Keep), for ``"nash-stage"``.
    paid_strikes : bool
        Keep points with ``u_L + u_K > total`` (see the module notes).
    total : float
        The joint payoff above which a point counts as a paid strike: 1, the
        output of work, or with a lockout the joint payoff of dismissal
        (labor's outside option plus what capital produces without it) when
        that is higher.
    """
    full = np.asarray(payoffs.vertices, dtype=float)
    vertices = full if paid_strikes else clip(full, total)
    if selection == "capital-best":
        return tuple(max(vertices, key=lambda v: (v[1], v[0])))
    if selection == "labor-best":
        return tuple(max(vertices, key=lambda v: (v[0], v[1])))
    check_selection(selection)
    point = stage if selection == "nash-stage" else full.min(axis=0)
    return tuple(nash_point(vertices, point))
