"""Draft warnings: each code fires when it should and stays quiet when it should not."""

from datetime import datetime, timedelta

import pytest

from services.checker import CODES, check_draft

NOW = datetime(2025, 3, 4, 12, 0)

GOOD_EMAIL = """Hi Dana,

Thank you for taking the time to talk with me about the Senior Backend Engineer role at Acme.
I really enjoyed our conversation about the kafka migration and the plan to retire the old
batch jobs.

As promised, here is the link to my talk (https://youtu.be/xyz?t=30).

The role lines up closely with my background in payments systems. I look forward to hearing
about the next steps.

Warm regards,
Sam Carter
+1 555 0100"""

OTHER_EMAIL = """Hi Lee,

Thanks so much for meeting with me about the Senior Backend Engineer role at Acme; I really
enjoyed it. It was inspiring to hear that you lead the payments team and mentor new starters.

I believe my experience fits what the team needs. I look forward to staying in touch, and I
hope we talk again soon.

Warm regards,
Sam Carter"""


def check(**changes):
    args = {
        "channel": "email",
        "subject": "Thank you, Dana",
        "body": GOOD_EMAIL,
        "contact_name": "Dana Rivera",
        "contact_email": "dana@acme.example",
        "points": ["kafka migration", "send link to my talk https://youtu.be/xyz?t=30"],
        "other_bodies": [OTHER_EMAIL],
        "due_at": NOW + timedelta(hours=3),
        "now": NOW,
        "generic": False,
    }
    args.update(changes)
    return check_draft(**args)


def codes(**changes) -> list[str]:
    return [w.code for w in check(**changes)]


def test_a_good_draft_has_no_warnings():
    assert check() == []


def test_every_warning_has_a_known_code_and_a_plain_message():
    warnings = check(
        body="Hi Sam,\n\nPlease give me a chance!!\n\nBest,\nAl",
        contact_email="",
        points=["kafka"],
        other_bodies=["Hi Lee,\n\nPlease give me a chance!!\n\nBest,\nAl"],
        due_at=NOW - timedelta(hours=1),
        generic=True,
    )
    assert [w.code for w in warnings] == [
        "no_detail",
        "pleading",
        "near_duplicate",
        "name_mismatch",
        "no_email",
        "deadline_passed",
    ]
    assert {w.code for w in warnings} <= set(CODES)
    for warning in warnings:
        assert warning.message.endswith(".")
        assert "_" not in warning.message, warning.message


def test_no_detail_when_none_of_the_persons_notes_appear():
    body = GOOD_EMAIL.replace("kafka migration", "work ahead").replace(
        "https://youtu.be/xyz?t=30", ""
    )
    assert "no_detail" in codes(body=body)
    assert "no_detail" in codes(points=[])


def test_detail_found_by_key_words_or_by_link():
    assert "no_detail" not in codes(points=["talked abt Kafka migration 🚀"])
    assert "no_detail" not in codes(points=["https://youtu.be/xyz?t=30"])
    assert "no_detail" in codes(points=["sourdough baking", "both from ohio"])


def test_no_detail_when_the_draft_is_generic_even_if_words_match():
    assert "no_detail" in codes(generic=True)


def test_too_long_depends_on_channel():
    long_body = (
        "Hi Dana,\n\n" + "We discussed the kafka migration at length. " * 35 + "\n\nBest,\nSam"
    )
    assert "too_long" in codes(body=long_body)
    assert "too_long" in codes(body=long_body, channel="wrapup")
    card = "Hi Dana,\n\n" + "The kafka migration was fun to hear about. " * 10 + "\n\nWarmly,\nSam"
    assert 80 < len(card.split()) <= 200
    assert "too_long" in codes(body=card, channel="card")
    assert "too_long" not in codes(body=card, channel="email")
    short_card = "Hi Dana,\n\nThank you for the chat about the kafka migration.\n\nWarmly,\nSam"
    assert "too_long" not in codes(body=short_card, channel="card")


@pytest.mark.parametrize(
    "phrase",
    [
        "Please give me a chance to prove myself.",
        "I really need this job.",
        "I am begging you to reconsider.",
        "I am desperate to work at Acme.",
        "I would love to join!!!",
        "I would take any job at Acme.",
        "I'll do anything to join the team.",
    ],
)
def test_pleading_phrases_are_flagged(phrase):
    body = GOOD_EMAIL.replace("I look forward to hearing", phrase + " I look forward to hearing")
    assert "pleading" in codes(body=body)


def test_confident_enthusiasm_is_not_pleading():
    body = GOOD_EMAIL.replace(
        "I look forward to hearing",
        "I would be thrilled to join the team! I look forward to hearing",
    )
    assert "pleading" not in codes(body=body)
    assert "pleading" not in codes(body=body.replace("steps", "steps, which began today"))


def test_near_duplicate_for_a_shared_sentence_or_a_name_swap():
    swapped = GOOD_EMAIL.replace("Hi Dana", "Hi Lee")
    assert "near_duplicate" in codes(other_bodies=[swapped])
    one_shared = OTHER_EMAIL.replace(
        "I believe my experience fits what the team needs.",
        "The role lines up closely with my background in payments systems.",
    )
    assert "near_duplicate" in codes(other_bodies=[one_shared])


def test_shared_greeting_and_sign_off_are_not_duplicates():
    same_frame = (
        "Hi Dana,\n\nA completely different note about oncall and hiring plans.\n\n"
        "Warm regards,\nSam Carter\n+1 555 0100"
    )
    assert "near_duplicate" not in codes(other_bodies=[same_frame, OTHER_EMAIL])
    assert "near_duplicate" not in codes(other_bodies=[])


@pytest.mark.parametrize(
    ("greeting", "name", "flagged"),
    [
        ("Hi Dana,", "Dana Rivera", False),
        ("Dear Dana Rivera,", "Dana Rivera", False),
        ("Dear Dr. Natarajan,", "Dr. Priya Natarajan", False),
        ("Hi Priya,", "Dr. Priya Natarajan", False),
        ("Hi Lee,", "Dana Rivera", True),
        ("Hi Danaë,", "Dana Rivera", True),
        ("Hello,", "Dana Rivera", True),
    ],
)
def test_name_mismatch(greeting, name, flagged):
    body = GOOD_EMAIL.replace("Hi Dana,", greeting)
    assert ("name_mismatch" in codes(body=body, contact_name=name)) is flagged


def test_no_email_only_for_email_channels():
    assert "no_email" in codes(contact_email="")
    assert "no_email" in codes(contact_email="  ", channel="wrapup")
    assert "no_email" not in codes(contact_email="", channel="card")
    assert "no_email" not in codes()


def test_deadline_passed_only_after_the_due_time():
    assert "deadline_passed" in codes(due_at=NOW - timedelta(minutes=1))
    assert "deadline_passed" not in codes(due_at=NOW + timedelta(minutes=1))
    assert "deadline_passed" not in codes(due_at=NOW)
    assert "deadline_passed" not in codes(due_at=None)


def test_attach_reminder_when_an_email_says_something_is_attached():
    attached = GOOD_EMAIL.replace(
        "As promised, here is the link to my talk (https://youtu.be/xyz?t=30).",
        "As promised, I've attached my talk slides on idempotent payment retries.",
    )
    warnings = [w for w in check(body=attached) if w.code == "attach_reminder"]
    assert [w.message for w in warnings] == [
        "This note says you're attaching something: attach it before sending."
    ]
    assert "attach_reminder" in codes(body=attached, channel="wrapup")
    assert "attach_reminder" in codes(body=GOOD_EMAIL.replace("my talk", "the attachment"))
    # A link is not an attachment, and a card is not sent with files.
    assert "attach_reminder" not in codes()
    assert "attach_reminder" not in codes(body=attached, channel="card")


@pytest.mark.parametrize(
    ("greeting", "name", "flagged"),
    [
        ("Dear Sabine Krüger,", "Sabine Krüger", True),
        ("Dear Ms. Krüger,", "Ms. Sabine Krüger", False),
        ("Dear Sabine,", "Sabine Krüger", False),
        ("Dear Yamamoto-san,", "Yamamoto Kenji", False),
    ],
)
def test_a_full_name_greeting_asks_for_a_title(greeting, name, flagged):
    body = GOOD_EMAIL.replace("Hi Dana,", greeting)
    assert ("no_title" in codes(body=body, contact_name=name)) is flagged


def test_a_title_taken_from_the_notes_is_pointed_out():
    body = GOOD_EMAIL.replace("Hi Dana,", "Dear Ms. Solberg,")
    warnings = check(body=body, contact_name="Ingrid Solberg", points=["she's from stavanger"])
    noted = [w.message for w in warnings if w.code == "title_from_notes"]
    assert noted == [
        "This note calls Ingrid Solberg Ms. because your notes say \u201cshe\u201d. If they "
        "use another title, add it before their name on their page."
    ]
    assert "title_from_notes" not in codes(body=body, contact_name="Ms. Ingrid Solberg")


def test_a_name_typed_with_a_doubt_is_flagged_and_its_plain_greeting_matches():
    found = codes(
        channel="card",
        subject="",
        body="Hi Darren,\n\nThank you for showing me the keeper talks.\n\nBest,\nSiti",
        contact_name="Darren? Darryl? (marketing guy)",
        contact_email="",
        points=["keeper talks"],
        other_bodies=[],
        due_at=None,
    )
    assert "name_unsure" in found and "name_mismatch" not in found, found


def test_the_name_someone_asked_to_be_called_by_is_their_name():
    found = codes(
        body=GOOD_EMAIL.replace("Hi Dana,", "Hi Tolu,"),
        contact_name="Tolulope Adeyemi",
        points=["kafka migration", "she said call me Tolu"],
    )
    assert "name_mismatch" not in found, found
    assert "name_mismatch" in codes(body=GOOD_EMAIL.replace("Hi Dana,", "Hi Tolu,"),
                                    contact_name="Tolulope Adeyemi")  # fmt: skip
