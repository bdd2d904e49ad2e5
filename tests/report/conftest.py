"""One full run of ``bargaining report``, named scenarios compared, shared by its tests."""

import pytest
from click.testing import CliRunner

from bargaining.cli import main


@pytest.fixture(scope="session")
def full_report(tmp_path_factory):
    """The folder of a full default report and what the command printed."""
    folder = tmp_path_factory.mktemp("full-report")
    result = CliRunner().invoke(main, ["report", "--quiet", "--out", str(folder)])
    assert result.exit_code == 0, result.output
    return folder, result.output
