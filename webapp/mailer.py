"""The app's mailer: SMTP when `COCON_MAIL_SERVER` is set, else the instance's outbox."""

from __future__ import annotations

from pathlib import Path

from flask import current_app

from cocon.mail import FolderMailer, Mail, SMTPMailer


def init_app(app) -> None:
    """Choose the mailer once, from the configuration."""
    if app.config.get("MAIL_SERVER"):
        app.extensions["cocon_mailer"] = SMTPMailer(
            app.config["MAIL_SERVER"], int(app.config["MAIL_PORT"]), app.config["MAIL_SENDER"],
            app.config.get("MAIL_USERNAME"), app.config.get("MAIL_PASSWORD"),
            bool(app.config.get("MAIL_USE_TLS")))
    else:
        app.extensions["cocon_mailer"] = FolderMailer(Path(app.instance_path) / "outbox",
                                                      app.config["MAIL_SENDER"])


def send_mail(mail: Mail) -> None:
    """Send a message; failures are logged, never shown as a 500 to the person acting."""
    try:
        current_app.extensions["cocon_mailer"].send(mail)
    except OSError:
        current_app.logger.exception("could not send mail to %s", mail.to)
