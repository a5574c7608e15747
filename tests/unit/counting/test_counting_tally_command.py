"""`cocon tally FILE`: JSON on stdout, or a message on stderr, nothing on stdout and exit 2."""

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from webapp.commands.votes import tally

ROOT = Path(__file__).resolve().parents[3]
VOTE = {"method": "two_thirds", "question": "Adopter la feuille de route ?",
        "eligible": 12, "quorum": 0.5,
        "ballots": [{"choice": "pour"}] * 6 + [{"choice": "contre"}] * 3}


@click.group()
def main():
    """A stand-in for the `cocon` group."""


main.add_command(tally)


def run(*args, input=None):
    runner = CliRunner()
    return runner.invoke(main, ["tally", *args], input=input)


def test_tally_prints_the_result_as_json(tmp_path):
    path = tmp_path / "vote.json"
    path.write_text(json.dumps(VOTE), encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0
    output = json.loads(result.stdout)
    assert output["adopted"] is True and output["quorum_met"] is True
    assert output["method"] == "two_thirds"
    assert output["question"] == "Adopter la feuille de route ?"
    assert "\\u" not in result.stdout and result.stdout.startswith("{\n  \"method\"")


def test_tally_reads_standard_input_for_a_dash():
    result = run("-", input=json.dumps({"method": "consent", "ballots": [
        {"choice": "objection", "reason": "Pas de budget prévu"}]}))
    assert result.exit_code == 0
    output = json.loads(result.stdout)
    assert output["adopted"] is False
    assert "Pas de budget prévu" in result.stdout


def test_tally_accepts_a_utf8_byte_order_mark(tmp_path):
    path = tmp_path / "vote.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(VOTE).encode())
    assert run(str(path)).exit_code == 0


@pytest.mark.parametrize("content,message", [
    ('{"method": "simple_majority", "ballots": [{"choice": "oui"}]}', "ballots[0].choice"),
    ('{"method": "simple_majority", "ballots": [], "quorm": 1}', "quorm: unknown key"),
    ("{not json", "not valid JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
    # a lone surrogate can be spelt in JSON but printed nowhere: refused, never a traceback
    ('{"method": "simple_majority", "title": "\\ud800", "ballots": []}', "title: contains"),
    ('{"method": "consent", "ballots": [{"choice": "objection", "reason": "\\udc00"}]}',
     "ballots[0].reason: contains an invalid character"),
    ('{"method": "simple_majority", "ballots": [{"choice": "pour", "college": "\\udfff"}]}',
     "ballots[0].college: contains"),
    # numbers beyond any assembly, or that a float would silently turn into 0 or infinity
    ('{"method": "simple_majority", "eligible": 1' + "0" * 5000 + ', "ballots": []}',
     "a number has too many digits"),
    ('{"method": "simple_majority", "eligible": 10000000000000000, "ballots": []}',
     "eligible: 10000000000000000 is too large"),
    ('{"method": "simple_majority", "colleges": {"a": 1e-400, "b": 1}, "ballots": []}',
     "colleges.a: 1E-400 is too small"),
    ('{"method": "simple_majority", "colleges": {"a": 1e400}, "ballots": []}',
     "colleges.a: 1E+400 is too large"),
    ('{"method": "simple_majority", "eligible": 3.5, "ballots": []}',
     "eligible: must be a whole number, got 3.5"),
])
def test_invalid_input_goes_to_stderr_with_exit_code_2(tmp_path, content, message):
    path = tmp_path / "vote.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("cocon tally: ")
    assert message in result.stderr


def test_a_missing_file_is_reported_on_stderr(tmp_path):
    result = run(str(tmp_path / "absent.json"))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "cannot read" in result.stderr


CODE = "from webapp.commands.votes import tally; tally()"  # `cocon tally` in a fresh process
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}


def command(*args, stdin=None):
    return subprocess.run([sys.executable, "-c", CODE, *args], input=stdin, capture_output=True,
                          text=True, env=ENV, cwd=ROOT, timeout=60)


def test_the_command_keeps_stdout_for_json_and_stderr_for_errors(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(VOTE), encoding="utf-8")
    done = command(str(good))
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout)["counts"]["pour"] == 6

    bad = tmp_path / "bad.json"
    bad.write_text('{"method": "consent", "ballots": [{"choice": "objection"}]}')
    done = command(str(bad))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip() == "cocon tally: ballots[0].reason: an objection must give its reason"
    assert "Traceback" not in done.stderr


def test_the_command_reads_stdin_in_a_real_process():
    done = command("-", stdin='{"method": "simple_majority", "ballots": [{"choice": "pour"}]}')
    assert done.returncode == 0
    assert json.loads(done.stdout)["adopted"] is True


def test_decimals_are_taken_as_written_not_as_the_nearest_float(tmp_path):
    """docs/votes.md: a decimal quorum or weight is taken at its exact decimal value."""
    cases = [
        # 2 × 0.50000000000000001 > 1: two members are required, one is present
        ('{"method": "simple_majority", "eligible": 2, "quorum": 0.50000000000000001,'
         ' "ballots": [{"choice": "pour"}]}', {"quorum_met": False, "adopted": False}),
        # a weighted share just above one half carries the motion
        ('{"method": "simple_majority", "colleges": {"a": 0.10000000000000001, "b": 0.1},'
         ' "ballots": [{"choice": "pour", "college": "a"}, {"choice": "contre", "college": "b"}]}',
         {"adopted": True}),
        ('{"method": "simple_majority", "colleges": {"a": 0.1, "b": 0.1},'
         ' "ballots": [{"choice": "pour", "college": "a"}, {"choice": "contre", "college": "b"}]}',
         {"adopted": False}),
        # whole numbers written as decimals are counts; weights echo as written
        ('{"method": "simple_majority", "eligible": 3.0, "present": 2.0,'
         ' "colleges": {"a": 1.5, "b": 2.0}, "ballots": [{"choice": "pour", "college": "a"},'
         ' {"choice": "contre", "college": "b"}]}', {"adopted": False, "weighted_share": 0.428571}),
    ]
    for content, expected in cases:
        path = tmp_path / "vote.json"
        path.write_text(content, encoding="utf-8")
        result = run(str(path))
        assert result.exit_code == 0, result.stderr
        output = json.loads(result.stdout)
        assert {key: output[key] for key in expected} == expected, content
    weights = {name: entry["weight"] for name, entry in output["by_college"].items()}
    assert weights == {"a": 1.5, "b": 2} and isinstance(weights["b"], int)


def test_the_output_is_utf8_whatever_the_locale(tmp_path):
    path = tmp_path / "vote.json"
    path.write_text(json.dumps({"method": "majority_judgment", "candidates": [
        "Tiers-lieu 🌱", "Épicerie"], "ballots": [{"grades": {"Tiers-lieu 🌱": "Très bien"}}]},
        ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", CODE, str(path)], capture_output=True,
                          env={**ENV, "PYTHONIOENCODING": "latin-1"}, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout.decode("utf-8"))
    assert output["winner"] == "Tiers-lieu 🌱"
    assert "Très bien" in done.stdout.decode("utf-8")


@pytest.mark.parametrize("method, ballots", [
    ("simple_majority", [{"choice": "pour", "college": "a"}, {"choice": "contre", "college": "b"}]),
    ("consent", [{"choice": "consentement", "college": "a"}, {"choice": "abstention",
                                                             "college": "b"}]),
    ("majority_judgment", [{"grades": {"X": "Bien"}, "college": "a"},
                           {"grades": {"X": "Passable"}, "college": "b"}]),
])
def test_without_weights_every_college_s_ballots_are_counted(tmp_path, method, ballots):
    """`counted` means the same for every method: the college's ballots weigh in the result."""
    doc = {"method": method, "ballots": ballots}
    if method == "majority_judgment":
        doc["candidates"] = ["X"]
    path = tmp_path / "vote.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    output = json.loads(run(str(path)).stdout)
    assert {name: entry["counted"] for name, entry in output["by_college"].items()} \
        == {"a": True, "b": True}


def shell(command_line, tmp_path):
    """Run `cocon tally` from a shell line (redirections), in the repository's environment."""
    return subprocess.run(command_line.format(tally=f'"{sys.executable}" -c "{CODE}"'), shell=True,
                          executable="/bin/bash", capture_output=True, text=True, env=ENV,
                          cwd=tmp_path, timeout=120)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
def test_a_full_disk_gives_a_message_and_status_1_not_a_traceback(tmp_path):
    (tmp_path / "good.json").write_text(json.dumps(VOTE), encoding="utf-8")
    done = shell("{tally} good.json > /dev/full", tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip() == "cocon tally: cannot write the result: No space left on device"


def test_closed_standard_streams_give_a_message_not_a_traceback(tmp_path):
    (tmp_path / "good.json").write_text(json.dumps(VOTE), encoding="utf-8")
    done = shell("{tally} good.json >&-", tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip() == "cocon tally: cannot write the result: standard output is closed"
    done = shell("{tally} - <&-", tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "cocon tally: cannot read -: standard input is closed"


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path):
    # 2 MB of output, far more than a pipe holds, so the writer meets the closed pipe
    (tmp_path / "big.json").write_text(json.dumps({
        "method": "majority_judgment", "candidates": [f"Projet {i:04d}" for i in range(3000)],
        "ballots": []}), encoding="utf-8")
    done = shell("{tally} big.json | head -c 10; echo \"status ${{PIPESTATUS[0]}}\"", tmp_path)
    assert done.stdout == "{\n  \"metho" + "status 0\n"
    assert done.stderr == ""
    # a reader that reads nothing (it has exited long before Python has started)
    done = shell("{tally} big.json | true; echo \"status ${{PIPESTATUS[0]}}\"", tmp_path)
    assert done.stdout == "status 0\n"
    assert done.stderr == ""
