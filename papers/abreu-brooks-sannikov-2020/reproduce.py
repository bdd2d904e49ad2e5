"""Rebuild this paper's figures into this folder and print its table of numbers."""

from pathlib import Path

from bargaining.reproductions import get

if __name__ == "__main__":
    result = get("abreu-brooks-sannikov-2020").reproduce(Path(__file__).parent / "figures")
    print(result.table())
    print("figures:", ", ".join(str(path) for path in result.figures))
