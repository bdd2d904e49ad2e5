"""The documentation site builds without a warning, notebooks executed, and reads offline."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from browser import open_page

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _latex_package(name):
    found = subprocess.run(["kpsewhich", name], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The built HTML site; its mathematics is rendered at build time by LaTeX and dvisvgm."""
    missing = [tool for tool in ("latex", "dvisvgm") if shutil.which(tool) is None]
    if not missing and not _latex_package("preview.sty"):
        missing.append("preview.sty (preview-latex-style)")
    if missing:
        reason = f"{' and '.join(missing)} not installed: the documentation's maths cannot render"
        if os.environ.get("CI"):
            pytest.fail(f"CI must build the documentation, but {reason}")
        pytest.skip(reason)
    tmp_path = tmp_path_factory.mktemp("docs")
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
    return tmp_path / "html"


def test_documentation_builds_without_warnings(site):
    index = (site / "index.html").read_text()
    assert "Reproduce a paper" in index or "How-to guides" in index
    page = (site / "notebooks" / "03-exact-spe-sets.html").read_text()
    assert "PayoffSet(" in page  # the notebook was executed: its printed output is on the page


# The model page, and the tutorial's notebooks whose outputs are formulas (LaTeX reprs).
MATHEMATICS = {"model": 10, "notebooks/01-quickstart": 2, "notebooks/02-symbolic-breakdown": 2}


@pytest.mark.parametrize("name", sorted(MATHEMATICS))
def test_pages_with_mathematics_read_offline_in_chromium(site, name, tmp_path):
    source = (site / f"{name}.html").read_text()
    assert not re.search(r"<script[^>]*mathjax", source, re.IGNORECASE)
    with open_page(site / f"{name}.html", tmp_path / "profile") as page:
        text = page.text()
        images = page.images()
        page.screenshot(tmp_path / f"{Path(name).name}.png")
        errors = page.errors
    assert "\\(" not in text and "\\[" not in text and "$$" not in text
    maths = [image for image in images if image[0].startswith("data:image/svg+xml")]
    assert len(maths) >= MATHEMATICS[name]
    for image_source, width, height in images:
        assert width > 0 and height > 0, image_source
    assert errors == []
