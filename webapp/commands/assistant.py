"""`cocon ask`, `cocon ingest` and `cocon eval`: the assistant from the command line.

Output contract (see DESIGN.md): `--json` prints one object per question on one line,
`--batch FILE` one line out per line in, in the same order, even for blank or invalid lines.
Progress bars and messages go to stderr only.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import click

from cocon.errors import CoconError, InvalidInput

INVALID_INPUT = 2
INVALID_LINE_ANSWER = "Cette ligne ne contient pas de question exploitable."


def fail(command: str, message: str, code: int = 1) -> None:
    """Print the message on stderr and leave with `code`; never a traceback."""
    click.echo(f"cocon {command}: {message}", err=True)
    sys.exit(code)


class StderrProgress:
    """Progress callback for index builds: one tqdm bar per stage, on stderr."""

    LABELS = {"embeddings": "Vecteurs (sentence-transformers)", "use": "Vecteurs (USE multilingue)"}

    def __init__(self) -> None:
        self.bars = {}

    def __call__(self, stage: str, advance: int, total: int) -> None:
        from tqdm import tqdm

        if stage not in self.bars:
            self.bars[stage] = tqdm(total=total, desc=self.LABELS.get(stage, stage), unit="passage",
                                    file=sys.stderr, leave=True, dynamic_ncols=True)
        bar = self.bars[stage]
        bar.update(advance)
        if bar.n >= bar.total:
            bar.close()  # one finished line per stage, no interleaving

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


def load_assistant(cfg: dict | None = None, progress=None, rebuild: bool = False):
    """The Assistant for this configuration, building the index on first use."""
    from cocon.assistant import Assistant
    from webapp.config import load_config

    cfg = cfg or load_config()
    return Assistant.load_or_build(cfg["CORPUS_DIR"], cfg["INDEX_DIR"], cfg["EMBEDDING_MODEL"],
                                   cfg["EMBEDDING_QUERY_PREFIX"], cfg["EMBEDDING_PASSAGE_PREFIX"],
                                   progress=progress, rebuild=rebuild)


def _load_for(command: str, rebuild: bool = False):
    progress = StderrProgress()
    try:
        return load_assistant(progress=progress, rebuild=rebuild)
    except CoconError as exc:
        fail(command, str(exc))
    finally:
        progress.close()


def format_answer(answer) -> str:
    """A readable French answer with numbered sources."""
    lines = [answer.text, ""]
    if answer.sources:
        lines.append("Passages les plus proches :" if answer.abstained else "Sources :")
        for number, source in enumerate(answer.sources, 1):
            lines.append(f"[{number}] {source.citation()} — {source.doc}")
            excerpt = source.text if len(source.text) <= 300 else source.text[:297].rsplit(" ", 1)[0] + "…"
            lines.append(f"    {excerpt}")
    return "\n".join(lines).rstrip()


def error_record(question: str, message: str) -> dict:
    """The object printed for a batch line that cannot be asked, so lines stay aligned."""
    return {"question": question, "answer": INVALID_LINE_ANSWER, "abstained": True, "sources": [],
            "error": message}


@click.command("ask")
@click.argument("question", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object per line.")
@click.option("--top-k", "top_k", type=click.IntRange(1, 50), default=5, show_default=True,
              help="Number of passages returned.")
@click.option("--batch", "batch", metavar="FILE", help="Ask every line of FILE (- for stdin).")
def ask(question: tuple[str, ...], as_json: bool, top_k: int, batch: str | None) -> None:
    """Answer a question in French from the guides, citing them (or say they do not answer)."""
    if batch and question:
        fail("ask", "give either a QUESTION or --batch FILE, not both", INVALID_INPUT)
    if not batch and not question:
        fail("ask", "missing QUESTION (or --batch FILE)", INVALID_INPUT)
    lines: list[str] = []
    if batch:
        try:
            with click.open_file(batch, "r", encoding="utf-8-sig", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError as exc:
            fail("ask", f"cannot read {batch}: {exc.strerror or exc}", INVALID_INPUT)
    else:
        from cocon.assistant import validate_question

        try:
            validate_question(" ".join(question))
        except InvalidInput as exc:
            fail("ask", str(exc), INVALID_INPUT)
    assistant = _load_for("ask")
    if not batch:
        try:
            answer = assistant.ask(" ".join(question), top_k=top_k)
        except InvalidInput as exc:
            fail("ask", str(exc), INVALID_INPUT)
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False) if as_json else format_answer(answer))
        return
    for line in lines:
        try:
            record = assistant.ask(line, top_k=top_k).to_dict()
        except InvalidInput as exc:
            record = error_record(line, str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad line must not lose the others
            record = error_record(line, f"internal error: {exc!r}")
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(f"? {line}\n{record['answer']}\n")
        sys.stdout.flush()


@click.command("ingest")
@click.argument("path", required=False, type=click.Path(exists=True, path_type=Path))
@click.option("--rebuild", is_flag=True, help="Rebuild the index even if it looks current.")
def ingest(path: Path | None, rebuild: bool) -> None:
    """Add a guide (file or folder) to the corpus and index it, with a progress bar."""
    from cocon.assistant.loaders import is_guide, list_guides, load_text
    from webapp.config import load_config

    cfg = load_config()
    corpus = Path(cfg["CORPUS_DIR"])
    if path is not None and path.resolve() != corpus.resolve():
        files = list_guides(path) if path.is_dir() else [path]
        if not files or not all(is_guide(f) for f in files):
            fail("ingest", f"{path}: nothing to add (supported: .txt, .md, .pdf, .odt, .docx)", INVALID_INPUT)
        corpus.mkdir(parents=True, exist_ok=True)
        for file in files:
            try:
                load_text(file)
            except InvalidInput as exc:
                fail("ingest", str(exc), INVALID_INPUT)
            if file.resolve() != (corpus / file.name).resolve():
                shutil.copy2(file, corpus / file.name)
            click.echo(f"Guide ajouté : {file.name}", err=True)
    assistant = _load_for("ingest", rebuild=rebuild)
    for skipped in assistant.index.skipped:
        click.echo(f"Guide ignoré : {skipped['doc']} ({skipped['error']})", err=True)
    click.echo(f"Index prêt : {len(assistant.index.guides)} guides, {len(assistant.index.passages)} passages "
               f"({cfg['INDEX_DIR']}).")


@click.command("eval")
@click.option("--ablations", is_flag=True, help="Also evaluate each retrieval signal removed in turn.")
@click.option("--json", "json_path", metavar="FILE", help="Also write the full results as JSON.")
def evaluate(ablations: bool, json_path: str | None) -> None:
    """Measure retrieval, abstention and latency on bench/assistant_questions.jsonl."""
    import importlib.util

    from webapp.config import PROJECT_ROOT

    script = PROJECT_ROOT / "bench" / "eval_assistant.py"
    if not script.exists():
        fail("eval", f"{script} not found (run from a checkout)")
    spec = importlib.util.spec_from_file_location("eval_assistant", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    try:
        module.main((["--ablations"] if ablations else []) + (["--json", json_path] if json_path else []))
    except CoconError as exc:
        fail("eval", str(exc))
