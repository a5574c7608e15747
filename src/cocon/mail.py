"""Outgoing e-mail: through SMTP when configured, otherwise into a folder of .eml files."""

from __future__ import annotations

import smtplib
import uuid
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path


@dataclass
class Mail:
    """One message to send; attachments are (filename, mime type, bytes)."""

    to: str
    subject: str
    body: str
    attachments: list[tuple[str, str, bytes]] = field(default_factory=list)

    def to_message(self, sender: str) -> EmailMessage:
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = sender, self.to, self.subject
        message["Message-ID"] = f"<{uuid.uuid4()}@cocon>"
        message.set_content(self.body)
        for filename, mime, data in self.attachments:
            maintype, _, subtype = mime.partition("/")
            message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
        return message


class FolderMailer:
    """Writes each message to a folder, so nothing is lost without an SMTP server."""

    def __init__(self, folder: str | Path, sender: str) -> None:
        self.folder, self.sender = Path(folder), sender

    def send(self, mail: Mail) -> Path:
        """Write the message as an .eml file and return its path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{uuid.uuid4().hex}.eml"
        path.write_bytes(bytes(mail.to_message(self.sender)))
        return path

    def sent(self) -> list[Path]:
        """The messages written so far, oldest first."""
        if not self.folder.exists():
            return []
        return sorted(self.folder.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns)


class SMTPMailer:
    """Sends through an SMTP server with STARTTLS when asked."""

    def __init__(self, host: str, port: int, sender: str, username: str | None = None,
                 password: str | None = None, use_tls: bool = True) -> None:
        self.host, self.port, self.sender = host, port, sender
        self.username, self.password, self.use_tls = username, password, use_tls

    def send(self, mail: Mail) -> None:
        """Deliver one message."""
        with smtplib.SMTP(self.host, self.port, timeout=20) as smtp:
            if self.use_tls:
                smtp.starttls()
            if self.username:
                smtp.login(self.username, self.password or "")
            smtp.send_message(mail.to_message(self.sender))
