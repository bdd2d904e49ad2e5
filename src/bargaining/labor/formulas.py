"""The labor model's formulas, each stated once as a sympy expression, and their evaluation.

Everything numeric in :mod:`bargaining.labor` and :mod:`bargaining.analysis`
is evaluated from the expressions here by one function, :func:`evaluate`:
substituted exactly for rational input, evaluated by generated numpy code
for float and array input (:mod:`bargaining.labor.numeric`; formulas that
need special functions are compiled with :func:`sympy.lambdify` once, cached:
:func:`compiled`), and returned as an expression for symbolic input.

The sections: technology (output during a strike, the competitive labor
share), the repeated strike game (transfers and breakdown), wage bargaining,
holdouts (Fernandez-Glazer), revolution and commitment (Acemoglu-Robinson),
capital's investment in automation, and many workers: participation games
(Palfrey-Rosenthal) and global games of regime change (Morris-Shin,
Angeletos-Hellwig-Pavan).

Symbols: automation ``a``, task elasticity ``sigma``, replacement productivity
``rho``, wage ``w``, transfer ``tau``, labor's strike payoff ``b``, discount
factor ``delta``, labor's ownership share of the machines ``theta`` and output
during a strike ``y``; the other sections name theirs where they start.
Payoffs are per period (normalised by ``1 - delta``), so an investment's cost
is its annuity and its gain the yearly output it adds.

References
----------
.. [1] D. Acemoglu and P. Restrepo, "The race between man and machine",
   American Economic Review 108 (2018) 1488-1542.
.. [2] D. Abreu, "On the theory of infinitely repeated games with
   discounting", Econometrica 56 (1988) 383-396.
.. [3] A. Rubinstein, "Perfect equilibrium in a bargaining model",
   Econometrica 50 (1982) 97-109.
.. [4] R. Fernandez and J. Glazer, "Striking for a bargain between two
   completely informed agents", American Economic Review 81 (1991) 240-252.
.. [5] D. Acemoglu and J. A. Robinson, Economic Origins of Dictatorship and
   Democracy, Cambridge University Press (2006), chs. 5-6.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

import numpy as np
import sympy as sp

from ..core import numbers as num
from . import numeric
from .evaluation import as_float_result, has_object_array, kind_of, substitute

a, rho, theta, y = sp.symbols("a rho theta y", nonnegative=True)
sigma, w, delta = sp.symbols("sigma w delta", positive=True)
tau, b, u = sp.symbols("tau b u", real=True)
capital, labor, new_tasks = sp.symbols("K L new_tasks", nonnegative=True)

# --- Technology: output while labor strikes (CES across tasks) ------------------------
_exponent = (sigma - 1) / sigma

STRIKE_OUTPUT = {
    # The general CES form.
    "ces": (a + (1 - a) * rho**_exponent) ** (1 / _exponent),
    # The same formula with rho**exponent factored out; for sigma < 1 it avoids
    # overflowing rho**exponent when sigma is small.
    "complements": rho * (1 - a + a * rho ** (-_exponent)) ** (1 / _exponent),
    "cobb-douglas": rho ** (1 - a),
    "substitutes": a + (1 - a) * rho,
    # Liebig's law of the minimum: any task left undone caps output at the replacements'
    # productivity. Output is 1 at a = 1 in every regime; callers handle that point.
    "leontief": rho,
}

# Automation level at which strike output reaches y: STRIKE_OUTPUT solved for a.
AUTOMATION_AT_OUTPUT = {
    "ces": (y**_exponent - rho**_exponent) / (1 - rho**_exponent),
    "complements": ((y / rho) ** _exponent - 1) / (rho ** (-_exponent) - 1),
    "cobb-douglas": 1 - sp.log(y) / sp.log(rho),
    "substitutes": (y - rho) / (1 - rho),
}

# --- Acemoglu-Restrepo competitive labor share, tasks [N-1, N] with N = 1 + new_tasks ---
_labor_tasks = 1 - a + new_tasks
_labor_term = _labor_tasks ** (1 / sigma) * labor**_exponent
_capital_term = (1 - _labor_tasks) ** (1 / sigma) * capital**_exponent
LABOR_SHARE = {
    "ces": _labor_term / (_labor_term + _capital_term),
    "cobb-douglas": _labor_tasks,
    # Perfect substitutes: which factor does a task no longer matters, so factor
    # supplies alone split income, unless one factor has no tasks at all.
    "substitutes": sp.Piecewise(
        (0, sp.Eq(_labor_tasks, 0)), (1, sp.Eq(_labor_tasks, 1)), (labor / (labor + capital), True)
    ),
    # Fixed proportions: the scarce factor takes all of output (either split at a tie
    # is competitive; the limit of the CES share is L / (L + K)).
    "leontief": sp.Piecewise(
        (1, _labor_tasks * capital > (1 - _labor_tasks) * labor),
        (0, _labor_tasks * capital < (1 - _labor_tasks) * labor),
        (labor / (labor + capital), True),
    ),
}

# --- The strike game ---------------------------------------------------------------
# Per-period payoffs (labor, capital) of the stage game, before transfers. Labor owns a
# share theta of the firm and is paid that share of its profit in every cell; the
# strike fund b and the outside option u come from outside the firm; with a lockout
# (dismissal) capital produces y with machines and replacements, as during a strike.
LABOR_WORK_PAYOFF = w + theta * (1 - w)
CAPITAL_WORK_PAYOFF = (1 - theta) * (1 - w)
LABOR_STRIKE_PAYOFF = b + theta * y
CAPITAL_STRIKE_PAYOFF = (1 - theta) * y
LABOR_LOCKOUT_PAYOFF = u + theta * y
CAPITAL_LOCKOUT_PAYOFF = (1 - theta) * y
# A transfer tau is paid out of profit, of which labor owns theta.
NET_TRANSFER = (1 - theta) * tau
# The Work and Strike cells when capital shares tau, the strike game's first column.
LABOR_WORK_SHARING_PAYOFF = LABOR_WORK_PAYOFF + NET_TRANSFER
CAPITAL_WORK_SHARING_PAYOFF = CAPITAL_WORK_PAYOFF - NET_TRANSFER
LABOR_STRIKE_SHARING_PAYOFF = LABOR_STRIKE_PAYOFF + NET_TRANSFER
CAPITAL_STRIKE_SHARING_PAYOFF = CAPITAL_STRIKE_PAYOFF - NET_TRANSFER
# Revolt (Acemoglu-Robinson, inside the strike game): labor takes the firm and its
# machines for good, a share mu of output is destroyed, capital keeps nothing.
mu = sp.Symbol("mu", nonnegative=True)
LABOR_REVOLT_PAYOFF = 1 - mu
CAPITAL_REVOLT_PAYOFF = sp.Integer(0)

# Dividing capital's payoffs and labor's gains by 1 - theta measures everything in
# transfer units: a period of strike costs labor STRIKE_COST and capital
# CAPITAL_STRIKE_LOSS, whatever theta is.
STRIKE_COST = (LABOR_WORK_PAYOFF - LABOR_STRIKE_PAYOFF) / (1 - theta)
CAPITAL_STRIKE_LOSS = (CAPITAL_WORK_PAYOFF - CAPITAL_STRIKE_PAYOFF) / (1 - theta)

# Stick-and-carrot: capital's incentive to keep sharing, with the harshest credible
# strike behind it (labor's value from the strike's start held at its work payoff):
#   1 - w - tau >= (1 - delta) (1 - w) + delta ((1 - D) y + D (1 - w - tau)),
#   D = C / (C + tau), C = STRIKE_COST.
MAX_TRANSFER_CAPITAL = delta * CAPITAL_STRIKE_LOSS - (1 - delta) * STRIKE_COST
# A strike lasts at least one period, so labor strikes credibly only if the transfer
# afterwards repays a period of striking: delta tau >= (1 - delta) C.
MIN_CREDIBLE_TRANSFER = (1 - delta) * STRIKE_COST / delta
MAX_TRANSFER_STICK_AND_CARROT = sp.Piecewise(
    (MAX_TRANSFER_CAPITAL, MAX_TRANSFER_CAPITAL >= MIN_CREDIBLE_TRANSFER), (0, True)
)
# Reversion to the stage equilibrium (Work, Keep) is capital's favourite outcome, so
# its incentive 1 - w - tau >= (1 - delta)(1 - w) + delta (1 - w) allows no transfer.
MAX_TRANSFER_GRIM = sp.Integer(0)


def _root_in_y(expression: sp.Expr) -> sp.Expr:
    """The root in ``y`` of an expression linear in ``y``."""
    slope = sp.diff(expression, y)
    return sp.factor(sp.cancel(-expression.subs(y, 0) / slope))


# Strike output at which the two stick-and-carrot bounds meet: the breakdown point.
BREAKDOWN_STRIKE_OUTPUT = _root_in_y(MAX_TRANSFER_CAPITAL - MIN_CREDIBLE_TRANSFER)

# The whole set of subgame-perfect payoffs (Abreu-Sannikov), in transfer units.
# Below breakdown, capital is held to its minmax y by (Strike, Share t) with the
# continuation on the frontier, and labor's best payoff exceeds its work payoff by
EXACT_MAX_TRANSFER = delta * CAPITAL_STRIKE_LOSS
# Without a lockout that punishment needs a transfer t with
#   delta x <= t <= delta x / (1 - delta) - C,   x = CAPITAL_STRIKE_LOSS,
# so redistribution ends where x = (1 - delta)(t0 + C) / delta, t0 the least transfer
# with t0 >= (1 - delta) C / delta, and with continuous transfers where
# x = (1 - delta) C / delta**2.
EXACT_BREAKDOWN_STRIKE_OUTPUT_GRID = _root_in_y(
    CAPITAL_STRIKE_LOSS - (1 - delta) * (tau + STRIKE_COST) / delta
)
EXACT_BREAKDOWN_STRIKE_OUTPUT = _root_in_y(
    CAPITAL_STRIKE_LOSS - (1 - delta) * STRIKE_COST / delta**2
)
# With a lockout, (Strike, Lockout) is a stage equilibrium holding both sides to their
# minmax, so a punishment costs labor nothing to carry out: sharing t needs only
# t <= delta x / (1 - delta), and redistribution ends where x = (1 - delta) t0 / delta,
# t0 the least transfer (and with continuous transfers where the job itself is lost).
EXACT_BREAKDOWN_STRIKE_OUTPUT_LOCKOUT = _root_in_y(
    CAPITAL_STRIKE_LOSS - (1 - delta) * tau / delta
)

# Anticipated automation on two levels, the second past the breakdown point and reached
# with chance p a period: the first level's payoff set is alpha X + (1 - alpha) e, X the
# repeated game's set with the shorter discount delta (1 - p) (docs/model.md). Without a
# lockout the 2x2 game (one transfer tau) redistributes at a discount d exactly when both
# conditions of its exact breakdown hold, i.e. when d reaches each of two floors:
#   a credible strike, d tau >= (1 - d) C, and capital held to its minmax,
#   d x >= (1 - d)(tau + C), with C = STRIKE_COST and x = CAPITAL_STRIKE_LOSS.
CREDIBLE_STRIKE_DISCOUNT = STRIKE_COST / (STRIKE_COST + tau)
MINMAX_PUNISHMENT_DISCOUNT = (tau + STRIKE_COST) / (CAPITAL_STRIKE_LOSS + tau + STRIKE_COST)

# Labor's outside option when the model's default is used: halfway between the strike
# fund and the wage before any task is automated, falling in proportion as automation
# spreads through the economy to the strike fund's b (the floor a strike also pays).
OUTSIDE_OPTION = b + (w - b) * (1 - a) / 2

# --- Wage bargaining: surplus 1, disagreement flows during a strike ----------------
weight = sp.Symbol("alpha", positive=True)  # labor's bargaining power
LABOR_DISAGREEMENT = LABOR_STRIKE_PAYOFF
CAPITAL_DISAGREEMENT = CAPITAL_STRIKE_PAYOFF
NET_SURPLUS = 1 - LABOR_DISAGREEMENT - CAPITAL_DISAGREEMENT
# On the line u_L + u_K = 1 the asymmetric Nash wage gives labor a share alpha of
# the net surplus; Kalai-Smorodinsky gives each side half of its ideal gain.
NASH_WAGE = LABOR_DISAGREEMENT + weight * NET_SURPLUS
KALAI_SMORODINSKY_WAGE = LABOR_DISAGREEMENT + NET_SURPLUS / 2
# Rubinstein with inside options and a common discount factor.
RUBINSTEIN_WAGE_LABOR_PROPOSES = LABOR_DISAGREEMENT + NET_SURPLUS / (1 + delta)
RUBINSTEIN_WAGE_CAPITAL_PROPOSES = LABOR_DISAGREEMENT + delta * NET_SURPLUS / (1 + delta)

# The base wage itself, bargained over with a strike (or, with a lockout, dismissal to
# the outside option u) as the threat point: labor's total payoff from the solutions
# above, with equal bargaining power and capital proposing first, net of dividends.
_labor_total_to_wage = {
    "nash": (NASH_WAGE.subs(weight, sp.Rational(1, 2)) - theta) / (1 - theta),
    "rubinstein": (RUBINSTEIN_WAGE_CAPITAL_PROPOSES - theta) / (1 - theta),
}
BASE_WAGE_STRIKE_THREAT = {name: sp.cancel(e) for name, e in _labor_total_to_wage.items()}
BASE_WAGE_LOCKOUT_THREAT = {name: e.subs(b, u) for name, e in BASE_WAGE_STRIKE_THREAT.items()}

# --- Holdouts (Fernandez-Glazer): existing contract w, strike flows as above -------
delta_union, delta_firm = sp.symbols("delta_U delta_F", positive=True)
periods = sp.Symbol("T", nonnegative=True)
STATUS_QUO = w
# The union's best equilibrium: strike when the firm rejects, hold out when the
# union rejects; the firm is indifferent when the union proposes.
MAX_WAGE_UNION_PROPOSES = (
    (1 - delta_firm) * (1 - CAPITAL_DISAGREEMENT) + delta_firm * (1 - delta_union) * STATUS_QUO
) / (1 - delta_union * delta_firm)
MAX_WAGE_FIRM_PROPOSES = (1 - delta_union) * STATUS_QUO + delta_union * MAX_WAGE_UNION_PROPOSES
# Striking (then the best equilibrium) against holding out (then the worst, w0).
STRIKE_CREDIBILITY_MARGIN = (
    (1 - delta_union) * LABOR_DISAGREEMENT + delta_union * MAX_WAGE_FIRM_PROPOSES - STATUS_QUO
)
STRIKE_ALWAYS_WAGE = LABOR_DISAGREEMENT + (1 - delta_firm) * NET_SURPLUS / (
    1 - delta_union * delta_firm
)
# T periods of strike then agreement are an equilibrium while delta**T is at least this.
_common = {delta_union: delta, delta_firm: delta}
STRIKE_DISCOUNT_FLOOR = (
    1
    - MAX_WAGE_UNION_PROPOSES.subs(_common)
    + STATUS_QUO
    - LABOR_DISAGREEMENT
    - CAPITAL_DISAGREEMENT
) / NET_SURPLUS
STRIKE_LENGTH_BOUND = sp.log(STRIKE_DISCOUNT_FLOOR) / sp.log(delta)

# --- Revolution and commitment (Acemoglu-Robinson), deadweight cost C = c tau^2 / 2 --
elite_share, elite_size, discount, threat, cost = sp.symbols(
    "theta_E delta_E beta q c", positive=True
)
CITIZENS_TAX = (elite_share - elite_size) / ((1 - elite_size) * cost)
REDISTRIBUTION_GAIN = (
    CITIZENS_TAX * (elite_share - elite_size) - (1 - elite_size) * cost * CITIZENS_TAX**2 / 2
)
PERSISTENCE = 1 - discount * (1 - threat)
CRITICAL_COST = elite_share - PERSISTENCE * REDISTRIBUTION_GAIN
DEMOCRACY_COST = elite_share - REDISTRIBUTION_GAIN

# Automation: the elites own the machines (ours, not Acemoglu-Robinson's).
base_share, base_cost, seizure, defense, labor_share = sp.symbols(
    "theta_0 mu_0 s_seize d_defend s_L", nonnegative=True
)
ELITE_SHARE_UNDER_AUTOMATION = base_share + (1 - base_share) * (1 - labor_share)
REVOLT_COST_UNDER_AUTOMATION = base_cost * (1 - seizure * a) + defense * a
STRIKE_LEVERAGE = CAPITAL_WORK_PAYOFF - CAPITAL_DISAGREEMENT

# --- Capital's investment in automation: gain, k (quadratic cost), level (calibrated) -
gain, k, level = sp.symbols("gain k level", positive=True)

# --- Technology of automation --------------------------------------------------------
# Output added by automation, per period: the productivity effect of Acemoglu and
# Restrepo (2018), linear when machines hold the same cost advantage on every task.
PRODUCTIVITY_GAIN = gain * a

COST = {
    # Convex, with constant curvature k.
    "quadratic": k * a**2 / 2,
    # Marginal cost gain*(1 - level)/(1 - a): it equals the marginal gain at a = level,
    # so automation pays on productivity alone exactly up to `level`, and the cost
    # grows without bound as the last task is automated.
    "calibrated": -gain * (1 - level) * sp.log(1 - a),
}
COST_PARAMETERS = {"quadratic": (k,), "calibrated": (gain, level)}

# Automation's net flow per period at the current level, when capital's investment moves
# automation over time: the productivity gain less the annuity C of the investment made so
# far (the annuity of level a starts when a is reached, so investing has no one-off charge).
# It is output of the firm, paid out by ownership: a share theta to labor.
annuity = sp.Symbol("C", nonnegative=True)
AUTOMATION_FLOW = PRODUCTIVITY_GAIN - annuity
LABOR_AUTOMATION_FLOW = theta * AUTOMATION_FLOW
CAPITAL_AUTOMATION_FLOW = (1 - theta) * AUTOMATION_FLOW

# --- Values ------------------------------------------------------------------------------
# What the relationship produces per period when labor works, with automation's gain:
# the surplus an efficient planner maximises net of the cost. Labor's strike payoff b
# is a payment from outside the relationship (a fund, benefits), so it is not counted.
PRODUCTION_SURPLUS = 1 + PRODUCTIVITY_GAIN

# Capital's value in the continuation game, before the investment's gain and cost, when
# stick-and-carrot strategies sustain the largest transfer (labor-best selection),
# and in the stage equilibrium (Work, Keep) that capital prefers.
CAPITAL_VALUE_SHARING = 1 - w - MAX_TRANSFER_CAPITAL
CAPITAL_VALUE_STAGE = 1 - w


# --- Many workers: the participation (threshold public-good) game, Palfrey-Rosenthal -------
# n workers, a strike succeeds if at least k join, joining costs c_J, success pays every
# worker V; the others join independently with probability p.
workers, needed = sp.symbols("n k_J", positive=True, integer=True)
join_cost, strike_value = sp.symbols("c_J V", positive=True)
participation = sp.Symbol("p", nonnegative=True)
# A worker's vote decides the strike when exactly k - 1 of the other n - 1 join.
PIVOT_PROBABILITY = (
    sp.binomial(workers - 1, needed - 1)
    * participation ** (needed - 1)
    * (1 - participation) ** (workers - needed)
)
# Joining rather than staying out; zero at a symmetric mixed equilibrium.
JOIN_GAIN = strike_value * PIVOT_PROBABILITY - join_cost
# Above this cost no symmetric mixed equilibrium exists (1 < k < n): the pivot
# probability peaks at p = (k - 1) / (n - 1).
MAX_JOIN_COST = strike_value * PIVOT_PROBABILITY.subs(participation, (needed - 1) / (workers - 1))
# The two ends in closed form: one striker suffices (k = 1, the volunteer's dilemma) and
# every worker is needed (k = n).
PARTICIPATION_ONE_NEEDED = 1 - (join_cost / strike_value) ** (1 / (workers - 1))
PARTICIPATION_ALL_NEEDED = (join_cost / strike_value) ** (1 / (workers - 1))
# Comparative statics at an equilibrium (implicit function theorem on JOIN_GAIN = 0):
# how participation moves with the cost of joining and with the value of success.
PARTICIPATION_COST_RESPONSE = -sp.diff(JOIN_GAIN, join_cost) / sp.diff(JOIN_GAIN, participation)
PARTICIPATION_VALUE_RESPONSE = -sp.diff(JOIN_GAIN, strike_value) / sp.diff(
    JOIN_GAIN, participation
)


# --- Many workers: a strike as a global game of regime change (Morris-Shin, AHP) -----------
# Capital's resilience theta_R; the strike succeeds if the share of workers who join is at
# least theta_R. Prior theta_R ~ N(z, 1/alpha); worker i sees x_i = theta_R + noise of
# precision beta and joins iff x_i < x*. Joining costs c_J and success pays V, as above.
resilience, signal = sp.symbols("theta_R x", real=True)
prior_mean = sp.Symbol("z", real=True)
prior_precision, signal_precision = sp.symbols("alpha beta_x", positive=True)


def _normal_cdf(value):
    return (1 + sp.erf(value / sp.sqrt(2))) / 2


def _normal_quantile(probability):
    return sp.sqrt(2) * sp.erfinv(2 * probability - 1)


# Share of workers who strike when resilience is theta_R.
STRIKE_SHARE = _normal_cdf(sp.sqrt(signal_precision) * (signal - resilience))
# The strike succeeds up to theta* where STRIKE_SHARE = theta*, i.e. at the signal
SIGNAL_THRESHOLD = resilience + _normal_quantile(resilience) / sp.sqrt(signal_precision)
# and the worker who sees x* is indifferent: V P(theta_R <= theta* | x*) = c_J. With the
# posterior N((beta x + alpha z)/(alpha + beta), 1/(alpha + beta)) both conditions give
# one equation in theta*, zero at an equilibrium threshold:
THRESHOLD_CONDITION = (
    prior_precision / sp.sqrt(signal_precision) * (resilience - prior_mean)
    - _normal_quantile(resilience)
    - sp.sqrt(1 + prior_precision / signal_precision) * _normal_quantile(join_cost / strike_value)
)
# The same in q = Phi^-1(theta*), where a root finder keeps its precision near 0 and 1.
resilience_quantile = sp.Symbol("q_R", real=True)
THRESHOLD_CONDITION_IN_QUANTILE = THRESHOLD_CONDITION.subs(
    resilience, _normal_cdf(resilience_quantile)
)
# Its derivative is alpha/sqrt(beta) - 1/phi(.) <= alpha/sqrt(beta) - sqrt(2 pi), so the
# threshold is unique when signals are precise enough relative to the prior:
UNIQUENESS_PRECISION = prior_precision**2 / (2 * sp.pi)
# As the noise vanishes (beta -> oo), or with a flat prior (alpha = 0), the marginal worker
# believes the share striking is uniform on [0, 1] (Laplacian belief):
LIMIT_THRESHOLD = 1 - join_cost / strike_value


# Arguments of the compiled transfer formulas, in order.
TRANSFER_ARGUMENTS = (y, w, b, delta, theta)

FORMULAS = {
    name: value
    for name, value in globals().items()
    if name.isupper() and isinstance(value, sp.Expr)
}


def _formula(expression: sp.Expr | str) -> sp.Expr:
    """``expression`` itself, or the formula of that name."""
    if not isinstance(expression, str):
        return expression
    if expression not in FORMULAS:
        raise ValueError(f"formula must be one of {', '.join(FORMULAS)}, got {expression!r}")
    return FORMULAS[expression]


@functools.cache
def compiled(
    expression: sp.Expr | str, arguments: tuple[sp.Symbol, ...] | None = None
) -> Callable[..., Any]:
    """``expression`` as a numpy function: generated code for a formula, else lambdified.

    Parameters
    ----------
    expression : sympy expression or str
        A formula, or the name of one in :data:`FORMULAS`.
    arguments : tuple of sympy.Symbol, optional
        The compiled function's arguments, in order; the expression's free
        symbols sorted by name when omitted.

    Returns
    -------
    callable
    """
    expression = _formula(expression)
    if arguments is None:
        arguments = tuple(sorted(expression.free_symbols, key=str))
    key = _keys().get(expression)
    if key is not None and numeric.has_formula(key):
        return numeric.formula(key, tuple(map(str, arguments)))
    return sp.lambdify(arguments, expression, "numpy")


def keyed_formulas() -> dict[str, sp.Expr]:
    """Every formula by key: ``NAME``, or ``NAME[key]`` for those held in dictionaries.

    The keys of the generated numpy functions (:mod:`bargaining.labor.numeric`).
    """
    keyed = dict(FORMULAS)
    for name, value in globals().items():
        if name.isupper() and name != "FORMULAS" and isinstance(value, dict):
            keyed.update({f"{name}[{k}]": e for k, e in value.items() if isinstance(e, sp.Expr)})
    return dict(sorted(keyed.items()))


@functools.cache
def _keys() -> dict[sp.Expr, str]:
    """Each formula's key, by expression (formulas equal as expressions share one)."""
    return {expression: key for key, expression in keyed_formulas().items()}


def formula_key(expression: sp.Expr) -> str | None:
    """The key of the formula ``expression`` is (see :func:`keyed_formulas`), or None."""
    return _keys().get(expression)


@functools.cache
def _integer_coefficients(expression: sp.Expr) -> bool:
    """Whether every number in a rational ``expression`` is an integer.

    Then Python's own arithmetic on ``Fraction`` arguments evaluates it exactly.
    """
    return expression.is_rational_function() and all(
        n.is_Integer for n in expression.atoms(sp.Number)
    )


@functools.cache
def rational(expression: sp.Expr, arguments: tuple[sp.Symbol, ...]) -> Callable[..., Any]:
    """``expression`` compiled to plain Python arithmetic, exact on ``Fraction`` arguments.

    Only for expressions with :func:`_integer_coefficients`.
    """
    return sp.lambdify(arguments, expression, [{}])


@functools.cache
def _arguments(expression: sp.Expr) -> tuple[frozenset[sp.Symbol], tuple[sp.Symbol, ...]]:
    """The free symbols of ``expression``, as a set and sorted by name.

    Cached: :func:`evaluate` runs for every cell of every strike game, and
    naming sympy symbols is slow.
    """
    free = expression.free_symbols
    return frozenset(free), tuple(sorted(free, key=str))


def _by_name(values: Mapping[sp.Symbol, Any]) -> dict[str, Any]:
    return {symbol.name: value for symbol, value in values.items()}


def evaluate(expression: sp.Expr | str, values: Mapping[sp.Symbol, Any]) -> Any:
    """A formula at ``values``: exact, float (arrays broadcast together) or symbolic.

    Parameters
    ----------
    expression : sympy expression or str
        A formula, or the name of one in :data:`FORMULAS`.
    values : dict
        From symbols to numbers, arrays or expressions; symbols the formula
        does not use are ignored.

    Returns
    -------
    Fraction, exact sympy number, float, numpy.ndarray or sympy expression
        Exact for rational input, floats for float input, an expression when
        a value is symbolic.
    """
    expression = _formula(expression)
    free, by_name = _arguments(expression)
    needed = {s: v for s, v in values.items() if s in free}
    kind = kind_of(*needed.values())
    if kind == num.FLOAT:
        symbols = tuple(s for s in by_name if s in needed)
        inputs = [np.asarray(needed[s], dtype=float) for s in symbols]
        shape = np.broadcast_shapes(*(x.shape for x in inputs))
        return as_float_result(np.broadcast_to(compiled(expression, symbols)(*inputs), shape))
    if kind == num.EXACT and _integer_coefficients(expression):
        key = _keys().get(expression)
        exact = None if key is None else numeric.exact_formula(key, _by_name(needed))
        if exact is not None:
            return exact
        if all(isinstance(v, int | Fraction) for v in needed.values()):
            symbols = tuple(s for s in by_name if s in needed)
            return Fraction(rational(expression, symbols)(*(needed[s] for s in symbols)))
    if has_object_array(*needed.values()):
        keys = list(needed)
        elementwise = np.frompyfunc(
            lambda *v: substitute(expression, dict(zip(keys, v, strict=True))), len(keys), 1
        )
        return elementwise(*needed.values())
    return substitute(expression, needed)


def max_transfer_expression(strategy: str) -> sp.Expr:
    """The largest sustainable transfer as a function of strike output ``y``."""
    return {"stick-and-carrot": MAX_TRANSFER_STICK_AND_CARROT, "grim": MAX_TRANSFER_GRIM}[strategy]
