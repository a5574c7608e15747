"""The bilan annuel laid out as minutes blocks, in the reader's language, and its exports."""

from __future__ import annotations

from flask_babel import format_date, format_percent, gettext as _, ngettext

from cocon.minutes.annual_report import AnnualReport
from cocon.minutes.blocks import Heading, Layout, Para, Table
from cocon.minutes.render_docx import render_layout_docx
from cocon.minutes.render_html import render_layout_html
from cocon.minutes.render_markdown import render_layout_markdown
from cocon.minutes.render_odt import render_layout_odt
from cocon.minutes.typography import polish
from webapp.blueprints.vote_labels import ORIENTATION_STATUS_LABELS

REPORT_FORMATS = ("pdf", "odt", "docx", "md")


def report_layout(report: AnnualReport, lang: str) -> Layout:
    """Title, sessions held, participation by college, orientations and their follow-up."""
    def t(text: str) -> str:
        return polish(text, lang)

    title = t(_("Annual report %(year)s", year=report.year))
    held = len(report.sessions)
    blocks: list = [Heading(1, title), Para(t(report.council_name), "meta"),
                    Para(t(report.territory), "meta"), Heading(2, t(_("Sessions held")))]
    if report.sessions:
        blocks.append(Para(t(_("%(n)s session(s) held in %(year)s.", n=held, year=report.year))))
        blocks.append(Table(t(_("Sessions held")),
                            (t(_("Session")), t(_("Date")), t(_("Present")),
                             t(_("Represented")), t(_("Members"))),
                            tuple((t(s.title), format_date(s.starts_at, "long"), str(s.present),
                                   str(s.represented), str(s.members))
                                  for s in report.sessions)))
    else:
        blocks.append(Para(t(_("No session was held this year.")), "meta"))
    blocks.append(Heading(2, t(_("Participation by college"))))
    rows = []
    for c in report.colleges:
        rate = c.rate(held)
        rows.append((t(c.college), str(c.members), str(c.present), str(c.represented),
                     "—" if rate is None else format_percent(rate)))
    blocks.append(Table(t(_("Participation by college")),
                        (t(_("College")), t(_("Members")), t(_("Attendances")),
                         t(_("Represented")), t(_("Participation rate"))), tuple(rows)))
    blocks.append(Heading(2, t(_("Orientations adopted and their follow-up"))))
    if report.orientations:
        blocks.append(Table(t(_("Orientations adopted")),
                            (t(_("Orientation")), t(_("Adopted on")), t(_("Status")),
                             t(_("Latest follow-up"))),
                            tuple((t(o.title), format_date(o.adopted_at, "long"),
                                   t(str(ORIENTATION_STATUS_LABELS.get(o.status, o.status))),
                                   t(o.last_update)) for o in report.orientations)))
    else:
        blocks.append(Para(t(_("No orientation was adopted this year.")), "meta"))
    blocks.extend(_assistant_blocks(report, t))
    return Layout(title=title, lang=lang, council_name=t(report.council_name), fingerprint="",
                  blocks=blocks, labels={"page": _("Page")})


def _assistant_blocks(report: AnnualReport, t) -> list:
    """What people asked the assistant this year: counts and shared words, never a question."""
    summary = report.assistant
    blocks: list = [Heading(2, t(_("Themes people asked the assistant about")))]
    if not summary.total:
        return blocks + [Para(t(_("Nobody asked the assistant a question this year.")), "meta")]
    blocks.append(Para(t(ngettext("%(num)s question was asked to the assistant in %(year)s; "
                                  "the guides did not answer %(unanswered)s of them.",
                                  "%(num)s questions were asked to the assistant in %(year)s; "
                                  "the guides did not answer %(unanswered)s of them.",
                                  summary.total, year=report.year, unanswered=summary.unanswered))))
    if summary.themes:
        blocks.append(Table(t(_("Most frequent themes")), (t(_("Word")), t(_("Questions"))),
                            tuple((w, str(n)) for w, n in summary.themes)))
    else:
        blocks.append(Para(t(_("No word was shared by enough questions to be reported.")), "meta"))
    blocks.append(Para(t(_("The questions are recorded anonymously, for the whole platform; only words "
                           "found in several questions are listed.")), "meta"))
    return blocks


def render_report(layout: Layout, fmt: str) -> bytes:
    """The report in one of the minutes' formats."""
    if fmt == "md":
        return render_layout_markdown(layout).encode("utf-8")
    if fmt == "odt":
        return render_layout_odt(layout)
    if fmt == "docx":
        return render_layout_docx(layout)
    if fmt == "pdf":
        import weasyprint
        from cocon.minutes.render_pdf import PDF_VARIANT, drawable
        return weasyprint.HTML(string=drawable(render_layout_html(layout))).write_pdf(
            pdf_variant=PDF_VARIANT)
    raise ValueError(fmt)
