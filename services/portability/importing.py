"""Import: an exported document checked whole, then added to an account in one transaction."""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models import (
    Application,
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
from services.fields import MAX_LINKS, identifier, moment, text
from services.portability.document import (
    APPLICATION,
    CONTACT,
    DRAFT,
    FORMAT,
    INTERVIEW,
    LIMITS,
    MAX_FILE_BYTES,
    POINT,
    PROFILE,
    RECORD_KEYS,
    REQUIRED,
    VERSION,
    VERSION_FIELDS,
    ImportRefused,
    checked,
)

log = logging.getLogger("afterword.account")


@dataclass(frozen=True)
class ImportSummary:
    applications: int
    interviews: int
    contacts: int
    talking_points: int
    drafts: int
    versions: int


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
            checked("exported_at", moment, document["exported_at"])
        profile = {}
        if "profile" in document:
            raw = _object(document["profile"], "profile", {"email", *PROFILE})
            if "email" in raw:
                checked("profile.email", text(254), raw["email"])
            profile = {
                n: checked(f"profile.{n}", rule, raw[n]) for n, rule in PROFILE.items() if n in raw
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
        raw = _object(value, path, {*RECORD_KEYS, *rules, *extra}, REQUIRED[kind])
        fields = {
            name: checked(f"{path}.{name}", rule, raw[name])
            for name, rule in rules.items()
            if name in raw
        }
        doc_id = checked(f"{path}.id", identifier, raw["id"])
        if doc_id in self.new_ids[kind]:
            raise ImportRefused(f"{path}.id appears twice in the file.")
        fields["id"] = self.new_ids[kind][doc_id] = new_id()
        fields.update(self._times(raw, path))
        conflict_of = raw.get("conflict_of")
        if conflict_of is not None:
            conflict_of = checked(f"{path}.conflict_of", identifier, conflict_of)
            if conflict_of == doc_id:
                raise ImportRefused(f"{path}.conflict_of names the record itself.")
        return raw, fields, conflict_of, doc_id

    def _times(self, raw: dict, path: str) -> dict:
        # Missing times follow the document's order, so the imported order is the file's.
        self.ticks += 1
        default = self.clock + timedelta(microseconds=self.ticks)
        created = (
            checked(f"{path}.created_at", moment, raw["created_at"])
            if "created_at" in raw
            else default
        )
        updated = (
            checked(f"{path}.updated_at", moment, raw["updated_at"])
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
            doc_id = checked(f"{path}.interview_ids[{i}]", identifier, item)
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
                doc_id = checked(f"{item_path}.interview_id", identifier, interview_id)
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
        fields = {n: checked(f"{path}.{n}", rule, raw[n]) for n, rule in DRAFT.items() if n in raw}
        fields["id"] = new_id()
        fields["created_at"] = self._times(raw, path)["created_at"]
        versions, numbers = [], set()
        for i, item in enumerate(self._list(raw.get("versions", []), f"{path}.versions")):
            item_path = f"{path}.versions[{i}]"
            version_raw = _object(
                item, item_path, {*VERSION_FIELDS, "created_at"}, REQUIRED["version"]
            )
            version = {
                n: checked(f"{item_path}.{n}", rule, version_raw[n])
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
