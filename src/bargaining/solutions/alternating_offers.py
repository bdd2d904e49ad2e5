r"""Alternating offers with a finite horizon, solved by backward induction.

Stahl (1972) solved alternating offers with a last period; Rubinstein (1982)
showed the infinite game's unique subgame-perfect split is the limit of the
finite games' splits as the horizon grows. This module gives the finite
game, with the same inside and outside options as
:func:`~bargaining.solutions.rubinstein.rubinstein`, as an independent
check on the closed form and to show how quickly the limit is reached: the
gap shrinks by :math:`\delta_1 \delta_2` every two periods.

Algorithm
---------
1. Validate as for the infinite game; ``horizon`` is a positive integer.
2. After the last period without agreement, disagreement lasts forever:
   each player's value is its inside option :math:`b_i`.
3. Going backwards through periods ``horizon - 1, ..., 0``: the responder
   :math:`q` of period :math:`t` refuses for
   :math:`\max(o_q, (1 - \delta_q) b_q + \delta_q v_q)`, with :math:`v` the
   values from period :math:`t + 1`; the proposer offers exactly that and keeps
   the rest, which becomes :math:`v` for :math:`t`.
4. Return the split of period 0 and that of period 1 (the other proposer).

References
----------
.. [1] I. Stahl, Bargaining Theory, Stockholm School of Economics (1972).
.. [2] A. Rubinstein, "Perfect equilibrium in a bargaining model",
   Econometrica 50 (1982) 97-109.
"""

from __future__ import annotations

import numbers
from typing import TYPE_CHECKING

from . import _smooth
from .outcome import BargainingOutcome
from .rubinstein import checked_problem

if TYPE_CHECKING:
    from .._typing import PointLike, Scalar

MAX_HORIZON = 10_000



def alternating_offers(
    delta1: Scalar,
    delta2: Scalar,
    horizon: int,
    inside: PointLike = (0, 0),
    outside: tuple[Scalar | None, Scalar | None] = (None, None),
    proposer: int = 1,
) -> BargainingOutcome:
    """The subgame-perfect split of alternating offers that end after ``horizon`` periods.

    Parameters
    ----------
    delta1, delta2 : number
        Discount factors per period, in (0, 1).
    horizon : int
        Number of periods in which offers can be made, from 1 to
        :data:`MAX_HORIZON` (exact fractions grow with every period).
    inside, outside, proposer
        As for :func:`~bargaining.solutions.rubinstein.rubinstein`.

    Returns
    -------
    BargainingOutcome
        ``.payoffs`` the split agreed in period 0; ``.responder_payoffs``
        the split of the game that starts one period later (the other
        player proposing), or the inside options when ``horizon == 1``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> alternating_offers(Fraction(1, 2), Fraction(1, 2), 2).payoffs
    (Fraction(1, 2), Fraction(1, 2))
    """
    deltas, inside, outside = checked_problem(delta1, delta2, inside, outside)
    if isinstance(horizon, bool) or not isinstance(horizon, numbers.Integral) or horizon < 1:
        raise ValueError(f"horizon must be a positive integer, got {horizon!r}")
    if horizon > MAX_HORIZON:
        raise ValueError(
            f"horizon must be at most {MAX_HORIZON}, got {horizon!r}; "
            "rubinstein() gives the infinite-horizon split"
        )
    if proposer not in (1, 2):
        raise ValueError(f"proposer must be 1 or 2, got {proposer!r}")
    values = list(inside)
    later = tuple(values)
    for period in reversed(range(horizon)):
        mover = (proposer - 1 + period) % 2
        responder = 1 - mover
        refusal = (1 - deltas[responder]) * inside[responder] + deltas[responder] * values[
            responder
        ]
        if outside[responder] is not None:
            refusal = _smooth.larger(refusal, outside[responder])
        later = tuple(values)
        values[responder], values[mover] = refusal, 1 - refusal
    return BargainingOutcome(
        payoffs=tuple(values),
        disagreement=tuple(inside),
        solution="rubinstein",
        responder_payoffs=later if horizon > 1 else tuple(inside),
    )
