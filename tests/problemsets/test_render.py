"""Templates render every topic; files are deterministic; LaTeX compiles where installed."""

import shutil

import pytest

from bargaining import problemsets
from bargaining.problemsets import rendering

HAS_LATEX = shutil.which("latexmk") is not None
NO_LATEX = (
    "latexmk not installed: apt-get install latexmk texlive-latex-base texlive-latex-recommended"
)


@pytest.fixture(scope="module", params=problemsets.DIFFICULTIES)
def every_topic(request):
    return problemsets.generate("all", n=1, seed=3, difficulty=request.param)


@pytest.mark.parametrize("fmt", ["md", "tex"])
def test_every_topic_renders_in_sheet_and_key(every_topic, fmt):
    sheet = problemsets.render(every_topic, fmt, "sheet")
    key = problemsets.render(every_topic, fmt, "key")
    for exercise in every_topic.exercises:
        assert exercise.title in sheet and exercise.title in key
        for part in exercise.parts:
            assert part.question in sheet and part.question not in key
            assert part.answer_text in key and part.answer_text not in sheet
    assert "None" not in sheet + key


def test_written_files_are_identical_for_the_same_seed(tmp_path):
    sets = problemsets.variants(["minmax", "rubinstein"], n=2, seed=9, count=2)
    first = problemsets.write(sets, tmp_path / "a", "tex").paths
    again = problemsets.variants(["minmax", "rubinstein"], n=2, seed=9, count=2)
    second = problemsets.write(again, tmp_path / "b", "tex").paths
    assert [p.name for p in first] == ["sheet-01.tex", "key-01.tex", "sheet-02.tex", "key-02.tex"]
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    assert first[0].read_bytes() != first[2].read_bytes()  # variants differ


def test_variants_share_their_structure():
    first, second = problemsets.variants("all", n=1, seed=4, difficulty="hard", count=2)
    assert [e.topic for e in first.exercises] == [e.topic for e in second.exercises]
    assert [len(e.parts) for e in first.exercises] == [len(e.parts) for e in second.exercises]
    assert first.exercises != second.exercises


def test_without_latexmk_pdf_writes_markdown_and_latex_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(rendering, "latex_engine", lambda: None)
    written = problemsets.write([problemsets.generate("repeated", seed=1)], tmp_path, "pdf")
    assert sorted(p.name for p in written.paths) == ["key.md", "key.tex", "sheet.md", "sheet.tex"]
    assert len(written.notes) == 1 and "latexmk not found" in written.notes[0]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: problemsets.generate("chess"), "unknown topic 'chess'"),
        (lambda: problemsets.generate("minmax", n=0), "n must be a positive integer, got 0"),
        (lambda: problemsets.generate("minmax", difficulty="expert"), "'expert'"),
        (lambda: problemsets.variants("minmax", count=0), "variants must be a positive"),
        (lambda: problemsets.write([], "/tmp", "docx"), "format must be one of md, tex, pdf"),
    ],
)
def test_bad_input_raises_value_error_naming_it(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.skipif(not HAS_LATEX, reason=NO_LATEX)
def test_latex_compiles_to_identical_pdfs(tmp_path):
    sets = [problemsets.generate("all", n=1, seed=2, difficulty="hard")]
    first = problemsets.write(sets, tmp_path / "a", "pdf")
    second = problemsets.write(sets, tmp_path / "b", "pdf")
    pdfs = [p for p in first.paths if p.suffix == ".pdf"]
    assert [p.name for p in pdfs] == ["sheet.pdf", "key.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)
    assert [p.read_bytes() for p in pdfs] == [
        p.read_bytes() for p in second.paths if p.suffix == ".pdf"
    ]
