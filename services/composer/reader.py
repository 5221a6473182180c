"""The jot reader: each talking point, read once, into the sentence the notes will say.

A reading is what a draft says for one point: "I enjoyed our conversation about pricing page
experiments, including your view that annual plans hurt activation." It is made automatically,
stored beside the point, shown to the user and editable; every draft that uses the point says
its reading. A jot the reader cannot turn into a clean sentence is flagged (`ok` is False) and
left out of the notes rather than pasted raw.

Kinds carry meaning: a wish becomes a better answer, a promise gives its link or a visible
placeholder, a question they already answered is thanked for, and notes about the reader in the
third person are addressed to them. The candidate's "why I fit" lines are read the same way
(`read_fit`), into the clause a note says of them, or left out with the reason.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from services.composer import lexicon, phrases
from services.composer.grammar import (
    _ADVERBS,
    _AUX,
    _CALENDAR,
    _CONTRACTED_SUBJECTS,
    _DETERMINERS,
    _IRREGULAR_PAST,
    _LANGUAGES,
    _MASS_NOUNS,
    _MONTH_NAMES,
    _NOT_VERBS_ED,
    _OWN_THINGS,
    _PREFIX,
    _PREPOSITIONS,
    _SUBJECTS,
    _URL_RE,
    _WH_WORDS,
    ABOUT_ORGANISER,
    _conjugate_for_you,
    _dedupe_words,
    _expand_contractions,
    _fit_clause,
    _for_span,
    _gerund,
    _has_verb,
    _head_is_plural,
    _is_plural,
    _is_verb_start,
    _lower_first,
    _months,
    _proper_nouns,
    _read_detail,
    _sentence,
    _spell_numbers,
    _tidy_spacing,
    _to_you,
    _trim,
    _with_article,
    a_or_an,
    clean_jot,
    np_break,
    rough_np,
    verb_only,
)
from services.composer.residue import SENSITIVE as _SENSITIVE
from services.composer.residue import private_reason, residue

DETAIL_KINDS = ("topic", "their_work", "common_ground", "other")
KINDS = (*DETAIL_KINDS, "promise", "question", "wish_said")
PLACEHOLDER = "[add the link or file]"
WRITE_PLACEHOLDER = "[write it in here]"
# Promised things the candidate types into the note rather than links or attaches.
_TYPED_IN = (
    r"\b(?:availability|available times|times|dates|number|numbers|pin|id|details|address|"
    r"phone|references|contacts?)\b"
)
# "ID copy", "certificate", "the PDF": a file to attach, even when it names an ID or details.
_A_FILE = (
    r"\b(?:cop(?:y|ies)|scans?|cert(?:ificate)?s?|pdfs?|files?|documents?|letters?|cv|"
    r"resume|r\u00e9sum\u00e9|portfolio|deck|slides|spreadsheet|template)\b"
)
# Past this many words a clause no longer reads as one thought in a thank-you note.
MAX_CLAUSE_WORDS = 32

# What a careful reader would mark as a note-to-self if it reached a draft.
_RAW = re.compile(
    r"\b(?:lol|lmao|haha\w*|omg|idk|tbd|w/|b/c|gonna|wanna|kinda|sorta|ppl|pls|q|yr|yrs)\b"
    r"|(?-i:(?<![\w/])[a-z]{2,}/[a-z]{2,}(?![\w/]))"
    r"|->|=>|::|\?\?|\.\.\."
    # "the top 50 / bottom 50 deck": a slash list between words (not "Approbation / ...").
    r"|(?-i:\b[a-z0-9]+ / [a-z0-9]+\b)",
    re.IGNORECASE,
)
_ANSWERED = re.compile(
    r"^(?:i\s+)?asked(?:\s+(?:her|him|them|you))?(?:\s+(?:about|abt|re:?))?\s+(?P<q>.+?)"
    r"[\s,;:]+(?:and\s+)?(?:she|he|they|you)\s+(?:said|says|told\s+me|answered|explained)"
    r"(?:\s+that)?[\s:,]+(?P<a>.+)$",
    re.IGNORECASE,
)
_ANSWER_MARK = re.compile(
    r"(?:^|[\s,;:]+)(?:i\s+)?(?:should(?:'ve|\s+have|\s+of)|shoulda|could(?:'ve|\s+have)|wish\s+i'?d?)"
    r"\s+(?:just\s+|really\s+|simply\s+)?(?:said|answered|mentioned|told\s+(?:her|him|them)|brought\s+up|talked\s+about|"
    r"given|gone\s+with|pointed\s+to|told|used|done)(?:\s+that)?[\s:,]*"
    r"|(?:^|[\s,;:]+)(?:the\s+)?(?:better|real|right|proper|actual|short|quick|simple|honest)\s+answer"
    r"(?:\s+(?:is|was|"
    r"would\s+be))?[\s:,]*"
    r"|(?:^|[\s,;:]+)answer(?:\s+is)?\s*:\s*"
    r"|(?:^|[\s,;:]+)(?:i\s+)?should\s+(?:say|mention)\b[\s:,]*"
    r"|(?:^|[\s,;:]+)(?:i\s+)?(?:meant|wanted)\s+to\s+(?:say|mention|talk\s+about)\b[\s:,]*"
    r"|(?:^|[\s,;:]+)(?:the\s+)?(?:better|honest)\s*:\s*"
    r"|(?:^|[\s,;:]+)(?:the\s+)?(?:real|better|right|honest)\s+(?:one|answer|example)\s*(?:=|:)\s*"
    r"|(?:^|[\s,;:]+)(?:the\s+)?(?:short|real|long)\s+version(?:\s+is)?\s*:\s*",
    re.IGNORECASE,
)
_FUMBLE = re.compile(
    r"^(?:i\s+)?(?:totally\s+|kind\s+of\s+|kinda\s+)?(?:fumbled|blanked(?:\s+on)?|botched|"
    r"messed\s+up|flubbed|stumbled\s+on|bombed|rambled(?:\s+on)?|struggled\s+with|froze\s+on|"
    r"undersold|muddled|mumbled|choked\s+on|didn't\s+(?:give|answer|nail|explain)|"
    r"did\s+not\s+(?:give|answer|nail|explain)|was\s+vague\s+on|got\s+stuck\s+on)"
    r"(?:\s+(?:a|the|my))?\s*",
    re.IGNORECASE,
)
_QUESTION_TOPIC = re.compile(
    r"(?:(?:question|q)\s+(?:on|about|re:?|around)\s+(?P<after>.+)$)"
    r"|(?P<before>[\w' -]+?)\s+(?:question|q)\b",
    re.IGNORECASE,
)
_SAID_PREFIX = re.compile(
    r"^(?:(?:she|he|they|you)\s+)?(?:said|mentioned|told\s+me|says)(?:\s+that)?\s+",
    re.IGNORECASE,
)
_OWN_WORK = (
    r"^(?:portfolio|resume|résumé|cv|slides|deck|writeup|write-up|references|work samples|"
    r"writing samples|code samples|certificates?|transcripts?)\b"
)
# Things the candidate wrote or made, which "our" in a promise belongs to.
_MY_WRITING = (
    r"^(?:the\s+|a\s+)?(?:blog\s+post|post|talk|paper|article|write-?up|slides|deck|notebook|"
    r"repo|gist|case\s+study|demo|video)\b"
)
# Things a person has of their own: "PhD on tariffs" in their work is their PhD.
_THEIR_OWN = (
    r"^(?:phd|doctorate|thesis|dissertation|masters?|mba|book|novel|podcast|blog|newsletter|"
    r"startup|side\s+project|band|paper|research|talk|lab|group|team|column|channel)\b"
)
# "the coffee was great": the candidate's own impression, said as liking it.
_IMPRESSION = re.compile(
    r"^(?P<x>(?:the )?[\w' -]+?) (?:was|were|is|are) (?:so |really |super |very )?"
    r"(?:great|amazing|awesome|lovely|nice|excellent|fantastic|delicious|good|cool|fun|"
    r"gorgeous|beautiful|stunning|impressive)$",
    re.IGNORECASE,
)
_STATE = re.compile(
    r"^(?P<x>[\w' -]+?)\s+(?P<adj>flexible|negotiable|fine|ok|okay|open|confirmed|likely|"
    r"possible|available|covered|included|remote|hybrid)$",
    re.IGNORECASE,
)
# Words that lead a clause without needing "the": pronouns, not bare nouns.
_NOT_BARE_NOUNS = {
    "this", "that", "yours", "mine", "his", "hers", "ours", "theirs", "everyone", "everything",
    "someone", "something", "nobody", "nothing", "anyone", "anything", "who", "which", "what",
    "here", "now", "today", "tomorrow", "yesterday", "pay", "hiring", "funding",
}  # fmt: skip
_PAST_OF_MEETING = {"met", "saw", "sat", "spoke", "went", "heard", "got", "had", "came"}
_HARD = re.compile(
    r"\b(?:is|are|was|were|gets?|got)\s+(?:(?:really|very|so|quite|super|pretty)\s+)?"
    r"(?:hard|difficult|tough|slow|painful|messy|tricky|a\s+(?:challenge|struggle|pain))\b"
    r"|\b(?:dropped|fell|fallen|declined|shrunk|shrank)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(r"^you\s+(?:think|believe|feel|reckon)\s+(?:that\s+)?", re.IGNORECASE)
_TOO = re.compile(r"^(?P<x>[\w' -]+?)\s+too\b[\s,;!]*(?P<rest>.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    kind: str
    text: str  # the sentence the notes say, or "" when flagged
    ok: bool
    problem: str = ""  # why the reader could not read it, for the user
    edited: bool = False  # the user wrote this reading themselves
    placeholder: bool = False  # a promise with nothing to link yet
    # What the note would say, offered to the user for a jot kept out by default (one tap
    # puts it in as their own wording).
    suggestion: str = ""

    @property
    def detail(self) -> bool:
        return self.kind in DETAIL_KINDS


# What the user reads under a jot the notes cannot say cleanly.
_TOO_ROUGH = "This jot is too rough to quote; write how the note should say it."


def _flag(kind: str, problem: str) -> Reading:
    return Reading(kind=kind, text="", ok=False, problem=problem)


def _variant(kind: str, text: str, bump: int) -> int:
    digest = hashlib.sha256(f"{kind}|{text.lower()}".encode()).hexdigest()
    return int(digest[:8], 16) + bump


def _is_raw(text: str) -> bool:
    return bool(_RAW.search(text))


# Faces that say the candidate was worried by what they heard.
_WORRIED = re.compile(
    "[\U0001f62c\U0001f615\U0001f61f\U0001f629\U0001f626\U0001f627\U0001f628"
    "\U0001f630\U0001f613\U0001f974\U0001fae0\U0001f926\U0001f643]"
)
_GLAD_FRAME = re.compile(
    r"\b(?:glad|fun|enjoy\w*|impressed|pleasure|delighted|smiled|happy|surprise|great|lovely|good)\b"
)


def _split_tail(text: str) -> tuple[str, str]:
    """The jot's first part and the rest, split at the first comma or semicolon outside
    brackets: "they use Deltek, I know it from my last job"."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch in ",;" and text[i + 1 : i + 2] == " ":
            return text[:i].strip(), text[i + 1 :].strip(" ,;")
    return text, ""


def _loose_verb(words: list[str]) -> bool:
    """A verb somewhere after the first word: a known one, or a past tense ("slipped")."""
    return _has_verb(words) or any(
        w.lower().endswith("ed") and len(w) > 4 and w.isalpha() for w in words[1:]
    )


def _as_a(text: str) -> str:
    """ "started as intern" -> "started as an intern"."""
    return re.sub(
        r"\b(started|joined|began|came\s+in|worked|stayed)\s+as\s+(?!(?:a|an|the|my|your|our)\b)"
        r"([a-z]\w*)",
        lambda m: f"{m.group(1)} as {'an' if m.group(2)[0] in 'aeiou' else 'a'} {m.group(2)}",
        text,
    )


_JUST = {"just", "recently", "finally", "already", "also"}


def _tail_clause(tail: str, first: str, kind: str) -> tuple[str, str]:
    """(how the tail joins, the tail as words) or ("", "") when it is not a clean clause."""
    tail = _lower_first(_SAID_PREFIX.sub("", _lower_first(tail)))
    if not tail or _is_raw(tail):
        return "", ""
    words = tail.split(" ")
    head = words[0].lower()
    if head == "same" and re.match(r"^same [\w' -]+? (?:I|we) \w+", tail):
        return "which", "which is the " + tail  # "same programme I did in 2017"
    if head == "i" and len(words) > 2 and words[2].lower() == "it":
        # "I know it from my last job": the thing they mentioned is what I know.
        return "which", "which I " + " ".join(words[1:2] + words[3:])
    if head in {"i", "we", "talked", "chatted"}:
        # "we talked United for five minutes": the chat is enjoyed, not reported back.
        chat = re.match(
            r"^(?:we )?(?:talked|chatted)(?: about)? (.+?)(?: for (?:\w+ )?(?:minutes|mins|min|"
            r"ages|a while|hours?))?$",
            tail,
        )
        if chat:
            return "and", f"I enjoyed our chat about {chat[1]}"
        return "and", tail
    tail = _to_you(tail, first, they_too=True)
    words = tail.split(" ")
    head = words[0].lower()
    if head in _WH_WORDS - {"if", "whether"} and _has_verb(words):
        return "np", tail  # "mandatory retirement ages - how clients are reacting": and how
    if head == "been":
        return "that", "you have " + tail
    if kind in ("their_work", "other") and (
        head in _IRREGULAR_PAST or (head.endswith("ed") and len(head) > 4)
    ):
        return "that", _as_a("you " + tail)
    if head in {"you", "you're", "you've", "you'll", "you'd"} or head in _CONTRACTED_SUBJECTS:
        # "they skip discounts, do repair vouchers instead": one subject, two verbs.
        second = re.match(r"^([^,]+), ([a-z]+)\b(.*)$", tail)
        if (
            second
            and second.group(2) not in _DETERMINERS | _SUBJECTS
            and (_is_verb_start(second.group(2)) or second.group(2) in {"do", "have", "use", "run"})
        ):
            tail = f"{second.group(1)} and {second.group(2)}{second.group(3)}"
        return "that", tail
    if kind == "common_ground" and (_is_verb_start(head) or head.endswith("ed")):
        if re.search(r"\b(?:both|too|also|as well)\b", tail):
            return "both", re.sub(r"\s+(?:too|as well)$", "", tail)  # "ran the marathon too"
        # "knows prof kimani my supervisor", "loved zapiekanki": theirs, not something both
        # did; the jot says "too" when it is.
        return "that", "you " + " ".join([_conjugate_for_you(words[0]), *words[1:]])
    lead = words[1].lower() if head in _JUST and len(words) > 1 else ""
    if kind == "topic" and (lead in _IRREGULAR_PAST or (lead.endswith("ed") and len(lead) > 4)):
        # "arc flash program, just moved to CSA Z462": the thing talked about has just done it.
        if head == "just" and lead.endswith("ed"):
            return "that", "it has " + tail
        return "that", "it " + tail
    if (
        kind in ("topic", "their_work")
        and len(words) > 1
        and re.fullmatch(r"[a-z]+[^s]s", head)
        and "VERB" in lexicon.word_classes(_conjugate_for_you(head))
        # "wants someone", "needs a ...": a verb and its object; "results due Q2" is a noun.
        and words[1].lower()
        in _DETERMINERS | {"someone", "somebody", "people", "more", "to", "it", "them", "everyone"}
    ):
        # "L1-L5 cx, wants someone who did IST": they want, said to them.
        return "that", "you " + " ".join([_conjugate_for_you(head), *words[1:]])
    bare = re.match(r"^([A-Z]{2,}|[a-z][\w-]*)(?: [a-z][\w-]*)? (?:is|was|has)\b", tail)
    if bare and head not in _DETERMINERS | _SUBJECTS | _NOT_BARE_NOUNS:
        return "that", "the " + tail  # "GP target is 70%": the GP target
    # "consent forms take weeks": a clause of its own; but "3 blocks, piling done, the
    # superstructure starts Jan" is a list of facts, not one clause.
    if (
        (head in _DETERMINERS or (head.isalpha() and head.islower()))
        and _has_verb(words)
        and all(_has_verb(part.split(" ")) for part in tail.split(", "))
    ):
        return "that", tail
    return "", ""


_YOU_VERB_S = re.compile(
    r"\byou\b[^,;]*?\b(?:knows|has|does|is|wants|says|works|lives|loves|likes|hates|thinks|"
    r"goes|was)\b"
)


def _rough_tail(tail: str) -> bool:
    """Whether a jot's tail, turned to "you", still reads as a note: "you're Ennistymon and
    knows my uncle's pub", "you two years ahead", "you did it in WINTER (loco)"."""
    if "(" in tail or "?" in tail or _YOU_VERB_S.search(tail):
        return True  # "had Mme Lemaire?? for raw materials": a name the candidate doubts
    if re.match(r"^(?:asked|said|told|mentioned)\b", tail):
        return True  # "asked if I'd read it": what they did, with no one doing it
    if re.search(r"\byou(?:'re| are)? (?!I\b)[A-Z]", tail):
        return True
    if re.search(r"\byou (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) "
                 r"(?:years?|sets?|months?|terms?)\b", tail):  # fmt: skip
        return True
    return any(
        len(w) >= 4 and w.isupper() and w.isalpha() and lexicon.word_count(w.lower()) >= 1000
        for w in re.findall(r"[A-Za-z]+", tail)
    )


def _join_tail(sentence: str, shape: str, join: str, tail: str, second: str = "") -> str:
    """The jot's first part and its tail as one natural sentence, or two short ones: a fact is
    never bolted on with ", including that"."""
    body = sentence.rstrip(".")
    if join == "which":
        return f"{body}, {tail}."
    if join == "np":
        return f"{body}, and {tail}."
    if join == "both":
        return f"{body}, and we both {tail}."
    if join == "and" and shape != "clause" and tail.lower().startswith("we "):
        return f"{body}, where {tail}."  # "ECS vs OOP, where we disagreed a bit on perf"
    if join == "and":
        return f"{body}, and {tail}."
    if join == "that" and re.match(r"^(?:Thank you|Thanks)\b", sentence):
        asked = re.search(r"\bfor asking (?:me )?about my\b.*$", body)
        if asked:
            # "asked about my PE timeline, said they pay for the exam": what they said is the
            # point; that they asked about my plans is not news to them.
            return f"{body[: asked.start()]}for telling me that {tail}."
        return f"{body}, and for telling me that {tail}."
    opinion = _OPINION.match(tail)
    if opinion:
        return f"{body}. I also appreciated your view that {tail[opinion.end() :]}."
    if shape == "clause":
        return f"{body}, and that {tail}."
    # A second fact about them is its own short sentence, with a lead-in unlike the first's.
    return f"{body}. {second.format(x=tail)}" if second else f"{body}."


# A detail that opens with a modal, or an "other" jot that opens with a to-do verb, is the
# candidate's reminder, not something said on the day.
# Words that say nothing once the number after them is cut: "ECT yr 2", "earliest start 1 april".
_NEEDS_ITS_NUMBER = {"year", "yr", "week", "day", "month", "hour", "start", "level", "grade",
                     "step", "stage", "phase", "share", "number", "no", "version"}  # fmt: skip
_MODALS = {"would", "will", "could", "should", "might", "must"}
# What says a common-ground jot is shared: "both", "too", "same", "we", "in common".
_SHARED_MARK = re.compile(
    r"\b(?:both|too|also|same|we|us|our|in\s+common|as\s+well|me\s+too|like\s+me|"
    r"small\s+world|mutual|each\s+other)\b",
    re.IGNORECASE,
)
_TASK = re.compile(
    r"(?:implement|build|design|write|code|explain|solve|debug|refactor|reverse|find|create|"
    r"make|sort|optimi[sz]e|estimate|model|draw|plan|walk|pitch|present|sketch)\b",
    re.IGNORECASE,
)
# A jot's opening label that names only the part of the interview: "sys design: seat holds".
_LABEL = re.compile(
    r"(?:the\s+)?(?:(?:sys(?:tem)?|technical|tech)\s+design|system\s+design\s+round|design|"
    r"culture|team\s+culture|(?:tech\s+)?stack|process|architecture|tooling|tools|roadmap|"
    r"strategy|priorities|challenges?|case\s+study|live\s+coding|coding|whiteboard|"
    r"technical(?:\s+(?:round|part|q|question))?|team(?:\s+structure)?|structure|"
    r"growth|career\s+growth|onboarding|background)",
    re.IGNORECASE,
)
_NOTE_TO_SELF_LEADS = {"bring", "remember", "check", "prepare", "print", "pack", "book"}


def _detail(
    kind: str, text: str, urls: tuple[str, ...], first: str, book, bump: int, *, neutral=False
) -> Reading:
    answered = _answered(text, first, book, bump, kind)
    if answered:
        return answered
    if _SENSITIVE.search(_split_tail(text)[0]):
        return _flag(
            kind,
            "This sounds private (pay, a figure they may not want repeated, a setback): the "
            "drafts leave it out. Write how to say it if you want it in.",
        )
    text = _PREFIX["aside"].sub("", text)
    label = re.match(r"^([\w' -]{2,30}?):\s+(?=\S)", text)
    if label and len(label.group(1).split()) <= 4 and not _has_verb(label.group(1).split()):
        text = f"{label.group(1)}, {text[label.end() :]}"  # "lab space: shared with chem"
    head, tail = _split_tail(text)
    tail = tail.split("; ", 1)[0]  # a tail is one sentence of the jot, not the rest of it
    if (
        kind in ("topic", "their_work")
        and _LABEL.fullmatch(head)
        and tail
        and not re.match(r"^(?:['\"\u2018\u201c\d]|(?:one|two|three|four|five|six)\b)", tail)
        and not _SAID_PREFIX.match(tail)
        # "whiteboard: implement coyote time": a task set, not a topic.
        and not _TASK.match(tail)
    ):
        # "sys design: seat holds w/ TTL": the label says nothing; what follows is the topic.
        named = _detail(kind, tail, urls, first, book, bump, neutral=neutral)
        if named.ok:
            return named
    # "she prefers SpATS, i said ASReml, agreed to disagree": what I said back is mine.
    tail = re.split(
        r",\s+(?:(?:i|we)\s+(?:said|told|thought|think|argued)|agreed)\b", tail, flags=re.I
    )[0]
    if text.startswith(head + ";") and re.match(r"^I(?:'ve|'m|'d)?\b", tail):
        tail = ""  # "... in jan 😬 ive done this": the candidate's aside, not a tail
    if re.match(r"^my\b", tail, re.IGNORECASE):
        tail = ""  # "start jan 4 ideal. my notice is 1 month so ok": the candidate's own
    if _SENSITIVE.search(tail):
        tail = ""  # a figure they may not want repeated stays out; the rest is said
    reported = bool(_SAID_PREFIX.match(_lower_first(head)))
    head = _lower_first(_SAID_PREFIX.sub("", _lower_first(head)))
    state = _STATE.match(head)
    if state:
        head = f"{_with_article(state.group('x'), single=True)} is {state.group('adj').lower()}"
    head = re.sub(
        r"^(next|first|second|third|final|last)\s+(step|round|stage|interview)\b",
        r"the \1 \2",
        head,
    )
    shared_after = re.sub(r"^(?:but|and|though|although)\s+(?:ok|okay|anyway)?,?\s*", "", tail)
    if (
        kind == "common_ground"
        and not _SHARED_MARK.search(head)
        and re.match(r"^we(?:'re| are)? both\b", shared_after, re.IGNORECASE)
    ):
        # "pumas fan 🙄 but ok, we both go to the corregidora games": what is shared comes after.
        shared = _detail(kind, shared_after, urls, first, book, bump, neutral=neutral)
        if shared.ok:
            return shared
    if kind == "common_ground" and not _SHARED_MARK.search(text):
        # "habs fan, talked abt last night's game", "Brann supporter, i said Aberdeen": theirs,
        # and nothing says the candidate shares it; the chat they had is safe to thank for.
        chat = re.search(
            r"\b(?:talked|chatted)\s+(?:about\s+|abt\s+)?(?P<x>[^,;.]+?)"
            r"(?:\s+(?:for\s+)?(?:\w+|\d+)\s+(?:minutes?|mins?|min))?\s*(?:[,;.]|$)",
            text,
            re.IGNORECASE,
        )
        if chat and not re.match(r"^(?:it|that|this|them)$", chat["x"]):
            return Reading(kind=kind, text=f"I enjoyed our chat about {chat['x']}.", ok=True)
        if re.search(r"\b(?:fans?|supporters?|alumn\w*|grads?|graduates?)$|^from\b", head):
            return _flag(
                kind,
                "Say what you share ('we are both Habs fans', 'we are both from Hilo'); the "
                "jot reads as theirs alone.",
            )
    being = re.match(r"^(?:she|he|they)(?:'s|\s+is|\s+are)\s+([^\W\d_]+)", head, re.IGNORECASE)
    if kind == "common_ground" and being and not lexicon.word_count(being[1].lower()):
        # "he is colo colo": a club, a town, a school? Not a sentence to send as typed.
        return _flag(
            kind,
            "Say what you share ('we are both Colo-Colo fans', 'we both grew up in Zgierz'); "
            "the note cannot tell what the name is.",
        )
    if kind == "common_ground":
        too = _TOO.match(head)
        # "she climbs at gravity too", or with no "she": "climbs at gravity too".
        does = too and re.match(
            r"^(?:(?:she|he|they)\s+)?(\w+)(?:\s+(.+))?$", too.group("x"), re.IGNORECASE
        )
        if does and not re.match(r"^(?:she|he|they)\s", too.group("x"), re.IGNORECASE):
            bare_verb = re.fullmatch(r"[a-z]+[^s]s", does.group(1)) and "VERB" in (
                lexicon.word_classes(_conjugate_for_you(does.group(1)))
            )
            does = does if bare_verb else None
        verb = does and (_is_verb_start(does.group(1)) or _verb_form(does.group(1)))
        if verb and does.group(1).lower() not in {"is", "are"}:
            # "she loves sourdough too", "she climbs too": we both love sourdough, climb.
            rest = f" {does.group(2)}" if does.group(2) else ""
            head = f"we both {_conjugate_for_you(does.group(1))}{rest}"
        elif too and re.match(r"^(?:her|his|their) \w+ (?:is|was) \S", too.group("x")):
            # "his nan is from ōtara too": like someone of the candidate's, which the jot does
            # not say, so said as it was noted: your nan is from Ōtara too.
            kin = re.match(r"^\w+ (\w+) (is|was) (.+)$", too.group("x"))
            head = f"your {kin[1]} {kin[2]} {kin[3]} too"
        elif too and re.match(r"^[A-Z][A-Za-z]?[A-Z][A-Za-z]* (?:at|in|from) ", too.group("x")):
            head = too.group("x")  # "PGCE at Leeds Beckett too": a qualification both did
        elif too and re.fullmatch(r"[A-Z]{2,}[\w&.-]*(?: [A-Z][\w&.-]*)*", too.group("x")):
            head = f"we have {too.group('x')} in common"  # "ISIPCA too": a school, a body
        elif too and len(too.group("x").split()) <= 5:
            # "she's a Packers fan too": we are both Packers fans.
            being = re.sub(r"^(?:she|he|they)(?:'s|'re|\s+is|\s+are)\s+", "", too.group("x"))
            being = re.sub(r"^(?:an?)\s+", "", being) if being != too.group("x") else being
            head = f"we are both {being}"
        both = re.match(r"^(\w+ing)\s+(?:both\s+of\s+us|for\s+both\s+of\s+us|us\s+both)$", head)
        if both:
            head = f"we both enjoy {both.group(1)}"
        role = re.match(r"^([a-z]+(?: [a-z]+)?\s[a-z]+(?:er|or|ist|ian))$", head)
        if role and not head.startswith(("the ", "a ", "my ")):
            head = f"we are both {head}s"  # "marathon runner": so is the candidate
        same = re.match(
            r"^(?:the\s+)?same\s+(university|school|college|hometown|home town|town|city)"
            r"(?:\s+\((?P<name>[^)]+)\))?$",
            head,
            re.IGNORECASE,
        )
        course = re.match(
            r"^(?:the\s+)?same\s+(?P<x>.*\b(?:course|programme|program|class|training|bootcamp|"
            r"workshop|degree|conference|course)\b.*)$",
            head,
            re.IGNORECASE,
        )
        if course and not same:
            head = f"we both did the same {course.group('x')}"
        if same:
            place = same.group(1).lower()
            verb = "went to" if place in {"university", "school", "college"} else "come from"
            name = f", {same.group('name')}" if same.group("name") else ""
            head = f"we {verb} the same {place}{name}"
    if not head:
        return _flag(kind, "There is nothing here a note could say.")
    words = head.split(" ")
    lead = words[0].lower().strip(",;:")
    if lead in _MODALS or (kind == "other" and lead in _NOTE_TO_SELF_LEADS):
        # "would report to me", "bring: zairyu card copy": the candidate's reminder to self.
        return _flag(kind, "It reads as a note to yourself; write how to say it if you want it in.")
    past = (
        words[0].lower() in _IRREGULAR_PAST
        or words[0].lower() in _PAST_OF_MEETING
        or (words[0].lower().endswith("ed") and len(words[0]) > 4 and words[0].isalpha())
    )
    if (
        kind == "other"
        and past
        and len(words) > 1
        and words[1].lower() not in {"me", "us", "my", "our"}
        and not _SAID_PREFIX.match(head)
        and words[0].lower()
        not in {
            "loved",
            "liked",
            "enjoyed",
            "appreciated",
            "asked",
            "told",
            "offered",
            "invited",
            "explained",
            "mentioned",
            "said",
            "showed",
            "gave",
            "walked",
            "introduced",
        }
    ):
        # "met the dean briefly": did they, or did I? The note must not guess.
        return _flag(kind, "Say who did this ('I met the dean', 'she showed me ...').")
    # "offer decision by friday": when the candidate will hear, not a decision already made.
    hear = re.match(
        r"^(?:an?\s+|the\s+)?(?:offer\s+)?(?:decision|feedback|answer|news|update|outcome|"
        r"results?|(?:(?:waiting|wait)\s+to\s+)?hear(?:ing)?\s+back)"
        r"\s+(by|on|before|within|in|early|late|next|this)\b\s*(.*)$",
        head,
        re.IGNORECASE,
    )
    if hear and kind == "other":
        head = f"I should hear back {hear.group(1).lower()} {hear.group(2)}".strip()
    # "applications open in March": a thing that opens or starts at a time is a clause.
    if re.match(
        r"^[a-z][\w -]*?s (?:open|close|start|begin|end|reopen|launch)s? (?:in|on|from|at|by|"
        r"next|this)\b"
        # "volunteer numbers dropped since Covid": a change over time, also a clause.
        r"|^[a-z][\w -]*?s (?:\w+ed|grew|fell|rose) (?:since|in|by|after|over|last|this|from)\b",
        head,
    ):
        timed = True
    else:
        timed = False
    served = re.match(r"^([a-z][\w -]{2,30}?) for ((?:\w+) (?:years?|months?))\b(.*)$", head)
    if (
        kind == "their_work"
        and served
        and not _is_verb_start(served.group(1).split(" ")[0])
        and not re.search(r"\b(?:been|there|here|at|in|with)\b", served.group(1))
    ):
        # "sous chef for 8 yrs before this": what they worked as.
        role = served.group(1)
        role = re.sub(r"^(?:a|an|the)\s+", "", role)
        article = "an" if role[0] in "aeiou" else "a"
        head = f"you worked as {article} {role} for {served.group(2)}{served.group(3)}"
    if head.split(" ", 1)[0].lower() == "been" and kind != "topic":
        head = "you have " + head  # "been there 6 yrs": how long they have been there
    liked = head.split(" ", 1)[0].lower() in {"loved", "liked", "enjoyed"}
    impression = _IMPRESSION.match(head) if kind == "other" else None
    if impression:
        thing = impression.group("x")
        thing = thing if thing.lower().startswith("the ") else "the " + thing
        head, liked = "loved " + thing, True
    x, shape = _read_detail(head, kind, first)
    if shape in ("note", "clause") and _run_on(x):
        return _flag(
            kind,
            "This jot runs two things together ('tried latex 2022 gave up'); write how the "
            "note should say it.",
        )
    if kind in ("topic", "their_work") and re.match(r"^(?:the )?(?:own|no)\s", x):
        # "own test track at plant", "no internet for learners at all": not a thing to name.
        return _flag(
            kind,
            "Write how the note should say this ('your own test track', 'the offline laptops').",
        )
    if kind == "common_ground":
        people = re.search(r"\b(?:alumni|alums?|fans?|supporters?|grads?|members?)$", x)
        x = re.sub(r"^we both (?=\S+ (?:fans?|supporters?|alumni|grads?|members?)$)", "", x)
        if shape in ("np", "note", "clause") and people and not re.match(r"^we\b", x):
            # "JKUAT alumni both", "both pumas fans": people, not a thing in common.
            x = x if x.endswith(("i", "s")) else x + "s"
            x, shape = f"we are both {x}", "clause"
        if re.match(r"^we (?:are )?both\b", x):
            # "also did her cert IV": what both did is ours, not hers nor "yours".
            x = re.sub(r"\b(?:your|her|his)\b", "our", x)
    if kind == "common_ground" and re.match(r"^we are both\b", x):
        x = re.sub(  # "tottenham fans": a club's name
            r"\b([a-z]+)(?= (?:fans?|supporters?)\b)",
            lambda m: m[1].capitalize() if lexicon.foreign(m[1]) else m[1],
            x,
        )
        bare = re.findall(r"(?<!\ba )(?<!\ban )(?<!\bthe )\b[^\W\d_]+", x)
        if any(w.islower() and lexicon.foreign(w) for w in bare):
            # "both ODTÜ makine": what is shared, in words the note cannot put in English.
            return _flag(kind, "Say what you share as the note should say it.")
    if kind == "common_ground" and re.match(r"^we are both\b", x):
        # "we are both Packers fan": two fans.
        x = re.sub(
            r"\b(fan|runner|rower|climber|cyclist|swimmer|parent|dad|mum|mom|alum|alumnus|"
            r"veteran|musician|gamer|baker|gardener|volunteer|nerd|geek)$",
            lambda m: {"alumnus": "alumni"}.get(m.group(1), m.group(1) + "s"),
            x,
        )
    if kind == "common_ground" and re.match(r"^we (?:are )?both\b", x):
        # "we both started as a TA": two people started as TAs.
        x = re.sub(r"\bas an? ([A-Za-z]+)\b(?!\s+[a-z])", lambda m: "as " + _plural(m.group(1)), x)
    first_word = x.split(" ", 1)[0].lower()
    if (
        shape == "note"
        and kind == "other"
        and first_word
        in set(_IRREGULAR_PAST) | {w for w in [first_word] if w.endswith("ed") and len(w) > 4}
    ):
        shape, x = (
            "act",
            _gerund(x.split(" ", 1)[0]) + (" " + x.split(" ", 1)[1] if " " in x else ""),
        )
    elif shape == "note" and kind == "other" and liked:
        shape = "liked"
    elif shape == "note":
        # A clause about them or the candidate ("the coffee was great") reads as heard.
        subject = first_word in _SUBJECTS or first_word in _CONTRACTED_SUBJECTS
        # A verb inside quotes ("the western 'yes we can do that'") is not the jot's verb.
        unquoted = re.sub(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"", "", x)
        shape = "clause" if _has_verb(unquoted.split()) or subject or reported else "np"
    words = x.split(" ")
    if (
        kind == "topic"
        and shape in ("note", "np")
        and len(words) > 2
        and words[1].lower() in {"me", "us"}
        and (words[0].lower() in _IRREGULAR_PAST or words[0].lower().endswith("ed"))
    ):
        # "showed me the suite"; "showed me back office": the back office
        thing = " ".join(words[2:])
        if words[2].lower() not in _PREPOSITIONS | {"through", "round", "around", "over"}:
            thing = _with_article(thing, single=True)
        shape, x = "act", " ".join([_gerund(words[0]), words[1], thing])
        kind_key = "other"
    elif (
        kind == "topic"
        and shape in ("note", "np")
        and len(words) > 2
        and (
            (
                words[1].lower() in {"through", "over", "around", "into"}
                and words[2].lower() in {"my", "our", "me"}
            )
            or words[1].lower() in {"my", "our"}
        )
        and (words[0].lower() in _IRREGULAR_PAST or words[0].lower().endswith("ed"))
    ):
        # "went through my reel", "observed my yr 9 lesson": something they did for the candidate.
        shape, x = "act", " ".join([_gerund(words[0]), *words[1:]])
        kind_key = "other"
    elif shape in ("note", "np") and (tour := _TOUR.match(x)):
        # "tour of hall", "site tour": something they did for the candidate, thanked for.
        place = tour["place"] or tour["pre"]
        shape, x = "act", f"showing me round the {place}" if place else "giving me the tour"
        kind_key = "other"
    else:
        kind_key = ""
    if (
        kind in ("other", "their_work")
        and shape == "clause"
        and len(words) > 2
        and words[0] == "you"
    ):
        verb = words[1].lower()
        if (verb in _IRREGULAR_PAST or verb.endswith("ed")) and words[2].lower() in {
            "me",
            "us",
            "my",
        }:
            # "he showed me their storybook": something they did for the candidate.
            shape, x = "act", " ".join([_gerund(words[1]), *words[2:]])
            kind_key = "other"
    if shape in ("np", "note") and timed:
        shape = "clause"
    if shape == "np" and reported and _loose_verb(x.split(" ")):
        shape = "clause"  # "she said the last launch slipped": something they told me
    if kind == "their_work" and x.startswith("you "):
        x = re.sub(r"\btheir\b", "the team's", x)  # "she wrote their template": the team's
    if shape == "np":
        # "failover drills every month" -> "the monthly failover drills"
        every = re.match(r"^(?:the\s+)?(.+?)\s+every\s+(day|week|month|year|quarter)$", x)
        if every:
            often = {"day": "daily", "quarter": "quarterly"}.get(every[2], every[2] + "ly")
            x = f"the {often} {every[1]}"
    if shape == "np" and kind == "their_work" and re.match(_THEIR_OWN, x, re.IGNORECASE):
        x = "your " + x  # "PhD on electricity tariffs": theirs
    if shape == "np":
        # "doing the new xmas windows": the windows are the topic.
        x = re.sub(r"^(?:doing|getting|having|making)\s+(?=(?:the|a|an|my|your|our)\s)", "", x)
    if shape == "np" and kind in ("topic", "their_work", "other"):
        x = _with_article(x, single=True)
    if shape == "np":
        # "trial shift 4 hours on garde manger": keep the phrase up to where a second fact
        # was squeezed in, or leave the jot to the user when no clean phrase is left.
        cut = np_break(x)
        if cut is not None:
            kept = [w.strip(",;:()") for w in x.split(" ") if w.strip(",;:()")][:cut]
            while kept and kept[-1].lower() in _PREPOSITIONS | _DETERMINERS:
                kept.pop()
            content = [w for w in kept if w.lower() not in _DETERMINERS]
            if len(content) < 2 and not (content and content[0][:1].isupper()):
                return _flag(kind, _TOO_ROUGH)
            if kept and kept[-1].lower() in _NEEDS_ITS_NUMBER:
                return _flag(  # "ECT yr 2" is not "the ECT year"
                    kind, _TOO_ROUGH
                )
            x = _with_article(" ".join(kept), single=True)
    if shape == "np" and rough_np(x):
        # "the wants CSMs more technical", "the morale low": still a jot, so the user says it,
        # unless what follows stands alone ("intl apps down 18%, she wants to diversify").
        if (
            tail
            and re.match(r"^(?:she|he|they|his|her|their)\b", tail, re.IGNORECASE)
            and not re.search(
                r"\b(?:it|its|them|this|that|these|those|there)\b", tail, re.IGNORECASE
            )
        ):
            return _detail(kind, tail, urls, first, book, bump, neutral=neutral)
        return _flag(kind, _TOO_ROUGH)
    if urls:
        x = f"{x} ({', '.join(urls)})"
    if _is_raw(x) or len(x.split()) > MAX_CLAUSE_WORDS:
        return _flag(kind, _TOO_ROUGH)
    if re.match(r"^the (?:on|in|at|from|with|for|to|by|via|over) ", x) or re.match(
        r"^the (?:only|just|also|still|really) \w+", x
    ):
        return _flag(kind, _TOO_ROUGH)
    # Kept out, but the sentence is still made: the user may put it in with one tap.
    kept = (
        kind == "other"
        and (shape not in ("act", "liked") or re.match(_TOLD, x))
        and not x.startswith("I should hear ")
    )
    about_them = re.match(r"^(?:you\b|you're\b|the \w+ (?:but|and) \w+$)", x, re.IGNORECASE)
    if kind == "other" and about_them and shape not in ("act", "liked") and not reported:
        # An "other" note that describes the interviewer ("swears a lot", "came in late and
        # rushed", "stern but fair") is for the candidate alone, unless they said it.
        return _flag(kind, _OTHER_UNSAID)
    if shape == "act":
        # "showed packing line": showing the packing line.
        x = re.sub(
            r"^(\w+ing(?: (?:me|us))?) (?!(?:the|a|an|my|your|our|their|his|her|me|us|round|"
            r"around|through|thru|over|into|to|with|up|out|back|off|in|on|at|for|by|about)\b)"
            r"(?=[a-z])",
            r"\1 the ",
            x,
        )
        # "taking me round the office and gave me chai": both things they did, alike.
        x = re.sub(r" and (\w+) (me|us)\b", _and_did, x)
        x = re.sub(
            r"\b(round|around) (office|site|studio|kitchen|lab|plant|warehouse)\b", r"\1 the \2", x
        )
    group = {"topic": "topic", "their_work": "work", "common_ground": "common", "other": "other"}
    key = f"read_{group[kind_key or kind]}_{'clause' if shape == 'clause' else shape}"
    if shape == "clause" and kind != "common_ground" and _HARD.search(x):
        key = "read_candid"  # "recruiting patients is hard": thanked for candour, not enjoyed
    if key not in phrases.KEYS:
        key = f"read_{group[kind]}_np"
    # The tail of a thing they did for the candidate is the candidate's aside ("showed stockroom
    # - chaos after 3pm"); a jot kept out is offered whole.
    aside = kind == "other" and not kept
    join, words = _tail_clause(tail, first, kind) if tail and not aside else ("", "")
    if join and ", " in words:
        # "you audit one of 50 buses, KBA COP audit feb": the fact, without the shorthand after.
        said, _, rest = words.rpartition(", ")
        if re.search(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$", rest, re.I) or (
            re.search(r"\b[A-Z]{2,}\b", rest) and not _has_verb(["x", *rest.split()])
        ):
            words = said
    if join and (_rough_tail(words) or _run_on(words)):
        join, words = "", ""  # the first part is said; a tail that reads as a jot is not
    pool = book.phrases[key]
    if neutral:
        # "moving 3D to Blender 😬": worried, so heard with thanks, never "glad" or "fun".
        pool = tuple(v for v in pool if not _GLAD_FRAME.search(v)) or pool
    if shape == "clause" and x.startswith("I "):
        # "I should hear back by Friday": news for me, so "thank you for letting me know".
        pool = tuple(v for v in pool if re.search(r"\b(?:letting me know|telling me)\b", v)) or pool
    if join:
        # The tail follows the jot's first part, so the sentence must end with it.
        pool = tuple(v for v in pool if v.endswith("{x}.")) or pool
    sentence = pool[_variant(kind, x, bump) % len(pool)].format(x=x)
    if join:
        tail_key = f"read_{group[kind] if kind != 'common_ground' else 'other'}_clause"
        opener = _lead(sentence)
        seconds = [v for v in book.phrases[tail_key] if _lead(v) != opener]
        second = seconds[_variant(kind, words, bump) % len(seconds)] if seconds else ""
        sentence = _join_tail(sentence, shape, join, words, second)
    return Reading(kind=kind, text=sentence, ok=True, problem=_OTHER_KEPT if kept else "")


# "tour of hall", "the site tour", "quick tour round the plant".
_TOUR = re.compile(
    r"^(?:the |a )?(?:(?:quick|short|full|little|brief|proper)\s+)?"
    r"(?:(?P<pre>(?:[\w-]+ )?(?:site|plant|"
    r"factory|office|lab|hall|kitchen|studio|warehouse|floor|shop|ward|school|campus|depot|yard|"
    r"mill|farm|building|hotel|clinic|library|museum|line|cellar|winery|brewery|bakery|store|"
    r"unit))\s+)?tour(?:\s+(?:of|round|around)\s+"
    r"(?:the\s+)?(?P<place>[a-z][\w'-]*(?: [a-z][\w'-]*){0,2}))?$"
)


def _plural(word: str) -> str:
    if word.isupper():
        return word + "s"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _lead(sentence: str) -> str:
    """A sentence's feeling lead-in, to keep two sentences in a row from opening alike."""
    words = re.findall(r"[a-z]+", sentence.lower())
    return " ".join(words[:2])


_STATES_ASKED = (
    r"needed|required|ok|okay|possible|available|flexible|covered|negotiable|remote|hybrid|"
    r"open|paid|included|provided"
)


def _whether(question: str) -> str:
    """ "if the start date is flexible", "start date flexible", "if visa needed" -> "whether
    the start date is flexible", "whether a visa is needed"; "remote" -> "remote working"."""
    question = re.sub(r"^if\s+", "whether ", question, flags=re.IGNORECASE)
    question = re.sub(r"^any\s+(remote|hybrid)$", r"any \1 working", question, flags=re.I)
    bare_any = re.match(r"^any\s+([\w -]+)$", question, re.IGNORECASE)
    if bare_any and not _has_verb(["x", *bare_any[1].split(" ")]):
        # "any remote days", "any wfh": whether there are any.
        verb = "are" if _is_plural(bare_any[1].split(" ")[-1]) else "is"
        return f"whether there {verb} any {bare_any[1]}"
    if question.lower() in {"remote", "hybrid", "wfh"}:
        return {"remote": "remote working", "hybrid": "the hybrid set-up"}.get(
            question.lower(), "working from home"
        )
    state = re.match(
        rf"^(?:whether\s+)?(?P<np>[\w-]+(?: [\w-]+){{0,3}}?)\s+(?:(?P<be>is|are)\s+)?"
        rf"(?P<s>{_STATES_ASKED})$",
        question,
        re.IGNORECASE,
    )
    if not state or _has_verb(state["np"].split(" ")):
        return question
    np = state["np"]
    if (
        np.split(" ")[0].lower() not in _DETERMINERS
        and not np.lower().endswith(_UNCOUNTED_ENDINGS[1:])
        and np.lower() not in _LANGUAGES  # "whether Estonian is needed"
    ):
        # "a visa", "the start date"; "relocation", "parking": uncounted, no article
        np = ("a " if len(np.split()) == 1 and not _is_plural(np) else "the ") + np
    verb = state["be"] or ("are" if _is_plural(np.split(" ")[-1]) else "is")
    return f"whether {np} {verb} {state['s']}"


def _answered(text: str, first: str, book, bump: int, kind: str) -> Reading | None:
    """ "asked what success looks like at 90 days - she said shipping the OTA updater"."""
    match = _ANSWERED.match(text)
    if not match:
        return None
    # "asked team size - 2 + me. she said ...": the question ends where its answer starts.
    asked = re.split(r"\s+(?:-+|->|\u2013|\u2014)\s+|,\s+(?=\d)", match.group("q"), maxsplit=1)[0]
    asked = asked.strip(" ,;:?.")
    # "what does he look for": what he looks for, then said to him.
    question = _to_you(_indirect(asked) or asked, first, they_too=True)
    answer = _months(_to_you(match.group("a").strip(" ,;:"), first, they_too=True))
    question = re.sub(r"^(?:about|abt)\s+", "", question, flags=re.IGNORECASE)
    if re.search(r"[A-Za-z0-9]/[A-Za-z0-9]", question) or re.search(
        r"\b[\w-]+ or [\w-]+$", question
    ):
        # "P4/P5 in house", "who owns refunds CX or ops": a choice a note cannot put as a thing.
        return _flag(kind, "Write this as the sentence you would ask, or leave it out.")
    question = _whether(question)
    which = re.match(r"^(?:which|what)\s+(?P<np>[\w-]+(?: [\w-]+){0,3})$", question, re.I)
    if (
        which
        and which["np"].split()[0].lower() not in _SUBJECTS | _CONTRACTED_SUBJECTS
        and not _has_verb(["x", *which["np"].split()])
    ):
        # "which tech service -> TÜV SÜD mostly": "explaining which tech service" lacks its
        # verb, so the note thanks them for the answer about the thing asked of.
        shorthand = any(
            len(w) <= 3 and w.islower() and lexicon.word_count(w) < 1000
            for w in which["np"].split()
        )
        adverb_last = which["np"].split()[-1].lower() in {
            "most", "more", "least", "first", "best", "often", "well", "fastest", "usually"
        }  # fmt: skip
        if shorthand or adverb_last or _is_raw(which["np"]):
            return _flag(kind, _TOO_ROUGH)  # "what sw for CT returns"
        thing = _with_article(which["np"], single=True)
        return _answer_thanked(kind, f"about {thing}")
    if question.split(" ", 1)[0].lower() in _AUX | {"must", "shall", "need"}:
        # "is IT audit embedded w/ the teams", "must I move": no clean "whether" to make of it.
        return _flag(kind, "Write this as the sentence you would ask, or leave it out.")
    if question.split(" ", 1)[0].lower() not in _WH_WORDS:
        if " or " in question and not _has_verb(question.split(" ")):
            # "pvsyst or helioscope?": which one, a question a note cannot put as a thing.
            return _flag(kind, "Write this as the sentence you would ask, or leave it out.")
        if rough_np(question):  # "loadshedding still an issue on site"
            return _flag(kind, _TOO_ROUGH)
        question = "about " + _with_article(question, single=True)
    # The note thanks them for the answer; it does not quote it, so only the question must
    # read cleanly ("-> 'that I stop checking your numbers' 😂" stays the candidate's).
    if _is_raw(question) or not answer:
        return _flag(kind, _TOO_ROUGH)
    yes = re.match(r"^(?:yes|yep|yeah|yup|definitely|absolutely|of course)\b[,.!]?\s*(?P<rest>.*)$",
                   answer, re.IGNORECASE)  # fmt: skip
    qualified = yes and re.match(
        r"^(?:but|if|only|except|unless|sometimes|not|depends|maybe)\b", yes["rest"], re.I
    )
    if question.startswith("whether ") and yes and not qualified:
        # "is relocation covered? - yes": what they confirmed, said as a fact.
        fact = re.sub(r"\bthere (is|are) any\b", r"there \1", question[len("whether ") :])
        return Reading(kind=kind, text=f"Thank you for confirming that {fact}.", ok=True)
    if question.startswith("whether "):
        # "whether relocation is covered" - no: the note does not ask it again, it thanks them
        # for the answer, about the thing asked of.
        asked_of = re.match(
            r"^whether (?:there (?:is|are) (?:any )?(?P<there>.+)|(?P<np>.+?) (?:is|are|was|were)"
            r" [\w-]+)$",
            question,
        )
        thing = asked_of and (asked_of["there"] or asked_of["np"])
        if thing and len(thing.split()) <= 5 and not _has_verb(["x", *thing.split()]):
            return _answer_thanked(kind, f"about {thing}")
    if re.match(
        r"^(?:(?:you|she|he|they)\s+)?(?:deferred|referred|passed\s+it|didn'?t\s+know|did\s+not\s+know|"
        r"wasn'?t\s+sure|weren'?t\s+sure|(?:will|would|'ll)\s+(?:check|find\s+out|come\s+back)|"
        r"not\s+sure|tbc|tbd|to\s+be\s+confirmed|unsure)\b",
        answer,
        re.IGNORECASE,
    ):
        # "she deferred to Hélène": not answered on the day, so nothing to thank them for yet.
        return _flag(kind, "It was not answered on the day; write how to say it, or leave it out.")
    if re.match(r"^(?:no|nope|not really|none)\b", answer, re.IGNORECASE) and question.startswith(
        "about "
    ):
        # "french test? -> no, interviews in FR count": answered, and not with a thing.
        return _answer_thanked(kind, question)
    key, said = "read_answered", {"q": question, "a": answer}
    clause = _answer_clause(answer, first)
    if clause:
        # "how much autonomy on pricing -> she sets margin bands": the answer, said back.
        key, said["a"] = "read_answered_with", clause
    sentence = book.pick(key, _variant("answered", question, bump))
    sentence = sentence.format(**said).replace("explaining about ", "explaining ")
    return Reading(kind=kind, text=sentence, ok=True)


def _answer_thanked(kind: str, question: str) -> Reading:
    """Thanks for an answer the note does not repeat: "Thank you for answering my question
    about remote working."."""
    return Reading(kind=kind, text=f"Thank you for answering my question {question}.", ok=True)


def _answer_clause(answer: str, first: str) -> str:
    """The first part of an answer when it is a clean clause of theirs ("you set the margin
    bands"), to say back after the question; "" when it is a fragment or a quote."""
    part = _split_tail(answer)[0].split("; ", 1)[0]
    if not part or re.match(r"^['\"\u2018\u201c]", part) or len(part.split()) > 14:
        return ""
    join, clause = _tail_clause(part, first, "topic")
    if join != "that" or not re.match(r"^(?:you|you're|you've|your|the|there)\b", clause):
        return ""
    words = clause.split()
    verb = "'" in words[0] or any(
        {"VERB", "AUX"} & lexicon.word_classes(word) for word in words[1:4]
    )
    if len(words) < 3 or not verb:
        return ""  # "him": who, not a clause
    if _rough_tail(clause) or residue(clause) or _strange_words(clause) or _is_raw(clause):
        return ""
    if re.search(r"\b(?:your|my|our|their)\s+(?:but|and|or|to|with|for)\b", clause) or re.search(
        r"\b(?:but|and)\s+(?!is\b|was\b|has\b|does\b)[a-z]+[^s\W]s\b", clause
    ):
        return ""  # "you report to your but sits with R&D": an object lost, a verb left bare
    return clause


# "(make repo public first!!)", "- look up the doi": what the candidate must do before sending,
# said in a bracket or after a dash. The promise is still said; the jot keeps the to-do.
_TODO = re.compile(r"\s*\((?P<bracket>[^)]*)\)[\s!.]*|\s+[-\u2013\u2014]\s+(?P<tail>[^()]*)$")
_TODO_LEADS = re.compile(
    r"^(?:make|strip|remove|fix|check|look\s+up|find|ask|update|clean|redact|sanitise|sanitize|"
    r"anonymi[sz]e|blur|get|dig|need\s+to|must|confirm|double[-\s]?check|export|convert|"
    r"upload|finish|polish|tidy|cut|shorten|trim|scan|rename|text|call|ring|email|message|ping|"
    r"remind|chase)\b",
    re.IGNORECASE,
)


def _without_todo(body: str) -> str:
    """A promise without the to-do the candidate noted beside it."""
    return _TODO.sub(
        lambda m: "" if _TODO_LEADS.match((m["bracket"] or m["tail"] or "").strip()) else m[0],
        body,
    ).strip()


# A promise to tell, check or arrange something: "confirm notice period", "let her know".
_TELL = re.compile(
    r"^(?:confirm|check|tell|ask|find\s+out|let\s+(?:her|him|them|you)\s+know|reply|answer|"
    r"book|arrange|schedule|sort\s+out|chase|look\s+into)\b",
    re.IGNORECASE,
)


def _promise(
    text: str, urls: tuple[str, ...], book, bump: int, *, link_last: bool = True
) -> Reading:
    act = re.match(
        r"^(?:i\s+(?:will|promised\s+to|said\s+i'?d)\s+)?(update|call|ring|phone|text|message|"
        r"get\s+back\s+to|follow\s+up\s+with)\s+(?:her|him|them|you)\b\s*(?P<rest>.*)$",
        _lower_first(text),
        re.IGNORECASE,
    )
    if act and not urls:
        # "update her by Thursday": something to do, not a file to attach.
        rest = f" {act['rest']}" if act["rest"] else ""
        return Reading(kind="promise", text=f"As promised, I will {act[1]} you{rest}.", ok=True)
    bring = re.match(r"^(?:i\s+(?:will|'ll|said\s+i'?d)\s+)?bring\s+(?P<rest>.+)$", text, re.I)
    if bring and not urls:
        # "bring passport + certificates to sim day 24.11 kl 08:00": something to bring, not a
        # file to attach; the day and hour stay in the candidate's calendar.
        rest = re.sub(r"\s+(?:at|on|by)?\s*\d[\d.:/]*(?:\s.*)?$", "", bring["rest"]).strip(" ,")
        rest = re.sub(r"\s*\([^)]*\)", "", rest)
        if not re.match(r"(?:the|a|an|my|our|your|some|all|both)\s", rest, re.I):
            rest = "my " + rest
        if _is_raw(rest) or len(rest.split()) > MAX_CLAUSE_WORDS:
            return _flag("promise", _TOO_ROUGH)
        return Reading(kind="promise", text=f"As promised, I will bring {rest}.", ok=True)
    x = _lower_first(_PREFIX["promise"].sub("", _lower_first(text)))
    if _TELL.match(x) and not urls:
        # "confirm notice period - 2 months": something to tell them, not a file to attach.
        return _flag(
            "promise",
            "It is something to tell them, not a file to send: write it as you would say it "
            '("My notice period is two months").',
        )
    # "the writeup (the PDF, not the 90pg version)": a bracket in a promise is a note to self.
    x = re.sub(r"\s*\([^)]*\)", "", x).strip()
    x = re.sub(
        r"^(?:i\s+)?(?:forgot|meant|need|have|had)\s+to\s+(?:show|share|send|bring|give|mention)"
        r"(?:\s+(?:you|her|him|them))?\s+",
        "",
        x,
        flags=re.IGNORECASE,
    )
    x = re.sub(
        r",?\s*(?:(?:will|gotta|to|must|should)\s+)?(?:send|share|email|forward)\s+"
        r"(?:it|them|that|this)(?:\s+(?:over|after|later|tonight|tomorrow))?$",
        "",
        x,
        flags=re.IGNORECASE,
    )
    deadline = re.search(
        r"\s+(?P<by>by (?:(?:mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)\w*|tomorrow|tonight|"
        r"(?:the )?end of (?:the )?(?:day|week|month)|next week|eod|eow)|tomorrow|tonight)$",
        x,
        re.IGNORECASE,
    )
    if deadline and not urls:
        # "send 2 referees by weds": something still to do, by a day, not attached now.
        thing = _with_article(x[: deadline.start()].strip(), single=True)
        if re.search(r"\b(?:referees|references)$", thing):
            thing = f"the details of {re.sub(r'^the ', '', thing)}"  # people, not files
        when = _months(deadline["by"])
        if thing and not _is_raw(thing):
            return Reading(
                kind="promise", text=f"As promised, I will send you {thing} {when}.", ok=True
            )
    # "the upsell script, got us +$18 ADR", "the form we used, google form template": what is
    # sent is the first part; the rest is the candidate's reminder of it.
    parts = x.split(", ")
    if len(parts) > 1 and " and " not in parts[-1]:
        x = parts[0]
    # "the looker studio template i mentioned": the frame already says it was mentioned.
    x = re.sub(
        r"\s+(?:that\s+)?(?:i|we)\s+(?:mentioned|discussed|talked\s+about)$", "", x, flags=re.I
    )
    x = re.sub(r"^(?:the\s+|a\s+)?links?\s+(?:to|for)\s+", "", x, flags=re.IGNORECASE)
    x = re.sub(r"^(?:the\s+|my\s+)?(\w+)\s+link$", r"my \1", x, flags=re.IGNORECASE)
    x = re.sub(r"^(?:the\s+|a\s+)?links?$", "", x, flags=re.IGNORECASE)
    x = re.sub(r"\s+(?:to|with)\s+(?:her|him|them|you)$", "", x, flags=re.IGNORECASE)
    if not x:
        x = "the link" if len(urls) == 1 else "the links" if urls else ""
    if not x:
        return _flag("promise", "Say what you promised to send.")
    if x.split(" ", 1)[0].lower() in {"you", "her", "him", "them"}:
        x = x.split(" ", 1)[1] if " " in x else ""
    if re.search(r"\bour\b", x, re.IGNORECASE) and re.match(_MY_WRITING, x, re.IGNORECASE):
        # "the blog post on our outbox pattern": "our" would read as the reader's company.
        x = re.sub(r"\bour\b", "the", x, count=1)
        x = re.sub(r"^(?:the|a)\s+", "", x)
        x = "my " + x
    if re.match(_OWN_WORK, x, re.IGNORECASE) and " my " not in f" {x} ":
        x = "my " + x  # "share portfolio": the candidate's own
    # "1-pager summary of jar test method": a one-page summary.
    x = re.sub(r"\b(?:1|one)[- ]pager\b(?:\s+summary)?", "one-page summary", x, flags=re.I)
    x = _with_article(x, single=True)
    # "copy of my registration": one copy of a thing of which there are many.
    x = re.sub(r"^the (copy|scan|photo|printout) of\b", r"a \1 of", x, flags=re.IGNORECASE)
    if _is_raw(x) or len(x.split()) > MAX_CLAUSE_WORDS or not x:
        return _flag("promise", _TOO_ROUGH)
    lead, _, after = re.sub(r"^(?:the|a|an|my)\s+", "", x).partition(" ")
    foreign_article = {"el", "la", "los", "las", "le", "les", "die", "der", "das", "den", "il",
                       "lo", "gli", "os", "het", "de", "mon", "ma", "mes", "mi", "mis", "meu",
                       "minha", "mein", "meine", "mijn"}  # fmt: skip
    unknown = lead.isalpha() and not lexicon.word_count(lead.lower())
    if unknown and after.split(" ", 1)[0] in foreign_article:
        # "mandar el ppt of my cases": the verb in another language, not a thing to send.
        return _flag("promise", "Say what you promised to send, as the note should say it.")
    if _is_verb_start(x.split(" ", 1)[0]) and x.split(" ", 1)[0].lower() != "my":
        return _flag("promise", "Say what you promised to send, as a thing: 'my slides on ...'.")
    # "a copy of my registration and proof of indemnity": "here is", as the first thing is one.
    # "the updated CV with IDIADA and R155 on page 1": one CV; the "and" is in what it has.
    head_part = re.split(r"\s+(?:with|w/|of|on|about|showing)\s+", x, maxsplit=1)[0]
    plural = (" and " in head_part and not re.match(r"^an?\s", x)) or _head_is_plural(x)
    verb = "are" if plural or len(urls) > 1 else "is"
    pick = _variant("promise", x, bump)
    two = re.match(r"^(?P<a>[^,]+?) and (?P<b>(?:the|my|a|an|our)\s[^,]+)$", x)
    if len(urls) == 1 and two:
        # "my repo <link> + the scraper writeup": one link for two things; the second is
        # left for the user to add, never claimed as sent.
        sentence = book.pick("read_promise_link", pick).format(
            x=x,
            url=f"{PLACEHOLDER} and {urls[0]}" if link_last else f"{urls[0]} and {PLACEHOLDER}",
            **{"is": "are"},
        )
        return Reading(kind="promise", text=sentence, ok=True, placeholder=True)
    if urls:
        sentence = book.pick("read_promise_link", pick).format(
            x=x, url=" and ".join(urls), **{"is": verb}
        )
        return Reading(kind="promise", text=sentence, ok=True)
    placeholder = PLACEHOLDER
    if re.search(_TYPED_IN, x, re.IGNORECASE) and not re.search(_A_FILE, x, re.IGNORECASE):
        placeholder = WRITE_PLACEHOLDER  # availability, a PIN: typed in, not attached
    sentence = book.pick("read_promise_nolink", pick).format(
        x=x, placeholder=placeholder, **{"is": verb}
    )
    return Reading(kind="promise", text=sentence, ok=True, placeholder=True)


# What "how big is X" asks the size of, without an article in a jot ("how big is ed team").
_TEAM_NOUNS = {"team", "department", "dept", "group", "unit", "budget", "lab", "office", "site",
               "plant", "fleet", "caseload", "backlog", "programme", "program"}  # fmt: skip


# Past participles without "-ed": "how is the team split", "how are targets set".
_PARTICIPLES = (
    "split|set|run|paid|made|done|built|kept|led|held|cut|spread|shared|taught|chosen|given|"
    "known|seen|taken|written|found|bought|sold|brought|put|hit|met|spent|won|lost"
)


def _indirect(question: str) -> str:
    """A direct question as an indirect one, where a simple rule knows how: "what's the
    onboarding like" -> "what the onboarding is like"; "how does the team handle on-call" ->
    "how the team handles on-call"; "is there ..." -> "whether there is ..."; else ""."""
    q = question.rstrip("?").strip()
    m = re.match(r"^(what|how)(?:'s| is) (the .+?) like\b(.*)$", q, re.IGNORECASE)
    if m:
        return f"{m.group(1).lower()} {m.group(2)} is like{m.group(3)}"
    m = re.match(
        r"^(how (?:often|long|soon|quickly|many \w+|much \w+)) (do|does) "
        r"((?:the |your |our )?[\w-]+) (\w+)\b(.*)$",
        q,
        re.IGNORECASE,
    )
    if m and "VERB" in lexicon.word_classes(m.group(4)):
        # "how often do brewers do taproom shifts": how often brewers do them.
        verb = _third_person(m.group(4)) if m.group(2).lower() == "does" else m.group(4)
        return f"{m.group(1).lower()} {m.group(3)} {verb}{m.group(5)}"
    m = re.match(
        r"^(how|what|when|where|why) (do|does) ((?:the |your |our )?[\w-]+(?: [\w-]+)?) "
        rf"({_BASE_VERBS})\b(.*)$",
        q,
        re.IGNORECASE,
    ) or re.match(
        r"^(how|what|when|where|why) (do|does) (the \w+|\w+ and \w+|\w+) (\w+)\b(.*)$",
        q,
        re.IGNORECASE,
    )
    if m and m.group(4).isalpha() and m.group(4).islower():
        verb = m.group(4)
        if m.group(2).lower() == "does":
            verb = _third_person(verb)
        return f"{m.group(1).lower()} {m.group(3)} {verb}{m.group(5)}"
    m = re.match(
        rf"^(how|when|where|why) (are|is) (.+?) (\w+ed|{_PARTICIPLES})\b(.*)$", q, re.IGNORECASE
    )
    if m:
        rest = m.group(5)
        if m.group(4).lower() == "split":
            # "how is the team split wood vs plastic": split between wood and plastic.
            rest = re.sub(r"^ (\w+) (?:vs\.?|versus|/) (\w+)$", r" between \1 and \2", rest)
        return f"{m.group(1).lower()} {m.group(3)} {m.group(2).lower()} {m.group(4)}{rest}"
    m = re.match(
        r"^how (many|much) (.+?)(?:,? (usually|typically|normally|generally))?$", q, re.IGNORECASE
    )
    if m and not _has_verb(["how", *m.group(2).split(" ")]):
        # "how many rounds of feedback per brief usually" -> "... there usually are"
        adverb = f" {m.group(3).lower()}" if m.group(3) else ""
        verb = "are" if m.group(1).lower() == "many" else "is"
        return f"how {m.group(1).lower()} {m.group(2)} there{adverb} {verb}"
    m = re.match(r"^(what|who)(?:'s| is) ((?:the|your|our) [\w-]+(?: [\w-]+)?)$", q, re.IGNORECASE)
    if m:
        return f"{m.group(1).lower()} {m.group(2)} is"  # "what's the team size"
    m = re.match(
        r"^(is|are|was|were) ((?:the |your |my |our )?[\w-]+(?: [\w-]+)?) "
        r"(\w+(?:ed|en|able|ible)|open|possible|available|flexible|remote|hybrid|ok|okay)"
        r"(\b.*)$",
        q,
        re.IGNORECASE,
    )
    if m and m.group(2).split(" ")[0].lower() not in {"there", "it", "this", "that"}:
        # "is relocation covered" -> "whether relocation is covered"
        return f"whether {m.group(2)} {m.group(1).lower()} {m.group(3)}{m.group(4)}"
    m = re.match(
        r"^(how (?:long|big|many|much|often|soon)|what|who|where|when)(?:'s| (is|are)) (.+)$",
        q,
        re.IGNORECASE,
    )
    if m and len(m.group(3).split()) <= 5 and " versus " not in f" {m.group(3)} ":
        words = m.group(3).split(" ")
        if words[0].lower() in {"the", "your", "our", "my"} and not _has_verb(["x", *words]):
            # "how long is the probation" -> "how long the probation is"
            return f"{m.group(1).lower()} {m.group(3)} {(m.group(2) or 'is').lower()}"
        if (
            len(words) <= 3
            and m.group(3).islower()
            and not _has_verb(["x", *words])
            and words[-1] in _TEAM_NOUNS
        ):
            # "how big is ed team" -> "how big the ed team is"
            return f"{m.group(1).lower()} the {m.group(3)} {(m.group(2) or 'is').lower()}"
    m = re.match(
        r"^(when|how|where|why|what|who) (will|would|can|could|should) (I|you|we|they|the [\w-]+)"
        r" (.+)$",
        q,
        re.IGNORECASE,
    )
    if m:
        # "when will I hear back" -> "when I will hear back"
        return f"{m.group(1).lower()} {m.group(3)} {m.group(2).lower()} {m.group(4)}"
    m = re.match(r"^(is|are) there (.+)$", q, re.IGNORECASE)
    if m:
        return f"whether there {m.group(1).lower()} {m.group(2)}"
    m = re.match(
        r"^(do|does|can|will) (you|they|we|I|the [\w-]+|[a-z][\w-]*s) (.+)$", q, re.IGNORECASE
    )
    if m and m.group(1).lower() in {"do", "does"}:
        rest = m.group(3)
        if m.group(1).lower() == "does":  # "does the producer have a say": has a say
            verb, _, after = rest.partition(" ")
            rest = f"{_third_person(verb)} {after}".strip()
        return f"whether {m.group(2)} {rest}"
    if m:
        return f"whether {m.group(2)} {m.group(1).lower()} {m.group(3)}"
    return ""


_BASE_VERBS = (
    "look|work|get|happen|handle|measure|decide|run|mean|involve|need|use|make|take|split|go|"
    "come|cover|include|support|compare|fit|feel|plan|set|review|ship|hire|grow|change|pay|start"
)


def _third_person(verb: str) -> str:
    if verb.lower() in {"have", "be"}:
        return {"have": "has", "be": "is"}[verb.lower()]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _question(text: str, urls: tuple[str, ...], first: str, book, bump: int) -> Reading:
    answered = _answered(text, first, book, bump, "question")
    if answered:
        return answered
    x = _lower_first(_PREFIX["question"].sub("", _lower_first(text))).rstrip("?").strip()
    # "their" is the interviewer's team only when the question is about "they".
    x = _to_you(x, first, they_too=bool(re.search(r"\bthey\b", x, re.IGNORECASE)))
    if not x:
        return _flag("question", "Say what you wanted to ask.")
    words = x.split(" ")
    head = words[0].lower()
    second = words[1].lower() if len(words) > 1 else ""
    pick = _variant("question", x, bump)
    indirect = _indirect(x)
    if indirect:
        x, head = indirect, indirect.split(" ", 1)[0]
        words = x.split(" ")
        second = words[1].lower() if len(words) > 1 else ""
    if indirect and head == "whether":
        key = "read_question_indirect"
    elif head in {"if", "whether"}:
        key, x = "read_question_indirect", "whether " + " ".join(words[1:])
    elif not indirect and (
        (
            head in _WH_WORDS
            and (second in _AUX or "'" in head or second in {"many", "much", "long", "often"})
        )
        or head in _AUX
        or head in {"what's", "how's", "who's", "where's"}
    ):
        # A direct question the reader cannot turn into an indirect one is not pasted
        # behind a colon: the user says how to ask it.
        return _flag(
            "question",
            "Write this as the sentence you would ask, e.g. 'I also meant to ask how ...'.",
        )
    elif indirect and head in _WH_WORDS:
        key = "read_question_direct"
    elif head in _WH_WORDS:
        key = "read_question_indirect"
    else:
        x = re.sub(r"^(?:about|abt|re:?)\s+", "", x, flags=re.IGNORECASE)
        if "," in x or ";" in x or re.search(r"\bso\b|\d\s?[-\u2013]\s?\d", x):
            # "Saturdays, one in 3, it was in the advert": a topic with its answer, not a question.
            return _flag(
                "question",
                "Write this as the sentence you would ask, or leave it out if it was answered.",
            )
        key, x = "read_question_about", _with_article(x)
    if urls:
        x = f"{x} ({', '.join(urls)})"
    if _is_raw(x) or len(x.split()) > MAX_CLAUSE_WORDS:
        return _flag("question", _TOO_ROUGH)
    return Reading(kind="question", text=book.pick(key, pick).format(x=x), ok=True)


def _and_did(match: re.Match[str]) -> str:
    verb = match[1]
    if verb.lower() in _IRREGULAR_PAST or verb.endswith("ed"):
        verb = _gerund(verb)
    return f" and {verb} {match[2]}"


_OTHER_UNSAID = (
    "It describes them, which reads as a note to yourself, so the drafts leave it out; write "
    "how the note should say it to put it in."
)
# An "other" jot is mostly the candidate's own: logistics, pay, impressions, to-dos. A note
# says one only when it is something they did for the candidate (a tour, an introduction).
_OTHER_KEPT = (
    'An "other" note (a date, a to-do, an impression) is kept for you unless it is something '
    "they did for you, such as a tour. Use the wording offered to put it in."
)
# "asked about my notice period": something said, not something done for the candidate.
_TOLD = re.compile(r"(?:asking|telling|saying|mentioning|explaining)\b", re.IGNORECASE)
# "look it up b4 2nd round": the better answer is not known yet.
_WISH_TODO = re.compile(
    r"\b(?:look\s+(?:it|this|that)\s+up|look\s+up|google\s+it|find\s+out|check\s+(?:it|this|that|which))\b",
    re.IGNORECASE,
)
# "she asked if I'd used Rive, I said no. I DID": an answer to correct, not to apologise for.
_CORRECTION = re.compile(
    r"^(?:(?:she|he|they)\s+)?asked\s+(?:if|whether)\s+i(?:'?d|\s+had|'?ve|\s+have)\s+"
    r"(?P<verb>used|done|worked\s+with|tried|led|run|managed)\s+(?P<x>[^,;.]+?)[,;.]?\s+"
    r"i\s+said\s+no\b[,;.]?\s+i\s+(?:did|have)\b",
    re.IGNORECASE,
)


def _verb_form(word: str) -> bool:
    """ "surfs", "climbs": a verb said of someone, which lemminflect knows as one."""
    return word.endswith("s") and "VERB" in lexicon.word_classes(word)


# "forgot to say X", "never said X": what the answer lacked, said after a question's name.
_FORGOT_MARK = re.compile(
    r"(?:^|[\s,;:]+)(?:i\s+)?(?:forgot|didn['\u2019]?t|did\s+not|never\s+got)\s+(?:to\s+)?"
    r"(?:say|mention|add)\s+(?:that\s+)?(?=\S)",
    re.IGNORECASE,
)
# How the answer went, said after it: "ugh", "so basic", "thats the whole point ffs".
_AFTERWORD = re.compile(
    r"(?:,?\s+(?:ugh+|argh+|ffs|lol|haha+|obvs|doh|lame|oops|sigh)\b|\s*\((?:anonymised|anonymized)"
    r"\s+obvs\)|\s*\(wrong\s+one\))+$",
    re.IGNORECASE,
)


def _wish_focus(text: str) -> str:
    """The one thought of a wish jot that holds the better answer, with the question before it:
    "forgot to say you need up-to-date medical evidence ugh; so basic" -> "forgot to say you
    need up-to-date medical evidence"; the remarks after the answer stay out."""
    parts = text.split("; ")
    if len(parts) == 1:
        return _AFTERWORD.sub("", text)
    for i, part in enumerate(parts):
        if _ANSWER_MARK.search(part) or _FORGOT_MARK.search(part):
            rest = _AFTERWORD.sub("", part)
            if re.search(r"[:,]\s*$", rest) and i + 1 < len(parts):
                rest = f"{rest.rstrip(' ,')} {parts[i + 1]}"  # "should have said: X; ..."
            return "; ".join([*parts[:i], rest])
    return text


def _forgot(text: str) -> str:
    """What an answer lacked, added after what it was about: "safety stop story - forgot to say
    it was logged as a near miss" -> "To add to my safety stop story, it was logged as a near
    miss."; "forgot to say check temp first" -> "... I would check the temperature first."
    "" when the jot is not of that shape, or what was left out does not read as a clause."""
    mark = _FORGOT_MARK.search(text)
    if not mark or _ANSWER_MARK.search(text):
        return ""
    head, said = text[: mark.start()].strip(" ,;:"), text[mark.end() :].strip(" .,;:")
    words = said.split(" ")
    first = words[0].lower()
    if first in _IMPERATIVE or (
        "VERB" in lexicon.word_classes(first) and not lexicon.word_classes(first) & {"NOUN", "ADJ"}
    ):
        said = "I would " + said  # "check temp first + reinoculate": what I would do
    elif not (
        _has_verb(words)
        or re.match(r"^(?:we|i|it|they|she|he|you)(?:'d|'ve|'m|'ll)?\s", said, re.IGNORECASE)
    ):
        return ""
    if _is_raw(said) or len(said.split()) > MAX_CLAUSE_WORDS:
        return ""
    said = re.sub(r"^i\b", "I", said).replace(" + ", " and ")
    told = re.search(
        r"\btold\s+(?:you\s+|him\s+|her\s+|them\s+)?"
        r"(?P<t>(?:the|my)\s+[\w' -]+?\s(?:story|example))\b",
        head,
        re.IGNORECASE,
    )
    asked = _asked_topic(head)
    if told:
        return f"To add to {told['t']} I told you, {said}."
    if asked:
        return f"To add to my answer on {asked}, {said}."
    if re.fullmatch(r"[\w' -]+", head) and 0 < len(head.split()) <= 6:
        story = head.lower().endswith(("story", "example", "answer"))
        bare = re.sub(r"^(?:the|my)\s+", "", head, flags=re.IGNORECASE)
        topic = f"my {bare}" if story else f"what I said about the {bare}"
        if head.lower() in {"i", "also", "i also"}:
            return f"I also wanted to add that {said}."
        return f"To add to {topic}, {said}."
    return ""


# "she asked abt managing an older cook who wont take direction, i rambled": what she asked.
_ASKED = re.compile(
    r"\basked\s+(?:me\s+)?(?:(?:about|abt|re)\s+(?P<t>[\w' -]+?)|(?P<wh>(?:why|how|what|whether)\s+"
    r"[\w' -]+?))(?=\s*(?:[,;.&!]|\s(?:and|but|&)\s+i\b|\s(?:that|which|where|when)\b|$"
    r"|\si\s(?:just\s|kinda\s|kind\sof\s)?(?:rambled|said|froze|blanked|talked|went|gave|was|"
    r"told|answered|got|didn't|didnt|did|fumbled|mumbled|waffled|stumbled)\b))",
    re.IGNORECASE,
)


def _asked_topic(problem: str) -> str:
    """The question a wish answers, from "when he asked why leave brazil i rambled" ("why I'd
    leave Brazil") or "she asked about my worst failed batch, I talked too long" ("my worst
    failed batch"); "" when the jot does not say."""
    story = re.search(
        r"\basked\s+(?:me\s+)?(?:about|abt|re)\s+(?P<t>(?:a|the)\s+time\s+[^,;.!]+?)(?=\s*(?:[,;.!]|$))",
        problem,
        re.IGNORECASE,
    )
    if story:
        return story["t"].strip()  # "a time i said no to a client": the whole question
    found = _ASKED.search(problem)
    if not found:
        return ""
    if found["t"]:
        return found["t"].strip()
    wh = re.sub(r"^(why|how|what)\s+(?:id|i'd)\b", r"\1 I'd", found["wh"].strip(), flags=re.I)
    # "why leave brazil": why I'd leave it.
    return re.sub(
        r"^(why|how|what)\s+(?=([a-z]+)\b)",
        lambda m: (
            f"{m[1]} I'd "
            if "VERB" in lexicon.word_classes(m[2]) and m[2] in lexicon.lemmas(m[2])
            else m[0]
        ),
        wh,
    )


# Words that open a part leading on from the one before, not another item of a list.
_LEADS_ON = r"(?:then|and|or|in|on|at|for|over|from|to|with|by|since|until)\b"
# The interview questions everyone asks, by the names a jot gives them.
_INTERVIEW_QUESTIONS = (
    (r"(?:the\s+)?(?:5|five)[\s-]*(?:yrs?|years?)", "where I'll be in five years"),
    (r"(?:my\s+|the\s+)?(?:biggest\s+|greatest\s+|main\s+)?weakness(?:es)?", "my biggest weakness"),
    (r"(?:my\s+|the\s+)?(?:biggest\s+|greatest\s+|main\s+)?strengths?", "my strengths"),
    (r"(?:my\s+|the\s+)?(biggest|greatest|worst)\s+(failure|mistake)", "my {0} {1}"),
    (r"why\s+(?:i'?m\s+|i\s+am\s+)?leaving\b(?P<rest>.*)", "why I'm leaving{rest}"),
)


def _not_just(answer: str) -> str:
    """ "i want to build a program not just teach 6 lessons" keeps its contrast, set off by a
    comma, where both halves match ("to build" / "teach", "by balancing" / "splitting"); a
    contrast with nothing to match ("up by five not just splitting bays") stays out."""
    found = re.search(r",?\s+not\s+just\s+(?P<w>[\w'-]+)", answer, re.IGNORECASE)
    if not found:
        return answer
    before, word = answer[: found.start()], found["w"].lower()
    if word.endswith("ing"):
        matched = re.search(r"\b\w{3,}ing\b", before)
    elif "VERB" in lexicon.word_classes(word) and word in lexicon.lemmas(word):
        matched = re.search(r"\bto\s+\w+", before)
    else:
        matched = True
    if not matched:
        return before
    return f"{before}, {answer[found.start() :].lstrip(' ,')}"


def _interview_question(topic: str) -> str:
    """ "5 yrs" -> "where I see myself in five years"; other topics as they are."""
    topic = re.split(r"[,;] ", topic, maxsplit=1)[0]  # "the X q, went vague": the X
    for pattern, question in _INTERVIEW_QUESTIONS:
        found = re.fullmatch(pattern, topic, re.IGNORECASE)
        if found:
            return question.format(*found.groups(), **found.groupdict())
    return topic


_HOW_I_CAME_ACROSS = re.compile(
    r"\b(?:sounded|been|seemed|come\s+across|came\s+across|spoken|looked)\s+(?:more|less|so)\s+"
    r"(?:sure|confident|certain|calm|clear|positive|enthusiastic|keen|nervous)\b|"
    r"\bi\s+(?:knew|know)\s+(?:the|that)\s+answer\b(?!\s*(?:is|was|:|-))",
    re.IGNORECASE,
)


def _wish(text: str, urls: tuple[str, ...], book, bump: int) -> Reading:
    text = _lower_first(text)
    if _WISH_TODO.search(text):
        return _flag(
            "wish_said",
            "It is a to-do for you (look it up first); write the answer once you have it.",
        )
    if re.search(
        r"\b(?:should(?:'ve|\s+have|\s+of)?|wish\s+i'?d|meant\s+to|forgot\s+to|wanted\s+to|"
        r"didn'?t|did\s+not)\s+(?:have\s+)?(?:asked?|ask(?:ing)?)\b",
        text,
        re.IGNORECASE,
    ):
        # "should have asked more about the douyin budget": a question not asked, not an answer.
        return _flag(
            "wish_said",
            "It is a question you did not ask; add it as a question if the note should ask it.",
        )
    if (
        _HOW_I_CAME_ACROSS.search(text)
        and not _ANSWER_MARK.search(text)
        and not re.search(r"\banswer\s*(?:is|was|:|-)\s*\S", text, re.IGNORECASE)
    ):
        # "wish i'd sounded more sure on the formaldehyde q": how it went, with no answer in it.
        return _flag(
            "wish_said", "Add the answer you wish you had given; the note gives it, not an apology."
        )
    text = _wish_focus(text)
    forgot = _forgot(text)
    if forgot:
        return Reading(kind="wish_said", text=forgot, ok=True)
    # "said 'im not a manager type' - WHY. i do want to lead a team in 2-3 yrs": a correction.
    unsaid = re.match(
        r"^(?:i\s+)?said\s+['\"][^'\"]+['\"][^;]*;\s*(?P<y>i\s+(?:do|did|really|actually|have|am)\s+.+)$",
        text,
        re.IGNORECASE,
    )
    if unsaid and not _is_raw(unsaid["y"]) and len(unsaid["y"].split()) <= MAX_CLAUSE_WORDS:
        said = re.sub(r"^i\b", "I", unsaid["y"])
        return Reading(
            kind="wish_said", text=f"To correct what I said in the interview, {said}.", ok=True
        )
    corrected = _CORRECTION.match(text)
    if corrected and not _is_raw(corrected["x"]):
        verb = corrected["verb"].lower()
        it = "one" if re.match(r"^an?\s", corrected["x"], re.IGNORECASE) else "it"
        done = f"{verb} {it}"
        return Reading(
            kind="wish_said",
            text=f"To correct what I said about {corrected['x']}, I have in fact {done}.",
            ok=True,
        )
    mark = _ANSWER_MARK.search(text)
    if mark:
        problem, answer = text[: mark.start()].strip(" ,;:"), text[mark.end() :].strip(" ,;:")
    elif _FUMBLE.match(text) and "; " in text:
        problem, answer = (part.strip(" ,;:") for part in text.split("; ", 1))
    elif _FUMBLE.match(text):
        problem, answer = text, ""
    else:
        problem, answer = "", text
    # "should've mentioned the SOP I wrote": a thing to name, not an answer to give.
    mention = bool(
        mark and re.search(r"mentioned|brought\s+up|talked\s+about|pointed\s+to", mark.group(0))
    )
    if mark and re.search(r"\btold$", mark.group(0).strip(" :,"), re.IGNORECASE):
        # "shouldve told the 2am power cut story, ran the backup hour off a usb": the story.
        answer, mention = answer.split(", ", 1)[0], True
    listed = (mark and mark.group(0).rstrip().endswith(":")) or re.match(
        r"^(?:the\s+)?(?:data|numbers?|figures?|stats?)\s*:", answer, re.IGNORECASE
    )
    steps = answer.split(", ")
    shorthand = any(
        re.search(r"[()/<>]", step) or verb_only(step.split(" ", 1)[0]) for step in steps
    )
    if listed and len(steps) >= 3 and shorthand:
        # "shld have done: acknowledge, offer option (seat change / meal), then loop in ...":
        # a list of steps in shorthand, for the candidate to write as a sentence.
        return _flag("wish_said", _TOO_ROUGH)
    if answer.lower() in {"it", "that", "this", "so", "them"}:
        # "left out 0 LTIs over 600k manhours. should have said it": "it" is what was left out.
        left = re.search(r"\b(?:left\s+out|forgot|skipped|missed)\s+(?P<x>[^;]+)$", problem)
        if not left:
            return _flag(
                "wish_said", "Write what you wish you had said; the note cannot tell what 'it' is."
            )
        problem, answer, mention = "", left.group("x").strip(" ,;:"), True
    if problem and not answer:
        return _flag(
            "wish_said", "Add the answer you wish you had given; the note gives it, not an apology."
        )
    topic = asked_about = ""
    came = re.match(r"^(?P<t>[\w' -]+?)\s+came\s+up\b", problem)
    if came:
        topic = _with_article(came.group("t"), single=True)
    elif problem:
        # "the question on X" names its topic after; "the X question" before.
        found = re.search(r"\b(?:question|q)\s+(?:on|about|re:?|around)\s+(?P<after>.+)$", problem)
        found = found or _QUESTION_TOPIC.search(problem)
        # "when he asked abt the GDV that went bad i rambled": the GDV.
        asked = _asked_topic(problem)
        if asked and not found:
            topic = asked
            asked_about = (
                topic if re.match(r"^(?:the|a|my|your|why|how|what)\s", topic, re.I) else ""
            )
        elif found:
            topic = (found.group("after") or found.group("before") or "").strip()
            topic = re.sub(r"^.*\b(?:for|on|about|to)\s+(?=\S)", "", topic, flags=re.IGNORECASE)
        else:
            topic = _FUMBLE.sub("", problem).strip()
        topic = _FUMBLE.sub("", topic).strip()
        topic = re.split(r"[,;] ", topic, maxsplit=1)[0]  # "the X q, went vague": the X
        if topic.lower() in {"it", "that", "this", "them", "one"}:
            topic = ""  # "fumbled it": no topic named
        topic = re.sub(r"^(?:the|a|my|your|that)\s+", "", topic, flags=re.IGNORECASE).strip()
        last = topic.split(" ")[-1] if topic else ""
        if (
            len(topic.split()) > 1
            and topic.split(" ", 1)[0].lower() not in _WH_WORDS
            and topic.islower()
            and re.fullmatch(r"[a-z]+", last)
            and not last.endswith(("ion", "ing", "ity", "ism", "ness", "ment", "ce", "s"))
            and last not in _MASS_NOUNS | {"carbon", "coverage", "design"}
        ):
            topic = "the " + topic  # "fluid rate" -> "the fluid rate"
        topic = asked_about or topic  # "the GDV" keeps its article
        topic = _interview_question(topic)
    answer = _lower_first(_PREFIX["wish_said"].sub("", answer))
    # "I should have given the lesson: since then I always ...", "said it plainly: €620,000".
    answer = re.sub(
        r"^(?:(?:the|my)\s+(?:lesson|point|takeaway|story|example)|it\s+(?:plainly|clearly|simply|"
        r"straight))\s*:\s*",
        "",
        answer,
        flags=re.IGNORECASE,
    )
    steps = answer.split(", ")
    if len(steps) > 1 and any(
        verb_only(step.split(" ", 1)[0]) and step.split(" ", 1)[0].endswith("ed")
        for step in steps[1:]
    ):
        # "ceiling close-in at red deer, refused before inspection, saved a full rip out": what
        # happened, in shorthand, for the candidate to write as a sentence.
        return _flag("wish_said", _TOO_ROUGH)
    # "should have given numbers: 38% of ...": a figure to add, not a better answer.
    figure = re.match(r"^(?:the\s+)?(?:numbers?|figures?|stats?|data)\s*:", answer, re.I)
    if figure and not problem:
        mark = None
    answer = re.sub(
        r"^(?:the\s+)?(?:numbers?|figures?|stats?|specifics|examples?|data)\s*:\s*",
        "",
        answer,
        flags=re.IGNORECASE,
    )
    answer = re.sub(r"^that\s+", "", answer, flags=re.IGNORECASE)
    # "what i changed after (pre op checklist + lactate on arrival)": what, then the list.
    after = re.match(
        r"^what i (?P<v>changed|did|learned|do|would do)(?: differently)?"
        r"(?:\s+after(?:wards)?)?\s*\((?P<x>[^)]+)\)$",
        answer,
        re.IGNORECASE,
    )
    if after:
        answer = f"what I {after['v']} afterwards, {after['x']}"
    answer = re.sub(r"\b(pre|post) (op|ops)\b", r"\1-\2", answer, flags=re.IGNORECASE)
    # "... instead of going theoretical": how the answer went wrong stays out of the better one;
    # "not just X" is part of it, set off by a comma.
    answer = re.sub(r",?\s+(?:instead\s+of|rather\s+than)\s+.+$", "", answer, flags=re.I)
    answer = _not_just(answer)
    # "... at my last job, totally blanked": how the moment went stays out of the answer.
    answer = re.sub(
        r",?\s*(?:i\s+)?(?:totally\s+|completely\s+|just\s+)?(?:blanked|froze|rambled|fumbled|"
        r"choked)(?:\s+on\s+it)?$",
        "",
        answer,
        flags=re.IGNORECASE,
    )
    share = re.match(
        r"^(?P<n>\d[\d.,]*\s?%|\w+ percent) of (?P<what>[\w -]+?) (?:came )?from "
        r"(?P<src>[\w -]+?)(?P<rest>\s(?:at|in|for|over|during)\s.+)?$",
        answer,
    )
    idea = re.match(r"^(?:the\s+|my\s+|a\s+)?(?P<what>[\w /-]+?)\s+idea$", answer, re.I)
    if idea and mention:
        # "group block / wedding release policy idea": my idea for a release policy.
        what = re.sub(r"\s*/\s*", " and ", idea["what"])
        answer = f"my idea for {_with_article(what, single=True)}"
    clause = False
    if share:
        # "38% of revenue from email at my last job": a figure is said as a clause.
        answer = f"{share['src']} brought in {share['n']} of {share['what']}{share['rest'] or ''}"
        clause = True
    # "..., good results, have fotos": the evidence the candidate holds is a note to self; the
    # outcome is said with "with".
    answer = re.sub(
        r",?\s+(?:and\s+)?(?:i\s+)?(?:have|got|has)\s+(?:the\s+|some\s+)?(?:fotos|photos|pics|"
        r"pictures|screenshots|slides|logs?|proof|before/after)\b.*$",
        "",
        answer,
        flags=re.IGNORECASE,
    )
    answer = re.sub(
        r",\s+((?:very\s+)?(?:good|great|excellent|solid|strong)\s+(?:results|outcomes))$",
        r", with \1",
        answer,
    )
    parts = answer.split(", ")
    if len(parts) >= 3 and any(p.split(" ", 1)[0].lower() in _WH_WORDS for p in parts[1:]):
        # "hwyl, smoky cypress, how it's built, dry down": headings of an answer, not one.
        return _flag("wish_said", _TOO_ROUGH)
    if urls:
        answer = f"{answer} ({', '.join(urls)})" if answer else ", ".join(urls)
    if not answer or _is_raw(answer + " " + topic) or len(answer.split()) > MAX_CLAUSE_WORDS:
        return _flag("wish_said", _TOO_ROUGH)
    # "near-miss log + 1:1 + retraining plan": a list of three, not "and ... and".
    listed = answer.split(", ", 1)
    items = listed[0].split(" and ")
    if len(items) >= 3:
        listed[0] = ", ".join(items[:-1]) + " and " + items[-1]
        answer = ", ".join(listed)
    answer = _article_for_answer(answer)
    pair = answer.split(", ")
    if (
        len(pair) == 2
        and all(0 < len(part.split()) <= 4 and " and " not in part for part in pair)
        and not _has_verb(answer.replace(",", "").split(" "))
        and not re.match(_LEADS_ON, pair[1])
    ):
        answer = " and ".join(pair)  # "lower charge temp, longer drying": two things
    if (
        answer.count(", ") >= 2
        and " and " not in answer
        and not _has_verb(answer.replace(",", "").split(" "))
    ):
        head_items, _, last_item = answer.rpartition(", ")
        if not re.match(_LEADS_ON, last_item):
            answer = f"{head_items} and {last_item}"
    pick = _variant("wish_said", answer, bump)
    # "the weekly 1:1s I did with Dario": a thing to name, even after "should've said".
    # "the lost PC bang deal 2024": in 2024.
    answer = re.sub(r"^((?:the|my|our)\s[\w' -]*?[a-z]) ((?:19|20)\d\d)$", r"\1 in \2", answer)
    named = (
        bool(re.match(r"^(?:the|my|our)\s+[\w':/ -]+?\s(?:I|we)\s+\w+", answer))
        or bool(
            re.match(
                r"^(?:the|my|our)\s+[\w' -]+?\s(?:story|deal|project|case|incident|launch)"
                r"(?:\s+(?:in|from|at|with)\s+[\w' -]+)?$",
                answer,
            )
        )
        or (
            mention
            and answer.split(" ", 1)[0].lower() not in _SUBJECTS | _CONTRACTED_SUBJECTS
            and not _has_verb(answer.split(" "))
            and not _told_as_clause(answer.split(" "))
            and not _is_verb_start(answer.split(" ", 1)[0].lower())
        )
    )
    if mention and not named and _told_as_clause(answer.split(" ")):
        answer = "that " + answer  # "should have mentioned the team moved to kanban"
    thing, _, then = answer.partition(", ")
    if (
        then
        and re.match(r"^(?:the|my|our|a|an)\s", thing, re.IGNORECASE)
        and not _has_verb(thing.split(" "))
        and (
            _has_verb(["x", *then.split(" ")])
            or any(
                "VERB" in lexicon.word_classes(w) and (w.endswith("ed") or w in _IRREGULAR_PAST)
                for w in then.split(" ")[1:3]
            )
        )
    ):
        # "the lochboisdale pontoon, skipper wanted to tow in an F8": a story in shorthand.
        return _flag("wish_said", _TOO_ROUGH)
    if named and (problem or topic):
        if topic and len(topic.split()) <= 6:
            sentence = book.pick("read_wish_mention_topic", pick).format(topic=topic, a=answer)
        else:
            sentence = book.pick("read_wish_mention", pick).format(a=answer)
        return Reading(kind="wish_said", text=sentence, ok=True)
    first = answer.split(" ", 1)[0].lower()
    if re.match(r"^[\d.,]+\s?%?\s+to\s+[\d.,]+", answer) and not _has_verb(answer.split(" ")):
        # "58% to 71% in 18 months on linha 3": figures that need their verb from the candidate.
        return _flag("wish_said", _TOO_ROUGH)
    if (
        (problem or mark)
        and not mention
        and first not in _IMPERATIVE
        and "VERB" in lexicon.word_classes(first)
        and first in lexicon.lemmas(first)
        and "ADJ" not in lexicon.word_classes(first)
        and not _has_verb(answer.split(" "))
        and not _told_as_clause(answer.split(" "))
    ):
        # "cap recon at $1,800 a unit": what I would do, in shorthand the note cannot shape.
        return _flag("wish_said", _TOO_ROUGH)
    if problem or (mark and re.search(r"given|answered|answer", mark.group(0), re.IGNORECASE)):
        answer = _after_is(answer)
    if problem or (mark and re.search(r"given|answered|answer", mark.group(0), re.IGNORECASE)):
        if topic and len(topic.split()) <= 9:
            sentence = book.pick("read_wish_topic", pick).format(topic=topic, a=answer)
        else:
            sentence = book.pick("read_wish_answer", pick).format(a=answer)
        return Reading(kind="wish_said", text=sentence, ok=True)
    # "I've used X for two years at my last firm": a finished job is in the past tense.
    answer = re.sub(
        r"^I've (\w+ed|led|built|run|taught|done|written)\b"
        r"(?=.*\b(?:at|in) my (?:last|previous|old)\b)",
        lambda m: (
            "I " + {"run": "ran", "done": "did", "written": "wrote"}.get(m.group(1), m.group(1))
        ),
        answer,
    )
    head = answer.split(" ", 1)[0].lower()
    if (
        head in {"i", "we"}
        or head in _CONTRACTED_SUBJECTS
        or clause
        or (head in {"my", "our"} and _has_verb(answer.split(" ")))  # "my GP was 72%"
        or (head in {"you", "it", "there", "they"} and _has_verb(answer.split(" ")))
    ):
        key = "read_wish_clause"
    elif (
        head in _IRREGULAR_PAST or (_is_verb_start(head) and head.endswith("ed"))
    ) and not re.match(r"^\w+ed\s+(?:and|\+|or)\s", answer):
        answer, key = "I " + answer, "read_wish_clause"
    else:
        key = "read_wish_np"
        # "my newsletter, 3k subscribers": the figure is something the thing has.
        answer = re.sub(
            r"^((?:my|our)\s[^,]+), ((?:\d[\d.,]*k?|one|two|three|four|five|six|seven|eight|"
            r"nine|ten)\s+\w+s)$",
            r"\1, which has \2",
            answer,
        )
        if (
            head[:1].isdigit()
            or answer.lower().endswith(_OWN_THINGS)
            or head
            in {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
        ):
            answer = "my " + answer
        if named:
            return Reading(
                kind="wish_said",
                text=book.pick("read_wish_mention", pick).format(a=answer),
                ok=True,
            )
    return Reading(kind="wish_said", text=book.pick(key, pick).format(x=answer), ok=True)


_UNCOUNTED_ENDINGS = ("s", "ion", "ing", "ity", "ness", "ment", "ance", "ence", "ship", "ware")


def _told_as_clause(words: list[str]) -> bool:
    """ "dispatch got centralised to Frankfurt", "the team moved to kanban": a thing and what
    happened to it, a clause."""
    words = [w.lower() for w in words]
    if words and words[0] in {"the", "a", "an", "our", "my", "their", "this", "that"}:
        words = words[1:]
    if not words or words[0] in _SUBJECTS or "NOUN" not in lexicon.word_classes(words[0]):
        return False
    return any(
        word in _IRREGULAR_PAST or (word.endswith("ed") and "VERB" in lexicon.word_classes(word))
        for word in words[1:3]
    )


def _article_for_answer(answer: str) -> str:
    """ "priority inheritance mutex" -> "a priority inheritance mutex": a bare singular thing."""
    words = answer.split(" ")
    head = words[0]
    if (
        not head.replace("-", "").isalpha()
        or not head.islower()
        or head in _DETERMINERS
        or head in _SUBJECTS
        or " and " in answer
        or _has_verb(words)
        or _told_as_clause(words)
        or _is_verb_start(head)
        or len(words) > 5
    ):
        return answer
    last = words[-1].lower().strip(",;:")
    if not last.isalpha() or last.endswith(_UNCOUNTED_ENDINGS) or last in _MASS_NOUNS:
        return answer
    return ("an " if head[0] in "aeiou" else "a ") + answer


_IMPERATIVE = {
    "use", "add", "run", "keep", "split", "cache", "shard", "retry", "measure", "apply",
    "compute", "check", "start", "move", "build", "write", "log", "track", "test", "set",
    "make", "put", "send", "lock", "batch", "queue", "partition", "index", "stream", "ask",
    "acknowledge", "listen", "explain", "focus", "prioritise", "prioritize", "escalate",
    "document", "reduce", "avoid", "separate", "isolate", "validate", "compare", "profile",
    "benchmark", "monitor", "automate", "refactor", "reframe", "clarify", "pre-book", "book",
    "offer", "train", "hire", "review", "share", "switch",
}  # fmt: skip


# Words after an imperative that are not a bare singular object needing "a".
_NOT_OBJECTS = {
    "then", "and", "or", "it", "them", "up", "out", "early", "first", "more", "less", "back",
    "down", "off", "over", "fast", "everything", "all", "both", "to", "with", "on", "in", "by",
    "what", "how", "why", "when", "where", "whether", "if", "that", "this", "me", "us",
}  # fmt: skip


def _after_is(answer: str) -> str:
    """The better answer shaped to follow "the answer is": "use a pre-period covariate" ->
    "to use a pre-period covariate"; "every condition is shown ..." -> "that every ..."."""
    words = answer.split(" ")
    head = words[0].lower().rstrip(",;:")
    if head in _IMPERATIVE:
        second = words[1] if len(words) > 1 else ""
        if (
            second.replace("-", "").isalpha()
            and second.islower()
            and second not in _DETERMINERS
            and not second.endswith(("s", "ly"))
            and not words[0].endswith(",")
            and second not in _NOT_OBJECTS
        ):
            words.insert(1, "a" if second[0] not in "aeiou" else "an")
        return "to " + " ".join(words)
    # "every condition shown to affect the decision": a rule, said with "must be".
    answer = re.sub(
        r"^((?:every|each|all|any)\s+\w+(?:\s+\w+)?)\s+(shown|proven|proved|demonstrated|"
        r"tested|checked|required)\s+to\b",
        r"\1 must be \2 to",
        answer,
    )
    words = answer.split(" ")
    listed = re.match(r"^\w+ed\s+(?:and|or)\s", answer)  # "metered and a newsletter funnel"
    if not listed and (
        head in _IRREGULAR_PAST or (head.endswith("ed") and len(head) > 4 and head.isalpha())
    ):
        return "that I " + answer  # "wanted a bigger market": what I did or wanted
    if (
        head in _SUBJECTS
        or head in _CONTRACTED_SUBJECTS
        or _has_verb(words)
        or _told_as_clause(words)
        or "must" in words
    ):
        return "that " + answer
    # "since then I always run a 5 kg pilot": a clause behind its opening words.
    for at, word in enumerate(words[1:4], 1):
        if head in _WH_WORDS:
            break
        if word.lower() in _SUBJECTS | _CONTRACTED_SUBJECTS and any(
            lexicon.word_classes(w.lower()) & {"VERB", "AUX"} for w in words[at + 1 : at + 3]
        ):
            return "that " + answer
    return answer


# --- "why I fit" lines ----------------------------------------------------------------------

# Shorthand a "why I fit" line may not carry into a note ("calm w complaints").
_FIT_SHORTHAND = re.compile(
    r"\b(?:w|asst|hosp|exp|approx|info|prog|grp|mgmt|lvl|til|ppl|accts?|rn|inspo|mgr|vol|rx|"
    r"appts?|prev|eng|thru|maint|fam|lol|stuff|ish|pharm|in date|loc|dev|mgr|sup|\d+y)\b|\s/\s"
    r"|\b(?!A/B\b)[A-Z]{1,3}\d?(?:/[A-Z]{1,3}\d?)+\b|@",
    re.IGNORECASE,
)
# What a "why I fit" line calls a credential is held, not "experience in": "fear free cert lvl 2".
_CREDENTIAL = re.compile(
    r"\b(?:cert|certificate|certified|licen[cs]e|level|tier|diploma|degree)\b", re.I
)
# "I have six years front office": a span of years before a bare noun phrase.
_YEARS_BARE = re.compile(
    r"^I have ((?:\w+|\d+(?:\.\d+)?) years?) "
    r"(?!of\b|in\b|at\b|on\b|with\b|as\b|for\b|doing\b|\w+ing\b)(.+)$"
)
_YEARS_PLACED = re.compile(r"^I have ((?:\w+|\d+) years?) (at|on|in|with|across) ")


# Nouns that end a job title: "on-call lead", "site foreman".
_ROLE_NOUNS = (
    "lead", "manager", "officer", "head", "director", "engineer", "supervisor", "foreman",
    "coordinator", "specialist", "analyst", "administrator", "nurse", "teacher", "technician",
    "consultant", "designer", "developer", "editor", "captain", "chair", "president",
    "superuser", "educator", "assessor", "mentor", "trainer", "auditor",
)  # fmt: skip


def _as_role(text: str) -> str:
    """ "on-call lead" -> "I have worked as an on-call lead"; "second in department five
    years" -> "I have been second in department for five years"; other lines as they are."""
    spell = re.match(r"^(?P<role>.+?) (?P<n>(?:\w+|\d+(?:\.\d+)?) years?)$", text)
    spell = spell or re.match(r"^(?P<n>(?:\w+|\d+(?:\.\d+)?) years?) (?P<role>.+)$", text)
    role = spell["role"] if spell else text
    role = re.sub(r"^as (?:an? )?", "", role)  # "10 yrs as a nurse": the role is a nurse
    # "duty manager at a 200 room hotel": the title is what comes before "at".
    role, _, where = role.partition(" at ")
    where = " at " + re.sub(r"^(\d+)[ -](\w+)", r"a \1-\2", where) if where else ""
    level = re.search(r" (?:stage|level|grade|band) \d$", role)
    if level:
        role, where = role[: level.start()], f" at {level.group(0).strip()}{where}"
    words = role.split(" ")
    if not (0 < len(words) <= 4) or _NUMBER_LEAD.match(role):
        return text
    ranked = re.match(r"^(?:second|deputy|assistant|head|acting) (?:in|of)\b", role)
    if not ranked and words[-1].lower() not in _ROLE_NOUNS:
        return text
    span = f" for {spell['n']}" if spell else ""
    if ranked:
        return f"I have been {role}{where}{span}"
    article = "an" if role[:1].lower() in "aeiou" else "a"
    return f"I have worked as {article} {role}{where}{span}"


# Words after which "three years" already reads as a span: "in two years", "over three years".
_SPAN_LEADS = {"for", "of", "last", "past", "in", "over", "within", "across", "after", "under",
               "the", "first", "next", "nearly", "almost", "about", "around"}  # fmt: skip
_NUMBER_LEAD = re.compile(r"^(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)


def _fit_head(raw: str) -> str:
    """The part of a "why I fit" line a note can say: its first sentence, before a dash; of
    comma-separated parts, the first, unless the line is a list or the rest says what came
    with it ("started at a community paper", "no downtime")."""
    head = re.sub(r"\s*\([^)]*\)", "", raw.strip())  # "(NDA - say ...)": a note to self
    head = re.sub(r"\bbit of\b", "some", head)  # "revit + bit of dynamo"
    head = re.split(r"\.\s|\s[-\u2013\u2014]\s|;", head, maxsplit=1)[0].strip(" .")
    parts = [part.strip() for part in head.split(",")]
    short = len(parts[0].split()) <= 3
    if parts[0].split()[-1].lower() in _NOT_VERBS_ED:
        return parts[0]  # "SWE registered, 6 yrs post qual": the state held, said alone
    if len(parts) == 1 or (short and (len(parts) >= 3 or parts[0][:1].isupper())):
        return head  # one claim, or a list ("R, Python, Datawrapper", "WSQ BCSS, registered ...")
    second = parts[1].split()[0].lower() if parts[1] else ""
    if second == "no":
        return f"{parts[0]}, with {parts[1]}"  # "ran the migration, no downtime"
    spell = re.match(r"^(?:\d+|\w+)\s+(?:years?|yrs?)\b", parts[0], re.IGNORECASE)
    if spell and ((second.endswith("ed") and second not in _NOT_VERBS_ED) or second == "began"):
        return f"{parts[0]}, {parts[1]}"  # "six years reporting, started at a paper"
    return parts[0]


# "lived exp of housing stress - might mention, might not": the candidate has not decided.
_UNSURE = re.compile(
    r"\bmight\s+(?:mention|not|say)\b|\bnot\s+sure\b|\bmaybe\s+(?:mention|say|not)\b|"
    r"\b(?:don'?t|dont)\s+(?:mention|say)\b|\?\s*$",
    re.IGNORECASE,
)
_ARROW = (
    "It tells a change with an arrow; write it as a sentence, e.g. “cut rejects from 3.1% to 1.4%”."
)


def read_fit(raw: str) -> tuple[str, str]:
    """A "why I fit" line as the clause the notes say ("I have seven years of experience in
    hospital pharmacy"), and "" with the reason when it cannot be said cleanly."""
    if re.search(r"->|=>|\u2192", raw or ""):
        return "", _ARROW
    grad = re.fullmatch(r"\s*([A-Za-z][\w' -]*?)\s+grad(?:uate)?\s+((?:19|20)\d\d)\s*", raw or "")
    if grad:
        school = " ".join(w[:1].upper() + w[1:] for w in grad[1].split())
        return f"I graduated from {school} in {grad[2]}", ""  # "abertay grad 2025"
    if _UNSURE.search(raw or ""):
        return "", "You noted you are not sure about saying this; write it as you want it said."
    languages = any(w.lower() in _LANGUAGES for w in re.findall(r"[A-Za-z]+", raw or ""))
    caveat = re.search(
        r"\bnot\s+\w+\s+level\b|\b(?:basic|rusty|beginner)\s*(?:,|$)", raw or "", re.I
    )
    if caveat and not languages:
        # "can play organ for mass basic, not concert level haha": the candidate's own caveat,
        # which a note would sell as a strength.
        return "", "It reads as your own caveat; write it as you would say it to them."
    if sum(w.lower() in _LANGUAGES for w in re.findall(r"[A-Za-z]+", raw or "")) >= 2:
        # "N1 japanese + portuguese": a level beside one language of a list is that language's.
        raw = re.sub(
            r"\b(?:(N[1-5]|[ABC][12])\s+([A-Za-z]+)|([A-Za-z]+)\s+(N[1-5]|[ABC][12]))\b",
            lambda m: (
                f"{m[2] or m[3]} ({m[1] or m[4]})" if (m[2] or m[3]).lower() in _LANGUAGES else m[0]
            ),
            raw,
        )
    text, _links = clean_jot(_fit_head(raw or ""))
    text = _lower_first(_trim(_spell_numbers(_proper_nouns(text)), 18))
    if not text:
        return "", "It is empty."
    clause = _fit_clause(_as_role(text))
    bare = _YEARS_BARE.match(clause)
    if bare:
        clause = f"I have {bare.group(1)} of experience in {bare.group(2)}"
    clause = _YEARS_PLACED.sub(r"I have spent \1 \2 ", clause)
    # "at last company": at my last company.
    clause = re.sub(
        r"\b(at|from|in) (last|previous|old) (company|job|firm|employer|role|fab|club|agency|"
        r"hospital|school|store|site|practice)\b",
        r"\1 my \2 \3",
        clause,
    )
    # "running school progs at science centre": at a science centre.
    clause = re.sub(
        r"\b(at|for) (?!(?:a|an|the|my|our|his|her|their|this|that)\b)((?:[a-z]+ )?(?:centre|"
        r"center|company|bank|hospital|school|factory|startup|start-up|agency|firm|lab|plant|"
        r"clinic|charity|council|mill|warehouse|hotel|restaurant|store|shop|studio|utility|"
        r"consultancy|retailer|manufacturer|publisher|brewery|winery|newspaper|university))\b",
        lambda m: f"{m[1]} {'an' if m[2][0] in 'aeiou' else 'a'} {m[2]}",
        clause,
    )
    # "I wrote our ransomware playbook": "our" would read as the new employer's.
    clause = re.sub(r"^(I \w+ )our\b", r"\1my team's", clause)
    # "8 yrs programmer at sanfic": years of experience as a programmer.
    agent = re.match(
        r"^(I have [\w-]+ years? of experience) in ([a-z]+(?:er|or|ist|ian|ant))\b(.*)$", clause
    )
    if agent and "NOUN" in lexicon.word_classes(agent[2]):
        article = "an" if agent[2][0] in "aeiou" else "a"
        clause = f"{agent[1]} as {article} {agent[2]}{agent[3]}"
    # "set up QC lab from scratch": a lab.
    clause = re.sub(
        r"^(I (?:set up|built|launched|started|created|founded|opened)) "
        r"(?!(?:a|an|the|my|our|two|three|four|five|\d)\b)(?=[A-Z]{2,} [a-z]+\b|[a-z]+ [a-z]+\b)",
        r"\1 a ",
        clause,
    )
    # "I ran second shift at Amazon three years": for three years.
    span = re.match(r"^(I (?!have\b|am\b)\w+\b.*?) (\w+) ((?:\w+|\d+) years?)$", clause)
    if span and span[2].lower() not in _SPAN_LEADS:
        clause = f"{span[1]} {span[2]} for {span[3]}"
    # "raised $1.2m trusts and foundations": raised from them.
    clause = re.sub(
        r"^(I raised [$€£]?\s?[\d.,]+\s?(?:m|k|bn|million|thousand)?)\s+"
        r"(?!from\b|in\b|for\b|over\b)",
        r"\1 from ",
        clause,
    )
    if clause.count(", ") >= 2 and " and " not in clause:
        clause = " and ".join(clause.rsplit(", ", 1))  # "eDNA sampling, R and occupancy models"
    left = residue(clause) + [m.strip() for m in _FIT_SHORTHAND.findall(clause)]
    if len(re.findall(r"\bwith\b", clause)) > 1:
        left.append("with ... with")  # "experience with Pr Arch with SACAP": a note, not a claim
    if re.match(r"^I have experience (?:in|with) (?:\w{3,}ed|got)\b", clause):
        left.append(clause.split()[4])  # "experience in got rejects down"
    if re.fullmatch(r"I have experience (?:in|with) [a-z]+", clause):
        left.append(clause.split()[-1])  # "bilingual": a word, not a claim
    if re.match(r"^I bring my \w+(?: \w+)? (?:is|are|was|were)\b", clause):
        left.append(
            clause[len("I bring ") :]
        )  # "my German is conversational": a sentence of its own
    held = re.match(r"^I hold (?:an? |the )?(.+)$", clause)
    things = held[1].split(", ")[0].split(" and ") if held else []  # ", valid until 2027"
    if any(len(part.split()) > 4 for part in things):
        left.append(held[1])  # "I hold an on injection certificate and ... since day 1 of it"
    experience = re.match(r"^I have (?:[\w-]+ years? of )?experience (?:in|with) (.+)$", clause)
    if experience:
        thing = experience[1]
        first_word = thing.split()[0].lower()
        if _CREDENTIAL.search(thing):
            left.append(_CREDENTIAL.search(thing)[0])  # a certificate is held, not experience
        elif first_word in _ADVERBS or rough_np(thing.split(" and ")[0]):
            left.append(thing)  # "experience in actually use the gear"
        elif re.search(r"\band (?:did|completed|ran|led|built|got|passed|took|am)\b", thing):
            left.append(thing)  # "experience in seismic retrofit ... and did the course"
        elif re.search(r"\bsince (?:19|20)\d\d\b|\bgrad\b", thing):
            left.append(thing)  # "experience in red seal 309A since 2014": a ticket held
        # "mixed practice Toowoomba": the place a practice was in.
        placed = re.match(r"^(.*[a-z]) ([A-Z][a-z]+)$", thing)
        after_word = placed and placed[1].split(" ")[-1].lower() in lexicon.PLACE_LEADS
        if (
            placed
            and not after_word
            and lexicon.places(f"in {placed[2].lower()}", guess=False) == f"in {placed[2]}"
        ):
            clause = clause[: len(clause) - len(placed[2])] + "in " + placed[2]
    left += _fit_rough(clause)
    # A fit line is said of the candidate in every email: a word typed small that English
    # lacks ("saalbach", "probat") is a name without its capital, so the user writes it.
    left += [w for w in re.findall(r"(?<![\w-])[a-z]{4,}(?![\w-])", clause) if lexicon.foreign(w)]
    bare = re.match(rf"^I have (?!(?:{'|'.join(_HAVE_LEADS)})\b|\d)(\S+(?: \S+)?)", clause)
    if bare:
        left.append(bare[1])  # "I have six sigma BB", "I have three winters ops"
    if left:
        return "", (
            f"It still reads as a note ({', '.join(dict.fromkeys(left))}); write it as you "
            "would say it to them."
        )
    # "in 18 mo": more than one month.
    clause = re.sub(
        r"\b((?:[2-9]|[1-9]\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
        r"(?:month|year|week|day))\b(?![s-])",
        r"\1s",
        clause,
    )
    clause = re.sub(r"^I am fluent (?!in\b)", "I am fluent in ", clause)  # "fluent Samoan"
    return a_or_an(clause), ""


# What follows "I have" in a claim a careful writer makes: a thing, a span, a verb's past.
_HAVE_LEADS = (
    "a", "an", "the", "my", "experience", "spent", "worked", "been", "led", "built", "run",
    "managed", "taught", "trained", "done", "lived", "over", "more", "nearly", "almost",
    "about", "some", "several", "many", "years", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "strong",
    "hands-on", "deep", "direct", "solid", "extensive",
)  # fmt: skip
_SPAN_BEFORE = {"for", "over", "in", "within", "of", "past", "last", "about", "nearly", "almost",
                "than", "first", "next", "around", "some"}  # fmt: skip


_WANTING = re.compile(r"(?:want|wants|like|likes|love|loves|hope|plan|need|wish|honestly)$")
_FUNCTION_SHORT = {"a", "an", "as", "at", "by", "in", "of", "on", "to", "up", "my", "we", "it"}
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve")  # fmt: skip


def _fit_rough(clause: str) -> list[str]:
    """What in a fit line's clause still reads as a phone note, where a careful reader would
    stop: a past tense after "experience with" ("PM'd"), a subject with no verb ("I bogie-related
    stops"), a time or a habit tacked on with no "for" ("on elf fleet three years", "daily"),
    a slash between words ("1/4in", "lekki/VI") or a figure with a bare sign ("-27%")."""
    left = []
    words = clause.split(" ")
    experience = re.match(r"^I have (?:[\w-]+ years? of )?experience (?:in|with) (\S+)", clause)
    if experience and ("'" in experience[1] or verb_only(experience[1].lower())):
        left.append(experience[1])
    head = experience[1].lower() if experience else ""
    if head and (_WANTING.match(head) or lexicon.word_classes(head) == {"ADV"}):
        left.append(experience[1])  # "experience in want to move", "in honestly like the rain"
    # The candidate's own voice ("honestly", "lol", "ok in meetings"), a gerund after "as a"
    # ("as a timber cruising"), a unit with no word ("12 J"), a short word English lacks
    # ("five ans", "dairy mfg"), a count with no unit ("I have six sigma").
    left += re.findall(r"\b(?:honestly|lol|tbh|haha|ok|okay|ish)\b", clause)
    left += re.findall(r"\bas an? (?:\w+ )?\w+ing(?= and\b|,|$)", clause)
    left += re.findall(r"\b\d+ [A-Z]\b(?![\w.])", clause)
    left += [
        w
        for w in re.findall(r"(?<![\w'-])[a-z]{2,3}(?![\w'-])", clause)
        if not lexicon.word_count(w) and not lexicon.word_classes(w) and w not in _FUNCTION_SHORT
    ]
    counted = re.match(rf"^I have ({'|'.join(_NUMBER_WORDS)}) (\w+)", clause)
    if counted and not counted[2].endswith("s"):  # "two vintages", but not "six sigma"
        left.append(f"{counted[1]} {counted[2]}")
    if len(words) > 1 and not (
        lexicon.word_classes(words[1].lower()) & {"VERB", "AUX"}
        or words[1].lower() in {"have", "am", "hold", "know", "speak", "bring"}
    ):
        left.append(words[1])
    span = re.search(r"\b(\w+) [\w.]+ (?:years?|months?)$", clause)
    if (span and span[1].lower() not in _SPAN_BEFORE) or re.search(r"\b(?:daily|weekly)$", clause):
        left.append(clause.rsplit(" ", 2)[-1])  # "on elf fleet three years", "power bi daily"
    unslashed = clause.replace("A/B", "AB")
    if re.search(r"\w/\w", unslashed) or re.search(r"(?<!\w)[-+]\d", unslashed):
        left.append(next(w for w in words if re.search(r"\w/\w|^[-+]\d", w)))
    return left


# Reading is pure and a panel is recomposed whenever a note changes: keep recent readings.
@lru_cache(maxsize=8192)
def read_point(
    kind: str,
    body: str,
    person_first: str = "",
    *,
    tone: str = "warm",
    language: str = "en",
    bump: int = 0,
    organiser: bool = False,
) -> Reading | None:
    """How the notes will say one talking point, or None for a jot with nothing in it.

    `bump` picks another phrasing of the same reading, for a panel where two people's identical
    jots would otherwise give the same sentence. `organiser`: the jot is about a recruiter or
    HR contact, for whom "they" is the company.
    """
    token = ABOUT_ORGANISER.set(organiser)
    try:
        return _read_point(kind, body, person_first, tone, language, bump)
    finally:
        ABOUT_ORGANISER.reset(token)


_GIVEN_ANSWER = re.compile(
    r"^(?!(?:she|he|they)\s+asked\b)(?:i\s+)?(?:asked\s+(?:about\s+|abt\s+)?)?"
    r"(?P<q>(?:(?!\s[-\u2013\u2014]\s|\bsaid\b)[^?])+?)"
    r"(?:\?+\s*(?:[-\u2013\u2014]+>?|,)?\s*|\s+(?:->|=>|\u2192)\s*)"
    r"(?:(?:and\s+)?(?:(?:she|he|they|you)\s+)?(?:said|says)\s+)?(?P<a>[\w'\"\u2018\u201c].*)$",
    re.IGNORECASE,
)
# "? ran out of time to ask", "? ask": the question is still to be asked.
_NOT_ASKED = re.compile(r"\b(?:ask|ran\s+out\s+of\s+time|didn'?t\s+get\s+to|forgot)\b", re.I)
# "flames season ticket guy. im oilers lol didnt say": not common ground at all.
_NOT_SHARED = re.compile(
    r"\bdidn'?t\s+(?:say|tell|mention|let\s+on)\b|\bunlike\s+me\b|\bi'?m\s+not\b", re.I
)
# "can i redo swim test if i fail?": the candidate's worry, not a thing to thank them for.
_OWN_WORRY = re.compile(r"\bif\s+i\s+(?:fail|don'?t\s+pass|do\s+badly|mess\s+up|bomb)\b", re.I)
_TODO_AFTER = re.compile(
    r"(?:^|[.;,:!?\-\u2013]\s*)(?:pls\s+|please\s+)?(?:check|book|tell|ask|remember|bring|print|"
    r"chase|follow\s+up|look\s+up|google|practi[cs]e)\b",
    re.IGNORECASE,
)
_FELT = re.compile(
    r"\b(?:liked|loved|trusted|clicked\s+with|got\s+on\s+with|warmed\s+to|rated)\s+(?:her|him|them)"
    r"\b|\bhard\s+to\s+read\b|\blaughed\s+once\b|\bv\s+(?:sharp|direct|warm|cold|quiet|intense|"
    r"formal|nice|friendly|serious|blunt|chatty|dry)\b|\b(?:liked|loved|rated)\s+me\b",
    re.IGNORECASE,
)


# "quiet, only asked abt my weekend", "she was lovely, walked me out": how they came across.
_SEEMED = re.compile(
    r"^(?:(?:she|he|they)\s+(?:was|were|is|seemed|came\s+across\s+as)\s+)?"
    r"(?:(?:v|very|so|quite|a\s+bit|bit|really|super)\s+)?(?:quiet|lovely|nice|kind|warm|friendly|"
    r"cold|intense|stern|serious|shy|reserved|distracted|stonefaced|stone-faced|grumpy|tired|"
    r"sweet|chill|awkward|curt|rushed|intimidating|scary|tough|harsh|blunt|direct|young|sharp|"
    r"funny|smart|strict|cold|guarded|formal|skeptical|sceptical|hard\s+to\s+read)\b"
    r"(?=\s*(?:[,.;!]|$)|\s+(?:and|but)\b)",
    re.IGNORECASE,
)


def _aside_reason(jot: str) -> str:
    """Why an "other" jot reads as the candidate's aside rather than something to thank
    someone for: a word shouted in capitals ("PRACTISE SWIMMING", "DONT talk comp"), a doubt
    ("RM12k??"), or how they seemed to the candidate ("liked her a lot", "hard to read"); ""
    when a note may use it. A to-do after a fact is cut by the caller, not the whole jot."""
    for word in re.findall(r"\b[A-Z]{3,}\b", jot):
        if word.lower() in {"dont", "didnt", "cant", "wont"} or lexicon.word_classes(word):
            return f"It reads as a note to yourself ({word})."
    if "??" in jot:
        return "You marked it as something you are not sure of (??)."
    if _FELT.search(jot) or _SEEMED.search(jot):
        return "It is how they seemed to you, which stays out of a note to them."
    if re.search(r"\basked\s+me\s+(?:not\s+)?to\b", jot, re.IGNORECASE):
        # "asked me not to contact the board chair": something to do, not to thank them for.
        return "It is something they asked of you: do it, rather than thank them for it."
    if re.match(r"^(?:my|i|i'm|im|i've|ive|i'll|i'd)\b", jot, re.IGNORECASE) and not re.match(
        r"^i\s+(?:should|will|'ll|ll)\s+hear\b", jot, re.IGNORECASE
    ):
        # "my notice is 1 month", "i can start 4 jan": the candidate's own, not theirs to
        # be thanked for.
        return "It is about you, not something they told you."
    if re.search(
        r"\b(?:waiting|hearing)\s+(?:back\s+)?(?:on|for|from)\s+(?:the|an?|my)?\s*[\w' -]*?"
        r"\b(?:role|offer|job|interview|application|position)\b",
        jot,
        re.IGNORECASE,
    ):
        return "It is about another application of yours, which stays out of a note to them."
    if re.search(r"\b(?:call\s+(?:me|her|him)|goes\s+by)\s+['\"\u201c]?[A-Z]", jot):
        return "It is the name they go by: the notes greet them by it."
    if re.match(r"^(?:ex|former)[\s-]", jot, re.IGNORECASE):
        # "ex royal navy, calls everyone 'son'": who they were, noted for me.
        return "It describes them, which stays out of a note to them."
    if re.search(r"\bcall(?:s|ed)?\s+(?:everyone|me|us)\b", jot, re.IGNORECASE) and not re.search(
        r"\bcall\s+me\s+[A-Z]", jot
    ):
        return "It is how they spoke to you, which stays out of a note to them."
    if re.search(
        r"\b(?:is|are|looks?|seems?)\s+(?:(?:a\s+bit|kinda|kind\s+of|v|very|so|quite|pretty|really)"
        r"\s+)?(?:tiny|cramped|old|outdated|ancient|dated|run[-\s]down|shabby|dingy|grim|a\s+mess|"
        r"chaotic|understaffed|dead)\b",
        jot,
        re.IGNORECASE,
    ):
        # "lab is tiny and old spectrophotometer": the candidate's view of their place.
        return "It is how their place struck you, which stays out of a note to them."
    if re.search(
        r"^(?:i\s+)?(?:didn'?t|did\s+not|never|barely|hardly)\b", jot, re.IGNORECASE
    ) or re.search(
        r"\basked\s+me\b.*?\b(?:[2-9]\s*x|twice|three\s+times|again\s+and\s+again|repeatedly)\b",
        jot,
        re.IGNORECASE,
    ):
        return "It is how the interview went for you, which stays out of a note to them."
    return ""


def _read_point(
    kind: str, body: str, person_first: str, tone: str, language: str, bump: int
) -> Reading | None:
    kind = kind if kind in KINDS else "other"
    if kind == "promise":
        body = _without_todo(body)
    if kind == "question" and not _ANSWERED.match(body):
        # "reporting line? -> direct to him", "how does on-call work -> 1 wk in 5": answered.
        given = _GIVEN_ANSWER.match(body)
        if given and not _NOT_ASKED.search(given["a"]):
            body = f"asked {given['q']} - they said {given['a']}"
    aside = _aside_reason(body) if kind == "other" else ""
    doubt = re.search(r"\w\?{2,}", body)
    if doubt and re.search(r"\b(?:check|confirm|verify|ask)\b", body[doubt.end() :], re.I):
        doubt = None  # "2023?? check b4 writing": the whole jot waits, as the reader says
    if kind in ("topic", "their_work", "common_ground") and doubt:
        # "ISIPCA too, had Mme Lemaire?? for raw materials": what the candidate doubts is not
        # said as fact; what comes before it may be.
        before = body[: doubt.start()]
        cut = list(re.finditer(r"[,;]\s+|\.\s+|\s+[-\u2013\u2014]+\s+", before))
        body = before[: cut[-1].start()] if cut else ""
        if not body.strip():
            return _flag(kind, "You marked it as something you are not sure of (??).")
    if kind == "common_ground" and _NOT_SHARED.search(body):
        aside = "It says you did not share it with them, so a note cannot say you do."
    if kind == "question" and _OWN_WORRY.search(body):
        aside = "It is about your own worry, which a thank-you note leaves out."
    if kind == "other" and not aside:
        # "2nd round w/ MD next thurs 10am, bring project photos": the to-do is the candidate's.
        todo = _TODO_AFTER.search(body)
        if todo and todo.start() > 0:
            body = body[: todo.start()].rstrip(" ,;:-\u2013")
        aside = "It reads as a to-do for you." if todo and todo.start() == 0 else ""
    text, urls = clean_jot(body)
    if not text and not urls:
        return None
    if kind in ("wish_said", "topic", "question"):
        # "grief stuff", "scope stuff": the thing itself (a promised "stuff" stays the user's).
        text = re.sub(
            r"\b(\w+) stuff\b",
            lambda m: m[0] if m[1].lower() in _DETERMINERS | _SUBJECTS | {"of", "the"} else m[1],
            text,
        )
    # A better answer may give a sum ("cap recon at $1,800 a unit", "€620,000 from the
    # foundation"): only pay named as pay keeps it out.
    checked = body
    if kind == "wish_said":
        checked = re.sub(r"[$€£¥₹₩₦]", "", body)
    elif kind == "promise":
        # "(the one i made at X, remove client names first!)": a promise's bracket is the
        # candidate's reminder, left out of the note, so it does not keep the promise out.
        checked = re.sub(r"\s*\([^)]*\)", "", body)
    private = private_reason(checked)
    private = private or aside
    if private:
        return _flag(kind, f"{private} Write how to say it if you want it in.")
    book = phrases.book(language, tone)
    text = _spell_numbers(_CALENDAR.sub(lambda m: m.group(0).capitalize(), _months(text)))
    text = _for_span(text)
    if tone == "formal":
        text = text.replace("!", "")
    if kind in DETAIL_KINDS and not text:
        text = "your work" if kind == "their_work" else "the link you shared"
    if kind in DETAIL_KINDS:
        neutral = bool(_WORRIED.search(body))
        reading = _detail(kind, text, urls, person_first, book, bump, neutral=neutral)
    elif kind == "promise":
        # Where the one link sat: after the first of two things, or at the end (the last).
        link_last = bool(urls) and body.rstrip(" .!)").endswith(urls[-1].rstrip("/"))
        reading = _promise(text, urls, book, bump, link_last=link_last)
    elif kind == "question":
        reading = _question(text, urls, person_first, book, bump)
    else:
        reading = _wish(text, urls, book, bump)
    if not reading.ok:
        return reading
    sentence = _dedupe_words(_tidy_spacing(reading.text))
    if tone == "formal":
        sentence = _expand_contractions(sentence)
    # "in first 6 mo": a count of more than one is plural when nothing follows it.
    sentence = re.sub(
        r"\b((?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) "
        r"(?:month|hour|year|week|day|minute))(?=[.,;!?]|$| (?:in|of|at|on|and|or|to|ago|"
        r"before|after|later|left|now)\b)",
        r"\1s",
        sentence,
    )
    sentence = a_or_an(_punctuated(sentence))
    left = residue(sentence)
    if left:
        # Still reads as a phone jot: flagged for the user rather than pasted into a note.
        return _flag(
            kind,
            f"This jot is too rough to quote ({', '.join(dict.fromkeys(left))}); "
            "write how the note should say it.",
        )
    strange = _strange_words(sentence)
    if strange:
        return _flag(kind, _STRANGE.format(words=", ".join(f"'{w}'" for w in strange)))
    if reading.problem == _OTHER_KEPT:
        return Reading(kind, "", False, _OTHER_KEPT, suggestion=_finish(sentence))
    return Reading(
        kind=reading.kind,
        text=_finish(sentence),
        ok=True,
        placeholder=reading.placeholder,
    )


_STRANGE = (
    "The note would say {words} as typed: a name needs its capitals, and a word from another "
    "language needs saying in English. Write how the note should say it."
)


def _strange_words(sentence: str) -> list[str]:
    """Words typed in lower case that English does not have, when they would show: any with
    marks ("fenerbahçeli", "örebro"), or two or more ("hinchas de nacional"). One plain word
    alone is let through: it is as likely jargon ("isotonic", "mutex") as a name."""
    text = _URL_RE.sub(" ", sentence)
    words = [
        w
        for w in re.findall(r"(?<![\w'\u2019-])[^\W\d_]+(?![\w'\u2019-])", text)
        if w.islower() and lexicon.foreign(w)
    ]
    if any(not w.isascii() for w in words) or len(set(words)) >= 2:
        return list(dict.fromkeys(words))
    return []


# Past forms that are never participles: "tried latex, gave up" without its comma runs on.
_PAST_ONLY = {"gave", "took", "went", "wrote", "grew", "ran", "began", "came", "saw", "drove",
              "spoke", "broke", "chose", "fell", "flew", "forgot", "knew", "rode", "rose",
              "threw", "woke", "quit"}  # fmt: skip
_CLAUSE_JOIN = {"and", "but", "then", "or", "so", "that", "who", "which", "when", "because",
                "while", "after", "before", "until", "as", "if", "she", "he", "they", "we", "i",
                "you", "it", "where", "once", "since", "&", "+"}  # fmt: skip


def _run_on(text: str) -> bool:
    """Whether two past verbs follow one another with nothing joining them: "tried latex in
    2022 gave up"."""
    verb_before = False
    for word in text.lower().split():
        core = word.strip(",;:.!?")
        if core in _CLAUSE_JOIN:
            verb_before = False
            continue
        if core in _PAST_ONLY and verb_before:
            return True
        if core in _IRREGULAR_PAST or (_is_verb_start(core) and core.endswith("ed")):
            verb_before = True
        if word != core:
            verb_before = False  # a comma or a stop ends the clause
    return False


# Words a year is a name to, not a time: "class 2019", "vision 2030", "the 2024 report".
_NAMES_A_YEAR = {
    "in", "by", "since", "from", "until", "till", "of", "to", "and", "or", "the", "around",
    "about", "circa", "before", "after", "early", "late", "mid", "than", "class", "cohort",
    "vintage", "model", "version", "batch", "season", "edition", "release", "intake", "vision",
    "target", "targets", "goal", "goals", "plan", "strategy", "roadmap", "budget", "report",
    "census", "cup", "expo", "games", "award", "awards", "prize", "agenda", "during", "through",
    "between", "spring", "summer", "autumn", "fall", "winter", "for", "at", "on", "this", "that",
    "year", "fy", "ay", "q1", "q2", "q3", "q4", "h1", "h2", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "not", "only", "still", "end", "are",
    "is", "was", "were", "be", "been",
}  # fmt: skip


_NOT_A_BASE = _AUX | _SUBJECTS | _CONTRACTED_SUBJECTS | {"be", "been", "being", "she's", "he's"}


def _punctuated(sentence: str) -> str:
    """What a thumb leaves out and a careful writer puts in: "four weeks' notice", "a week's
    notice", "photo-based claims"."""
    sentence = re.sub(r"\b(weeks|months|days|years) notice\b", r"\1' notice", sentence)
    sentence = re.sub(r"\b(one|a) (week|month|day|year) notice\b", r"\1 \2's notice", sentence)
    sentence = re.sub(r"\b(before|after) start\b", r"\1 starting", sentence)
    # "the new app December 1": on a day.
    sentence = re.sub(
        rf"\b([a-z]{{3,}}) ((?:{'|'.join(_MONTH_NAMES.values())}) \d{{1,2}})\b(?![\d,])",
        lambda m: m[0] if m[1] in _NOT_BEFORE_A_DAY else f"{m[1]} on {m[2]}",
        sentence,
    )
    sentence = re.sub(r"\bwe both have (\w+(?:ed|en|ne|wn|un))\b", r"we have both \1", sentence)
    # "for a min" spelled out is "for a minute".
    sentence = re.sub(r"\b(a|an|one) (minute|hour|year|month|week|day)s\b", r"\1 \2", sentence)
    # "in Fensfjorden January 2026": a place, then when.
    sentence = re.sub(
        rf"\b((?:in|at|near|off|outside) [A-Z][\w\u00c0-\u024f-]+) "
        rf"((?:{'|'.join(_MONTH_NAMES.values())}) (?:19|20)\d\d)\b",
        r"\1 in \2",
        sentence,
    )
    # "arriving march": in a month (a bare year is seen to below).
    sentence = re.sub(
        r"\b((?:open|launch|start|arriv|end|clos|finish|land|ship)\w*) "
        r"((?i:january|february|march|april|may|june|july|august|september|"
        r"october|november|december))\b(?! \d{1,2}\b)",
        lambda m: f"{m[1]} in {m[2].capitalize()}",
        sentence,
    )
    # "we both fish keystone lake": a named lake, when nothing before makes it a common one.
    sentence = re.sub(
        r"(?<=\s)([a-z]{3,}) (lake|river|creek|bay|island|falls|reservoir)\b",
        lambda m: (
            m[0]
            if (
                "ADJ" in lexicon.word_classes(m[1])
                or m[1]
                in _DETERMINERS | _PREPOSITIONS | {"the", "our", "their", "your", "his", "her"}
                or re.search(
                    rf"\b(?:the|a|an|my|our|your|their|his|her|this|that)\s+{m[1]} {m[2]}",
                    sentence,
                )
            )
            else f"{m[1].capitalize()} {m[2].capitalize()}"
        ),
        sentence,
    )
    # "my uncles bakery": one uncle's bakery, when a noun follows, not "my uncles live".
    sentence = re.sub(
        r"\b(my|your|his|her|our) (uncle|aunt|auntie|dad|mum|mom|mother|father|brother|sister|"
        r"nan|gran|grandad|grandpa|grandma|granny|cousin|wife|husband|son|daughter)s ([a-z]+)\b",
        lambda m: (
            f"{m[1]} {m[2]}'s {m[3]}" if lexicon.word_classes(m[3]) == frozenset({"NOUN"}) else m[0]
        ),
        sentence,
    )
    # "started firm 1994", "led the first CNG bus here 2011": the year a thing happened in.
    sentence = re.sub(
        r"\b(started|founded|set up|opened|bought|took over|joined|left) "
        r"(firm|company|business|shop|practice|clinic|agency|studio|bakery|restaurant)\b",
        r"\1 the \2",
        sentence,
    )
    sentence = re.sub(
        r"\b([a-z]{3,}) ((?:19|20)\d\d)\b(?![\d/%\u2013-]|\s?(?:\u2013|-|to)\s?\d|"
        r"\s(?:batch|cohort|class|intake|vintage|model|season|edition|grads?|graduates?|"
        r"alumni|launch|release|version|budget|plan|report|targets?)\b)",
        lambda m: m[0] if m[1] in _NAMES_A_YEAR else f"{m[1]} in {m[2]}",
        sentence,
    )
    # "lived izmir 3 yrs", "spoke malayalam 2 min": where, and for how long.
    sentence = re.sub(r"\b(lived|grew up|worked) (?=[A-Z\u00c0-\u024f][a-z])", r"\1 in ", sentence)
    # "that aligners now 60% of new starts": the verb a jot leaves out.
    sentence = re.sub(
        r"\bthat ((?:[a-z][\w-]* ){0,2}[a-z][\w-]*) now (\d[\d.,]*\s?%)",
        lambda m: (
            m[0]
            if any(_is_verb_start(w) for w in m[1].split())
            else f"that {m[1]} {'are' if m[1].endswith('s') else 'is'} now {m[2]}"
        ),
        sentence,
    )
    # "Professor Kimani my supervisor": who they are to me, set off by a comma.
    sentence = re.sub(
        r"\b([A-Z][a-z]+) (my (?:old |former )?(?:supervisor|boss|manager|mentor|friend|"
        r"colleague|professor|tutor|lecturer|coach|teacher))\b",
        r"\1, \2",
        sentence,
    )
    return re.sub(
        r"\b([a-z]+) based (?!(?:in|on|at|out|off|around|near|with|from|to|and|or)\b)(?=[a-z])",
        lambda m: m[0] if m[1] in _NOT_A_BASE else f"{m[1]}-based ",
        sentence,
    )


_NOT_BEFORE_A_DAY = {
    "on", "by", "until", "till", "from", "since", "before", "after", "to", "and", "or", "of",
    "the", "around", "about", "late", "early", "mid", "through", "between", "than", "every",
}  # fmt: skip


def _finish(sentence: str) -> str:
    """A capital first letter and an end mark, except after a link, which must stay exact."""
    if _URL_RE.fullmatch(sentence.split(" ")[-1]) or sentence.endswith(
        (PLACEHOLDER, WRITE_PLACEHOLDER)
    ):
        return sentence[:1].upper() + sentence[1:]
    return _sentence(sentence)


def edited(kind: str, text: str) -> Reading:
    """The user's own reading: said as written, with a capital and an end mark."""
    text = " ".join((text or "").split())
    kind = kind if kind in KINDS else "other"
    return Reading(kind=kind, text=_finish(text), ok=bool(text), edited=True)


__all__ = ["DETAIL_KINDS", "KINDS", "PLACEHOLDER", "Reading", "edited", "read_fit", "read_point"]
