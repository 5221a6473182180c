"""requirements.lock (what `make` installs, hash-checked) is current with pyproject.toml: it
pins every dependency the project asks for, at a version the project accepts, with hashes,
and nothing the project no longer asks for. `make lock` rewrites it."""

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT


def _asked() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    return {canonicalize_name(r.name): r for r in map(Requirement, wanted)}


def _locked() -> dict[str, tuple[str, list[str], str]]:
    """name: (version, hashes, the "# via" lines) for each entry of the lock."""
    text = (ROOT / "requirements.lock").read_text()
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        first = re.match(r"([A-Za-z0-9_.-]+)==(\S+)", block)
        if first:
            hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", block)
            via = " ".join(re.findall(r"#\s+(?:via\s+)?(.+)", block))
            entries[canonicalize_name(first.group(1))] = (first.group(2), hashes, via)
    return entries


def test_the_lock_pins_everything_pyproject_asks_for():
    locked = _locked()
    for name, requirement in _asked().items():
        assert name in locked, f"{name} is in pyproject.toml but not in the lock: run make lock"
        version = locked[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"the lock pins {name}=={version}, outside {requirement.specifier}: run make lock"
        )
        for extra in requirement.extras:  # psycopg[binary] needs psycopg-binary pinned too.
            assert canonicalize_name(f"{name}-{extra}") in locked, f"{name}[{extra}]"


def test_every_pin_has_a_hash_and_nothing_is_left_over():
    asked = _asked()
    for name, (version, hashes, via) in _locked().items():
        assert hashes, f"{name}=={version} has no hash"
        if "afterword (pyproject.toml)" in via:
            assert name in asked, f"{name} is no longer in pyproject.toml: run make lock"


def test_the_makefile_installs_from_the_lock_with_hashes():
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes --no-deps -r requirements.lock" in makefile
