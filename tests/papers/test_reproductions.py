"""Every reproduction's numbers agree with the published or derived values."""

import hashlib

import pytest

from bargaining import reproductions


@pytest.mark.parametrize("paper", list(reproductions.PAPERS))
def test_numbers_agree_with_the_references(paper):
    result = reproductions.get(paper).reproduce()
    checked = [c for c in result.comparisons if c.reference is not None]
    assert len(checked) >= 8
    disagreeing = [(c.label, c.ours, c.reference) for c in checked if not c.agrees]
    assert disagreeing == []


@pytest.mark.parametrize("paper", list(reproductions.PAPERS))
def test_figures_are_written_and_repeat_byte_for_byte(paper, tmp_path):
    first = reproductions.get(paper).reproduce(tmp_path / "first").figures
    second = reproductions.get(paper).reproduce(tmp_path / "second").figures
    assert first and {p.suffix for p in first} == {".png", ".svg"}
    assert sum(p.suffix == ".png" for p in first) == sum(p.suffix == ".svg" for p in first)
    digests = [
        [hashlib.sha256(p.read_bytes()).hexdigest() for p in run] for run in (first, second)
    ]
    assert digests[0] == digests[1]


def test_unknown_paper_is_refused():
    with pytest.raises(ValueError, match="unknown paper 'nash-1950'"):
        reproductions.get("nash-1950")
