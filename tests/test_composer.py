"""The draft composer: every note is personal, clean, the right length, and unlike the others."""

import itertools
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
    clean_jot,
    compose_panel,
)

URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
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
    found = {w for w in words if re.search(rf"\b{re.escape(w)}\b", body.lower())}
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
    skipped = ("question", "promise") if channel == "card" else ()
    return any(clean_jot(p.body) != ("", ()) for p in person.points if p.kind not in skipped)


def expected_greeting(person: Person, profile: Profile) -> str:
    """First-name style: "Hi Dana," or, formal, "Dear Dana,". Honorific style: "Dear Dr.
    Natarajan," when the name carries a title; otherwise "Dear Dana Rivera," only in a formal
    note and "Dear Dana," in a warm or brief one."""
    first = first_name_of(person.name)
    if profile.greeting_style == "honorific":
        words = person.name.split()
        if words[0].rstrip(".").lower() in {"dr", "mr", "mrs", "ms", "mx", "prof"}:
            return f"Dear {words[0]} {words[-1]},"
        return f"Dear {person.name}," if profile.tone == "formal" else f"Dear {first},"
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
        assert sentence[-1] in ".?!", f"{sentence!r} in\n{body}"

    words = len(body.split())
    if draft.channel == "card":
        assert draft.subject == ""
        assert words <= 80, body
        assert signoff.split("\n")[-1] == profile.name
        assert "http" not in signoff
    else:
        assert draft.subject.strip(), draft
        assert_clean_text(draft.subject)
        assert 90 <= words <= 200, f"{words} words:\n{body}"
        signature = profile.signature.splitlines() or [profile.name]
        for line in [*signature, profile.phone, profile.portfolio_url, profile.linkedin_url]:
            assert line in signoff.split("\n") if line else True, signoff

    if profile.tone == "formal":
        assert not CONTRACTION.search(body.replace("O'Neill", "")), body
        assert not FORMAL_NEVER.search(f"{draft.subject}\n{body}"), (draft.subject, body)

    assert draft.generic is (not usable(person, draft.channel))
    if usable(person, draft.channel):
        assert any(recognisable(p, body) for p in person.points), body


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
        drafts = compose_panel(make_job(start), people, profile)
        assert len(drafts) == 2 * size
        pairs = zip(drafts[::2], drafts[1::2], strict=True)
        for person, (note, card) in zip(people, pairs, strict=True):
            organiser = person.role in ("recruiter", "hr")
            assert (note.channel, card.channel) == ("wrapup" if organiser else "email", "card")
            assert note.contact_id == card.contact_id == person.id
            assert_good_draft(note, person, profile)
            assert_good_draft(card, person, profile)
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
        drafts = compose_panel(make_job(2), people, profile)
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
    people = [Person(f"s{i}", PEOPLE[i][0], "interviewer", points=points) for i in range(6)]
    drafts = compose_panel(make_job(0), people, make_profile(0, "warm", "first_name"))
    assert_no_shared_sentences(drafts)
    for person, draft in zip([p for p in people for _ in (0, 1)], drafts, strict=True):
        assert_good_draft(draft, person, make_profile(0, "warm", "first_name"))


def one_email(points, *, tone="warm", role="interviewer", name="Dana Rivera") -> ComposedDraft:
    person = Person("d", name, role, email="d@x.example", points=tuple(Point(*p) for p in points))
    return compose_panel(make_job(0), [person], make_profile(0, tone, "first_name"))[0]


def test_fragments_are_phrased_naturally():
    body = one_email([("topic", "kafka migration")]).body
    assert "the kafka migration" in body
    body = one_email([("their_work", "she leads the payments team")]).body
    assert "you lead the payments team" in body
    assert "she leads" not in body
    body = one_email([("common_ground", "also has a corgi lol")]).body
    assert "we both have a corgi" in body
    assert "lol" not in body
    body = one_email([("topic", "Talked about the on-call rotation 😅")]).body
    assert "the on-call rotation" in body and "Talked" not in body


def test_promise_keeps_the_link_exactly_as_typed():
    body = one_email([("promise", "send link to my kafka talk https://youtu.be/xyz?t=30")]).body
    assert re.search(
        r"As promised, here is the link to my kafka talk \(https://youtu\.be/xyz\?t=30\)", body
    )
    body = one_email([("promise", "send her the repo github.com/samc/ratelimiter.")]).body
    assert "As promised, here is the link to the repo (github.com/samc/ratelimiter)" in body
    body = one_email([("promise", "slides from my talk")]).body
    assert "As promised, I've attached the slides from my talk" in body


def test_question_and_wish_become_a_follow_up_question_and_an_addition():
    body = one_email([("question", "how does the team handle oncall??")]).body
    asked = [s for s in sentences(body) if "oncall" in s]
    assert len(asked) == 1 and asked[0].endswith("handle oncall?")
    body = one_email([("question", "ask if they sponsor visas")]).body
    asked = [s for s in sentences(body) if "whether you sponsor visas" in s]
    assert len(asked) == 1 and asked[0].endswith("?"), body
    body = one_email([("wish_said", "wish i'd said i led the migration at acme")]).body
    assert "that I led the migration at acme." in body or ": I led the migration" in body


def test_formal_tone_expands_contractions_from_jots_and_brief_is_shorter():
    formal = one_email([("question", "what's the onboarding like")], tone="formal").body
    assert "what is the onboarding like?" in formal
    assert formal.startswith("Dear Dana,\n\n")
    panel = make_panel(6, 11)
    for start in range(6):
        panel = make_panel(6, start)
        warm = compose_panel(make_job(0), panel, make_profile(0, "warm", "first_name"))
        brief = compose_panel(make_job(0), panel, make_profile(0, "brief", "first_name"))
        for w, b in zip(warm, brief, strict=True):
            assert len(b.body.split()) <= len(w.body.split()), (w.body, b.body)


def test_long_and_numerous_jots_still_fit_the_limits():
    many = [JOTS[-1]] * 3 + [("promise", j[1]) for j in JOTS if j[0] == "promise"]
    many += [("question", "who would i pair with first month " * 4), ("wish_said", JOTS[-1][1])]
    for tone in TONES:
        for role in ("interviewer", "recruiter"):
            draft = one_email(many, tone=tone, role=role)
            assert len(draft.body.split()) <= 200, draft.body
            assert "As promised, here are" in draft.body
            assert_clean_text(draft.body)


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
    person = Person("d", "Dana Rivera", "interviewer", points=(Point("topic", "kafka"),))
    profile = Profile(
        "Kenji Watanabe", signature="K. Watanabe\nStaff Engineer", phone="07700 900123"
    )
    email, card = compose_panel(make_job(0), [person], profile)
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
        ("AWS cert :)", "AWS cert", ()),
        ("team small... maybe 5 ppl", "team small, maybe 5 people", ()),
        ("👍👍", "", ()),
    ],
)
def test_clean_jot(raw, text, urls):
    assert clean_jot(raw) == (text, urls)


def test_checker_finds_nothing_wrong_with_composed_panels():
    for start in range(0, len(JOTS), 3):
        people = make_panel(6, start)
        drafts = compose_panel(make_job(start), people, make_profile(start, "warm", "honorific"))
        for i, draft in enumerate(drafts):
            person = people[i // 2]
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
            assert ("no_detail" in codes) is draft.generic, draft.body


# --- Phrasing regressions: each case is read through every slot of the pools. ---

EIGHT = [n for n, *_ in PEOPLE]


def every_phrasing(points, *, tone="warm", kind="interviewer") -> list[str]:
    """Every sentence the composer writes for these jots, across all eight phrasing slots."""
    pts = tuple(Point(*p) for p in points)
    people = [
        Person(f"e{i}", name, kind, email="x@y.z", points=pts) for i, name in enumerate(EIGHT)
    ]
    drafts = compose_panel(make_job(0), people, make_profile(0, tone, "first_name"))
    assert_no_shared_sentences(drafts)
    return [s for d in drafts for s in sentences(d.body)]


def about(word: str, said: list[str]) -> list[str]:
    return [s for s in said if word in s]


@pytest.mark.parametrize(
    ("jot", "thing"),
    [
        ("forgot to mention my a11y audit work", "my a11y audit work"),
        ("should have said my a11y audit work", "my a11y audit work"),
        ("wish i'd mentioned my a11y audit work", "my a11y audit work"),
        ("didn't bring up my a11y audit work", "my a11y audit work"),
        ("my a11y audit work", "my a11y audit work"),
        ("forgot to mention 5 yrs of go", "my 5 years of go"),
        ("wish I talked about leadership exp", "my leadership experience"),
    ],
)
def test_a_wish_fragment_becomes_a_short_addition(jot, thing):
    for tone in TONES:
        said = about(thing, every_phrasing([("wish_said", jot)], tone=tone))
        assert len(said) >= 8, said
        for sentence in said:
            # Never "Something I meant to add is that my a11y audit work."
            assert not re.search(rf"\bthat {re.escape(thing)}", sentence), sentence
            # The jot's own lead-in ("should have said", "didn't bring up") is not carried over.
            assert not re.search(r"should have said|wish|didn't(?! get to:)|I'd", sentence), (
                sentence
            )
    said = every_phrasing([("wish_said", "forgot to mention my a11y audit work")])
    assert "One thing I didn't get to: my a11y audit work." in said
    # Never the stiff "I wanted to mention X as well." (user test, issue 4).
    assert not [s for s in said if s.startswith("I wanted to mention")], said
    formal = every_phrasing([("wish_said", "forgot to mention my a11y audit work")], tone="formal")
    assert "One point I did not get to: my a11y audit work." in formal


def test_a_wish_that_is_a_clause_keeps_its_that():
    said = about("I led the migration at acme", every_phrasing([("wish_said", JOTS[37][1])]))
    assert "Something I meant to add is that I led the migration at acme." in said
    assert all(("that I led" in s) or (": I led" in s) for s in said), said


def test_a_fumbled_answer_names_the_topic_not_an_answer_on_a_question():
    said = every_phrasing([("wish_said", "fumbled the q on CAP theorem")])
    assert "I would welcome the chance to say more about CAP theorem." in said
    for sentence in about("CAP theorem", said):
        assert "the CAP" not in sentence and "answer on CAP" not in sentence, sentence
    said = every_phrasing([("wish_said", "blanked on the sql window function question")])
    assert not [s for s in said if "answer on the sql" in s]


def test_no_sentence_puts_its_subject_after_an_it_and_a_to_infinitive():
    for jot in [("topic", "relocation timeline"), ("their_work", "she leads the payments team")]:
        for sentence in every_phrasing([jot]) + every_phrasing([jot], kind="recruiter"):
            assert not re.match(r"It gave me .* to hear", sentence), sentence
    said = every_phrasing([("topic", "relocation timeline")])
    assert (
        "Hearing your perspective on the relocation timeline gave me a lot to think about." in said
    )
    said = every_phrasing([("their_work", "she leads the payments team")])
    assert (
        "Hearing that you lead the payments team gave me a clear picture of the work ahead." in said
    )


def test_what_they_are_doing_is_a_clause_not_a_note_after_a_colon():
    jot = ("their_work", "he's rebuilding the offline sync for nurses' tablets")
    said = about("offline sync", every_phrasing([jot]))
    assert (
        "It was fascinating to hear how you're rebuilding the offline sync for nurses' tablets."
        in said
    )
    for sentence in said:
        assert "I wrote this down" not in sentence and ": you" not in sentence, sentence
    formal = about("offline sync", every_phrasing([jot], tone="formal"))
    assert all("you are rebuilding" in s for s in formal), formal


@pytest.mark.parametrize(
    ("jot", "kept", "dropped"),
    [
        (
            ("their_work", "Runs the data platform, been there 6 yrs 👏"),
            "you run the data platform",
            "been there",
        ),
        (
            ("their_work", "rebuilt search ranking last year, cut p99 in half"),
            "you rebuilt search ranking last year",
            "cut p99",
        ),
        (
            ("topic", "She said the team is moving to rust next quarter. Big deal for perf"),
            "the team is moving to rust next quarter",
            "big deal",
        ),
        (
            ("topic", "how they do code review - 2 approvals, no self merge"),
            "how you do code review",
            "approvals",
        ),
        (
            ("topic", "the   the incident review process. really blameless which i liked"),
            "the incident review process",
            "blameless",
        ),
        (
            ("topic", "convo abt remote work policy, 2 days in office"),
            "the remote work policy",
            "2 days",
        ),
    ],
)
def test_a_jot_with_a_trailing_afterthought_keeps_the_part_a_sentence_can_carry(jot, kept, dropped):
    said = every_phrasing([jot])
    assert len(about(kept, said)) >= 8, said
    assert not about(dropped, said)


def test_a_long_jot_with_a_label_reads_as_the_topic_it_names():
    said = every_phrasing([JOTS[-1]])
    assert (
        "I really enjoyed our conversation about how the ledger service stays consistent across "
        "regions when a write fails halfway through." in said
    )
    assert not [s for s in said if "long one" in s.lower() or "we went deep" in s]


def test_common_ground_reads_as_shared_and_never_doubles_also():
    said = about("corgi", every_phrasing([("common_ground", "also has a corgi lol")]))
    assert "I smiled when it came up that we both have a corgi." in said
    said += about(
        "sourdough", every_phrasing([("common_ground", "huge fan of sourdough baking 🍞")])
    )
    assert "It was fun to find out that we are both huge fans of sourdough baking." in said
    for sentence in said:
        assert not re.search(r"\b(also|too)\b.*\b(also|too)\b", sentence), sentence
        assert "you also" not in sentence


def test_the_candidates_own_impression_is_not_something_they_heard():
    for jot, thing in [
        (("other", "the coffee was great lol"), "the coffee was great"),
        (("other", "office has a rooftop garden 🌱"), "the office has a rooftop garden"),
        (("other", "loved the team lunch, tacos"), "the team lunch"),
    ]:
        said = about(thing, every_phrasing([jot]))
        assert len(said) >= 8, said
        for sentence in said:
            assert not re.search(r"hear|learn|told|you said|loved the", sentence), sentence


def test_fragments_take_the_article_english_needs():
    said = " ".join(every_phrasing([("topic", "microservices vs. monolith debate")]))
    assert "the microservices vs monolith debate" in said
    said = " ".join(every_phrasing([("topic", "discussed feature flags & gradual rollouts!!")]))
    assert "feature flags and gradual rollouts" in said and "the feature flags" not in said


def test_promise_endings_agree_with_a_plural():
    for sentence in about("the slides", every_phrasing([("promise", "slides from my talk")])):
        assert not re.search(r"\bit is\b|\bis helpful\b", sentence), sentence


def test_a_bare_link_never_starts_a_sentence_and_a_question_stays_a_question():
    for jot in [
        ("their_work", "github.com/dana/thing"),
        ("topic", "https://example.com/post"),
        ("question", "https://example.com/jobs/123"),
        ("promise", "https://alexmorgan.design/triage"),
    ]:
        said = every_phrasing([jot])
        link = jot[1]
        with_link = about(link, said)
        assert with_link, said
        for sentence in said:
            assert not sentence.startswith(("(", "http", "github")), sentence
            assert not re.search(r"\babout \(", sentence), sentence
        if jot[0] == "question":
            assert all(s.endswith("?") for s in with_link), with_link


def test_interview_titles_with_a_colon_read_inside_a_sentence():
    person = Person(
        "t",
        "Dana Rivera",
        "interviewer",
        email="d@x.example",
        interview_titles=("Coding: API design",),
    )
    bodies = [
        compose_panel(make_job(0), [person] * 1, make_profile(i, tone, "first_name"))[0].body
        for i in range(3)
        for tone in TONES
    ]
    assert not [b for b in bodies if "coding: API" in b]


def test_a_note_never_says_experience_twice_in_a_row():
    for start in range(len(JOTS)):
        for draft in compose_panel(
            make_job(start), make_panel(6, start), make_profile(start, "warm", "first_name")
        ):
            assert "experience: experience" not in draft.body, draft.body


def test_neighbouring_sentences_do_not_open_with_the_same_two_words():
    for size in (3, 6):
        for tone in TONES:
            for start in range(len(JOTS)):
                people = make_panel(size, start)
                for draft in compose_panel(
                    make_job(start), people, make_profile(start, tone, "honorific")
                ):
                    for paragraph in sections(draft.body)[1]:
                        said = [s for s in SENTENCE_END.split(paragraph) if s]
                        for a, b in itertools.pairwise(said):
                            assert a.split()[:2] != b.split()[:2], (a, b)


# --- User test of the drafts (issue 4 follow-up): one regression test per finding. ---

MADE = ("their_work", "his blog post on on-call rotations")


def test_a_thing_they_made_is_enjoyed_and_on_on_call_is_not_collapsed():
    said = every_phrasing([MADE])
    with_post = about("blog post", said)
    assert len(with_post) >= 16, said  # eight emails and eight cards
    for sentence in with_post:
        assert "your blog post on on-call rotations" in sentence.lower(), sentence
        assert "sound exciting" not in sentence and "you made" not in sentence.lower(), sentence
    assert "I enjoyed your blog post on on-call rotations." in said
    for kind, body in [("their_work", "her talk at PyCon on async"), ("topic", "kafka")]:
        for sentence in every_phrasing([(kind, body)]):
            assert "sound exciting" not in sentence, sentence


FITS = (
    "experience mentoring five junior engineers",
    "I've led a monolith-to-events migration",
    "5 yrs building payments systems",
    "led a kafka migration at Shopify",
    "python + postgres",
)


def fit_panel(fits: tuple[str, ...], size: int, tone: str = "warm") -> list[ComposedDraft]:
    people = [
        Person(f"f{i}", PEOPLE[i][0], "interviewer", email="x@y.z", points=(Point("topic", "q3"),))
        for i in range(size)
    ]
    job = Job("Acme", "Senior Backend Engineer", fits)
    return compose_panel(job, people, make_profile(0, tone, "first_name"))


@pytest.mark.parametrize("tone", TONES)
def test_each_fit_line_goes_to_one_note_of_a_panel_as_a_natural_clause(tone):
    emails = [d for d in fit_panel(FITS, 5, tone) if d.channel == "email"]
    for line in ("mentoring five junior engineers", "monolith-to-events", "payments systems"):
        holders = [d for d in emails if line in d.body]
        assert len(holders) == 1, (line, [d.body for d in holders])
    for draft in emails:
        fit = [s for s in sentences(draft.body) if re.search("|".join(["junior", "monolith",
               "payments systems", "kafka migration", "postgres"]), s)]  # fmt: skip
        assert len(fit) == 1, draft.body
        assert ":" not in fit[0] and " and experience " not in fit[0], fit[0]
        assert not re.search(r"experience (?:experience|I\b|led\b)", fit[0]), fit[0]
    said = " ".join(d.body for d in emails)
    assert "I have experience mentoring five junior engineers" in said
    assert re.search(r"I(?:'ve| have) led a monolith-to-events migration", said)


def test_with_fewer_fit_lines_than_people_the_frame_changes_and_no_sentence_repeats():
    drafts = fit_panel(FITS[:1], 6)
    assert_no_shared_sentences(drafts)
    fits = [s for d in drafts for s in sentences(d.body) if "junior engineers" in s]
    assert len(fits) == 6 and len({f.split(" junior engineers")[-1] for f in fits}) == 6, fits


def test_wrapup_thanks_by_first_name_and_asks_only_for_those_without_an_address():
    people = [
        Person("r", "Marcus Bell", "recruiter", email="m@x.example"),
        Person("a", "Dana Rivera", "interviewer", email="d@x.example"),
        Person("b", "Tom O'Brien", "interviewer"),
        Person("c", "Sam Lee", "interviewer", email="s@x.example"),
        Person("d", "Ana Ortiz", "interviewer", email="a@x.example"),
    ]
    for tone in TONES:
        wrap = compose_panel(make_job(0), people, make_profile(0, tone, "first_name"))[0]
        assert "Dana, Tom, Sam and Ana" in wrap.body, wrap.body
        passing = [s for s in sentences(wrap.body) if "Tom" in s and "Dana" not in s]
        assert passing, wrap.body
        assert all("Sam" not in s and "Ana" not in s for s in passing), passing
        for surname in ("Rivera", "O'Brien", "Lee", "Ortiz"):
            assert surname not in wrap.body, wrap.body


NEEDY = re.compile(
    r"thrilled to join|wonderful to work together|would be a (?:real )?pleasure|"
    r"bring my energy",
    re.IGNORECASE,
)


def test_cards_carry_no_questions_or_promises_and_no_note_sounds_needy():
    points = [
        ("question", "Q: timeline for decision"),
        ("question", "ask if they sponsor visas"),
        ("promise", "send link to my kafka talk https://youtu.be/xyz?t=30"),
        ("promise", "my talk slides on idempotent payment retries"),
        ("topic", "kafka migration"),
    ]
    for tone in TONES:
        for kind in ("interviewer", "recruiter"):
            pts = tuple(Point(*p) for p in points)
            people = [
                Person(f"e{i}", n, kind, email="x@y.z", points=pts) for i, n in enumerate(EIGHT)
            ]
            drafts = compose_panel(make_job(0), people, make_profile(0, tone, "first_name"))
            for draft in drafts:
                assert not NEEDY.search(draft.body), draft.body
                if draft.channel == "card":
                    assert not re.search(r"timeline|visas|promised|slides|youtu|\?", draft.body)
                    assert "kafka migration" in draft.body, draft.body
    only_questions = one_card([("question", "timeline for the decision")])
    assert "timeline" not in only_questions.body and only_questions.generic


def one_card(points, *, tone="warm") -> ComposedDraft:
    person = Person("d", "Dana Rivera", "interviewer", points=tuple(Point(*p) for p in points))
    return compose_panel(make_job(0), [person], make_profile(0, tone, "first_name"))[1]


def test_formal_notes_change_every_slot_not_just_greeting_and_sign_off():
    jot = ("common_ground", "both ran chicago marathon last october!")
    formal = every_phrasing([jot], tone="formal")
    assert "I also enjoyed discovering that we both ran chicago marathon last October." in formal
    for sentence in formal:
        assert not FORMAL_NEVER.search(sentence), sentence
    people = [Person(f"s{i}", n, "interviewer", email="x@y.z") for i, n in enumerate(EIGHT)]
    subjects = [
        d.subject
        for d in compose_panel(make_job(0), people, make_profile(0, "formal", "first_name"))
        if d.subject
    ]
    assert "Thank you: Senior Backend Engineer interview" in subjects
    assert not [s for s in subjects if re.search(r"Great|Thanks", s)], subjects


@pytest.mark.parametrize(
    ("name", "tone", "style", "greeting"),
    [
        # First-name style: friendly, or "Dear" when formal.
        ("Dana Rivera", "warm", "first_name", "Hi Dana,"),
        ("Dana Rivera", "brief", "first_name", "Hi Dana,"),
        ("Dana Rivera", "formal", "first_name", "Dear Dana,"),
        # Honorific style: a known title is used; a full name only in a formal note.
        ("Dana Rivera", "warm", "honorific", "Dear Dana,"),
        ("Dana Rivera", "brief", "honorific", "Dear Dana,"),
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


def test_a_promise_without_a_link_is_attached_and_the_checker_reminds_you():
    said = every_phrasing([("promise", "my talk slides on idempotent payment retries")])
    slides = about("talk slides", said)
    assert len(slides) == 8, said
    for sentence in slides:
        assert sentence.startswith("As promised, I've attached my talk slides"), sentence
    formal = about("talk slides", every_phrasing([("promise", "slides")], tone="formal"))
    assert all(s.startswith("As promised, I have attached") for s in formal), formal
    email = one_email([("promise", "my talk slides on idempotent payment retries")])
    linked = one_email([("promise", "send link to my kafka talk https://youtu.be/xyz?t=30")])
    assert "here is the link to my kafka talk (https://youtu.be/xyz?t=30)" in linked.body

    def codes(draft: ComposedDraft) -> set[str]:
        warnings = check_draft(
            channel=draft.channel,
            subject=draft.subject,
            body=draft.body,
            contact_name="Dana Rivera",
            contact_email="d@x.example",
            points=["slides"],
            other_bodies=[],
            due_at=None,
            now=datetime(2025, 1, 1),
        )
        return {w.code for w in warnings}

    assert "attach_reminder" in codes(email)
    assert "attach_reminder" not in codes(linked)


def test_a_wish_reads_as_a_short_addition_not_i_wanted_to_mention():
    jot = ("wish_said", "forgot to mention backpressure in the queue design")
    said = every_phrasing([jot])
    assert "One thing I didn't get to: backpressure in the queue design." in said
    assert not [s for s in said if "wanted to mention" in s], said


def test_cards_spell_out_shorthand():
    for body, spelled, short in [
        ("sharding the shipment tracking DB", "database", "DB"),
        ("k8s infra migration", "Kubernetes infrastructure", "k8s"),
    ]:
        cards = [
            s for s in every_phrasing([("topic", body)]) if spelled in s or re.search(short, s)
        ]
        card_sentences = [s for s in cards if spelled in s]
        assert card_sentences, cards
        for sentence in card_sentences:
            assert not re.search(rf"\b{short}\b", sentence), sentence
        card = one_card([("topic", body)])
        assert spelled in card.body and not re.search(rf"\b{short}\b", card.body), card.body


def template_strings():
    import services.composer as composer

    for name in dir(composer):
        value = getattr(composer, name)
        if not name.startswith("_") or not name[1:2].isupper():
            continue
        pools = value.values() if isinstance(value, dict) else [value]
        for pool in pools:
            if isinstance(pool, str):
                pool = (pool,)
            if not isinstance(pool, tuple):
                continue
            for entry in pool:
                for form in entry if isinstance(entry, tuple) else (entry,):
                    if isinstance(form, str) and " " in form:
                        yield name, form


TEMPLATE_STOP = {
    "that", "with", "have", "about", "from", "your", "this", "would", "what", "when", "which",
    "also", "more", "there", "their", "they", "them", "been", "were", "will",
}  # fmt: skip


def test_template_sentences_never_repeat_a_content_word():
    checked = 0
    for name, form in template_strings():
        for sentence in SENTENCE_END.split(re.sub(r"\{\w+\}", " ", form)):
            words = [
                w for w in re.findall(r"[a-z']{4,}", sentence.lower()) if w not in TEMPLATE_STOP
            ]
            repeated = {w for w in words if words.count(w) > 1}
            assert not repeated, (name, form, repeated)
            checked += 1
    assert checked > 300


LIKING = re.compile(r"\b(enjoyed|appreciated|valued|loved|liked)\b", re.IGNORECASE)


def test_no_two_sentences_of_a_note_open_alike_or_repeat_a_verb_of_liking_in_a_paragraph():
    for size in (1, 3, 6):
        for tone in TONES:
            for start in range(len(JOTS)):
                people = make_panel(size, start)
                for draft in compose_panel(
                    make_job(start), people, make_profile(start, tone, "first_name")
                ):
                    openers: dict[tuple[str, ...], str] = {}
                    for paragraph in sections(draft.body)[1]:
                        said = [s for s in SENTENCE_END.split(paragraph) if s]
                        verbs = [v.lower() for s in said for v in LIKING.findall(s)]
                        assert len(verbs) == len(set(verbs)), paragraph
                        for sentence in said:
                            key = tuple(sentence.lower().split()[:2])
                            assert key not in openers, (openers.get(key), sentence)
                            openers[key] = sentence
    person = Person(
        "t",
        "Dana Rivera",
        "interviewer",
        points=(Point("topic", "kafka migration"),),
        interview_titles=("System design",),
    )
    for i in range(8):
        job = Job(f"Co{i}", "Senior Backend Engineer", ())
        body = compose_panel(job, [person], make_profile(0, "warm", "first_name"))[0].body
        assert "I especially enjoyed" not in body, body


def test_people_without_notes_get_nothing_they_would_not_recognise():
    """A note to someone with no jots must not claim what they said or described."""
    claims = re.compile(
        r"you (described|talked|said|mentioned|explained|shared)|candid|candour|decisions get made",
        re.IGNORECASE,
    )
    job = Job(
        company="Lumen Health", role="Product Designer", fit_points=("I run research with nurses",)
    )
    for tone in ("warm", "formal", "brief"):
        profile = Profile(name="Alex Morgan", tone=tone)
        people = [Person(id=str(n), name=f"Person{n} Lee", role="interviewer") for n in range(6)]
        for draft in compose_panel(job, people, profile):
            assert draft.generic
            assert not claims.search(draft.body), draft.body


@pytest.mark.parametrize(
    ("line", "clause"),
    [
        ("eight years designing clinical scheduling tools",
         "I have spent eight years designing clinical scheduling tools"),
        ("10 years of payments infrastructure", "I have 10 years of payments infrastructure"),
        ("led a kafka migration", "I led a kafka migration"),
    ],
)  # fmt: skip
def test_fit_lines_become_clauses(line, clause):
    job = Job(company="Acme", role="Engineer", fit_points=(line,))
    people = [Person(id="1", name="Dana Rivera", role="interviewer", points=(Point("topic", "x"),))]
    body = compose_panel(job, people, Profile(name="Alex Morgan"))[0].body
    assert clause in body
    assert "experience in eight" not in body
