"""The grammar of phone jots: cleaning, shorthand, pronouns, articles and verb forms.

Pure functions on English text, shared by the jot reader and the sentence planner. Typos stay as
typed; only what a reader would trip over is changed.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from contextvars import ContextVar

from services.composer import lexicon

_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>()\"']+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|ai|co|app|me|so|xyz|uk|de|edu|gov|ly|gg|sh"
    r"|tech|page|site|info|biz|us|ca)(?![\w-])(?:/[^\s<>()\"']*)?",
    re.IGNORECASE,
)
_EMOTICON_RE = re.compile(
    r"(?:(?<=\s)|^)(?:[:;=8][-'^]?[)(DPpOo3/\\|\][]+|[xX][dD]|<3+|\^_?\^)(?=\s|$)"
)
_LAUGH_RE = re.compile(r"\s+(?:lol+|haha+|hehe+|lmao|rofl|omg|yay+)\s*$", re.IGNORECASE)
# "sous vide is cheating lol, he's a charcoal guy": a laugh before a comma goes too.
_MID_LAUGH_RE = re.compile(r"\s+(?:lol+|haha+|hehe+|lmao|rofl)(?=[,;.!?]|\s+[-\u2013])", re.I)
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
    "hosp": "hospital",
    "paeds": "paediatrics",
    "asst": "assistant",
    "yr": "year",
    "mins": "minutes",
    "thru": "through",
    "tho": "though",
    "u": "you",
    "xmas": "Christmas",
    "shes": "she's",
    "hes": "he's",
    "thats": "that's",
    "theres": "there's",
    "maint": "maintenance",
    "svc": "service",
    "sci": "science",
    "prob": "probably",
    "prev": "previous",
    "sys": "system",
    "calc": "calculation",
    "calcs": "calculations",
    "chaps": "chapters",
    "ppt": "slides",
    "vid": "video",
    "fdn": "foundation",
    "assoc": "association",
    "assoc.": "association",
    "vids": "videos",
    "prog": "programme",
    "progs": "programmes",
    "acct": "account",
    "accts": "accounts",
    "ig": "Instagram",
    "lib": "library",
    "vol": "volume",
    "ped": "pedestrian",
    "yt": "YouTube",
    "vols": "volumes",
    "avg": "average",
    "brekky": "breakfast",
    "syd": "Sydney",
    "melb": "Melbourne",
    "ldn": "London",
    "jhb": "Johannesburg",
    "eval": "evaluation",
    "flex": "flexible",
    "w": "with",
    "ur": "your",
    "mgr": "manager",
    "mgrs": "managers",
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
    "e.g.": "for example",
    "eg": "for example",
    "i.e.": "that is",
    "ie": "that is",
    "etc.": "and so on",
    "etc": "and so on",
    "exp": "experience",
    "perf": "performance",
    "qtr": "quarter",
    "cert": "certificate",
    "certs": "certificates",
    "impl": "implementation",
    "uni": "university",
    "e.g": "for example",
    "i.e": "that is",
    "co": "company",
    "eng": "engineering",
    "mgmt": "management",
    "yrs.": "years",
    "hrs": "hours",
    "hr": "hour",
    "mo": "month",
    "mtn": "mountain",
    "latam": "Latin America",
    "jr": "junior",
    "mos": "months",
    "wfh": "working from home",
    "asap": "soon",
    "thx": "",
    "tbh": "",
    "ngl": "",
    "btw": "",
    "fyi": "",
    "rly": "really",
    "v": "very",
    "pls": "",
    "plz": "",
    "prod": "production",
    "prof": "professor",
    "diff": "different",
    "ugc": "user-generated content",
    "mgmt.": "management",
    "min": "minutes",
    "whats": "what's",
    "hows": "how's",
    "wheres": "where's",
    "info": "information",
    "vs": "versus",
    "vs.": "versus",
    "temp": "temperature",
    "biz": "business",
    "prepping": "preparing",
    "fyi:": "",
    "re": "about",
    "grp": "group",
    "grps": "groups",
    "conf": "conference",
    "confs": "conferences",
    "shouldve": "should've",
    "shld": "should",
    "shd": "should",
    "til": "until",
    "couldve": "could've",
    "wouldve": "would've",
    "wont": "won't",
    "theyre": "they're",
    "youre": "you're",
    "manhours": "man-hours",
    "thier": "their",
    "ref": "reference",
    "refs": "references",
    "pics": "photos",
    "pic": "photo",
    "subcon": "subcontractors",
    "subcons": "subcontractors",
    "b4": "before",
    "mth": "month",
    "mths": "months",
    "wknd": "weekend",
    "wknds": "weekends",
    "govt": "government",
    "approx.": "about",
    "mtg": "meeting",
    "appt": "appointment",
    "admin": "admin",
    "w/e": "weekend",
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
    # how a figure moves: "peak volume doubles", "caseloads average 18"
    "doubles", "triples", "drops", "rises", "falls", "spikes", "dips", "peaks", "averages",
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
    "launched", "scaled", "loved", "enjoyed", "liked", "met", "goes", "attends", "grows",
    "hates", "hated", "swims", "bikes", "paints", "takes", "needs",
    "pays", "covers", "starts", "opens", "closes", "ends", "lasts", "includes", "means",
    "requires", "happens", "gets", "sits", "reports", "take", "need", "cost", "get",
}  # fmt: skip
_ADVERBS = {
    "also", "really", "still", "just", "actually", "currently", "now", "even", "already",
    "recently", "previously", "apparently", "basically", "always", "never", "mostly", "only",
    "often", "usually", "personally", "both", "literally", "totally",
}  # fmt: skip
_NOT_VERBS_ED = {"need", "speed", "seed", "feed", "bed", "red", "shed", "bred", "embed", "ted",
                 # "registered WSH Officer": a state held, not a past tense
                 "registered", "certified", "qualified", "licensed", "chartered", "trained",
                 "accredited", "based", "seasoned"}  # fmt: skip
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
    "writing", "testing", "hiring", "onboarding", "burnout", "wellbeing", "retention",
    "turnover", "recruitment", "staffing", "funding", "cash flow", "stress", "fitness",
    "wellness", "outreach", "procurement", "logistics", "nursing", "policing", "literacy",
}  # fmt: skip
_PREPOSITIONS = {
    "of", "on", "for", "at", "with", "to", "in", "from", "about", "vs", "versus", "and", "or",
}  # fmt: skip
_SINGULAR_S = {"analysis", "status", "process", "class", "access", "business", "canvas", "news",
               "series", "basis", "bus", "campus", "focus", "thesis", "bonus", "kubernetes",
               "k8s", "aws", "postgres", "physics", "economics", "ops", "devops", "this",
               "has", "is", "was", "its", "his", "analytics", "downstairs", "upstairs",
               "overseas", "outdoors", "indoors", "always", "sometimes"}  # fmt: skip
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
        r"^(?:i\s+)?(?:promised\s+(?:to\s+)?|said\s+i'?d\s+|said\s+i\s+(?:would|will)\s+|"
        r"(?:need\s+to|must|will|to|should|gotta)\s+)?"
        r"(?:send|share|email|forward|mail|pass\s+along|dig\s+up|follow\s+up\s+with|"
        r"get|give|drop|sending|sharing|emailing|forwarding)"
        r"(?:\s+(?:her|him|them|you|over|across|along|back))*\b\s*"
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
    text = re.sub(r"\bw/(out|in)\b", r"with\1", text, flags=re.IGNORECASE)  # without, within
    text = re.sub(r"\bw/o\b", "without", text, flags=re.IGNORECASE)
    text = re.sub(r"\bw/(?=\w)", "with ", text, flags=re.IGNORECASE)
    # "temp excursions", "temp logger": temperature; "temp staff": temporary.
    text = re.sub(
        r"\btemps?(?= (?:excursions?|control|loggers?|logging|ranges?|monitoring|checks?|"
        r"probes?|readings?|alarms?|mapping|breaks?|abuse|data|sensors?)\b)",
        "temperature",
        text,
        flags=re.IGNORECASE,
    )
    words = []
    for word in text.split(" "):
        core = word.rstrip(",;:?!")
        if core.lower().rstrip(".") in _SHORTHAND and core.lower() not in _SHORTHAND:
            core = core.rstrip(".")
        tail = word[len(core) :]
        key = core.lower()
        acronym = len(core) >= 2 and core.isupper() and core.isalpha()  # "HR truck licence"
        named = core == "W" or (words and words[-1].lower() == "the" and len(core) == 1)
        if (
            key in _SHORTHAND
            and not acronym
            and not named  # "the W" (a trek), not "the with"
            and not (core == "U" or (key == "i" and core == "I"))
        ):
            replacement = _SHORTHAND[key]
            if not replacement:
                if tail.strip() and words:
                    words[-1] = words[-1].rstrip(",;:") + tail  # "a mess tbh, X" keeps its comma
                continue
            words.append(replacement + tail)
        elif key.startswith("i'") and core[0] == "i":
            words.append("I" + core[1:] + tail)
        else:
            words.append(typo_fixed(core) + tail)
    return " ".join(words)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


# A slip is put right only into a word written at least this often: "dashboard", never
# "mordant" for a surname.
_COMMON_ENOUGH = 1_000


def typo_fixed(word: str) -> str:
    """A thumb's slip put right when only one common English word is that close: two letters
    swapped ("teh", "dashbaord", "beleive") or one left out ("tranfers", "insted"), away from
    the word's end, where "timelines" and "convos" are words of their own. A word English knows,
    a name, shorthand or jargon with no such neighbour is left as typed."""
    if not (word.isalpha() and word.islower() and len(word) >= 3):
        return word
    if word in _FUNCTION_WORDS or lexicon.word_classes(word) or lexicon.word_count(word):
        return word
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    if word[0] == word[1]:
        swaps.add(word[1:])  # "sshe": a letter doubled at the start
    if len(word) <= 4:
        small = sorted(swaps & _FUNCTION_WORDS)
        return small[0] if len(small) == 1 else word  # "teh", "adn"; never "abt", "dbt"
    if len(word) < 6:
        return word  # "tech", "cron", "eval", "navis": jargon and names, not slips
    if lexicon.derived(word):
        return word  # "coater" is coat + er, a machine, not a slip for "coaster"
    # Not a letter slipped in before a final "s": "timelines" and "convos" are words too.
    last = len(word) - 1 if word.endswith("s") else len(word)
    inner = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 2)} | {
        word[:i] + c + word[i:] for i in range(1, last) for c in _LETTERS
    }
    if word[0] == word[1]:
        inner.add(word[1:])
    near = [w for w in inner if lexicon.word_count(w)]
    # One word that close, a common one, and a word rather than a name ("partick" is not
    # Patrick): "biling" could be billing or boiling, so it stays.
    if len(near) != 1 or lexicon.word_count(near[0]) < _COMMON_ENOUGH:
        return word
    return near[0] if lexicon.word_classes(near[0]) else word


def _dedupe_words(text: str) -> str:
    """Remove a word typed twice in a row ("the the"), but never "on on-call" or "that that's":
    a repeat that starts a hyphenated or contracted word is a different word."""

    def once(match: re.Match[str]) -> str:
        word = match.group(1)
        if word.isalpha() and len(word) >= 3 and not lexicon.word_count(word.lower()):
            # A word English lacks, said twice, is a name: "Colo Colo", "Wagga Wagga".
            return f"{word.capitalize()} {word.capitalize()}"
        return word

    return re.sub(r"\b(\w+)(\s+\1\b(?![-'\u2019]\w))+", once, text, flags=re.IGNORECASE)


def _tidy_spacing(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,;:.!?)])", r"\1", text)
    text = re.sub(r"\(\s+", "(", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return text


_SHOUTED = re.compile(
    r"(?<![\w-])(?:ON|NOT|SAW|OUT|ORIGINAL|ALL|NEVER|ALWAYS|VERY|REALLY|MUST|HUGE|LOVE|LOVED|"
    r"LOVES|HATE|HATES|BIG|ONLY|EVERY|DID|THE|AND|BUT|YES|WAS|WERE|HAS|HAVE|ANY|SUPER|"
    r"MASSIVE|ACTUALLY|TOTALLY|AMAZING|SO|TOO|MUCH|MORE|LOTS|WANTS|WANT|NEEDS|NEED|BEFORE|"
    r"AFTER|FIRST|LAST|SAME|EXACTLY|EVERYTHING|NOTHING|DEFINITELY|LOVELY)(?![\w-])"
)


# Words after which a word in capitals is a verb shouted for emphasis: "I want to BUILD a
# program", "I LED the move"; elsewhere it may be a name ("the MAGIC population").
_BEFORE_A_VERB = {
    "to", "i", "we", "you", "he", "she", "they", "will", "would", "should", "did", "not",
    "never", "always", "just", "can", "could", "must", "really", "actually", "also",
}  # fmt: skip


def _unshout(text: str) -> str:
    """ "i want to BUILD a program" -> "... to build a program"; "EXACTLY this" -> "exactly
    this": an everyday verb or adverb in capitals, in a jot typed in lower case."""

    def lower(match: re.Match[str]) -> str:
        word = match.group(1)
        plain = word.lower()
        classes = lexicon.word_classes(plain)
        before = text[: match.start()].split()
        prev = before[-1].lower() if before else ""
        adverb = bool(classes) and classes <= {"ADV"}
        verb = "VERB" in classes and prev in _BEFORE_A_VERB
        return plain if (adverb or verb) and lexicon.word_count(plain) >= 5000 else word

    return re.sub(r"(?<![\w-])([A-Z]{3,})(?![\w-])", lower, text)


_EMOJI_BREAK = re.compile(
    "(?<=\\w)[ ]*[\U0001f000-\U0001faff\u2600-\u27bf][\ufe0f\u200d\U0001f3fb-\U0001f3ff"
    "\u2640\u2642]*[ ]+(?=[^\\W\\d_])",
    re.IGNORECASE,
)
# Words a phone note pads with and a letter would not: "basically doubles", "for like 5 min".
_FILLER = re.compile(
    r"(?<!['\"])\s*\b(?:basically|literally|kinda|sorta|obvs|tbh)\b(?=[\s,;.!?]|$)|"
    r"(?<=\bfor )like\s+|\blike\s+(?=\d)",
    re.IGNORECASE,
)


def _arrow(match: re.Match[str]) -> str:
    """ "to" when the arrow leads to a thing of a word or two, "; " when to a new thought."""
    following = match["next"]
    segment = re.split(r"\s+(?:and|->|=>)\s+|\s*\u2192\s*", following, maxsplit=1)[0].split()
    first = segment[0].lower() if segment else ""
    thing = (
        0 < len(segment) <= 2
        and first.isalpha()
        and first not in _FUNCTION_WORDS | _SUBJECTS | _AUX
        and not (lexicon.word_classes(first) and lexicon.word_classes(first) <= {"VERB", "ADV"})
    )
    return (" to " if thing else "; ") + following


def clean_jot(body: str) -> tuple[str, tuple[str, ...]]:
    """A phone jot as plain text plus its links: no emoji, no shorthand, no end punctuation.

    Internal sentence breaks become semicolons so the jot can sit inside one sentence.
    """
    text = unicodedata.normalize("NFC", body or "")
    text = text.translate({0x2018: "'", 0x2019: "'", 0x201C: '"', 0x201D: '"', 0x2026: "..."})
    text = text.replace("{", "(").replace("}", ")")
    text, urls = _extract_urls(text)
    # An emoji between two thoughts ends the first: "to opera cloud in jan 😬 ive done this",
    # "tasted my sample bottles 🍺 liked the grisette".
    text = _EMOJI_BREAK.sub("; ", text)
    text = _strip_emoji(text)
    text = _FILLER.sub("", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = _PREFIX["label"].sub("", text)
    text = _EMOTICON_RE.sub(" ", text)
    text = re.sub(r"\.{2,}", ", ", text)
    # "design tokens in Figma -> code": from Figma to code.
    text = re.sub(r"\bin ([A-Z][\w.]*)\s*(?:->|=>|\u2192)\s*", r"from \1 to ", text)
    if re.match(r"^(?:i\s+)?asked\b", text, re.IGNORECASE):
        # "asked re roster -> 4 x 10hr shifts": the arrow leads to what they answered.
        text = re.sub(r"\s*(?:->|=>|\u2192)\s*", ", they said ", text, count=1)
    # "72 -> 81%", "80 -> 200 temps": from one figure to the next; "ammonia -> nitrite",
    # "Revit -> midas workflow": from one thing to the next. Any other arrow leads on to a new
    # thought ("rebalancing -> only 2 trucks at night"), so it ends the first.
    text = re.sub(r"(?<=[\d%])\s*(?:->|=>|\u2192)\s*(?=[~$£€]?\d)", " to ", text)
    # "moving failure data excel -> CMMS": from one system to the next.
    text = re.sub(
        r"\b(moving|migrating|switching|shifting|porting)\s+((?:[\w-]+\s+){1,3}?)([\w.-]+)\s*"
        r"(?:->|=>|\u2192)\s*(?=[\w(])",
        lambda m: (
            f"{m[1]} {m[2]}from {m[3]} to "
            if any(w.lower() not in _DETERMINERS for w in m[2].split())
            else m[0]
        ),
        text,
        flags=re.IGNORECASE,
    )
    # "(maximo? or queris?)": a doubt in brackets is the candidate's, not the note's.
    text = re.sub(r"\s*\([^()]*\?[^()]*\)", "", text)
    while re.search(r"->|=>|\u2192", text):  # one at a time: "ammonia -> nitrite -> nitrate"
        text = re.sub(r"\s*(?:->|=>|\u2192)\s*(?P<next>[^,;]*)", _arrow, text, count=1)
    text = re.sub(r"~\s*(?=[$€£]?\d)", "about ", text)
    # "he's done the Dubai fair": he has done it.
    text = re.sub(
        r"\b(he|she|it)['\u2019]?s\s+(done|seen|gone|taken|given|written|ridden|flown|eaten|"
        r"driven|known|grown|begun|worked|lived|studied|visited|met|had|spent|used|played)\b",
        r"\1 has \2",
        text,
        flags=re.IGNORECASE,
    )
    # "what id do", "said id help": "I'd", not an ID.
    text = re.sub(
        r"\b(what|how|why|if|that|said|say|think|thought|where|when|hope)\s+id\b(?=\s+[a-z])",
        r"\1 I'd",
        text,
        flags=re.IGNORECASE,
    )
    # "SOC analyst @ bank in Kyiv": at a bank; "ex army": former army; "incl." at the end is
    # what is included.
    text = re.sub(r"\s@\s", " at ", text)
    text = re.sub(r"\bex\s(?=[a-z]{3,})", "former ", text)
    text = re.sub(r"\bincl\.?(?=\s*(?:[,;.!?]|$))", "included", text)
    text = re.sub(r"\bincl\.?\s", "including ", text)
    text = re.sub(r"\bthe lots of\b", "the many", text)
    # "charge temp" is a temperature; "temp staff" are temporary.
    text = re.sub(
        r"\btemp(?= (?:staff|workers?|jobs?|contracts?|roles?|agency|agencies|positions?|cover|"
        r"work|hires?)\b)",
        "temporary",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"([!?])[!?]+", r"\1", text)
    text = re.sub(r"\s[-\u2013\u2014]+\s", ", ", text)
    text = _MID_LAUGH_RE.sub("", text)
    if re.search(r"[a-z]", text):
        # "pharmacist ON the ward round", "which I SAW": capitals for emphasis, not a name.
        text = _SHOUTED.sub(lambda m: m.group(0).lower(), text)
        text = _unshout(text)
    # "4 x 10hr shifts" -> "4 10 hr shifts": the hour becomes a word of its own, which the
    # shorthand spells out and `_compounds` joins to its noun ("four 10-hour shifts").
    text = re.sub(r"\b(\d+)\s?x\s?(?=\d+\s?(?:hr|hour|min)\b)", r"\1 ", text)
    text = re.sub(r"\b(\d+)(hrs?)\b", r"\1 \2", text)
    text = _spell_out(re.sub(r"\s+", " ", text).strip())
    text = re.sub(  # "jan/feb" -> "jan and feb"
        r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)\w*/(jan|feb|mar|apr|may|jun|"
        r"jul|aug|sept?|oct|nov|dec)\w*\b",
        lambda m: m.group(0).replace("/", " and "),
        text,
        flags=re.IGNORECASE,
    )
    text = _on_day(text)
    # "2nd round w/ MD next thurs 10am": with the MD, next Thursday at 10am.
    text = re.sub(r"\b(with|to|meet|meeting|and|for) (MD|CEO|CFO|CTO|COO|VP|GM|CIO|CMO|HRD)\b",
                  r"\1 the \2", text)  # fmt: skip
    text = re.sub(
        r"\b((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|today|tomorrow|tonight) "
        r"(\d{1,2}(?::\d\d)?\s?(?:am|pm))\b",
        r"\1 at \2",
        text,
        flags=re.IGNORECASE,
    )
    text = _big_numbers(text)
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


# Whether the jot being read is about a recruiter or HR contact: to them, "they" is the company
# ("says they want a decision by dec 11"), never the reader. Set by the reader for one jot.
ABOUT_ORGANISER: ContextVar[bool] = ContextVar("about_organiser", default=False)


def _to_you(text: str, person_first: str, *, they_too: bool = False) -> str:
    """Turn a jot about the person ("she leads payments") into one addressed to them."""
    they_too = they_too and not ABOUT_ORGANISER.get()
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
        elif lower in {"his", "hers"} and nxt in _AUX | {"'s"}:
            out.append("yours" + tail)  # "his is called Pixie": theirs, said to them
        elif lower == "his" or (they_too and lower == "their"):
            out.append("your" + tail)
        elif lower == "hers":
            out.append("yours" + tail)
        elif lower in {"himself", "herself"}:
            out.append("yourself" + tail)
        elif lower == "him" or (they_too and lower == "them"):
            out.append("you" + tail)
        elif lower == "her":
            follows_noun = nxt and nxt not in _PREPOSITIONS | _DETERMINERS | _PARTICLES_AFTER
            # "keeps her up at night": a particle after "her" makes it the object

            out.append(("your" if follows_noun and not tail else "you") + tail)
        elif they_too and lower == "they're":
            out.append("you're" + tail)
        elif they_too and lower == "they've":
            out.append("you've" + tail)
        else:
            out.append(word)
    text = " ".join(out)
    return re.sub(r"\byou are also\b", "you are also", text)


_PARTICLES_AFTER = {"and", "to", "up", "down", "out", "off", "back", "awake", "away", "over"}


def _is_verb_start(word: str) -> bool:
    lower = word.lower().rstrip(",;:")
    if lower.startswith(("co-", "re-")) and len(lower) > 4:
        lower = lower[3:]  # "co-wrote", "re-built"
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
    for at, word in enumerate(words[1:7], 1):
        lower = word.lower().rstrip(",;:")
        # After "for", "the" or "my" a word is a noun: "training for volunteers".
        after_noun_marker = words[at - 1].lower() in (_PREPOSITIONS | _DETERMINERS) - {"that"}
        if lower in _AUX or _CONTRACTED_VERB.search(lower):
            return True
        if lower in verbs and not after_noun_marker:
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


# Words after which a number starts a phrase of its own ("a team of 12", "your 3 sites").
_NP_BREAKERS = _PREPOSITIONS | {"&", "per", "a", "an", "the", "by", "into", "over", "under",
                                 "between", "across", "through", "than", "like", "nearly",
                                 "around", "almost", "up", "each", "every", "your", "my", "our",
                                 "their", "his", "her", "its"}  # fmt: skip
_NUMBERISH = re.compile(
    r"^(?:\d[\d.,%/-]*\w*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"twenty|thirty|forty|fifty|hundred|thousand|million|billion)$",
    re.IGNORECASE,
)


def np_break(text: str) -> int | None:
    """Where a noun phrase stops reading as one, or None when it reads cleanly.

    A phone jot squeezes a phrase and its facts together ("trial shift 4 hours on garde
    manger"): a number straight after a noun, with no preposition or article to carry it, starts
    a second fact. So does a phrase that opens with a joining word ("if offer", "re roster") or
    a past tense ("did a drive"). The answer is the index of the first word that breaks it (0
    when the phrase cannot stand at all).
    """
    words = [w.strip(",;:()") for w in text.split(" ") if w.strip(",;:()")]
    if not words:
        return 0
    first = words[0].lower()
    if first in _SUBORDINATORS | {"re", "and", "but", "or", "so", "to", "did", "got", "went"}:
        return 0
    if first in _IRREGULAR_PAST or first in {"said", "told", "asked", "mentioned"}:
        return 0
    for i in range(1, len(words)):
        word, before = words[i], words[i - 1].lower()
        if _NUMBERISH.match(word) and not (
            before in _NP_BREAKERS
            or _NUMBERISH.match(before)
            or before.endswith(("'s", "s'"))
            or words[i - 1][:1].isupper()  # a name's number: "ICH Q2", "Windows 11"
        ):
            return i
    return None


_DURATION = re.compile(r"(?:minutes?|mins?|hours?|hrs?)$", re.IGNORECASE)
# Adverbs that stand where a clause's verb was dropped: "loadshedding still an issue".
_CLAUSE_ADVERBS = {"still", "already", "now", "always", "never", "usually", "mostly", "really",
                   "currently", "finally"}  # fmt: skip
# Light verbs that lead a jot without adding to it: "doing the new xmas windows".
_LIGHT_GERUNDS = {"doing", "getting", "having", "making", "being"}
_OBJECTS = {"me", "you", "him", "her", "them", "us"}
# Words a phrase may not end on when they say how something stands: "morale low" is a clause
# missing its "is", not a thing.
_PREDICATE_ENDS = {"low", "high", "down", "up", "tight", "busy", "behind", "ahead", "short",
                   "slow", "late", "early", "done", "over", "out", "off", "stuff", "etc",
                   "blah", "too"}  # fmt: skip


def verb_only(word: str) -> bool:
    """Whether English knows a word only as a verb ("wants", "been"), never as a thing."""
    classes = lexicon.word_classes(word)
    return bool(classes) and classes <= {"VERB", "AUX"}


def rough_np(text: str) -> bool:
    """Whether a noun phrase made from a jot still reads as a jot rather than as a thing one
    can thank someone for talking about: it opens on a verb ("the wants CSMs more technical",
    "the been at the branch"), gives a verb its object ("the update you after"), puts a bare
    adjective after a noun ("the need offshore medical") or ends on one ("the pretty intense",
    "the morale low", "dundrum underperforming"), or is mostly words of another language
    ("tiene xolo tambien")."""
    return bool(_why_rough(text))


def _why_rough(text: str) -> str:
    words = [w.strip(",;:()!?.'\"") for w in text.split(" ")]
    words = [w for w in words if w]
    content = [w for w in words if w.lower() not in _DETERMINERS]
    if not content:
        return "empty"
    head = content[0]
    head_classes = lexicon.word_classes(head)
    if [w.lower() for w in content] == ["next"]:
        return "a word with nothing after it"  # "next: ref calls next wk" read as "the next"
    if len(words) > 1 and re.search(r"\b(?:when|where|who|how|what|why)$", " ".join(words), re.I):
        return "a question put as a thing"  # "the decision when"
    if re.search(r"\b(?:ideal|preferred|ok|okay|fine|tbc|tbd|pending)$", " ".join(content), re.I):
        return "a state, not a thing"  # "the start jan 4 ideal"
    if re.search(
        r"\b(?:thing|things|stuff)(?:\s+(?:with|from|for|at|on|in|about|of)\b.*)?$",
        " ".join(content),
        re.IGNORECASE,
    ):
        return "a thing named only as a 'thing'"  # "a vtuber co-stream thing with chzzk"
    if _NUMBERISH.match(head) and len(content) > 1 and _DURATION.match(content[1]):
        return "a while, not a thing"  # "10 min in his office"
    if re.match(r"^[\d.,]+\s?%?\s+to\s+[\d.,]+", " ".join(content)):
        return "a change in figures, with no word for what changes"  # "25 to 40 people in 2027"
    if (
        head_classes
        and head_classes <= {"ADJ", "ADV"}
        and len(content) > 1
        and content[1].lower() in _PREPOSITIONS | _HEAD_ENDS
    ):
        return "a state, not a thing"  # "available from mid jan", "keen on data"
    if head.lower() in {"need", "needs"} and len(content) > 1 and content[1].lower() != "for":
        return "a need, not a thing"  # "the need certified ID copy by Friday"
    made_clause = words[0].lower() == "how"  # "how discover traffic is down": the reader's
    # "required practicals" and "moving the library" are phrases; "wants CSMs" is not.
    if (
        not made_clause
        and head.islower()
        and verb_only(head)
        and (not head.endswith(("ing", "ed")) or head.lower() in _LIGHT_GERUNDS)
    ):
        return "verb first"
    for before, word in itertools.pairwise(content):
        if all(_unknown(w) for w in (before, word)):
            return "another language"  # "zytostatika herstellung", "tiene xolo tambien"
    if made_clause:
        return ""
    lower = [w.lower() for w in content]
    # The phrase's own words, before any preposition adds to it: "the library retrofit" of
    # "the library retrofit in Bristol".
    core = lower
    for i, word in enumerate(lower):
        if i and (word in _NP_BREAKERS or word in _SUBORDINATORS):
            core = lower[:i]
            break
    if any(word in _CLAUSE_ADVERBS for word in core[1:]):
        return "an adverb where a verb was meant"  # "loadshedding still an issue"
    for i in range(1, len(core)):
        word, before = core[i], core[i - 1]
        classes = lexicon.word_classes(word)
        if (
            before.isalpha()
            and _is_plural(before)
            and "VERB" in classes
            and "NOUN" not in classes
            and word in lexicon.lemmas(word)
        ):
            return "a clause, not a thing"  # "the donor records live in an old database"
        if word in _OBJECTS and "VERB" in lexicon.word_classes(before):
            return "verb and object"
        classes, before_classes = lexicon.word_classes(word), lexicon.word_classes(before)
        if (
            classes
            and classes <= {"ADJ", "ADV"}
            and "NOUN" in before_classes
            and "ADJ" not in before_classes
            and i + 1 < len(core)
        ):
            return "adjective after a noun"
    for i in range(1, len(core)):
        classes = lexicon.word_classes(core[i])
        if (
            classes == {"VERB"}
            and (core[i] in _IRREGULAR_PAST or core[i].endswith("ed"))
            and (
                core[i - 1] in _CLAUSE_ADVERBS | {"just", "already", "recently"}
                or "NOUN" in lexicon.word_classes(core[i - 1])
                or core[i - 1][:1].isdigit()
            )
            and core[i - 1] not in _DETERMINERS
        ):
            return "a clause, not a thing"  # "11.11 just happened", "merch drop sold out"
    if len(core) == 1 and (classes := lexicon.word_classes(core[0])) and classes <= {"ADJ"}:
        return "a state, not a thing"  # "honest: avrupa side harder" read as "the honest"
    if len(core) >= 2:
        last = core[-1]
        last_classes = lexicon.word_classes(last)
        if last in {"doing", "making", "having", "getting", "going"}:
            return "ends on a verb"  # "your TikTok keeper videos doing"
        if last in _PREDICATE_ENDS:
            return "ends on a state"
        if last_classes and last_classes <= {"ADJ", "ADV"}:
            return "ends on an adjective"
    return ""


def _unknown(word: str) -> bool:
    """A lower-case word English does not know: another language's, or a name typed small."""
    return (
        word.isalpha()
        and word.islower()
        and word not in _PREPOSITIONS | _DETERMINERS | _SUBORDINATORS
        and not lexicon.word_classes(word)
    )


def _expand_contractions(text: str) -> str:
    for pattern, repl in _CONTRACTIONS:
        text = re.sub(pattern, repl, text, flags=re.IGNORECASE)
    text = re.sub(r"\bi am\b", "I am", text)
    return text


_FUNCTION_WORDS = _DETERMINERS | _SUBJECTS | _AUX | _PREPOSITIONS | _ADVERBS
_OWN_THINGS = ("experience", "background", "cert", "certification", "degree", "skills", "portfolio")
_LINKING = {"has", "had", "is", "was", "seems", "seemed", "looks", "looked", "feels", "felt"}
_LIKED = {"loved", "enjoyed", "liked", "appreciated"}


# "inbound mix shifting", "CAR-T programme growing 2027": a thing and how it is changing.
_CHANGING = re.compile(
    r"^(?P<np>[\w'-]+(?: [\w'-]+){0,3}) (?P<ing>shifting|growing|dropping|rising|falling|"
    r"declining|changing|ageing|aging|expanding|shrinking|slowing|increasing|decreasing|"
    r"scaling|booming|struggling|improving|evolving|doubling|tripling)"
    r"(?P<rest>(?: (?:fast|quickly|slowly|again|steadily))?)(?: (?:in )?(?P<year>20\d\d))?$"
)


def _how_changing(text: str) -> str:
    """ "inbound mix shifting" -> "how the inbound mix is shifting"; other text as it is."""
    match = _CHANGING.match(text)
    if not match:
        return text
    words = match["np"].split(" ")
    if any(_is_verb_start(w.lower()) or w.lower() in _SUBJECTS | _AUX for w in words):
        return text  # "we are growing": already a clause
    thing = match["np"] if words[0].lower() in _DETERMINERS else f"the {match['np']}"
    verb = "are" if _is_plural(words[-1]) else "is"
    year = f" in {match['year']}" if match["year"] else ""
    return f"how {thing} {verb} {match['ing']}{match['rest']}{year}"


# Past participles that are not also the past tense: "both done the Ruahine crossing".
_PARTICIPLES = {"done", "been", "seen", "gone", "taken", "given", "written", "ridden", "flown",
                "swum", "eaten", "driven", "known", "grown", "begun", "run"}  # fmt: skip


# "timelines tight": a thing and how it is, with no verb between.
_STATE_WORDS = {"tight", "short", "long", "slow", "fast", "busy", "hard", "tough", "huge",
                "big", "small", "high", "low", "lean", "tricky", "stretched", "flexible",
                "strict", "generous", "quiet", "hectic", "intense", "full", "new"}  # fmt: skip


# Words in -ing that name a field of work: "marketing for the new site" is not something they do.
_GERUND_NOUNS = {"marketing", "training", "planning", "engineering", "accounting", "nursing",
                 "housing", "funding", "onboarding", "manufacturing", "consulting", "budgeting",
                 "scheduling", "recruiting", "fundraising", "billing", "pricing", "shipping",
                 "catering", "printing", "testing", "banking", "lending", "modelling",
                 "modeling", "reporting", "licensing", "teaching", "learning", "parking",
                 "staffing"}  # fmt: skip


def _fragment_about_them(text: str, kind: str) -> str:
    """A fragment with no subject, said of the reader or of the thing talked about:
    "wants to grow maint agreements" -> "you want to grow ..."; "rewriting timetable" (their
    work) -> "you are rewriting timetable"; "timelines tight" -> "how tight the timelines
    are"; "saul bass fans both" -> "we are both saul bass fans"; "PGCE at Leeds Beckett too"
    -> "we both did a PGCE at Leeds Beckett"."""
    words = text.split(" ")
    first = words[0].lower() if words else ""
    if kind == "common_ground":
        school = re.match(r"^both ([A-Z][A-Za-z&]*[A-Z])$", text) or re.match(
            r"^([A-Z][A-Za-z&]*[A-Z](?: [a-z]+)?) both$", text
        )
        if school:
            return school[1]  # "both PES!", "UCC law both!": what we have in common
        fans = re.match(r"^(?P<x>[\w' -]+?) (?P<f>fans?|nerds?|geeks?) both\b(?P<rest>.*)$", text)
        if fans:
            return f"both {fans['x']} {fans['f'].rstrip('s')}s{fans['rest']}"
        guy = re.match(r"^(?P<x>[a-z][\w'-]*) (?:guy|gal|girl|person)\b(?P<rest>.*)$", text)
        if guy:
            return f"we are both {guy['x']} fans{guy['rest']}"  # "broncos guy": a fan, like me
        degree = re.match(
            r"^(?:both )?(?P<q>[A-Z][A-Za-z]?[A-Z][A-Za-z]*) (?P<rest>(?:at|in|from) .+?)"
            r"(?: too| both)?$",
            text,
        )
        if degree:
            # "PGCE at Leeds Beckett too": a qualification both did.
            article = "an" if degree["q"][0] in "AEFHILMNORSX" else "a"
            return f"we both did {article} {degree['q']} {degree['rest']}"
        return text
    moved = re.match(
        r"^(?P<x>[\w' -]+?) (?P<d>down|up) "
        r"(?P<rest>(?:about |around |nearly |almost )?\d[\d.,]*%.*)$",
        text,
    )
    if kind in ("topic", "other") and moved and not _has_verb(moved["x"].split(" ")):
        return f"how {moved['x']} is {moved['d']} {moved['rest']}"  # "traffic down 40%"
    if re.fullmatch(r"(?:the )?notice", text, re.IGNORECASE):
        return "the notice period"
    if len(words) < 2:
        return text
    second = words[1].lower()
    if (
        kind in ("topic", "other")
        and first.endswith("s")
        and first not in {"is", "has", "was", "does", "says"}
        and _is_verb_start(first)
        and second in {"to", "a", "an", "the", "more", "it", "them"}
    ):
        return "you " + _conjugate_for_you(words[0]) + " " + " ".join(words[1:])
    if (
        kind == "their_work"
        and first.endswith("ing")
        and len(first) > 5
        and second not in {"and", "or", "is", "was", "team"}
        and not (first in _GERUND_NOUNS and second in _PREPOSITIONS)
    ):
        return "you are " + text  # "rewriting the timetable", "piloting a float pool"
    due = re.match(r"^(?P<x>[\w'-]+(?: [\w'-]+){0,2}) due (?P<t>.+)$", text)
    if kind in ("topic", "other") and due and not _has_verb(due["x"].split(" ")):
        return f"{due['x']} is due {due['t']}"  # "Ofsted due any time": a clause
    average = re.match(r"^(?P<x>[a-z][\w -]*?s) average (?P<n>\d[\d.,]*)\b(?P<rest>.*)$", text)
    if kind in ("topic", "their_work", "other") and average:
        # "caseloads avg 18"
        return f"{average['x']} are averaging {average['n']}{average['rest']}"
    state = re.match(r"^(?P<x>[a-z][\w-]*s) (?P<s>\w+)$", text)
    if kind == "topic" and state and state["s"].lower() in _STATE_WORDS:
        return f"how {state['s']} the {state['x']} are"
    return text


def _read_detail(text: str, kind: str, person_first: str) -> tuple[str, str]:
    """(text, shape) for a topic, their_work, common_ground or other jot."""
    text = _PREFIX["aside"].sub("", text)
    # "(hers hakone, mine kinosaki onsen)": a bracket that talks about the reader in the third
    # person is the candidate's shorthand, not something to say to them.
    text = re.sub(r"\s*\((?=[^)]*\b(?:she|he|her|hers|him|his)\b)[^)]*\)", "", text, flags=re.I)
    text = re.sub(r"\s*\([^)]*\?\)", "", text)  # "(one near Gerrard?)": the candidate unsure
    text = _lower_first(_PREFIX["topic"].sub("", text))
    text = _lower_first(_PREFIX["reported"].sub("", text))
    text = _first_part(text)
    # In a topic, "they" is the interviewer's team: "how they do code review".
    text = _to_you(text, person_first, they_too=kind in ("topic", "other"))
    if kind != "common_ground":
        text = _how_changing(text)
    text = _fragment_about_them(text, kind)
    words = text.split(" ")
    first = words[0].lower()
    if kind == "common_ground":
        fan = re.match(r"(?:(huge|big)\s+)?fans?\s+of\s+(.+)", text, re.IGNORECASE)
        if fan:
            return f"we are both {fan.group(1) or ''} fans of {fan.group(2)}", "clause"
    school = re.match(
        # A name of its own, capitalised, with the kind of place in it.
        r"^both\s+((?=[A-Z])[\w&.' -]*\b(?i:university|uni|college|school|academy|"
        r"polytechnic|institute)\b[\w&.' -]*?)!*$",
        text,
    )
    if kind == "common_ground" and school:
        name = re.sub(r"\b([A-Z]\w*) university\b", r"\1 University", school[1].rstrip("!"))
        return f"we both went to {name}", "clause"  # "both Technical Uni of Mombasa"
    shared = re.match(
        r"^(?:we\s+)?(?:both|also)\s+(?P<x>(?=[A-Z])[\w&.'-]+(?:\s+[A-Z][\w&.'-]*){0,2})!*(?:[,;!]|$)",
        text,
    )
    if kind == "common_ground" and shared:
        return f"we have {shared['x']} in common", "clause"  # "also Wits!!", "both UMinho"
    if first == "both" and len(words) > 1:
        rest = words[1].lower()
        nounish = rest.endswith(("ants", "ists", "ers", "ors", "ians", "ates", "ees", "ics"))
        verbish = _is_verb_start(rest) or rest in {
            "love", "like", "have", "play", "grew", "ride", "climb", "run", "cook", "ski", "surf",
            "swim", "row", "hike", "bike", "paint", "sing", "knit", "write", "boulder", "race",
            "think", "believe", "hate", "prefer", "agree", "want", "miss", "support", "follow",
            "speak", "know", "studied", "worked", "use", "read", "watch", "coach", "teach",
            "volunteer", "collect", "brew", "bake", "garden", "fish", "sail", "dance", "skate",
        }  # fmt: skip
        verbish = verbish or (rest.endswith("s") and not nounish and "-" not in rest)
        after = words[2].lower() if len(words) > 2 else ""
        if after.endswith(("ers", "ists", "ians")):
            verbish = False  # "both bike commuters"
        if rest in _PARTICIPLES:
            return "we have both " + " ".join(words[1:]), "clause"  # "both done the crossing"
        return ("we both " if verbish else "we are both ") + " ".join(words[1:]), "clause"
    if first == "same" and len(words) > 1:
        text, words, first = "the " + text, ["the", *words], "the"
    # "office has a rooftop garden": a bare, lower-case noun leading a clause takes "the".
    function_word = first in _DETERMINERS | _SUBJECTS | _AUX | _CONTRACTED_SUBJECTS | _WH_WORDS
    bare_noun = words[0].isalpha() and words[0].islower() and not function_word
    bare_noun = bare_noun and first not in _ADVERBS and not _is_verb_start(first)
    if first in {"new", "old", "main", "current", "original", "existing"} and _has_verb(words):
        text, words, first = "the " + text, ["the", *words], "the"  # "new branch opens in March"
    linking_at = next((i for i, w in enumerate(words[:4]) if w.lower() in _LINKING), 0)
    if (
        bare_noun
        and len(words) > linking_at + 1
        and linking_at >= 1
        and all(
            w.isalpha() and w.islower() and w not in _FUNCTION_WORDS for w in words[:linking_at]
        )
        and not _is_plural(words[linking_at - 1])
    ):
        # "fermentation room downstairs is her baby": the room.
        text, words, first = "the " + text, ["the", *words], "the"
    if first in _WH_WORDS:
        shape = "np"
    elif first in _SUBJECTS | _CONTRACTED_SUBJECTS or (
        _has_verb(words) and (first in _DETERMINERS or "'s" in first)
    ):
        shape = "clause"
    elif _is_verb_start(first) and (
        kind in ("their_work", "common_ground")
        or (kind == "other" and first in {"has", "is", "was", "had"})
    ):
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
    same_time = re.match(
        r"^you (was|were|worked|studied|lived) (at|in|with) (.+?) (?:the )?same "
        r"(?:years?|yrs|time|period) as me\b(.*)$",
        text,
    )
    if kind == "common_ground" and same_time:
        # "she was at antamina same yrs as me (2014-16)": we were both there then.
        both = "were both" if same_time[1] in {"was", "were"} else f"both {same_time[1]}"
        text = f"we {both} {same_time[2]} {same_time[3]} at the same time{same_time[4]}"
    elif kind == "common_ground" and text.startswith("you ") and " same " in f" {text} ":
        text = "we both " + text[len("you ") :]  # "grew up in the same town": both of us
    if (
        kind == "common_ground"
        and text.startswith("you also ")
        and not re.search(r"\b(?:before|after|then|until|since|when)\b|,", text)
    ):
        # "also has a corgi": so does the candidate; "also did NIE before switching to HR" is
        # said of them, as what came after is theirs alone.
        text = "we both " + text[len("you also ") :]
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
_MONTH_ABBREVIATIONS = {
    "Jan": "January", "Feb": "February", "Apr": "April", "Aug": "August", "Sept": "September",
    "Sep": "September", "Oct": "October", "Nov": "November", "Dec": "December",
}  # fmt: skip
_MONTH_ABBREVIATION = re.compile(
    r"\b(?:in|by|from|until|since|till|early|late|mid|and|or|to)\s+(Jan|Feb|Apr|Aug|Sept?|Oct|Nov|Dec)\b\.?",
    re.I,
)


_LANGUAGES = (
    "english", "danish", "french", "spanish", "german", "portuguese", "italian", "dutch",
    "swedish", "norwegian", "finnish", "czech", "greek", "turkish", "arabic",
    "hebrew", "hindi", "urdu", "bengali", "tamil", "punjabi", "mandarin", "cantonese",
    "japanese", "korean", "vietnamese", "thai", "indonesian", "malay", "tagalog", "swahili",
    "yoruba", "igbo", "hausa", "zulu", "xhosa", "afrikaans", "russian", "ukrainian", "welsh",
    "irish", "gaelic", "maori", "catalan", "basque", "romanian", "hungarian",
    "polish", "kiswahili", "kalenjin", "hokkien", "amharic", "somali", "farsi", "persian",
    "nepali", "sinhala", "gujarati", "marathi", "telugu", "kannada", "malayalam", "burmese",
    "khmer", "serbian", "croatian", "bulgarian", "slovak", "lithuanian", "latvian", "estonian",
    "icelandic", "albanian", "armenian", "georgian", "kurdish", "pashto", "shona", "twi",
    "samoan", "fijian", "tongan", "tigrinya", "dari", "oromo",
)  # fmt: skip
_PROPER = {
    "python": "Python", "kafka": "Kafka", "postgres": "Postgres", "storybook": "Storybook",
    "figma": "Figma", "javascript": "JavaScript", "typescript": "TypeScript", "github": "GitHub",
    "oncall": "on-call", "linkedin": "LinkedIn", "slack": "Slack", "jira": "Jira",
    "kubernetes": "Kubernetes", "terraform": "Terraform", "shopify": "Shopify",
    "excel": "Excel", "salesforce": "Salesforce", "tableau": "Tableau", "snowflake": "Snowflake",
    "msc": "MSc", "phd": "PhD", "mba": "MBA", "bsc": "BSc", "golang": "Go", "ofsted": "Ofsted",
    "amazon": "Amazon", "google": "Google", "whatsapp": "WhatsApp", "revit": "Revit",
    "youtube": "YouTube", "soundcloud": "SoundCloud", "spotify": "Spotify",
    "instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook", "hubspot": "HubSpot",
    "zendesk": "Zendesk", "procore": "Procore", "gainsight": "Gainsight", "xero": "Xero",
    "quickbooks": "QuickBooks", "photoshop": "Photoshop", "godot": "Godot", "vimeo": "Vimeo",
    "chartbeat": "Chartbeat", "powerpoint": "PowerPoint",
    # Languages are names: "bilingual english/danish".
    **{lang: lang.capitalize() for lang in _LANGUAGES},
}  # fmt: skip
_PROPER_RE = re.compile(r"(?<![\w/.-])(" + "|".join(_PROPER) + r")(?![\w/-]|\.\w)")
_UPPER = re.compile(
    r"(?<![\w/.-])(id|api|sql|aws|gcp|ugc|sla|kpi|okr|ci|cd|pdf|cv|pos|qld|nsw|nz|uk|usa|eu|"
    r"gp|nhs|cpd|ndis|usb)(?![\w/-]|\.\w)"
)


_TITLED_LOWER = re.compile(r"\b(?i:(dr|prof|professor|mr|mrs|ms))\.? ([a-z][a-z'-]+)\b")


def _proper_nouns(text: str) -> str:
    """ "python" -> "Python", "payment id" -> "payment ID", "arm controllers" -> "Arm ...",
    "leiden" -> "Leiden"."""
    text = _PROPER_RE.sub(lambda m: _PROPER[m.group(1)], text)
    text = _UPPER.sub(lambda m: m.group(1).upper(), text)
    text = lexicon.places(text)
    # "she knew dr lyons": a title and a name are written as a name.
    text = _TITLED_LOWER.sub(lambda m: f"{m[1].capitalize()} {m[2].capitalize()}", text)
    text = re.sub(r"\barm (controllers?|chips?|cores?|processors?|boards?)\b", r"Arm \1", text)
    return re.sub(r"\bband (\d)\b", r"Band \1", text)


_DAYS = {
    "mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday",
    "weds": "Wednesday", "thu": "Thursday", "thur": "Thursday", "thurs": "Thursday",
    "fri": "Friday", "sat": "Saturday", "sun": "Sunday",
}  # fmt: skip
_DAY_RE = re.compile(
    r"\b(?:(?<=on )|(?<=this )|(?<=next )|(?<=by )|(?<=every )|(?<=last )|(?<=a ))"
    r"(mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)\b\.?"
    r"|\b(mon|tues?|wed|weds|thu|thur|thurs|fri|sat|sun)"
    r"(?= (?:night|morning|afternoon|evening)s?\b)",
    re.IGNORECASE,
)


def _on_day(text: str) -> str:
    """ "ref checks monday" -> "ref checks on monday": a day straight after a noun."""
    return re.sub(
        r"\b([a-z]+) (mon|tues|wednes|thurs|fri|satur|sun)(day)\b",
        lambda m: (
            f"{m.group(1)} on {m.group(2)}{m.group(3)}"
            if m.group(1).lower() not in _DAY_LEADS and not m.group(1).endswith("ly")
            else m.group(0)
        ),
        text,
        flags=re.IGNORECASE,
    )


_DAY_LEADS = {"on", "by", "next", "this", "last", "until", "till", "til", "from", "before",
              "after", "every", "each", "since", "and", "or", "to", "the", "a", "of", "through",
              "thru", "for", "at", "that", "most", "some", "all",
              "black", "cyber", "good", "casual", "giving", "super", "ash", "palm"}  # fmt: skip


_MONTH_NAMES = {m[:3].lower(): m for m in (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December")}  # fmt: skip


_MONTH_WORD = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)


def _months(text: str) -> str:
    """ "in jan" -> "in January"; "on tues" -> "on Tuesday"; "4 jan" -> "4 January"; "mar
    2027" -> "March 2027"."""
    text = _proper_nouns(text)
    text = re.sub(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_WORD}\b\.?",
        lambda m: f"{m[1]} {_MONTH_NAMES[m[2].lower()[:3]]}",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(  # "start jan 4": January 4
        rf"\b{_MONTH_WORD}\b\.?\s+([1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?![\d:.,/]\d|\s?(?:am|pm|%))",
        lambda m: f"{_MONTH_NAMES[m[1].lower()[:3]]} {m[2]}",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        rf"\b{_MONTH_WORD}\b\.?\s+((?:19|20)\d\d)\b",
        lambda m: f"{_MONTH_NAMES[m[1].lower()[:3]]} {m[2]}",
        text,
        flags=re.IGNORECASE,
    )
    text = _DAY_RE.sub(lambda m: _DAYS[(m.group(1) or m.group(2)).lower()], text)
    text = re.sub(r"\bblack friday\b", "Black Friday", text, flags=re.IGNORECASE)
    text = re.sub(r"\bcyber monday\b", "Cyber Monday", text, flags=re.IGNORECASE)
    text = re.sub(r"\bcovid(?:-?19)?\b", "Covid", text, flags=re.IGNORECASE)
    text = re.sub(
        r"\b(in|by|until|from|since|early|late|mid|before|after) (march|may)\b",
        lambda m: f"{m.group(1)} {m.group(2).capitalize()}",
        text,
    )
    text = re.sub(r"\b(by|until|before|at|from) end of\b", r"\1 the end of", text)
    text = re.sub(  # "doubles nov-jan": from November to January
        r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\s?-\s?"
        r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\b",
        lambda m: f"from {_MONTH_NAMES[m[1].lower()[:3]]} to {_MONTH_NAMES[m[2].lower()[:3]]}",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(
        r"^hybrid,?\s+(\w+) days?(?: a week)? in(?: the)? office",
        r"the hybrid set-up of \1 days a week in the office",
        text,
        flags=re.IGNORECASE,
    )
    text = re.sub(r"\bat last (job|company|role|firm|place|employer)\b", r"at my last \1", text)
    text = re.sub(r"\bat old (jobs|companies|firms|places)\b", r"at our old \1", text)
    text = re.sub(  # "she said Feb": a month on its own
        r"^(Jan|Feb|Apr|Aug|Sept?|Oct|Nov|Dec)\.?$",
        lambda m: _MONTH_ABBREVIATIONS[m.group(1).capitalize()],
        text,
        flags=re.IGNORECASE,
    )
    return _MONTH_ABBREVIATION.sub(
        lambda m: (
            m.group(0)[: m.start(1) - m.start(0)] + _MONTH_ABBREVIATIONS[m.group(1).capitalize()]
        ),
        text,
    )


_FOR_SPAN = re.compile(
    r"\b(used|worked|been|lived|done|did|ran|run|taught|coached|managed|led|volunteered|stayed|"
    r"spoke|talked|chatted|joked|waited|studied|trained|served|played)"
    r"((?:\s+(?!for\b)[^\s,.;]+){0,4}?)"
    r"\s+(one|two|three|four|five|six|seven|eight|nine|ten|\d+|a\s+few|several)\s+"
    r"(years?|months?|weeks?|days?|hours?|minutes?|mins?)\b",
    re.I,
)
# Words after which a span is not "for" one: "in three months", "over two years".
_NOT_FOR = {"in", "over", "within", "after", "every", "of", "about", "than", "last", "past",
            "next", "first", "around"}  # fmt: skip


def _for_span(text: str) -> str:
    """ "I used it 3 years" -> "I used it for three years"; "lived izmir 3 yrs", "spoke
    malayalam 2 min": for that long, unless a word before already says how ("in 3 months")."""

    def spanned(m: re.Match[str]) -> str:
        between = m.group(2).split()
        if between and between[-1].lower() in _NOT_FOR:
            return m.group(0)
        return f"{m.group(1)}{m.group(2)} for {m.group(3)} {m.group(4)}"

    return _FOR_SPAN.sub(spanned, text)


_CALENDAR = re.compile(
    r"\b(?:january|february|april|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
)


_DEBATES = ("debate", "discussion", "question", "tradeoff", "trade-off", "argument", "decision")


_WEEKDAYS = {day.lower() for day in _DAYS.values()}
# Prepositions after which a phrase's head has ended: "rotation into buying".
_HEAD_ENDS = {"into", "through", "across", "over", "under", "between", "after", "before",
              "during", "within", "without", "via", "per"}  # fmt: skip


def _with_article(text: str, *, single: bool = False) -> str:
    """Add "the" to a bare noun phrase ("kafka migration" -> "the kafka migration")."""
    words = text.split(" ")
    if not text or (len(words) < 2 and not single):
        return text
    first = words[0].lower()
    if re.fullmatch(r"(?:19|20)\d\d", first) and len(words) > 1 and words[1][:1].islower():
        return "the " + text  # "2026 local elections": the ones in that year
    if re.fullmatch(r"\d+(?:\.\d+)?%", first) and len(words) > 1 and words[1][:1].islower():
        return "the " + text  # "30% ruling": the scheme, not a share of something
    # "reporting line", "grooming check": a noun led by an -ing word takes "the"; "moving the
    # library" and "expanding to SEPA" are things done, and do not.
    modifier = (
        first.endswith("ing")
        and len(words) >= 2
        and words[1].lower() not in _DETERMINERS | _PREPOSITIONS | _SUBJECTS | _OBJECTS
        and "NOUN" in lexicon.word_classes(words[1].strip(",;:"))
        and not words[1].lower().endswith("ing")
    )
    if first in _DETERMINERS or first[:1].isdigit() or "'" in first:
        return text
    if first.endswith("ing") and not modifier:
        return text
    if first in _SUBJECTS or first in _AUX:
        return text
    if re.search(r" (?:vs|versus) ", f" {text.lower()} ") and not text.lower().endswith(_DEBATES):
        return text  # "ECS vs OOP": two names, not a thing
    if words[0] in _PROPER.values() and len(words) > 1 and not _is_plural(words[-1].lower()):
        return "the " + text  # "the Kafka migration": a tool's name leading a thing
    if first in _WEEKDAYS and len(words) > 1 and words[1][:1].islower():
        return "the " + text  # "Monday trade meeting": the meeting held on Mondays
    if words[0][:1].isupper() and not words[0].isupper() and first not in _COMMON_FIRST:
        last = words[-1].lower().strip(",;:")
        if (
            len(words) == 2
            and words[1].isalpha()
            and words[1].islower()
            and last not in _MASS_NOUNS
            and not last.endswith("ing")
            and not _is_plural(last)
        ):
            return "the " + text  # "Punggol job": a place's name before a common thing
        return text  # a proper name leads: "Ohio State football"
    head = []
    for word in words:
        if word.lower() in _PREPOSITIONS - {"vs", "versus"} | _HEAD_ENDS:
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
        if word.lower() in _PREPOSITIONS | {"i", "we", "that", "which", "you"}:
            break  # "the refresher slides I made": the head ends before its clause
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


# Titles before a name; "med.", "rer. nat." and "Dipl." are parts of German ones.
_HONORIFICS = {"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame", "miss", "ing", "lic", "mme",
               "arq", "dra", "mtro", "mtra", "sr", "sra", "srta", "med", "rer", "nat", "dipl",
               "mag", "dott", "dott.ssa", "dr.ssa", "prof.ssa", "avv", "arch", "capt", "cpt",
               "cdr", "col", "maj", "lt", "sgt", "rev", "fr", "cllr", "hon", "ir"}  # fmt: skip
# Titles of Spanish-speaking countries, whose people carry two family names: the first is the one
# a letter uses ("Lic. Arturo Benítez Solís" is Lic. Benítez).
SPANISH_TITLES = {"lic", "ing", "arq", "dra", "mtro", "mtra", "sr", "sra", "srta"}
# Second given names, so "María Fernanda Treviño" keeps Treviño as her family name.
SPANISH_GIVEN = frozenset(
    {
        "fernanda", "josé", "jose", "luisa", "elena", "isabel", "carmen", "teresa", "antonio",
        "guadalupe", "eugenia", "luis", "carlos", "alberto", "eduardo", "ángel",
        "angel", "manuel", "javier", "alejandro", "miguel", "andrés", "andres", "daniela",
        "gabriela", "sofía", "sofia", "lucía", "lucia", "paula", "inés", "ines", "pilar",
        "dolores", "mercedes", "rosa", "cristina", "patricia", "fernando", "francisco", "jesús",
        "ignacio", "rafael", "ricardo", "enrique", "alejandra", "mariana", "valeria", "beatriz",
    }
)  # fmt: skip
_TITLE_ENDINGS = (
    "interview", "chat", "call", "round", "screen", "session", "panel", "conversation",
    "loop", "lunch", "meeting", "review", "exercise", "presentation", "walkthrough",
)  # fmt: skip


def word_count(text: str) -> int:
    """Words as a reader counts them: whitespace-separated tokens."""
    return len(text.split())


# Common family names of Chinese, Korean and Vietnamese origin, as romanised in Singapore,
# Malaysia, Hong Kong, Taiwan, Korea and Vietnam. A three-part name that starts with one of them
# ("Koh Wee Leong", "Nguyen Van An") is written family name first.
_FAMILY_FIRST = frozenset(
    {
        "tan", "lim", "lee", "ng", "ong", "wong", "goh", "chua", "chan", "koh", "teo", "ang", "yeo",
        "tay", "ho", "low", "toh", "sim", "chong", "chia", "seah", "foo", "leong", "lau", "kwok",
        "cheung", "cheong", "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu",
        "zhou", "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang",
        "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong",
        "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren",
        "shen", "yao", "kim", "park", "choi", "jung", "jeong", "kang", "cho", "yoon", "jang", "oh",
        "seo", "shin", "kwon", "hwang", "ahn", "nguyen", "tran", "le", "pham", "hoang", "phan",
        "vu", "vo", "dang", "bui", "do", "ngo", "duong", "ly", "quek", "heng", "khoo", "loh", "lai",
        "liew", "chew", "soh", "yap", "yip", "hui", "kee", "poh", "neo", "pang",
    }
)  # fmt: skip


# Common Japanese family names. A two-part name that starts with one and ends with a given name
# ("Matsuda Keiko", not "Keiko Matsuda") is written family name first, as in Japan.
_JAPANESE_FAMILY = frozenset(
    {
        "sato", "suzuki", "takahashi", "tanaka", "watanabe", "ito", "yamamoto", "nakamura",
        "kobayashi", "kato", "yoshida", "yamada", "sasaki", "yamaguchi", "matsumoto", "inoue",
        "kimura", "hayashi", "shimizu", "yamazaki", "mori", "abe", "ikeda", "hashimoto",
        "yamashita", "ishikawa", "nakajima", "maeda", "fujita", "ogawa", "goto", "okada",
        "hasegawa", "murakami", "kondo", "ishii", "saito", "sakamoto", "endo", "aoki", "fujii",
        "nishimura", "fukuda", "ota", "miura", "fujiwara", "okamoto", "matsuda", "nakagawa",
        "nakano", "harada", "ono", "tamura", "takeuchi", "kaneko", "wada", "nakayama", "ishida",
        "ueda", "morita", "hara", "shibata", "sakai", "kudo", "yokoyama", "miyazaki", "miyamoto",
        "uchida", "takagi", "ando", "taniguchi", "ohno", "maruyama", "imai", "takada", "fujimoto",
        "takeda", "murata", "ueno", "sugiyama", "masuda", "sugawara", "hirano", "kojima",
        "otsuka", "chiba", "kubo", "matsui", "iwasaki", "sakurai", "kinoshita", "noguchi",
        "matsuo", "nomura", "kikuchi", "sano", "onishi", "sugimoto", "arai", "arakawa",
        "nishida", "kawaguchi", "kawasaki", "hirata", "yoshikawa", "tsuchiya",
    }
)  # fmt: skip
# How Japanese given names usually end: Keiko, Daisuke, Hiroshi, Ryo, Akira, Yui, Ken.
_JAPANESE_GIVEN = re.compile(r"[a-z]*(?:o|i|a|u|e|ken|jun|shin|hei)")


# The commonest Korean family names, which lead a Korean name written in its own order.
_KOREAN_FAMILY = {"kim", "lee", "yi", "park", "pak", "choi", "jung", "jeong", "kang", "cho",
                  "jo", "yoon", "yun", "jang", "lim", "im", "han", "oh", "seo", "shin", "kwon",
                  "hwang", "ahn", "an", "song", "ryu", "yoo", "hong", "jeon", "go", "ko", "moon",
                  "yang", "son", "bae", "baek", "heo", "nam", "noh", "ha", "kwak", "sung", "cha",
                  "joo", "woo", "min", "na", "jin", "yeo", "chung"}  # fmt: skip


# Vietnamese family names (without their marks): a Vietnamese name puts the family name first
# and the name someone is called by last ("Trần Minh Khoa" is Khoa).
_VIETNAMESE_FAMILY = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "duong", "dinh", "truong", "trinh", "doan", "quach", "luong", "ngo",
}  # fmt: skip


def vietnamese(words: Sequence[str]) -> bool:
    """Whether a name (without its title) is Vietnamese: "Trần Minh Khoa", "Nguyen Van An"."""
    return (
        len(words) >= 3
        and lexicon.plain_letters(words[0]).lower() in _VIETNAMESE_FAMILY
        and all(w[:1].isupper() and w.isalpha() for w in words)
    )


def _email_order(words: Sequence[str], email: str) -> bool | None:
    """What a work address says of a three-part name's order: True when it shows the first word
    is the family name ("weeleong.koh@" for Koh Wee Leong), False when the last is
    ("liwei.chen@" for Li Wei Chen), None when it does not say."""
    if len(words) != 3 or "@" not in (email or ""):
        return None
    parts = [p for p in re.split(r"[._-]+", email.split("@", 1)[0].lower()) if p]
    plain = [lexicon.plain_letters(w).lower() for w in words]
    first_two, last_two = "".join(plain[:2]), "".join(plain[1:])
    # Only the common given.family form: "omurchu" alone or "declan.omurchu" says nothing of
    # which word of "Declan Ó Murchú" is the family name.
    if parts == [first_two, plain[2]]:
        return False
    if parts == [last_two, plain[0]]:
        return True
    return None


def family_first(words: Sequence[str], email: str = "") -> bool:
    """Whether a name (without its title) puts the family name first: "Koh Wee Leong",
    "Matsuda Keiko"; the person's work address, when it shows the order, decides ("Li Wei Chen"
    of liwei.chen@ is Li Wei)."""
    if (
        len(words) == 2
        and words[0].isalpha()
        and words[0].lower() in _KOREAN_FAMILY
        and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1])
    ):
        return True  # "Han Seo-yeon", "Lee Dong-hyun": a Korean name, family name first
    if not all(w.isalpha() and w[:1].isupper() for w in words):
        return False
    if len(words) == 3:
        told = _email_order(words, email)
        if told is not None:
            return told
        return words[0].lower() in _FAMILY_FIRST and all(len(w) <= 7 for w in words)
    return (
        len(words) == 2
        and words[0].lower() in _JAPANESE_FAMILY
        and words[1].lower() not in _JAPANESE_FAMILY
        and _JAPANESE_GIVEN.fullmatch(words[1].lower()) is not None
    )


def sure_name(name: str) -> str:
    """A name as a note may use it, without the doubts typed into it: "Darren? Darryl?
    (marketing guy)" -> "Darren"; "Ana (HR)" -> "Ana"."""
    name = re.sub(r"\s*\([^)]*\)", " ", name or "")
    # "Pri-something", "Pri... something": the part caught, without the doubt.
    name = _HALF_CAUGHT.sub("", name)
    words = name.split()
    unsure = [i for i, w in enumerate(words) if w.endswith("?")]
    if len(unsure) >= 2 and unsure[0] + 1 == unsure[1]:
        words = words[: unsure[0] + 1]  # "Darren? Darryl?": the first guess
    return " ".join(w.strip("?") for w in words if w.strip("?"))


def unsure_name(name: str) -> bool:
    """Whether the candidate typed a doubt into the name ("Darren?", "Pri-something")."""
    return "?" in (name or "") or bool(_HALF_CAUGHT.search(name or ""))


# The rest of a name not caught: "Pri-something", "Pri... something", "Jo-whatever".
_HALF_CAUGHT = re.compile(
    r"(?:\s*(?:\.{2,}|\u2026)\s*|-|\s+)(?:something|smth|whatever|sth)\b\.*|(?<=\w)(?:\.{2,}|\u2026)",
    re.IGNORECASE,
)


def courtesy(words: Sequence[str]) -> bool:
    """Whether a name opens with a courtesy title said with the given name: "Don Luis", "Doña
    Marta", "Seu Pedro"; not "Don Draper"."""
    if len(words) < 2:
        return False
    if words[0] in {"Doña", "Dona", "Seu", "Kuya", "Ate", "Tita", "Tito", "Lola", "Lolo"}:
        return True  # "Seu Pedro" (Brazil), "Kuya Jun" (the Philippines)
    given = {"juan", "pedro", "pablo", "jorge", "pepe", "ramón", "ramon", "raúl", "raul", "mario"}
    return words[0] in {"Don", "Dom"} and words[1].lower() in SPANISH_GIVEN | given


def first_name(name: str, email: str = "") -> str:
    """First name, skipping honorifics: "Dr. Priya Natarajan" -> "Priya"; the given name of a
    name written family name first: "Koh Wee Leong" -> "Wee Leong" (the person's address, when
    given, may show the order)."""
    name = _full_name(name)
    nickname = re.search(r"[\"\u201c]([A-Z][\w'-]+)[\"\u201d]", name or "")
    if nickname:
        return nickname.group(1)  # Robert "Bob" Jenkins goes by Bob
    words = [w for w in (name or "").replace(",", " ").split() if w]
    if len(words) >= 2 and words[0].lower() in {"aunty", "auntie", "aunt", "uncle"}:
        return f"{words[0]} {words[1]}"  # "Aunty Carol Briggs" is Aunty Carol
    if courtesy(words):
        return f"{words[0]} {words[1]}"  # "Don Luis" is Don Luis
    untitled = [w for w in words if w.lower().rstrip(".") not in _HONORIFICS]
    if len(untitled) >= 3 and untitled[0] == "M.":
        untitled = untitled[1:]  # "M. Driss Alaoui": Monsieur, not an initial
    if vietnamese(untitled):
        return untitled[-1]  # "Trần Minh Khoa" is Khoa
    if family_first(untitled, email):
        return " ".join(untitled[1:])
    if len(untitled) == 3 and _email_order(untitled, email) is False:
        return " ".join(untitled[:2])  # "Li Wei Chen" of liwei.chen@ is Li Wei
    return untitled[0] if untitled else (words[0] if words else "")


# Polish degree prefixes ("inż. Marek Kowalczyk", "mgr inż."): a letter in English leaves them
# out and greets the person as it would anyone else.
_DEGREE_PREFIX = re.compile(r"^(?:(?:mgr|inż|inz|lek|dr\s+inż)\.?\s+)+", re.IGNORECASE)


def _full_name(name: str) -> str:
    return _DEGREE_PREFIX.sub("", sure_name(name))


def _names(names: Sequence[str]) -> str:
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def role_title(role: str) -> str:
    """The job title as it reads in a sentence: "Charge Nurse, Emergency Department" ->
    "Emergency Department Charge Nurse"; of a title given in two languages ("Registrar de
    Colecciones / Collections Registrar"), the last; a posting's bracket or " - place" suffix
    ("Pharmacy Manager (Designated Manager) - Leslieville") left out."""
    role = " ".join((role or "").split()).rstrip(".")
    role = re.sub(r"\s*\([^)]*\)", "", role)  # before the split: "Engineer (EU / UNECE)"
    role = role.split(" / ")[-1]
    role = re.sub(r"\s+[-\u2013\u2014]\s+.*$", "", role).strip() or role
    specialty = re.fullmatch(r"([A-Z][\w&' -]*?), ([A-Z][\w&' -]*)", role)
    if specialty and len(specialty.group(2).split()) <= 4:
        role = f"{specialty.group(2)} {specialty.group(1)}"
    return role


def company_name(job) -> str:
    """The company as a sentence names it: "Kirkgate Academy (Brightwater Learning Trust)" ->
    "Kirkgate Academy"."""
    name = " ".join((job.company or "").split()).rstrip(".")
    name = re.sub(r"\s*\([^)]*\)$", "", name) or name
    # "Odra Rail Serwis, a dash, Depot Wrocław Gądów": the company, not the site after the dash.
    head = re.split(r"\s+[\u2013\u2014-]\s+", name, maxsplit=1)[0]
    if len(head.split()) >= 2:
        name = head
    # "Beara Head Brewing Co.", "Traductions Boréal inc.": a note names the company, not its
    # legal form.
    plain = re.sub(_LEGAL_FORM, "", name).strip(" ,")
    if re.search(r"(?:&|\band)$", plain, re.IGNORECASE):
        # "Brennan Ó Dálaigh & Co.": "& Co." is part of the name, said whole.
        plain = re.sub(r"\s*,?\s+(?:ltd|limited|llp|plc|inc)\.?$", "", name, flags=re.I)
        plain = plain if plain.endswith(".") or not plain.lower().endswith(" co") else plain + "."
    return plain if re.search(r"[A-Za-z]{2}", plain) else name


_LEGAL_FORM = re.compile(
    r",?\s+(?:inc|co|corp|ltd|llc|llp|plc|gmbh|ag|bv|nv|sas|srl|spa|pte\.?\s+ltd|"
    r"\(?pty\.?\)?\s+ltd|sdn\.?\s+bhd|bhd|ltda|s\.?\s?l\.?|s\.?\s?r\.?\s?l\.?|a\.?\s?ş\.?|"
    r"(?:pvt|private)\.?\s+(?:ltd|limited)|sp\.?\s?z\s?o\.?\s?o|sp\.?\s?k|s\.?\s?r\.?\s?o|"
    r"d\.?\s?o\.?\s?o|kft|zrt|sarl|aps|oü|s/a|ltée|kg|co\.?,?\s+ltd|"
    r"a/s|as|ab|oy|kk|s\.\s?a\.?(?:\s+de\s+c\.\s?v)?|sa|limited|"
    r"(?:s|soc)\.\s?coop\.?(?:\s+(?:and|v|l|ltda)\.?)?)\.?$",
    re.IGNORECASE,
)


def _role_phrase(job) -> str:
    role = role_title(job.role)
    company = company_name(job)
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


_IRREGULAR_PAST = {
    "led": "leading", "built": "building", "ran": "running", "wrote": "writing",
    "grew": "growing", "took": "taking", "gave": "giving", "drove": "driving", "won": "winning",
    "taught": "teaching", "sold": "selling", "began": "beginning", "made": "making",
    "rebuilt": "rebuilding", "rewrote": "rewriting", "set": "setting", "spun": "spinning",
    "brought": "bringing", "cut": "cutting", "oversaw": "overseeing", "did": "doing",
    "got": "getting", "went": "going",
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


# How a "why I fit" line describes the candidate: "calm with complaints" is something they are.
_TRAITS = {"calm", "good", "great", "patient", "organised", "organized", "reliable", "strong",
           "comfortable", "confident", "happy", "passionate", "experienced", "fluent",
           "flexible", "used", "familiar", "quick", "fast", "skilled", "trained", "certified",
           "qualified", "registered", "licensed", "chartered"}  # fmt: skip

# Verbs a "why I fit" line starts with when it says what the candidate does now.
_PRESENT_VERBS = {
    "run", "lead", "manage", "speak", "know", "teach", "coach", "mentor", "build", "write",
    "design", "own", "maintain", "train", "supervise", "volunteer", "hold", "love", "enjoy",
    "work", "use", "organise", "organize", "host", "handle", "coordinate", "deliver",
}  # fmt: skip


def _fit_clause(fit: str) -> str:
    """A "why I fit" line as a clause; a second part that starts with a past tense reads as
    what came with it: "six years reporting, started at a community paper" -> "..., starting
    at a community paper"."""
    clause = _fit_clause_head(fit)
    return re.sub(
        r", (\w+ed|" + "|".join(_IRREGULAR_PAST) + r") (?=\w)",
        lambda m: (
            f", {_gerund(m.group(1))} "
            if m.group(1).lower() not in _NOT_VERBS_ED and len(m.group(1)) > 3
            else m.group(0)
        ),
        clause,
    )


# "danish/english + ok german", "EN/FR": how a phone jot lists languages.
_LIST_SEP = re.compile(r"\s*(?:/|\+|,|&|\band\b)\s*")
_SOME_OF = {"ok", "okay", "some", "basic", "decent", "conversational"}
_LANGUAGE_CODES = {"EN": "English", "FR": "French", "DE": "German", "ES": "Spanish",
                   "PT": "Portuguese", "IT": "Italian", "NL": "Dutch", "JP": "Japanese",
                   "JA": "Japanese", "ZH": "Mandarin", "AR": "Arabic"}  # fmt: skip


def _languages(fit: str) -> str:
    """ "danish/english + ok german" -> "I speak Danish and English, and some German"; "" when
    the line is not a list of languages."""
    parts = _LIST_SEP.split(fit.strip().lower())
    fluent, some = [], []
    for part in parts:
        # "marathi + hindi + eng": among languages, "eng" is English, never engineering.
        part = re.sub(r"\b(?:eng|engineering)$", "english", part)
        words = part.split()
        if not words or words[-1] not in _LANGUAGES:
            return ""
        if len(words) == 1:
            fluent.append(words[0].capitalize())
        elif len(words) == 2 and words[0] in _SOME_OF:
            some.append(words[1].capitalize())
        else:
            return ""
    if not fluent:
        return ""
    return f"I speak {_names(fluent)}" + (f", and some {_names(some)}" if some else "")


def _fit_clause_head(fit: str) -> str:
    """A "why I fit" line as a clause the candidate says of themselves.

    "led a kafka migration" -> "I led a kafka migration"; "eight years designing tools" ->
    "I have spent eight years designing tools"; "python and postgres" -> "I have experience in
    python and postgres"; a line that already says "I've ..." or "experience ..." is kept.
    """
    pqe = re.match(r"^((?:\w+|\d+) years?)\s+PQE\s+(?:in\s+)?(.+)$", fit)
    if pqe:
        return f"I have {pqe.group(1)} of post-qualification experience in {pqe.group(2)}"
    if re.match(r"^lived\s+exp(?:erience)?\b", fit, re.IGNORECASE):
        return "I have lived experience" + re.sub(r"^lived\s+exp(?:erience)?", "", fit, flags=re.I)
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
            and words[2].lower().rstrip(",;").endswith("ing")
            else f"I have {fit}"
        )
    if first in {"my", "a", "an"} or first in _OWN_THINGS:
        return f"I have {fit}" if first != "my" else f"I bring {fit}"
    if first in {"experience", "expertise"}:
        return f"I have {fit}"
    lingual = re.match(r"^(bilingual|trilingual|fluent)\s+(?:in\s+)?(.+)$", fit, re.IGNORECASE)
    if lingual:
        # "bilingual EN/FR": "I am bilingual in English and French".
        names = [_LANGUAGE_CODES.get(c.strip(), c.strip()) for c in _LIST_SEP.split(lingual[2])]
        if all(n[:1].isupper() for n in names if n):
            return f"I am {lingual[1].lower()} in {_names([n for n in names if n])}"
    spoken = _languages(fit)
    if spoken:
        return spoken
    level = re.fullmatch(r"([A-Za-z]+)\s+(?:at\s+)?([ABC][12])(?:\s+level)?", fit)
    if level and level.group(1).lower() in _LANGUAGES:
        # "german B2": a language at a CEFR level.
        return f"I speak {level.group(1).capitalize()} at {level.group(2)} level"
    degree = re.match(
        r"^(MSc|MA|BSc|BA|BEng|MEng|MBA|PhD|LLB|LLM|MPH|MRes|BEd|MEd|BMus|MMus|BFA|MFA)\s+(.+)$",
        fit,
    )
    if degree:
        # "MSc information and library studies": a degree held, in its subject.
        subject = re.split(r"\s+and\s+(?=\w+\s+years?\b)|,", degree.group(2))[0].strip()
        # "BMus voice UST 2022": the subject, then where and when.
        where = re.fullmatch(r"(.+?) ([A-Z][\w&.-]*[A-Z][\w&.-]*) ((?:19|20)\d\d)", subject)
        if where:
            subject = f"{where[1]} from {where[2]} ({where[3]})"
        subject = subject if re.match(r"^(?:in|on)\s", subject) else f"in {subject}"
        article = "an" if degree.group(1)[0] in "AEFHILMNORSX" else "a"
        return f"I have {article} {degree.group(1)} {subject}"
    if (
        re.match(r"^[A-Z]{2,6}\b", fit)
        and not re.search(r"[,;]", fit)
        and re.search(
            r"\b(?:valid|cert(?:ificate|ified)?|licen[cs]ed?|N[1-5]|level \d|grade \d|rescue)\b",
            fit,
        )
    ):
        # "JLPT N1", "GWO basic + advanced rescue valid until 2027": a qualification held;
        # "JLPT N1 + english native" holds the first part only.
        parts = re.split(r"\s*\+\s*|\s+and\s+", fit)
        kept = [parts[0]] + [
            part for part in parts[1:] if re.search(r"\b(?:valid|rescue|advanced|level)\b", part)
        ]
        held = " and ".join(kept)
        if re.search(r"\b(?:licen[cs]e|certificate|certification)$", held, re.IGNORECASE):
            # "EPRA T3 licence": one licence, an EPRA one.
            held = ("an " if held[0] in "AEFHILMNORSX" else "a ") + held
        return "I hold " + re.sub(r"\s+(valid until)\b", r", \1", held)
    held = re.match(
        r"^(?:an?\s+)?(.+?\s(?:certificate|certification|qualification|diploma|degree|licence|"
        r"license|accreditation))(?:\s+and\s+(?P<more>[A-Z][\w -]*))?$",
        fit,
        re.IGNORECASE,
    )
    if held:
        thing = held.group(1)
        more = f" and {held['more']}" if held["more"] else ""  # "forklift cert + OSHA 30"
        return f"I hold {'an' if thing[:1].lower() in 'aeiou' else 'a'} {thing}{more}"
    served = re.match(
        r"^([A-Za-z][\w-]*(?:\s[\w-]+)?)\s+for\s+((?:\w+|\d+)\s+(?:years?|months?)\b.*)$", fit
    )
    if served and not served.group(1).lower().endswith("ing"):
        role = served.group(1)
        article = "an" if role[:1].lower() in "aeiou" or role[:1] in "FHLMNRSX" else "a"
        return f"I have worked as {article} {role} for {served.group(2)}"
    if first == "background":
        return f"I have a {fit}"
    lots = re.match(r"^(?:lots|loads|plenty|a\s+lot)\s+of\s+(.+)$", fit, re.IGNORECASE)
    if lots:
        return f"I have done a lot of {lots.group(1)}"  # "lots of court work"
    if first in _TRAITS and len(words) > 1:
        return f"I am {fit}"  # "calm with complaints", "good with GCs"
    if first in _PRESENT_VERBS or first in {"can", "could"}:
        return f"I {fit}"  # "run a hydrotherapy group", "can do NIR hay analysis"
    if re.match(r"^[A-Z][\w-]*\s+(?:certified|accredited|qualified|registered|licensed)\b", fit):
        return f"I am {fit}"  # "GWO certified": a state, not experience
    if first.endswith("ing") and len(first) > 4:
        return f"I have experience {fit}"
    if words[0][:1].isupper():
        return f"I have experience with {fit}"  # tools and names: "Python and SAS"
    return f"I have experience in {fit}"


_SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_RATE = re.compile(
    r"\b(\d[\d,.]*|[a-z]+s)\s*/\s*(wk|week|day|mo|month|yr|year|hr|hour|unit|person|head|"
    r"shift|night|visit|kg|box|case|room|seat)\b",
    re.IGNORECASE,
)  # "40/wk", "moves/hr": forty a week, moves an hour
_RATE_WORDS = {"wk": "week", "mo": "month", "yr": "year", "hr": "hour"}


_COMPOUND = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
    r"hundred)\s(hour|day|week|month|year|minute|person|mile|page|step|point|bed|seat)\s"
    r"(?!(?:a|an|the|of|on|in|at|for|to|and|or|with|by|from|ago|old|long|later|earlier|before|"
    r"after|until|since|when|while|then|so|but|because|as|now|there|here|each|every)\b)"
    r"(?=[a-z])",
    re.IGNORECASE,
)


def _compounds(text: str) -> str:
    """ "the four hour target" -> "the four-hour target": a measure before a noun."""
    return _COMPOUND.sub(lambda m: f"{m.group(1)}-{m.group(2)} ", text)


_TIMES = re.compile(r"(?<![\w.])([2-9])x\b(?!\S*[/\\])")
_TIMES_WORDS = {"2": "twice", "3": "three times", "4": "four times", "5": "five times"}
_FOLD = {"2": "twofold", "3": "threefold", "4": "fourfold", "5": "fivefold", "6": "sixfold"}


def _times(match: re.Match[str]) -> str:
    """ "grew revenue 3x" -> "threefold"; "2x a week" -> "twice a week"."""
    before = match.string[: match.start()].lower()
    digit = match.group(1)
    if re.search(
        r"\b(?:grew|increased|raised|boosted|lifted|scaled|improved|cut|reduced)\b", before
    ):
        return _FOLD.get(digit, f"{digit} times")
    return _TIMES_WORDS.get(digit, f"{digit} times")


_CHANGED_BY = re.compile(
    r"\b(cut|reduced|grew|increased|raised|lowered|boosted|improved|halved|lifted)"
    r"((?:\s(?!about\b|around\b|roughly\b|nearly\b|almost\b)[a-z][\w-]*){1,3})"
    r"\s((?:(?:about|around|roughly|nearly|almost)\s)?\d[\d.,]*\s?%)",
    re.IGNORECASE,
)


def _spell_numbers(text: str) -> str:
    """ "5/wk" -> "five a week"; a lone digit before a word -> the word ("3 services")."""
    text = _CHANGED_BY.sub(lambda m: f"{m[1]}{m[2]} by {m[3]}", text)  # "cut injuries by 40%"
    text = _TIMES.sub(_times, text)
    # "every morning 6.50": at that time.
    text = re.sub(
        r"\b(morning|night|evening|afternoon|day|weekday)\s+(\d{1,2}[.:]\d{2}|\d{1,2}(?:am|pm))\b",
        r"\1 at \2",
        text,
    )
    text = _RATE.sub(
        lambda m: (
            f"{m.group(1)} {'an' if m.group(2).lower() in {'hr', 'hour'} else 'a'} "
            f"{_RATE_WORDS.get(m.group(2).lower(), m.group(2).lower())}"
        ),
        text,
    )

    def spell(match: re.Match[str]) -> str:
        before = text[: match.start()].split()
        if before and (
            before[-1].lower() in _NUMBER_LABELS
            or before[-1].isupper()
            or before[-1] in _MONTH_NAMES.values()
        ):
            return match.group(0)  # "band 7", "IFRS 9", "January 4": a name, not a count
        return _SMALL_NUMBERS[int(match.group(1))]

    text = re.sub(
        r"(?<![\w.$%/-])([1-9])(?= [a-zA-Z]| \d+ hour)"
        r"(?! (?:am|pm|AM|PM|k|K|m|M|to|or|and|kg|g|km|cm|mm|ml|mg|kW|kw|MW|GW|lbs?|oz|ft|"
        rf"mph|kph|{'|'.join(_MONTH_NAMES.values())})\b)",
        spell,
        _ORDINAL.sub(lambda m: _ORDINALS[m.group(0).lower()], text),
    )
    return _compounds(text)


_ORDINALS = {"1st": "first", "2nd": "second", "3rd": "third", "4th": "fourth", "5th": "fifth"}
_ORDINAL = re.compile(r"\b(?:1st|2nd|3rd|4th|5th)\b", re.IGNORECASE)


_NUMBER_LABELS = {
    "band", "level", "step", "grade", "tier", "version", "v", "year", "phase", "stage", "room",
    "floor", "gate", "line", "page", "chapter", "part", "round", "week", "day", "q", "class",
    "key", "route", "bus", "platform", "terminal", "building", "unit", "ward", "bay", "no",
}  # fmt: skip


def _gerund(verb: str) -> str:
    """ "offered" -> "offering", "gave" -> "giving": a past-tense verb as a gerund."""
    lower = verb.lower()
    if lower in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[lower]
    if lower.endswith("ied"):
        return verb[:-3] + "ying"
    if lower.endswith("ed"):
        return verb[:-3] + "eeing" if lower.endswith("eed") else verb[:-2] + "ing"
    return verb


def _big_numbers(text: str) -> str:
    """ "2M people" -> "2 million people", "3k subscribers" -> "3,000 subscribers"."""

    def thousands(match: re.Match[str]) -> str:
        value = float(match.group(1)) * 1000
        return f"{value:,.0f}" if value == int(value) else match.group(0)

    text = re.sub(r"(?<![\w.,$])0 (?=[A-Za-z])", "zero ", text)  # "0 LTIs" -> "zero LTIs"
    text = re.sub(r"(?<![\w.$])(\d+(?:\.\d+)?)\s?(?:M|mn|MM)\b", r"\1 million", text)
    text = re.sub(r"(?<![\w.$])(\d+(?:\.\d+)?)\s?(?:B|bn)\b", r"\1 billion", text)
    return re.sub(r"(?<![\w.$])(\d+(?:\.\d+)?)[kK]\b", thousands, text)


# Words that open with a vowel letter but a consonant sound ("a user", "a one-off").
_CONSONANT_SOUND = re.compile(r"^(?:u(?:ni|s[eiu]|r[aeiou]|t[ei]|k|bi)|eu|one\b|once|ewe)", re.I)
# Words that open with a consonant letter but a vowel sound ("an hour", "an honest").
_VOWEL_SOUND = re.compile(r"^(?:hour|honest|honou?r|heir)", re.I)


def a_or_an(text: str) -> str:
    """ "a Estonian" -> "an Estonian", "an CV" -> "a CV": the article the next sound takes. An
    acronym is read letter by letter ("an MSc", "a UX review")."""

    def fix(match: re.Match[str]) -> str:
        article, word = match.group(1), match.group(2)
        letters = re.sub(r"[^A-Za-z]", "", word)
        if not letters or word.lower() in {"a", "an"}:
            return match.group(0)
        if len(letters) >= 2 and letters[:2].isupper():
            vowel = letters[0] in "AEFHILMNORSX"  # said letter by letter
        elif word[:1].isupper() and len(letters) <= 3 and letters.isupper():
            vowel = letters[0] in "AEFHILMNORSX"
        else:
            vowel = (letters[0].lower() in "aeiou" and not _CONSONANT_SOUND.match(word)) or bool(
                _VOWEL_SOUND.match(word)
            )
        want = ("an" if vowel else "a") if article.islower() else ("An" if vowel else "A")
        return f"{want} {word}"

    return re.sub(r"\b([Aa]n?) (?=[A-Za-z])([A-Za-z][\w'-]*)", fix, text)
