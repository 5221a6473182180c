"""The server's reading of one "Name, Role" line, held to the cases the offline island's reader
(static/js/offline/person.js, run by tests/js/name_role.test.mjs) is held to as well."""

import json
import re
from dataclasses import asdict
from pathlib import Path

import pytest

from services.schedule import parse_person

VECTORS = json.loads((Path(__file__).parent / "vectors" / "name_role.json").read_text())


def test_there_are_cases_to_run():
    assert len(VECTORS) >= 30
    assert any(v["person"] is None for v in VECTORS)


@pytest.mark.parametrize("vector", VECTORS, ids=[v["text"] or "(empty)" for v in VECTORS])
def test_a_name_role_line_reads_as_the_shared_vectors_say(vector):
    person = parse_person(vector["text"])

    assert (asdict(person) if person else None) == vector["person"]


def test_the_island_reads_names_to_the_servers_length():
    from models import NAME_MAX

    source = (Path(__file__).parents[1] / "static/js/offline/person.js").read_text()
    mirrored = re.search(r"export const NAME_MAX = (\d+);", source)
    assert mirrored and int(mirrored.group(1)) == NAME_MAX, "person.js must mirror models.NAME_MAX"
