"""Rebuild this paper's figures, paper.md and paper.pdf, and print its table of numbers."""

from pathlib import Path

from bargaining.reproductions import get
from bargaining.reproductions.automation_redistribution.paper import PDF_TOOLS, build_pdf

if __name__ == "__main__":
    here = Path(__file__).parent
    result = get("automation-redistribution").reproduce(here / "figures")
    (here / "paper.md").write_text(result.paper, encoding="utf-8")
    print(result.table())
    print("figures:", ", ".join(str(path) for path in result.figures))
    print("paper:", here / "paper.md")
    pdf = build_pdf(here / "paper.md")
    print("pdf:", pdf or f"not built: needs {' and '.join(PDF_TOOLS)}")
