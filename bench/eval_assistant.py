"""Evaluate the assistant on bench/assistant_questions.jsonl (also `cocon eval`).

Reports recall@1, recall@5 and MRR@10 by kind of question, abstention on unanswerable and
answerable questions, warm latency and restart time, for the shipped configuration and,
side by side, lexical only and dense only. A passage is relevant when it contains one of the
question's evidence excerpts (compared accent- and punctuation-insensitively), so the
judgement does not depend on how the guides are cut into passages.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

QUESTIONS = Path(__file__).with_name("assistant_questions.jsonl")

# name -> Settings overrides
CONFIGURATIONS = {
    "shipped": {},
    "lexical only": {"lexical": 1.0, "dense": 0.0, "use": 0.0},
    "dense only": {"lexical": 0.0, "dense": 1.0, "use": 0.0},
}
ABLATIONS = {
    "USE only": {"lexical": 0.0, "dense": 0.0, "use": 1.0},
    "lexical + dense (no USE)": {"use": 0.0},
    "lexical + USE (no MiniLM)": {"dense": 0.0},
    "no glossary": {"glossary": False},
    "no thesaurus": {"thesaurus": False},
    "RRF instead of scores": {"method": "rrf"},
}


def normalize(text: str) -> str:
    """Fold accents, drop punctuation and spacing so excerpts match whatever the chunking."""
    from cocon.assistant.french import fold

    return re.sub(r"[^a-z0-9]+", "", fold(text))


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    """The evaluation questions, one JSON object per line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def relevant_ids(assistant, question: dict) -> set[int]:
    """Indexes of passages that contain one of the question's evidence excerpts."""
    found = set()
    for i, passage in enumerate(assistant.index.passages):
        haystack = _normalized_passage(assistant, i)
        for evidence in question["evidence"]:
            if passage.doc == evidence["doc"] and normalize(evidence["excerpt"]) in haystack:
                found.add(i)
    return found


_CACHE: dict[tuple[int, int], str] = {}


def _normalized_passage(assistant, i: int) -> str:
    key = (id(assistant.index), i)
    if key not in _CACHE:
        passage = assistant.index.passages[i]
        _CACHE[key] = normalize(f"{passage.section} {passage.text}")
    return _CACHE[key]


def evaluate(assistant, questions: list[dict], timing: bool = False) -> dict:
    """Run every question; return metrics by kind, abstention rates and latencies."""
    by_kind: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    abstained = {"answerable": [], "unanswerable": []}
    latencies, confidences, missing = [], [], []
    for question in questions:
        start = time.perf_counter()
        answer = assistant.ask(question["question"], top_k=10)
        latencies.append(time.perf_counter() - start)
        unanswerable = question["kind"] == "unanswerable"
        abstained["unanswerable" if unanswerable else "answerable"].append(answer.abstained)
        confidences.append((answer.confidence, unanswerable))
        if unanswerable:
            continue
        relevant = relevant_ids(assistant, question)
        if not relevant:
            missing.append(question["question"])
        ranks = [r for r, s in enumerate(answer.sources, 1) if _position(assistant, s.passage_id) in relevant]
        first = ranks[0] if ranks else None
        metrics = (1.0 if first == 1 else 0.0, 1.0 if first and first <= 5 else 0.0, 1.0 / first if first else 0.0)
        by_kind[question["kind"]].append(metrics)
        by_kind["all answerable"].append(metrics)
    table = {kind: {"n": len(rows), "recall@1": _mean(r[0] for r in rows), "recall@5": _mean(r[1] for r in rows),
                    "mrr@10": _mean(r[2] for r in rows)} for kind, rows in by_kind.items()}
    ordered = sorted(latencies)
    return {"by_kind": table,
            "abstention_unanswerable": _mean(abstained["unanswerable"]),
            "abstention_answerable": _mean(abstained["answerable"]),
            "latency_p50_ms": 1000 * ordered[len(ordered) // 2],
            "latency_p95_ms": 1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
            "confidences": confidences, "missing_evidence": missing}


_POSITIONS: dict[int, dict[str, int]] = {}


def _position(assistant, passage_id: str) -> int:
    table = _POSITIONS.setdefault(id(assistant.index),
                                  {p.passage_id: i for i, p in enumerate(assistant.index.passages)})
    return table[passage_id]


def _mean(values) -> float:
    values = [float(v) for v in values]
    return sum(values) / len(values) if values else 0.0


def restart_seconds(corpus_dir: str, index_dir: str, model: str, query_prefix: str, passage_prefix: str) -> float:
    """Wall time of a fresh process that loads the saved index and models and answers once."""
    code = ("import sys,time;t=time.perf_counter();from cocon.assistant import Assistant;"
            "a=Assistant.load_or_build(*sys.argv[1:6]);a.ask('Qu\\'est-ce qu\\'une SCIC ?');"
            "print(time.perf_counter()-t)")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, corpus_dir, index_dir, model, query_prefix, passage_prefix],
                   check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def run(corpus_dir: str, index_dir: str, model: str, query_prefix: str = "", passage_prefix: str = "",
        ablations: bool = False, out=sys.stdout) -> dict:
    """Evaluate every configuration in one run and print a Markdown report."""
    from cocon.assistant import Assistant

    start = time.perf_counter()
    assistant = Assistant.load_or_build(corpus_dir, index_dir, model, query_prefix, passage_prefix)
    first_load = time.perf_counter() - start
    questions = load_questions()
    configurations = dict(CONFIGURATIONS, **(ABLATIONS if ablations else {}))
    results = {}
    for name, overrides in configurations.items():
        variant = assistant.with_settings(**overrides)
        for question in questions[:5]:
            variant.ask(question["question"])  # warm caches before timing
        results[name] = evaluate(variant, questions)
    restart = restart_seconds(corpus_dir, index_dir, model, query_prefix, passage_prefix)
    report = {"model": model, "passages": len(assistant.index.passages), "first_load_s": first_load,
              "restart_s": restart, "questions": len(questions), "results": results}
    print_report(report, out)
    return report


def print_report(report: dict, out=sys.stdout) -> None:
    """Markdown tables: one row per kind, one column group per configuration."""
    results = report["results"]
    names = list(results)
    kinds = sorted({k for r in results.values() for k in r["by_kind"]}, key=lambda k: (k != "all answerable", k))
    w = out.write
    w(f"Model: {report['model']} · {report['passages']} passages · {report['questions']} questions\n\n")
    w("| kind | n | " + " | ".join(f"{n}: R@1 / R@5 / MRR" for n in names) + " |\n")
    w("|---|---|" + "---|" * len(names) + "\n")
    for kind in kinds:
        n = results[names[0]]["by_kind"].get(kind, {}).get("n", 0)
        cells = []
        for name in names:
            row = results[name]["by_kind"].get(kind)
            cells.append(f"{row['recall@1']:.2f} / {row['recall@5']:.2f} / {row['mrr@10']:.2f}" if row else "-")
        w(f"| {kind} | {n} | " + " | ".join(cells) + " |\n")
    w("\n| configuration | abstains on unanswerable | abstains on answerable | warm p50 ms | warm p95 ms |\n")
    w("|---|---|---|---|---|\n")
    for name in names:
        r = results[name]
        w(f"| {name} | {r['abstention_unanswerable']:.0%} | {r['abstention_answerable']:.0%} | "
          f"{r['latency_p50_ms']:.0f} | {r['latency_p95_ms']:.0f} |\n")
    w(f"\nIndex build or load in this process: {report['first_load_s']:.1f} s; "
      f"restart (fresh process, saved index, models loaded, one answer): {report['restart_s']:.1f} s\n")
    missing = results[names[0]]["missing_evidence"]
    if missing:
        w(f"\nWARNING: {len(missing)} questions whose evidence matches no passage: {missing}\n")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: reads the same configuration as `cocon`."""
    import argparse

    from webapp.config import load_config

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ablations", action="store_true", help="also evaluate each signal removed in turn")
    parser.add_argument("--json", metavar="FILE", help="write the full results as JSON")
    args = parser.parse_args(argv)
    cfg = load_config()
    report = run(cfg["CORPUS_DIR"], cfg["INDEX_DIR"], cfg["EMBEDDING_MODEL"], cfg["EMBEDDING_QUERY_PREFIX"],
                 cfg["EMBEDDING_PASSAGE_PREFIX"], ablations=args.ablations)
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
