r"""Rubinstein's alternating offers, with inside and outside options.

Two players split a surplus of 1 per period. Player 1 proposes in even
periods, player 2 in odd ones; the responder accepts, rejects, or (if it has
one) takes its outside option and ends the game. While they disagree each
player gets a flow ``inside[i]`` (a strike fund, output during a strike).
Payoffs are per period (normalised by :math:`1 - \delta_i`), so agreeing on
player 1's share :math:`x` after :math:`t` periods of disagreement pays player 1
:math:`(1 - \delta_1^t) b_1 + \delta_1^t x`, with :math:`b_1` = ``inside[0]``.

Rubinstein (1982) found the unique subgame-perfect equilibrium without
options: immediate agreement on :math:`x = (1 - \delta_2)/(1 - \delta_1 \delta_2)`
when player 1 proposes. Inside options shift the split of the net surplus
(Binmore, Rubinstein and Wolinsky 1986). An outside option matters only if
it beats what the responder gets in equilibrium without it, and then the
proposer offers exactly the option (Shaked and Sutton 1984; Binmore, Shaked
and Sutton 1989): the outside option principle.

Algorithm
---------
1. Check :math:`0 < \delta_i < 1`, that the inside options sum to at most the
   surplus, and that so do the outside options.
2. Let :math:`x` be player 1's share when player 1 proposes and :math:`y` when
   player 2 does. Each responder is offered exactly what it gets by
   refusing, so :math:`1 - x = \max(o_2, (1 - \delta_2) b_2 + \delta_2 (1 - y))`
   and :math:`y = \max(o_1, (1 - \delta_1) b_1 + \delta_1 x)`.
3. This map is a contraction, so exactly one of its four linear cases (no
   option binds; player 2's; player 1's; both) is consistent. Solve each in
   closed form and keep the consistent one; with symbolic parameters return
   a ``Piecewise`` over the cases.
4. Report the proposer's split and the responder's.

:func:`rubinstein_limit` is the split's limit as the time between offers
vanishes (Binmore, Rubinstein and Wolinsky 1986): with discount factors
``delta_i = exp(-r_i * Delta)`` and ``Delta -> 0`` it tends to the asymmetric
Nash solution with bargaining powers ``r2/(r1 + r2)`` for player 1 and
``r1/(r1 + r2)`` for player 2 (the more patient player gets more), from the
impasse point (the inside options); outside options act as constraints.

References
----------
.. [1] A. Rubinstein, "Perfect equilibrium in a bargaining model",
   Econometrica 50 (1982) 97-109.
.. [2] K. Binmore, A. Rubinstein and A. Wolinsky, "The Nash bargaining
   solution in economic modelling", RAND Journal of Economics 17 (1986) 176-188.
.. [3] K. Binmore, A. Shaked and J. Sutton, "An outside option experiment",
   Quarterly Journal of Economics 104 (1989) 753-770.
.. [4] A. Shaked and J. Sutton, "Involuntary unemployment as a perfect
   equilibrium in a bargaining model", Econometrica 52 (1984) 1351-1364.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_module
from ..core import numbers as num
from ..core.validation import check_delta
from . import _smooth
from .frontier import Frontier
from .nash import nash_bargaining
from .outcome import BargainingOutcome

if TYPE_CHECKING:
    from .._typing import PointLike, Scalar

sp = lazy_module("sympy")


def rubinstein(
    delta1: Scalar,
    delta2: Scalar,
    inside: PointLike = (0, 0),
    outside: tuple[Scalar | None, Scalar | None] = (None, None),
    proposer: int = 1,
) -> BargainingOutcome:
    """The subgame-perfect split of alternating offers over a surplus of 1.

    Parameters
    ----------
    delta1, delta2 : number or sympy expression
        Discount factors per period, in (0, 1).
    inside : pair of numbers
        Flows each player gets while they disagree; at most 1 together.
    outside : pair of numbers or None
        What a responder gets by opting out (``None``: no option). A player
        who opts out ends the game; the other then gets its own option, or 0.
    proposer : {1, 2}
        Who proposes first.

    Returns
    -------
    BargainingOutcome
        ``.payoffs`` the agreed split (player 1's share first),
        ``.responder_payoffs`` the split when the other player proposes,
        ``.binding_outside`` which outside options bind.

    Examples
    --------
    >>> from fractions import Fraction
    >>> rubinstein(Fraction(9, 10), Fraction(9, 10)).payoffs
    (Fraction(10, 19), Fraction(9, 19))
    >>> rubinstein(Fraction(9, 10), Fraction(9, 10), outside=(None, Fraction(3, 5))).payoffs
    (Fraction(2, 5), Fraction(3, 5))
    """
    deltas, inside, outside = checked_problem(delta1, delta2, inside, outside)
    if proposer not in (1, 2):
        raise ValueError(f"proposer must be 1 or 2, got {proposer!r}")
    cases = list(_cases(deltas, inside, outside))
    decided = [c for c in cases if all(map(_is_true, c[2]))]
    if decided:
        first, second, _, binding = decided[0]
    elif any(not (_is_true(c) or _is_false(c)) for case in cases for c in case[2]):
        first, second = (_piecewise(cases, index) for index in (0, 1))
        binding = None
    else:
        raise ValueError(f"no consistent equilibrium for inside={inside!r}, outside={outside!r}")
    proposing, responding = (first, second) if proposer == 1 else (second, first)
    return BargainingOutcome(
        payoffs=(_smooth.tidy(proposing), _smooth.tidy(1 - proposing)),
        disagreement=tuple(inside),
        solution="rubinstein",
        responder_payoffs=(_smooth.tidy(responding), _smooth.tidy(1 - responding)),
        binding_outside=binding,
    )


def checked_problem(
    delta1: Scalar,
    delta2: Scalar,
    inside: PointLike,
    outside: tuple[Scalar | None, Scalar | None],
) -> tuple[tuple[Scalar, Scalar], tuple[Scalar, ...], tuple[Scalar | None, ...]]:
    """Validate and normalise one alternating-offers problem (step 1)."""
    check_delta(delta1, "delta1")
    check_delta(delta2, "delta2")
    inside, outside = tuple(inside), tuple(outside)
    if len(inside) != 2 or len(outside) != 2:
        raise ValueError(f"inside and outside must be pairs, got {inside!r} and {outside!r}")
    given = [delta1, delta2, *inside, *(o for o in outside if o is not None)]
    kind = num.combine_kinds(num.classify(v, "bargaining parameter")[0] for v in given)

    def normal(value):
        return None if value is None else num.convert(num.classify(value)[1], kind)

    deltas = (normal(delta1), normal(delta2))
    inside, outside = tuple(map(normal, inside)), tuple(map(normal, outside))
    if _smooth.is_above(inside[0] + inside[1], 1):
        raise ValueError(
            f"inside options must sum to at most the surplus 1, got inside={inside!r} "
            f"(sum {inside[0] + inside[1]})"
        )
    options = [o for o in outside if o is not None]
    if len(options) == 2 and _smooth.is_above(options[0] + options[1], 1):
        raise ValueError(f"outside options must sum to at most the surplus 1, got {outside!r}")
    return deltas, inside, outside


def _cases(deltas, inside, outside):
    """Step 3: ``(x, y, conditions, binding)`` for each way the options can bind."""
    (d1, d2), (b1, b2), (o1, o2) = deltas, inside, outside

    def refuse1(x):
        return (1 - d1) * b1 + d1 * x

    def refuse2(y):
        return (1 - d2) * b2 + d2 * (1 - y)

    x = b1 + (1 - d2) * (1 - b1 - b2) / (1 - d1 * d2)
    yield (
        x,
        refuse1(x),
        [_at_most(o, s) for o, s in ((o2, 1 - x), (o1, refuse1(x)))],
        (
            False,
            False,
        ),
    )
    if o2 is not None:
        x = 1 - o2
        yield (
            x,
            refuse1(x),
            [_at_most(refuse2(refuse1(x)), o2), _at_most(o1, refuse1(x))],
            (
                False,
                True,
            ),
        )
    if o1 is not None:
        x = 1 - refuse2(o1)
        yield x, o1, [_at_most(refuse1(x), o1), _at_most(o2, 1 - x)], (True, False)
    if o1 is not None and o2 is not None:
        yield 1 - o2, o1, [_at_most(refuse2(o1), o2), _at_most(refuse1(1 - o2), o1)], (True, True)


def _at_most(low, high):
    if low is None:
        return True
    if _smooth.is_decidable(high - low):
        return not _smooth.is_above(low, high)
    return sp.Le(low, high)


def _is_true(condition):
    return condition is True or condition is sp.true


def _is_false(condition):
    return condition is False or condition is sp.false


def _piecewise(cases, index):
    pieces = [(case[index], sp.And(*case[2])) for case in cases[:-1]]
    return sp.Piecewise(*pieces, (cases[-1][index], True))


def rubinstein_limit(
    rate1: Scalar, rate2: Scalar, inside: PointLike = (0, 0), frontier: Frontier | None = None
) -> BargainingOutcome:
    """The limit of Rubinstein's split as offers come ever faster (BRW 1986).

    Parameters
    ----------
    rate1, rate2 : positive numbers
        Discount rates: ``delta_i = exp(-rate_i * Delta)`` as ``Delta -> 0``.
    inside : pair of numbers
        The impasse point: flows while the players disagree.
    frontier : Frontier, optional
        The bargaining set; by default the splits of a surplus of 1.

    Returns
    -------
    BargainingOutcome
        The asymmetric Nash solution with weights ``(rate2, rate1)``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> rubinstein_limit(Fraction(1, 10), Fraction(1, 20)).payoffs
    (Fraction(1, 3), Fraction(2, 3))
    """
    for name, rate in (("rate1", rate1), ("rate2", rate2)):
        kind, value = num.classify(rate, name)
        if kind != num.SYMBOLIC and not value > 0:
            raise ValueError(f"{name} must be positive, got {rate!r}")
    if frontier is None:
        b1, b2 = inside
        frontier = Frontier.from_points([(b1, b2), (1 - b2, b2), (b1, 1 - b1)])
    return nash_bargaining(frontier, inside, weights=(rate2, rate1))
