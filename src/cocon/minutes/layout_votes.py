"""How one vote is laid out: question, method, quorum, full result, by college."""

from __future__ import annotations

from .blocks import Bullets, Heading, Para, Table
from .document import QuorumFigures, VoteMinutes

YES_NO = ("pour", "contre", "abstention", "cast", "ballots")
CONSENT = ("consentement", "objection", "abstention", "ballots")


def quorum_line(q: QuorumFigures | None, t) -> str:
    """One sentence with the quorum figures and whether the quorum was met."""
    if q is None:
        return t.pair("quorum", t.L["quorum_none"])
    parts = []
    if q.eligible is not None:
        parts.append(f"{t.L['eligible']} {q.eligible}")
    if q.present is not None:
        parts.append(f"{t.L['present_or_represented']} {q.present}")
    parts.append(f"{t.L['represented']} {q.represented}")
    if q.required is not None:
        parts.append(f"{t.L['required']} {q.required}")
    verdict = {True: "quorum_met", False: "quorum_not_met", None: "quorum_none"}[q.met]
    return t.pair("quorum", " ; ".join(parts) + " — " + t.L[verdict])


def _result_word(vote: VoteMinutes, t) -> str:
    if vote.method == "majority_judgment":
        return t.pair("winner", t.text(vote.winner) if vote.winner else t.L["no_winner"])
    word = {True: "adopted", False: "rejected", None: "not_decided"}[vote.adopted]
    return t.pair("result", t.L[word])


def _counts_table(vote: VoteMinutes, t, caption: str) -> Table:
    keys = CONSENT if vote.method == "consent" else YES_NO
    rows = tuple((t.L[k], str(vote.counts.get(k, 0))) for k in keys if k in vote.counts)
    return Table(caption, (t.L["choice"], t.L["count"]), rows)


def _judgment_table(vote: VoteMinutes, t, caption: str) -> Table:
    grades = list(vote.grades) or sorted({g for r in vote.ranking for g in r.profile})
    header = (t.L["option"], t.L["rank"], t.L["majority_grade"], *(t.text(g) for g in grades))
    rows = tuple((t.text(r.candidate), str(r.rank), t.text(r.majority_grade or "—"),
                  *(str(r.profile.get(g, 0)) for g in grades)) for r in vote.ranking)
    return Table(caption, header, rows)


def _college_table(vote: VoteMinutes, t, caption: str) -> Table:
    keys: list[str] = []
    for entry in vote.by_college:
        keys += [k for k in entry.counts if k not in keys]
    header = (t.L["college"], t.L["weight"], *(t.L.get(k, t.text(k)) for k in keys))
    rows = []
    for entry in vote.by_college:
        weight = t.number(entry.weight) if entry.weight is not None else "—"
        if entry.advisory:
            weight += f" ({t.L['advisory']})"
        rows.append((t.text(entry.college), weight,
                     *(str(entry.counts.get(k, "")) for k in keys)))
    return Table(caption, header, tuple(rows))


def vote_blocks(vote: VoteMinutes, number: int, t) -> list:
    """The blocks of one vote, in the order a reader expects them."""
    title = f"{t.L['vote']} {number}"
    method = t.L.get(f"method_{vote.method}", t.text(vote.method))
    ballot = t.L["secret"] if vote.secret else t.L["public"]
    out: list = [Heading(4, t.text(f"{title} — {vote.question}")),
                 Para(t.pair("question", t.text(vote.question)), "meta"),
                 Para(t.pair("method", f"{method} — {t.L['ballot'].lower()} {ballot}"), "meta"),
                 Para(quorum_line(vote.quorum, t), "meta")]
    withdrawn = ", ".join(t.text(w) for w in vote.withdrawals) or t.L["none"]
    out.append(Para(t.pair("withdrawals", withdrawn), "meta"))
    if vote.paper_ballots is not None or vote.online_ballots is not None:
        paper = t.pair("paper_ballots", str(vote.paper_ballots or 0))
        online = t.pair("online_ballots", str(vote.online_ballots or 0))
        out.append(Para(t.text(f"{paper} ; {online}" if t.lang == "fr" else f"{paper}; {online}"),
                        "meta"))
    caption = f"{t.L['result']} — {title}"
    if vote.method == "majority_judgment":
        out.append(_judgment_table(vote, t, caption))
        if vote.tied:
            out.append(Para(t.pair("tied", ", ".join(t.text(c) for c in vote.tied)), "meta"))
    else:
        out.append(_counts_table(vote, t, caption))
    if vote.weighted_share is not None:
        out.append(Para(t.pair("weighted_share", t.number(vote.weighted_share)), "meta"))
    if vote.objections:
        out.append(Para(t.L["objections"], "strong"))
        out.append(Bullets(tuple(
            t.text(o.reason) + " (" + ", ".join(
                ([t.text(o.college)] if o.college else [])
                + [t.L["blocking"] if o.blocking else t.L["advisory_objection"]]) + ")"
            for o in vote.objections)))
    if vote.by_college:
        out.append(_college_table(vote, t, f"{t.L['by_college']} — {title}"))
    out.append(Para(_result_word(vote, t), "strong"))
    return out
