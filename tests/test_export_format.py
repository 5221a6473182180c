"""docs/export-format.md stays true: its tables list exactly the keys an export writes."""

import json
import re

from tests.conftest import ROOT

DOC = ROOT / "docs" / "export-format.md"

# The doc's table for each kind of object, by the start of its heading.
SECTIONS = {
    "top": "### Top level",
    "profile": "### `profile`",
    "application": "### Application",
    "interview": "### Interview",
    "contact": "### Person",
    "talking_point": "### Talking point",
    "draft": "### Draft (",
    "version": "### Draft version",
}


def documented_keys() -> dict[str, set[str]]:
    """The keys in the first column of each section's table."""
    keys: dict[str, set[str]] = {}
    current = None
    for line in DOC.read_text().splitlines():
        if line.startswith("#"):
            current = next((k for k, h in SECTIONS.items() if line.startswith(h)), None)
        elif current and (match := re.match(r"\| `([a-z_]+)` \|", line)):
            keys.setdefault(current, set()).add(match.group(1))
    return keys


def exported_keys(document: dict) -> dict[str, set[str]]:
    """Every key that occurs on each kind of object of an export."""
    keys: dict[str, set[str]] = {"top": set(document), "profile": set(document["profile"])}

    def add(kind: str, items: list) -> None:
        for item in items:
            keys.setdefault(kind, set()).update(item)

    for application in document["applications"]:
        add("application", [application])
        add("interview", application["interviews"])
        add("contact", application["contacts"])
        for contact in application["contacts"]:
            add("talking_point", contact["talking_points"])
            add("draft", contact["drafts"])
            for draft in contact["drafts"]:
                add("version", draft["versions"])
    return keys


def test_the_doc_lists_exactly_the_keys_an_export_writes(client, panel):
    response = client.get("/account/export.json")
    assert response.status_code == 200
    exported = exported_keys(json.loads(response.data))
    # Every kind of object is in this export, so none of its keys can go unchecked.
    assert set(exported) == set(SECTIONS)
    documented = documented_keys()
    for kind in SECTIONS:
        missing = exported[kind] - documented.get(kind, set())
        stale = documented.get(kind, set()) - exported[kind]
        assert not missing, f"{kind}: exported but not in docs/export-format.md: {missing}"
        assert not stale, f"{kind}: in docs/export-format.md but not exported: {stale}"
