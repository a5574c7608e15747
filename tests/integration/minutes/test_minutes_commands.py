"""`cocon export-minutes` and `cocon verify-minutes`, end to end on the test database."""

from __future__ import annotations

from datetime import timedelta

from click.testing import CliRunner
from minutes_session import NOW
from docx import Document

from cocon.minutes.services import (approve_minutes, get_or_create_minutes, lock_minutes,
                                    submit_minutes)
from webapp.commands.minutes import export_minutes_command, verify_minutes


def _env(database_url, tmp_path):
    return {"COCON_DATABASE_URL": database_url, "COCON_INSTANCE_PATH": str(tmp_path),
            "COCON_SECRET_KEY": "test"}


def _lock(db, s):
    later = NOW + timedelta(days=1)
    minutes = get_or_create_minutes(db, plenary=s.plenary, now=NOW)
    submit_minutes(db, minutes=minutes, comments_until=later, actor=s.facilitator, now=NOW)
    approve_minutes(db, minutes=minutes, actor=s.facilitator, now=later)
    lock_minutes(db, minutes=minutes, actor=s.facilitator, now=later)
    db.commit()


def test_export_writes_the_default_file_name_and_prints_its_path(db, met_session, database_url,
                                                                 tmp_path, monkeypatch):
    db.commit()
    monkeypatch.chdir(tmp_path)
    session = met_session.plenary.id
    result = CliRunner().invoke(export_minutes_command, [str(session), "--format", "docx"],
                                env=_env(database_url, tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"minutes-{session}.docx"
    text = "\n".join(p.text for p in Document(tmp_path / f"minutes-{session}.docx").paragraphs)
    assert "Séance d'automne" in text


def test_export_then_verify_a_locked_compte_rendu(db, met_session, database_url, tmp_path):
    _lock(db, met_session)
    env = _env(database_url, tmp_path)
    for fmt in ("odt", "pdf", "md"):
        out = tmp_path / f"cr.{fmt}"
        result = CliRunner().invoke(export_minutes_command, [str(met_session.plenary.id),
                                                            "--format", fmt, "--output", str(out)],
                                    env=env)
        assert result.exit_code == 0 and result.output.strip() == str(out)
        check = CliRunner().invoke(verify_minutes, [str(out)], env=env)
        assert check.exit_code == 0, check.output
        assert check.output.startswith("OK:") and "byte-for-byte" in check.output
    tampered = tmp_path / "tampered.md"
    tampered.write_bytes((tmp_path / "cr.md").read_bytes().replace(b"Mairie", b"Maison"))
    check = CliRunner().invoke(verify_minutes, [str(tampered)], env=env)
    assert check.exit_code == 1 and "text differs" in check.stderr


def test_errors_go_to_stderr_with_a_non_zero_exit(db, met_session, database_url, tmp_path):
    db.commit()
    env = _env(database_url, tmp_path)
    missing = CliRunner().invoke(export_minutes_command, ["999999", "--format", "md"], env=env)
    assert missing.exit_code == 1 and "No session with id 999999" in missing.stderr
    assert missing.stdout == ""
    bad = CliRunner().invoke(export_minutes_command, ["1", "--format", "rtf"], env=env)
    assert bad.exit_code != 0
    junk = tmp_path / "junk.odt"
    junk.write_bytes(b"PK\x03\x04 broken")
    result = CliRunner().invoke(verify_minutes, [str(junk)], env=env)
    assert result.exit_code == 2 and result.stdout == ""
