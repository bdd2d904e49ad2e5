"""The template of ``papers/automation-redistribution/paper.md`` (jinja2).

Variables: ``s`` the seed scenario, ``r`` the revolt parameters, ``d`` every other number,
all filled by :func:`bargaining.reproductions.automation_redistribution.paper.context`;
the filter ``n`` prints a number with a fixed count of decimals (3 by default).
"""

TEMPLATE = """\
# When does automation make redistribution unsustainable?

*A repeated strike game between labor and capital, solved in closed form and exactly.
Every number and the figure are produced by `reproduce.py` in this folder.*

As automation rises, a strike costs capital less. We ask at which automation level `a` no
subgame-perfect equilibrium of a repeated strike game sustains any transfer to labor, and
what moves that point. In the seed scenario, stick-and-carrot strategies sustain
redistribution up to **a\\* = {{ d.closed_frac }} ≈ {{ d.closed | n }}**; the exact set of
subgame-perfect payoffs sustains it up to **{{ d.exact | n }}**, and up to **{{ d.grid | n }}**
when capital chooses among transfers. Complementary tasks, labor's ownership of the
machines, patience and strike funds push the point up; substitutable tasks pull it down.

## The model and its limits

Output is 1 per period when labor works; a share `a` of tasks is automated. During a strike,
machines do the automated tasks and replacements of productivity `rho` the others, so
output is `y_s(a) = (a + (1 - a) rho^((sigma-1)/sigma))^(sigma/(sigma-1))`, with task
elasticity `sigma` (`sigma = 0`: Leontief, Liebig's law of the minimum; `sigma = inf`:
perfect substitutes). Each period labor chooses Work or Strike, capital Share (pay `tau`) or
Keep:

| (Labor, Capital) | Share | Keep |
|---|---|---|
| Work | (w + tau, 1 - w - tau) | (w, 1 - w) |
| Strike | (b + theta y_s + tau, (1 - theta) y_s - tau) | (b + theta y_s, (1 - theta) y_s) |

`b` is labor's income while striking (strike fund, benefits) and `theta` its share of the
machines. The seed scenario has `w = {{ s.w }}, tau = {{ s.tau }}, b = {{ s.b }},
delta = {{ s.delta }}, sigma = {{ s.sigma }}, rho = {{ s.rho }}, theta = {{ s.theta }}`.
(Work, Keep) is the only stage equilibrium: no redistribution. The game is repeated with
common discount factor `delta`. *Redistribution breaks down at `a*`* means that for
`a >= a*` labor's highest subgame-perfect payoff is `w`.

Limits, stated plainly. Capital has no lockout action: it can withhold the transfer but
cannot send labor home. Strategies are pure, monitoring is perfect and players can
randomise publicly. There is one labor and one capital player, so workers' coordination is
assumed. The wage `w`, the strike fund `b` and automation `a` are parameters, not choices.
The exact thresholds are located on grids to within 1e-6; the "transfer grid" lets capital
choose a transfer from {0, {{ d.transfers }}}.

## 1. When automation makes redistribution unsustainable

*Claim: automation cuts labor's leverage; a transfer without leverage behind it is
unstable.* One period of strike costs capital `(1 - w) - y_s(a)`: {{ d.strike_cost0 | n }}
at `a = 0`, nothing from `a = {{ d.strike_closes | n }}`. A transfer stops being sustainable
well before that. Under stick-and-carrot strategies (after capital stops sharing, labor
strikes for a publicly randomised number of periods, at least one, then sharing resumes;
Abreu 1988) capital shares only if `tau <= delta (1 - w - y_s) - (1 - delta)(w - b)`, and
labor's strike is credible only if the transfer repays a period of striking,
`tau >= (1 - delta)(w - b)/delta`. At `a = 0` the first bound is {{ d.closed0 | n }}; the
two bounds meet at strike output `y* = {{ d.y_star | n }}`, that is at
`a* = {{ d.closed_frac }} ≈ {{ d.closed | n }}`. Between `a*` and {{ d.strike_closes | n }} a
strike still hurts capital, but not enough to pay for itself. Reversion to the stage
equilibrium (grim trigger) {% if d.grim == "never-sustainable" %}sustains no transfer at any
automation level{% else %}gives {{ d.grim }}{% endif %}: (Work, Keep) is capital's favourite
outcome, so capital shares only under a credible strike.

| scenario | changed | a\\*, stick-and-carrot | a\\*, exact 2x2 | a\\*, exact transfer grid |
|---|---|---|---|---|
{% for r in d.table -%}
| {{ r.name }} | {{ r.change }} | {{ r.closed }} | {{ r.exact }} | {{ r.grid }} |
{% endfor %}
The exact set sustains redistribution longer (section 6). It also shows a revival that is a
property of the stage game, not a return of leverage: once `y_s > 1 - b` (here from
`a = {{ d.efficient | n(4) }}`) a strike produces more than work, and capital, having no lockout
action, can gain by paying labor to stay idle. With the transfer grid this happens from
`a = {{ d.revival | n }}` (`y_s = {{ d.y_revival | n }}`; in the 2x2 game `tau = {{ s.tau }}` is
too small for it). A model with a lockout would not have it.

## 2. Task complementarity: Liebig's law

*Claim: like Liebig's law of the minimum, one undone task stops production.* Only in the
Leontief limit `sigma = 0` is this exact: strike output stays at `rho` until the last task is
automated, so stick-and-carrot sustains redistribution for every `a < 1`
(`a* = {{ d.liebig }}`, the exact 2x2 set agrees; on the transfer grid the revival at `a = 1`
joins the sustained range). For any `sigma > 0` leverage erodes continuously: `a*` is
{{ d.closed | n }} at `sigma = 0.5`, {{ d.cobb_douglas | n }} at `sigma = 1` and
{{ d.substitutes | n }} for perfect substitutes (exact: {{ d.substitutes_exact | n }}).
Panel (b) shows why: `a*` is where each technology's `y_s(a)` crosses `y*`. So the claim holds
only as far as tasks are near-perfect complements; the dynamics win in the long run in every
case, but under complements the long run is the last task.

## 3. Labor owning the machines

*Claim: open, small models that labor can own give it leverage.* If labor owns a share
`theta` of the machines it keeps `theta y_s` while striking, and capital only
`(1 - theta) y_s`: automation now cheapens the strike for labor as it cheapens it for
capital. With `theta = {{ d.theta }}`, `a*` rises from {{ d.closed | n }} to
{{ d.open | n }} (exact: {{ d.open_exact | n }}; panel (c)). The model requires
`b + theta < w`; otherwise labor would rather strike than work once every task is automated,
and there is no wage relationship left to sustain.

## 4. Patience and strike funds

Patience (`delta = 0.97`) moves `a*` to {{ d.patient | n }} (exact: {{ d.patient_exact | n }}):
a longer future makes the strike threat bite longer. A strike fund paying `b = 0.35` moves
it to {{ d.fund | n }} (exact: {{ d.fund_exact | n }}). A strike fund makes each period of strike
cheaper for labor, so a smaller transfer repays a period of striking, and labor can credibly
strike for longer, which makes the threat harsher for capital. Panel (d) traces `a*` against
`delta`. Who finances the fund is outside the model.

## 5. The revolt channel and commitment

*Claim: leverage comes from the end of a barrel.* We add Acemoglu and Robinson's
revolution constraint beside the strike: the elites are {{ r.elite_pop }} of the population;
the citizens can revolt and take output net of a destroyed share `mu`; the threat is present
with probability `q = {{ r.threat }}` a period, so a promise of redistribution made under the
threat is kept only while it lasts; the discount factor is the strike game's `{{ s.delta }}`.
How automation enters is **our modelling choice**, not theirs: the elites own the machines,
so their income share is `{{ r.base_share }} + {{ 1 - r.base_share }} (1 - s_L(a))` with
`s_L` the task model's labor share (Acemoglu and Restrepo 2018, `sigma = {{ s.sigma }}`); the
cost of revolt is `mu(a) = {{ r.base_cost }} (1 - seizure a) + defense a`; the deadweight
cost of taxation is quadratic. We compare machines that can be seized
(`seizure = {{ d.seizure }}`) with machines that defend their owners
(`defense = {{ d.defense }}`); panel (e).

The strike channel closes as automation rises (at `a = {{ d.strike_closes | n }}`). When
machines can be seized, the revolt channel opens at `a = {{ d.seized_opens | n }}`:
{{ d.seized_regimes }}
When machines defend their owners it opens only at `a = {{ d.defending_opens | n }}`:
{{ d.defending_regimes }}
With seizable machines the commitment problem bites: as revolt gets cheaper, a promise that
lasts only as long as the threat stops being enough, and then so does democratisation.
Machines that defend their owners delay the threat, and what remains of it can be bought off
with promises. So "the system will change if enough
respond" is, here, a statement about the cost of revolt, and which way automation moves
that cost is an assumption the model cannot settle.

## 6. Closed-form strategy classes against the exact SPE set

Closed forms describe one strategy class each, so they are lower bounds; the exact set of
pure-strategy subgame-perfect payoffs (Abreu and Sannikov 2014) is the answer. Labor's
largest gain over `w` in the seed scenario:

| a | y_s | stick-and-carrot | exact, 2x2 | exact, transfer grid | delta (1 - w - y_s) |
|---|---|---|---|---|---|
{% for row in d.gains -%}
| {{ row | join(" | ") }} |
{% endfor %}
Three differences. First, punishment: in stick-and-carrot the strike must be repaid by
returning to the same transfer, which leaves capital's punishment above its minmax `y_s`.
The harshest subgame-perfect punishment holds capital at its minmax (at `a = 0.45` capital's
worst payoff is {{ d.capital_worst | n(4) }}, `y_s = 0.3125`), so with a fine transfer choice
the gain is `delta (1 - w - y_s)`, exactly `(1 - delta)(w - b) = {{ d.gap | n(2) }}` above the
closed form. Second, lumpiness: the 2x2 game's single transfer caps the gain at
`tau = {{ s.tau }}`. Third, the end: the exact gain does not fade to zero but drops to nothing, at
{{ d.exact | n }} (2x2) and {{ d.grid | n }} (grid), where even the harshest punishment no
longer makes labor's strike credible; just before, the gain is still {{ d.before[0] | n }} and
{{ d.before[1] | n }}, equal to `delta (1 - w - y_s)` there ({{ d.bound_before[0] | n }} and
{{ d.bound_before[1] | n }}). In every
scenario the closed form's `a*` lies below the exact one (table above).

## 7. Capital automating to break labor's leverage

*Claim: factories and robots still need capital, and capital may automate to weaken labor.*
Let capital choose `a` before the repeated game starts, paying `{{ i.cost }}` per period and
gaining `{{ i.gain }} a` in output from the machines, so that surplus alone would put
automation at {{ i.rows.default.efficient | n }}. Valued at labor's preferred
stick-and-carrot equilibrium, capital's payoff jumps at `a*`, where it stops sharing
(Figure 2), and the level it chooses is:

| scenario | surplus-maximising `a` | chosen `a` | strategic gap | at `a*` |
|---|---|---|---|---|
{% for name, row in i.rows.items() -%}
{% set stops = "yes" if row.at_breakdown else "no" -%}
| {{ name }} | {{ row.efficient | n }} | {{ row.chosen | n }} | {{ row.gap | n }} | {{ stops }} |
{% endfor %}
Where breaking leverage is cheap enough capital automates exactly up to the breakdown point
and stops; where `a*` lies below the efficient level (substitutes) there is no gap. Labor's
ownership of the machines moves `a*` later, and here capital follows it.

![Figure 2](figures/capital-automation.png)

*Figure 2.* Capital's payoff against automation in the seed scenario, with the breakdown
point and the surplus-maximising level marked.

![Figure 1](figures/automation-redistribution.png)

*Figure 1.* (a) Labor's largest gain against automation, seed scenario; dotted lines mark
each `a*`, the grey band `y_s > 1 - b`. (b) Strike output for four task elasticities and
the breakdown output `y*`. (c) `a*` against labor's share of the machines. (d) `a*` against
the discount factor, with and without a strike fund. (e) What a strike costs capital, and
how much revolt beats the status quo for seized and defending machines. (f) Exact
subgame-perfect payoff sets of the 2x2 game at three automation levels.

## References

- D. Abreu (1988), "On the theory of infinitely repeated games with discounting",
  *Econometrica* 56, 383–396.
- D. Abreu and Y. Sannikov (2014), "An algorithm for two-player repeated games with perfect
  monitoring", *Theoretical Economics* 9, 313–338.
- D. Acemoglu and P. Restrepo (2018), "The race between man and machine", *American Economic
  Review* 108, 1488–1542.
- D. Acemoglu and J. A. Robinson (2006), *Economic Origins of Dictatorship and Democracy*,
  Cambridge University Press.
"""
