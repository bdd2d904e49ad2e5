"""The first closed-form sweep in a fresh process, import included.

Each run starts a new Python process that imports the library and computes
the closed-form phase diagram (largest stick-and-carrot transfer on a
1000 x 1000 grid of automation x discount factor) with one ``sweep`` call;
the time is the wall time of the whole process, median of several runs. For
scale, the same is timed for processes that only import numpy, and that
import xarray (which the result, an ``xarray.DataArray``, needs) and build
a DataArray: the floor under any call that returns one. ``sweep_arrays``
gives the same values as plain arrays without importing xarray, and is timed
the same way. The processes run
interleaved, with bytecode caching on as for an installed package (one
untimed run of each first writes the caches).

Run with ``make bench`` or ``python benchmarks/first_call.py [--repeats N]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

SNIPPETS = {
    "import numpy": "import numpy\n",
    "import xarray, build a DataArray": (
        "import numpy as np\n"
        "import pandas as pd\n"
        "import xarray as xr\n"
        "a = np.linspace(0, 1, 1000)\n"
        "data = xr.Variable(('a',), a, fastpath=True)\n"
        "xr.DataArray(data, coords={'a': pd.Index(a, name='a')})\n"
    ),
    "first closed-form sweep": (
        "import numpy as np\n"
        "from bargaining.analysis import sweep\n"
        "sweep('max_redistribution', a=np.linspace(0, 1, 1000),\n"
        "      delta=np.linspace(0.5, 0.99, 1000), progress=False)\n"
    ),
    "first closed-form sweep_arrays": (
        "import numpy as np\n"
        "from bargaining.analysis import sweep_arrays\n"
        "sweep_arrays('max_redistribution', a=np.linspace(0, 1, 1000),\n"
        "             delta=np.linspace(0.5, 0.99, 1000), progress=False)\n"
    ),
}


# As for an installed package: with PYTHONDONTWRITEBYTECODE set and no cache
# yet, every fresh process would compile this package's sources again.
CACHED_BYTECODE = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def fresh_process(snippet, environment=CACHED_BYTECODE):
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", snippet], check=True, env=environment)
    return time.perf_counter() - start


def interleaved(snippets, repeats, run=fresh_process):
    """What ``run`` gives for each snippet in ``repeats`` rounds, by name.

    One untimed run of each first writes the bytecode caches and warms the
    disk cache; every round then runs each snippet once, so that load
    elsewhere falls on all of them alike.
    """
    for snippet in snippets.values():
        run(snippet)
    results = {name: [] for name in snippets}
    for _ in range(repeats):
        for name, snippet in snippets.items():
            results[name].append(run(snippet))
    return results


def main(repeats):
    times = interleaved(SNIPPETS, repeats)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"fresh processes, median of {repeats} (min - max), 1-minute load average {load:.1f}")
    for name, values in times.items():
        print(
            f"  {name:36s} {statistics.median(values):6.3f} s "
            f"({min(values):.3f} - {max(values):.3f})"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    main(parser.parse_args().repeats)
