"""The draft composer: every note is personal, clean, the right length, and unlike the others."""

import re
from dataclasses import replace
from datetime import datetime

import pytest
from jots import EMPTY_JOTS, GREETING_STYLES, JOBS, JOTS, PEOPLE, PROFILES, TONES

from services.checker import check_draft
from services.composer import (
    ComposedDraft,
    Job,
    Person,
    Point,
    Profile,
    channels,
    clean_jot,
    compose_panel,
    lexicon,
    phrases,
)
from services.composer.grammar import company_name, first_name
from services.composer.planner import fit_sentences, greeting, noted_title
from services.composer.reader import PLACEHOLDER, read_fit, read_point

URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")
# A title's full stop ("Dr. Natarajan", "Ms. O'Neill") does not end a sentence.
SENTENCE_END = re.compile(r"(?<!\bDr\.)(?<!\bMs\.)(?<!\bMr\.)(?<=[.!?])\s+")
CONTRACTION = re.compile(r"\b\w+'(?:re|ve|ll|d|m)\b|n't\b|\b(?:it|that|what|there|who)'s\b", re.I)
STOP = {
    "the", "and", "for", "with", "that", "this", "from", "about", "have", "has", "was", "were",
    "are", "she", "her", "his", "him", "they", "them", "their", "also", "really", "said",
    "talked", "discussed", "send", "share", "email", "wish", "mention", "mentioned", "forgot",
    "fumbled", "blanked", "should've", "ask", "abt", "convo", "long", "one", "what's", "its",
    "been", "there", "super", "which", "liked", "loved", "both", "huge", "lol", "did", "last",
    "every", "when", "more", "than", "plus", "runs", "went", "deep", "halfway", "through",
}  # fmt: skip


# Friendly phrasings a formal note never uses.
FORMAL_NEVER = re.compile(
    r"!|\blovely\b|\bfun\b|\btreat\b|\bsmile|\bjoy\b|\bchat about\b|Great speaking|"
    r"(?-i:\bThanks\b)|\bso much\b",
    re.IGNORECASE,
)


def first_name_of(name: str) -> str:
    words = [w for w in name.split() if w.lower().rstrip(".") not in {"dr", "mr", "ms", "mrs"}]
    return words[0]


def key_words(body: str) -> set[str]:
    text = URL.sub(" ", body.lower())
    return {w for w in re.findall(r"[a-z][a-z'-]{3,}", text) if w not in STOP}


def recognisable(point: Point, body: str) -> bool:
    """The note carries the jot: its links exactly as typed, or most of its key words."""
    urls = [u.rstrip(".,!?") for u in URL.findall(point.body)]
    if any(u in body for u in urls):
        return True
    words = key_words(point.body) or key_words(clean_jot(point.body)[0])
    if not words:
        return False
    found = {w for w in words if re.search(rf"\b{re.escape(w)}", body.lower())}
    return len(found) >= min(len(words), 2) or len(found) * 2 >= len(words)


def sections(body: str) -> tuple[str, list[str], str]:
    paragraphs = body.split("\n\n")
    return paragraphs[0], paragraphs[1:-1], paragraphs[-1]


def sentences(body: str) -> list[str]:
    _, middle, _ = sections(body)
    out = []
    for paragraph in middle:
        out.extend(s for s in SENTENCE_END.split(paragraph) if s)
    return out


def make_profile(index: int, tone: str, greeting_style: str) -> Profile:
    name, signature, phone, portfolio, linkedin = PROFILES[index % len(PROFILES)]
    return Profile(name, signature, phone, portfolio, linkedin, tone, greeting_style)


def make_job(index: int) -> Job:
    company, role, fits = JOBS[index % len(JOBS)]
    return Job(company, role, fits)


def make_panel(size: int, start: int) -> list[Person]:
    """`size` different people; some have no points at all, the rest one to four jots."""
    people = []
    for i in range(size):
        name, role, email, title = PEOPLE[(start + i) % len(PEOPLE)]
        count = (start + 3 * i) % 5
        points = tuple(Point(*JOTS[(start * 7 + i * 13 + j * 5) % len(JOTS)]) for j in range(count))
        titles = (title,) if title else ()
        people.append(Person(f"p{i}", name, role, "", email, points, titles))
    return people


def usable(person: Person, channel: str = "email") -> bool:
    """The person has a jot the note can use. A card carries no questions or promises."""
    skipped = ("question", "promise", "wish_said") if channel == "card" else ()
    return any(clean_jot(p.body) != ("", ()) for p in person.points if p.kind not in skipped)


def expected_greeting(person: Person, profile: Profile) -> str:
    """First-name style: "Hi Dana," or, formal, "Dear Dana,". Honorific style: "Dear Dr.
    Natarajan," when the name carries a title; otherwise the full name, "Dear Dana Rivera,"
    (a panel greeted "Dear Ms. Wells" is not also greeted "Dear James")."""
    first = first_name_of(person.name)
    titled = person.name.split()[0].rstrip(".").lower() in {"dr", "mr", "mrs", "ms", "mx", "prof"}
    if profile.greeting_style == "honorific" or (profile.tone == "formal" and titled):
        words = person.name.split()
        if words[0].rstrip(".").lower() in {"dr", "mr", "mrs", "ms", "mx", "prof"}:
            return f"Dear {words[0]} {words[-1]},"
        if noted_title(person) and len(words) >= 2:  # the notes say "she" or "he" of them
            return f"Dear {noted_title(person)} {words[-1]},"
        return f"Dear {' '.join(words)},"
    return f"Dear {first}," if profile.tone == "formal" else f"Hi {first},"


def assert_clean_text(text: str) -> None:
    bare = URL.sub("", text)
    assert "{" not in bare and "}" not in bare, text
    assert not re.search(r"\bNone\b", bare), text
    assert "  " not in text, text
    # "the the" is an artefact; "on on-call" is English.
    doubled = re.search(r"\b(\w+)\s+\1\b(?![-'])", bare, re.IGNORECASE)
    assert doubled is None, f"doubled word {doubled and doubled.group(0)!r} in {text!r}"
    assert not re.search(r"[,;:.!?]\s*[.!?]|[.!?]\s*[,;:]|,\s*,| [,.;:?!]", bare), text
    assert not re.search(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]", text), text


def assert_good_draft(draft: ComposedDraft, person: Person, profile: Profile) -> None:
    body = draft.body
    greeting, middle, signoff = sections(body)
    assert middle, body
    assert body.split("\n")[1] == "", "a blank line follows the greeting"
    assert greeting == expected_greeting(person, profile)

    assert_clean_text(body)
    for sentence in sentences(body):
        assert sentence[0].isupper() or sentence[0].isdigit(), f"{sentence!r} in\n{body}"
        # A sentence may end in a link, kept exactly as typed, or in the promise's placeholder.
        ends_in_link = bool(URL.fullmatch(sentence.split(" ")[-1]))
        assert sentence[-1] in ".?!" or ends_in_link or sentence.endswith(PLACEHOLDER), sentence

    words = len(body.split())
    if draft.channel == "card":
        assert draft.subject == ""
        assert words <= 80, body
        assert signoff.split("\n")[-1] == profile.name
        assert "http" not in signoff
    else:
        assert draft.subject.strip(), draft
        assert_clean_text(draft.subject)
        assert words <= 150, f"{words} words:\n{body}"
        signature = profile.signature.splitlines() or [profile.name]
        for line in [*signature, profile.phone, profile.portfolio_url, profile.linkedin_url]:
            assert line in signoff.split("\n") if line else True, signoff

    if profile.tone == "formal":
        assert not CONTRACTION.search(body.replace("O'Neill", "")), body
        assert not FORMAL_NEVER.search(f"{draft.subject}\n{body}"), (draft.subject, body)

    if not draft.generic:
        assert any(recognisable(p, body) for p in person.points), body
    if draft.generic and not draft.flagged:
        assert not usable(person, draft.channel) or draft.channel == "card", body
    assert "attached" not in body.lower()


def assert_no_shared_sentences(drafts: list[ComposedDraft]) -> None:
    owner: dict[str, str] = {}
    for draft in drafts:
        for sentence in sentences(draft.body):
            key = sentence.lower()
            other = owner.setdefault(key, draft.contact_id)
            assert other == draft.contact_id, f"{sentence!r} is in notes to {other} and {draft}"


@pytest.mark.parametrize("greeting_style", GREETING_STYLES)
@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("size", [2, 3, 4, 5, 6])
def test_every_draft_of_every_panel_is_personal_clean_and_distinct(size, tone, greeting_style):
    for start in range(len(JOTS)):
        people = make_panel(size, start)
        profile = make_profile(start, tone, greeting_style)
        drafts = thank_yous(compose_panel(make_job(start), people, profile))
        assert len(drafts) == sum(2 if p.email else 1 for p in people)
        for person in people:
            mine = [d for d in drafts if d.contact_id == person.id]
            organiser = person.role in ("recruiter", "hr")
            # Someone with no email address gets the card only, never an email to nowhere.
            expected = (("wrapup" if organiser else "email"),) if person.email else ()
            assert tuple(d.channel for d in mine) == (*expected, "card")
            for draft in mine:
                assert_good_draft(draft, person, profile)
        assert_no_shared_sentences(drafts)


def test_same_input_gives_same_drafts():
    people = make_panel(5, 3)
    profile = make_profile(0, "warm", "first_name")
    assert compose_panel(make_job(0), people, profile) == compose_panel(
        make_job(0), list(people), profile
    )


def test_people_with_no_points_get_polite_generic_notes_that_still_differ():
    people = [Person(f"g{i}", PEOPLE[i][0], "interviewer", email="x@y.z") for i in range(6)]
    people[1] = replace(people[1], points=tuple(Point(*j) for j in EMPTY_JOTS))
    for tone in TONES:
        profile = make_profile(0, tone, "first_name")
        drafts = thank_yous(compose_panel(make_job(2), people, profile))
        assert all(d.generic for d in drafts)
        for person, draft in zip([p for p in people for _ in (0, 1)], drafts, strict=True):
            assert_good_draft(draft, person, profile)
        assert_no_shared_sentences(drafts)


def test_identical_jots_for_everyone_still_give_distinct_notes():
    points = (
        Point("topic", "kafka migration"),
        Point("topic", "the Q3 roadmap"),
        Point("their_work", "she leads the payments team"),
        Point("promise", "share portfolio https://samcarter.dev/work"),
        Point("question", "what's the onboarding like"),
        Point("wish_said", "forgot to mention 5 yrs of go"),
    )
    people = [
        Person(f"s{i}", PEOPLE[i][0], "interviewer", email=f"s{i}@x.example", points=points)
        for i in range(6)
    ]
    drafts = thank_yous(compose_panel(make_job(0), people, make_profile(0, "warm", "first_name")))
    assert_no_shared_sentences(drafts)
    for person, draft in zip([p for p in people for _ in (0, 1)], drafts, strict=True):
        assert_good_draft(draft, person, make_profile(0, "warm", "first_name"))


def thank_yous(drafts: list[ComposedDraft]) -> list[ComposedDraft]:
    """The thank-you notes of a panel (tests/test_after_first_note.py covers the others)."""
    return [d for d in drafts if d.channel in ("email", "wrapup", "card")]


def one_email(points, *, tone="warm", role="interviewer", name="Dana Rivera") -> ComposedDraft:
    person = Person("d", name, role, email="d@x.example", points=tuple(Point(*p) for p in points))
    return compose_panel(make_job(0), [person], make_profile(0, tone, "first_name"))[0]


def middle(draft: ComposedDraft) -> str:
    return " ".join(sections(draft.body)[1])


# --- The design of issue 10: say only what was noted, read each jot once, kinds carry meaning.

# Claims no jot, interview record or fit line can hold.
UNNOTED = re.compile(
    r"onsite|on-site|standards|ran smoothly|well[- ]run|smooth|confident|the day ran|"
    r"my skills are a good match|fits closely with the work|honesty and warmth|"
    r"care the team puts|thoughtfully the process",
    re.IGNORECASE,
)


@pytest.mark.parametrize("tone", TONES)
def test_nothing_is_said_that_was_not_noted(tone):
    for start in range(0, len(JOTS), 2):
        people = make_panel(5, start)
        for draft in compose_panel(
            make_job(start), people, make_profile(start, tone, "first_name")
        ):
            assert not UNNOTED.search(draft.body), draft.body


def test_no_word_floor_a_note_is_as_long_as_its_content():
    short = one_email([("topic", "kafka migration")])
    assert len(short.body.split()) < 90, short.body
    assert len(middle(short).split(". ")) <= 5


def test_fit_comes_only_from_the_candidates_own_lines_else_one_plain_line_of_interest():
    person = Person("d", "Dana Rivera", "interviewer", email="d@x.example",
                    points=(Point("topic", "kafka"),))  # fmt: skip
    profile = make_profile(0, "warm", "first_name")
    with_fit = compose_panel(
        Job("Acme", "Engineer", ("led a kafka migration at Shopify",)), [person], profile
    )[0]
    assert "I led a Kafka migration at Shopify" in with_fit.body
    without = compose_panel(Job("Acme", "Engineer", ()), [person], profile)[0]
    interest = [s for s in sentences(without.body) if "role" in s or "Acme" in s][1:]
    assert len(interest) == 1, without.body
    assert not re.search(r"skills|experience|background|strengths", without.body), without.body


def test_a_wish_is_a_confident_better_answer_never_an_apology():
    body = one_email(
        [
            (
                "wish_said",
                "blanked on priority inversion q, should've said priority inheritance mutex",
            )
        ]
    ).body
    assert re.search(r"(?:^|\n| )(?:On|on|about) priority inversion, the", body), body
    assert "a priority inheritance mutex." in body
    assert not re.search(r"muddled|blanked|fumbled|did not do .* justice|rushed", body), body
    # Without the better answer there is nothing confident to say: the point is flagged.
    draft = one_email([("wish_said", "I fumbled the hydraulic modeling question")])
    assert draft.flagged and "hydraulic" not in draft.body


def test_a_wish_that_adds_something_says_it():
    body = one_email([("wish_said", "forgot to mention 5 yrs of go")]).body
    assert "my five years of go" in body
    body = one_email([("wish_said", "wish i'd said i led the migration at acme")]).body
    assert "that I led the migration at acme." in body


def test_a_promise_gives_its_link_or_a_visible_placeholder_never_an_attachment():
    linked = one_email([("promise", "send link to my kafka talk https://youtu.be/xyz?t=30")])
    assert re.search(r"my Kafka talk[^.]*: https://youtu\.be/xyz\?t=30", linked.body)
    bare = one_email([("promise", "slides from my talk")])
    assert re.search(rf"the slides from my talk[^.]*: {re.escape(PLACEHOLDER)}", bare.body)
    assert "attach" not in bare.body.lower()
    warnings = check_draft(
        channel="email", subject=bare.subject, body=bare.body, contact_name="Dana Rivera",
        contact_email="d@x.example", points=["slides"], other_bodies=[], due_at=None,
        now=datetime(2025, 1, 1),
    )  # fmt: skip
    assert "placeholder" in {w.code for w in warnings}
    promised = one_email(
        [("promise", "forgot to show the case study on onboarding flows, send it")]
    )
    assert re.search(
        rf"the case study on onboarding flows[^.]*: {re.escape(PLACEHOLDER)}", promised.body
    )


def test_a_question_they_already_answered_is_thanked_for_not_asked_again():
    body = one_email(
        [
            (
                "question",
                "asked what success looks like at 90 days - she said shipping the OTA updater",
            )
        ]
    ).body
    # Thanked for, never asked again, and their own answer is not parroted back to them (in
    # brackets, the blind readers of round 4 marked it as a pasted jot).
    assert "what success looks like at 90 days." in body
    assert "OTA updater" not in body and ": " not in middle(one_email([("question", "asked what "
        "success looks like at 90 days - she said shipping the OTA updater")]))  # fmt: skip
    assert "?" not in middle(one_email([("question", "asked how they handle comments - he said "
                                         "they map every one")]))  # fmt: skip


def test_third_person_notes_about_the_reader_are_addressed_to_them():
    body = one_email([("their_work", "she's been there 6 yrs, started as intern")]).body
    assert "you've been there for six years, and that you started as an intern" in body
    assert not re.search(r"\bshe\b|\bher\b", middle(one_email(
        [("common_ground", "her daughter goes to the same school as my son")]
    ))), "addressed as 'your daughter'"  # fmt: skip


def test_the_part_of_a_jot_that_matters_is_kept():
    body = one_email([("topic", "they use Deltek for timesheets, I know it from my last job")]).body
    assert "you use Deltek for timesheets, which I know from my last job." in body
    body = one_email(
        [("topic", "pricing page experiments - she thinks annual plans hurt activation")]
    ).body
    assert "your view that annual plans hurt activation" in body


def test_a_jot_too_rough_to_read_is_flagged_not_pasted():
    draft = one_email([("topic", "lol idk w/ the thing??"), ("topic", "kafka migration")])
    assert draft.flagged == ("",) or len(draft.flagged) == 1
    assert "idk" not in draft.body and "lol" not in draft.body


def test_formality_follows_the_person():
    petrov = Person("n", "Dr. Nikolai Petrov", "interviewer", title="Head of Model Risk",
                    points=(Point("topic", "IFRS 9 staging"),))  # fmt: skip
    formal = compose_panel(make_job(0), [petrov], make_profile(0, "formal", "first_name"))
    assert all(d.body.startswith("Dear Dr. Petrov,\n") for d in formal)
    warm = compose_panel(make_job(0), [petrov], make_profile(0, "warm", "first_name"))
    assert warm[0].body.startswith("Hi Nikolai,\n")
    # The greeting style set on the person wins over the account's.
    chosen = replace(petrov, greeting_style="honorific")
    assert compose_panel(make_job(0), [chosen], make_profile(0, "warm", "first_name"))[
        0
    ].body.startswith("Dear Dr. Petrov,\n")
    casual = replace(petrov, greeting_style="first_name")
    assert compose_panel(make_job(0), [casual], make_profile(0, "formal", "honorific"))[
        0
    ].body.startswith("Dear Nikolai,\n")


def test_the_users_reading_is_what_every_note_says():
    reading = "I keep thinking about the jitter you see under load on the arm controllers."
    point = Point("topic", "RTOS sched + jitter", reading=reading)
    people = [
        Person("a", "Maya Chen", "interviewer", email="m@x.example", points=(point,)),
        Person("r", "Dana Ruiz", "recruiter", email="d@x.example",
               points=(Point("other", "x", reading="Thank you for the parking tips."),)),
    ]  # fmt: skip
    email, card, wrapup, _wrap_card = thank_yous(
        compose_panel(make_job(0), people, make_profile(0, "warm", "first_name"))
    )
    assert reading in email.body and reading in card.body
    assert "Thank you for the parking tips." in wrapup.body
    assert "RTOS sched" not in email.body


def test_reading_of_a_point_is_the_sentence_the_note_uses():
    from services.composer import reading_of

    reading = reading_of(
        Point("their_work", "he's splitting the monolith into 3 services this yr"), "Marcus Hale"
    )
    assert (
        reading.ok
        and reading.text
        == "It was good to hear that you're splitting the monolith into three services this year."
    ) or "splitting the monolith into three services this year" in reading.text
    draft = one_email(
        [("their_work", "he's splitting the monolith into 3 services this yr")], name="Marcus Hale"
    )
    assert reading.text in draft.body


def test_recruiter_wrapup_names_everyone_and_who_needs_thanks_passed_on():
    people = [
        Person("r", "Marcus Bell", "recruiter", email="m@x.example"),
        Person("a", "Dana Rivera", "interviewer", email="d@x.example"),
        Person("b", "Dr. Priya Natarajan", "interviewer"),
        Person("c", "Jo", "other"),
    ]
    wrap, card = compose_panel(make_job(0), people, make_profile(0, "warm", "first_name"))[:2]
    assert wrap.channel == "wrapup" and wrap.subject

    # Everyone is named once, by first name, as met; those without an address once more, to
    # pass thanks on. Full names are never listed (user test, issue 4).
    def times(name: str) -> int:
        return len(re.findall(rf"\b{re.escape(name)}\b", wrap.body))

    assert (times("Dana"), times("Priya"), times("Jo")) == (1, 2, 2), wrap.body
    assert times("Rivera") == times("Natarajan") == 0, wrap.body
    assert card.channel == "card" and "Marcus" in card.body.split("\n")[0]

    everyone_reachable = [replace(p, email=p.email or "z@x.example") for p in people]
    wrap = compose_panel(make_job(0), everyone_reachable, make_profile(0, "warm", "first_name"))[0]
    assert (times("Dana"), times("Priya"), times("Jo")) == (1, 1, 1), wrap.body
    assert not re.search(r"\bpass\b|\bpassing\b|on my behalf|thank them", wrap.body), wrap.body


def test_signature_falls_back_to_name_and_card_signs_with_name_only():
    person = Person("d", "Dana Rivera", "interviewer", email="d@x.example",
                    points=(Point("topic", "kafka"),))  # fmt: skip
    profile = Profile(
        "Kenji Watanabe", signature="K. Watanabe\nStaff Engineer", phone="07700 900123"
    )
    email, card = thank_yous(compose_panel(make_job(0), [person], profile))
    assert email.body.endswith("Warm regards,\nK. Watanabe\nStaff Engineer\n07700 900123")
    assert card.body.endswith("Warmly,\nKenji Watanabe")
    plain = compose_panel(make_job(0), [person], Profile("Kenji Watanabe"))[0]
    assert plain.body.endswith("Warm regards,\nKenji Watanabe")


@pytest.mark.parametrize(
    ("raw", "text", "urls"),
    [
        ("kafka migration", "kafka migration", ()),
        ("we both love bouldering 🧗", "we both love bouldering", ()),
        (
            "discussed feature flags & gradual rollouts!!",
            "discussed feature flags and gradual rollouts",
            (),
        ),
        ("the   the incident review", "the incident review", ()),
        ("send repo github.com/a/b.", "send repo", ("github.com/a/b",)),
        ("AWS cert :)", "AWS certificate", ()),
        ("team small... maybe 5 ppl", "team small, maybe 5 people", ()),
        ("👍👍", "", ()),
    ],
)
def test_clean_jot(raw, text, urls):
    assert clean_jot(raw) == (text, urls)


def test_checker_finds_nothing_wrong_with_composed_panels():
    for start in range(0, len(JOTS), 3):
        people = make_panel(6, start)
        drafts = thank_yous(
            compose_panel(make_job(start), people, make_profile(start, "warm", "honorific"))
        )
        for draft in drafts:
            person = next(p for p in people if p.id == draft.contact_id)
            others = [d.body for d in drafts if d.contact_id != draft.contact_id]
            codes = {
                w.code
                for w in check_draft(
                    channel=draft.channel,
                    subject=draft.subject,
                    body=draft.body,
                    contact_name=person.name,
                    contact_email=person.email,
                    points=[p.body for p in person.points],
                    other_bodies=others,
                    due_at=None,
                    now=datetime(2025, 1, 1),
                    generic=draft.generic,
                )
            }
            assert not codes & {"too_long", "pleading", "near_duplicate", "name_mismatch"}, (
                codes,
                draft.body,
            )
            if draft.generic:
                assert "no_detail" in codes, draft.body


@pytest.mark.parametrize(
    ("name", "tone", "style", "greeting"),
    [
        # First-name style: friendly, or "Dear" when formal.
        ("Dana Rivera", "warm", "first_name", "Hi Dana,"),
        ("Dana Rivera", "brief", "first_name", "Hi Dana,"),
        ("Dana Rivera", "formal", "first_name", "Dear Dana,"),
        # Honorific style: a known title is used; a full name only in a formal note.
        ("Dana Rivera", "warm", "honorific", "Dear Dana Rivera,"),
        ("Dana Rivera", "brief", "honorific", "Dear Dana Rivera,"),
        ("Dana Rivera", "formal", "honorific", "Dear Dana Rivera,"),
        ("Dr. Priya Natarajan", "warm", "honorific", "Dear Dr. Natarajan,"),
        ("Dr. Priya Natarajan", "formal", "honorific", "Dear Dr. Natarajan,"),
        ("Dr. Priya Natarajan", "warm", "first_name", "Hi Priya,"),
        ("Jo", "formal", "honorific", "Dear Jo,"),
    ],
)
def test_greeting_by_style_and_tone(name, tone, style, greeting):
    person = Person("g", name, "interviewer", points=(Point("topic", "kafka"),))
    for draft in compose_panel(make_job(0), [person], make_profile(0, tone, style)):
        assert draft.body.split("\n")[0] == greeting


@pytest.mark.parametrize(
    ("kind", "jot", "said"),
    [
        (
            "promise",
            "send her the repo github.com/samc/ratelimiter.",
            ": github.com/samc/ratelimiter\n",
        ),
        ("promise", "share portfolio https://samcarter.dev/work", "my portfolio"),
        ("other", "the coffee was great lol", "the coffee."),
        ("common_ground", "marathon runner, did Chicago last fall", "we are both marathon runners"),
        ("topic", "microservices vs. monolith debate", "the microservices versus monolith debate"),
        (
            "topic",
            "ECS vs OOP for AI agents, we disagreed a bit on perf",
            "agents, where we disagreed",
        ),
        ("other", "he showed me their storybook, super clean", "you showing me your Storybook"),
        ("topic", "they use Deltek, I used it 3 yrs", "which I used for three years"),
    ],
)
def test_a_jot_reads_as_a_careful_writer_would_put_it(kind, jot, said):
    assert said in one_email([(kind, jot)]).body + "\n"


# --- Review 2: the patterns a blind hiring manager marked, each read from generic jots.


def _reading(kind: str, body: str, first: str = "Kim") -> str:
    reading = read_point(kind, body, first)
    if kind == "other" and reading is not None and reading.suggestion:
        # An "other" jot is kept out of the drafts by default; what is read is the wording
        # offered to the user, which one tap puts in.
        return reading.suggestion
    assert reading is not None and reading.ok, (kind, body, reading)
    return reading.text


def test_a_second_fact_is_never_bolted_on_with_including_that():
    for body in (
        "the ledger rewrite, they run 30 deploys a day",
        "zine fair, she wants more stalls",
    ):
        text = _reading("topic", body)
        assert "including" not in text, text
        assert re.search(r"\. [A-Z][^.]* that you (?:run|want)", text), text


def test_thanks_for_the_time_is_never_time_on_the_role():
    for tone in TONES:
        book = phrases.book("en", tone)
        for key in ("thanks", "card_thanks"):
            for variant in book.phrases[key]:
                assert not re.search(r"time (?:you spent with me )?on \{role_at\}", variant)


def test_a_better_answer_is_one_grammatical_sentence_never_which_is():
    noun = _reading("wish_said", "blanked on the caching q, should've said write-through cache")
    assert re.search(r"caching, .* is a write-through cache\.$", noun), noun
    verb = _reading("wish_said", "muddled the sharding question; answer: split tenants by region")
    assert "is to split tenants by region." in verb, verb
    rule = _reading("wish_said", "blanked on coverage. answer: every branch shown to run once")
    assert "that every branch must be shown to run once." in rule, rule
    figure = _reading("wish_said", "should have given numbers: 20% of sales from referrals")
    assert "that referrals brought in 20% of sales." in figure, figure
    for text in (noun, verb, rule, figure):
        assert ", which is" not in text and ": " not in text, text


def test_an_answered_question_is_thanked_for_without_parroting_the_answer():
    text = _reading("question", "asked how the team is split - he said 4 squads by product")
    assert text.endswith("how the team is split.") and "squads" not in text, text
    about = _reading("question", "asked about the start date - she said March")
    assert "explaining about" not in about and "March" not in about, about
    roster = _reading("question", "asked re roster -> 4 x 10hr shifts")
    assert roster.endswith("the roster.") and "shifts" not in roster, roster


def test_an_open_question_is_asked_indirectly_or_flagged_never_behind_a_colon():
    assert _reading("question", "is remote work allowed?").endswith(
        "whether remote work is allowed."
    )
    assert _reading("question", "how many sprints per release usually?").endswith(
        "how many sprints per release there usually are."
    )
    assert _reading("question", "do engineers get a training budget?").endswith(
        "whether engineers get a training budget."
    )
    assert _reading("question", "how long is the probation").endswith("how long the probation is.")
    odd = read_point("question", "what's the split paid vs owned?", "Kim")
    assert odd is not None and not odd.ok and odd.problem


def test_the_wrapup_says_whose_address_is_missing():
    for tone in TONES:
        for variant in phrases.book("en", tone).phrases["pass_on"]:
            assert not re.search(r"an? (?:direct )?email address(?:\.|$| to write)", variant), (
                variant
            )


def test_the_wrapup_claims_no_scheduling_nobody_noted():
    for tone in TONES:
        book = phrases.book("en", tone)
        for key in ("wrap_thanks", "card_wrap_thanks", "subject_wrapup"):
            for variant in book.phrases[key]:
                assert not re.search(r"schedul|coordinat|arrang|keeping things", variant), variant


def test_a_hard_truth_is_thanked_for_as_candour_not_enjoyed():
    text = _reading("topic", "hiring nurses is really hard, agency costs are up")
    assert text.startswith(("Thank you for being open", "I appreciated you being candid")), text


def test_shorthand_and_figures_are_spelled_out():
    text = _reading("wish_said", "should've talked about my podcast - 2k listeners")
    assert "2,000 listeners" in text, text
    assert "production" in _reading("question", "do analysts get access to the prod data?")
    assert "versus" in _reading("topic", "rent vs buy for the new depot")
    assert "two million" in _reading("their_work", "she built the app used by 2M people").replace(
        "2 million", "two million"
    )


def test_a_private_or_gossipy_jot_is_left_out():
    for body in (
        "why they left the big client lol",
        "ops lead quit last month",
        "salary band 40-45k",
    ):
        reading = read_point("other", body, "Kim")
        assert reading is not None and not reading.ok, body


def test_someone_with_no_email_address_gets_a_card_and_thanks_through_the_recruiter():
    people = [
        Person("a", "Maya Chen", "interviewer", email="m@x.example",
               points=(Point("topic", "kafka migration"),)),
        Person("b", "Lee Park", "interviewer", points=(Point("topic", "the on-call rota"),)),
        Person("r", "Dana Ruiz", "recruiter", email="d@x.example"),
        Person("h", "Jo Hale", "hr"),
    ]  # fmt: skip
    drafts = compose_panel(make_job(0), people, make_profile(0, "warm", "first_name"))
    by = {(d.contact_id, d.channel) for d in drafts}
    assert ("b", "email") not in by and ("b", "card") in by
    assert ("h", "wrapup") not in by and ("h", "card") in by
    wrap = next(d for d in drafts if d.channel == "wrapup")
    assert wrap.body.count("Lee") == 2, wrap.body  # met, and thanks passed on
    assert channels.for_role("interviewer", has_email=False) == ("card", "linkedin")
    everything = compose_panel(
        make_job(0), people, make_profile(0, "warm", "first_name"), require_address=False
    )
    assert ("b", "email") in {(d.contact_id, d.channel) for d in everything}


def test_fit_lines_read_as_the_candidate_would_say_them():
    def fit(line: str) -> str:
        return fit_sentences(Job("Acme", "Nurse", (line,)), phrases.book("en", "warm"), 1, 0)[0]

    assert "I have worked as an RVN for three years at a busy practice" in fit(
        "RVN for 3 yrs at a busy practice"
    )
    assert "I hold a Passivhaus designer certificate" in fit("Passivhaus designer cert")
    # Typed small, a name English lacks goes to the user rather than into every email.
    assert "passivhaus" in read_fit("passivhaus designer cert")[1]
    assert "I have experience with Python and SAS" in fit("Python and SAS")


def test_measures_before_a_noun_are_hyphenated_and_shared_roles_plural():
    assert "the four-hour target" in _reading("topic", "4 hr target")
    assert "a 40-person rota" in _reading("wish_said", "should've mentioned i ran a 40 person rota")
    assert "we both started as TAs" in _reading("common_ground", "she also started as a TA!")


def test_a_promise_of_our_post_is_the_candidates_own():
    text = _reading("promise", "send the blog post on our caching layer https://x.dev/cache")
    assert "my blog post on the caching layer" in text, text


def test_small_talk_and_routines_read_naturally():
    chat = _reading("common_ground", "she's also from Leeds, we talked cricket for 10 mins")
    assert chat.endswith("and I enjoyed our chat about cricket."), chat
    assert "the weekly design crits" in _reading("topic", "design crits every week")
    opens = _reading("other", "grad applications open in june")
    assert "that grad applications open in June" in opens, opens
    assert "cut churn by 12%" in _reading("their_work", "cut churn 12% last year")
    said = _reading("other", "asked about my notice period - said they can wait a month")
    assert "notice period" not in said and "you can wait a month" in said, said


def test_a_change_over_time_is_a_clause_and_a_bare_topic_takes_its_article():
    assert "that sign-ups dropped since the redesign" in _reading(
        "topic", "sign-ups dropped since the redesign"
    )
    answer = _reading("wish_said", "blanked on the cache size q. should have said 512 MB per node")
    assert answer.startswith(("On the cache size", "To come back to the cache size")) or (
        "about the cache size" in answer or "on the cache size" in answer
    ), answer


def test_unseen_jots_from_another_trade_read_cleanly():
    """Jots from a kitchen, a trade no corpus panel covers: each reading is one clean clause."""
    cases = {
        ("topic", "menu costing, GP target is 70%"): "that the GP target is 70%",
        ("common_ground", "both have greyhounds!! his is called Pixie"): "and that yours is",
        ("common_ground", "she loves sourdough too"): "we both love sourdough",
        ("common_ground", "Packers fan too"): "we are both Packers fans",
        ("question", "whats the probation period"): "what the probation period is",
        ("question", "when will I hear back?"): "when I will hear back",
        ("wish_said", "should have said my GP was 72% at last job"): "that my GP was 72% at my",
        ("other", "next round is a trial shift on tues"): "a trial shift on Tuesday",
        ("common_ground", "grew up in the same town - Hull"): "we both grew up in the same town",
        ("their_work", "sous chef for 8 yrs before this"): "you worked as a sous chef for eight",
        ("topic", "burnout in kitchens, they cap shifts at 10 hrs"): "burnout in kitchens",
    }
    for (kind, body), expected in cases.items():
        assert expected in _reading(kind, body), (body, _reading(kind, body))


def test_sales_jots_read_cleanly_and_gossip_stays_out():
    assert "what the comp plan looks like" in _reading(
        "question", "what does the comp plan look like"
    )
    assert "I was presidents club twice" in _reading(
        "wish_said", "should've said i was presidents club 2x"
    )
    better = _reading("wish_said", "rambled on why i left; short answer: wanted a bigger market")
    assert better.endswith("is that I wanted a bigger market.") and "short" not in better, better
    steps = _reading(
        "wish_said", "froze on the roleplay; should have said acknowledge, then reframe"
    )
    assert "to acknowledge, then reframe" in steps, steps
    for body in ("their CRM is a mess tbh", "interview ran 15 min over, she apologised"):
        reading = read_point("other", body, "Jo")
        assert reading is not None and not reading.ok, body


def test_when_the_candidate_will_hear_back_is_not_read_as_a_decision_made():
    text = _reading("other", "offer decision by friday")
    assert text.endswith("that I should hear back by Friday."), text
    assert re.search(r"letting me know|telling me", text), text


def test_academic_jots_read_cleanly_and_confidences_stay_out():
    assert "I very much liked the campus" in _reading("other", "campus is gorgeous!!").replace(
        "I loved", "I very much liked"
    ).replace("I really liked", "I very much liked")
    assert "their own grants" in _reading("question", "can postdocs apply for their own grants?")
    assert "how you run your standups" in _reading("question", "how do they run their standups")
    assert "you co-wrote the textbook" in _reading("their_work", "co-wrote the textbook we used")
    plan = _reading("wish_said", "fumbled the q on my 5 yr plan. should have said: two grants, "
                    "one monograph, a PhD student")  # fmt: skip
    assert "five-year plan" in plan and "one monograph and a PhD student." in plan, plan
    assert _reading("topic", "lab space: shared w/ chem").endswith("the lab space.")
    for body in ("HoD is stepping down next yr (confidential)", "met the dean briefly"):
        reading = read_point("other", body, "Jo")
        assert reading is not None and not reading.ok and reading.problem, body


def test_an_honorific_keeps_the_particles_of_a_surname():
    person = Person("v", "Dr. Pieter van Wyk", "interviewer", email="p@x.example",
                    points=(Point("topic", "the loadshedding tracker"),))  # fmt: skip
    email = compose_panel(make_job(0), [person], make_profile(0, "formal", "honorific"))[0]
    assert email.body.startswith("Dear Dr. van Wyk,\n")
    assert "Dr. van Wyk" in email.subject or "Pieter" not in email.subject


# --- Hold-out review, round 3: what a blind reader still marked -----------------------------


def _by_person_and_channel(job, people, profile) -> dict:
    return {(d.contact_id, d.channel): d for d in compose_panel(job, people, profile)}


def test_a_name_written_family_name_first_is_greeted_by_the_family_name():
    job = Job("Tan & Koh Builders", "Site Manager", ())
    koh = Person("k", "Mr. Koh Wee Leong", "interviewer", email="k@x.example")
    recruiter = Person("m", "Michelle Tay", "recruiter", email="m@x.example")
    profile = Profile("Rajesh Pillai", tone="brief", greeting_style="honorific")
    drafts = _by_person_and_channel(job, [koh, recruiter], profile)
    email, wrapup = drafts["k", "email"], drafts["m", "wrapup"]
    assert email.body.startswith("Dear Mr. Koh,"), email.body
    assert "Mr. Koh" in wrapup.body and "meet Koh" not in wrapup.body, wrapup.body
    van_wyk = Person("v", "Dr. Pieter van Wyk", "interviewer", email="v@x.example")
    assert compose_panel(job, [van_wyk], profile)[0].body.startswith("Dear Dr. van Wyk,")


def test_a_jot_squeezed_into_a_phrase_keeps_only_the_clean_part_or_is_flagged():
    trial = _reading("topic", "trial shift 4hrs on garde manger, they do 220 covers fri/sat")
    assert trial.endswith("the trial shift."), trial
    job = _reading("topic", "Punggol job, 3 blocks, piling done, superstructure starts Jan")
    assert job.endswith("the Punggol job.") and "piling done" not in job, job
    elections = _reading("topic", "2026 local elections - she wants a dashboard ready by Oct")
    assert "the 2026 local elections" in elections, elections
    assert _reading("other", "re roster").endswith("the roster."), _reading("other", "re roster")
    reading = read_point("other", "if offer - bring passport + original degree cert on day 1")
    assert not reading.ok and "too rough" in reading.problem, reading


def test_a_thing_to_mention_is_named_and_it_is_never_the_answer():
    sop = _reading(
        "wish_said",
        "HPRA inspection came up and I blanked. should've mentioned the audit trail SOP I wrote",
    )
    assert "the HPRA inspection" in sop and sop.endswith("the audit trail SOP I wrote."), sop
    assert "answer" not in sop and "should" not in sop, sop
    left_out = _reading(
        "wish_said",
        "told him the crane story but left out 0 LTI over 600k manhours. should have said it",
    )
    assert "zero LTI over 600,000 man-hours." in left_out and " it." not in left_out, left_out
    bare = read_point("wish_said", "rambled on the budget q. should have said it", "Kim")
    assert not bare.ok and "'it'" in bare.problem, bare


def test_a_jot_marked_to_check_first_stays_out_until_confirmed():
    reading = read_point("their_work", "her group published on CE-SDS, 2023?? check b4 writing")
    assert not reading.ok and "check before writing" in reading.problem, reading


def test_a_role_title_with_a_comma_reads_as_one_title():
    job = Job("St. Columba's Hospital", "Charge Nurse, Emergency Department", ())
    person = Person("a", "Bello Ade", "interviewer", email="a@x.example")
    email = compose_panel(job, [person], Profile("Gwen Hart"))[0]
    assert "the Emergency Department Charge Nurse role" in email.body, email.body


def test_the_card_carries_another_detail_than_the_emails_first():
    points = (
        Point("topic", "the four-hour target, we hit 71% last month"),
        Point("common_ground", "we both trained at Cardiff"),
    )
    person = Person("b", "Bello Ade", "interviewer", email="b@x.example", points=points)
    drafts = compose_panel(make_job(0), [person], make_profile(0, "warm", "first_name"))
    email, card = (next(d for d in drafts if d.channel == code) for code in ("email", "card"))
    assert "four-hour target" in email.body and "Cardiff" in email.body
    assert "Cardiff" in card.body and "four-hour target" not in card.body, card.body


def test_a_list_of_tools_is_not_the_fit_line_when_a_real_one_exists():
    job = Job("Acme", "Site Manager", ("WSQ BCSS, registered WSH Officer", "delivered 2 projects"))
    fits = fit_sentences(job, phrases.book("en", "warm"), 3, 0)
    assert "delivered two projects" in fits[0] and "WSQ" not in " ".join(fits), fits
    assert fits[1:] == ["", ""], fits  # past the candidate's own lines, none is said twice


def test_common_ground_said_of_them_is_said_of_both():
    assert "we are both Packers fans." in _reading("common_ground", "she's a Packers fan too")
    assert "we are both runners." in _reading("common_ground", "he is a runner too")
    course = _reading("common_ground", "same Waters Empower course in Manchester, 2021")
    assert "we both did the same Waters Empower course in Manchester" in course, course
    asked = _reading("common_ground", "she's doing her MLIS part time, asked me abt practicums")
    assert "you asked me about practicums" in asked and "we both asked" not in asked, asked


def test_someone_met_on_the_day_is_not_thanked_for_an_interview():
    lena = Person("l", "Lena", "other", points=(Point("common_ground", "she's from Lisbon"),))
    drafts = compose_panel(Job("Saltbush", "Sous Chef", ()), [lena], Profile("Mateus Ferreira"))
    card = next(d for d in drafts if d.channel == "card")
    thanks = sections(card.body)[1][0]
    assert "interview" in thanks and not re.search(r"meeting with me about|discuss", thanks)
    assert not re.search(r"for (?:interviewing me|your time and for meeting)", card.body)


def test_a_promised_pdf_is_not_replaced_by_the_website_in_the_signature():
    profile = Profile("Tom Nowak", portfolio_url="https://tnowak.design")
    person = Person(
        "d", "Daniel Crane", "interviewer", email="d@x.example",
        points=(Point("promise", "send my portfolio PDF"),),
    )  # fmt: skip
    email = compose_panel(Job("Hollis & Crane", "Architectural Assistant", ()), [person], profile)
    body = next(d for d in email if d.channel == "email").body
    assert f"portfolio PDF: {PLACEHOLDER}" in body or PLACEHOLDER in body, body
    site = Person(
        "s", "Sam Lee", "interviewer", email="s@x.example",
        points=(Point("promise", "send my portfolio"),),
    )  # fmt: skip
    linked = compose_panel(Job("Hollis & Crane", "Architectural Assistant", ()), [site], profile)
    assert "https://tnowak.design" in next(d for d in linked if d.channel == "email").body


def test_one_link_for_two_promised_things_leaves_the_other_to_add():
    repo = _reading(
        "promise", "send my water repo https://github.com/t/water + the scraper writeup"
    )
    assert repo.endswith(f"https://github.com/t/water and {PLACEHOLDER}"), repo
    deck = _reading("promise", "send my slides and the notebook https://x.example/nb")
    assert deck.endswith(f"{PLACEHOLDER} and https://x.example/nb"), deck


def test_notes_to_self_and_other_candidates_stay_out():
    for kind, jot in (
        ("promise", "send deck from the osaka campaign, REMOVE client names first"),
        ("other", "you are the business owner and looks exhausted"),
        ("other", "two other candidates at final stage"),
        ("other", "housing allowance only ¥30,000"),
        ("topic", "fix the readme first, then send repo"),
        ("other", "GM liked you a lot before round 2"),
    ):
        reading = read_point(kind, jot, "Kim")
        assert not reading.ok and "leaves out" in reading.problem, (jot, reading)


def test_a_promise_to_do_something_is_said_as_a_promise_not_an_attachment():
    assert (
        _reading("promise", "update her by Thursday")
        == "As promised, I will update you by Thursday."
    )
    call = _reading("promise", "call him to debrief tomorrow 10am")
    assert call == "As promised, I will call you to debrief tomorrow at 10am.", call
    assert PLACEHOLDER not in call


def test_a_title_from_another_language_is_a_title():
    person = Person("t", "Ing. María Fernanda Treviño", "interviewer", email="t@x.example")
    profile = Profile("Ana", tone="formal", greeting_style="honorific")
    email = next(d for d in compose_panel(Job("Aero", "Planner", ()), [person], profile))
    assert email.body.startswith("Dear Ing. Treviño,"), email.body


def test_a_promise_to_someone_with_no_address_goes_on_their_card():
    gwen = Person(
        "g", "Gwen Price", "hr", points=(Point("promise", "send my NMC PIN and DBS cert"),)
    )
    drafts = compose_panel(Job("St. Columba's", "Charge Nurse", ()), [gwen], Profile("Bronwyn"))
    assert [d.channel for d in drafts if d.channel in ("email", "wrapup")] == []
    card = next(d for d in drafts if d.channel == "card")
    assert "NMC PIN and DBS certificate" in card.body, card.body
    with_address = replace(gwen, email="g@x.example")
    drafts = compose_panel(Job("St. Columba's", "Charge Nurse", ()), [with_address], Profile("B"))
    assert "NMC" not in next(d for d in drafts if d.channel == "card").body  # the email has it


def test_a_fit_line_that_says_what_the_candidate_does_reads_as_their_own_clause():
    job = Job("Acme", "Physio", ("run hydrotherapy grp for CP kids", "speak danish and english"))
    fits = fit_sentences(job, phrases.book("en", "warm"), 2, 0)
    assert fits[0].startswith("I run hydrotherapy group for CP kids"), fits
    assert fits[1].startswith("I speak Danish and English"), fits
    assert not any("experience in run" in f or "experience in speak" in f for f in fits)


def test_a_card_with_something_to_write_in_is_warned_about():
    gwen = Person(
        "g", "Gwen Price", "hr", points=(Point("promise", "send my NMC PIN and availability"),)
    )
    drafts = compose_panel(Job("St. Columba's", "Charge Nurse", ()), [gwen], Profile("Bronwyn"))
    card = next(d for d in drafts if d.channel == "card")
    warnings = check_draft(
        channel="card", subject="", body=card.body, contact_name="Gwen Price",
        contact_email="", points=["NMC PIN"], other_bodies=[], due_at=None,
        now=datetime(2025, 1, 1),
    )  # fmt: skip
    [placeholder] = [w for w in warnings if w.code == "placeholder"]
    assert "[write it in here] with what you promised" in placeholder.message


def test_the_pages_name_a_person_as_their_notes_greet_them():
    from models import Contact

    assert Contact(name="Dr. Priya Natarajan").first_name == "Priya"  # not "Dr."
    assert Contact(name="Koh Wee Leong").first_name == "Wee Leong"
    assert Contact(name="Dana Rivera").first_name == "Dana"
    # The work address shows which word is the family name (from the H18 review).
    assert Contact(name="Li Wei Chen", email="liwei.chen@x.example").first_name == "Li Wei"
    assert Contact(name="Koh Wee Leong", email="weeleong.koh@x.example").first_name == "Wee Leong"
    assert Contact(name="Li Wei Chen", email="").first_name == "Wei Chen"  # no hint: Li first


def test_a_greeting_follows_the_name_order_the_work_address_shows():
    li = Person("l", "Li Wei Chen", "interviewer", email="liwei.chen@kowhai.example")
    profile = Profile(name="Aroha", greeting_style="first_name")
    assert greeting(li, profile, phrases.book("en", "warm")) == "Hi Li Wei,"
    formal = Profile(name="Aroha", greeting_style="honorific")
    li_she = Person("l", "Li Wei Chen", "interviewer", email="liwei.chen@kowhai.example",
                    points=[Point("topic", "she runs the China launch")])  # fmt: skip
    assert greeting(li_she, formal, phrases.book("en", "warm")) == "Dear Ms. Chen,"


def test_asides_in_a_promise_and_a_fumble_stay_out_of_the_note():
    promised = _reading("promise", "vibration writeup from my msc (the PDF, not the 90pg version)")
    assert "90pg" not in promised and "the vibration writeup from my MSc" in promised, promised
    answer = _reading(
        "wish_said", "shld have said I did this with isolation forest, totally blanked"
    )
    assert answer.endswith("I did this with isolation forest."), answer


# --- Hold-out review, round 5 (H2): what a blind reader still marked ------------------------


def test_a_japanese_name_written_family_name_first_is_read_that_way():
    from services.composer.grammar import first_name

    assert first_name("Matsuda Keiko") == "Keiko"
    assert first_name("Nishimura Daisuke") == "Daisuke"
    assert first_name("Keiko Matsuda") == "Keiko"  # the Western order stays as it is
    assert first_name("Tanaka John") == "Tanaka"  # not a Japanese given name: no guess
    job = Job("Hotel Kamogawa Terrace", "Revenue Manager", ())
    keiko = Person("k", "Matsuda Keiko", "interviewer", email="k@x.example")
    profile = Profile("Priya Nair", tone="formal", greeting_style="honorific")
    email = compose_panel(job, [keiko], profile)[0]
    # No title given: the family name with -san, which needs no guess at gender.
    assert email.body.startswith("Dear Matsuda-san,"), email.body


def test_a_promise_said_aloud_and_a_bracket_about_the_reader_are_shorthand():
    promise = _reading("promise", "said i'd send him the OLA job board link")
    assert "here is the OLA job board link" in promise and "said i" not in promise.lower(), promise
    ryokan = _reading("common_ground", "we both started at a ryokan (hers hakone, mine kinosaki)")
    assert "we both started at a ryokan." in ryokan and "hers" not in ryokan, ryokan


def test_languages_and_certificates_in_fit_lines_are_spoken_and_held():
    def fit(line: str) -> str:
        return fit_sentences(Job("Acme", "Nurse", (line,)), phrases.book("en", "warm"), 1, 0)[0]

    assert "I speak Danish and English, and some German" in fit("danish/english + ok german")
    assert "I am bilingual in English and French" in fit("bilingual EN/FR")
    held = fit("JLPT N1 (dec 2024)")
    assert "I hold JLPT N1" in held and "dec" not in held, held
    gwo = fit("GWO basic + advanced rescue valid til 2027")
    assert "I hold GWO basic and advanced rescue, valid until 2027" in gwo, gwo


def test_an_answered_question_is_thanked_for_without_its_shorthand_answer():
    team = _reading("question", "asked team size - 2 + me. she said 'small but quiet' ??")
    assert team.endswith("the team size."), team
    advert = read_point("question", "Saturdays, one in 3, it was in the advert", "Fiona")
    assert not advert.ok and "answered" in advert.problem
    assert "showing me the back office" in _reading("topic", "showed me back office - 2011 macros")
    idea = _reading("wish_said", "wish i'd brought up group block / wedding release policy idea")
    assert "my idea for" in idea and "block and wedding release policy." in idea, idea


def test_an_agency_recruiter_is_not_told_we_might_work_together_at_the_company():
    job = Job("Hotel Kamogawa Terrace", "Revenue Manager", ())
    gm = Person("g", "Keiko Matsuda", "interviewer", email="k@kamogawa.example")
    agency = Person("a", "Ryo Arakawa", "recruiter", email="ryo@crestline-search.example")
    profile = Profile("Priya Nair")
    for slot in range(8):
        people = [gm, *([gm] * slot), agency]  # each slot of the phrase book in turn
        people = [Person(f"p{i}", p.name, p.role, email=p.email) for i, p in enumerate(people)]
        for draft in compose_panel(job, people, profile):
            if draft.contact_id == f"p{len(people) - 1}":
                assert "work with you at" not in draft.body, draft.body


def test_spanish_titles_greet_by_the_first_of_two_family_names():
    job = Job("Museo de Arte Textil", "Registrar", ())
    directora = Person("d", "Dra. María Fernanda López Arriaga", "interviewer", email="d@m.example")
    rh = Person("r", "Lic. Arturo Benítez Solís", "hr", email="rh@m.example")
    profile = Profile("Ana Ruiz", tone="formal", greeting_style="honorific")
    drafts = _by_person_and_channel(job, [directora, rh], profile)
    email = drafts["d", "email"]
    assert email.body.startswith("Dear Dra. López,") and "Dra. López" in email.subject, email
    assert drafts["r", "wrapup"].body.startswith("Dear Lic. Benítez,")


def test_a_german_title_part_is_never_read_as_a_name():
    from services.composer.grammar import first_name

    assert first_name("Prof. Dr. med. Jonas Brandt") == "Jonas"
    jonas = Person("j", "Prof. Dr. med. Jonas Brandt", "interviewer", email="j@k.example")
    hr = Person("h", "Miriam Vogel", "hr", email="h@k.example")
    drafts = compose_panel(Job("Klinikum", "Apotheker", ()), [jonas, hr], Profile("Ana"))
    wrapup = next(d for d in drafts if d.channel == "wrapup")
    assert "med." not in wrapup.body and "Jonas" in wrapup.body, wrapup.body


def test_a_reminder_to_self_is_flagged_and_a_listed_fit_line_is_not_held():
    for kind, jot in (("other", "would report to me. bit guarded"), ("other", "bring: 2 photos"),
                      ("topic", "would love a demo")):  # fmt: skip
        assert not read_point(kind, jot, "Sho").ok, jot

    def fit(line: str) -> str:
        return fit_sentences(Job("Acme", "GRM", (line,)), phrases.book("en", "warm"), 1, 0)[0]

    assert "I hold JLPT N1 2022 and" not in fit("JLPT N1 2022 + english native, bit of mandarin")


def test_a_place_typed_in_lower_case_is_written_as_the_place():
    from services.composer.lexicon import places

    assert places("we both did erasmus in leiden") == "we both did erasmus in Leiden"
    assert places("moved from new york to san francisco") == "moved from New York to San Francisco"
    assert places("a dublin-based team") == "a Dublin-based team"
    assert places("holiday in st kilda") == "holiday in St Kilda"
    # Everyday words stay words; a town's name is the town only where a place would stand.
    for same in ("reading the bath report on mobile", "a teen manga club", "long beach walks",
                 "https://tokyo.example/leiden", "leiden@uni.example"):  # fmt: skip
        assert places(same) == same
    reading = read_point("common_ground", "she did a working holiday in melbourne", "Aiko")
    assert "in Melbourne" in reading.text, reading

    def fit(line: str) -> str:
        return fit_sentences(Job("Acme", "GRM", (line,)), phrases.book("en", "warm"), 1, 0)[0]

    assert "in Osaka" in fit("ran the RMS migration at a 300-key hotel in osaka")


_FITS = """
7 yrs hosp pharmacy, last 4 in the aseptic unit
    I have seven years of experience in hospital pharmacy
5 yrs at the naivasha packhouse
    I have spent five years at the Naivasha packhouse
ran RMS migration at a hotel in osaka, no downtime
    I ran RMS migration at a hotel in Osaka, with no downtime
ran the dose banding project - waste down ~18%
    I ran the dose banding project
german B2, C1 course on tues/thurs evenings
    I speak German at B2 level
MSc info & library studies, strathclyde 2026
    I have an MSc in information and library studies
JLPT N1 2022 + english native
    I hold JLPT N1 2022
kiswahili, english, kalenjin
    I speak Kiswahili, English and Kalenjin
eDNA sampling, R, occupancy models
    I have experience in eDNA sampling, R and occupancy models
6 yrs reporting, started at a community paper
    I have spent six years reporting, starting at a community paper
calm w complaints lol, the wedding overbooking thing
    I am calm with complaints
"""


@pytest.mark.parametrize(
    "line, said", list(zip(*[iter(_FITS.strip().splitlines())] * 2, strict=True))
)
def test_a_fit_line_is_said_as_the_candidate_would_say_it(line, said):
    from services.composer import read_fit

    assert read_fit(line) == (said.strip(), "")


@pytest.mark.parametrize(
    "line",
    ["ran kiosk/till ops at 3 sites", "supplier escapes 140 ppm -> 22 ppm", "bilingual, can write"],
)
def test_a_fit_line_that_cannot_be_said_cleanly_is_left_out_with_a_reason(line):
    from services.composer import read_fit

    clause, problem = read_fit(line)
    assert clause == "" and problem
    job = Job("Acme", "GRM", (line,))
    assert fit_sentences(job, phrases.book("en", "warm"), 1, 0) == [""]


def test_the_honorific_style_names_people_the_same_way_everywhere():
    job = Job("Hotel Kasumi", "Guest Relations Manager", ())
    kenji = Person("k", "Yamamoto Kenji", "interviewer", email="k@kasumi.example")
    sabine = Person("s", "Sabine Krüger", "interviewer", email="s@kasumi.example")
    petrov = Person("p", "Dr. Nikolai Petrov", "interviewer", email="p@kasumi.example")
    hr = Person("h", "Ishikawa Megumi", "hr", email="h@kasumi.example")
    profile = Profile("Olivia Brennan", tone="formal", greeting_style="honorific")
    drafts = _by_person_and_channel(job, [kenji, sabine, petrov, hr], profile)
    email = drafts["k", "email"]
    assert email.body.startswith("Dear Yamamoto-san,") and "Kenji" not in email.subject, email
    assert drafts["s", "email"].body.startswith("Dear Sabine Krüger,")
    assert "Sabine," not in drafts["s", "email"].subject
    wrapup = drafts["h", "wrapup"].body
    assert "Yamamoto-san, Sabine Krüger and Dr. Petrov" in wrapup, wrapup


def test_the_honorific_style_takes_a_title_from_what_the_notes_call_someone():
    job = Job("Caledon Offshore Wind", "Senior Wind Turbine Technician", ())
    shes = (Point("common_ground", "shes from stavanger"),)
    ingrid = Person("i", "Ingrid Solberg", "interviewer", email="i@caledon.example", points=shes)
    hes = (Point("topic", "bearing swaps, he said 8 turbines next summer"),)
    callum = Person("c", "Callum Baird", "interviewer", email="c@caledon.example", points=hes)
    # Her notes mention a man too: the notes do not say which title is hers.
    both = (Point("other", "she said callum will call me, he decides"),)
    fiona = Person("f", "Fiona Reid", "hr", email="f@caledon.example", points=both)
    profile = Profile("Ewan McAllister", tone="formal", greeting_style="honorific")
    drafts = _by_person_and_channel(job, [ingrid, callum, fiona], profile)
    assert drafts["i", "email"].body.startswith("Dear Ms. Solberg,")
    assert drafts["c", "card"].body.startswith("Dear Mr. Baird,")
    assert drafts["f", "wrapup"].body.startswith("Dear Fiona Reid,")
    assert "Ms. Solberg and Mr. Baird" in drafts["f", "wrapup"].body
    # An Italian title is a title: "she" does not make it "Ms.".
    dott = Person("a", "Dott.ssa Francesca Ambrosetti", "interviewer", email="a@c.example",
                  points=shes)  # fmt: skip
    titled = _by_person_and_channel(job, [dott], profile)
    assert titled["a", "email"].body.startswith("Dear Dott.ssa Ambrosetti,")
    # Under the first-name style the notes change nothing.
    plain = _by_person_and_channel(job, [ingrid], replace(profile, greeting_style="first_name"))
    assert plain["i", "email"].body.startswith("Dear Ingrid,")


def test_a_promise_keeps_its_promise_without_the_to_do_noted_beside_it():
    for jot in ("send him the repo link (make repo public first!!)",
                "send the briefing template from tokyo (strip the hotel name first)",
                "send dose banding paper - look up the doi"):  # fmt: skip
        reading = read_point("promise", jot, "Sam")
        assert reading.ok and reading.placeholder, (jot, reading)
        assert not re.search(r"first|look up|make|strip", reading.text), reading.text
    linked = read_point("promise", "send the repo https://github.com/x/y (make it public first)")
    assert linked.text.endswith("https://github.com/x/y") and "public" not in linked.text
    kept = read_point("promise", "send my portfolio (the new one)", "Sam")
    assert kept.ok


def test_a_thing_and_how_it_is_changing_reads_as_how_it_changes():
    assert "how the inbound mix is shifting." in _reading("topic", "inbound mix shifting, ~40%")
    growing = _reading("topic", "CAR-T programme growing 2027")
    assert "how the CAR-T programme is growing in 2027." in growing, growing
    assert "how the guest numbers are dropping" in _reading("topic", "guest numbers dropping")
    assert "about growing the team" in _reading("topic", "growing the team")


def test_phone_marks_are_spelled_out_or_flagged_never_left_dangling():
    assert "the galleries with 30 sensors." in _reading(
        "their_work", "mapping the galleries w 30 sensors"
    )
    assert not read_point("topic", "the install for rebozos = 3 wks, custom mounts").ok
    shouted = _reading("topic", "she wants pharmacist ON the ward round")
    assert "pharmacist on the ward round" in shouted, shouted
    assert "DO-178C" in _reading("topic", "DO-178C test procedures")


def test_a_role_given_in_two_languages_is_named_once_and_no_visit_is_assumed():
    from services.composer.grammar import role_title

    assert role_title("Registrar de Colecciones / Collections Registrar") == "Collections Registrar"
    job = Job("Museo Textil", "Registrar de Colecciones / Collections Registrar", ())
    people = [Person(str(i), f"Pat Lee{i}", "other") for i in range(6)]
    for draft in compose_panel(job, people, Profile("Ana Ruiz")):
        assert "while I was at" not in draft.body and " / " not in draft.body, draft.body


def test_a_tail_without_a_subject_is_said_of_the_topic():
    moved = _reading("topic", "arc flash program, just moved to CSA Z462 2024")
    assert "that it has just moved to CSA Z462 2024." in moved, moved
    assert "temperature excursions" in _reading("topic", "temp excursions on the tarmac")


def test_a_promise_to_someone_with_no_address_travels_in_the_organisers_wrap_up():
    job = Job("Rift Fresh", "Supervisor", ())
    faith = Person(
        "f", "Faith Njeri", "interviewer", points=(Point("promise", "send her my pre-cooling SOP"),)
    )
    grace = Person("g", "Grace Wambui", "hr", email="g@rift.example")
    drafts = _by_person_and_channel(job, [faith, grace], Profile("Brian Otieno"))
    card, wrapup = drafts["f", "card"].body, drafts["g", "wrapup"].body
    assert "I have asked Grace to pass on my pre-cooling SOP" in card, card
    assert PLACEHOLDER not in card, "a handwritten card holds no link"
    assert re.search(r"promised Faith my pre-cooling SOP.*: \[add the link or file\]", wrapup)
    # With no organiser to pass it on, the card keeps the promise: it will follow.
    alone = _by_person_and_channel(job, [faith], Profile("Brian Otieno"))["f", "card"].body
    assert "I will send you my pre-cooling SOP separately" in alone, alone
    assert PLACEHOLDER not in alone and "asked" not in alone, alone


def test_both_with_a_participle_is_something_both_have_done():
    crossing = _reading("common_ground", "both done the ruahine crossing")
    assert "we have both done the ruahine crossing" in crossing, crossing
    assert not read_point("common_ground", "both did turnarounds 09ish").ok


def test_fragments_with_no_subject_are_said_of_the_right_person():
    cases = {
        ("topic", "wants to grow maint agreements"): "you want to grow maintenance agreements",
        ("their_work", "shes piloting a float pool"): "you're piloting a float pool",
        ("their_work", "rewriting timetable so sci gets 5"): "rewriting timetable so science",
        ("common_ground", "PGCE at Leeds Beckett too"): "we both did a PGCE at Leeds Beckett",
        ("common_ground", "saul bass fans both"): "we are both saul bass fans",
        ("topic", "timelines tight, 3-4 wk turnarounds"): "how tight the timelines are",
        ("topic", "went through my reel"): "going through my reel",
        ("topic", "she wants it down to 4 w/out losing retention"): "without losing retention",
    }  # fmt: skip
    for (kind, jot), said in cases.items():
        assert said in _reading(kind, jot), (jot, _reading(kind, jot))


def test_how_someone_seemed_stays_out_of_every_note():
    for jot in ("gut: good guy, maybe a micromanager", "so warm, held my hand at the end",
                "she was cooler than the others", "said offer prob w/in a week"):  # fmt: skip
        assert not read_point("other", jot, "Sam").ok, jot
    assert read_point("other", "very warm welcome from the whole team", "Sam").suggestion


def test_an_answered_yes_or_no_question_is_thanked_for_the_answer_not_asked_again():
    cases = {
        "asked start date flex -> jan 11 ideal, feb ok": "my question about the start date.",
        "asked if visa needed -> no, but need BSN registration": "my question about a visa.",
        "asked if relocation covered -> yes": "confirming that relocation is covered.",
        "asked about remote -> in studio tue-thu": "remote working.",
    }
    for jot, said in cases.items():
        assert _reading("question", jot).endswith(said), (jot, _reading("question", jot))


def test_a_better_example_is_offered_with_confidence_and_why_someone_left_stays_out():
    wish = _reading(
        "wish_said",
        "she asked how I handle a rude tech, gave a nothing answer. shouldve said the ride-along",
    )
    assert "should" not in wish and "ride-along" in wish, wish
    assert not read_point("question", "asked why last svc mgr left -> he wanted trucks").ok
    assert "we are both broncos fans." in _reading("common_ground", "broncos guy")
    staying = _reading("their_work", "staying on ServiceTitan but redoing the pricebook")
    assert "you are staying on ServiceTitan" in staying, staying


def test_a_role_held_is_a_fit_line_and_a_form_letter_name_stays_out_of_the_subject():
    from services.composer import read_fit

    assert (
        read_fit("on-call lead, brought P1s from 6/qtr to 1")[0]
        == "I have worked as an on-call lead"
    )
    assert (
        read_fit("2nd in dept 5 yrs, physics")[0]
        == "I have been second in department for five years"
    )
    assert read_fit("4.5 yrs golang")[0] == "I have 4.5 years of experience in Go"
    job = Job("Kirkgate Academy (Brightwater Learning Trust)", "Head of Science", ())
    person = Person("k", "Karthik Subramanian", "interviewer", email="k@x.example")
    profile = Profile("Owen Pritchard", tone="formal", greeting_style="honorific")
    email = compose_panel(job, [person], profile)[0]
    assert "Subramanian" not in email.subject and not email.subject.endswith(","), email.subject
    assert "Brightwater" not in email.body and "Kirkgate Academy" in email.body, email.body
    assert not read_point("other", "CTC: told 38L, current 29L", "Sam").ok


def test_what_they_did_for_the_candidate_is_thanked_for_and_a_setback_is_not_quoted_back():
    observed = _reading("topic", "observed my yr 9 lesson, energy stores. liked the hinge q")
    assert "for observing my year 9 lesson." in observed, observed
    ofsted = _reading("topic", 'Ofsted due any time, science was "the weak link" last time')
    assert "Ofsted is due any time." in ofsted and "weak link" not in ofsted, ofsted


def test_h4_readings_pronouns_promises_by_a_day_worry_and_unsure_fit_lines():
    from services.composer import read_fit
    from services.composer.grammar import first_name

    assert "what keeps you up at night" in _reading(
        "question", "asked what keeps her up at night -> a funding cliff"
    )
    assert "we both climb." in _reading("common_ground", "she climbs too, bouldering at Monk")
    assert first_name("Aunty Carol Briggs") == "Aunty Carol"
    referees = _reading("promise", "send 2 referees by weds - ask Leanne + Dev")
    assert referees == "As promised, I will send you the details of two referees by Wednesday.", (
        referees
    )
    for private in ("115k + super, 4 day wk option", "2 others in final round"):
        assert not read_point("other", private, "Josh").ok, private
    worried = _reading("topic", "they're moving 3D to Blender, not C4D 😬")
    assert not re.search(r"glad|fun|enjoy|pleasure", worried), worried
    assert read_fit("lived exp of housing stress - might mention, might not")[0] == ""
    assert read_fit("lived exp of housing stress")[0] == "I have lived experience of housing stress"
    raised = read_fit("raised $1.2m trusts & foundations at Westgate Youth")[0]
    assert raised.startswith("I raised $1.2m from trusts and foundations"), raised
    assert "NDA" not in read_fit("did the rebrand system for a bank (NDA - say 'major bank')")[0]


def test_an_answer_said_wrongly_is_corrected_plainly():
    rive = _reading(
        "wish_said", "she asked if I'd used Rive, I said no. I DID, the lottie/rive job"
    )
    assert rive == "To correct what I said about Rive, I have in fact used it.", rive
    budget = _reading("wish_said", "asked if i have managed a budget, i said no. i have")
    assert budget.endswith("I have in fact managed one."), budget
    assert "the 30% ruling" in _reading("other", "30% ruling - she thinks I qualify")


def test_h5_fit_lines_and_notes_to_self():
    from services.composer import read_fit

    fits = (
        ("ran 2nd shift at amazon MEM4 3 yrs", "I ran second shift at Amazon MEM4 for three years"),
        ("cut mispicks ~30% w/ slotting", "I cut mispicks by about 30% with slotting"),
        ("forklift cert + OSHA 30", "I hold a forklift certificate and OSHA 30"),
        (
            "5 yrs PQE employment",
            "I have five years of post-qualification experience in employment",
        ),
        ("4 yrs duty mgr at 200 room hotel", "I have worked as a duty manager at a 200-room hotel"),
        ("marathi + hindi + eng, can write", "I speak Marathi, Hindi and English"),
        ("lots of court work - PLO", "I have done a lot of court work"),
    )
    for line, said in fits:
        assert read_fit(line)[0].startswith(said), (line, read_fit(line))
    for kind, jot in (
        ("other", "he's on commission so he'll push me to take it, don't let him rush me"),
        ("other", "v formal. Ms Fennelly NOT Grainne"),
        ("other", "lovely, felt like she was on my side"),
        ("other", "they're also seeing someone from jozi"),
        ("topic", "benefits day 1, 401k 4% match"),
        ("topic", "TRIR went up this yr, 2 forklift incidents in sept"),
        ("wish_said", "blanked on the labour court case - look it up b4 2nd round"),
    ):
        assert not read_point(kind, jot, "Sam").ok, jot


def test_an_email_says_two_details_at_most_the_plainest_ones():
    jots = (
        Point("topic", "kafka migration for the ledger"),
        Point("their_work", "she's rebuilding the model inventory in ServiceNow"),
        Point("common_ground", "both from Leeds, she went to my school too"),
        Point("topic", "on-call rota"),
    )
    dana = Person("d", "Dana Rivera", "interviewer", email="d@acme.example", points=jots)
    email = compose_panel(Job("Acme", "Engineer", ()), [dana], Profile("Sam Carter"))[0]
    said = [
        j for j in ("kafka migration", "ServiceNow", "Leeds", "on-call rota") if j in email.body
    ]
    assert len(said) == 2 and "Leeds" not in said, (said, email.body)


def test_the_place_table_is_built_once_and_a_tampered_copy_is_rebuilt(tmp_path, monkeypatch):
    from services.composer import lexicon

    monkeypatch.setattr(lexicon.tempfile, "gettempdir", lambda: str(tmp_path))
    lexicon._tables.cache_clear()
    try:
        assert lexicon.places("in leiden") == "in Leiden"  # built in a child process, then kept
        kept = lexicon._table_file()
        assert kept.parent == tmp_path and kept.stat().st_size > 100_000
        assert lexicon.word_count("instead") > 100_000 and lexicon.word_count("insted") == 0
        # The kept table, names with marks in it ("Kraków"), is read as it is: never rebuilt.
        lexicon._tables.cache_clear()
        monkeypatch.setattr(lexicon.subprocess, "run", lambda *a, **k: 1 / 0)
        assert lexicon.places("she lived in krakow") == "she lived in Kraków"
        monkeypatch.undo()
        monkeypatch.setattr(lexicon.tempfile, "gettempdir", lambda: str(tmp_path))
        kept.write_text('[{"x": "<script>"}, {}, {}]', encoding="utf-8")
        lexicon._tables.cache_clear()
        assert lexicon.places("in leiden") == "in Leiden", "a table that is not names is rebuilt"
    finally:
        lexicon._tables.cache_clear()


def test_fillers_emoji_breaks_month_ranges_and_averages():
    peak = _reading("topic", "peak vol basically doubles nov-jan, theyre bringing on 60 temps")
    assert "peak volume doubles from November to January" in peak, peak
    opera = _reading(
        "their_work", "shes moving them to opera cloud in jan 😬 ive literally done this"
    )
    assert opera.endswith("in January.") and "done this" not in opera, opera
    assert not re.search(r"\bglad|good|impressed", opera), opera
    caseloads = _reading("topic", "caseloads avg 18, she's trying to get to 15")
    assert "caseloads are averaging 18" in caseloads, caseloads


def test_a_how_tail_joins_its_topic_and_a_mention_is_not_said_twice():
    ages = _reading(
        "topic", "mandatory retirement ages - how clients are reacting to the new rules"
    )
    assert ages.endswith(
        "the mandatory retirement ages, and how clients are reacting to the new rules."
    ), ages
    template = _reading("promise", "send him the looker studio template i mentioned")
    assert "mentioned" not in template.replace("As mentioned", ""), template


def test_to_a_recruiter_they_is_the_company_not_the_reader():
    jot = "says they want a decision by dec 11"
    recruiter = read_point("other", jot, "Travis", organiser=True).suggestion
    assert "they want a decision by December 11" in recruiter and "you want" not in recruiter
    travis = Person(
        "t", "Travis Cole", "recruiter", email="t@agency.example", points=(Point("other", jot),)
    )
    wrapup = compose_panel(Job("Riverbend", "Supervisor", ()), [travis], Profile("Marcus"))[0]
    assert "you want a decision" not in wrapup.body, wrapup.body


def test_small_readings_from_the_fifth_hold_out():
    assert "the notice period" in _reading("topic", "notice - mine is 60 days, they want 30")
    assert "you knew Dr Lyons" in _reading(
        "common_ground", "both did the MA at huddersfield, she knew dr lyons!"
    )
    assert "we have UCC law in common" in _reading("common_ground", "UCC law both!")
    assert "YouTube shorts" in _reading("topic", "reels vs yt shorts")
    copies = _reading("promise", "send her SACAP cert + ID copy for the checks")
    assert copies.endswith(PLACEHOLDER), copies


def test_a_promise_is_the_thing_sent_and_a_figure_down_is_how_it_moved():
    script = _reading("promise", "send him the check-in upsell script, got us +$18 ADR")
    assert "upsell script:" in script and "$18" not in script, script
    traffic = _reading("topic", "discover traffic down ~40% after the core update")
    assert "how discover traffic is down about 40% after the core update" in traffic, traffic
    refund = _reading(
        "wish_said", "refund q - shd have said the room move instead of going theoretical"
    )
    assert "theoretical" not in refund, refund
    assert "at our old jobs" in _reading(
        "common_ground", "we both did the smith system training at old jobs"
    )


def test_an_other_note_that_describes_the_interviewer_stays_out():
    described = (
        "swears a lot lol. easy guy",
        "stern but fair",
        "she called me Rebecca twice lol",
        "on zoom from stockholm, audio terrible",
        "he said crunch 'isn't a thing' hmm",
    )
    for jot in described:
        assert not read_point("other", jot, "Sam").ok, jot
    chai = _reading("other", "took me round office + gave me chai, told me to relax")
    assert "taking me round the office and giving me chai." in chai, chai
    assert read_point("other", "offer decision by friday", "Sam").ok


def test_the_sixth_hold_out_acronyms_titles_graduates_and_setbacks():
    from services.composer import read_fit
    from services.composer.grammar import role_title

    assert read_fit("forklift + HR truck licence")[0] == "I hold a forklift and HR truck licence"
    assert read_fit("abertay grad 2025")[0] == "I graduated from Abertay in 2025"
    assert role_title("Pharmacy Manager (Designated Manager) - Leslieville") == "Pharmacy Manager"
    store = _reading("topic", "minor ailments, leslieville store is under target by like 40%")
    assert "target" not in store and "40%" not in store, store
    spring = _reading("their_work", "opening 2 new locations next spring (one near Gerrard?)")
    assert "Gerrard" not in spring, spring
    slides = _reading("promise", "send her the dirty dozen refresher slides I made")
    assert "here are the dirty dozen refresher slides I made" in slides, slides
    assert "obvs" not in _reading(
        "common_ground", "both played uni rugby, hes a hurricanes fan obvs"
    )


def test_a_rival_applicant_a_debrief_and_a_mood_stay_out():
    for jot in ("think he applied for this job too", "said they liked me in the debrief",
                "pretty intense, didnt smile much"):  # fmt: skip
        assert not read_point("other", jot, "Sam").ok, jot


def test_the_candidates_own_notice_stays_out_and_a_cv_is_attached():
    assert not read_point("other", "4 wks notice at current job, said start 4th jan", "Sinead").ok
    flexible = _reading("other", "start date flexible, told him mid jan after my notice")
    assert "the start date is flexible." in flexible, flexible
    cv = _reading("promise", "send her updated CV w/ the GWO refresher dates")
    assert cv.endswith(PLACEHOLDER), cv


@pytest.mark.parametrize(
    "jot",
    [
        "wants CSMs more technical, asked me a webhook q",  # a verb first
        "morale low, lots of students on 15hr contracts",  # a state missing its "is"
        "need offshore medical b4 start",  # an adjective after a noun
        "pls update him after",  # a verb and its object
        "zytostatika herstellung 38k preps/yr",  # another language
        "ECT yr 2, runs STEM club thurs",  # a word that needs its number
        "onboarding hands off to CSM at day 60",
    ],
)
def test_a_noun_phrase_that_still_reads_as_a_jot_is_left_to_the_user(jot):
    reading = read_point("topic", jot, "Kim")
    assert not reading.ok and "too rough" in reading.problem, reading


def test_a_rough_phrase_keeps_the_clause_that_stands_alone_after_it():
    reading = read_point("topic", "intl apps down 18%, she wants to diversify away from india")
    assert reading.ok and reading.text.endswith("that you want to diversify away from India.")
    assert "apps" not in reading.text
    # "they pay for it": "it" is the phrase left out, so nothing is said.
    assert not read_point("other", "need offshore medical b4 start, they pay for it").ok


@pytest.mark.parametrize(
    "jot",
    [
        "required practicals",
        "moving the model library from SAS to python",
        "peak season staffing",
        "trenchless vs open cut",
        "challenger models for IFRS 9 staging",
        "the library retrofit in Bristol",
        "health insurance + onsite canteen",
    ],
)
def test_a_clean_noun_phrase_is_still_read(jot):
    assert read_point("topic", jot, "Kim").ok, jot


def test_a_light_verb_before_the_topic_is_dropped():
    reading = read_point("topic", 'doing the new xmas windows - "cosy not cold"', "Kim")
    assert reading.ok and "the new Christmas windows" in reading.text
    assert "doing" not in reading.text


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("fear free cert lvl 2 + did the advanced dental CPD this yr", "lvl"),
        ("GWO basic safety + BTT all in date til 2028", "in date"),
        ("actually use the gear - walk wicklow way every summer", "actually use the gear"),
        ("7 yrs community pharm, last 3 as assoc mgr", "pharm"),
        ("midas civil / SAP2000, some OpenSees", "/"),
        ("ON injection cert + minor ailments prescribing since day 1 of it", "since day"),
    ],
)
def test_a_fit_line_still_in_shorthand_is_left_to_the_user(line, why):
    from services.composer import read_fit

    clause, problem = read_fit(line)
    assert clause == "" and why in problem, (clause, problem)


def test_a_place_after_the_kind_of_work_is_where_it_was():
    from services.composer import read_fit

    clause, _ = read_fit("5 yrs mixed practice Toowoomba, mostly small animal last 3")
    assert clause == "I have five years of experience in mixed practice in Toowoomba"
    # A place already after "in" keeps its one "in".
    assert read_fit("6 yrs front office in tokyo")[0].endswith("front office in Tokyo")


def test_a_better_answer_after_a_rambled_one_is_given_on_its_topic():
    gdv = read_point(
        "wish_said",
        "when he asked abt the GDV that went bad i rambled. shoulda just said what i changed "
        "after (pre op checklist + lactate on arrival)",
        "Graham",
    )
    assert gdv.ok and "the GDV" in gdv.text, gdv
    assert "what I changed afterwards, pre-op checklist and lactate on arrival." in gdv.text
    assert not re.search(r"rambl|shoulda|abt", gdv.text)
    listed = read_point("wish_said", "fumbled it. shouldve just said log + 1:1 + retraining plan")
    assert "log, 1:1 and retraining plan" in listed.text, listed


def test_what_a_story_lacked_is_added_to_it():
    jot = "safety stop story - forgot to say it was logged as a near miss"
    story = read_point("wish_said", jot)
    assert story.text == "To add to my safety stop story, it was logged as a near miss."
    project = read_point("wish_said", "the migration project, didnt mention we cut costs 30%")
    assert project.text.startswith("To add to what I said about the migration project, we cut")
    # "I" is not a topic: the plain reading stays.
    assert "about the I" not in read_point("wish_said", "didnt mention i led the sepsis audit").text


def test_a_copy_promised_is_one_copy():
    reading = read_point("promise", "copy of my qld vet board registration + proof of indemnity")
    assert "here is a copy of my QLD vet board registration and proof of indemnity" in reading.text


def test_with_an_agency_recruiter_and_company_hr_each_wrap_up_says_what_is_theirs():
    job = Job("Caledon Offshore Wind", "Technician", ())
    callum = Person("c", "Callum Baird", "interviewer", email="c@caledon.example")
    dean = Person("d", "Dean Fraser", "interviewer")  # no address: thanks passed on
    fiona = Person("f", "Fiona Reid", "hr", email="f@caledon.example")
    agency = Person("r", "Rebecca Onyango", "recruiter", email="rebecca@windstaff.example")
    drafts = _by_person_and_channel(job, [callum, dean, fiona, agency], Profile("Ewan"))
    to_hr, to_agency = drafts["f", "wrapup"].body, drafts["r", "wrapup"].body
    # The company's HR met no agency recruiter at the company, and is the one asked to pass
    # thanks on to Dean; the agency is thanked without a second request.
    assert "Rebecca" not in to_hr and to_hr.count("Dean") == 2, to_hr
    assert to_agency.count("Dean") == 1, to_agency


@pytest.mark.parametrize(
    ("jot", "why"),
    [
        ("PRACTISE SWIMMING. book pool at bangsar this wk", "note to yourself (PRACTISE)"),
        ("DONT talk comp w/ HR directly, kyle handles it", "note to yourself (DONT)"),
        ("2 yr bond or pay back training RM12k?? check contract", "about pay"),
        ("v direct, liked her a lot. think shed be my lead", "how they seemed to you"),
        ("hard to read, laughed once", "how they seemed to you"),
    ],
)
def test_an_aside_of_the_candidates_is_never_thanked_for(jot, why):
    reading = read_point("other", jot, "Nomvula")
    assert not reading.ok and why in reading.problem, reading


def test_a_to_do_after_a_fact_is_cut_and_the_fact_kept():
    reading = read_point("other", "2nd round w/ MD next thurs 10am, bring project photos", "Kim")
    assert "second round with the MD next Thursday" in reading.suggestion, reading
    assert "photos" not in reading.suggestion
    # An acronym in capitals is a name, not a shout.
    assert read_point("other", "IRATA refresher paid by them", "Kim").suggestion


@pytest.mark.parametrize(
    ("jot", "said"),
    [
        ("reporting line? -> direct to him + dotted line", "the reporting line."),
        ("how does on-call work -> 1 wk in 5, remote first", "how on-call works."),
        (
            "do producers cut the socials clips too? - she said yes 3 per show",
            "confirming that producers cut",
        ),
        ("does the producer have a say in guest bookings -> 'yeah 100%'", "the producer has a say"),
        ("what does he look for in a PA -> 'someone who can run a site'", "what you look for in"),
    ],
)
def test_a_question_with_its_answer_after_it_is_thanked_for_not_asked_again(jot, said):
    reading = read_point("question", jot, "Kim")
    assert reading.ok and said in reading.text, reading
    assert not re.search(r"curious|like to ask|interested to hear|\?", reading.text), reading


@pytest.mark.parametrize(
    "jot",
    [
        "do they pay for the master electrician ticket? ran out of time to ask",
        "she asked if im ok w flood standby roster -> yes, 1 wk in 6",  # she asked me
        "is IT audit embedded w/ the engagement teams? -> separate team",
        "loadshedding still an issue on site? -> much better now",
    ],
)
def test_a_question_not_answered_or_not_cleanly_read_is_not_thanked_for(jot):
    reading = read_point("question", jot, "Kim")
    assert not reading.ok or "explaining" not in reading.text, reading


def test_a_story_that_should_have_been_told_is_named_and_steps_in_shorthand_are_left_out():
    told = read_point(
        "wish_said",
        "talent meltdown q - i said id 'just make it work' shouldve told the 2am power cut story, "
        "ran the backup hour off a usb, no dead air",
    )
    assert told.ok and told.text.endswith("the 2am power cut story."), told
    steps = read_point(
        "wish_said",
        "difficult pax roleplay - i said sorry like 5 times. shld have done: acknowledge, offer "
        "option (seat change / meal), then loop in the CIC if still upset",
    )
    assert not steps.ok
    crane = read_point("wish_said", "shld have said i got moves/hr up by 5 not just splitting bays")
    assert "moves an hour up by five." in crane.text and "splitting" not in crane.text, crane


def test_small_things_read_as_a_careful_writer_would_write_them():
    segment = read_point("their_work", "launching a segment every morning 6.50", "Rawiri")
    assert "every morning at 6.50" in segment.text
    assert "SoundCloud" in read_point("their_work", "moving podcasts off soundcloud", "Priya").text
    assert "mountain bikers" in read_point("common_ground", "both mtn bikers", "Heike").text
    worry = read_point("question", "can i redo swim test if i fail? -> yes once", "Arjun")
    assert not worry.ok and "worry" in worry.problem
    need = read_point("other", "need certified ID copy + matric cert by fri", "Ayesha")
    assert not need.ok, need


@pytest.mark.parametrize(
    "jot",
    [
        "still waiting on the salta lithium role - tell josefina if that moves",
        "asked me abt budget mgmt 3x. thinks env overspends",
        "didnt talk to him much",
    ],
)
def test_how_the_day_went_for_the_candidate_stays_theirs(jot):
    assert not read_point("other", jot, "Kim").ok


def test_waiting_to_hear_back_is_when_the_candidate_will_hear():
    reading = read_point("other", "waiting to hear back by fri", "Kim")
    assert reading.text.endswith("that I should hear back by Friday."), reading


def test_being_somewhere_at_the_same_time_is_said_of_both():
    there = read_point("common_ground", "she was at antamina same yrs as me (2014-16)!!", "Kim")
    assert "we were both at Antamina at the same time (2014-16)" in there.text, there
    worked = read_point("common_ground", "he worked at deloitte same time as me", "Kim")
    assert "we both worked at Deloitte at the same time" in worked.text, worked


def test_the_candidates_own_facts_are_not_thanked_for_as_theirs():
    for jot in ("my notice is 1 month", "i can start 4 jan", "available from mid jan"):
        assert not read_point("other", jot, "Kim").ok, jot
    assert read_point("other", "i should hear back by fri", "Kim").ok


def test_a_slash_list_in_a_tail_is_not_quoted_and_a_weekly_meeting_takes_the():
    jot = "monday trade meeting - the jr builds the top 50 / bottom 50 deck"
    reading = read_point("topic", jot)
    assert reading.text.endswith("the Monday trade meeting."), reading


def test_hyphens_and_apostrophes_a_thumb_leaves_out_are_put_back():
    from services.composer.reader import _punctuated

    assert _punctuated("I have four weeks notice") == "I have four weeks' notice"
    assert _punctuated("a week notice") == "a week's notice"
    assert _punctuated("the photo based claims") == "the photo-based claims"
    assert _punctuated("the team is based in Leeds") == "the team is based in Leeds"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("teh", "the"), ("sshe", "she"), ("tranfers", "transfers"), ("insted", "instead"),
     ("dashbaord", "dashboard"), ("beleive", "believe")],
)  # fmt: skip
def test_a_thumbs_slip_is_put_right(typed, meant):
    from services.composer.grammar import typo_fixed

    assert typo_fixed(typed) == meant


@pytest.mark.parametrize(
    "word",
    ["abt", "dbt", "tech", "cron", "timelines", "convos", "biling", "partick", "periphyton",
     "antamina", "accts", "trialling"],
)  # fmt: skip
def test_shorthand_jargon_names_and_real_words_are_left_as_typed(word):
    from services.composer.grammar import typo_fixed

    assert typo_fixed(word) == word


def test_h9_jots_read_as_a_careful_writer_would_say_them():
    from services.composer import read_fit
    from services.composer.grammar import company_name

    surf = read_point("common_ground", "he surfs at aramoana too", "Hemi").text
    assert "we both surf at Aramoana" in surf, surf
    knows = read_point("common_ground", "knows prof kimani my supervisor", "Grace").text
    assert "you know Professor Kimani, my supervisor" in knows, knows
    loved = read_point("common_ground", "she lived in krakow for a yr, loved zapiekanki", "X").text
    assert "we both loved" not in loved and "you loved zapiekanki" in loved, loved
    spats = read_point("topic", "field trials, she prefers SpATS, i said ASReml, agreed", "X").text
    assert spats.endswith("that you prefer SpATS."), spats
    minute = read_point("common_ground", "we switched to portuguese for a min", "X").text
    assert "for a minute." in minute, minute
    assert "opens in 2027" in read_point("their_work", "new arena opens 2027", "X").text
    taproom = read_point("question", "how often do brewers do taproom shifts? -> once a month")
    assert "how often brewers do taproom shifts" in taproom.text, taproom
    assert read_fit("N1 japanese + portuguese + english")[0] == (
        "I speak Japanese, Portuguese and English"
    )
    assert read_fit("8 yrs programmer at sanfic")[0].startswith(
        "I have eight years of experience as a programmer"
    )
    assert read_fit("set up QC lab from scratch")[0] == "I set up a QC lab from scratch"
    assert "loc" in read_fit("7 yrs loc PM, e-commerce")[1]
    assert company_name(Job("Beara Head Brewing Co.", "Brewer")) == "Beara Head Brewing"
    assert company_name(Job("Aeroestructuras del Bajío S.A. de C.V.", "x")) == (
        "Aeroestructuras del Bajío"
    )


def test_each_fit_line_goes_to_the_person_it_speaks_to():
    job = Job(
        "Otago Coastal Aquarium", "Aquarist", ("5 yrs sponsorship sales", "PADI rescue diver")
    )
    rights = (Point("topic", "naming rights still to sell, wants more sponsorship"),)
    sales = Person("s", "Kenji Mori", "interviewer", email="k@o.example", points=rights)
    checkout = (Point("topic", "runs the checkout dive for new aquarists"),)
    dive = Person("d", "Callum Reid", "interviewer", email="c@o.example", points=checkout)
    drafts = _by_person_and_channel(job, [dive, sales], Profile("Ana"))
    assert "sponsorship sales" in drafts["s", "email"].body, drafts["s", "email"].body
    assert "rescue diver" in drafts["d", "email"].body, drafts["d", "email"].body
    # Someone with no address gets a card, where no fit line is said: the line goes elsewhere.
    card_only = replace(dive, email="")
    drafts = _by_person_and_channel(job, [card_only, sales], Profile("Ana"))
    assert "sponsorship sales" in drafts["s", "email"].body


def test_a_fit_line_names_the_candidates_last_company_as_theirs():
    from services.composer import read_fit

    assert read_fit("led GISTM conformance at last co")[0].endswith("at my last company")
    assert read_fit("9 yrs latam")[0] == "I have nine years of experience in Latin America"


def test_an_arrow_between_figures_is_a_range_and_any_other_ends_a_thought():
    trucks = read_point("topic", "rebalancing → only 2 trucks at night → stations empty by 9am")
    assert trucks.ok and "to only" not in trucks.text and "rebalancing" in trucks.text, trucks
    temps = read_point("topic", "peak season staffing, they go from 80 -> 200 temps", "Kim")
    assert "from 80 to 200 temps" in temps.text, temps
    chain = read_point("wish_said", "blanked on the nitrogen cycle q. shouldve said ammonia -> "
                       "nitrite -> nitrate")  # fmt: skip
    assert "ammonia to nitrite to nitrate" in chain.text, chain
    flow = read_point("topic", "went through my Revit -> midas workflow", "Kim")
    assert "my Revit to midas workflow" in flow.text, flow


def test_a_captain_is_greeted_by_rank():
    from services.composer.planner import addressed_as

    captain = Person("c", "Capt. Kenji Morimoto", "interviewer")
    assert addressed_as(captain, Profile("Ana", greeting_style="honorific")) == "Capt. Morimoto"


def test_h10_jots_read_as_a_careful_writer_would_say_them():
    from services.composer import read_fit

    nans = read_point("common_ground", "her nan is ngati raukawa too!! might be cousins lol", "A")
    # Two words English lacks, typed small: the user says them (with their capitals).
    assert not nans.ok and "'ngati', 'raukawa'" in nans.problem, nans
    sent = read_point("promise", "sending her the samoan version of our flood checklist", "Priya")
    assert "here is the Samoan version" in sent.text and "sending" not in sent.text, sent
    for jot in ("quiet, only asked abt my weekend availability",
                "she was lovely, walked me out, said theres free injera on fridays",
                "She asked me not to contact the board chair directly"):  # fmt: skip
        assert not read_point("other", jot, "X").ok, jot
    donors = read_point("topic", "The donor records live in an old Access database. They want "
                        "to move to Tessitura next season", "X")  # fmt: skip
    assert "records live" not in donors.text and "move to Tessitura" in donors.text, donors
    assert read_fit("My German is conversational (B2)")[0] == ""
    assert read_fit("5y shift sup FMCG, 40 staff")[0] == ""


def test_a_korean_name_is_greeted_by_its_family_name():
    from services.composer.planner import addressed_as

    honorific = Profile("Ana", greeting_style="honorific")
    for name, called in (("Dr. Han Seo-yeon", "Dr. Han"), ("Ms. Park Min-ji", "Ms. Park")):
        assert addressed_as(Person("k", name, "interviewer"), honorific) == called
    from services.composer.grammar import first_name

    assert first_name("Mr. Lee Dong-hyun") == "Dong-hyun"
    assert addressed_as(Person("m", "Mary-Jane Smith", "interviewer"), honorific) == (
        "Mary-Jane Smith"
    )


def test_composing_never_loads_lemminflect_or_numpy_in_the_worker():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from tests.golden_drafts import load_panels, panel_inputs\n"
        "from services.composer import compose_panel\n"
        "compose_panel(*panel_inputs(load_panels()[0]))\n"
        "print('numpy' in sys.modules, 'lemminflect' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    ).stdout.split()
    assert out == ["False", "False"], out


def test_h11_drafts_read_aloud_no_longer_embarrass():
    from services.composer import read_fit

    flames = read_point("common_ground", "flames season ticket guy. im oilers lol didnt say", "B")
    assert not flames.ok, flames
    office = read_point("topic", "10 min in his office, his dad started the store in 1979", "D")
    assert "10 minutes" not in office.text and "your dad started the store" in office.text
    uni = read_point("common_ground", "both Technical Uni of Mombasa!! - he's class of 2008", "R")
    assert "we both went to Technical University of Mombasa," in uni.text, uni
    assert not read_point("question", "pvsyst or helioscope? - pvsyst + own sheet", "R").ok
    assert read_fit("EPRA T3 licence - NCA registered")[0] == "I hold an EPRA T3 licence"


def test_a_better_answer_names_its_question_and_never_says_should_have():
    brazil = read_point(
        "wish_said",
        "when he asked why leave brazil i rambled about visa stuff 🤦 shouldve just said i want "
        "to BUILD a program not just teach 6 lessons a day",
    )
    assert "why I'd leave Brazil" in brazil.text, brazil
    assert "I want to build a program, not just teach six lessons a day." in brazil.text
    batch = read_point(
        "wish_said",
        "When she asked about my worst failed batch, I talked too long about viscosity. I should "
        "have given the lesson: since then I always run a 5 kg pilot before any scale-up.",
    )
    assert "my worst failed batch" in batch.text and "that since then I always run a 5 kg" in (
        batch.text
    ), batch
    gift = read_point(
        "wish_said",
        'When he asked about my largest single gift I said "around half a million" and then '
        "hedged. I should have said it plainly: €620,000 from the Lindqvist Foundation in 2023.",
    )
    assert gift.ok and "€620,000 from the Lindqvist Foundation" in gift.text, gift
    for reading in (brazil, batch, gift):
        assert "should" not in reading.text and "viscosity" not in reading.text, reading
    # Pay named as pay still stays out of a better answer.
    assert not read_point("wish_said", "asked my salary, i said 80k. should have said 90k").ok


def test_what_was_left_out_is_added_to_the_answer_it_belonged_to():
    hub = read_point(
        "wish_said",
        "the 'time you stopped a job for safety' q - told the hub story but forgot to say i "
        "logged it as a near miss. thats the whole point ffs",
    )
    assert hub.text == "To add to the hub story I told you, I logged it as a near miss.", hub
    ferment = read_point(
        "wish_said",
        "when she asked what id do w a stuck ferment I just said add nutrients. forgot to say "
        "check temp first + reinoculate w a robust strain 🤦",
    )
    assert ferment.text.startswith("To add to my answer on what I'd do with a stuck ferment, "), (
        ferment
    )
    assert "I would check temperature first and reinoculate" in ferment.text
    basic = read_point(
        "wish_said",
        "forgot to say you need up to date medical evidence b4 any capacity dismissal decision "
        "ugh. so basic",
    )
    assert basic.ok and "you need up to date medical evidence" in basic.text, basic
    assert not re.search(r"ugh|basic", basic.text)
    # What happened, in shorthand, is left for the candidate to write.
    assert not read_point(
        "wish_said",
        "she asked about pushing back on a GC, told the scissor lift story (wrong one). should of "
        "said ceiling close-in at red deer - refused before inspection, saved a full rip out",
    ).ok


def test_a_name_english_does_not_know_after_at_is_a_name():
    assert lexicon.places("six years line maintenance at changi") == (
        "six years line maintenance at Changi"
    )
    assert lexicon.places("she lived in krakow for a yr") == "she lived in Kraków for a yr"
    assert lexicon.places("we do it at scale") == "we do it at scale"  # a word, not a name


def test_a_correction_and_a_real_answer_after_an_equals_sign_are_better_answers():
    lead = read_point(
        "wish_said", "said 'im not a manager type' - WHY. i do want to lead a team in 2-3 yrs"
    )
    assert lead.text == (
        "To correct what I said in the interview, I do want to lead a team in 2-3 years."
    ), lead
    deal = read_point(
        "wish_said",
        "biggest failure q -> gave the fake-weakness answer. cringe. real one = the lost PC bang "
        "deal 2024",
    )
    assert "my biggest failure" in deal.text and "the lost PC bang deal in 2024." in deal.text
    assert "cringe" not in deal.text and "fake" not in deal.text, deal
    # Figures that need their verb from the candidate are left to them.
    assert not read_point(
        "wish_said", "he asked abt OEE and i rambled. real answer: 58% -> 71% in 18 mths on linha 3"
    ).ok


def test_the_article_follows_the_sound_of_the_next_word():
    from services.composer.grammar import a_or_an

    assert a_or_an("whether a Estonian speaker is needed") == (
        "whether an Estonian speaker is needed"
    )
    assert a_or_an("an CV, a MSc, a one-off, a user, a hour") == (
        "a CV, an MSc, a one-off, a user, an hour"
    )
    assert "my question about English." in read_point("question", "english needed? -> no").text


def test_shorthand_from_h12_is_written_out_or_left_to_the_candidate():
    assert "the season pass is included" in read_point(
        "other", "season pass for family incl."
    ).suggestion.replace("season pass for family", "season pass")
    assert "former" in read_point("common_ground", "we are both ex army").text
    assert "business" in read_point("topic", "summer biz, bike park").text
    # A slash list of codes is a note, not a sentence; A/B testing is a name.
    assert read_fit("DE/EN/CZ")[0] == "" and read_fit("SOC L2/L3 @ bank in Kyiv")[0] == ""
    assert read_fit("A/B test design and causal inference")[0]


def test_a_change_in_figures_with_nothing_named_is_left_to_the_candidate():
    assert not read_point("topic", "25 -> 40 ppl in 2027, new office riga").ok


def test_a_name_typed_with_a_doubt_is_greeted_plainly():
    from services.composer.grammar import sure_name

    assert sure_name("Darren? Darryl? (marketing guy)") == "Darren"
    assert sure_name("Coach Lee (Lee Dong-hyun?)") == "Coach Lee"
    assert first_name("Darren? Darryl? (marketing guy)") == "Darren"
    # The part of a name that was caught, and a doubt the checker warns of.
    from services.composer.grammar import unsure_name

    for typed in ("Pri-something", "Pri... something (BI)"):
        assert sure_name(typed) == "Pri" and unsure_name(typed), typed
    assert sure_name("Jo-Ann Kraus") == "Jo-Ann Kraus" and not unsure_name("Jo-Ann Kraus")


def test_a_korean_name_is_not_given_a_japanese_honorific():
    from services.composer.planner import addressed_as

    park = Person("k", "Park Ji-hoon", "interviewer", greeting_style="honorific",
                  points=(Point("topic", "he wants a second sponsor by march"),))  # fmt: skip
    assert addressed_as(park, Profile(name="Cho Min-jun", tone="formal")) == "Mr. Park"
    kim = Person("k2", "Kim Seo-yeon", "interviewer", greeting_style="honorific")
    assert addressed_as(kim, Profile(name="Cho Min-jun", tone="formal")) == "Kim Seo-yeon"


def test_dates_pay_and_shared_names_from_h12():
    assert "4 January" in read_point("topic", "training starts 4 jan, 2 wks").text
    assert "in March 2027" in read_point("topic", "new trail opens mar 2027").text
    assert "four marketing people" in read_point("topic", "4 marketing people on the team").text
    for pay in ("~1.900€ bruto x14 + sub. alimentação", "연봉 5,500만원 range"):
        assert not read_point("other", pay).ok, pay
    assert read_point("common_ground", "also Wits!! 2 yrs ahead of me").text.endswith(
        "we have Wits in common."
    )
    assert "school programmes" in read_point("topic", "school progs need to be ready").text


def test_a_south_african_company_drops_pty_ltd():
    assert company_name(Job(company="Blouberg Bulk Water (Pty) Ltd", role="Engineer")) == (
        "Blouberg Bulk Water"
    )


def test_h12_questions_promises_and_fit_lines_read_whole():
    team = read_point("question", "how big is ed team? - 6 FT + ~40 volunteers")
    assert "how big the ed team is" in team.text, team
    summary = read_point("promise", "1-pager summary of jar test method")
    assert "the one-page summary of jar test method" in summary.text, summary
    assert read_fit("8 yrs running school progs @ science centre")[0] == (
        "I have spent eight years running school programmes at a science centre"
    )
    assert read_fit("wrote our ransomware playbook")[0] == "I wrote my team's ransomware playbook"


def test_what_came_after_is_theirs_and_any_is_a_question_about_it():
    nie = read_point("common_ground", "she also did NIE for 1 yr before switching to HR!")
    assert "you also did NIE for one year before switching to HR" in nie.text, nie
    remote = read_point("question", "any remote days? - no")
    assert remote.text == "Thank you for answering my question about remote days.", remote
    assert "before starting" in read_point("other", "medical check-up before start").suggestion


def test_how_their_place_struck_me_and_a_thing_named_only_as_a_thing_stay_out():
    assert not read_point("other", "lab is tiny + old spectrophotometer").ok
    assert not read_point("their_work", "a vtuber co-stream thing with chzzk").ok
    # "e.coli" is not a web address.
    assert clean_jot("2 e.coli failures last yr") == ("2 e.coli failures last year", ())


def test_a_vietnamese_name_is_called_by_its_last_word():
    from services.composer.planner import addressed_as

    assert first_name("Trần Minh Khoa") == "Khoa" and first_name("Đặng Thu Trang") == "Trang"
    assert first_name("Tan Wei Ling") == "Wei Ling"  # a Chinese name keeps its given name
    linh = Person("v", "Lê Phương Linh", "interviewer", greeting_style="honorific",
                  points=(Point("topic", "she runs merchandising for 14 stores"),))  # fmt: skip
    assert addressed_as(linh, Profile(name="An", tone="formal")) == "Ms. Linh"


def test_a_fit_line_that_still_reads_as_a_note_is_left_out():
    for line in (
        "PM'd 14 mainstage shows + 2 tours",
        "bogie-related unplanned stops -27%",
        "RCM + FMECA on elf fleet 3 yrs",
        "SAP PM + power bi daily",
        "6 yrs digitising 1/4in tape + DAT",
        "know lekki/VI/ikeja/yaba routes cold",
    ):
        assert read_fit(line)[0] == "", (line, read_fit(line))
    assert read_fit("10 yrs as a nurse")[0] == "I have worked as a nurse for 10 years"
    assert read_fit("grew it 3x in 18 mo")[0] == "I grew it threefold in 18 months"
    refs = read_point("promise", "3 refs incl 1 director - text Priya F tonight")
    assert "Priya" not in refs.text and "tonight" not in refs.text, refs


def test_names_companies_and_choices_from_h13():
    from services.composer.planner import addressed_as, called

    tolu = Person("t", "Tolulope Adeyemi", "interviewer",
                  points=(Point("other", "she said call me Tolu"),))  # fmt: skip
    assert called(tolu) == "Tolu" and addressed_as(tolu, Profile(name="C")) == "Tolu"
    stranger = Person("s", "Ana Lima", "interviewer", points=(Point("other", "call me Bob"),))
    assert called(stranger) == ""  # never a name that is not theirs
    assert first_name("inż. Marek Kowalczyk") == "Marek"
    assert company_name(Job(company="Odra Rail Serwis \u2013 Depot Wrocław Gądów", role="x")) == (
        "Odra Rail Serwis"
    )
    for choice in ("who owns refunds CX or ops? - thats the fight", "P4/P5 in house? - P4 yes"):
        assert not read_point("question", choice).ok, choice
    moving = read_point(
        "their_work", "she's moving failure data excel -> CMMS (maximo? or queris?)"
    )
    assert "moving failure data from Excel to CMMS" in moving.text, moving


def test_a_tail_that_still_reads_as_a_jot_is_left_off_and_the_w_is_a_trek():
    clare = read_point("common_ground", "both from Clare!! he's Ennistymon, knows my uncle's pub")
    assert clare.text.endswith("we are both from Clare."), clare
    trek = read_point("common_ground", "both did the W in Torres del Paine, he did it in WINTER")
    assert "we both did the W in Torres del Paine." in trek.text, trek
    fair = read_point("common_ground", "he's done the Dubai fair too, we were prob there in 2023")
    assert "we have both done the Dubai fair" in fair.text, fair
    # A tail that reads well is kept.
    uq = read_point("common_ground", "both UQ grads, she was 3 yrs ahead of me")
    assert "three years ahead of me" in uq.text, uq


def test_a_day_after_its_month_is_a_date_and_my_own_tail_stays_out():
    app = read_point("their_work", "new app dec 1, live queue times")
    assert "the new app on December 1" in app.text, app
    assert "January 15" in read_point("other", "decision by jan 15").text
    start = read_point("other", "start jan 4 ideal. my notice is 1 month so ok")
    assert not start.ok or "notice" not in start.text, start


def test_pay_in_other_currencies_and_how_someone_seemed_from_h14_stay_out():
    for jot in ("RM 9,500-11,000 + site allowance RM800", "CLP 3.2M liquido + relocation help"):
        assert "about pay" in read_point("other", jot).problem, jot
    assert "seemed" in read_point("other", "intimidating but fair").problem


def test_a_place_typed_without_its_marks_or_with_them_is_written_as_the_place_is():
    assert lexicon.places("clinics in örebro") == "clinics in Örebro"
    assert lexicon.places("she lived in krakow") == "she lived in Kraków"
    assert lexicon.places("the café menu") == "the café menu"


def test_a_yes_to_a_yes_or_no_question_is_said_as_the_fact_they_confirmed():
    assert read_point("question", "is relocation covered? - yes").text == (
        "Thank you for confirming that relocation is covered."
    )
    assert "confirming" not in read_point("question", "is relocation covered? - no").text


def test_more_legal_forms_are_left_out_of_the_company_name():
    for company, said in (
        ("Kelana DC Builders Sdn Bhd", "Kelana DC Builders"),
        ("Anadolu Gida A.\u015e.", "Anadolu Gida"),
        ("Jardín Botánico La Ceiba", "Jardín Botánico La Ceiba"),
    ):
        assert company_name(Job(company=company, role="x")) == said


def test_who_they_were_and_how_they_spoke_to_me_stay_out():
    assert "describes them" in read_point("other", "ex royal navy, calls everyone 'son'").problem
    assert "spoke to you" in read_point("other", "called me 'Elif Hanim' the whole time").problem


def test_a_turkish_courtesy_the_notes_ask_for_is_the_greeting():
    from services.composer.planner import addressed_as, greeting

    mehmet = Person("m", "Mehmet Kavakli", "interviewer", greeting_style="honorific",
                    points=(Point("other", "v formal -> Mehmet Bey in the mail"),))  # fmt: skip
    profile = Profile(name="Elif", tone="formal")
    assert addressed_as(mehmet, profile) == "Mehmet Bey"
    assert greeting(mehmet, profile, phrases.book("en", "formal")) == "Dear Mehmet Bey,"


def test_a_question_put_as_a_thing_and_a_bare_next_are_left_to_the_candidate():
    assert not read_point("question", "decision when? - 'before xmas shutdown'").ok
    assert not read_point("other", "next: ref calls next wk, answer 'before lucia' = 13 dec").ok
    assert "preparing" in read_point("their_work", "prepping audit for the NGO secretariat").text


def test_the_name_they_go_by_is_left_out_as_a_jot_and_said_why():
    assert "the name they go by" in read_point("other", "she said call me Tolu").problem


def test_read_aloud_fixes_from_the_h14_goldens():
    convention = read_point("topic", "nairobi wreck removal convention 2007 - asked if id read it")
    assert "asked if" not in convention.text, convention
    pontoon = read_point(
        "wish_said",
        "asked abt a time i said no to a client. FROZE. shouldve said the lochboisdale pontoon, "
        "skipper wanted to tow in a F8",
    )
    assert not pontoon.ok, pontoon  # a story in shorthand is the candidate's to tell
    site = read_point("question", "do coordinators go to site? - yes ~30%, 2-3 wk stints")
    assert site.text == "Thank you for confirming that coordinators go to site.", site
    assert "confirming" not in read_point("question", "is parking free? - yes but not 1st yr").text


def test_a_malaysian_name_is_greeted_by_the_persons_own_name_and_ir_is_a_title():
    from services.composer.planner import addressed_as

    def called_as(name: str, note: str) -> str:
        person = Person("x", name, "interviewer", greeting_style="honorific",
                        points=(Point("topic", note),))  # fmt: skip
        return addressed_as(person, Profile(name="A", tone="formal"))

    assert called_as("Rajesh Kumar a/l Subramaniam", "he leads electrical") == "Mr. Rajesh"
    assert called_as("Muhammad Haziq bin Rosli", "he leads mech") == "Mr. Haziq"
    assert called_as("Ir. Tan Wei Ling", "she runs the project") == "Ir. Tan"
    assert "foundation" in read_point("topic", "ecobank fdn grant, 3 yrs").text


def test_h15_a_label_gives_way_to_its_topic_and_places_keep_their_marks():
    # "sys design:" names only the round; what follows is what was talked about.
    seats = _reading("topic", "sys design: seat holds w/ TTL. i did redis, she pushed on failover")
    assert "seat holds with TTL" in seats and "system design" not in seats, seats
    task = _reading("topic", "whiteboard: implement coyote time and jump buffer")
    assert "implement" not in task, task  # a task set, not a topic: the label stays
    # "climbs at gravity too": something both do, said of both.
    assert "we both climb at" in _reading("common_ground", "climbs at gravity too")
    # After "in" or "from", a word English lacks is a place; its marks are kept.
    assert "from \u014ctara" in _reading("common_ground", "his nan is from \u014dtara too")
    assert "nights at Lachine" in _reading("topic", "nights at lachine, 22 ppl")
    assert "from Lachine" in _reading("common_ground", "she is from lachine too")
    assert "in myeloma" in _reading("their_work", "she runs a trial in myeloma")
    # A rate in shorthand is the user's to write.
    assert not read_point("topic", "disc screens wrapping, they clean 2x/shift").ok


def test_a_promise_to_tell_them_something_is_not_a_file_to_attach():
    for jot in ("confirm notice period - 2 months but could do 6 wks", "let her know my start date",
                "check my availability for 2nd round"):  # fmt: skip
        reading = read_point("promise", jot)
        assert not reading.ok and "something to tell them" in reading.problem, reading
    assert "here is" in _reading("promise", "send her the check-in flow deck").lower()


def test_h16_an_answer_is_said_back_when_it_is_a_clause_and_a_no_is_not_a_lesson():
    pricing = _reading("question", "how much autonomy on pricing -> she sets margin bands, ok")
    assert pricing.endswith("and for telling me that you set margin bands."), pricing
    comments = _reading(
        "question", "asked how they handle public comments - he said they map every one"
    )
    assert comments.endswith("and that you map every one."), comments
    # An answer that loses its object when turned to them is not said back.
    sits = _reading("question", "asked where compliance sits -> reports to her but sits w/ R&D")
    assert "your but" not in sits and "sits with" not in sits, sits
    # A fragment is not said back: the question is thanked for, as before.
    oncall = _reading("question", "on-call? -> 1 wk in 6, follow the sun w/ the Lisbon team")
    assert "week" not in oncall and "Lisbon" not in oncall, oncall
    # "no": answered, and not something they explained.
    test = _reading("question", "french test? -> no, interviews in FR count")
    assert test == "Thank you for answering my question about the French test.", test
    # Not answered on the day: nothing to thank them for yet.
    deferred = read_point("question", "what's the incident reporting process? she deferred to Ana")
    assert not deferred.ok and "not answered" in deferred.problem, deferred
    # "how is X split": an indirect question, in order.
    split = _reading("question", "how is the team split wood vs plastic? -> 2 ppl each")
    assert "how the team is split between wood and plastic" in split, split
    assert "branch managers" in _reading(
        "question", "how do they measure branch mgrs? -> callbacks"
    )


def test_h16_a_wish_about_how_i_sounded_asks_for_the_answer():
    reading = read_point(
        "wish_said", "wish i'd sounded more sure on the formaldehyde q, i knew the answer"
    )
    assert not reading.ok and "Add the answer" in reading.problem, reading


def test_a_fit_line_no_one_was_told_of_goes_strongest_first():
    from services.composer.planner import _strength

    lines = ["I speak Dutch at B1 level", "I have eight years of experience in QA",
             "I cut audit findings by 40% in a year"]  # fmt: skip
    assert sorted(lines, key=lambda line: -_strength(line))[0] == lines[2]
    assert _strength(lines[0]) < _strength(lines[1])
    assert _strength("I grew up on a tea farm") <= _strength(lines[1])


def test_h17_fit_lines_in_the_candidates_own_voice_go_to_the_candidate():
    for raw in ("want to move to norway for real", "honestly like being out in the rain",
                "6 sigma black belt 2021", "12 J. Aufzugsmonteur", "8 yrs QA in dairy mfg",
                "7 yrs timber cruising + inventory"):  # fmt: skip
        clause, problem = read_fit(raw)
        assert not clause and "still reads as a note" in problem, (raw, clause)
    assert read_fit("fluent samoan")[0] == "I am fluent in Samoan"
    assert read_fit("2 vintages in Marlborough")[0].startswith("I have two vintages")


def test_h17_common_ground_says_only_what_is_shared():
    # Theirs alone: the chat is what to thank for, or the user says what is shared.
    assert _reading("common_ground", "habs fan, talked abt last night's game") == (
        "I enjoyed our chat about last night's game."
    )
    brann = read_point("common_ground", "Brann supporter, i said Aberdeen and he just laughed")
    assert not brann.ok and "Say what you share" in brann.problem, brann
    # "too" of a relative: like someone of the candidate's, so said as noted.
    nan = _reading("common_ground", "his nan is from \u014dtara too")
    assert "your nan is from \u014ctara too" in nan, nan
    assert "we are both JKUAT alumni" in _reading("common_ground", "JKUAT alumni both!!")
    assert "we both did our certificate IV" in _reading("common_ground", "also did her cert IV")


def test_a_better_answer_that_is_a_clause_is_said_as_one():
    moved = _reading("wish_said", "why move q. real answer: dispatch got centralised to Frankfurt")
    assert "that dispatch got centralised to Frankfurt" in moved, moved
    told = _reading("wish_said", "should have mentioned the team moved to kanban")
    assert "that the team moved to kanban" in told, told
    meant = _reading("wish_said", "budget q, i rambled. meant to say paid social first")
    assert "paid social first" in meant and "meant" not in meant, meant
    # A plural noun is not a verb: "results due Q2" is not "you result due".
    pen = _reading("their_work", "piloting a semi-closed pen, results due Q2 2027")
    assert "you result" not in pen, pen


def test_what_is_shared_may_come_after_what_is_theirs():
    pumas = _reading(
        "common_ground", "pumas fan \U0001f644 but ok, we both go to the corregidora games"
    )
    assert "we both go to the" in pumas and "fan" not in pumas, pumas
    assert "we are both Pumas fans" in _reading("common_ground", "both Pumas fans")
    arsenal = _reading("common_ground", "we're both Arsenal fans")
    assert "both Arsenal fans" in arsenal and "we are both we" not in arsenal, arsenal


def test_and_co_is_part_of_a_firms_name():
    from services.composer.grammar import company_name

    assert company_name(Job("Brennan \u00d3 D\u00e1laigh & Co.", "Tax Senior", ())) == (
        "Brennan \u00d3 D\u00e1laigh & Co."
    )
    assert company_name(Job("Smith & Co. Ltd", "x", ())) == "Smith & Co."
    assert company_name(Job("Beara Head Brewing Co.", "x", ())) == "Beara Head Brewing"
    # A Spanish cooperative's legal form, too.
    coop = Job("Almazara Sierra de Segura S. Coop. And.", "x", ())
    assert company_name(coop) == "Almazara Sierra de Segura"


def test_a_question_i_did_not_ask_is_not_a_better_answer():
    for jot in (
        "should have asked more about the douyin budget",
        "wish id asked to join him on a field day",
        "forgot to ask about parking",
    ):
        reading = read_point("wish_said", jot)
        assert not reading.ok and "question you did not ask" in reading.problem, reading
    assert "idempotent consumers" in _reading(
        "wish_said", "he asked about kafka, should have said idempotent consumers"
    )


# --- Hold-out review, round 22 (H19): what the blind readers marked ---------------------------


def test_a_legal_form_and_a_bracketed_slash_stay_out_of_the_names_a_note_uses():
    from services.composer.grammar import company_name, role_title

    assert company_name(Job("Drukarnia Kolorwerk Sp. z o.o.", "x", ())) == "Drukarnia Kolorwerk"
    assert company_name(Job("Saraswati Vidya Prakashan Pvt. Ltd.", "x", ())) == (
        "Saraswati Vidya Prakashan"
    )
    assert company_name(Job("Tidewater Theatre Company", "x", ())) == "Tidewater Theatre Company"
    assert role_title("Homologation Engineer (EU / UNECE)") == "Homologation Engineer"
    assert role_title("Kierownik Produkcji / Production Manager (Sheetfed)") == "Production Manager"


def test_a_surname_caught_as_an_initial_and_a_spanish_courtesy_title():
    formal = Profile(name="Bartosz", greeting_style="honorific")
    she = [Point("topic", "she wants plate waste under 1.5%")]
    book = phrases.book("en", "formal")
    assert greeting(Person("m", "Marta Z. (Zieli\u0144ska?)", "interviewer", points=she),
                    formal, book) == "Dear Marta,"  # fmt: skip
    assert greeting(Person("p", "Dra. Paz M-something", "interviewer"), formal, book) == (
        "Dear Dra. Paz,"
    )
    his = [Point("common_ground", "his wife is from Maracaibo")]
    assert greeting(Person("l", "Don Luis", "other", points=his), formal, book) == "Dear Don Luis,"
    plain = Profile(name="Bartosz", greeting_style="first_name")
    assert greeting(Person("l", "Don Luis", "other"), plain, book).startswith("Dear Don Luis")
    assert first_name("Don Draper") == "Don"  # an English given name, not a title


def test_h19_jots_read_as_a_careful_writer_would_put_them():
    assert "started the firm in 1994" in _reading("their_work", "started firm 1994 with 1 press")
    assert "led the first CNG bus here in 2011" in _reading(
        "their_work", "led the first CNG bus here 2011, big order from a municipality"
    )
    assert "lived in \u0130zmir for three years" in _reading(
        "common_ground", "lived izmir 3 yrs, loves boyoz"
    )
    assert "spoke Malayalam for two minutes" in _reading(
        "common_ground", "he is also from kochi!! spoke malayalam 2 min"
    )
    assert "aligners are now 60% of new starts" in _reading(
        "topic", "aligners now 60% of new starts, she wants 80% in 2027"
    )
    assert "my uncle's bakery" in _reading(
        "common_ground", "both from Zgierz, he knew my uncles bakery"
    )
    # A word with an English ending is not a slip for another word: a coater coats.
    assert "coater" in _reading("topic", "the new press + coater coming in march")
    # A tour is thanked for, not discussed.
    assert "showing me round the hall" in _reading("topic", "tour of hall, 3 shifts 41 ppl")
    assert "showing me the lab" in _reading("their_work", "showed me the lab")
    # Two past verbs run together, a club's name, a bare "own" or "no": for the user to word.
    for kind, jot in (
        ("topic", "tried latex 2022 gave up"),
        ("common_ground", "he is colo colo \U0001f644 me caracas FC lol we joked about it 10 min"),
        ("topic", "own test track at plant 2.4km + brake test area"),
        ("topic", "no internet for learners at all -> offline laptops"),
        ("question", "PVG + SPS vetting 6-8 wks so start feb realistic"),
        ("promise", "mandar el ppt of my 2 finished cases"),
        (
            "wish_said",
            "asked fav perfume + why. should have said hwyl - smoky, how it's built, dry down",
        ),
    ):
        reading = read_point(kind, jot, "Kim")
        assert reading is not None and not reading.ok, (jot, reading)
    assert "tried latex" not in _reading("topic", "indesign + mathtype, tried latex 2022 gave up")
    # A "which" question with its answer thanks them for it, never "explaining which service".
    assert _reading("question", "which tech service -> T\u00dcV S\u00dcD mostly") == (
        "Thank you for answering my question about the tech service."
    )
    # A promise's bracket is the candidate's reminder: it does not keep the promise out.
    excel = _reading("promise", "send excel for paper waste calc (remove client names first!)")
    assert "paper waste calculation" in excel and "client" not in excel, excel
    cv = _reading("promise", "send her updated CV w/ IDIADA + R155 on page 1")
    assert "here is the updated CV" in cv, cv
    better = _reading(
        "wish_said",
        "class III q - should have said i did 4 camouflage cases w TADs, good results, have fotos",
    )
    assert better.endswith("with TADs, with good results."), better


def test_what_the_candidate_doubts_is_not_said_as_fact():
    isipca = _reading("common_ground", "ISIPCA too, had Mme Lemaire?? for raw materials class")
    assert "Lemaire" not in isipca and "ISIPCA in common" in isipca, isipca
    ipswich = _reading("their_work", "shes opening ipswich branch in feb - mgr might cover both??")
    assert "cover both" not in ipswich and "opening" in ipswich, ipswich
    assert not read_point("topic", "the new line?? maybe", "Kim").ok
    # A tail of shorthand after the fact is left out: "KBA COP audit feb".
    cop = _reading("topic", "COP - they audit 1 of 50 buses, KBA COP audit feb")
    assert cop.endswith("you audit one of 50 buses."), cop
    # "we are both ODTÜ makine": what is shared, in words a note cannot say in English.
    assert not read_point("common_ground", "both ODT\u00dc makine, she is 2 yrs before me").ok
    assert "both Tottenham fans" in _reading("common_ground", "she is a tottenham fan too")


def test_someone_only_met_is_not_asked_to_talk_again():
    job = Job("Acme", "Engineer", ())
    desk = Person("r", "Suresh", "other", points=(Point("other", "visitor pass"),))
    for tone in ("warm", "formal", "brief"):
        drafts = compose_panel(job, [desk], Profile("Anitha Varghese", tone=tone))
        [card] = [d for d in drafts if d.channel == "card"]
        assert not re.search(r"speak|hear from you|conversation|interested in the role", card.body)
        assert re.search(r"see(?:ing)? you|meet again|paths cross", card.body), card.body


def test_h20_names_and_promises():
    formal = Profile(name="Salma", greeting_style="honorific")
    book = phrases.book("en", "formal")
    assert greeting(Person("a", "M. Driss Alaoui", "interviewer"), formal, book) == (
        "Dear M. Alaoui,"
    )
    assert first_name("M. Driss Alaoui") == "Driss"
    assert greeting(Person("p", "Seu Pedro", "other"), formal, book) == "Dear Seu Pedro,"
    assert greeting(Person("c", "Mme Claire Dubois", "interviewer"), formal, book) == (
        "Dear Mme Dubois,"
    )
    # Something to bring is not a file to attach; the hour stays in the candidate's calendar.
    assert _reading(
        "promise", "bring passport + original certificates to sim day 24.11 kl 08:00"
    ) == ("As promised, I will bring my passport and original certificates to sim day.")
    assert not read_point("question", "must I move to Fedje? -> no, 45 min is ok", "Kim").ok


def test_h20_fit_lines_and_a_promise_in_french():
    from services.composer.reader import read_fit

    assert read_fit("can do NIR hay analysis + read a lab report w/o panicking")[0] == (
        "I can do NIR hay analysis and read a lab report without panicking"
    )
    assert read_fit("BMus voice UST 2022, sang w/ chamber choir")[0] == (
        "I have a BMus in voice from UST (2022)"
    )
    # The candidate's own caveat is not sold as a strength.
    assert read_fit("can play organ for mass basic, not concert level haha")[0] == ""
    assert not read_point("promise", "envoyer mon rapport PFE", "Kim").ok


def test_a_named_lake_and_a_question_about_what_breaks_most():
    assert "we both fish Keystone Lake" in _reading("common_ground", "fishes keystone lake too")
    assert "the big lake project" in _reading("topic", "the big lake project")
    assert not read_point("question", "what breaks most? -> the water table pumps", "Kim").ok


def test_a_place_then_a_month_and_year_takes_in():
    assert "in Fensfjorden in January 2026" in _reading(
        "their_work", "she did the night boarding in Fensfjorden jan 2026"
    )
