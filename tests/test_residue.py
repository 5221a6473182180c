"""The last checks before a note says a jot: private jots stay out, phone residue is flagged."""

import pytest

from services.composer.residue import private_reason, residue


@pytest.mark.parametrize(
    "jot",
    [
        "range 78-85k + super, i said 88",
        "band is 52-58k, I said 60. she paused",
        "asked salary expectation, said R42k/mth",
        "nights shift diff is $2/hr",
        "comp band 170-190 + equity",
        "said the chef is 'a lot' on launch weeks. dont repeat that",
        "union talks are messy this yr - leave that alone",
        "the site had a stop-work order last yr, don't bring up",
        "the mayor's office sent them a lawyers letter. keep out of note",
        "previous mgr 'got pushed out'",
        "asked if im interviewing elsewhere, i said 1 other (actually 2)",
        "she is on maternity leave from March",
    ],
)
def test_private_jots_stay_out_of_every_note(jot):
    assert private_reason(jot)


@pytest.mark.parametrize(
    "jot",
    [
        "send her my paper on backtesting LGD models",
        "we both started at community papers, hers was in Pietermaritzburg",
        "procurement - matching company directors against tender awards",
        "is there protected time for band 7 development",
        "what's the budget split paid vs owned",
        "the paywall - 18k subs, wants data stories driving signups",
        "oncall - 1 wk in 6, paid",
        "he's doing his MLIS part time, asked me about practicums",
        "a note on compliance reviews",
    ],
)
def test_ordinary_jots_are_not_private(jot):
    assert private_reason(jot) == ""


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("I enjoyed hearing about the trial shift 4hrs on garde manger.", "4hrs"),
        ("I also meant to mention my newsletter, which has 3k subscribers.", "3k"),
        ("Our exchange on trenchless vs open cut was a highlight for me.", "vs"),
        ("Thank you for mentioning it broke twice this month apparently.", "apparently"),
        ("It was good to hear about it; spoke portuguese the whole time.", ";"),
        ("Thank you for explaining the roster: four ten-hour shifts.", ":"),
        ("I asked abt the paywall.", "abt"),
        ("You walked me up to rm 204.", "rm"),
        ("The second round is next thurs at ten.", "thurs"),
        ("We both love the fermentation room 😅.", "😅"),
        ("You said it is 'not just bums in seats.", "'"),
        ("I still owe you the fri/sat rota.", "fri/sat"),
        ("He said the answer was three pods.", "He said"),
        ("i rambled on that one.", "i"),
    ],
)
def test_residue_is_found(sentence, found):
    assert found in residue(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Here is my notebook on survival curves, as promised: https://github.com/weiz/churn-survival",
        "As promised, here is the case study on onboarding flows: [add the link or file]",
        "I enjoyed our conversation about the HR team's onboarding at Harrow & Finch LLP.",
        "As I said I would, here is the charter I drafted for the teen advisory board.",
        "It was good to talk about C++ and the 20 m drift you see in the field.",
        "Thank you for explaining that the first six months centre on the regression suite.",
        "I enjoyed hearing how Min runs the students' reading club, i.e. the Friday one.",
    ],
)
def test_clean_sentences_pass(sentence):
    assert residue(sentence) == []


def test_a_jot_that_says_not_to_tell_or_names_another_employer_stays_private():
    from services.composer.residue import private_reason

    assert private_reason("DONT tell dave im talking to PCL")
    assert private_reason("im also talking to PCL")
    assert private_reason("also talking to another firm")
    assert not private_reason("im talking to them next week about the rota")
