"""``bargaining solve FILE``: what it prints, and one line on stderr with exit 2 for bad input."""

import os
import time
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from bargaining.cli import main
from bargaining.cli.solve import solve

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "games"


@pytest.fixture(scope="module")
def cli():
    """The real command group with ``solve`` added, as the console script will have it."""
    if "solve" not in main.commands:
        main.add_command(solve)
    return main


def run(cli, *arguments):
    return CliRunner().invoke(cli, list(arguments))


def test_the_strike_game_prints_exact_equilibria_minmax_and_the_spe_set(cli):
    result = run(cli, "solve", str(EXAMPLES / "strike.toml"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Labor (rows) x Capital (columns), exact" in out
    assert "1. Labor: Work;  Capital: Keep  payoffs (3/5, 2/5)" in out
    assert "minmax (mixed): Labor 3/5, Capital 5/19" in out
    assert "subgame-perfect payoffs at delta = 0.9" in out
    assert "Labor from 0.6 to 0.7" in out


def test_set_and_delta_change_the_answer(cli):
    result = run(cli, "solve", str(EXAMPLES / "strike.toml"), "--set", "a=1", "--set", "sigma=0")
    assert "minmax (mixed): Labor 3/5, Capital 2/5" in result.stdout
    result = run(cli, "solve", str(EXAMPLES / "prisoners_dilemma.toml"), "--delta", "1/10")
    assert "point with vertices (1, 1)" in result.stdout


def test_mixed_equilibria_are_shown_as_probabilities(tmp_path, cli):
    path = tmp_path / "pennies.toml"
    path.write_text("[payoffs]\nrow = [[1, -1], [-1, 1]]\ncolumn = [[-1, 1], [1, -1]]\n")
    result = run(cli, "solve", str(path))
    assert "1. row: 1/2 r0 + 1/2 r1;  column: 1/2 c0 + 1/2 c1  payoffs (0, 0)" in result.stdout


def test_a_parametric_2x2_game_prints_conditional_equilibria(tmp_path, cli):
    path = tmp_path / "pd.toml"
    path.write_text(
        '[parameters]\nT = {min = 0}\n[payoffs]\nrow = [[3, 0], ["T", 1]]\n'
        'column = [[3, "T"], [0, 1]]\n'
    )
    result = run(cli, "solve", str(path))
    assert result.exit_code == 0
    assert "1. row: r0;  column: c0  when 3 - T >= 0" in result.stdout


def test_a_degenerate_game_notes_its_warning_on_stderr(tmp_path, cli):
    path = tmp_path / "flat.toml"
    path.write_text("[payoffs]\nrow = [[1, 1], [1, 1]]\ncolumn = [[0, 0], [0, 0]]\n")
    result = run(cli, "solve", str(path))
    assert result.exit_code == 0
    assert result.stderr.startswith("note: the game is degenerate")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--set", "x=1"), "unknown parameter 'x'"),
        (("--set", "a"), "--set expects NAME=VALUE, got 'a'"),
        (("--set", "a=2"), "parameter a must be at most 1, got 2"),
        (("--set", "a=__import__('os')"), "calling '__import__' is not allowed"),
        (("--delta", "1"), "--delta must lie in (0, 1), got 1"),
        (("--delta", "d"), "--delta: unknown name 'd'"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_status_2(arguments, message, cli):
    result = run(cli, "solve", str(EXAMPLES / "strike.toml"), *arguments)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("bargaining: error: ")
    assert message in lines[0]


def test_missing_and_malicious_files_are_one_line_errors(tmp_path, cli):
    result = run(cli, "solve", str(tmp_path / "missing.toml"))
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    path = tmp_path / "evil.toml"
    path.write_text('[payoffs]\nrow = [["().__class__"]]\ncolumn = [[0]]\n')
    result = run(cli, "solve", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"bargaining: error: {path}, payoffs.row[0][0]: attribute access is not allowed in an "
        'expression; offending token: "().__class__"\n'
    )


def test_solve_works_in_any_click_group():
    group = click.Group()
    group.add_command(solve)
    result = CliRunner().invoke(group, ["solve", str(EXAMPLES / "prisoners_dilemma.toml")])
    assert result.exit_code == 0 and "Alice: Defect;  Bob: Defect" in result.stdout
    result = CliRunner().invoke(group, ["solve", "nowhere.toml"])
    assert result.exit_code == 2 and result.stderr.startswith("bargaining: error: cannot read")


def test_delta_too_close_to_one_is_one_line_and_exit_2(cli):
    result = run(
        cli, "solve", str(EXAMPLES / "prisoners_dilemma.toml"), "--delta", "0.999999999999999"
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "delta=0.999999999999999 is too close to 1" in line


def test_a_game_without_pure_stage_equilibrium_shows_its_stick_sustained_set(cli, tmp_path):
    game = tmp_path / "stick.toml"
    game.write_text(
        '[players]\nrow = { name = "Row", actions = ["Up", "Down"] }\n'
        'column = { name = "Column", actions = ["Left", "Right"] }\n\n'
        "[payoffs]\nrow = [[5, 0], [0, 1]]\ncolumn = [[5, 10], [1, 0]]\n"
    )
    result = run(cli, "solve", str(game), "--delta", "0.9")
    assert result.exit_code == 0, result.output
    assert "Row from 1 to 5; Column from 1 to 9" in result.stdout


def _write(tmp_path, text, name="g.toml"):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


PD_FILE = """title = "PD"
[players]
row = { name = "Alice", actions = ["C", "D"] }
column = { name = "Bob", actions = ["C", "D"] }
[payoffs]
row = [[3, 0], [5, 1]]
column = [[3, 5], [0, 1]]
[repeated]
delta = "sqrt(2)/2"
"""


def test_delta_accepts_the_irrational_constants_the_file_accepts(cli, tmp_path):
    path = _write(tmp_path, PD_FILE)
    from_file = run(cli, "solve", path)
    from_option = run(cli, "solve", path, "--delta", "sqrt(2)/2")
    assert from_file.exit_code == from_option.exit_code == 0, from_option.stderr
    assert "at delta = 0.707107 " in from_option.stdout
    assert from_option.stdout == from_file.stdout
    refused = run(cli, "solve", path, "--delta", "sqrt(2)")
    assert refused.exit_code == 2 and "--delta must lie in (0, 1)" in refused.stderr


def test_a_fifo_as_the_game_file_is_one_line_at_once(cli, tmp_path):
    fifo = tmp_path / "game.toml"
    os.mkfifo(fifo)
    result = run(cli, "solve", str(fifo))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "not a regular file" in result.stderr


def test_deep_nesting_is_one_line_and_exit_2(cli, tmp_path):
    path = _write(tmp_path, "[payoffs]\nrow = " + "[" * 3000 + "]" * 3000 + "\n")
    result = run(cli, "solve", path)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    assert "nested at most" in result.stderr


def test_control_characters_never_reach_the_terminal(cli, tmp_path):
    escape = "\x1b]0;owned\x07"
    toml_escape = "".join(f"\\u{ord(c):04x}" if ord(c) < 32 else c for c in escape)
    text = PD_FILE.replace('"Alice"', f'"{toml_escape}"')
    result = run(cli, "solve", _write(tmp_path, text))
    assert result.exit_code == 2 and "control character" in result.stderr
    assert "\x1b" not in result.stderr + result.stdout and "\x07" not in result.stderr
    unknown = run(cli, "solve", _write(tmp_path, PD_FILE), "--set", "\x1b[2J=1")
    assert unknown.exit_code == 2 and "\x1b" not in unknown.stderr
    assert "\\x1b" in unknown.stderr and unknown.stderr.count("\n") == 1


def test_large_powers_of_an_unset_parameter_do_not_hang(cli, tmp_path):
    text = "[parameters]\nw = {}\n[payoffs]\n"
    text += 'row = [["(w+1)**999", 0], [1, 2]]\ncolumn = [[1, 0], [0, 1]]\n'
    start = time.perf_counter()
    result = run(cli, "solve", _write(tmp_path, text))
    assert time.perf_counter() - start < 30
    assert result.exit_code == 0, result.stderr
    assert "when (w + 1)**999 - 1 >= 0" in result.stdout


def _after_title(output):
    lines = output.splitlines()
    return lines[lines.index(next(line for line in lines if line.startswith("Nash equilibria"))) :]


@pytest.mark.parametrize("name", ["strike.nfg", "strike-without-suffix"])
def test_a_gambit_nfg_file_solves_as_its_toml_twin(cli, tmp_path, name):
    from bargaining.core.io import load_game

    toml = run(cli, "solve", str(EXAMPLES / "strike.toml"), "--delta", "9/10")
    assert toml.exit_code == 0, toml.output
    path = tmp_path / name
    path.write_text(load_game(EXAMPLES / "strike.toml").to_nfg("strike game"))
    nfg = run(cli, "solve", str(path), "--delta", "9/10")
    assert nfg.exit_code == 0, nfg.stderr
    assert nfg.stdout.splitlines()[0] == "strike game"
    assert _after_title(nfg.stdout) == _after_title(toml.stdout)
    assert "subgame-perfect payoffs" in nfg.stdout


def test_an_extensive_form_says_what_is_supported_and_how_to_convert(cli, tmp_path):
    text = (
        'EFG 2 R "entry" { "entrant" "incumbent" }\n'
        'p "" 1 1 "" { "in" "out" } 0\n'
        't "" 1 "" { 1, 1 }\n'
        't "" 2 "" { 0, 2 }\n'
    )
    for name in ("entry.efg", "entry.txt"):  # by suffix and by content
        target = tmp_path / name
        target.write_text(text)
        result = run(cli, "solve", str(target))
        assert result.exit_code == 2 and result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and "extensive-form game (.efg)" in lines[0]
        assert "two-player normal forms" in lines[0] and ".to_nfg(" in lines[0]


def test_a_three_player_nfg_is_one_line_saying_what_is_supported(cli, tmp_path):
    path = tmp_path / "three.nfg"
    path.write_text('NFG 1 R "three" { "a" "b" "c" } { 1 1 1 }\n0 0 0\n')
    result = run(cli, "solve", str(path))
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "only two-player games are supported, got 3 players" in lines[0]
    assert "reads two-player normal forms" in lines[0] and lines[0].count(str(path)) == 1


def test_a_malformed_nfg_names_the_file(cli, tmp_path):
    path = tmp_path / "broken.nfg"
    path.write_text('[players]\nrow = "labor"\n')
    result = run(cli, "solve", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"bargaining: error: {path}: expected NFG")
