r"""Technology: output while labor strikes, and the competitive labor share.

Production aggregates a unit mass of tasks with a CES of elasticity
:math:`\sigma` (``sigma``). A share :math:`a` of tasks is automated. During a
strike machines still do the automated tasks (1 unit each) and replacements do
the others at productivity :math:`\rho` (``rho``), so output while labor
strikes is

.. math::

    y_s(a) = \bigl(a + (1 - a) \rho^{(\sigma - 1)/\sigma}\bigr)^{\sigma/(\sigma - 1)},

with the limits :math:`\rho^{1 - a}` at :math:`\sigma = 1`, :math:`\rho` for
:math:`a < 1` at :math:`\sigma = 0` (Liebig's law of the minimum) and
:math:`a + (1 - a) \rho` at :math:`\sigma = \infty` (perfect substitutes). The
limits are part of the model and are evaluated from their own formulas, not by
plugging in extreme :math:`\sigma`. Every regime gives :math:`y_s(0) = \rho`
and :math:`y_s(1) = 1`.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
.. [2] D. Acemoglu and P. Restrepo, "Automation and new tasks", Journal of
   Economic Perspectives 33 (2019) 3-30.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from ..core import numbers as num
from . import formulas as f
from .evaluation import (
    as_float_result,
    as_input,
    check_range,
    has_object_array,
    is_infinite,
    kind_of,
    substitute,
)
from .numeric import float_strike_output

if TYPE_CHECKING:
    from .._typing import Scalar


def regime(sigma: Scalar, *, symbolic: bool = False) -> str:
    """The formula ``strike_output`` uses for elasticity ``sigma`` (a key of ``STRIKE_OUTPUT``)."""
    if symbolic or (hasattr(sigma, "free_symbols") and sigma.free_symbols):
        return "ces"
    if is_infinite(sigma):
        return "substitutes"
    if sigma == 0:
        return "leontief"
    if sigma == 1:
        return "cobb-douglas"
    return "complements" if sigma < 1 else "ces"


def strike_output(
    a: Scalar | np.ndarray, sigma: Scalar, rho: Scalar | np.ndarray
) -> Scalar | np.ndarray:
    """Output produced while labor strikes, in units of normal output.

    Parameters
    ----------
    a : number, array_like or sympy expression
        Automation: the share of tasks machines perform, in [0, 1].
    sigma : number, ``math.inf`` / ``sympy.oo`` or sympy expression
        Elasticity of substitution between tasks, ``>= 0``. ``0`` is Leontief,
        ``1`` Cobb-Douglas and infinity perfect substitutes.
    rho : number, array_like or sympy expression
        Productivity of replacement workers on non-automated tasks, in [0, 1).

    Returns
    -------
    Fraction, float, numpy.ndarray or sympy expression
        Exact for rational input (a sympy number when the value is
        irrational), float arrays for arrays (broadcast together), an
        expression for symbolic input.

    References
    ----------
    Acemoglu and Restrepo (2018), the task-based CES model.
    """
    a, sigma, rho = as_input(a), as_input(sigma), as_input(rho)
    check_range(a, "a", 0, 1)
    check_range(sigma, "sigma", 0, math.inf)
    check_range(rho, "rho", 0, 1, closed_high=False)
    kind = kind_of(a, sigma, rho)
    if kind == num.FLOAT:
        return as_float_result(float_strike_output(a, sigma, rho))
    if has_object_array(a, sigma, rho):
        return np.frompyfunc(strike_output, 3, 1)(a, sigma, rho)
    name = regime(sigma, symbolic=kind == num.SYMBOLIC and regime(sigma) == "complements")
    if not getattr(a, "free_symbols", None) and a == 1:
        return substitute(f.sp.Integer(1), {})
    if name == "leontief" and kind == num.SYMBOLIC:
        expression = f.sp.Piecewise((1, f.sp.Eq(f.a, 1)), (f.rho, True))
    else:
        expression = f.STRIKE_OUTPUT[name]
    return substitute(expression, {f.a: a, f.sigma: sigma, f.rho: rho})


_LABOR_SHARE_ARGUMENTS = (f.a, f.sigma, f.capital, f.labor, f.new_tasks)


def labor_share(
    a: Scalar | np.ndarray,
    sigma: Scalar,
    *,
    capital: Scalar = 1,
    labor: Scalar = 1,
    new_tasks: Scalar = 0,
) -> Scalar | np.ndarray:
    """Labor's competitive share of income in the Acemoglu-Restrepo task model.

    Tasks lie on ``[N - 1, N]`` with ``N = 1 + new_tasks``; tasks below the
    automation frontier ``I = a`` are done by capital, the rest (a measure
    ``N - I``) by labor, and all productivities are 1.

    Parameters
    ----------
    a : number, array_like or sympy expression
        The automation frontier ``I`` (the share of tasks automated when
        ``new_tasks = 0``), in [0, 1].
    sigma : number, ``math.inf`` or sympy expression
        Elasticity of substitution between tasks, ``>= 0``.
    capital, labor : positive numbers
        Factor supplies ``K`` and ``L``.
    new_tasks : number
        ``N - 1``: new labor tasks created, in ``[0, a]``.

    Returns
    -------
    Fraction, float, numpy.ndarray or sympy expression
        ``s_L = G**(1/sigma) L**((sigma-1)/sigma) / (G**(1/sigma) L**((sigma-1)/sigma)
        + (1-G)**(1/sigma) K**((sigma-1)/sigma))`` with ``G = N - I``; ``G`` when
        ``sigma = 1``.

    References
    ----------
    Acemoglu and Restrepo (2018), §I; Acemoglu and Restrepo (2019), eq. (3).
    """
    a, sigma = as_input(a), as_input(sigma)
    check_range(a, "a", 0, 1)
    check_range(sigma, "sigma", 0, math.inf)
    if isinstance(sigma, np.ndarray):
        raise ValueError(f"sigma must be a single number for labor_share, got {sigma!r}")
    check_range(capital, "capital", 0, math.inf, closed_low=False)
    check_range(labor, "labor", 0, math.inf, closed_low=False)
    check_range(new_tasks, "new_tasks", 0, 1)
    if not getattr(new_tasks, "free_symbols", None):
        check_range(a, "a", new_tasks, 1)
    name = regime(sigma)
    name = "ces" if name == "complements" else name
    values = {f.a: a, f.sigma: sigma, f.capital: capital, f.labor: labor, f.new_tasks: new_tasks}
    kind = kind_of(a, sigma, capital, labor, new_tasks)
    if kind == num.FLOAT:
        inputs = [np.asarray(v, dtype=float) for v in (a, sigma, capital, labor, new_tasks)]
        shape = np.broadcast_shapes(*(x.shape for x in inputs))
        return as_float_result(
            np.broadcast_to(
                f.compiled(f.LABOR_SHARE[name], _LABOR_SHARE_ARGUMENTS)(*inputs), shape
            )
        )
    if has_object_array(a):
        return np.frompyfunc(lambda x: substitute(f.LABOR_SHARE[name], {**values, f.a: x}), 1, 1)(
            a
        )
    return substitute(f.LABOR_SHARE[name], values)
