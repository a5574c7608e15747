import pytest

from cocon.errors import ConfigurationError, InvalidInput
from cocon.validation import clean_email, clean_text, slugify
from webapp.config import instance_secret_key, load_config


def test_text_is_trimmed_normalised_and_stripped_of_control_characters():
    assert clean_text("  Atelier\x00  alimentation ", field="title", max_length=50) == \
        "Atelier alimentation"


def test_overlong_text_is_refused_with_the_field_named():
    with pytest.raises(InvalidInput) as info:
        clean_text("x" * 201, field="title", max_length=200)
    assert info.value.params == {"field": "title", "n": 200}


def test_non_text_is_refused():
    with pytest.raises(InvalidInput):
        clean_text(["a"], field="title", max_length=10)


def test_email_is_normalised_to_lower_case():
    assert clean_email(" Camille.Roth@Example.ORG ") == "camille.roth@example.org"


@pytest.mark.parametrize("bad", ["", "pas-une-adresse", "a@", "@b.fr", "a b@c.fr"])
def test_bad_emails_are_refused(bad):
    with pytest.raises(InvalidInput):
        clean_email(bad)


def test_slug_folds_accents():
    assert slugify("Conseil de l'ESS — Eurométropole") == "conseil-de-l-ess-eurometropole"


def test_defaults_use_sqlite_in_the_instance_folder(tmp_path):
    config = load_config({"COCON_INSTANCE_PATH": str(tmp_path)})
    assert config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'cocon.sqlite3'}"
    assert config["INDEX_DIR"] == str(tmp_path / "index")


def test_platform_database_url_is_converted_for_psycopg():
    config = load_config({"DATABASE_URL": "postgres://u:p@h/db"})
    assert config["DATABASE_URL"] == "postgresql+psycopg://u:p@h/db"


def test_a_bad_value_names_the_variable():
    with pytest.raises(ConfigurationError, match="COCON_MAIL_PORT"):
        load_config({"COCON_MAIL_PORT": "vingt"})


def test_unknown_default_locale_is_refused():
    with pytest.raises(ConfigurationError):
        load_config({"COCON_DEFAULT_LOCALE": "de"})


def test_secret_key_is_generated_once_and_kept(tmp_path):
    first = instance_secret_key(tmp_path)
    assert len(first) == 64
    assert instance_secret_key(tmp_path) == first
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_with_redis_every_process_shares_the_message_queue_and_the_rate_limits():
    config = load_config({"COCON_REDIS_URL": "redis://cache:6379/2"})
    assert config["SOCKETIO_MESSAGE_QUEUE"] == "redis://cache:6379/2"
    assert config["RATELIMIT_STORAGE_URI"] == "redis://cache:6379/2"


def test_without_redis_rate_limits_stay_in_the_process():
    assert load_config({})["RATELIMIT_STORAGE_URI"] == "memory://"
    explicit = load_config({"COCON_REDIS_URL": "redis://a/1",
                            "COCON_RATELIMIT_STORAGE_URI": "redis://b/4"})
    assert explicit["RATELIMIT_STORAGE_URI"] == "redis://b/4"
