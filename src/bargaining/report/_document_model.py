"""The report's document model: sections of tables, figures, paragraphs and lists.

A :class:`Document` holds already formatted text, so the Markdown and HTML
templates (``templates/``) and the plain text of the console lay out the same
content; :func:`format_value` and :func:`format_threshold` are how its numbers read.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Table:
    """A table of already formatted cells; ``notes`` are printed below it."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    kind: str = "table"

    @property
    def numeric(self) -> tuple[bool, ...]:
        """Whether each column holds numbers (aligned right), judged by the first row."""
        first = self.rows[0] if self.rows else ("",) * len(self.columns)
        return tuple(cell[:1].isdigit() for cell in first)


@dataclasses.dataclass(frozen=True)
class Figure:
    """A figure drawn to ``<stem>.svg`` and ``<stem>.png``, with its plain-language reading."""

    stem: str
    title: str
    reading: str
    kind: str = "figure"


@dataclasses.dataclass(frozen=True)
class Paragraph:
    text: str
    kind: str = "paragraph"


@dataclasses.dataclass(frozen=True)
class Items:
    """A list of short statements (``term: text`` pairs)."""

    items: tuple[tuple[str, str], ...]
    kind: str = "items"


Block = Table | Figure | Paragraph | Items


@dataclasses.dataclass(frozen=True)
class Section:
    """A headed part of the report; ``anchor`` is its id in the HTML page."""

    anchor: str
    title: str
    blocks: tuple[Block, ...]


@dataclasses.dataclass(frozen=True)
class Document:
    title: str
    summary: str
    sections: tuple[Section, ...]

    @property
    def figures(self) -> tuple[Figure, ...]:
        """Every figure of the report, in order."""
        return tuple(b for s in self.sections for b in s.blocks if isinstance(b, Figure))

    @property
    def tables(self) -> tuple[Table, ...]:
        """Every table of the report, in order."""
        return tuple(b for s in self.sections for b in s.blocks if isinstance(b, Table))


def format_value(value, places=4):
    """A number of a table, to ``places`` decimals."""
    return f"{value:.{places}f}"


def format_threshold(record):
    """A breakdown point as the report shows it: six decimals and, if known, the fraction."""
    if record["value"] is None:
        return {
            "always-sustainable": "none: sustained at every a",
            "never-sustainable": "none: never sustained",
        }[record["kind"]]
    shown = format_value(record["value"], 6)
    if record.get("kind") == "becomes-sustainable":
        shown = f"none: sustained from a = {shown}"
    if record["exact"]:
        shown += f" (= {record['exact']})"
    elif record["accuracy"]:
        shown += f" (± {record['accuracy']:g})"
    return shown
