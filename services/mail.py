"""Email: handing a finished note to the user's mail program (a mailto: link, an .eml file),
and the few messages the app sends itself (password reset) through MAIL_URL's SMTP server."""

import logging
import smtplib
import ssl
import threading
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from urllib.parse import parse_qs, quote, unquote, urlsplit

log = logging.getLogger("afterword.mail")


def mailto_link(to: str, subject: str, body: str) -> str:
    """A mailto: URL that opens the phone's mail app with everything filled in (RFC 6068)."""
    # Mail clients expect CRLF line breaks in the body, percent-encoded.
    encoded_body = quote(body.replace("\r\n", "\n").replace("\n", "\r\n"), safe="")
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject, safe='')}&body={encoded_body}"


def eml_bytes(
    *, sender_name: str, sender_email: str, to_name: str, to_email: str, subject: str, body: str
) -> bytes:
    """An unsent message file most mail programs open as a draft."""
    message = EmailMessage()
    message["From"] = formataddr((_one_line(sender_name), sender_email))
    if to_email:
        message["To"] = formataddr((_one_line(to_name), to_email))
    message["Subject"] = _one_line(subject)
    message["Date"] = formatdate(localtime=False)
    # Thunderbird and Outlook open a file with this header as an editable draft.
    message["X-Unsent"] = "1"
    message.set_content(body)
    return message.as_bytes()


def _one_line(value: str) -> str:
    """Header values are one line: a stray line break would otherwise refuse the whole file."""
    return " ".join(value.split())


class MailNotConfigured(Exception):
    """No MAIL_URL: the app cannot send email itself."""


@dataclass(frozen=True)
class MailServer:
    """Where outgoing mail goes, read from MAIL_URL.

    smtp://user:pass@host:587 speaks plain SMTP and upgrades with STARTTLS when the server
    offers it (`?starttls=required` refuses a server that does not); smtps://host:465 is TLS
    from the first byte.
    """

    host: str
    port: int
    tls: bool
    starttls: str  # "auto" | "required" | "never"
    username: str
    password: str

    @classmethod
    def from_url(cls, url: str) -> "MailServer":
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("MAIL_URL must look like smtp://user:pass@host:587 or smtps://...")
        query = parse_qs(parts.query)
        starttls = query.get("starttls", ["auto"])[0]
        if starttls not in ("auto", "required", "never"):
            raise ValueError("MAIL_URL's starttls must be auto, required or never.")
        tls = parts.scheme == "smtps"
        return cls(
            host=parts.hostname,
            port=parts.port or (465 if tls else 587),
            tls=tls,
            starttls=starttls,
            username=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
        )


def message(*, sender: str, to: str, subject: str, body: str) -> EmailMessage:
    """A plain-text message to one address (headers are one line each)."""
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = to
    mail["Subject"] = _one_line(subject)
    mail["Date"] = formatdate(localtime=False)
    mail["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2].strip("> ") or None)
    mail.set_content(body)
    return mail


def send(server: MailServer, mail: EmailMessage, timeout: float = 20.0) -> None:
    """Hand one message to the SMTP server; raises smtplib/OSError errors as they come."""
    context = ssl.create_default_context()
    if server.tls:
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            server.host, server.port, timeout=timeout, context=context
        )
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=timeout)
    with client:
        client.ehlo()
        if not server.tls and server.starttls != "never":
            if client.has_extn("starttls"):
                client.starttls(context=context)
                client.ehlo()
            elif server.starttls == "required":
                raise smtplib.SMTPNotSupportedError("The mail server does not offer STARTTLS.")
        if server.username:
            client.login(server.username, server.password)
        client.send_message(mail)


def send_later(server: MailServer, mail: EmailMessage) -> threading.Thread:
    """Send in the background: the answer to the request does not wait for the mail server,
    so it takes as long whether or not a message was sent (nothing to learn from timing)."""

    def run() -> None:
        try:
            send(server, mail)
        except (smtplib.SMTPException, OSError) as error:
            log.error("mail not sent subject=%r error=%s", mail["Subject"], error)
        else:
            log.info("mail sent subject=%r", mail["Subject"])

    thread = threading.Thread(target=run, name="afterword-mail", daemon=True)
    thread.start()
    return thread
