"""The field rules shared by sync and import: each keeps good values and refuses bad ones."""

from datetime import datetime

import pytest
from sqlalchemy import String

from models import SYNCABLE_MODELS
from services.fields import (
    FIELDS,
    FieldError,
    choice,
    email,
    flag,
    identifier,
    link,
    moment,
    optional,
    text,
    whole,
)


def refused(rule, value) -> FieldError:
    with pytest.raises(FieldError) as error:
        rule(value)
    return error.value


def test_text_keeps_text_up_to_its_limit():
    assert text(5)("héllo") == "héllo"
    assert text(5)("") == ""
    assert text(5)("🎉" * 5) == "🎉" * 5
    assert refused(text(5), "x" * 6).problem == "is longer than 5 characters"
    assert refused(text(2000), "x" * 2001).problem == "is longer than 2,000 characters"


def test_text_refuses_what_is_not_storable_text():
    error = refused(text(5), 42)
    assert (error.problem, error.plain) == ("must be a string", "must be text")
    assert refused(text(5), None).problem == "must be a string"
    assert refused(text(5), "a\x00b").problem == "contains characters that are not text"
    assert refused(text(5), "\ud800").problem == "contains characters that are not text"


def test_required_text_refuses_blank():
    assert text(5, required=True)(" a ") == " a "
    assert refused(text(5, required=True), "   ").problem == "must not be empty"


def test_link_keeps_only_web_addresses():
    rule = link(500)
    for good in ("", "https://example.com", "http://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM"):
        assert rule(good) == good
    for bad in (
        "javascript:alert(1)",
        "ftp://example.com",
        "https://",
        "example.com",
        "https:// x",
    ):
        assert "is not a web address" in refused(rule, bad).problem
    assert refused(link(20), "https://example.com/" + "x" * 10).problem.startswith("is longer")


def test_email_keeps_empty_or_an_address():
    assert email("") == ""
    assert email("dana@example.com") == "dana@example.com"
    for bad in (
        "dana",
        "dana@example",
        "da na@example.com",
        "@example.com",
        "a@b@example.com",
        'a,b"c@x.co',
        "a@x.co, b@y.co",
        "Dana <dana@x.co>",
        '"dana rivera"@x.co',
    ):
        assert "is not an email address" in refused(email, bad).problem
    assert refused(email, "a" * 250 + "@b.co").problem == "is longer than 254 characters"


def test_choice_keeps_its_choices_and_names_them():
    rule = choice({"topic": "Topic", "other": "Other"})
    assert rule("topic") == "topic"
    error = refused(rule, "gossip")
    assert error.problem == "must be one of topic, other; got 'gossip'"
    assert error.plain == "must be one of topic, other"
    assert refused(rule, ["topic"]).problem.endswith("got ['topic']")
    assert refused(rule, None).problem.endswith("got None")


def test_flag_keeps_only_booleans():
    assert flag(True) is True
    assert flag(False) is False
    for bad in ("yes", 1, 0, None):
        assert refused(flag, bad).problem == "must be true or false"


def test_whole_keeps_whole_numbers_in_range():
    rule = whole(0, 3650)
    assert rule(0) == 0
    assert rule(3650) == 3650
    for bad in (-1, 3651, 1.0, "7", True, None):
        assert refused(rule, bad).problem == "must be a whole number from 0 to 3,650"


def test_moment_is_stored_as_naive_utc():
    assert moment("2025-01-02T10:00:00Z") == datetime(2025, 1, 2, 10)
    assert moment("2025-01-02T10:00:00+02:00") == datetime(2025, 1, 2, 8)
    assert moment("2025-01-02T10:00") == datetime(2025, 1, 2, 10)
    assert moment("2025-01-02") == datetime(2025, 1, 2)


def test_moment_refuses_what_is_not_a_date_and_time():
    error = refused(moment, "tuesday")
    assert error.problem == "is not an ISO 8601 date-time: 'tuesday'"
    assert error.plain == "is not a date and time like 2026-11-21T10:00:00Z"
    # An offset that moves the time out of the years a datetime can hold.
    for bad in ("0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", 20250102, None):
        assert "is not an ISO 8601 date-time" in refused(moment, bad).problem
    assert refused(moment, "2025-01-02T10:00:00" + "0" * 30)


def test_optional_allows_null_and_checks_the_rest():
    rule = optional(moment)
    assert rule(None) is None
    assert rule("2025-01-02T10:00Z") == datetime(2025, 1, 2, 10)
    assert refused(rule, "")


def test_identifier_is_a_canonical_uuid():
    given = "0B6F3C1E-2F7A-4C43-9D51-3A1F0C2B9E11"
    assert identifier(given) == given.lower()
    assert identifier("{" + given + "}") == given.lower()
    for bad in ("point-1", "", None, 7, given + "0" * 10):
        error = refused(identifier, bad)
        assert error.problem.startswith("must be a UUID; got")
        assert error.plain.startswith("must be an id like")


def _shapes(length: int) -> list[str]:
    """Text, a web address and an email address, each exactly `length` characters long."""
    return ["x" * length, "https://x.co/" + "x" * (length - 13), _address(length)]


def _address(length: int) -> str:
    """A valid email address `length` characters long (at most 64 before the @, labels of at
    most 63 between the dots)."""
    local = "x" * min(64, length - 6)
    room = length - len(local) - 1 - len(".com")
    labels = []
    while room > 0:
        label = min(63, room)
        if room - label == 1:  # A lone dot cannot end the run: leave room for a label.
            label -= 1
        labels.append("d" * label)
        room -= label + 1
    return local + "@" + ".".join(labels) + ".com"


def _keeps(rule, value) -> bool:
    try:
        rule(value)
    except FieldError:
        return False
    return True


# The free-text fields (text, links, email addresses) whose columns have a length.
BOUNDED = [
    (entity, name, column.type.length)
    for entity, rules in FIELDS.items()
    for name, rule in rules.items()
    for column in [SYNCABLE_MODELS[entity].__table__.c[name]]
    if isinstance(column.type, String)
    and column.type.length
    and any(_keeps(rule, shape) for shape in _shapes(20))
]


@pytest.mark.parametrize(("entity", "name", "length"), BOUNDED)
def test_free_text_fields_hold_what_their_column_holds(entity, name, length):
    rule = FIELDS[entity][name]
    assert any(_keeps(rule, shape) for shape in _shapes(length))
    assert not any(_keeps(rule, shape) for shape in _shapes(length + 1))


def test_every_field_is_a_column_of_its_model():
    for entity, rules in FIELDS.items():
        assert set(rules) <= set(SYNCABLE_MODELS[entity].__table__.c.keys()), entity
