"""The report's page in a real browser: headless Chromium loads report.html from disk."""

import json

import pytest

from browser import open_page


def test_report_page_renders_in_chromium(full_report, tmp_path):
    folder, _ = full_report
    results = json.loads((folder / "results.json").read_text())
    with open_page(folder / "report.html", tmp_path / "profile") as page:
        images = page.images()
        text = page.text()
        shot = page.screenshot(tmp_path / "report.png")
        errors = page.errors
    assert len(images) >= 4
    for source, width, height in images:
        assert width > 0 and height > 0, source
    assert errors == []
    breakdowns = [r for r in results["breakdown"].values() if r["value"] is not None]
    for named in results["scenarios"].values():
        breakdowns += [r for r in named.values() if isinstance(r, dict) and r["value"] is not None]
    assert len(breakdowns) >= 3
    for record in breakdowns:
        assert f"{record['value']:.6f}" in text
        if record["exact"]:
            assert record["exact"] in text
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000


def test_a_missing_chromium_skips_with_a_reason_but_fails_under_ci(monkeypatch):
    import browser

    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        browser.chromium()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser tests"):
        browser.chromium()
