"""The draft corpus: messy phone jots from real-looking panels, and the drafts composed for them.

tests/corpus/panels.json holds the panels (the sync API's seed shape plus "fit" lines and a
"profile"); tests/golden/<panel>.txt holds every person's jots followed by every draft composed
for them. tests/test_golden_drafts.py fails when a draft changes; when the change is intended,
regenerate and review the diff:

    make golden            # or: .venv/bin/python tests/golden_drafts.py --write
    git diff tests/golden/
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from services.composer import Job, Person, Point, Profile, compose_panel  # noqa: E402
from services.composer.channels import get as channel  # noqa: E402

CORPUS = ROOT / "corpus" / "panels.json"
# The thank-you notes; LinkedIn notes and follow-ups are checked in tests/test_after_first_note.py.
CHANNELS = ("email", "wrapup", "card")
GOLDEN = ROOT / "golden"


def load_panels(path: Path = CORPUS) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def slug(panel: dict) -> str:
    return re.sub(r"[^a-z0-9]+", "-", panel["company"].lower()).strip("-")


def panel_inputs(panel: dict) -> tuple[Job, list[Person], Profile]:
    job = Job(panel["company"], panel["role"], tuple(panel.get("fit", ())))
    people = [
        Person(
            id=f"p{i}",
            name=p["name"],
            role=p["role"],
            title=p.get("title", ""),
            email=p.get("email", ""),
            points=tuple(Point(k, t, id=f"p{i}.{j}") for j, (k, t) in enumerate(p["points"])),
            greeting_style=p.get("greeting_style", ""),
        )
        for i, p in enumerate(panel["people"])
    ]
    profile = Profile(**panel.get("profile", {"name": "Sam Carter"}))
    return job, people, profile


def render(panel: dict) -> str:
    """The panel as a reviewer reads it: each person's jots, then every draft for them."""
    job, people, profile = panel_inputs(panel)
    drafts = compose_panel(job, people, profile)
    lines = [
        f"PANEL: {job.company}, {job.role}",
        f"Candidate: {profile.name} (tone: {profile.tone}, greeting: {profile.greeting_style})",
        "Why I fit: " + ("; ".join(job.fit_points) or "(none given)"),
        "",
    ]
    for person in people:
        email = person.email or "no email address"
        lines.append(f"=== {person.name} ({person.role}, {person.title}; {email})")
        lines.append("Jots:")
        for point in person.points:
            lines.append(f"  [{point.kind}] {point.body}")
        if not person.points:
            lines.append("  (none)")
        for draft in (d for d in drafts if d.contact_id == person.id and d.channel in CHANNELS):
            lines.append("")
            lines.append(f"--- {channel(draft.channel).label}")
            if draft.subject:
                lines.append(f"Subject: {draft.subject}")
            if draft.flagged:
                flagged = [p for p in person.points if p.id in draft.flagged]
                for point in flagged:
                    lines.append(f"(flagged for the user, left out: [{point.kind}] {point.body})")
            lines.append(draft.body)
        lines.append("")
    return "\n".join(lines) + "\n"


def write_all(panels: list[dict], directory: Path = GOLDEN) -> list[Path]:
    directory.mkdir(exist_ok=True)
    written = []
    for panel in panels:
        path = directory / f"{slug(panel)}.txt"
        path.write_text(render(panel), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    panels = load_panels()
    if "--write" in argv:
        for path in write_all(panels):
            print(path.relative_to(ROOT.parent))
        return 0
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else None
    text = "\n".join(render(panel) for panel in panels)
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
