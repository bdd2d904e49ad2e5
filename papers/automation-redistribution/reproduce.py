"""Rebuild this paper's figure and paper.md into this folder and print its table of numbers."""

from pathlib import Path

from bargaining.reproductions import get

if __name__ == "__main__":
    here = Path(__file__).parent
    result = get("automation-redistribution").reproduce(here / "figures")
    (here / "paper.md").write_text(result.paper, encoding="utf-8")
    print(result.table())
    print("figures:", ", ".join(str(path) for path in result.figures))
    print("paper:", here / "paper.md")
