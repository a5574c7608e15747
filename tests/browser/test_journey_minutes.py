"""A facilitator writes the notes of a plenary that met (autosaved), submits the minutes,
approves them once the comment period is over, locks them and downloads the PDF, which the
verify page recognises; a note typed after the login expired survives a new sign-in.
axe checks every page."""

from __future__ import annotations

import re
from datetime import timedelta

from playwright.sync_api import expect
from sqlalchemy import select

from cocon.db import utcnow
from cocon.minutes.models import Minutes, MinutesNote
from integration.minutes.minutes_session import build_met_session
from integration.plenary.plenary_factories import PASSWORD

SAVED = re.compile(r"Enregistré à|Saved at")


def _sign_in(page, base, user):
    page.goto(base + "/compte/connexion")
    page.locator("input[name=email]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("form[action$='/deconnexion']")).to_have_count(1)


def _met(app_db):
    session = build_met_session(app_db)
    app_db.commit()
    return session


def test_a_facilitator_turns_a_plenary_into_locked_minutes(page, live_server, axe, app_db,
                                                           tmp_path):
    s = _met(app_db)
    base, slug, pid = live_server.url, s.plenary.council.slug, s.plenary.id
    url = f"{base}/conseils/{slug}/seances/{pid}/compte-rendu"
    _sign_in(page, base, s.facilitator)

    page.goto(f"{base}/conseils/{slug}/seances/{pid}")
    page.locator(f"a[href='/conseils/{slug}/seances/{pid}/compte-rendu']").click()
    expect(page.locator("#minutes-status")).to_have_class(re.compile("status-draft"))
    axe(page, context="draft minutes")

    page.locator(f"a[href='/conseils/{slug}/seances/{pid}/compte-rendu/notes']").click()
    axe(page, context="notes editor")
    item = s.items[0].id
    page.locator(f"#note-{item}").fill("La charte a été **discutée** longuement.")
    expect(page.locator(f"#note-{item}-status")).to_have_text(SAVED, timeout=15_000)
    app_db.expire_all()
    note = app_db.scalar(select(MinutesNote).where(MinutesNote.agenda_item_id == item))
    assert note.body == "La charte a été **discutée** longuement."

    page.goto(url)
    expect(page.locator("article.minutes-document")).to_contain_text("discutée")
    page.locator("form[action$='/soumettre'] button[type=submit]").click()
    expect(page.locator("#minutes-status")).to_have_class(re.compile("status-submitted"))
    axe(page, context="submitted minutes")

    minutes = app_db.scalar(select(Minutes).where(Minutes.plenary_id == pid))
    minutes.comments_until = utcnow() - timedelta(minutes=1)  # the comment period is over
    app_db.commit()
    page.reload()
    page.locator("form[action$='/approuver'] button[type=submit]").click()
    expect(page.locator("#minutes-status")).to_have_class(re.compile("status-approved"))
    axe(page, context="approved minutes")
    page.locator("form[action$='/verrouiller'] button[type=submit]").click()
    expect(page.locator("#minutes-status")).to_have_class(re.compile("status-locked"))
    app_db.expire_all()
    locked_hash = app_db.scalar(select(Minutes).where(Minutes.plenary_id == pid)).locked_hash
    expect(page.locator("#minutes-hash")).to_have_text(locked_hash)
    axe(page, context="locked minutes")

    with page.expect_download() as download_info:
        page.locator(f"a[href$='/compte-rendu/telecharger/pdf']").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")

    page.goto(base + "/comptes-rendus/verifier")
    axe(page, context="verify page")
    page.locator("#file").set_input_files(str(path))
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#verify-result")).to_have_class(re.compile("verify-ok"))
    axe(page, context="verify result")


def test_a_note_typed_after_the_login_expired_is_sent_after_signing_in(page, live_server, axe,
                                                                       app_db):
    s = _met(app_db)
    base, slug, pid = live_server.url, s.plenary.council.slug, s.plenary.id
    notes = f"{base}/conseils/{slug}/seances/{pid}/compte-rendu/notes"
    item = s.items[1].id
    _sign_in(page, base, s.facilitator)
    page.goto(notes)
    page.context.clear_cookies()  # the login expires while the page stays open
    page.locator(f"#note-{item}").fill("Texte tapé hors connexion")
    expect(page.locator("#notes-login")).to_be_visible(timeout=15_000)
    axe(page, context="notes with an expired login")

    _sign_in(page, base, s.facilitator)
    page.goto(notes)
    expect(page.locator(f"#note-{item}")).to_have_value("Texte tapé hors connexion")
    expect(page.locator(f"#note-{item}-status")).to_have_text(SAVED, timeout=15_000)
    app_db.expire_all()
    note = app_db.scalar(select(MinutesNote).where(MinutesNote.agenda_item_id == item))
    assert note.body == "Texte tapé hors connexion"
