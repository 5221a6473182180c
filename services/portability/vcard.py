"""vCard: the people met for an application, for the phone's address book."""

from __future__ import annotations

import re

from models import CONTACT_ROLES, Application, Contact


def _vcard_escape(value: str) -> str:
    """A text value per RFC 6350 3.4: backslash, comma, semicolon and newline escaped."""
    value = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", value.replace("\r\n", "\n"))
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets folded (RFC 6350 3.2), never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _vcard(contact: Contact, application: Application) -> list[str]:
    words = contact.name.split()
    family, given = (words[-1], " ".join(words[:-1])) if len(words) > 1 else ("", contact.name)
    role = CONTACT_ROLES.get(contact.role, contact.role)
    note = f"{role}, met for the {application.role} application at {application.company}."
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:urn:uuid:{contact.id}",
        f"FN:{_vcard_escape(contact.name)}",
        f"N:{_vcard_escape(family)};{_vcard_escape(given)};;;",
        f"ORG:{_vcard_escape(application.company)}",
    ]
    if contact.title:
        lines.append(f"TITLE:{_vcard_escape(contact.title)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_vcard_escape(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_escape(contact.phone)}")
    if contact.linkedin_url:
        lines.append(f"URL;TYPE=LinkedIn:{_vcard_escape(contact.linkedin_url)}")
    if contact.postal_address.strip():
        # The address is free text: all of it is the street component, and the label.
        address = _vcard_escape(contact.postal_address.strip())
        lines.append(f"ADR;TYPE=WORK:;;{address};;;;")
        lines.append(f"LABEL;TYPE=WORK:{address}")
    lines += [f"NOTE:{_vcard_escape(note)}", "END:VCARD"]
    return [_fold(line) for line in lines]


def vcards(application: Application) -> str:
    """The application's people as vCard 3.0, one card each (conflict copies left out)."""
    live = [c for c in application.contacts if c.deleted_at is None]
    ids = {c.id for c in live}
    people = [c for c in live if c.conflict_of not in ids]
    return "".join(line + "\r\n" for c in people for line in _vcard(c, application))
