"""Turn a counting result (the `tally_document` / `cocon tally` output) into VoteMinutes."""

from __future__ import annotations

from .document import CollegeResult, Objection, QuorumFigures, RankedOption, VoteMinutes

_COLLEGE_COUNTS = ("pour", "contre", "abstention", "consentement", "objection", "cast",
                   "ballots", "multiplicity")


def _ints(values: dict) -> dict[str, int]:
    return {k: v for k, v in values.items() if isinstance(v, int) and not isinstance(v, bool)}


def _share(value) -> str | None:
    return None if value is None else f"{float(value):.4f}".rstrip("0").rstrip(".")


def quorum_from_result(result: dict, represented: int = 0) -> QuorumFigures | None:
    """The quorum figures of a result; None when the vote had no quorum rule and no roll."""
    att = result.get("attendance") or {}
    if att.get("eligible") is None and att.get("required") is None:
        return None
    return QuorumFigures(eligible=att.get("eligible"), present=att.get("present"),
                         represented=represented, required=att.get("required"),
                         met=result.get("quorum_met"))


def vote_from_result(result: dict, *, question: str | None = None, secret: bool = False,
                     withdrawals=(), represented: int | None = None) -> VoteMinutes:
    """The full result of one vote, as the minutes show it, from the counting output."""
    sources = result.get("sources") or {}
    paper = (sources.get("paper") or {}).get("ballots")
    online = (sources.get("online") or {}).get("ballots")
    by_college = [
        CollegeResult(college=name, counts={k: v for k, v in _ints(entry).items()
                                            if k in _COLLEGE_COUNTS},
                      weight=None if entry.get("weight") is None else _share(entry["weight"]),
                      advisory=bool(entry.get("advisory")))
        for name, entry in (result.get("by_college") or {}).items()]
    return VoteMinutes(
        question=question or result.get("question") or result.get("title") or "",
        method=result["method"], secret=secret, adopted=result.get("adopted"),
        counts=_ints(result.get("counts") or {}),
        weighted_share=_share(result.get("weighted_share")),
        objections=[Objection(o["reason"], o.get("college"), bool(o.get("blocking", True)))
                    for o in result.get("objections") or []],
        grades=list(result.get("grades") or []),
        ranking=[RankedOption(r["candidate"], r["rank"], r.get("majority_grade"),
                              _ints(r.get("profile") or {})) for r in result.get("ranking") or []],
        winner=result.get("winner"), tied=list(result.get("tied") or []),
        by_college=by_college,
        quorum=quorum_from_result(result, represented if represented is not None
                                  else int(result.get("proxies") or 0)),
        withdrawals=list(withdrawals), paper_ballots=paper, online_ballots=online)
