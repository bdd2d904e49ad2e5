"""Settings shared by the test suite and the notebooks it executes."""

import os

os.environ.setdefault("MPLBACKEND", "Agg")

from hypothesis import HealthCheck, settings

# ``make test`` must give the same verdict on every run: the default profile replays the same
# examples (derandomised); random exploration is ``make fuzz`` (HYPOTHESIS_PROFILE=fuzz).
settings.register_profile("default", max_examples=60, deadline=None, derandomize=True)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
