"""Two last checks on a jot before any note says it.

`private_reason(jot)` — some jots are for the candidate's eyes only: pay talk, what they told the
recruiter, gossip about a colleague, a lawsuit, "don't repeat that". A careful person leaves them
out of every note, so the reader flags them (the user sees why and may still write a reading).

`residue(sentence)` — what a reading must never carry into a note: phone shorthand ("abt", "w/",
"shouldve", "18k", "fri/sat"), reported speech ("he said ..."), chat marks ("lol", "??", emoji),
unbalanced quotes. A reading with residue is flagged rather than pasted: a draft with one clean
detail is sendable, a draft with a raw jot in it is not.

Both are deliberately conservative: a false alarm costs the user one tap to write the reading; a
miss puts a stray "lol" in a note to a hiring manager.
"""

from __future__ import annotations

import re

# --- private jots ---------------------------------------------------------------------------------

_PAY = "It is about pay, which a thank-you note leaves out."
_OWN = "It is about your own notice or job, which they know from you; the note leaves it out."
_PRIVATE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        (
            "You marked it as not for the note.",
            r"\b(?:do\s*n[o']?t|dont|never)\s+(?:repeat|mention|bring\s+(?:it\s+|that\s+)?up|"
            r"say|put|include|quote|use|tell)\b|\bleave\s+(?:that|this|it)\s+(?:alone|out)\b|"
            r"\bkeep\s+(?:(?:that|this|it)\s+)?out\b|\boff\s+the\s+record\b|\bbetween\s+us\b|"
            r"\bconfidential\b|\bnot\s+for\s+the\s+(?:note|email|card)\b",
        ),
        (
            "It is about your job search, which a note leaves out.",
            r"\b(?:actually|really)\s+\d+\b|\(actually\b|\bwhite\s+lie\b|"
            r"\binterviewing\s+elsewhere\b|\bother\s+offers?\b|"
            r"\b(?:talking|speaking|interviewing)\s+(?:to|with)\s+(?:another|other|a\s+competitor)\b|"
            r"\bi'?m\s+(?:also\s+)?(?:talking|speaking)\s+to\s+(?-i:[A-Z]{2,})\b",
        ),
        (
            _PAY,
            r"\b(?:bruto|brutto|netto|salário|sueldo|gehalt)\b|연봉|월급|年収|給与|\d[\d.,]*\s?[$€£]|\bx\s?1[2-4]\b|"
            r"\b(?:salary|salaries|pay\s+(?:band|range|rise|scale)|comp\s+band|compensation|"
            r"bonus|equity|stock\s+options|per\s+annum|day\s+rate|hourly\s+rate|allowance)\b|"
            r"\b401\s?\(?k\)?|\bbenefits\b|\bsuper(?:annuation)?\b|\b\d{2,3}(?:[.,]\d+)?\s?k\s*(?:\+|plus|base|package|ote)|"
            r"[$€£¥₹₩₦]\s?\d|\bRM\s?\d|\b(?:COP|MXN|ARS|CLP|BRL|PHP|THB|MYR|IDR|VND|EGP|TRY|SEK|NOK|DKK|PLN|CZK|HUF|ZAR|KES|NGN|GHS|INR|AED|SAR)\s?\d|\bR\s?\d+(?:[.,]\d+)?\s?k\b|\bCTC\b|\b\d+(?:\.\d+)?\s?(?:L|LPA|lakhs?)\b|"
            r"\b\d+(?:[.,]\d+)?\s?k?\s?/\s?(?:mth|month|yr|year|hr|hour)\b|"
            r"\b\d+(?:[.,]\d+)?\s?-\s?\d+(?:[.,]\d+)?\s?k\b|"
            r"\b(?:band|range|budget)\s+(?:is\s+|of\s+)?[$€£R]?\d+(?:[.,]\d+)?\s?(?:-|k\b)|"
            r"\bi\s+said\s+[$€£R]?\d",
        ),
        (
            "It is something said in confidence about someone, which a note leaves out.",
            r"\bwhy\s+(?:the\s+)?(?:last|previous|prev|old|former|outgoing)\s+[\w ]{1,30}?\s+"
            r"(?:left|quit|went|moved\s+on)\b|"
            r"\b(?:pushed\s+out|got\s+fired|was\s+fired|laid\s+off|quit\s+after|"
            r"(?:quit|left)\s+(?:in\s+a\s+huff|suddenly)|gossip|drama|toxic|"
            r"lawyers?'?s?\s+letter|lawsuit|sued|legal\s+threat|stop[-\s]work\s+order|"
            r"tribunal|grievance|disciplinary|(?:is|was)\s+['\"]?a\s+lot['\"]?|"
            r"sounds?\s+shaky|messy|loads\s+of\s+OT|short[-\s]staffed)\b",
        ),
        (
            "It reads as a note to yourself (a to-do, or how someone seemed), which a note "
            "leaves out.",
            r"\b(?:looks?|looked|seemed|seems)\s+(?:so\s+|really\s+|very\s+)?(?:exhausted|tired|"
            r"stressed|burnt?[-\s]?out|fed\s+up|annoyed|bored|distracted|grumpy|miserable|unhappy|"
            r"nervous|hungover)\b|\bclearly\s+(?:disagree|don'?t\s+get\s+on|hate|dislike)\w*\b|"
            r"\bliked\s+(?:me|you)\s+a\s+lot\b|\bdon'?t\s+forget\b|\bremember\s+to\b|"
            r"\bnote\s+to\s+self\b|\b(?:remove|sanitise|sanitize|redact|strip|fix|call|ring|ask|"
            r"update|clean\s+up)\b[^,;.]*\bfirst\b|\bNDA\b|\bREMOVE\b|\bSANITI[SZ]E\b",
        ),
        (
            "It is how someone seemed to you, which a note leaves out.",
            r"^\s*(?:gut|vibes?|impression|first\s+impression|feeling|hunch)\s*[:\-]|"
            r"^\s*(?:so|very|really|super|bit|a\s+bit|quite|v)\s+(?:warm|nice|cold|cool|kind|"
            r"friendly|lovely|sweet|intense|stern|serious|quiet|chatty|funny|awkward|tired|"
            r"nervous|scary|intimidating|frosty|distant|guarded|blunt|brusque|grumpy|formal|"
            r"stiff|reserved|curt|lovely|quiet)"
            r"(?=\s*(?:[,.;!]|$|and\b|but\b))|"
            r"\b(?:nice|good|great|lovely|decent)\s+(?:guy|bloke|lady|woman|man|person|vibes?)\b|"
            r"\bmade\s+up\s+(?:his|her|their)\s+mind\b|\U0001f91e|"
            r"\bfelt\s+like\s+(?:she|he|they)\b|\bthe\s+one\s+to\s+impress\b|"
            r"\bon\s+commission\b|\bdon'?t\s+let\s+(?:him|her|them)\b|"
            r"\bhmm+\b|\bwhatever\b|\byeah\s+right\b|\bcalled\s+me\s+(?-i:[A-Z])\w+|"
            r"^\s*\w+s\s+(?:a\s+lot|too\s+much|all\s+the\s+time|constantly)\b|"
            r"^\s*(?:pretty|quite|very|so|bit)\s+(?:intense|cold|serious|stern|quiet|tired|"
            r"distracted|rushed|grumpy)\b|\bdidn'?t\s+smile\b|\bdidnt\s+smile\b|"
            r"\b(?:cooler|warmer|friendlier|colder|nicer|stricter|harsher|tougher)\s+than\s+"
            r"(?:the\s+)?(?:others|everyone|rest)\b",
        ),
        (
            _OWN,
            r"\b(?:at|from)\s+(?:my\s+)?current\s+(?:job|employer|role|company|firm)\b|"
            r"\bnotice\s+at\s+(?:my\s+)?current\b",
        ),
        (
            "It is about other candidates or your standing, which a note leaves out.",
            r"\boffer\s+(?:prob|probably|likely|soon|coming|looks\s+likely)\b|"
            r"\b(?:\d+|one|two|three|four)\s+others?\s+in\s+(?:the\s+)?(?:final|last|next)\b|"
            r"\b(?:also\s+)?(?:seeing|interviewing|meeting)\s+(?:someone|another|others)\b|"
            r"\bapplied\s+for\s+(?:this|the)\s+(?:job|role|position)\b|"
            r"\bliked\s+me\b|\b(?:in|from)\s+the\s+debrief\b|"
            r"\b(?:\d+|two|three|four|other)\s+(?:other\s+)?candidates\b|\binternal\s+candidates?\b|"
            r"\bapplied\s+for\s+(?:the\s+)?same\s+(?:role|job|position)\b",
        ),
        (
            "You marked it to check before writing: confirm it first.",
            r"\bcheck\s+(?:b4|before|first|this|that|it)\b|\bverify\b|\bdouble[-\s]?check\b|"
            r"\bnot\s+sure\s+(?:if|whether|it|that|this|abt|about)\b|\bconfirm\s+(?:b4|before)\b",
        ),
        (
            "It is about health or family, which a note leaves out.",
            r"\b(?:pregnan\w*|maternity|sick\s+leave|illness|diagnos\w*|therapy|divorce\w*|"
            r"funeral|chemo\w*)\b",
        ),
    )
)


# A part of a jot a note leaves out while saying the rest ("they use Deltek, comp band 170-190").
SENSITIVE = re.compile(
    r"\b(?:comp(?:ensation)?\s+band|salary|pay\s+(?:band|scale|range)|equity|bonus|"
    r"finalists?|slipped|layoffs?|fired|lawsuit|behind|shift\s+diff|diff\s+is|"
    r"(?:why|when|how)\s+(?:they|she|he|you|the\s+\w+)\s+(?:left|quit|dropped|lost)|"
    r"quit|resigned|divorce|pregnan\w*|illness|sick\s+leave|gossip|drama|hates?|"
    r"complain\w*|toxic|burn(?:ed|t)\s+out|apologi[sz]ed|confidential|off\s+the\s+record|"
    r"don'?t\s+(?:mention|quote|repeat)|between\s+us|stepping\s+down|retiring|"
    r"(?:is|are)\s+leaving|weak(?:est)?\s+link|failing|struggl\w+|flopped|"
    r"requires\s+improvement|inadequate|special\s+measures|(?:under|behind|below)\s+target|"
    r"(?:TRIR|LTIR|LTIFR|incident\s+rate|injur\w+|incidents|attrition|turnover)\b[^,;.]*?"
    r"\b(?:went\s+up|up|rose|rising|increased|higher|doubled)|"
    r"(?:is|are|was|were)\s+(?:a\s+)?(?:mess|disaster|nightmare|shambles|chaos|broken)|"
    r"ran\s+(?:\w+\s+)?(?:minutes?\s+)?(?:over|late))\b"
    r"|\$\s?\d|\b(?:at|only|still)\s+\d+\s?%|\d+\s?-\s?\d+k?\b(?=\s*(?:\+|and)?\s*equity)",
    re.IGNORECASE,
)


def private_reason(jot: str) -> str:
    """Why this jot stays out of every note, or "" when a note may use it.

    Pay, or the candidate's own notice, keeps the whole jot out only when it is the jot's
    subject (before its first comma): "start date flexible, shift diff is $2/hr" still says the
    start date; the reader drops the rest (`SENSITIVE`). Anything marked private, or said in
    confidence, keeps it all out.
    """
    jot = jot or ""
    head = re.split(r"[,;]", jot, maxsplit=1)[0]
    for reason, pattern in _PRIVATE:
        if pattern.search(head if reason in (_PAY, _OWN) else jot):
            return reason
    return ""


# --- residue in a reading ------------------------------------------------------------------------

# Lower-case (or capitalised) phone shorthand; all-caps forms such as "HR" are real words.
_SHORTHAND = [
    "abt",
    "b4",
    "bc",
    "b/c",
    "w/",
    "w/o",
    "w/e",
    "shouldve",
    "wouldve",
    "couldve",
    "shoulda",
    "didnt",
    "dont",
    "doesnt",
    "wont",
    "cant",
    "isnt",
    "wasnt",
    "im",
    "ive",
    "thier",
    "teh",
    "yr",
    "yrs",
    "mos",
    "mth",
    "mths",
    "wk",
    "wks",
    "hr",
    "hrs",
    "mgr",
    "mgrs",
    "mgmt",
    "govt",
    "dept",
    "pls",
    "plz",
    "thx",
    "tho",
    "thru",
    "ppl",
    "qs",
    "subs",
    "conf",
    "approx",
    "lol",
    "lmao",
    "omg",
    "tbh",
    "imo",
    "imho",
    "fyi",
    "btw",
    "idk",
    "ofc",
    "ngl",
    "vs",
    "etc",
    "rm",
    "mins",
    "prod",
    "thurs",
    "thur",
    "tues",
    "weds",
    "fri",
    "dishie",
    "perm",
]
_SHORTHAND_RE = re.compile(
    r"(?<![\w/])(?:"
    + "|".join(re.escape(form) for word in _SHORTHAND for form in (word, word.capitalize()))
    + r")(?![\w/'\u2019])\.?"
)
_CASED_SHORTHAND = re.compile(r"(?<![\w'])(?:i(?![\w'\u2019.])|q\.)")
_NUMBER_SHORTHAND = re.compile(
    r"\b\d+ish\b|\b\d+(?:[.,]\d+)?(?:[kK]|M|bn|hrs?|mins?|wks?|yrs?|mos?)\b|\b\d+(?:[.,]\d+)?\s(?:hrs?|wks?|yrs?|mos?)\b"
)
_UNITS = {"km/h", "m/s", "and/or", "w/w", "v/v"}
# "2x/shift", "3x": a multiple in shorthand.
_RATE_SHORTHAND = re.compile(r"\b\d+x\b")
_LOWER_SLASH = re.compile(r"\b[a-z]+/[a-z]+\b")
_REPORTED = re.compile(
    r"\b(?:(?:he|she|they)\s+said|apparently|ran\s+out\s+of\s+time|todo|"
    r"check\s+(?:b4|before\s+(?:writing|sending)))\b",
    re.IGNORECASE,
)
# A colon may only introduce a link or the placeholder the user fills in.
_MARKS = re.compile(
    # "=" as shorthand, and a sentence cut after a word that needs more ("the galleries with.")
    r"(?<=\s)=(?=\s|[.,]|$)|\b(?:with|and|or|of|to|for|the|a|an|from|by|w)\.?$|"
    r"\?\?|!!|\.\.\.|…|->|=>|~|(?<=\w)\s?\+\s?(?=\w)|\s-\s*$|;|:(?!\s*(?:\[|LINKHERE))\s"
)
_EMOJI = re.compile("[\U0001f000-\U0001faff\U00002600-\U000027bf\u2b50\u2b55\ufe0f\u200d]")
_URL = re.compile(r"https?://\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+\b|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/\S*")
_OPEN_QUOTE = re.compile(r"(?<!\w)'(?=\w)")
_CLOSE_QUOTE = re.compile(r"(?<=\w)'(?!\w)")


def residue(sentence: str) -> list[str]:
    """What in this reading still looks like a phone jot; [] when a note may say it."""
    text = _URL.sub(" LINKHERE", sentence or "")
    found: list[str] = []
    for pattern in (_SHORTHAND_RE, _CASED_SHORTHAND, _NUMBER_SHORTHAND, _REPORTED, _RATE_SHORTHAND):
        found += [m.group(0).strip() for m in pattern.finditer(text)]
    found += [
        m.group(0)
        for m in _LOWER_SLASH.finditer(text)
        if m.group(0) not in _UNITS and text[m.start() - 1 : m.start()] != "/"
    ]
    found += [m.group(0).strip() or m.group(0) for m in _MARKS.finditer(text)]
    found += _EMOJI.findall(text)
    for left, right in (("(", ")"), ("[", "]")):
        if text.count(left) != text.count(right):
            found.append(left + right)
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        found.append('"')
    if len(_OPEN_QUOTE.findall(text)) > len(_CLOSE_QUOTE.findall(text)):
        found.append("'")
    return found


__all__ = ["SENSITIVE", "private_reason", "residue"]
