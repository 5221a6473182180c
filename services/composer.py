"""Deterministic thank-you drafts for everyone the candidate met at one application.

Pure Python: no Flask, no database, no network, no randomness. The same panel always gives the
same drafts. Each person's phone jots are read into a phrase that fits a sentence, and every slot
of a note is filled from a pool of phrasings picked by the person's place in the panel, so notes
that a panel later compares never share a sentence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass

__all__ = [
    "CARD_MAX_WORDS",
    "EMAIL_MAX_WORDS",
    "ComposedDraft",
    "Job",
    "Person",
    "Point",
    "Profile",
    "clean_jot",
    "compose_panel",
    "first_name",
    "word_count",
]

EMAIL_MAX_WORDS = 200
CARD_MAX_WORDS = 80
# Warm and formal notes aim a little longer than brief ones; all stay inside 90..200 words.
_EMAIL_MIN_WORDS = {"warm": 110, "formal": 110, "brief": 90}
_BRIEF_MAX_WORDS = 150

# The tone of the panel being composed, read by `_pick` to choose formal phrasings.
_TONE: ContextVar[str] = ContextVar("composer_tone", default="warm")

DETAIL_KINDS = ("topic", "their_work", "common_ground", "other")
ORGANISER_ROLES = ("recruiter", "hr")


@dataclass(frozen=True)
class Point:
    kind: str  # topic|common_ground|their_work|promise|question|wish_said|other
    body: str


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str  # interviewer|recruiter|hr|other
    title: str = ""
    email: str = ""
    points: tuple[Point, ...] = ()
    interview_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Job:
    company: str
    role: str
    fit_points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    name: str
    signature: str = ""
    phone: str = ""
    portfolio_url: str = ""
    linkedin_url: str = ""
    tone: str = "warm"  # warm|formal|brief
    greeting_style: str = "first_name"  # first_name | honorific


@dataclass(frozen=True)
class ComposedDraft:
    contact_id: str
    channel: str  # "email" | "card" | "wrapup"
    subject: str
    body: str
    generic: bool  # True when the person had no usable talking points


# --------------------------------------------------------------------------------------------
# Reading jots
# --------------------------------------------------------------------------------------------

_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>()\"']+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|ai|co|app|me|so|xyz|uk|de|edu|gov|ly|gg|sh"
    r"|tech|page|site|info|biz|us|ca)(?:/[^\s<>()\"']*)?",
    re.IGNORECASE,
)
_EMOTICON_RE = re.compile(
    r"(?:(?<=\s)|^)(?:[:;=8][-'^]?[)(DPpOo3/\\|\][]+|[xX][dD]|<3+|\^_?\^)(?=\s|$)"
)
_LAUGH_RE = re.compile(r"\s+(?:lol+|haha+|hehe+|lmao|rofl|omg|yay+)\s*$", re.IGNORECASE)
_NOT_EMOJI = {"\u00b0", "\u00a9", "\u00ae"}  # degree, copyright, registered: real text
_EMPTY_JOTS = {"none", "n/a", "na", "nothing", "tbd", "tba", "todo", "idk", "-", "?", "x"}

# Phone shorthand, matched as whole words. Typos stay as typed; shorthand a reader would trip
# over is spelled out.
_SHORTHAND = {
    "w/": "with",
    "w/o": "without",
    "b/c": "because",
    "bc": "because",
    "abt": "about",
    "ppl": "people",
    "yrs": "years",
    "yr": "year",
    "mins": "minutes",
    "thru": "through",
    "tho": "though",
    "u": "you",
    "ur": "your",
    "mgr": "manager",
    "dept": "department",
    "convo": "conversation",
    "msg": "message",
    "approx": "about",
    "esp": "especially",
    "wk": "week",
    "wks": "weeks",
    "&": "and",
    "+": "and",
    "tmrw": "tomorrow",
    "rn": "right now",
    "imo": "in my view",
    "q": "question",
    "qs": "questions",
    "i": "I",
    "im": "I'm",
    "ive": "I've",
    "dont": "don't",
    "didnt": "didn't",
    "cant": "can't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "vs.": "vs",
    "e.g.": "for example",
    "eg": "for example",
    "i.e.": "that is",
    "ie": "that is",
    "etc.": "and so on",
    "etc": "and so on",
    "exp": "experience",
    "pls": "",
    "plz": "",
}
_CONTRACTIONS = [
    (r"\bcan't\b", "cannot"),
    (r"\bwon't\b", "will not"),
    (r"\bshan't\b", "shall not"),
    (r"\b(\w+)n't\b", r"\1 not"),
    (r"\bI'm\b", "I am"),
    (r"\b(it|that|what|there|here|who|where|how)'s\b", r"\1 is"),
    (r"\blet's\b", "let us"),
    (r"\b(\w+)'re\b", r"\1 are"),
    (r"\b(\w+)'ve\b", r"\1 have"),
    (r"\b(\w+)'ll\b", r"\1 will"),
    (r"\b(I|you|we|they|he|she)'d\b", r"\1 would"),
]

_DETERMINERS = {
    "the", "a", "an", "my", "your", "our", "their", "his", "her", "its", "this", "that",
    "these", "those", "some", "any", "each", "every", "all", "both", "how", "what", "why",
    "when", "where", "who", "which", "whether", "one", "two", "three", "several", "many",
    "much", "more", "most", "no", "another", "other", "such", "if",
}  # fmt: skip
_SUBJECTS = {"i", "we", "you", "they", "it", "there", "he", "she"}
_AUX = {
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
    "should", "might", "may", "does", "do", "did", "isn't", "aren't", "wasn't", "weren't",
    "don't", "doesn't", "didn't", "won't", "can't", "hasn't", "haven't", "am", "cannot",
}  # fmt: skip
_VERB_START = {
    "leads", "lead", "led", "runs", "run", "ran", "built", "builds", "wrote", "writes",
    "manages", "started", "works", "spent", "moved", "joined", "founded", "maintains",
    "created", "designed", "gave", "gives", "likes", "loves", "plays", "went", "grew",
    "studied", "used", "uses", "owns", "owned", "mentors", "mentored", "teaches", "taught",
    "speaks", "spoke", "volunteers", "organizes", "organises", "hosts", "hosted", "climbs",
    "cycles", "has", "had", "is", "was", "shipped", "ships", "migrated", "rewrote", "came",
    "comes", "lives", "lived", "knows", "knew", "cares", "wants", "thinks", "said", "says",
    "mentioned", "explained", "asked", "told", "showed", "shared", "described", "walked",
    "reads", "read", "brews", "bakes", "trains", "coaches", "coached", "also", "just",
    "recently", "previously", "currently", "worked", "helped", "helps", "love", "seems",
    "seemed", "looks", "looked", "feels", "felt",
    "like", "play", "work", "live", "go", "own", "manage", "did", "does", "rebuilt",
    "took", "drove", "won", "sold", "began", "made", "set", "brought", "cut", "oversaw",
    "launched", "scaled", "loved", "enjoyed", "liked", "met",
}  # fmt: skip
_ADVERBS = {
    "also", "really", "still", "just", "actually", "currently", "now", "even", "already",
    "recently", "previously", "apparently", "basically", "always", "never", "mostly", "only",
    "often", "usually", "personally", "both", "literally", "totally",
}  # fmt: skip
_NOT_VERBS_ED = {"need", "speed", "seed", "feed", "bed", "red", "shed", "bred", "embed", "ted"}
_MASS_NOUNS = {
    "football", "soccer", "basketball", "baseball", "hockey", "tennis", "golf", "coffee",
    "tea", "music", "design", "research", "security", "infrastructure", "data", "culture",
    "feedback", "compliance", "performance", "observability", "reliability", "travel", "food",
    "pottery", "photography", "chess", "accessibility", "privacy", "safety", "architecture",
    "strategy", "leadership", "mentorship", "management", "engineering", "tooling", "infra",
    "ops", "devops", "debt", "software", "hardware", "work", "life", "balance", "growth",
    "pricing", "marketing", "sales", "analytics", "sustainability", "education", "health",
    "healthcare", "fintech", "ml", "ai", "rust", "go", "python", "java", "kubernetes", "k8s",
    "terraform", "postgres", "kafka", "elixir", "scala", "typescript", "javascript", "react",
    "hiking", "climbing", "bouldering", "running", "cycling", "sailing", "cooking", "baking",
    "ux", "ui", "qa", "sre", "oncall", "on-call", "tech", "science", "art", "content",
    "writing", "testing", "hiring", "onboarding",
}  # fmt: skip
_PREPOSITIONS = {"of", "on", "for", "at", "with", "to", "in", "from", "about", "vs", "and", "or"}
_SINGULAR_S = {"analysis", "status", "process", "class", "access", "business", "canvas", "news",
               "series", "basis", "bus", "campus", "focus", "thesis", "bonus", "kubernetes",
               "k8s", "aws", "postgres", "physics", "economics", "ops", "devops", "this",
               "has", "is", "was", "its", "his", "analytics"}  # fmt: skip
_COMMON_FIRST = (
    _DETERMINERS
    | _SUBJECTS
    | _AUX
    | _VERB_START
    | _ADVERBS
    | {
        "talked", "discussed", "chatted", "ask", "send", "share", "wish", "should've",
        "forgot", "fumbled", "blanked", "great", "nice", "cool", "interesting", "fun", "new",
        "big", "same", "re", "about", "maybe", "team", "remote", "huge", "plans", "plan",
        "question", "link", "slides", "deck", "repo", "paper", "article", "blog", "post",
        "talk", "book", "podcast", "portfolio", "writeup", "write-up", "case", "sample",
        "references", "she's", "he's", "they're", "we're", "you're", "it's", "there's",
        "what's", "how's", "i'm", "i've", "i'd", "i'll", "their", "fellow", "former",
        "migration", "rewrite", "roadmap", "why", "sounds", "seems", "loved", "enjoyed",
    }
)  # fmt: skip

_PREFIX = {
    "label": re.compile(
        r"^(?:[-*\u2022>]+\s*|(?:note|fyi|todo|topic|re|promise|question|q|"
        r"wish|common ground|their work)\s*:\s*)+",
        re.IGNORECASE,
    ),
    # "long one: we went deep on...", "fun fact: she ran a marathon".
    "aside": re.compile(r"^[\w' ]{1,20}:\s+(?=(?:we|i|she|he|they)\b)", re.IGNORECASE),
    "topic": re.compile(
        r"^(?:(?:we|i)\s+)?(?:talked|chatted|spoke|discussed|convo|conversation|chat|talk|"
        r"covered|went\s+over|dug\s+into|went\s+deep|got\s+into)"
        r"(?:\s+(?:a\s+lot|mostly|briefly|at\s+length))?"
        r"(?:\s+(?:about|abt|re:?|on|over|around|through))?\s+|^(?:re:?|about|abt)\s+",
        re.IGNORECASE,
    ),
    "promise": re.compile(
        r"^(?:i\s+)?(?:promised\s+(?:to\s+)?|(?:need\s+to|must|will|to|should|gotta)\s+)?"
        r"(?:send|share|email|forward|mail|pass\s+along|dig\s+up|follow\s+up\s+with|"
        r"get|give|drop)(?:\s+(?:her|him|them|you|over|across|along|back))*\b\s*"
        r"|^(?:i\s+)?promised\s+",
        re.IGNORECASE,
    ),
    "question": re.compile(
        r"^(?:(?:i\s+)?(?:want\s+to\s+|meant\s+to\s+|should\s+|forgot\s+to\s+)?ask(?:ed)?"
        r"(?:\s+(?:her|him|them|you))?(?:\s+(?:about|abt|re:?))?)\s*",
        re.IGNORECASE,
    ),
    "wish_said": re.compile(
        r"^(?:i\s+)?(?:also\s+)?(?:wish\s+(?:i(?:'d|\s+had|\s+would\s+have|'ve)?\s+)?"
        r"(?:said|mentioned|told\s+(?:her|him|them)|brought\s+up|talked\s+(?:more\s+)?about)"
        r"|should(?:'ve|\s+have)\s+(?:said|mentioned|brought\s+up|talked\s+(?:more\s+)?about"
        r"|told\s+(?:her|him|them))"
        r"|forgot\s+(?:to\s+(?:say|mention|bring\s+up|talk\s+about)|about)"
        r"|didn't\s+(?:mention|say|bring\s+up|talk\s+about|get\s+to\s+(?:say|mention))"
        r"|never\s+(?:mentioned|said|brought\s+up)"
        r"|meant\s+to\s+(?:say|mention|bring\s+up))(?:\s+that)?\b[\s:,]*",
        re.IGNORECASE,
    ),
    "fumble": re.compile(
        r"^(?:i\s+)?(?:fumbled|blanked\s+on|botched|messed\s+up|flubbed|stumbled\s+on|"
        r"bombed|rambled\s+on|struggled\s+with|froze\s+on)\s+",
        re.IGNORECASE,
    ),
    "reported": re.compile(
        r"^(?:she|he|they|you)\s+(?:said|mentioned|told\s+me|explained|noted)(?:\s+that)?\s+",
        re.IGNORECASE,
    ),
}
_WH_START = {
    "what", "how", "why", "when", "where", "who", "which", "is", "are", "do", "does", "did",
    "can", "could", "will", "would", "should", "has", "have", "what's", "how's", "who's",
    "where's", "was", "were",
}  # fmt: skip
_WH_WORDS = {"how", "what", "why", "when", "where", "who", "which", "whether", "if"}
_ABBREV_DOTS = re.compile(r"\b(?:mr|mrs|ms|dr|prof|st|jr|sr|no|inc|ltd|co|approx)\.$", re.I)


@dataclass(frozen=True)
class _Jot:
    kind: str
    text: str  # without URLs, ready to sit inside a sentence
    shape: str  # np | clause | direct | whether | fumble
    urls: tuple[str, ...]

    def phrase(self) -> str:
        """The text with its links, each kept exactly as typed, in brackets at the end."""
        if not self.urls:
            return self.text
        links = f"({', '.join(self.urls)})"
        return f"{self.text} {links}" if self.text else links


def _strip_emoji(text: str) -> str:
    out = []
    for ch in text:
        cp = ord(ch)
        if ch in _NOT_EMOJI:
            out.append(ch)
            continue
        cat = unicodedata.category(ch)
        if cat in ("So", "Cs") or cp in (0xFE0E, 0xFE0F, 0x200D, 0x20E3):
            out.append(" ")
        elif 0x1F3FB <= cp <= 0x1F3FF or 0xE0020 <= cp <= 0xE007F:
            continue
        else:
            out.append(ch)
    return "".join(out)


def _extract_urls(text: str) -> tuple[str, tuple[str, ...]]:
    urls: list[str] = []

    def keep(match: re.Match[str]) -> str:
        url = match.group(0).rstrip(".,;:!?'\"")
        tail = match.group(0)[len(url) :]
        urls.append(url)
        return " " + tail

    return _URL_RE.sub(keep, text), tuple(urls)


def _spell_out(text: str) -> str:
    text = re.sub(r"\bw/(?=\w)", "with ", text, flags=re.IGNORECASE)
    words = []
    for word in text.split(" "):
        core = word.rstrip(",;:")
        tail = word[len(core) :]
        key = core.lower()
        if key in _SHORTHAND and not (core == "U" or (key == "i" and core == "I")):
            replacement = _SHORTHAND[key]
            if not replacement:
                continue
            words.append(replacement + tail)
        elif key.startswith("i'") and core[0] == "i":
            words.append("I" + core[1:] + tail)
        else:
            words.append(word)
    return " ".join(words)


def _dedupe_words(text: str) -> str:
    """Remove a word typed twice in a row ("the the"), but never "on on-call" or "that that's":
    a repeat that starts a hyphenated or contracted word is a different word."""
    return re.sub(r"\b(\w+)(\s+\1\b(?![-'\u2019]\w))+", r"\1", text, flags=re.IGNORECASE)


def _tidy_spacing(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:.!?)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return text


def clean_jot(body: str) -> tuple[str, tuple[str, ...]]:
    """A phone jot as plain text plus its links: no emoji, no shorthand, no end punctuation.

    Internal sentence breaks become semicolons so the jot can sit inside one sentence.
    """
    text = unicodedata.normalize("NFC", body or "")
    text = text.translate({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2026: "..."})
    text = text.replace("{", "(").replace("}", ")")
    text, urls = _extract_urls(text)
    text = _strip_emoji(text)
    text = re.sub(r"\s+", " ", text).strip()
    text = _PREFIX["label"].sub("", text)
    text = _EMOTICON_RE.sub(" ", text)
    text = re.sub(r"\.{2,}", ", ", text)
    text = re.sub(r"([!?])[!?]+", r"\1", text)
    text = re.sub(r"\s[-\u2013\u2014]+\s", ", ", text)
    text = _spell_out(re.sub(r"\s+", " ", text).strip())
    # Sentence breaks inside a jot become semicolons, except after abbreviations.
    parts = re.split(r"(?<=[.!?])\s+", text)
    joined = parts[0]
    for part in parts[1:]:
        if _ABBREV_DOTS.search(joined):
            joined += " " + part
        else:
            joined = joined[:-1] + "; " + _lower_first(part)
    text = joined
    for _ in range(3):
        text = _LAUGH_RE.sub("", " " + text).strip()
        text = _EMOTICON_RE.sub(" ", text).strip()
        text = text.strip(" .,;:!?-\u2013\u2014*\"'")
    text = _dedupe_words(_tidy_spacing(text))
    if text.lower() in _EMPTY_JOTS:
        text = ""
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    if text.count("(") > text.count(")"):
        text += ")"
    return text, urls


def _lower_first(text: str) -> str:
    """Lower-case a jot's first word when it is only capitalised because it came first."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    bare = first.rstrip(",;:").lower()
    capitalised = first[:1].isupper() and first[1:] == first[1:].lower()
    if first == "I" or first.startswith("I'"):
        return text
    if capitalised and (bare in _COMMON_FIRST or (bare.endswith("ing") and len(bare) > 5)):
        return first[0].lower() + text[1:]
    return text


def _conjugate_for_you(word: str) -> str:
    lower = word.lower()
    irregular = {
        "is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
        "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't", "goes": "go",
    }  # fmt: skip
    if lower in irregular:
        return irregular[lower]
    if not word.isalpha() or not word.islower() or len(word) < 3 or lower in _SINGULAR_S:
        return word
    if lower.endswith("ss") or lower.endswith("us") or not lower.endswith("s"):
        return word
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if re.search(r"(?:ch|sh|x|z|o)es$", lower):
        return word[:-2]
    return word[:-1]


def _to_you(text: str, person_first: str, *, they_too: bool = False) -> str:
    """Turn a jot about the person ("she leads payments") into one addressed to them."""
    words = text.split(" ")
    subjects = {"he", "she"} | ({"they"} if they_too else set())
    if person_first:
        subjects.add(person_first.lower())
    out: list[str] = []
    expect_verb = False
    for i, word in enumerate(words):
        core = word.rstrip(",;:")
        tail = word[len(core) :]
        lower = core.lower()
        nxt = words[i + 1].lower().rstrip(",;:") if i + 1 < len(words) else ""
        if expect_verb and lower in _ADVERBS:
            out.append(word)
            continue
        if expect_verb:
            expect_verb = False
            if not tail:
                out.append(_conjugate_for_you(core))
                continue
        prev = out[-1].lower() if out else ""
        at_clause_start = i == 0 or prev in {"and", "but", "that", "because", "so", "when", "if"}
        at_clause_start = at_clause_start or (out and out[-1][-1:] in ",;:")
        if lower in subjects and (at_clause_start or lower != person_first.lower()):
            if lower == person_first.lower() and not at_clause_start:
                out.append(word)
                continue
            out.append("you" + tail)
            expect_verb = not tail
        elif lower in {"she's", "he's"} or (lower == f"{person_first.lower()}'s" and nxt):
            if lower == f"{person_first.lower()}'s" and lower not in {"she's", "he's"}:
                out.append("your" + tail)
            else:
                out.append(
                    ("you've" if nxt in {"been", "got", "done", "worked"} else "you're") + tail
                )
        elif lower in {"she'd", "he'd"}:
            out.append("you'd" + tail)
        elif lower in {"she'll", "he'll"}:
            out.append("you'll" + tail)
        elif lower == "his" or (they_too and lower == "their"):
            out.append("your" + tail)
        elif lower == "hers":
            out.append("yours" + tail)
        elif lower in {"himself", "herself"}:
            out.append("yourself" + tail)
        elif lower == "him" or (they_too and lower == "them"):
            out.append("you" + tail)
        elif lower == "her":
            follows_noun = nxt and nxt not in _PREPOSITIONS | _DETERMINERS | {"and", "to"}
            out.append(("your" if follows_noun and not tail else "you") + tail)
        elif they_too and lower == "they're":
            out.append("you're" + tail)
        elif they_too and lower == "they've":
            out.append("you've" + tail)
        else:
            out.append(word)
    text = " ".join(out)
    return re.sub(r"\byou are also\b", "you are also", text)


def _is_verb_start(word: str) -> bool:
    lower = word.lower().rstrip(",;:")
    if lower in _VERB_START:
        return True
    return lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_VERBS_ED


# A contraction that carries a verb ("it's", "they're"); a possessive ("nurses'", "team's")
# does not.
_CONTRACTED_VERB = re.compile(
    r"\w(?:n't|'re|'ve|'ll|'m|'d)$|^(?:it|he|she|that|there|what|who|here|where|how)'s$"
)
_CONTRACTED_SUBJECTS = {
    "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll", "we're", "we've",
    "we'd", "we'll", "they're", "they've", "they'd", "they'll", "it's", "there's",
}  # fmt: skip


# Verbs that, after another word, are far more often nouns in a jot ("remote work policy").
_NOUN_LIKE = {"work", "play", "go", "run", "lead", "set", "cut", "read", "love", "like", "own",
              "live", "manage", "use"}  # fmt: skip


def _has_verb(words: list[str]) -> bool:
    verbs = _VERB_START - _ADVERBS - _NOUN_LIKE
    for word in words[1:7]:
        lower = word.lower().rstrip(",;:")
        if lower in _AUX or lower in verbs or _CONTRACTED_VERB.search(lower):
            return True
    return False


_SUBORDINATORS = {"after", "before", "when", "since", "if", "although", "because", "while", "as"}


def _first_part(text: str) -> str:
    """The jot up to its first comma or sentence break, when that part stands on its own.

    "runs the data platform, been there 6 yrs" reads as "runs the data platform": the tail of a
    jot is usually a second thought that a sentence built around the first one cannot carry.
    """
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch in ",;" and text[i + 1 : i + 2] == " ":
            head = text[:i].strip()
            words = head.split(" ")
            if len(words) >= 3 and words[0].lower() not in _SUBORDINATORS:
                return head
            return text
    return text


def _expand_contractions(text: str) -> str:
    for pattern, repl in _CONTRACTIONS:
        text = re.sub(pattern, repl, text, flags=re.IGNORECASE)
    text = re.sub(r"\bi am\b", "I am", text)
    return text


_OWN_THINGS = ("experience", "background", "cert", "certification", "degree", "skills", "portfolio")
_LINKING = {"has", "had", "is", "was", "seems", "seemed", "looks", "looked", "feels", "felt"}
_LIKED = {"loved", "enjoyed", "liked", "appreciated"}


def _read_detail(text: str, kind: str, person_first: str) -> tuple[str, str]:
    """(text, shape) for a topic, their_work, common_ground or other jot."""
    text = _PREFIX["aside"].sub("", text)
    text = _lower_first(_PREFIX["topic"].sub("", text))
    text = _lower_first(_PREFIX["reported"].sub("", text))
    text = _first_part(text)
    # In a topic, "they" is the interviewer's team: "how they do code review".
    text = _to_you(text, person_first, they_too=kind == "topic")
    words = text.split(" ")
    first = words[0].lower()
    if kind == "common_ground":
        fan = re.match(r"(?:(huge|big)\s+)?fans?\s+of\s+(.+)", text, re.IGNORECASE)
        if fan:
            return f"we are both {fan.group(1) or ''} fans of {fan.group(2)}", "clause"
    if first == "both" and len(words) > 1:
        rest = words[1].lower()
        verbish = _is_verb_start(rest) or rest.endswith("s") or rest in {"love", "like"}
        return ("we both " if verbish else "we are both ") + " ".join(words[1:]), "clause"
    if first == "same" and len(words) > 1:
        text, words, first = "the " + text, ["the", *words], "the"
    # "office has a rooftop garden": a bare, lower-case noun leading a clause takes "the".
    function_word = first in _DETERMINERS | _SUBJECTS | _AUX | _CONTRACTED_SUBJECTS | _WH_WORDS
    bare_noun = words[0].isalpha() and words[0].islower() and not function_word
    bare_noun = bare_noun and first not in _ADVERBS and not _is_verb_start(first)
    if bare_noun and len(words) > 2 and words[1].lower() in _LINKING:
        text, words, first = "the " + text, ["the", *words], "the"
    if first in _WH_WORDS:
        shape = "np"
    elif first in _SUBJECTS | _CONTRACTED_SUBJECTS or (
        _has_verb(words) and (first in _DETERMINERS or "'s" in first)
    ):
        shape = "clause"
    elif _is_verb_start(first) and kind in ("their_work", "common_ground"):
        # "leads payments", "also has a corgi": a fragment about them.
        at = 0
        while at < len(words) - 1 and words[at].lower() in _ADVERBS:
            at += 1
        words[at] = _conjugate_for_you(words[at])
        text, shape = "you " + " ".join(words), "clause"
    elif first in _LIKED and len(words) > 1:
        # "loved the team lunch": the lead-in carries the liking, the note names the thing.
        text, shape = _with_article(" ".join(words[1:]), single=True), "note"
    elif _is_verb_start(first) or _has_verb(words):
        shape = "note"
    else:
        shape = "np"
    if kind == "other" and shape == "clause":
        shape = "note"  # "the coffee was great" is the candidate's own impression
    if kind == "common_ground" and text.startswith("you also "):
        text = "we both " + text[len("you also ") :]  # "also has a corgi": so does the candidate
    outside_brackets = re.sub(r"\([^)]*\)", "", text)
    if shape == "np" and (
        kind == "common_ground"
        or re.search(r"[,;:]", outside_brackets)
        or (len(words) > 12 and first not in _WH_WORDS)
    ):
        shape = "note"
    if shape == "note":
        text = text.replace(": ", ", ")
    return text, shape


# Month and day names typed in lower case ("did chicago last october"); "may" and "march" are
# left alone, as they are usually other words.
_CALENDAR = re.compile(
    r"\b(?:january|february|april|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)


def _read_jot(point: Point, person_first: str, formal: bool) -> _Jot | None:
    text, urls = clean_jot(point.body)
    known = {*DETAIL_KINDS, "promise", "question", "wish_said"}
    kind = point.kind if point.kind in known else "other"
    if not text and not urls:
        return None
    shape = "np"
    if kind in DETAIL_KINDS and not text:
        # A bare link: name what it is so no sentence is built around the address alone.
        text = "your work" if kind == "their_work" else "the link you shared"
    elif kind in DETAIL_KINDS:
        text, shape = _read_detail(text, kind, person_first)
    elif kind == "promise":
        text = _lower_first(_PREFIX["promise"].sub("", _lower_first(text)))
        text = re.sub(r"^(?:the\s+)?link\s+(?:to|for)\s+", "the link to ", text, flags=re.I)
        if not text:
            text = "the link I mentioned" if urls else ""
        if not text:
            return None
    elif kind == "question":
        text = _lower_first(_PREFIX["question"].sub("", _lower_first(text)))
        text = _to_you(text, person_first, they_too=True)
        first = text.split(" ", 1)[0].lower()
        if first in {"if", "whether"}:
            shape = "whether"
            text = "whether " + text.split(" ", 1)[1] if " " in text else text
        elif first in _WH_START:
            shape = "direct"
        else:
            text = re.sub(r"^(?:about|abt|re:?)\s+", "", text, flags=re.I)
            # A bare link: ask about the link, never start a sentence with it.
            text = "about " + (_with_article(text) or "this link")
    elif kind == "wish_said":
        text = _lower_first(text)
        fumbled = _PREFIX["fumble"].match(text)
        if fumbled:
            # "fumbled the q on CAP theorem" is about CAP theorem.
            text = text[fumbled.end() :]
            text = re.sub(
                r"^(?:the\s+)?(?:question|q)\s+(?:on|about|re:?)\s+", "", text, flags=re.I
            )
            if text.lower().endswith(("question", "questions")):
                text = _with_article(text)
            shape = "fumble"
        else:
            # What is left is what they meant to say: "my a11y audit work" (a noun phrase),
            # "i led the migration" or "led the migration" (something they did).
            text = _lower_first(_PREFIX["wish_said"].sub("", text))
            first = text.split(" ", 1)[0].lower()
            if first in {"i", "we"} or first in _CONTRACTED_SUBJECTS:
                shape = "clause"
            elif first in _IRREGULAR_PAST or (_is_verb_start(first) and first.endswith("ed")):
                text = "I " + text
                shape = "clause"
            elif first[:1].isdigit() or text.lower().endswith(_OWN_THINGS):
                text = "my " + text  # "5 yrs of go", "leadership exp": the candidate's own
    if not text and not urls:
        return None
    if formal:
        text = _expand_contractions(text).replace("!", "")
    text = _CALENDAR.sub(lambda m: m.group(0).capitalize(), text)
    text = _dedupe_words(_tidy_spacing(_lower_first(text))).strip(" ,;:")
    if shape == "np" and kind in ("topic", "other", "their_work"):
        text = _with_article(text)
    if kind == "promise":
        text = _with_article(text, single=True)
    return _Jot(kind=kind, text=text, shape=shape, urls=urls)


def _with_article(text: str, *, single: bool = False) -> str:
    """Add "the" to a bare noun phrase ("kafka migration" -> "the kafka migration")."""
    words = text.split(" ")
    if not text or (len(words) < 2 and not single):
        return text
    first = words[0].lower()
    if first in _DETERMINERS or first[:1].isdigit() or first.endswith("ing") or "'" in first:
        return text
    if first in _SUBJECTS or first in _AUX:
        return text
    if words[0][:1].isupper() and not words[0].isupper() and first not in _COMMON_FIRST:
        return text  # a proper name leads: "Ohio State football"
    head = []
    for word in words:
        if word.lower() in _PREPOSITIONS - {"vs"}:
            break
        head.append(word.lower().rstrip(",;:"))
    last = head[-1] if head else first
    if last.endswith("ing") or last in _MASS_NOUNS:
        return text
    if _is_plural(last) and not single:
        return text  # "feature flags and gradual rollouts" reads better without "the"
    return "the " + text


def _is_plural(word: str) -> bool:
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _SINGULAR_S
        and len(word) > 3
    )


def _head_is_plural(text: str) -> bool:
    head = []
    for word in text.split(" "):
        if word.lower() in _PREPOSITIONS:
            break
        head.append(word.lower())
    return bool(head) and _is_plural(head[-1].strip(",;:()"))


def _trim(text: str, limit: int) -> str:
    """Shorten a long jot at a natural break, never mid-link, ending on a content word."""
    words = text.split(" ")
    if len(words) <= limit:
        return text
    cut = words[:limit]
    for i in range(len(cut) - 1, limit // 2, -1):
        if cut[i].endswith((",", ";")) or (i + 1 < len(words) and words[i + 1] in {"and", "but"}):
            cut = cut[: i + 1]
            break
    stop = _DETERMINERS | _PREPOSITIONS | _SUBJECTS | _AUX | {"but", "so", "because", "that"}
    while len(cut) > 1 and cut[-1].lower().strip(",;:") in stop:
        cut.pop()
    return " ".join(cut).strip(" ,;:")


# --------------------------------------------------------------------------------------------
# Phrasings. Every pool holds eight distinct sentences; no sentence appears in two pools.
# Tuples are (noun phrase, clause[, fumbled answer]) forms of the same idea.
# --------------------------------------------------------------------------------------------

_THANKS = {
    "warm": (
        "Thank you for taking the time to talk with me about {role_at}.",
        "Thanks so much for meeting with me about {role_at}; I really enjoyed it.",
        "I'm grateful for the time you gave me during my interviews for {role_at}.",
        "Thank you for speaking with me about {role_at} and for making the conversation so easy.",
        "Thanks for the time you spent with me on {role_at}; it was a real pleasure.",
        "It was great to meet you while interviewing for {role_at}, and thank you for your time.",
        "Thank you for giving me your time to discuss {role_at}.",
        "I really appreciated the time you set aside to talk with me about {role_at}.",
    ),
    "formal": (
        "Thank you for taking the time to meet with me regarding {role_at}.",
        "I am grateful for the time you dedicated to my interview for {role_at}.",
        "Thank you for speaking with me about {role_at}; I appreciated the opportunity.",
        "I would like to thank you for your time during my interview for {role_at}.",
        "Thank you very much for meeting with me to discuss {role_at}.",
        "I sincerely appreciate the time you took to discuss {role_at} with me.",
        "Please accept my thanks for your time during my interview for {role_at}.",
        "It was a privilege to speak with you about {role_at}, and I thank you for your time.",
    ),
    "brief": (
        "Thanks for your time on {role_at}.",
        "Thank you for meeting with me about {role_at}.",
        "Thanks for talking with me about {role_at}.",
        "I appreciated your time on {role_at}.",
        "Thank you for the conversation about {role_at}.",
        "Many thanks for your time discussing {role_at}.",
        "Thanks for making time to discuss {role_at}.",
        "Thank you for interviewing me for {role_at}.",
    ),
}

_DETAIL_FIRST = {
    "topic": (
        ("I really enjoyed our conversation about {x}.", "I really enjoyed hearing that {x}."),
        (
            "A highlight of the day for me was our discussion of {x}.",
            "A highlight of the day for me was hearing that {x}.",
        ),
        ("It was helpful to have you walk me through {x}.", "It was good to learn that {x}."),
        (
            "Since we spoke, I have kept thinking about {x}.",
            "Since we spoke, I have often thought back to hearing that {x}.",
        ),
        (
            "The part of the day I enjoyed most was talking through {x}.",
            "The part of the day I enjoyed most was hearing that {x}.",
        ),
        (
            "Hearing your perspective on {x} gave me a lot to think about.",
            "Hearing that {x} gave me a lot to think about.",
        ),
        (
            "I found it especially useful to hear your take on {x}.",
            "I found it especially useful to hear that {x}.",
        ),
        ("I valued your view on {x}.", "I valued learning that {x}."),
    ),
    "their_work": (
        ("It was inspiring to hear about {x}.", "It was inspiring to hear that {x}."),
        ("I enjoyed learning more about {x}.", "I enjoyed learning that {x}."),
        (
            "Hearing about {x} gave me a clear picture of the work ahead.",
            "Hearing that {x} gave me a clear picture of the work ahead.",
        ),
        ("I was impressed by what you shared about {x}.", "I was impressed to learn that {x}."),
        ("I was glad you told me about {x}.", "I was glad to hear that {x}."),
        ("I came away impressed by {x}.", "I came away impressed that {x}."),
        ("It was fascinating to hear you describe {x}.", "It was fascinating to hear how {x}."),
        ("I was struck by what you said about {x}.", "I was delighted to hear that {x}."),
    ),
    # Something they made (a blog post, a talk, a library): the candidate enjoyed it, never
    # "you made it sound exciting".
    "made": (
        "I enjoyed {x}.",
        "It was a pleasure to hear about {x}.",
        "I was glad to learn about {x}.",
        "I am looking forward to spending more time with {x}.",
        "{x} is now on my list.",
        "I came away keen to explore {x}.",
        "It was fascinating to hear about {x}.",
        "I was delighted to hear about {x}.",
    ),
    # Common ground that is only a fragment ("same uni (UW)") follows a colon as typed.
    "common_ground": (
        (
            "I was pleasantly surprised to discover we have something in common: {x}.",
            "I was pleasantly surprised to discover that {x}.",
        ),
        ("It was fun to find out we share something: {x}.", "It was fun to find out that {x}."),
        (
            "I enjoyed the moment we found common ground: {x}.",
            "I enjoyed the moment we realised {x}.",
        ),
        ("I smiled when we found our common ground: {x}.", "I smiled when it came up that {x}."),
        (
            "One thing I enjoyed was finding that we share something: {x}.",
            "One thing I enjoyed was finding out that {x}.",
        ),
        (
            "Finding something in common was a treat: {x}.",
            "Finding out that {x} was a real treat.",
        ),
        (
            "Our conversation had a lovely personal moment, too: {x}.",
            "Our conversation had a lovely moment when we found out that {x}.",
        ),
        ("I appreciated finding some common ground: {x}.", "I appreciated finding out that {x}."),
    ),
    # A detail that is neither a topic nor a clean clause ("the office has a rooftop garden",
    # "I loved the team lunch") follows a neutral lead-in.
    "note": (
        "One detail from the day has stayed with me: {x}.",
        "Something from our conversation stood out to me: {x}.",
        "I made a note of one thing in particular: {x}.",
        "One part of the day I keep coming back to: {x}.",
        "One thing I remember fondly from the day: {x}.",
        "A small detail that has stuck with me: {x}.",
        "Looking back on the day, one thing stands out: {x}.",
        "I left with one detail firmly in mind: {x}.",
    ),
}
_DETAIL_ALSO = {
    "topic": (
        ("I also enjoyed touching on {x}.", "I was also glad to hear that {x}."),
        ("It was good to talk about {x} as well.", "It was interesting, too, to hear that {x}."),
        ("It was a pleasure to get into {x} as well.", "I was glad to learn, as well, that {x}."),
        (
            "I also appreciated the chance to discuss {x}.",
            "I was also interested to learn that {x}.",
        ),
        ("Thanks as well for covering {x}.", "I also took note that {x}."),
        ("Our exchange on {x} was valuable too.", "It also helped to hear that {x}."),
        ("I am also glad we made time for {x}.", "I was pleased to hear, too, that {x}."),
        (
            "It was just as interesting to exchange views on {x}.",
            "Equally interesting was hearing that {x}.",
        ),
    ),
    "their_work": (
        ("I was also interested to hear about {x}.", "I was also interested to hear that {x}."),
        ("I was glad to learn about {x} as well.", "I was glad to learn, too, that {x}."),
        ("I also appreciated hearing about {x}.", "I also appreciated hearing that {x}."),
        ("What you said about {x} struck me too.", "It struck me, too, that {x}."),
        ("Thanks also for describing {x}.", "Thanks also for mentioning that {x}."),
        (
            "Some time, I would love to hear more about {x}.",
            "I would love to hear more some time about how {x}.",
        ),
        ("I am also curious to learn more about {x}.", "I was also glad to learn that {x}."),
        (
            "I also keep coming back to what you said about {x}.",
            "It stuck with me as well that {x}.",
        ),
    ),
    "made": (
        "I am keen to look at {x} as well.",
        "It was good to hear about {x} too.",
        "I was glad to learn about {x} as well.",
        "{x} is also on my list now.",
        "Thanks, too, for mentioning {x}.",
        "I also look forward to exploring {x}.",
        "I would also like to hear more about {x}.",
        "I also made a note of {x}.",
    ),
    "common_ground": (
        (
            "We also found a second thing in common: {x}.",
            "It was nice to find out as well that {x}.",
        ),
        ("Another shared interest came up, too: {x}.", "It was fun to hear, as well, that {x}."),
        ("And there was one more thing we share: {x}.", "I also enjoyed finding out that {x}."),
        (
            "It was a nice touch to find one more connection: {x}.",
            "I also liked discovering that {x}.",
        ),
        ("We also have this in common: {x}.", "It was a nice surprise, too, that {x}."),
        ("There was another connection, too: {x}.", "I was also glad to discover that {x}."),
        ("I also liked finding one more thing in common: {x}.", "It also made me smile that {x}."),
        (
            "Another nice moment was finding this in common: {x}.",
            "I also enjoyed learning that {x}.",
        ),
    ),
    "note": (
        "I also noted this: {x}.",
        "Another thing that stood out: {x}.",
        "And one more detail: {x}.",
        "I also remember this part well: {x}.",
        "Something else that stayed with me: {x}.",
        "One more highlight: {x}.",
        "Another small highlight: {x}.",
        "One more thing I noticed: {x}.",
    ),
}

# Endings that read the same after one thing or several ("here are the slides...").
_PROMISE_ENDINGS = (
    "",
    ", as we discussed",
    ", as I mentioned when we spoke",
    ", for reference",
    ", following on from our conversation",
    ", if you would like to take a look",
    ", so you have everything in one place",
    ", for when you have time",
)

# (direct question, indirect "whether ..." or "about ...").
_QUESTION_FIRST = (
    ("I also wanted to ask: {x}?", "Could you tell me {x}?"),
    ("One question I did not get to ask: {x}?", "Would you be able to tell me {x}?"),
    ("I left with one more question: {x}?", "Would you be happy to tell me {x}?"),
    ("If you have a moment, I am curious: {x}?", "If you have a moment, could you tell me {x}?"),
    ("A follow-up question, if I may: {x}?", "If I may follow up, could you let me know {x}?"),
    ("Something I meant to ask: {x}?", "When you have a moment, could you let me know {x}?"),
    ("I am still wondering: {x}?", "Might you be able to tell me {x}?"),
    ("There is one thing I would love to ask: {x}?", "Would you mind letting me know {x}?"),
)
_QUESTION_ALSO = (
    ("And one more: {x}?", "Could you also tell me {x}?"),
    ("I am also curious: {x}?", "Would you also be able to tell me {x}?"),
    ("A second question, if that is all right: {x}?", "Could I also ask {x}?"),
    ("One more thing I wondered: {x}?", "Could you also let me know {x}?"),
    ("Also, I was wondering: {x}?", "Might you also tell me {x}?"),
    ("And finally: {x}?", "Lastly, could you let me know {x}?"),
    ("One more, if I may: {x}?", "If you have time, could you also tell me {x}?"),
    ("A last question: {x}?", "One last thing: could you tell me {x}?"),
)

# (what they meant to say as a noun phrase, as a clause, a question they answered poorly).
_WISH_FIRST = (
    (
        "One thing I didn't get to: {x}.",
        "I wanted to add that {x}.",
        "I wanted to come back to {x}, as my answer on the day did not do it justice.",
    ),
    (
        "There is one more point I would have liked to raise: {x}.",
        "I would like to add that {x}.",
        "I did not do {x} justice on the day, and I would be glad to revisit it.",
    ),
    (
        "I should also have mentioned {x}.",
        "One more thing I wanted to add: {x}.",
        "I would welcome the chance to say more about {x}.",
    ),
    (
        "When we spoke, I meant to bring up {x}.",
        "I did not get the chance to say that {x}.",
        "On reflection, there is more I would like to say about {x}.",
    ),
    (
        "There is one more thing I meant to mention: {x}.",
        "Something I meant to add is that {x}.",
        "Since I explained it less clearly than I meant to, I would like to revisit {x}.",
    ),
    (
        "I would also like to highlight {x}.",
        "It is also worth adding that {x}.",
        "After our conversation I gave more thought to {x}.",
    ),
    (
        "On the day, I forgot to mention {x}.",
        "I forgot to mention on the day that {x}.",
        "Given more time to think, I can now say more about {x}.",
    ),
    (
        "I also wanted to point out {x}.",
        "I wanted to add, too, that {x}.",
        "My answer was rushed, and I would value the chance to expand on {x}.",
    ),
)
_WISH_ALSO = (
    (
        "I would also point to {x}.",
        "I also meant to say that {x}.",
        "I would also like another go at {x}.",
    ),
    (
        "I could also have mentioned {x}.",
        "It is also worth knowing that {x}.",
        "I would also like to revisit {x}.",
    ),
    (
        "Another point worth adding is {x}.",
        "It may also help to know that {x}.",
        "I would also like to say more about {x}.",
    ),
    ("I also left out {x}.", "I also left out that {x}.", "I also have more to say now about {x}."),
    (
        "It is also worth mentioning {x}.",
        "It also seems worth saying that {x}.",
        "I also undersold myself on {x}.",
    ),
    (
        "I would also add {x}.",
        "I should add as well that {x}.",
        "I would also gladly revisit {x}.",
    ),
    (
        "I can also point to {x}.",
        "One more point: {x}.",
        "I can also say more than I did about {x}.",
    ),
    (
        "I also meant to bring up {x}.",
        "I also meant to mention that {x}.",
        "I would like to expand as well on {x}.",
    ),
)
# With no notes on a person, say nothing they could not recognise: no invented topics.
_GENERIC = (
    "I enjoyed learning more about the team and the work ahead.",
    "Talking with you gave me a clearer picture of the team.",
    "I came away with a much better sense of how the team works.",
    "Meeting you made the role feel more concrete to me.",
    "I was glad of the chance to hear your perspective.",
    "It was a pleasure to learn a little about your work.",
    "Our conversation left me with plenty to think about.",
    "Thank you as well for taking the time to answer my questions.",
)
_TITLE = (
    "{title} with you was time well spent.",
    "The time we spent in {title} was a highlight for me.",
    "Working through {title} with you was a pleasure.",
    "I found {title} both challenging and enjoyable.",
    "I appreciated the care you put into {title}.",
    "{title} gave me a better sense of the team's standards.",
    "I appreciated the way you ran {title}.",
    "I learned a lot from {title} with you.",
)
_FIT = (
    "{fit}, so the challenges of the role feel familiar.",
    "{fit}, which is a large part of why this role appeals to me.",
    "{fit}, and I would bring that to {company}.",
    "Because {fit}, I could contribute to the team quickly.",
    "{fit}, so I know the kind of challenges ahead.",
    "{fit}, and I think that would carry over well here.",
    "It may help to know that {fit}, which maps closely onto the role.",
    "{fit}, so I could be useful to {company} early on.",
)
_FIT_GENERIC = (
    "Everything I heard made me more confident that my experience would let me contribute "
    "from the start.",
    "I believe my background would let me add value to {company} quickly.",
    "The more I learned, the more the role felt like a natural next step for my skills.",
    "I am confident that my experience would transfer well to the challenges ahead.",
    "I left convinced that my skills are a good match for what the team needs.",
    "The role fits closely with the work I do best.",
    "I can see myself contributing meaningfully to {company} early on.",
    "Our conversation confirmed that the role is a strong match for my strengths.",
)
_INTEREST = (
    "I am very interested in the role and in joining {company}.",
    "Our conversation made me even more enthusiastic about joining {company}.",
    "I left the interview more excited about the opportunity than when I arrived.",
    "The role remains at the top of my list, and I am keen to take the next step.",
    "{company} is a place where I believe I could do excellent work.",
    "I remain genuinely excited about the chance to join the team.",
    "My interest in the role has only grown since we spoke.",
    "I am enthusiastic about the work ahead and the people I met.",
)
_TEAM = (
    "It was clear how much care the team puts into its craft, and that is the kind of "
    "environment where I do my best work.",
    "I appreciated the honesty and warmth I saw throughout the process.",
    "How the team collaborates is exactly what I am looking for.",
    "I was impressed by how thoughtfully the process was run.",
    "Everyone I spoke with seemed to genuinely enjoy working together, which says a lot.",
    "I came away with real respect for the standards the team holds itself to.",
    "Seeing how the team approaches problems made the role feel like a natural fit.",
    "I could tell that the team takes both its craft and its people seriously.",
)
_PROCESS = (
    "It was helpful to learn more about how the team works.",
    "Hearing more about the role itself was genuinely useful.",
    "Learning about the team first-hand was the best part of the day.",
    "Getting to know the team a little better was worthwhile.",
    "It was good to see the role from the team's side.",
    "Meeting the people behind the role made it much more real.",
    "The day gave me a much fuller view of the position.",
    "I found it valuable to see how the team thinks about its work.",
)
_CONTRIBUTE = (
    "I would welcome the chance to help the team with the work ahead.",
    "I can already picture the first problems I would like to dig into.",
    "I would bring curiosity, care and steady delivery to the work.",
    "I enjoy problems of this kind and would be glad to take them on.",
    "I am keen to learn from the people I met and to contribute in return.",
    "The challenges ahead are the kind I find most rewarding.",
    "I would be glad to put my experience to work on the team's next steps.",
    "The team's approach matches how I like to operate.",
)
_CLOSING = {
    "warm": (
        "I'm looking forward to hearing about the next steps.",
        "I look forward to staying in touch, and I hope we talk again soon.",
        "I'd be glad to share anything else that would help, and I look forward to hearing "
        "from you.",
        "I'm excited about what comes next and look forward to your news.",
        "Thanks again, and I hope our paths cross before long.",
        "I look forward to continuing the conversation.",
        "If anything else would be useful from my side, I'm happy to send it over.",
        "Wishing you a good rest of the week, and I look forward to hearing from you.",
    ),
    "formal": (
        "I look forward to hearing from you regarding the next steps.",
        "Should you need any further information, I would be happy to provide it.",
        "I look forward to the possibility of continuing our conversation.",
        "Thank you again for your consideration, and I look forward to your reply.",
        "I would welcome the opportunity to discuss the role further.",
        "Please let me know if you have any further questions.",
        "I look forward to learning about the next stage of the process.",
        "With thanks again, I look forward to hearing from you.",
    ),
    "brief": (
        "Looking forward to the next steps.",
        "Hope to speak again soon.",
        "I look forward to hearing from you.",
        "Happy to share anything else you need.",
        "Talk soon, I hope.",
        "Looking forward to your news.",
        "Thanks again for your time.",
        "I'd welcome another conversation soon.",
    ),
}

_WRAP_THANKS = (
    "Thank you for arranging my interviews for {role_at}; the day ran smoothly from start to "
    "finish.",
    "Thank you for putting together such a well-run day of interviews for {role_at}.",
    "I am grateful for all the coordination behind my interviews for {role_at}.",
    "Thank you for arranging the day and for keeping me informed about {role_at} throughout.",
    "Many thanks for setting up my interviews for {role_at}; everything was clear and well "
    "planned.",
    "Thank you for looking after me during the interview day for {role_at}.",
    "I really appreciated how smoothly you arranged my interviews for {role_at}.",
    "Thank you for coordinating every part of my interviews for {role_at}.",
)
_MET = (
    "It was a pleasure to meet {names}.",
    "Speaking with {names} was a real pleasure.",
    "Meeting {names} gave me a rounded view of the team.",
    "I appreciated the time {names} gave me.",
    "I came away impressed by my conversations with {names}.",
    "The conversations with {names} were a real highlight.",
    "I valued the chance to speak with {names}.",
    "Thank you for introducing me to {names}.",
)
_MET_NOBODY = "It was a pleasure to speak with you about the role."
_PASS_NAMED = (
    "I do not have an email address for {names}, so I would be grateful if you could pass my "
    "thanks on.",
    "Could you pass my thanks to {names}? I do not have a way to reach them directly.",
    "As I do not have contact details for {names}, would you mind passing on my thanks?",
    "If you could share my thanks with {names}, whose email I do not have, that would be very "
    "kind.",
    "I would be grateful if you could thank {names} on my behalf, as I have no email address "
    "for them.",
    "Would you be able to pass my thanks along to {names}? I was not able to get their contact "
    "details.",
    "I was not able to note an email address for {names}, so I would appreciate it if you "
    "could thank them for me.",
    "Please pass my thanks to {names}, as I do not have a direct address for them.",
)

_CARD_THANKS = (
    "Thank you for your time and for a wonderful conversation about {role_at}.",
    "Thank you so much for meeting with me about {role_at}.",
    "I truly appreciated our time together while I interviewed for {role_at}.",
    "Many thanks for speaking with me about {role_at}.",
    "Thank you for making my interview for {role_at} such a pleasure.",
    "I am grateful for the time you gave me during my visit for {role_at}.",
    "It was a real pleasure to meet you while interviewing for {role_at}.",
    "Thank you kindly for your time and insight on {role_at}.",
)
_CARD_WRAP_THANKS = (
    "Thank you for arranging such a smooth interview day for {role_at}.",
    "Thank you for all your help organising my visit for {role_at}.",
    "I am so grateful for the care you put into my interview day for {role_at}.",
    "Many thanks for coordinating my interviews for {role_at}.",
    "Thank you for looking after every detail of my visit for {role_at}.",
    "I truly appreciated your help in arranging my interviews for {role_at}.",
    "Thank you for guiding me through the interview day for {role_at}.",
    "It meant a lot that my interview day for {role_at} was so well arranged.",
)
_CARD_DETAIL = (
    ("I keep thinking about {x}.", "I was glad to learn that {x}."),
    ("What stayed with me was our chat about {x}.", "It stayed with me that {x}."),
    ("I loved hearing about {x}.", "I loved finding out that {x}."),
    ("A highlight was our chat about {x}.", "A highlight was learning that {x}."),
    ("I enjoyed our exchange on {x}.", "I enjoyed finding out that {x}."),
    ("It was a real treat to hear about {x}.", "It was a treat to learn that {x}."),
    ("I am still thinking about what you said about {x}.", "I was delighted to learn that {x}."),
    ("It was a joy to chat about {x}.", "It was a joy to discover that {x}."),
)
_CARD_NOTE = (
    "One thing I will remember: {x}.",
    "A detail that stayed with me: {x}.",
    "A small thing I noticed: {x}.",
    "I still smile about this: {x}.",
    "A bright spot of the day: {x}.",
    "What stuck with me most: {x}.",
    "I keep coming back to this: {x}.",
    "A happy memory from the day: {x}.",
)
# (what they meant to say, a question they answered poorly).
_CARD_WISH = (
    ("I have also followed up by email on one more point: {x}.", "My email includes more on {x}."),
    ("My email adds one more thought: {x}.", "I have emailed some further thoughts on {x}."),
    (
        "I have emailed one thing I forgot to mention: {x}.",
        "I have since written up my thoughts on {x}.",
    ),
    (
        "I added a note by email about one more thing: {x}.",
        "By email I have sent a clearer take on {x}.",
    ),
    ("I followed up on one point by email: {x}.", "I followed up by email with more on {x}."),
    (
        "There was one more thing I wanted to say, so I wrote it up: {x}.",
        "I wrote up a few more thoughts on {x}.",
    ),
    ("My follow-up email covers one more point: {x}.", "My follow-up email revisits {x}."),
    ("I sent one more thought by email: {x}.", "I sent a few more thoughts on {x} by email."),
)

_CARD_GENERIC = (
    "It was a real pleasure to meet you.",
    "I enjoyed our conversation very much.",
    "I am grateful for the time you took to talk with me.",
    "Meeting you was a highlight of my day.",
    "I left our conversation with a lot to think about.",
    "I was glad to hear your perspective on the team.",
    "Our conversation made the role feel more real to me.",
    "Thank you for making me feel welcome.",
)
_CARD_CLOSE = (
    "I hope our paths cross again soon.",
    "I look forward to staying in touch.",
    "I hope to continue the conversation.",
    "I remain very excited about the role.",
    "Wishing you a lovely week ahead.",
    "I hope to see you again before long.",
    "I look forward to what comes next.",
    "I hope the rest of your week goes well.",
)

_SUBJECTS_EMAIL = (
    "Thank you, {first}",
    "Thanks for your time, {first}",
    "Thank you for the conversation, {first}",
    "Following up on our conversation, {first}",
    "{role} interview: thank you, {first}",
    "Thank you from {candidate}",
    "Great speaking with you, {first}",
    "With thanks, {first}",
)
_SUBJECTS_WRAP = (
    "Thank you for arranging my {role} interviews",
    "Thanks for a smooth interview day, {first}",
    "{role} interviews: thank you, {first}",
    "Thank you for organising the day, {first}",
    "With thanks for arranging my visit, {first}",
    "Thank you from {candidate}: {role} interviews",
    "Thank you for coordinating my interviews, {first}",
    "Following up after my {role} interviews",
)
# A formal note changes more than its greeting and sign-off: these phrasings replace the
# friendlier ones, slot for slot, so a formal panel stays just as distinct.
_FORMAL = {
    "I really enjoyed our conversation about {x}.": "I particularly valued our conversation "
    "about {x}.",
    "I really enjoyed hearing that {x}.": "I was particularly interested to hear that {x}.",
    "{x} is now on my list.": "I look forward to studying {x}.",
    "It was fun to find out we share something: {x}.": "It was a pleasure to find that we share "
    "an interest: {x}.",
    "It was fun to find out that {x}.": "It was a pleasure to discover that {x}.",
    "I enjoyed the moment we found common ground: {x}.": "I was glad to find that we have "
    "common ground: {x}.",
    "I enjoyed the moment we realised {x}.": "I also enjoyed discovering that {x}.",
    "I smiled when we found our common ground: {x}.": "I was pleased to find common ground: {x}.",
    "I smiled when it came up that {x}.": "I was pleased to learn that {x}.",
    "Finding something in common was a treat: {x}.": "Finding something in common was a "
    "pleasure: {x}.",
    "Finding out that {x} was a real treat.": "Discovering that {x} was a welcome surprise.",
    "Our conversation had a lovely personal moment, too: {x}.": "Our conversation also had a "
    "personal note: {x}.",
    "Our conversation had a lovely moment when we found out that {x}.": "I was delighted to "
    "discover that {x}.",
    "It was fun to hear, as well, that {x}.": "It was a pleasure to hear, as well, that {x}.",
    "It was a nice touch to find one more connection: {x}.": "It was good to find one more "
    "connection: {x}.",
    "It was a nice surprise, too, that {x}.": "It was a welcome surprise, too, that {x}.",
    "It also made me smile that {x}.": "I was also pleased to learn that {x}.",
    "Another nice moment was finding this in common: {x}.": "Another pleasant moment was "
    "finding this in common: {x}.",
    "One thing I remember fondly from the day: {x}.": "One thing I remember well from the "
    "day: {x}.",
    "Thanks as well for covering {x}.": "I am grateful as well that we covered {x}.",
    "Thanks also for describing {x}.": "I am also grateful that you described {x}.",
    "Thanks also for mentioning that {x}.": "I also appreciated learning that {x}.",
    "Thanks, too, for mentioning {x}.": "I also appreciated your mention of {x}.",
    "One thing I didn't get to: {x}.": "One point I did not get to: {x}.",
    "I loved hearing about {x}.": "I greatly enjoyed hearing about {x}.",
    "I loved finding out that {x}.": "I was pleased to find out that {x}.",
    "It was a real treat to hear about {x}.": "It was a privilege to hear about {x}.",
    "It was a treat to learn that {x}.": "It was a privilege to learn that {x}.",
    "It was a joy to chat about {x}.": "It was a great pleasure to discuss {x}.",
    "It was a joy to discover that {x}.": "It was a great pleasure to discover that {x}.",
    "What stayed with me was our chat about {x}.": "What stayed with me was our discussion of {x}.",
    "A highlight was our chat about {x}.": "A highlight was our discussion of {x}.",
    "I still smile about this: {x}.": "I still think fondly of this: {x}.",
    "A happy memory from the day: {x}.": "A fond memory from the day: {x}.",
    "Wishing you a lovely week ahead.": "I wish you a pleasant week ahead.",
    "I appreciated the honesty and warmth I saw throughout the process.": "I appreciated the "
    "openness and courtesy I saw throughout the process.",
    "Thank you for your time and for a wonderful conversation about {role_at}.": "Thank you "
    "for your time and for an illuminating conversation about {role_at}.",
    "Thank you so much for meeting with me about {role_at}.": "Thank you very much for "
    "meeting with me regarding {role_at}.",
    "Thanks for a smooth interview day, {first}": "Thank you for a well-organised interview "
    "day, {first}",
    "Thank you for arranging such a smooth interview day for {role_at}.": "Thank you for "
    "arranging such an orderly interview day for {role_at}.",
    "I am so grateful for the care you put into my interview day for {role_at}.": "I am most "
    "grateful for the care you put into my interview day for {role_at}.",
    "Thank you for looking after me during the interview day for {role_at}.": "Thank you for "
    "your assistance during the interview day for {role_at}.",
    "I really appreciated how smoothly you arranged my interviews for {role_at}.": "I "
    "appreciated how smoothly you arranged my interviews for {role_at}.",
    # Subjects.
    "Thanks for your time, {first}": "Thank you for your time, {first}",
    "Following up on our conversation, {first}": "Following up on my {role} interview",
    "Great speaking with you, {first}": "Thank you: {role} interview",
    "With thanks, {first}": "With appreciation for your time, {first}",
}

_VALEDICTION = {"warm": "Warm regards,", "formal": "Kind regards,", "brief": "Best,"}
_CARD_VALEDICTION = {"warm": "Warmly,", "formal": "With sincere thanks,", "brief": "Best,"}

_HONORIFICS = {"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "miss"}
_TITLE_ENDINGS = (
    "interview", "chat", "call", "round", "screen", "session", "panel", "conversation",
    "loop", "lunch", "meeting", "review", "exercise", "presentation", "walkthrough",
)  # fmt: skip


def word_count(text: str) -> int:
    """Words as a reader counts them: whitespace-separated tokens."""
    return len(text.split())


def first_name(name: str) -> str:
    """First name, skipping honorifics: "Dr. Priya Natarajan" -> "Priya"."""
    words = [w for w in (name or "").replace(",", " ").split() if w]
    for word in words:
        if word.lower().rstrip(".") not in _HONORIFICS:
            return word
    return words[0] if words else ""


def _full_name(name: str) -> str:
    return " ".join((name or "").split())


def _greeting(person: Person, profile: Profile) -> str:
    """The greeting line.

    First-name style: "Hi Dana," ("Dear Dana," in a formal note). Honorific style: a title in
    the name is used ("Dear Dr. Natarajan,"); without one, a formal note says "Dear Dana Rivera,"
    and a warm or brief one "Dear Dana,", since a full name reads stiffly in a friendly note.
    """
    full = _full_name(person.name)
    if not full:
        return "Hello,"
    first = first_name(full)
    if profile.greeting_style == "honorific":
        words = full.split(" ")
        title = words[0].rstrip(".").lower()
        if len(words) >= 2 and title in _HONORIFICS and title not in {"sir", "dame"}:
            honorific = words[0].rstrip(".").capitalize()
            dot = "" if honorific == "Miss" else "."
            return f"Dear {honorific}{dot} {words[-1]},"
        if profile.tone == "formal":
            return f"Dear {full},"
        return f"Dear {first},"
    if profile.tone == "formal":
        return f"Dear {first},"
    return f"Hi {first},"


def _short_names(people: Sequence[Person]) -> list[str]:
    """First names for a list of people met ("Dana, Tom and Sam"); a full name only where two
    people share a first name."""
    firsts = [first_name(p.name).lower() for p in people]
    return [
        first_name(p.name) if firsts.count(f) == 1 else _full_name(p.name)
        for p, f in zip(people, firsts, strict=True)
    ]


def _names(names: Sequence[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _role_phrase(job: Job) -> str:
    role = " ".join(job.role.split()).rstrip(".")
    company = " ".join(job.company.split()).rstrip(".")
    if not role:
        phrase = "the role"
    elif re.search(r"\b(role|position|job|opening|post)$", role, re.IGNORECASE):
        phrase = f"the {role}"
    else:
        phrase = f"the {role} role"
    return f"{phrase} at {company}" if company else phrase


def _interview_phrase(title: str) -> str:
    title = " ".join(title.split()).strip(" .")
    if not title:
        return ""
    words = title.split(" ")
    if words[0][:1].isupper() and words[0][1:].islower() and words[0].lower() != "i":
        title = words[0].lower() + title[len(words[0]) :]
    if words[0].lower() == "the":
        title = title[4:]
    # "Coding: API design" reads as "the coding interview (API design)" inside a sentence.
    title, _, detail = (part.strip() for part in title.partition(":"))
    if not title.lower().endswith(_TITLE_ENDINGS):
        title += " interview"
    return f"the {title} ({detail})" if detail else f"the {title}"


def _sentence(text: str) -> str:
    """One clean sentence: single spaces, no doubled words, a capital and one end mark."""
    text = _tidy_spacing(text)
    text = _dedupe_words(text)
    text = re.sub(r"([.?!])[.?!,;:]+$", r"\1", text)
    text = re.sub(r"[,;:]([.?!])$", r"\1", text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    if text and text[-1] not in ".?!":
        text += "."
    return text


def _pick(pool: Sequence, slot: int):
    entry = pool[slot % len(pool)]
    if _TONE.get() != "formal":
        return entry
    if isinstance(entry, str):
        return _FORMAL.get(entry, entry)
    return tuple(_FORMAL.get(form, form) for form in entry)


def _shape_form(entry, shape: str) -> str:
    if isinstance(entry, str):
        return entry
    if shape == "fumble" and len(entry) > 2:
        return entry[2]
    if shape in ("clause", "whether"):
        return entry[1]
    return entry[0]


_CREATIONS = {
    "post", "blog", "talk", "paper", "library", "book", "podcast", "article", "keynote",
    "newsletter", "video", "course", "essay", "thesis", "zine", "episode", "tutorial", "slides",
    "deck", "presentation", "sdk", "package", "framework", "lib", "writeup", "write-up", "repo",
    "workshop", "webinar", "guide", "chapter", "series", "column", "demo", "screencast",
}  # fmt: skip


def _is_creation(text: str) -> bool:
    """A noun phrase naming something the person made: "your blog post on on-call rotations"."""
    head = []
    for word in text.split(" "):
        if word.lower() in _PREPOSITIONS or word.startswith("("):
            break
        head.append(word.lower().strip(",;:"))
    return any(word in _CREATIONS or word.rstrip("s") in _CREATIONS for word in head)


def _detail_group(jot: _Jot) -> str:
    if jot.shape == "note" and jot.kind != "common_ground":
        return "note"
    if jot.kind == "their_work" and jot.shape == "np" and _is_creation(jot.text):
        return "made"
    return "topic" if jot.kind == "other" else jot.kind


def _render_detail(jot: _Jot, ordinal: int, slot: int, limit: int) -> str:
    pools = _DETAIL_FIRST if ordinal == 0 else _DETAIL_ALSO
    group = _detail_group(jot)
    form = _shape_form(_pick(pools[group], slot), jot.shape)
    x = _trim(jot.text, limit)
    if jot.urls:
        x = _Jot(jot.kind, x, jot.shape, jot.urls).phrase()
    return _sentence(form.format(x=x))


def _render_promises(jots: Sequence[_Jot], slot: int, limit: int, formal: bool) -> str:
    """ "As promised, here is the link to X (url)" for a link; "I've attached X" for anything
    without one, since a note must never claim to include something it does not."""
    links = []
    for jot in (j for j in jots if j.urls):
        text = _trim(jot.text, limit)
        if text and not re.match(r"(?:the |a |my )?links?\b", text, re.IGNORECASE):
            text = f"the link to {text}"
        links.append(_Jot(jot.kind, text, jot.shape, jot.urls).phrase())
    files = [_trim(j.text, limit) for j in jots if not j.urls]
    ending = _pick(_PROMISE_ENDINGS, slot)
    attached = "I have attached" if formal else "I've attached"
    if not links:
        return _sentence(f"As promised, {attached} {_names(files)}{ending}.")
    verb = "are" if len(links) > 1 else "is"
    if not files:
        return _sentence(f"As promised, here {verb} {_names(links)}{ending}.")
    return _sentence(f"As promised, here {verb} {_names(links)}, and {attached} {_names(files)}.")


def _render_question(jot: _Jot, ordinal: int, slot: int, limit: int) -> str:
    entry = _pick(_QUESTION_FIRST if ordinal == 0 else _QUESTION_ALSO, slot)
    form = entry[0] if jot.shape == "direct" else entry[1]
    x = _Jot(jot.kind, _trim(jot.text, limit), jot.shape, jot.urls).phrase()
    return _sentence(form.format(x=x))


def _render_wish(jot: _Jot, ordinal: int, slot: int, limit: int) -> str:
    entry = _pick(_WISH_FIRST if ordinal == 0 else _WISH_ALSO, slot)
    form = _shape_form(entry, jot.shape)
    x = _Jot(jot.kind, _trim(jot.text, limit), jot.shape, jot.urls).phrase()
    return _sentence(form.format(x=x))


_IRREGULAR_PAST = {
    "led": "leading", "built": "building", "ran": "running", "wrote": "writing",
    "grew": "growing", "took": "taking", "gave": "giving", "drove": "driving", "won": "winning",
    "taught": "teaching", "sold": "selling", "began": "beginning", "made": "making",
    "rebuilt": "rebuilding", "rewrote": "rewriting", "set": "setting", "spun": "spinning",
    "brought": "bringing", "cut": "cutting", "oversaw": "overseeing", "did": "doing",
}  # fmt: skip


_NUMBER_WORDS = frozenset(
    [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "several",
        "many",
    ]
)


def _fit_clause(fit: str) -> str:
    """A "why I fit" line as a clause the candidate says of themselves.

    "led a kafka migration" -> "I led a kafka migration"; "eight years designing tools" ->
    "I have spent eight years designing tools"; "python and postgres" -> "I have experience in
    python and postgres"; a line that already says "I've ..." or "experience ..." is kept.
    """
    words = fit.split(" ")
    first = words[0].lower()
    if first == "i" or first.startswith("i'") or first in {"i've", "i'm"}:
        return "I" + fit[1:]
    if first in _IRREGULAR_PAST or (
        first.endswith("ed") and len(first) > 4 and first not in _NOT_VERBS_ED
    ):
        return f"I {fit}"
    if first in _NUMBER_WORDS or first[:1].isdigit():
        # "eight years designing ..." is something the candidate has spent.
        return (
            f"I have spent {fit}"
            if len(words) > 2
            and words[1].lower().startswith(("year", "yr"))
            and words[2].lower().endswith("ing")
            else f"I have {fit}"
        )
    if first in {"my", "a", "an"} or first in _OWN_THINGS:
        return f"I have {fit}" if first != "my" else f"I bring {fit}"
    if first in {"experience", "expertise"}:
        return f"I have {fit}"
    if first == "background":
        return f"I have a {fit}"
    if first.endswith("ing") and len(first) > 4:
        return f"I have experience {fit}"
    return f"I have experience in {fit}"


def _fit_lines(job: Job, formal: bool) -> list[str]:
    fits = []
    for raw in job.fit_points:
        text, _links = clean_jot(raw)
        if formal:
            text = _expand_contractions(text)
        text = _lower_first(_trim(text, 14))
        if text:
            fits.append(_fit_clause(text))
    return fits


def _fit_sentence(job: Job, slot: int, company: str, formal: bool) -> str:
    """One "why I fit" line, as a natural clause. Consecutive slots take different lines, so a
    panel no larger than the list never sees the same line twice; the frame changes too."""
    fits = _fit_lines(job, formal)
    if not fits:
        return _sentence(_pick(_FIT_GENERIC, slot).format(company=company))
    clause = fits[slot % len(fits)]
    return _sentence(_pick(_FIT, slot).format(fit=clause, company=company))


@dataclass
class _Piece:
    text: str
    paragraph: int
    drop_rank: int  # 0 = never dropped; higher numbers are dropped first


def _assemble(greeting: str, pieces: Sequence[_Piece], signoff: str) -> str:
    paragraphs: dict[int, list[str]] = {}
    for piece in pieces:
        paragraphs.setdefault(piece.paragraph, []).append(piece.text)
    middle = [" ".join(paragraphs[k]) for k in sorted(paragraphs)]
    return "\n\n".join([greeting, *middle, signoff])


def _signoff(profile: Profile, valediction: str, *, links: bool) -> str:
    name = _full_name(profile.name)
    if not links:
        return f"{valediction}\n{name}" if name else valediction
    signature_lines = [ln.strip() for ln in (profile.signature or "").splitlines() if ln.strip()]
    lines = [valediction, *(signature_lines or ([name] if name else []))]
    joined = "\n".join(lines)
    for extra in (profile.phone, profile.portfolio_url, profile.linkedin_url):
        extra = (extra or "").strip()
        if extra and extra not in joined:
            lines.append(extra)
    return "\n".join(lines)


_SENTENCE_SPLIT = re.compile(r"(?<=[.?!])\s+(?=[A-Z])")
# Verbs of liking that read as a tic when a paragraph uses one twice, and what replaces the
# second one.
_LIKING = re.compile(r"\b(enjoyed|appreciated|valued|loved|liked)\b", re.IGNORECASE)
_LIKING_SWAP = {
    "enjoyed": ("liked", "relished"),
    "appreciated": ("valued", "welcomed"),
    "valued": ("appreciated", "welcomed"),
    "loved": ("liked", "relished"),
    "liked": ("enjoyed", "relished"),
}
# Lead-ins for a sentence that would otherwise open like an earlier one ("It was ... It was").
_CONNECTIVES = ("Beyond that,", "Separately,", "In addition,", "On a related note,")
_CLOSING_CONNECTIVES = ("Finally,", "Meanwhile,")


def _openers(text: str) -> set[tuple[str, ...]]:
    return {tuple(w.lower() for w in s.split()[:2]) for s in _SENTENCE_SPLIT.split(text) if s}


def _liking(text: str) -> set[str]:
    return {m.group(1).lower() for m in _LIKING.finditer(text)}


def _vary(pieces: Sequence[_Piece]) -> list[_Piece]:
    """The note's sentences with no two opening alike and no verb of liking twice in one
    paragraph: a later sentence takes a lead-in or a synonym. Each change is a function of the
    sentence alone, so notes that differed before still differ."""
    out: list[_Piece] = []
    for piece in pieces:
        text = piece.text
        used = set().union(*(_liking(p.text) for p in out if p.paragraph == piece.paragraph))
        for verb in sorted(_liking(text) & used):
            choice = next((w for w in _LIKING_SWAP[verb] if w not in used), None)
            if choice:
                text = re.sub(rf"\b{verb}\b", choice, text, count=1, flags=re.IGNORECASE)
                used.add(choice)
        taken = set().union(*(_openers(p.text) for p in out))
        if _openers(text.split("? ")[0]) & taken:
            pool = _CLOSING_CONNECTIVES if piece.paragraph >= 5 else _CONNECTIVES
            for lead in pool:
                word = text.split(" ", 1)[0]
                rest = text if word == "I" or word.startswith("I'") else _lower_first_word(text)
                candidate = f"{lead} {rest}"
                if not _openers(candidate) & taken:
                    text = candidate
                    break
        out.append(_Piece(text, piece.paragraph, piece.drop_rank))
    return out


_TEMPLATE_OPENERS = {
    "thank", "thanks", "one", "another", "something", "our", "equally", "everyone", "everything",
    "since", "hearing", "finding", "getting", "understanding", "working", "seeing", "speaking",
    "meeting", "discovering", "many", "please", "should", "looking", "wishing", "talk",
    "happy", "hope", "lastly", "also", "and", "a", "as", "if", "in", "on", "with", "until",
}  # fmt: skip


def _lower_first_word(text: str) -> str:
    """Lower-case a template's first word after a lead-in; a name ("Acme") keeps its capital."""
    word = text.split(" ", 1)[0].rstrip(",;:")
    if word[1:].islower() and word.lower() in _COMMON_FIRST | _TEMPLATE_OPENERS:
        return text[0].lower() + text[1:]
    return text


def _clashes(piece: _Piece, chosen: Sequence[_Piece]) -> bool:
    """True when the sentence would open like another sentence of the note, or repeat a verb of
    liking ("enjoyed", "appreciated") already used in its paragraph."""
    mine = _openers(piece.text)
    liking = _liking(piece.text)
    for other in chosen:
        if mine & _openers(other.text):
            return True
        if other.paragraph == piece.paragraph and liking & _liking(other.text):
            return True
    return False


def _fit_to_limits(
    build, jot_limits: Sequence[int], low: int, high: int, optional: Sequence[_Piece]
) -> str:
    """Add optional sentences until the note reaches `low` words; shrink until under `high`."""
    for limit in jot_limits:
        pieces = build(limit)
        extras: list[_Piece] = []
        body = build.assemble(pieces)
        for piece in optional:
            if word_count(body) >= low:
                break
            if _clashes(piece, pieces + extras):
                continue
            extras.append(piece)
            body = build.assemble(pieces + extras)
        current = pieces + extras
        while word_count(body) > high:
            droppable = [p for p in current if p.drop_rank]
            if not droppable:
                break
            worst = max(droppable, key=lambda p: (p.drop_rank, current.index(p)))
            current = [p for p in current if p is not worst]
            body = build.assemble(current)
        if word_count(body) <= high:
            return body
    return body


class _Builder:
    """Builds one note's sentences for a given jot length limit."""

    def __init__(self, greeting: str, signoff: str, make):
        self.greeting = greeting
        self.signoff = signoff
        self.make = make

    def __call__(self, limit: int) -> list[_Piece]:
        return self.make(limit)

    def assemble(self, pieces: Sequence[_Piece]) -> str:
        order = sorted(pieces, key=lambda p: p.paragraph)
        return _assemble(self.greeting, _vary(order), self.signoff)


def _jots(person: Person, formal: bool) -> list[_Jot]:
    first = first_name(person.name)
    out = []
    for point in person.points:
        jot = _read_jot(point, first, formal)
        if jot is not None:
            out.append(jot)
    return out


def _detail_sentences(jots: Sequence[_Jot], slot: int, limit: int) -> list[_Piece]:
    pieces: list[_Piece] = []
    seen: dict[str, int] = {}
    for jot in jots:
        if jot.kind not in DETAIL_KINDS:
            continue
        group = _detail_group(jot)
        ordinal = seen.get(group, 0)
        if ordinal > 1 or len(pieces) >= 3:
            continue
        seen[group] = ordinal + 1
        rank = 0 if not pieces else 3 + len(pieces)
        pieces.append(_Piece(_render_detail(jot, ordinal, slot, limit), 1, rank))
    return pieces


def _followup_sentences(
    jots: Sequence[_Jot], slot: int, limit: int, formal: bool = False
) -> list[_Piece]:
    pieces: list[_Piece] = []
    wishes = [j for j in jots if j.kind == "wish_said"][:2]
    for ordinal, jot in enumerate(wishes):
        pieces.append(_Piece(_render_wish(jot, ordinal, slot, limit), 2, 4 if ordinal else 0))
    promises = [j for j in jots if j.kind == "promise"][:3]
    if promises:
        pieces.append(_Piece(_render_promises(promises, slot, limit, formal), 2, 0))
    questions = [j for j in jots if j.kind == "question"][:2]
    for ordinal, jot in enumerate(questions):
        pieces.append(_Piece(_render_question(jot, ordinal, slot, limit), 2, 4 if ordinal else 0))
    return pieces


def _email(
    job: Job, person: Person, profile: Profile, slot: int, others: Sequence[Person]
) -> ComposedDraft:
    tone = profile.tone if profile.tone in _THANKS else "warm"
    formal = tone == "formal"
    jots = _jots(person, formal)
    generic = not jots
    organiser = person.role in ORGANISER_ROLES
    ctx = {"role_at": _role_phrase(job), "company": job.company.strip() or "your team"}
    title = _interview_phrase(person.interview_titles[0]) if person.interview_titles else ""

    def make(limit: int) -> list[_Piece]:
        pieces: list[_Piece] = []
        if organiser:
            pieces.append(_Piece(_sentence(_pick(_WRAP_THANKS, slot).format(**ctx)), 1, 0))
        else:
            pieces.append(_Piece(_sentence(_pick(_THANKS[tone], slot).format(**ctx)), 1, 0))
        details = _detail_sentences(jots, slot, limit)
        pieces.extend(details)
        if not details and not organiser:
            pieces.append(_Piece(_sentence(_pick(_GENERIC, slot)), 1, 0))
        pieces.extend(_followup_sentences(jots, slot, limit, formal))
        if organiser:
            named = [p for p in others if _full_name(p.name)]
            short = _short_names(named)
            if named:
                met = _names(short)
                pieces.append(_Piece(_sentence(_pick(_MET, slot).format(names=met)), 3, 0))
            else:
                pieces.append(_Piece(_MET_NOBODY, 3, 0))
            # Only people the candidate cannot write to need their thanks passed on.
            missing = [n for p, n in zip(named, short, strict=True) if not p.email.strip()]
            if missing:
                passing = _pick(_PASS_NAMED, slot).format(names=_names(missing))
                pieces.append(_Piece(_sentence(passing), 3, 0))
            pieces.append(_Piece(_sentence(_pick(_INTEREST, slot).format(**ctx)), 4, 0))
        else:
            pieces.append(_Piece(_fit_sentence(job, slot, ctx["company"], formal), 4, 0))
        pieces.append(_Piece(_sentence(_pick(_CLOSING[tone], slot)), 5, 0))
        return pieces

    optional: list[_Piece] = []
    if organiser:
        optional.append(_Piece(_fit_sentence(job, slot, ctx["company"], formal), 4, 2))
    else:
        optional.append(_Piece(_sentence(_pick(_INTEREST, slot).format(**ctx)), 4, 3))
    if title and not organiser:
        optional.append(_Piece(_sentence(_pick(_TITLE, slot).format(title=title)), 1, 2))
    optional.append(_Piece(_sentence(_pick(_TEAM, slot)), 4, 1))
    if not organiser and any(j.kind in DETAIL_KINDS for j in jots):
        optional.append(_Piece(_sentence(_pick(_GENERIC, slot)), 1, 1))
    optional.append(_Piece(_sentence(_pick(_PROCESS, slot)), 3 if organiser else 1, 1))
    optional.append(_Piece(_sentence(_pick(_CONTRIBUTE, slot)), 4, 1))

    greeting = _greeting(person, profile)
    signoff = _signoff(profile, _VALEDICTION[tone], links=True)
    builder = _Builder(greeting, signoff, make)
    high = _BRIEF_MAX_WORDS if tone == "brief" else EMAIL_MAX_WORDS
    body = _fit_to_limits(builder, (40, 25, 15, 8), _EMAIL_MIN_WORDS[tone], high, optional)

    fields = {
        "first": first_name(person.name) or "there",
        "role": " ".join(job.role.split()) or "job",
        "candidate": _full_name(profile.name) or "your candidate",
    }
    subject_pool = _SUBJECTS_WRAP if organiser else _SUBJECTS_EMAIL
    subject = _tidy_spacing(_pick(subject_pool, slot).format(**fields))
    subject = subject[:1].upper() + subject[1:]
    return ComposedDraft(
        contact_id=person.id,
        channel="wrapup" if organiser else "email",
        subject=subject,
        body=body,
        generic=generic,
    )


# A card is written by hand and read days later: shorthand that is fine in an email is spelled
# out.
_CARD_WORDS = {
    "db": "database", "dbs": "databases", "k8s": "Kubernetes", "infra": "infrastructure",
    "perf": "performance", "prod": "production", "repo": "repository", "repos": "repositories",
    "env": "environment", "envs": "environments", "config": "configuration",
    "auth": "authentication",
    "eng": "engineering", "devs": "developers", "dev": "developer", "ml": "machine learning",
    "mgmt": "management", "prs": "pull requests", "pr": "pull request", "a11y": "accessibility",
    "i18n": "internationalisation", "docs": "documentation", "msgs": "messages",
    "ops": "operations", "svc": "service", "svcs": "services", "arch": "architecture",
    "impl": "implementation", "algo": "algorithm", "algos": "algorithms", "stats": "statistics",
}  # fmt: skip


def _card_words(text: str) -> str:
    def spell(match: re.Match[str]) -> str:
        word = match.group(0)
        return _CARD_WORDS.get(word.lower(), word)

    return re.sub(r"(?<![\w/.-])[A-Za-z0-9]+(?![\w/-]|\.\w)", spell, text)


def _card_detail(jots: Sequence[_Jot], slot: int, limit: int) -> str | None:
    """A detail for the card. Questions and promises never go on a card: it arrives days later,
    after the email has asked and sent them."""
    details = [j for j in jots if j.kind in DETAIL_KINDS]
    if details:
        jot = details[0]
        pool = _CARD_NOTE if jot.shape == "note" else _CARD_DETAIL
        form = _shape_form(_pick(pool, slot), jot.shape)
        return _sentence(form.format(x=_card_words(_trim(jot.text, limit))))
    for jot in jots:
        x = _card_words(_trim(jot.text, limit))
        if jot.kind == "wish_said" and x:
            entry = _pick(_CARD_WISH, slot)
            return _sentence((entry[1] if jot.shape == "fumble" else entry[0]).format(x=x))
    return None


def _card(job: Job, person: Person, profile: Profile, slot: int) -> ComposedDraft:
    tone = profile.tone if profile.tone in _THANKS else "warm"
    jots = _jots(person, tone == "formal")
    organiser = person.role in ORGANISER_ROLES
    ctx = {"role_at": _role_phrase(job)}
    thanks_pool = _CARD_WRAP_THANKS if organiser else _CARD_THANKS

    def make(limit: int) -> list[_Piece]:
        pieces = [_Piece(_sentence(_pick(thanks_pool, slot).format(**ctx)), 1, 0)]
        detail = _card_detail(jots, slot, limit)
        pieces.append(_Piece(detail or _sentence(_pick(_CARD_GENERIC, slot)), 1, 0))
        pieces.append(_Piece(_sentence(_pick(_CARD_CLOSE, slot)), 1, 1))
        return pieces

    builder = _Builder(
        _greeting(person, profile),
        _signoff(profile, _CARD_VALEDICTION[tone], links=False),
        make,
    )
    body = _fit_to_limits(builder, (22, 14, 9, 5), 0, CARD_MAX_WORDS, ())
    generic = _card_detail(jots, slot, 22) is None
    return ComposedDraft(person.id, "card", "", body, generic=generic)


def _panel_offset(job: Job, profile: Profile) -> int:
    """A stable starting phrasing per application, so two applications do not read alike."""
    key = f"{job.company.strip().lower()}|{job.role.strip().lower()}|{profile.name.strip().lower()}"
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16)


def compose_panel(job: Job, people: Sequence[Person], profile: Profile) -> list[ComposedDraft]:
    """Drafts for everyone met: an email (or wrap-up for recruiters and HR) and a card each.

    Each person's phrasings come from their position in the panel, so no two people's notes
    share a sentence (for panels of up to eight people).
    """
    offset = _panel_offset(job, profile)
    drafts: list[ComposedDraft] = []
    token = _TONE.set(profile.tone if profile.tone in _THANKS else "warm")
    try:
        for index, person in enumerate(people):
            slot = offset + index
            others = [p for p in people if p is not person]
            drafts.append(_email(job, person, profile, slot, others))
            drafts.append(_card(job, person, profile, slot))
    finally:
        _TONE.reset(token)
    return drafts
