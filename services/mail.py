"""Handing a finished email to the user's mail program: a mailto: link and an .eml file."""

from email.message import EmailMessage
from email.utils import formataddr, formatdate
from urllib.parse import quote


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
