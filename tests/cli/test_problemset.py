"""The problemset command, through click's runner and as a subprocess."""

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from bargaining.cli.problemset import problemset

GROUP_SCRIPT = """
import click, sys
from bargaining.cli.problemset import problemset
group = click.Group()
group.add_command(problemset)
group(sys.argv[1:])
"""


@pytest.fixture
def group():
    commands = click.Group()
    commands.add_command(problemset)
    return commands


def test_writes_sheet_and_key_byte_identical_for_the_same_seed(group, tmp_path):
    args = ["problemset", "--topics", "equilibria,nash-ks", "--n", "2", "--seed", "5"]
    runner = CliRunner()
    first = runner.invoke(group, [*args, "--out", str(tmp_path / "a")])
    second = runner.invoke(group, [*args, "--out", str(tmp_path / "b")])
    assert first.exit_code == second.exit_code == 0, first.output
    for name in ("sheet.md", "key.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    sheet = (tmp_path / "a" / "sheet.md").read_text()
    assert sheet.count("## Exercise") == 4 and "Seed 5" in sheet


def test_variants_and_difficulty(group, tmp_path):
    result = CliRunner().invoke(
        group,
        ["problemset", "--topics", "rubinstein", "--variants", "3", "--difficulty", "easy",
         "--format", "tex", "--out", str(tmp_path)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f"{part}-0{k}.tex" for part in ("key", "sheet") for k in (1, 2, 3)
    ]


@pytest.mark.parametrize(
    "bad",
    [["--topics", "chess"], ["--n", "0"], ["--format", "docx"], ["--difficulty", "expert"],
     ["--variants", "0"]],
)  # fmt: skip
def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path, bad):
    result = subprocess.run(
        [sys.executable, "-c", GROUP_SCRIPT, "problemset", "--out", str(tmp_path), *bad],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("bargaining: error:")


def test_an_unwritable_out_is_one_line_and_exit_2(tmp_path):
    from bargaining.cli import main

    blocker = tmp_path / "file"
    blocker.write_text("")
    for out in (blocker, blocker / "below", ""):
        result = CliRunner().invoke(main, ["problemset", "--topics", "minmax", "--out", str(out)])
        assert result.exit_code == 2, (out, result.output)
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("bargaining: error:")
        assert "None" not in result.stderr and "Errno" not in result.stderr


def test_existing_sheets_are_kept_unless_forced(group, tmp_path):
    args = ["problemset", "--topics", "minmax", "--out", str(tmp_path)]
    assert CliRunner().invoke(group, args).exit_code == 0
    (tmp_path / "key.md").write_text("my key")
    refused = CliRunner().invoke(group, args)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert (tmp_path / "key.md").read_text() == "my key"
    assert CliRunner().invoke(group, [*args, "--force"]).exit_code == 0
    assert (tmp_path / "key.md").read_text() != "my key"


def test_a_symlink_in_out_is_never_followed(group, tmp_path):
    outside = tmp_path / "elsewhere.md"
    outside.write_text("keep")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "sheet.md").symlink_to(outside)
    args = ["problemset", "--topics", "minmax", "--force", "--out", str(folder)]
    result = CliRunner().invoke(group, args)
    assert result.exit_code == 2 and "symbolic link" in result.stderr
    assert outside.read_text() == "keep"
