"""`cocon ask`, `cocon ingest`: the command-line contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from webapp.commands.assistant import ask, ingest



@click.group()
def cli():
    """Test group standing in for `cocon`."""


cli.add_command(ask)
cli.add_command(ingest)


@pytest.fixture(scope="module")
def env(tmp_path_factory, small_assistant, corpus_writer):
    base = tmp_path_factory.mktemp("cli")
    corpus = corpus_writer(base / "corpus")
    return {"COCON_CORPUS_DIR": str(corpus), "COCON_INDEX_DIR": str(base / "index"),
            "COCON_INSTANCE_PATH": str(base / "instance")}


def run(env, *args, input=None):
    return CliRunner().invoke(cli, list(args), env=env, input=input, catch_exceptions=False)


def test_ask_json_prints_one_contract_object(env):
    result = run(env, "ask", "--json", "--top-k", "2", "Qu'est-ce qu'une SCIC ?")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert {"question", "answer", "abstained", "sources"} <= set(data)
    assert isinstance(data["abstained"], bool) and len(data["sources"]) == 2
    assert {"doc", "title", "text", "score"} <= set(data["sources"][0])


def test_ask_without_json_prints_a_french_answer_with_numbered_sources(env):
    result = run(env, "ask", "Quelle part du capital d'une SCIC une collectivité peut-elle détenir ?")
    assert result.exit_code == 0
    assert "Sources :" in result.stdout and "[1]" in result.stdout


def test_batch_keeps_one_line_per_input_line_in_order(env, tmp_path):
    questions = ["Qu'est-ce qu'une SCIC ?", "", "x" * 2000, "monnaies locales", "   "]
    batch = tmp_path / "questions.txt"
    batch.write_text("\n".join(questions) + "\n", encoding="utf-8")
    result = run(env, "ask", "--json", "--top-k", "2", "--batch", str(batch))
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in records] == questions
    assert "error" in records[1] and records[1]["abstained"] is True and records[1]["sources"] == []
    assert "error" in records[2]
    assert "error" not in records[0] and len(records[0]["sources"]) == 2


@pytest.mark.parametrize("args", [["ask", "   "], ["ask"], ["ask", "--top-k", "0", "SCIC"],
                                  ["ask", "--batch", "/no/such/file"]])
def test_bad_input_exits_non_zero_with_a_message_and_no_stdout(env, args):
    result = run(env, *args)
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_ingest_adds_a_guide_and_refuses_a_corrupt_one(env, tmp_path):
    guide = tmp_path / "tiers-lieux.md"
    guide.write_text("# Tiers-lieux\n\nLes tiers-lieux accueillent des activités solidaires de quartier.",
                     encoding="utf-8")
    result = run(env, "ingest", str(guide))
    assert result.exit_code == 0, result.stderr
    assert "passages" in result.stdout
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"not a pdf")
    result = run(env, "ingest", str(broken))
    assert result.exit_code == 2 and "broken.pdf" in result.stderr


def test_the_cocon_command_answers_in_a_subprocess(env):
    cocon = Path(sys.executable).with_name("cocon")
    result = subprocess.run([str(cocon), "ask", "--json", "Qu'est-ce qu'une SCIC ?"], env={**os.environ, **env},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["sources"]
    assert "Traceback" not in result.stderr
