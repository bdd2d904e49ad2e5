"""The documentation site builds without a warning, notebooks executed."""

import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_documentation_builds_without_warnings(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            "-d",
            str(tmp_path / "doctrees"),
            str(DOCS),
            str(tmp_path / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    index = (tmp_path / "html" / "index.html").read_text()
    assert "Reproduce a paper" in index or "How-to guides" in index
    page = (tmp_path / "html" / "notebooks" / "03-exact-spe-sets.html").read_text()
    assert "PayoffSet(" in page  # the notebook was executed: its printed output is on the page
