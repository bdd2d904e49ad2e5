import concurrent.futures
import math

import numpy as np
import pytest

from bargaining.analysis import breakdown_automation, max_redistribution, sweep
from bargaining.analysis.sweeps import scenario_of
from bargaining.analysis.sweeps.executors import local_dask_executor, plan_chunks
from bargaining.labor import scenarios, wages

DEFAULT = scenarios.DEFAULT
A = np.linspace(0, 1, 11)


def breakdown_value(scenario, **kw):
    threshold = breakdown_automation(scenario, **{"method": "closed-form", **kw})
    if threshold.kind == "always-sustainable":
        return math.inf
    return float(threshold.value) if threshold.kind == "breaks-down" else math.nan


def test_closed_form_grid_equals_point_by_point_across_regimes():
    sigma, delta = [0, 0.5, 1, 2, math.inf], [0.6, 0.8, 0.95]
    result = sweep("max_redistribution", DEFAULT, delta=delta, a=A, sigma=sigma)
    assert result.dims == ("delta", "a", "sigma")
    for i, d in enumerate(delta):
        for k, s in enumerate(sigma):
            expected = max_redistribution(
                DEFAULT.replace(delta=d, sigma=s), A, method="closed-form"
            )
            np.testing.assert_array_equal(result.values[i, :, k], expected)
    assert (result > 0).any() and (result == 0).any()


def test_breakdown_grid_equals_point_by_point():
    delta, sigma = np.linspace(0.5, 0.99, 9), [0, 0.5, 1, 3, math.inf]
    rho = [0.0, 0.2]
    result = sweep("breakdown_automation", DEFAULT, delta=delta, sigma=sigma, rho=rho)
    expected = [
        [[breakdown_value(DEFAULT.replace(delta=d, sigma=s, rho=r)) for r in rho] for s in sigma]
        for d in delta
    ]
    np.testing.assert_allclose(result.values, expected, rtol=0, atol=1e-12)
    assert np.isnan(result.values).any() and np.isfinite(result.values).any()


def test_exact_sweep_equals_point_by_point():
    a, delta = np.linspace(0, 1, 7), [0.8, 0.9]
    result = sweep("max_redistribution", DEFAULT, a=a, delta=delta, method="exact", chunk_size=3)
    for j, d in enumerate(delta):
        expected = max_redistribution(DEFAULT.replace(delta=d), a, method="exact")
        np.testing.assert_array_equal(result.values[:, j], expected)
    # The 2x2 game's lumpy transfer tau = 0.1 at low automation, none at full automation.
    assert result.sel(a=0.0, delta=0.9) == pytest.approx(0.1)
    assert result.sel(a=1.0, delta=0.9) == 0


def test_exact_breakdown_sweep_and_options():
    theta = [0.0, 0.2]
    result = sweep("breakdown_automation", DEFAULT, theta=theta, method="exact")
    expected = [breakdown_value(DEFAULT.replace(theta=t), method="exact") for t in theta]
    np.testing.assert_array_equal(result.values, expected)
    grim = sweep("max_redistribution", DEFAULT, a=A, options={"strategy": "grim"})
    assert (grim == 0).all()


def labor_gap(scenario, a):
    return wages.wage(scenario, a) - scenario.b


def strike_cost(scenario):
    return scenario.w - scenario.b


def test_callables_of_scenario_and_automation():
    result = sweep(labor_gap, DEFAULT, a=A, b=[0.1, 0.3])
    assert result.name == "labor_gap"
    for j, b in enumerate([0.1, 0.3]):
        expected = labor_gap(DEFAULT.replace(b=b), A)
        np.testing.assert_allclose(result.values[:, j], expected, rtol=0, atol=0)
    costs = sweep(strike_cost, DEFAULT, w=[0.5, 0.7], b=[0.1, 0.2])
    np.testing.assert_allclose(costs.values, [[0.4, 0.3], [0.6, 0.5]])


def test_result_carries_the_scenario():
    result = sweep("max_redistribution", scenarios.get("liebig"), a=A)
    assert result.attrs["scenario"] == "liebig"
    assert scenario_of(result) == scenarios.get("liebig")
    np.testing.assert_array_equal(result["a"].values, A)


def test_process_pool_equals_serial():
    a, delta = np.linspace(0, 1, 9), [0.85, 0.9, 0.95]
    serial = sweep("max_redistribution", DEFAULT, a=a, delta=delta, method="exact")
    pooled = sweep("max_redistribution", DEFAULT, a=a, delta=delta, method="exact", workers=2)
    np.testing.assert_array_equal(pooled.values, serial.values)
    with concurrent.futures.ThreadPoolExecutor(2) as executor:
        threaded = sweep(
            "max_redistribution", DEFAULT, a=a, delta=delta, method="exact", executor=executor
        )
    np.testing.assert_array_equal(threaded.values, serial.values)


def test_dask_local_cluster_equals_serial():
    pytest.importorskip("distributed")
    a, rho = np.linspace(0, 1, 6), [0.1, 0.2]
    serial = sweep("max_redistribution", DEFAULT, a=a, rho=rho, method="exact")
    with local_dask_executor(2, memory_limit=0) as executor:
        client = executor._client
        environ = client.run(lambda: __import__("os").environ.get("MALLOC_TRIM_THRESHOLD_"))
        result = sweep(
            "max_redistribution", DEFAULT, a=a, rho=rho, method="exact", executor=executor
        )
        assert len(client.scheduler_info()["workers"]) == 2
    assert client.status == "closed"
    assert set(environ.values()) == {None}
    np.testing.assert_array_equal(result.values, serial.values)


@pytest.mark.parametrize(
    ("axes", "named"),
    [
        ({"a": A, "gamma": [1.0]}, "gamma"),
        ({"a": []}, "'a' is empty"),
        ({"a": [0.5, 1.5]}, "1.5"),
        ({"a": A, "delta": [0.9, 1.2]}, "delta"),
        ({"a": A, "rho": [0.2, np.nan]}, "rho"),
        ({"a": [[0.1, 0.2]]}, "1-D"),
        ({"a": A, "b": [0.1, 0.5], "theta": [0.0, 0.2]}, "b + theta"),
        ({"a": A, "w": [0.5, 0.95]}, "tau"),
    ],
)
def test_bad_axes_raise_naming_them(axes, named):
    with pytest.raises(ValueError, match=named.replace("+", r"\+")):
        sweep("max_redistribution", DEFAULT, **axes)


def test_bad_quantity_or_method():
    with pytest.raises(ValueError, match="unknown quantity"):
        sweep("happiness", DEFAULT, a=A)
    with pytest.raises(ValueError, match="method"):
        sweep("wage", DEFAULT, a=A, method="exact")
    with pytest.raises(ValueError, match="drop the 'a' axis"):
        sweep("breakdown_automation", DEFAULT, a=A)
    with pytest.raises(ValueError, match="give an 'a' axis"):
        sweep("max_redistribution", DEFAULT, delta=[0.9])
    with pytest.raises(ValueError, match="transfers"):
        sweep("max_redistribution", DEFAULT, a=A, options={"transfers": [0.1]})
    with pytest.raises(ValueError, match="strategy"):
        sweep("max_redistribution", DEFAULT, a=A, options={"strategy": "tit-for-tat"})
    with pytest.raises(ValueError, match="one value per level"):
        sweep(lambda scenario, a: 1.0, DEFAULT, a=A)


def test_progress_bar_only_when_asked_off_a_terminal(capsys):
    sweep("max_redistribution", DEFAULT, a=A[:4], method="exact", progress=True)
    assert capsys.readouterr().err == ""
    sweep("max_redistribution", DEFAULT, a=A[:4], method="exact", progress="always")
    assert "0/4 [" in capsys.readouterr().err


def test_chunks_cover_the_grid_once():
    for scenarios_, levels, parallelism in [(1, 1000, 2), (300, 7, 1), (5, 5, 8)]:
        covered = np.zeros((scenarios_, levels), dtype=int)
        chunks = plan_chunks(scenarios_, levels, parallelism)
        for first, stop, low, high in chunks:
            covered[first:stop, low:high] += 1
        assert (covered == 1).all()
        assert len(chunks) >= min(scenarios_ * levels, 4 * parallelism)


def test_executor_settings_are_keyword_only():
    with pytest.raises(TypeError, match="positional"):
        sweep("max_redistribution", DEFAULT, None, a=A)


def test_sweep_arrays_hold_sweeps_values_and_axes_in_the_order_given():
    from bargaining.analysis.sweeps import sweep_arrays

    delta = [0.6, 0.8, 0.95]
    axes, values = sweep_arrays("max_redistribution", DEFAULT, delta=delta, a=A)
    labelled = sweep("max_redistribution", DEFAULT, delta=delta, a=A)
    assert list(axes) == ["delta", "a"]
    np.testing.assert_array_equal(axes["delta"], delta)
    np.testing.assert_array_equal(axes["a"], A)
    np.testing.assert_array_equal(values, labelled.values)
    _, breakdown = sweep_arrays("breakdown_automation", DEFAULT, delta=delta)
    expected = [breakdown_value(DEFAULT.replace(delta=d)) for d in delta]
    np.testing.assert_allclose(breakdown, expected, rtol=0, atol=1e-12)
    with pytest.raises(ValueError, match="unknown quantity 'nonsense'"):
        sweep_arrays("nonsense", DEFAULT, a=A)


def test_sweep_arrays_import_neither_xarray_nor_sympy():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from bargaining.analysis import sweep_arrays\n"
        "axes, values = sweep_arrays('max_redistribution', a=[0.0, 0.3], delta=[0.9], "
        "progress=False)\n"
        "print(round(float(values[1, 0]), 6), 'xarray' in sys.modules, "
        "'sympy.core' in sys.modules)\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.split() == ["0.083158", "False", "False"], found.stderr
