"""The report as a page: self-contained HTML, headings, tables, figures; Markdown the same."""

import html.parser
import json
import re
import xml.etree.ElementTree as ET

from bargaining.cli.report import FIGURE_STEMS, REPORT_FILES
from bargaining.report import FIGURE_FILES, FIGURES


class _Page(html.parser.HTMLParser):
    """Tags, image sources, table cells and section ids of an HTML page."""

    def __init__(self):
        super().__init__()
        self.tags, self.images, self.ids, self.rows, self._row = [], [], [], [], None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "img":
            self.images.append(attrs["src"])
        if tag == "tr":
            self._row = []
        if tag in ("td", "th") and self._row is not None:
            self._cell = ""

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        if tag == "tr" and self._row is not None:
            self.rows.append(tuple(self._row))
            self._row = None


def _page(folder):
    page = _Page()
    page.feed((folder / "report.html").read_text())
    return page


def test_the_cli_lists_every_figure_the_report_draws():
    assert tuple(spec.stem for spec in FIGURES) == FIGURE_STEMS
    assert set(FIGURE_FILES) <= set(REPORT_FILES)


def test_report_writes_at_least_four_figures_as_png_and_svg(full_report):
    folder, _ = full_report
    assert len(FIGURES) >= 4
    for name in FIGURE_FILES:
        data = (folder / name).read_bytes()
        if name.endswith(".png"):
            assert data.startswith(b"\x89PNG\r\n\x1a\n")
        else:
            assert ET.fromstring(data).tag.endswith("svg")


def test_the_page_is_self_contained_with_headings_tables_and_a_table_of_contents(full_report):
    folder, _ = full_report
    text = (folder / "report.html").read_text()
    page = _page(folder)
    assert "<pre" not in text
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", text)
    assert len(page.images) == len(FIGURES)
    assert all(src.startswith("data:image/svg+xml;base64,") for src in page.images)
    assert page.tags.count("h1") == 1 and page.tags.count("table") >= 4
    sections = [i for i in page.ids if not i.startswith("figure-")]
    for anchor in sections:
        assert f'href="#{anchor}"' in text
    assert {"parameters", "redistribution", "breakdown", "scenarios"} <= set(sections)
    assert "@media print" in text


def test_the_page_shows_the_numbers_of_results_json(full_report):
    folder, _ = full_report
    results = json.loads((folder / "results.json").read_text())
    rows = _page(folder).rows
    keys = [method["key"] for method in results["methods"]]
    for r in results["redistribution"]:
        expected = (
            f"{r['a']:.2f}",
            f"{r['strike_output']:.4f}",
            *(f"{r[k]:.4f}" for k in keys),
        )
        assert expected in rows
    for key, record in results["breakdown"].items():
        label = next(m["label"] for m in results["methods"] if m["key"] == key)
        row = next(row for row in rows if row[0] == label)
        assert row[1].startswith(f"{record['value']:.6f}")
    parameters = {row[0]: row[1] for row in rows if row[0] in results["scenario"]["parameters"]}
    assert parameters == {k: str(v) for k, v in results["scenario"]["parameters"].items()}


def test_markdown_carries_the_same_tables_and_figures(full_report):
    folder, _ = full_report
    markdown = (folder / "report.md").read_text()
    rows = {row for row in _page(folder).rows if len(row) > 1}
    for row in rows:
        assert "| " + " | ".join(row) + " |" in markdown
    for spec in FIGURES:
        assert f"]({spec.stem}.png)" in markdown
    assert "<pre" not in markdown


def test_liebig_explains_its_breakdown_at_full_automation(full_report):
    folder, _ = full_report
    text = (folder / "report.html").read_text()
    assert "liebig: a* = 1 means redistribution is sustained at every automation level" in text


def test_markdown_blocks_are_separate_lines_a_renderer_reads(full_report):
    folder, _ = full_report
    lines = (folder / "report.md").read_text(encoding="utf-8").splitlines()
    separators = [i for i, line in enumerate(lines) if line.startswith("|---")]
    assert len(separators) >= 5
    for i in separators:
        header, before, first_row = lines[i - 1], lines[i - 2], lines[i + 1]
        columns = header.count("|") - 1
        assert header.startswith("| ") and before == "", header
        assert lines[i] == "|" + "---|" * columns, lines[i]
        assert first_row.startswith("| ") and first_row.count("|") - 1 == columns, first_row
    headings = [line for line in lines if line.startswith("## ")]
    contents = [line for line in lines if re.match(r"\d+\. \[[^]]+\]\(#[\w-]+\)$", line)]
    assert len(contents) == len(headings) >= 5
    for i, line in enumerate(lines):
        if line.startswith("## ") or line.startswith("- **"):
            assert lines[i - 1] == "" or lines[i - 1].startswith("- "), line
