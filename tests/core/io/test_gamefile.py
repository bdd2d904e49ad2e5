"""TOML game files: the examples, parameters and ranges, and files that must be refused."""

import os
import time
from fractions import Fraction
from pathlib import Path

import pytest
import sympy as sp

from bargaining.core.io.gamefile import load_game, parse_game_file, read_game_file
from bargaining.labor import strike_output

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "games"

PD = """
title = "PD"
[players]
row = { name = "Alice", actions = ["C", "D"] }
column = { name = "Bob", actions = ["C", "D"] }
[parameters]
T = { default = 5, min = 3, max = 10 }
[definitions]
R = "T - 2"
[payoffs]
row = [["R", 0], ["T", 1]]
column = [["R", "T"], [0, 1]]
[repeated]
delta = 0.9
"""


def test_every_example_file_loads_and_solves():
    paths = sorted(EXAMPLES.glob("*.toml"))
    assert len(paths) >= 3
    for path in paths:
        game = load_game(path)
        assert game.is_exact
        assert all(game.is_equilibrium(x, y, tol=0) for x, y in game.equilibria())


@pytest.mark.parametrize("sigma", [0, Fraction(1, 2), 1, 2, 5])
@pytest.mark.parametrize("a", [0, Fraction(3, 10), Fraction(9, 10), 1])
def test_the_strike_game_file_matches_the_model(a, sigma):
    game = load_game(EXAMPLES / "strike.toml", a=a, sigma=sigma)
    _, B = game.payoff_matrices
    expected = strike_output(Fraction(a), sigma, Fraction(1, 5))
    assert sp.simplify(sp.sympify(B[1, 1]) - sp.sympify(expected)) == 0
    assert game.labels == (("Work", "Strike"), ("Share", "Keep"))
    assert game.players == ("Labor", "Capital")


def test_parameters_definitions_and_repeated_settings():
    spec = parse_game_file(PD, "pd.toml")
    assert spec.title == "PD" and spec.delta == Fraction(9, 10)
    assert spec.parameters["T"].low == 3 and spec.parameters["T"].high == 10
    game = spec.game(T="7/2")
    A = game.payoff_matrices[0]
    assert A[1, 0] == Fraction(7, 2) and A[0, 0] == Fraction(3, 2)
    assert game.is_exact
    assert spec.game(T=4.5).kind == "float"


def test_a_parameter_without_a_value_stays_symbolic():
    spec = parse_game_file(PD.replace("default = 5, ", ""), "pd.toml")
    game = spec.game()
    assert {s.name for s in game.free_symbols} == {"T"}
    assert game.subs(T=6).pure_equilibria() == [(1, 1)]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"T": 11}, "pd.toml: parameter T must be at most 10, got 11"),
        ({"T": 2}, "pd.toml: parameter T must be at least 3, got 2"),
        ({"U": 1}, "pd.toml: unknown parameter 'U' (parameters: T)"),
        ({"T": float("nan")}, "pd.toml, parameter T must be finite"),
        ({"T": "T + 1"}, "pd.toml, parameter T: unknown name 'T'"),
        ({"T": True}, "pd.toml, parameter T must be a number"),
    ],
)
def test_bad_overrides_are_named(overrides, message):
    with pytest.raises(ValueError) as caught:
        parse_game_file(PD, "pd.toml").game(**overrides)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (('"T - 2"', "\"__import__('os').system('ls')\""), "pd.toml, definitions.R: calling"),
        (('["T", 1]]', '["T.real", 1]]'), "pd.toml, payoffs.row[1][0]: attribute access"),
        (("[0, 1]]", '[0, "open(1)"]]'), "pd.toml, payoffs.column[1][1]: calling 'open'"),
        (("[0, 1]]", '[0, "S"]]'), "pd.toml, payoffs.column[1][1]: unknown name 'S'"),
        (("[0, 1]]", "[0, true]]"), "pd.toml, payoffs.column[1][1]: must be a number"),
        (("[0, 1]]", "[0, nan]]"), "pd.toml, payoffs.column[1][1] must be finite"),
        (("[0, 1]]", "[0, 1e99999]]"), "pd.toml, payoffs.column[1][1] must be finite"),
        (("[0, 1]]", "[0]]"), "pd.toml, payoffs.column: must be a"),
        (("delta = 0.9", "delta = 1"), "pd.toml, repeated.delta must lie in (0, 1)"),
        (("delta = 0.9", "gamma = 1"), "pd.toml, repeated: the only setting is delta"),
        (('title = "PD"', "evil = 1"), "pd.toml: unknown entries ['evil']"),
        (("T = {", "import = {"), "pd.toml, parameters: 'import' is not a valid"),
        (("min = 3", "low = 3"), "pd.toml, parameters.T: unknown keys ['low']"),
        (('"C", "D"] }\n[p', '"C", "C"] }\n[p'), "pd.toml, players.column.actions: must be"),
        (("[payoffs]", "[payoffs"), "pd.toml: not valid TOML"),
    ],
)
def test_bad_files_are_refused_with_file_entry_and_token(change, fragment):
    old, new = change
    assert old in PD
    with pytest.raises(ValueError) as caught:
        parse_game_file(PD.replace(old, new, 1), "pd.toml")
    assert str(caught.value).startswith(fragment)
    assert "\n" not in str(caught.value)


def test_reading_from_disk_and_missing_files(tmp_path):
    path = tmp_path / "pd.toml"
    path.write_text(PD)
    assert read_game_file(path).source == str(path)
    assert load_game(path, T=6).pure_equilibria() == [(1, 1)]
    with pytest.raises(ValueError, match="cannot read game file"):
        read_game_file(tmp_path / "missing.toml")
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ValueError, match="cannot read game file"):
        read_game_file(path)


def test_actions_default_to_generic_labels():
    game = parse_game_file("[payoffs]\nrow = [[1, 2, 3]]\ncolumn = [[0, 0, 1]]").game()
    assert game.labels == (("r0",), ("c0", "c1", "c2"))
    assert game.pure_equilibria() == [(0, 2)]


def test_definitions_that_compose_exponentially_are_refused_quickly():
    chain = "\n".join(f'd{k + 1} = "d{k} * (d{k} + 1)"' for k in range(1, 31))
    text = f'[parameters]\nw = {{}}\n[definitions]\nd1 = "w"\n{chain}\n[payoffs]\n'
    text += 'row = [["d31", 0], [1, 2]]\ncolumn = [[1, 0], [0, 1]]\n'
    start = time.perf_counter()
    with pytest.raises(ValueError, match=r"chain\.toml, definitions\.d\d+: the expression is too"):
        parse_game_file(text, "chain.toml")
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("depth", [20, 100, 5000])
def test_deeply_nested_toml_is_one_value_error(depth):
    text = "[payoffs]\nrow = " + "[" * depth + "1" + "]" * depth + "\ncolumn = [[1]]\n"
    with pytest.raises(ValueError, match=r"^deep\.toml: .*nested at most 8 levels") as caught:
        parse_game_file(text, "deep.toml")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_non_regular_files_are_refused_without_reading(tmp_path, kind):
    path = {"folder": tmp_path, "device": Path("/dev/zero")}.get(kind, tmp_path / "pipe")
    if kind == "fifo":
        os.mkfifo(path)  # opening it for reading without a writer used to block forever
    start = time.perf_counter()
    with pytest.raises(ValueError, match="not a regular file"):
        read_game_file(path)
    assert time.perf_counter() - start < 2


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + PD.encode())
    assert read_game_file(path).title == "PD"
    assert parse_game_file("\ufeff" + PD).title == "PD"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('name = "Alice",', 'name = "Alice", colour = "red",', r"players\.row: unknown keys"),
        ("[players]", "[players]\nthird = { name = 'Eve' }", r"players: unknown keys \['third'\]"),
        ('title = "PD"', 'title = "\\u001b]0;owned\\u0007PD"', r"title: control character"),
        ('name = "Bob"', 'name = "B\\u202eob"', r"players\.column\.name: control character"),
        ('["C", "D"] }\ncolumn', '["C", "\\u001b[2J"] }\ncolumn', r"actions\[1\]: control"),
    ],
)
def test_unknown_player_keys_and_control_characters_are_refused(old, new, message):
    assert old in PD
    with pytest.raises(ValueError, match=message):
        parse_game_file(PD.replace(old, new, 1), "pd.toml")


def test_payoffs_near_the_float_limit_are_refused_naming_the_entry():
    for value in ("1e300", "-1.5e101", '"10**200"'):
        text = PD.replace('row = [["R", 0]', f'row = [["R", {value}]')
        with pytest.raises(ValueError, match=r"pd\.toml, payoffs\.row\[0\]\[1\] must be at most"):
            parse_game_file(text, "pd.toml").game()
    with pytest.raises(ValueError, match=r"payoffs\.row\[0\]\[1\] must be at most 1e\+100"):
        parse_game_file(PD.replace('row = [["R", 0]', 'row = [["R", 1e309]'), "pd.toml")


def test_decimal_literals_in_toml_are_limited_in_digits():
    long_decimal = "0." + "1" * 1200
    with pytest.raises(ValueError, match=r"finite|digits"):
        parse_game_file(PD.replace("delta = 0.9", f"delta = {long_decimal}"), "pd.toml")


def test_a_gambit_nfg_file_reads_as_an_exact_game_file(tmp_path):
    from bargaining import Game
    from bargaining.core.io.gamefile import game_file_format

    game = Game([[3, 0], [Fraction(9, 2), 1]], [[3, 5], [0, 1]], labels=(("C", "D"), ("c", "d")))
    path = tmp_path / "dilemma.nfg"
    path.write_text(game.to_nfg("a dilemma"))
    spec = read_game_file(path)
    assert spec.title == "a dilemma" and spec.parameters == {} and spec.delta is None
    read = spec.game()
    assert read.is_exact and read.labels == game.labels
    assert read.payoff_matrices[0].tolist() == game.payoff_matrices[0].tolist()
    assert game_file_format("x.toml", "NFG 1 R") == "nfg"
    assert game_file_format("x.efg", "") == "efg"
    assert game_file_format("x.nfg.toml", "[players]") == "toml"
