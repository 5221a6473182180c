"""The user's data is theirs: export it (JSON, vCard), import it, delete it, let it expire.

Every function takes the session and the user explicitly.

The export document (version 1) nests everything under its application::

    {"format": "afterword-export", "version": 1, "exported_at": "...Z",
     "profile": {email, name, signature, phone, ...},
     "applications": [{id, company, ..., closed_at, retention_days, created_at, updated_at,
                       "interviews": [{id, title, starts_at, ...}],
                       "contacts": [{id, name, ..., "interview_ids": [...],
                                     "talking_points": [{id, kind, body, interview_id, ...}],
                                     "drafts": [{channel, sent_at, written_at, posted_at,
                                                 "versions": [{number, source, ...}]}]}]}]}

Ids in the document only link its items to each other: an import gives every row a new id,
so importing twice, or into another account, never collides. Created and updated times are
kept, so an export of an imported document equals the original apart from ids, `exported_at`
and `profile.email` (an import never changes the account's email or password).

Deleted rows are not exported. A reference to a row that is not exported is dropped: a
point's interview that was deleted becomes no interview (as deleting an interview does), and
a conflict copy whose original was deleted is exported as an ordinary record, since it is
then the only version left and the draft composer should use it.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import available_timezones

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.orm import Session, selectinload

from models import (
    CONTACT_ROLES,
    DRAFT_CHANNELS,
    GREETINGS,
    LINKEDIN_LIMITS,
    PAPERS,
    TONES,
    Application,
    AppliedMutation,
    Contact,
    Draft,
    DraftVersion,
    Interview,
    TalkingPoint,
    User,
    interview_contacts,
    new_id,
    utcnow,
)
from services.capture import tombstone
from services.fields import (
    FIELDS,
    MAX_LINKS,
    FieldError,
    Rule,
    choice,
    identifier,
    link,
    moment,
    optional,
    text,
    whole,
)

log = logging.getLogger("afterword.account")

FORMAT = "afterword-export"
VERSION = 1
MAX_FILE_BYTES = 2 * 1024 * 1024
# Far above any real job search, far below what would hurt the server in one transaction.
LIMITS = {
    "applications": 200,
    "interviews": 2_000,
    "contacts": 2_000,
    "talking_points": 5_000,
    "drafts": 6_000,
    "versions": 20_000,
}
MAX_RETENTION_DAYS = 3650
DRAFT_SOURCES = ("generated", "edited", "restored")
DRAFT_BODY_MAX = 10_000
DETAILS = ("email", "phone", "linkedin_url", "postal_address")


class ImportRefused(Exception):
    """The document cannot be imported; `message` says where and why, in the user's words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ImportSummary:
    applications: int
    interviews: int
    contacts: int
    talking_points: int
    drafts: int
    versions: int


# --- Field rules: the shared ones (services/fields.py) and the import's own -------------


def _checked(path: str, rule: Rule, value: Any) -> Any:
    """The value as `rule` keeps it, or ImportRefused naming the path and the problem."""
    try:
        return rule(value)
    except FieldError as error:
        raise ImportRefused(f"{path} {error.plain}.") from None


def _timezone(value: Any) -> str:
    if not isinstance(value, str) or value not in available_timezones():
        raise FieldError("is not a time zone like Europe/Berlin")
    return value


def _linkedin_limit(value: Any) -> int:  # i13c
    if isinstance(value, bool) or not isinstance(value, int) or value not in LINKEDIN_LIMITS:
        raise FieldError(f"must be one of {', '.join(map(str, LINKEDIN_LIMITS))}")
    return value


PROFILE = {
    "name": text(120),
    "signature": text(200),
    "phone": text(40),
    "portfolio_url": link(500),
    "linkedin_url": link(500),
    "postal_address": text(500),
    "tone": choice(TONES),
    "greeting_style": choice(GREETINGS),
    "paper": choice(PAPERS),
    "timezone": _timezone,
    # i13c: the LinkedIn connection-note limit (300, or 200 on a free account).
    "linkedin_note_limit": _linkedin_limit,
}
APPLICATION = {
    **FIELDS["application"],
    "closed_at": optional(moment),
    "retention_days": optional(whole(0, MAX_RETENTION_DAYS)),
}
INTERVIEW = FIELDS["interview"]
CONTACT = FIELDS["contact"]
POINT = FIELDS["talking_point"]
DRAFT = {
    "channel": choice(DRAFT_CHANNELS),
    "sent_at": optional(moment),
    "written_at": optional(moment),
    "posted_at": optional(moment),
    # i13c: a LinkedIn note's "connected" mark.
    "connected_at": optional(moment),
}
VERSION_FIELDS = {
    "number": whole(1, 100_000),
    "source": choice(DRAFT_SOURCES),
    "subject": text(300),
    "body": text(DRAFT_BODY_MAX),
}
REQUIRED = {
    "application": ("id", "company", "role"),
    "interview": ("id",),
    "contact": ("id", "name"),
    "talking_point": ("id", "body"),
    "draft": ("channel",),
    "version": ("number", "source"),
}
# The keys of a syncable record that are not its fields.
_RECORD = ("id", "conflict_of", "created_at", "updated_at")


# --- Export ------------------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat() + "Z"


def _plain(obj, names: Iterable[str]) -> dict:
    out = {}
    for name in names:
        value = getattr(obj, name)
        out[name] = _iso(value) if isinstance(value, datetime) else value
    return out


def _live(session: Session, model, user_id: int) -> list:
    return list(
        session.scalars(select(model).where(model.user_id == user_id, model.deleted_at.is_(None)))
    )


def _interview_order(i: Interview):
    return (i.starts_at is None, i.starts_at or datetime.min, i.created_at, i.title, i.id)


def export_account(session: Session, user: User, now: datetime) -> dict:
    """The whole account as one JSON-ready document, in a stable order."""
    applications = sorted(
        _live(session, Application, user.id), key=lambda a: (a.created_at, a.company, a.id)
    )
    app_ids = {a.id for a in applications}
    interviews = defaultdict(list)
    for interview in sorted(_live(session, Interview, user.id), key=_interview_order):
        if interview.application_id in app_ids:
            interviews[interview.application_id].append(interview)
    contacts = defaultdict(list)
    for contact in sorted(
        _live(session, Contact, user.id), key=lambda c: (c.created_at, c.name, c.id)
    ):
        if contact.application_id in app_ids:
            contacts[contact.application_id].append(contact)
    exported = {
        "application": app_ids,
        "interview": {i.id for items in interviews.values() for i in items},
        "contact": {c.id for items in contacts.values() for c in items},
    }
    interview_app = {i.id: i.application_id for items in interviews.values() for i in items}
    contact_app = {c.id: c.application_id for items in contacts.values() for c in items}
    points = defaultdict(list)
    for point in sorted(
        _live(session, TalkingPoint, user.id), key=lambda p: (p.created_at, p.body, p.id)
    ):
        if point.contact_id in contact_app:
            points[point.contact_id].append(point)
    exported["talking_point"] = {p.id for items in points.values() for p in items}
    links = defaultdict(set)
    for interview_id, contact_id in session.execute(
        select(interview_contacts.c.interview_id, interview_contacts.c.contact_id)
        .join(Contact, Contact.id == interview_contacts.c.contact_id)
        .where(Contact.user_id == user.id)
    ):
        if interview_app.get(interview_id) == contact_app.get(contact_id):
            links[contact_id].add(interview_id)
    drafts = defaultdict(list)
    for draft in session.scalars(
        select(Draft).where(Draft.user_id == user.id).options(selectinload(Draft.versions))
    ):
        if draft.contact_id in contact_app:
            drafts[draft.contact_id].append(draft)

    def record(obj, kind: str, fields: dict) -> dict:
        out = {"id": obj.id, **_plain(obj, fields)}
        out["conflict_of"] = obj.conflict_of if obj.conflict_of in exported[kind] else None
        out.update(created_at=_iso(obj.created_at), updated_at=_iso(obj.updated_at))
        return out

    def point_of(point: TalkingPoint, application_id: str) -> dict:
        out = record(point, "talking_point", POINT)
        same = interview_app.get(point.interview_id) == application_id
        out["interview_id"] = point.interview_id if same else None
        return out

    def draft_of(draft: Draft) -> dict:
        versions = [
            {**_plain(v, VERSION_FIELDS), "created_at": _iso(v.created_at)} for v in draft.versions
        ]
        return {**_plain(draft, DRAFT), "created_at": _iso(draft.created_at), "versions": versions}

    def contact_of(contact: Contact, application_id: str) -> dict:
        out = record(contact, "contact", CONTACT)
        out["interview_ids"] = [
            i.id for i in interviews[application_id] if i.id in links[contact.id]
        ]
        out["talking_points"] = [point_of(p, application_id) for p in points[contact.id]]
        out["drafts"] = [
            draft_of(d)
            for d in sorted(drafts[contact.id], key=lambda d: DRAFT_CHANNELS.index(d.channel))
        ]
        return out

    def application_of(application: Application) -> dict:
        out = record(application, "application", APPLICATION)
        out["interviews"] = [record(i, "interview", INTERVIEW) for i in interviews[application.id]]
        out["contacts"] = [contact_of(c, application.id) for c in contacts[application.id]]
        return out

    document = {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _iso(now),
        "profile": {"email": user.email, **_plain(user, PROFILE)},
        "applications": [application_of(a) for a in applications],
    }
    log.info(
        "export user=%s applications=%d contacts=%d points=%d",
        user.id,
        len(applications),
        len(exported["contact"]),
        len(exported["talking_point"]),
    )
    return document


# --- vCard -------------------------------------------------------------------------------


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


# --- Import ------------------------------------------------------------------------------


def read_document(raw: bytes) -> dict:
    """The JSON object in an uploaded file, or ImportRefused saying why it is not one."""
    if len(raw) > MAX_FILE_BYTES:
        raise ImportRefused(
            f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB: "
            "an Afterword export is much smaller."
        )
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused("The file is not text: choose the .json file you exported.") from None
    try:
        document = json.loads(decoded, parse_constant=_no_constant)
    except RecursionError:
        raise ImportRefused("The file is nested too deeply to be an Afterword export.") from None
    except ValueError as error:
        line = f" (line {error.lineno}, column {error.colno})" if hasattr(error, "lineno") else ""
        raise ImportRefused(f"The file is not valid JSON{line}.") from None
    if not isinstance(document, dict):
        raise ImportRefused("The file is not an Afterword export: it is not a JSON object.")
    return document


def _no_constant(name: str):
    raise ValueError(f"{name} is not allowed")


@dataclass
class _Row:
    """A validated record: its model, its columns, and (for now) the document's references."""

    model: type
    fields: dict
    doc_conflict_of: str | None = None
    path: str = ""


class _Reader:
    """Checks the whole document and turns it into rows with new ids, before any write."""

    def __init__(self, clock: datetime):
        self.clock = clock
        self.ticks = 0
        self.counts: dict[str, int] = defaultdict(int)
        self.new_ids: dict[str, dict[str, str]] = defaultdict(dict)
        self.stages: list[list[_Row]] = [[], [], []]
        self.links: list[dict] = []
        self.versions = 0

    def read(self, document: dict) -> dict:
        _object(
            document, "The file", {"format", "version", "exported_at", "profile", "applications"}
        )
        if document.get("format") != FORMAT:
            raise ImportRefused(
                f'The file is not an Afterword export: its "format" is not "{FORMAT}".'
            )
        version = document.get("version")
        if version != VERSION or isinstance(version, bool):
            raise ImportRefused(
                f"The file is an export of version {_shown(version)}; "
                f"this Afterword reads version {VERSION}."
            )
        if document.get("exported_at") is not None:
            _checked("exported_at", moment, document["exported_at"])
        profile = {}
        if "profile" in document:
            raw = _object(document["profile"], "profile", {"email", *PROFILE})
            if "email" in raw:
                _checked("profile.email", text(254), raw["email"])
            profile = {
                n: _checked(f"profile.{n}", rule, raw[n]) for n, rule in PROFILE.items() if n in raw
            }
        if "applications" not in document:
            raise ImportRefused('The file has no "applications" list.')
        for i, item in enumerate(self._list(document["applications"], "applications")):
            self._application(item, f"applications[{i}]")
        for row in (row for stage in self.stages for row in stage):
            if row.doc_conflict_of is not None:
                row.fields["conflict_of"] = self._conflict(row)
        return profile

    def _list(self, value: Any, path: str) -> list:
        kind = path.rsplit(".", 1)[-1].split("[")[0]
        if not isinstance(value, list):
            raise ImportRefused(f"{path} must be a list.")
        self.counts[kind] += len(value)
        if self.counts[kind] > LIMITS[kind]:
            raise ImportRefused(
                f"The file has more than {LIMITS[kind]:,} {kind.replace('_', ' ')}; "
                "an import may hold at most that many."
            )
        return value

    def _record(self, kind: str, rules: dict, value: Any, path: str, extra: set) -> tuple:
        raw = _object(value, path, {*_RECORD, *rules, *extra}, REQUIRED[kind])
        fields = {
            name: _checked(f"{path}.{name}", rule, raw[name])
            for name, rule in rules.items()
            if name in raw
        }
        doc_id = _checked(f"{path}.id", identifier, raw["id"])
        if doc_id in self.new_ids[kind]:
            raise ImportRefused(f"{path}.id appears twice in the file.")
        fields["id"] = self.new_ids[kind][doc_id] = new_id()
        fields.update(self._times(raw, path))
        conflict_of = raw.get("conflict_of")
        if conflict_of is not None:
            conflict_of = _checked(f"{path}.conflict_of", identifier, conflict_of)
            if conflict_of == doc_id:
                raise ImportRefused(f"{path}.conflict_of names the record itself.")
        return raw, fields, conflict_of, doc_id

    def _times(self, raw: dict, path: str) -> dict:
        # Missing times follow the document's order, so the imported order is the file's.
        self.ticks += 1
        default = self.clock + timedelta(microseconds=self.ticks)
        created = (
            _checked(f"{path}.created_at", moment, raw["created_at"])
            if "created_at" in raw
            else default
        )
        updated = (
            _checked(f"{path}.updated_at", moment, raw["updated_at"])
            if "updated_at" in raw
            else created
        )
        return {"created_at": created, "updated_at": updated}

    def _application(self, value: Any, path: str) -> None:
        raw, fields, conflict, _ = self._record(
            "application", APPLICATION, value, path, {"interviews", "contacts"}
        )
        self.stages[0].append(_Row(Application, fields, conflict, path))
        interviews: dict[str, str] = {}
        for i, item in enumerate(self._list(raw.get("interviews", []), f"{path}.interviews")):
            item_path = f"{path}.interviews[{i}]"
            _, row, conflict, doc_id = self._record("interview", INTERVIEW, item, item_path, set())
            starts, ends = row.get("starts_at"), row.get("ends_at")
            if starts and ends and ends < starts:
                raise ImportRefused(f"{item_path}.ends_at is before its starts_at.")
            row["application_id"] = fields["id"]
            interviews[doc_id] = row["id"]
            self.stages[1].append(_Row(Interview, row, conflict, item_path))
        for i, item in enumerate(self._list(raw.get("contacts", []), f"{path}.contacts")):
            self._contact(item, f"{path}.contacts[{i}]", fields["id"], interviews)

    def _contact(self, value: Any, path: str, application_id: str, interviews: dict) -> None:
        extra = {"interview_ids", "talking_points", "drafts"}
        raw, fields, conflict, _ = self._record("contact", CONTACT, value, path, extra)
        fields["application_id"] = application_id
        self.stages[1].append(_Row(Contact, fields, conflict, path))
        ids = raw.get("interview_ids", [])
        if not isinstance(ids, list) or len(ids) > MAX_LINKS:
            raise ImportRefused(f"{path}.interview_ids must be a list of at most {MAX_LINKS} ids.")
        linked = set()
        for i, item in enumerate(ids):
            doc_id = _checked(f"{path}.interview_ids[{i}]", identifier, item)
            if doc_id not in interviews:
                raise ImportRefused(
                    f"{path}.interview_ids[{i}] is not an interview of this application "
                    "in the file."
                )
            if doc_id in linked:
                continue
            linked.add(doc_id)
            self.links.append({"interview_id": interviews[doc_id], "contact_id": fields["id"]})
        points = self._list(raw.get("talking_points", []), f"{path}.talking_points")
        for i, item in enumerate(points):
            item_path = f"{path}.talking_points[{i}]"
            point_raw, row, conflict, _ = self._record(
                "talking_point", POINT, item, item_path, {"interview_id"}
            )
            interview_id = point_raw.get("interview_id")
            if interview_id is not None:
                doc_id = _checked(f"{item_path}.interview_id", identifier, interview_id)
                if doc_id not in interviews:
                    raise ImportRefused(
                        f"{item_path}.interview_id is not an interview of this application "
                        "in the file."
                    )
                interview_id = interviews[doc_id]
            row.update(contact_id=fields["id"], interview_id=interview_id)
            self.stages[2].append(_Row(TalkingPoint, row, conflict, item_path))
        channels = set()
        for i, item in enumerate(self._list(raw.get("drafts", []), f"{path}.drafts")):
            draft = self._draft(item, f"{path}.drafts[{i}]")
            if draft["channel"] in channels:
                raise ImportRefused(f"{path}.drafts[{i}] is a second {draft['channel']} draft.")
            channels.add(draft["channel"])
            draft["contact_id"] = fields["id"]
            self.stages[2].append(_Row(Draft, draft))

    def _draft(self, value: Any, path: str) -> dict:
        raw = _object(value, path, {*DRAFT, "created_at", "versions"}, REQUIRED["draft"])
        fields = {n: _checked(f"{path}.{n}", rule, raw[n]) for n, rule in DRAFT.items() if n in raw}
        fields["id"] = new_id()
        fields["created_at"] = self._times(raw, path)["created_at"]
        versions, numbers = [], set()
        for i, item in enumerate(self._list(raw.get("versions", []), f"{path}.versions")):
            item_path = f"{path}.versions[{i}]"
            version_raw = _object(
                item, item_path, {*VERSION_FIELDS, "created_at"}, REQUIRED["version"]
            )
            version = {
                n: _checked(f"{item_path}.{n}", rule, version_raw[n])
                for n, rule in VERSION_FIELDS.items()
                if n in version_raw
            }
            if version["number"] in numbers:
                raise ImportRefused(f"{item_path}.number {version['number']} appears twice.")
            numbers.add(version["number"])
            version["created_at"] = self._times(version_raw, item_path)["created_at"]
            versions.append(DraftVersion(**version))
        fields["versions"] = sorted(versions, key=lambda v: v.number)
        return fields

    def _conflict(self, row: _Row) -> str:
        kind = {Application: "application", Interview: "interview", Contact: "contact"}.get(
            row.model, "talking_point"
        )
        if row.doc_conflict_of not in self.new_ids[kind]:
            raise ImportRefused(
                f"{row.path}.conflict_of is not the id of another {kind.replace('_', ' ')} "
                "in the file."
            )
        return self.new_ids[kind][row.doc_conflict_of]

    def summary(self) -> ImportSummary:
        return ImportSummary(**{kind: self.counts[kind] for kind in LIMITS})


def _object(value: Any, path: str, allowed: set, required: Sequence[str] = ()) -> dict:
    if not isinstance(value, dict):
        raise ImportRefused(f"{path} must be an object.")
    unknown = sorted(set(value) - allowed, key=str)
    if unknown:
        raise ImportRefused(f"{path} has a field we do not know: {_shown(unknown[0])}.")
    for name in required:
        if name not in value:
            raise ImportRefused(f"{path}.{name} is missing.")
    return value


def _shown(value: Any) -> str:
    quoted = json.dumps(value) if isinstance(value, (str, int, float)) else type(value).__name__
    return quoted if len(quoted) <= 40 else quoted[:37] + "..."


def import_file(session: Session, user: User, raw: bytes) -> ImportSummary:
    """Import an uploaded file: read_document, then import_account."""
    try:
        document = read_document(raw)
    except ImportRefused:
        log.info("import refused user=%s", user.id)
        raise
    return import_account(session, user, document)


# What an import does with an application the account already holds.
EXISTING_CHOICES = ("skip", "replace", "copy")


@dataclass(frozen=True)
class AlreadyHere:
    """An application of the file that the account already holds."""

    index: int  # in the file's "applications"
    existing: Application
    same_record: bool  # the very record (its id); otherwise the same company and role

    @property
    def label(self) -> str:
        return f"{self.existing.company} · {self.existing.role}"


@dataclass(frozen=True)
class Preview:
    """A file read and checked, before anything is written: what is in it, what is here."""

    document: dict
    applications: int
    already_here: list[AlreadyHere]


def preview_import(session: Session, user: User, raw: bytes) -> Preview:
    """Read and check a whole file without writing anything, or ImportRefused."""
    try:
        document = read_document(raw)
        reader = _Reader(utcnow())
        reader.read(document)
    except ImportRefused:
        log.info("import refused user=%s", user.id)
        raise
    found = already_here(session, user, document)
    return Preview(document, reader.summary().applications, found)


def already_here(session: Session, user: User, document: dict) -> list[AlreadyHere]:
    """The file's applications this account already holds, by id (its own export) or by the
    same company and role (an export of a copy). Call it on a document that was checked."""
    live = session.scalars(
        select(Application).where(Application.user_id == user.id, Application.is_live)
    ).all()
    by_id = {application.id: application for application in live}
    by_content = {_same_job(a.company, a.role): a for a in live}
    found = []
    for index, item in enumerate(document.get("applications") or []):
        existing = by_id.get(item.get("id"))
        if existing is not None:
            found.append(AlreadyHere(index, existing, same_record=True))
            continue
        existing = by_content.get(_same_job(item.get("company", ""), item.get("role", "")))
        if existing is not None:
            found.append(AlreadyHere(index, existing, same_record=False))
    return found


def _same_job(company: str, role: str) -> tuple[str, str]:
    return (" ".join(company.split()).casefold(), " ".join(role.split()).casefold())


def _without(document: dict, indexes: set[int]) -> dict:
    """The document without the applications at `indexes` (and conflict copies of them)."""
    applications = document["applications"]
    dropped = {applications[i].get("id") for i in indexes}
    kept = [
        item
        for i, item in enumerate(applications)
        if i not in indexes and item.get("conflict_of") not in dropped
    ]
    return {**document, "applications": kept}


def import_account(
    session: Session, user: User, document: dict, existing: str = "copy"
) -> ImportSummary:
    """Add everything in the document to the account, with new ids, in one transaction.

    The whole document is checked first; ImportRefused leaves the account unchanged.
    The profile in the file replaces the account's (its email and password never change).
    `existing` says what happens to applications the account already holds (already_here):
    "skip" leaves them out, "replace" deletes the account's (tombstones, as a delete does)
    and adds the file's, "copy" adds the file's beside them.
    """
    if existing not in EXISTING_CHOICES:
        raise ValueError(existing)
    reader = _Reader(utcnow())
    try:
        profile = reader.read(document)  # The whole file is checked, even what is skipped.
        found = already_here(session, user, document) if existing != "copy" else []
        if existing == "skip" and found:
            reader = _Reader(utcnow())
            profile = reader.read(_without(document, {item.index for item in found}))
    except ImportRefused:
        log.info("import refused user=%s", user.id)
        raise
    summary = reader.summary()
    try:
        with session.no_autoflush:
            if existing == "replace":
                now = utcnow()
                for item in found:
                    tombstone(item.existing, now)
            for name, value in profile.items():
                if getattr(user, name) != value:
                    setattr(user, name, value)
            # Parents are flushed before children: rows are linked by id, not by relationship,
            # so that adding a child never marks its parent as changed (and bumps its version).
            for number, stage in enumerate(reader.stages):
                session.add_all(row.model(user_id=user.id, **row.fields) for row in stage)
                session.flush()
                if number == 1 and reader.links:
                    session.execute(insert(interview_contacts), reader.links)
        session.commit()
    except Exception:
        session.rollback()
        raise
    log.info(
        "import user=%s existing=%s already_here=%d "
        "applications=%d interviews=%d contacts=%d points=%d drafts=%d versions=%d",
        user.id,
        existing,
        len(found),
        *(getattr(summary, kind) for kind in LIMITS),
    )
    return summary


# --- Deletion ----------------------------------------------------------------------------


def delete_account(session: Session, user: User) -> int:
    """Delete the user and every row of theirs, children first; the number of rows deleted.

    Explicit deletes rather than ON DELETE CASCADE: SQLite enforces foreign keys only when
    asked to, so a cascade cannot be relied on.
    """
    user_id = user.id
    drafts = select(Draft.id).where(Draft.user_id == user_id)
    interviews = select(Interview.id).where(Interview.user_id == user_id)
    contacts = select(Contact.id).where(Contact.user_id == user_id)
    statements = [
        delete(DraftVersion).where(DraftVersion.draft_id.in_(drafts)),
        delete(Draft).where(Draft.user_id == user_id),
        delete(TalkingPoint).where(TalkingPoint.user_id == user_id),
        delete(interview_contacts).where(
            or_(
                interview_contacts.c.interview_id.in_(interviews),
                interview_contacts.c.contact_id.in_(contacts),
            )
        ),
        delete(Contact).where(Contact.user_id == user_id),
        delete(Interview).where(Interview.user_id == user_id),
        delete(Application).where(Application.user_id == user_id),
        delete(AppliedMutation).where(AppliedMutation.user_id == user_id),
        delete(User).where(User.id == user_id),
    ]
    rows = 0
    try:
        for statement in statements:
            options = {"synchronize_session": False}
            rows += session.execute(statement, execution_options=options).rowcount
        session.expunge_all()
        session.commit()
    except Exception:
        session.rollback()
        raise
    log.info("account deleted user=%s rows=%d", user_id, rows)
    return rows


# --- Retention ---------------------------------------------------------------------------


def set_retention(
    session: Session,
    application: Application,
    *,
    closed: bool,
    retention_days: int | None,
    now: datetime,
) -> None:
    """Close (or reopen) an application and choose how long its people's details are kept."""
    closed_at = (application.closed_at or now) if closed else None
    if application.closed_at != closed_at:
        application.closed_at = closed_at
    if application.retention_days != retention_days:
        application.retention_days = retention_days
    session.commit()


def erase_after(application: Application) -> datetime | None:
    """When the contact details of the application's people are (or were) erased, if ever."""
    if application.closed_at is None or application.retention_days is None:
        return None
    return application.closed_at + timedelta(days=application.retention_days)


def erase_expired_contact_details(session: Session, now: datetime) -> int:
    """Blank the email, phone, LinkedIn and postal address of people whose time is up.

    Names, titles and notes stay, so the notes and drafts still say who they were about;
    what is erased is how to reach them. Deleted applications and people are included.
    Returns the number of people whose details were erased.
    """
    candidates = session.scalars(
        select(Application).where(
            Application.closed_at.is_not(None),
            Application.retention_days.is_not(None),
            Application.closed_at <= now,
        )
    )
    expired = [a.id for a in candidates if erase_after(a) <= now]
    erased = 0
    for start in range(0, len(expired), 500):
        contacts = session.scalars(
            select(Contact).where(
                Contact.application_id.in_(expired[start : start + 500]),
                or_(*(getattr(Contact, name) != "" for name in DETAILS)),
            )
        )
        for contact in contacts:
            for name in DETAILS:
                setattr(contact, name, "")
            erased += 1
    session.commit()
    log.info("retention erased contacts=%d applications=%d", erased, len(expired))
    return erased
