"""`cocon import-organisations COUNCIL_SLUG FILE` prints the report and imports the valid rows."""

from click.testing import CliRunner
from sqlalchemy import select

from cocon.organisations.models import Organisation
from webapp.commands.organisations import import_organisations_command


def test_the_command_imports_and_prints_the_report(app, app_db, database_url, make_user,
                                                   make_council, tmp_path):
    council = make_council(make_user(admin=True))
    extract = tmp_path / "extrait.csv"
    extract.write_bytes("nom,forme_juridique,commune\nCAE Rhénane,CAE,Strasbourg\n"
                        "Sans forme,SARL,Strasbourg\n".encode("cp1252"))
    env = {"COCON_DATABASE_URL": database_url, "COCON_INSTANCE_PATH": str(tmp_path / "i"),
           "COCON_SECRET_KEY": "x"}
    result = CliRunner().invoke(import_organisations_command, [council.slug, str(extract)],
                                env=env)
    assert result.exit_code == 0, result.output
    assert "1 organisations imported, 1 rows rejected" in result.output
    assert "line 3: rejected: Unknown legal form: SARL." in result.output
    assert app_db.scalar(select(Organisation.name)) == "CAE Rhénane"


def test_the_command_refuses_a_broken_file_on_stderr(app, database_url, make_user, make_council,
                                                     tmp_path):
    council = make_council(make_user(admin=True))
    extract = tmp_path / "extrait.csv"
    extract.write_bytes("nom|forme|commune\n".encode())
    env = {"COCON_DATABASE_URL": database_url, "COCON_INSTANCE_PATH": str(tmp_path / "i"),
           "COCON_SECRET_KEY": "x"}
    result = CliRunner().invoke(import_organisations_command, [council.slug, str(extract)],
                                env=env)
    assert result.exit_code == 2 and "semicolon" in result.output
