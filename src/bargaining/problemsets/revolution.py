"""Topic: the revolution constraint and the commitment problem (Acemoglu and Robinson).

Elites, a fraction ``delta`` of the population, earn a share ``theta`` of
income; citizens can revolt at cost ``mu`` (a share of income destroyed),
and the threat is present with probability ``q`` each period. The elites
can promise the citizens' preferred tax ``tau_p``, with deadweight cost
``C(tau) = c tau**2/2``, but the promise lasts only while the threat does.
Easy exercises make the threat permanent (``q = 1``); medium ones ask which
regime follows at a given ``mu``; hard ones scale the cost of taxation and
ask for the democracy threshold too. The key comes from
:mod:`bargaining.labor.revolution`; the steps derive ``tau_p`` and ``mu*``
with sympy from the citizens' values of the two states.
"""

from __future__ import annotations

import functools
from fractions import Fraction

import sympy as sp

from ..labor import revolution
from .exercise import Exercise, Part, Step, as_fraction, draw_until, fraction_in, tex

REGIME_TEXT = {
    "no-threat": "no threat: revolution does not pay, so the elites concede nothing",
    "redistribute": "the elites buy off the revolution with promised redistribution",
    "democratize": "promises are not credible, so the elites democratise",
    "repress": "not even democracy stops the revolution: the elites repress",
}


def _draw(rng, level):
    size = fraction_in(rng, 0, Fraction(1, 2), (10,))
    share = fraction_in(rng, size, 1, (10,))
    beta = fraction_in(rng, Fraction(4, 5), 1, (10, 20))
    q = 1 if level == 1 else fraction_in(rng, 0, 1, (10,))
    cost = fraction_in(rng, Fraction(1, 2), 3, (2,)) if level == 3 else 1
    mu = fraction_in(rng, 0, 1, (20,))
    return share, size, beta, q, cost, mu


def _good(draw):
    share, size, beta, q, cost, mu = draw
    tax = revolution.citizens_tax(share, size, cost)
    critical = revolution.critical_cost(share, size, beta, q, cost)
    return 0 < tax < 1 and 0 < critical < share and critical != mu and mu != share


def generate(rng, level):
    """A revolution exercise at difficulty ``level`` (1 easy to 3 hard)."""
    share, size, beta, q, cost, mu = draw_until(
        rng, lambda r: _draw(r, level), _good, "revolution"
    )
    tax = as_fraction(revolution.citizens_tax(share, size, cost))
    critical = as_fraction(revolution.critical_cost(share, size, beta, q, cost))
    statement = (
        f"Elites are a fraction $\\delta = {tex(size)}$ of the population and earn a share "
        f"$\\theta = {tex(share)}$ of income $\\bar y = 1$. A linear tax $\\tau$ funds equal "
        f"transfers, losing $C(\\tau) = {'' if cost == 1 else tex(cost)}\\,\\tau^2/2$ of income. "
        "Citizens can "
        "revolt, destroying a share $\\mu$ of income and sharing the rest forever. The threat "
        f"of revolt is present in a period with probability $q = {tex(q)}$, and the elites "
        "can redistribute only while it is present. The discount factor is "
        f"$\\beta = {tex(beta)}$."
    )
    parts = [
        Part("Find the citizens' preferred tax $\\tau^p$.", tax, f"$\\tau^p = {tex(tax)}$"),
        Part(
            "Find $\\mu^*$, the lowest cost of revolt that promised redistribution can buy off.",
            critical,
            f"$\\mu^* = {tex(critical)}$",
        ),
    ]
    if level == 3:
        democracy = as_fraction(revolution.democracy_cost(share, size, cost))
        parts.append(
            Part(
                "Find the lowest cost of revolt at which democracy (redistribution for ever) "
                "stops the revolution.",
                democracy,
                f"$\\mu = {tex(democracy)}$",
            )
        )
    if level > 1:
        name = revolution.regime(mu, share, size, beta, q, cost)
        parts.append(
            Part(
                f"The cost of revolt is $\\mu = {tex(mu)}$. What do the elites do?",
                name,
                REGIME_TEXT[name][0].upper() + REGIME_TEXT[name][1:] + ".",
            )
        )
    return Exercise(
        topic="revolution",
        title="The revolution constraint",
        statement=statement,
        display="",
        parts=tuple(parts),
        steps=_steps(share, size, beta, q, cost),
        parameters={"share": share, "size": size, "beta": beta, "q": q, "cost": cost, "mu": mu},
    )


@functools.cache
def _derivation():
    """The symbolic solution, derived once: the gain, ``tau_p`` and ``mu*``."""
    tau, theta, delta, c, mu, B, Q = sp.symbols("tau theta delta c mu beta q", positive=True)
    gain = tau * (theta - delta) / (1 - delta) - c * tau**2 / 2
    tax = sp.solve(sp.diff(gain, tau), tau)[0]
    poor = (1 - theta) / (1 - delta)
    # Citizens' values with the threat present (L) and absent (H); revolution pays R.
    high, low = sp.symbols("V_H V_L")
    values = sp.solve(
        [
            sp.Eq(low, poor + gain.subs(tau, tax) + B * (Q * low + (1 - Q) * high)),
            sp.Eq(high, poor + B * (Q * low + (1 - Q) * high)),
        ],
        [low, high],
    )
    revolt = (1 - mu) / ((1 - delta) * (1 - B))
    critical = sp.solve(sp.Eq(values[low], revolt), mu)[0]
    at_tax = gain.subs(tau, tax)
    persistence = 1 - B * (1 - Q)
    # The structural forms the key prints are the solved ones, rearranged.
    if sp.simplify(values[low] * (1 - B) - (poor + persistence * at_tax)) != 0 or (
        sp.simplify(critical - (theta - persistence * (1 - delta) * at_tax)) != 0
    ):
        raise RuntimeError("the printed form of V_L or mu* does not match the derivation")
    return gain, tax, critical, (theta, delta, B, Q, c)


def _steps(share, size, beta, q, cost):
    gain, tax, critical, symbols = _derivation()
    numbers = dict(zip(symbols, map(sp.nsimplify, (share, size, beta, q, cost)), strict=True))
    cost_text = "" if cost == 1 else f" (here $c = {tex(cost)}$)"
    return (
        Step(
            "Citizens earn $y^p = (1-\\theta)/(1-\\delta)$; a tax $\\tau$ raises their income "
            f"by the gain below{cost_text}, maximised at $\\tau^p$:",
            rf"\Delta(\tau) = {sp.latex(gain)}, \qquad \tau^p = {sp.latex(sp.factor(tax))}",
        ),
        Step(
            "With the threat present the elites pay $\\tau^p$; without it nothing. The "
            "citizens' values $V_L$ (threat present) and $V_H$ solve a linear system, giving",
            r"(1-\beta) V_L = y^p + \big(1 - \beta (1 - q)\big)\, \Delta(\tau^p)",
        ),
        Step(
            "Revolution gives $(1-\\mu)/((1-\\delta)(1-\\beta))$. Setting it equal to $V_L$:",
            r"\mu^* = \theta - \big(1 - \beta (1 - q)\big)(1 - \delta)\, \Delta(\tau^p) = "
            + tex(critical.subs(numbers)),
        ),
    )
