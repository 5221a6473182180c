"""Reading a pasted interview-day schedule into slots and the people in each.

People paste whatever the recruiter sent them, so every line is read leniently and the
result is shown back for review before anything is saved. A line with no readable name
is returned in `unparsed` rather than guessed at or dropped.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from models import NAME_MAX

MAX_CHARS = 20_000
MAX_LINES = 200
ROLES = ("interviewer", "recruiter", "hr", "other")

# Column widths in models.py: a longer value would fail on PostgreSQL.
_TITLE_MAX = 200
_EMAIL_MAX = 254


@dataclass
class ParsedPerson:
    name: str
    title: str = ""
    role: str = "interviewer"
    email: str = ""


@dataclass
class ParsedSlot:
    line: str
    start: time | None
    end: time | None
    title: str
    people: list[ParsedPerson] = field(default_factory=list)
    day: date | None = None  # a calendar invite's own day; a paste takes the day picked
    location: str = ""
    key: str = ""  # what makes saving it twice a no-op (an invite's UID); "" for a paste


@dataclass
class ParsedSchedule:
    slots: list[ParsedSlot] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    # People of the day but of no one slot: the organizer, the recruiter who signed the email.
    people: list[ParsedPerson] = field(default_factory=list)
    read: list[str] = field(default_factory=list, compare=False)  # the lines that were used


# --- vocabulary ------------------------------------------------------------------------------


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that name a job. A segment holding one is a title, never a name.
_ROLE_NOUNS = _vocabulary(
    """
    engineer engineers developer programmer manager mgr director lead leader head chief
    president founder cofounder co-founder owner partner principal recruiter recruiters sourcer
    coordinator designer researcher analyst scientist architect consultant specialist officer
    executive administrator admin advisor adviser counsel attorney lawyer accountant intern
    associate assistant generalist coach mentor editor writer copywriter member teammate peer
    colleague staff fellow strategist marketer planner producer technician tester operator
    representative rep ambassador evangelist investor professor cto ceo cfo coo cpo cio ciso cmo
    svp evp avp hrbp swe sde sre sdet tpm
    """
)
# Words that qualify a job or name a department: titles too, but weaker than a role noun.
_TITLE_WORDS = _ROLE_NOUNS | _vocabulary(
    """
    senior sr junior mid entry level ii iii iv deputy vice global regional technical tech
    software hardware frontend front-end backend back-end fullstack full-stack product program
    project engineering eng people talent acquisition human resources recruiting recruitment
    sourcing operations ops research data analytics science machine learning platform
    infrastructure infra security mobile ios android web cloud devops quality sales marketing
    growth finance legal business strategy support success customer content communications
    comms community payments billing integrations hiring management development
    """
)
# Short titles that are also given names (Em, Ai, Ta): titles only when written in capitals.
_CAPS_TITLES = _vocabulary("em pm hr vp qa ux ui ml ai it ta gm md bd")
# Words that describe the slot rather than a person.
_SLOT_WORDS = _vocabulary(
    """
    interview interviews screen screening phone chat call round panel lunch break coffee tour
    welcome intro introduction introductions debrief wrap wrap-up wrapup presentation present
    coding code behavioral behavioural culture fit values onsite on-site virtual remote video
    zoom meet meeting sync session q&a review study exercise pairing pair programming whiteboard
    whiteboarding system systems design architecture algorithms algorithm take-home homework
    deep dive deep-dive portfolio demo overview conversation discussion check-in checkin closing
    final loop talk hangout walkthrough walk-through assessment quiz challenge problem solving
    live mock office visit arrival arrive reception lobby travel transit dinner breakfast snack
    buffer prep preparation schedule agenda morning afternoon evening room building floor link
    online location notes note optional cancelled canceled rescheduled confirmed sense
    fundamentals skills leadership collaboration debugging slot time free open tea drinks hour
    hours minutes mins min breakout break-out kickoff kick-off offer logistics experience
    execution conversation expectations
    """
)
_STOP_WORDS = _vocabulary(
    """
    the a an with and or for to by on in of at from my our your their his her me you we us i is
    be all everyone everybody someone somebody anyone team candidate myself interviewer
    interviewers tbd tba tbc n/a na none etc other others misc via plus then next first second
    third last end start starts ends until today tomorrow yes no ok join please see
    monday tuesday wednesday thursday friday saturday sunday
    january february march september october november december
    shadow shadowing observer observing tentative backup corp inc ltd llc company
    guest guests invitee invitees attendee attendees participant participants organizer
    organiser required optional awaiting accepted declined maybe
    """
)
_NOT_NAME = _TITLE_WORDS | _SLOT_WORDS | _STOP_WORDS
# A slot that is a pause, not a meeting: lower-case words there are notes ("Lunch - catered").
_BREAK_WORDS = _vocabulary(
    "lunch break coffee tea drinks dinner breakfast snack buffer travel transit free"
)
_PARTICLES = _vocabulary(
    "de del della der den di da das do dos du van von la le bin binti al el y ter ten zu af"
)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|mx|miss|dr|prof)\.?\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['\u2019-][^\W\d_]+)*\.?$")
_PLAIN_WORD = re.compile(r"^[^\W\d_]+(?:['\u2019-][^\W\d_]+)*$")

_RECRUITER = re.compile(
    r"\brecruit|\bsourc(?:er|ing)\b|\btalent\b|\b(?:interview|scheduling)\s+coordinator\b"
    r"|\bTA\b",
    re.IGNORECASE,
)
_HR = re.compile(
    r"\bhr(?:bp)?\b|\bhuman\s+resources\b|\bpeople\s+(?:partner|ops|operations|team|business"
    r"|generalist|officer|experience|and\s+culture|&\s*culture)\b|\bof\s+people\b"
    r"|\bchief\s+people\b",
    re.IGNORECASE,
)


def is_title(text: str) -> bool:
    """Whether the text holds a job-title word ("Recruiter", "Staff Eng")."""
    return _has_title_word(text.split(), loose=False)


def detect_role(title: str) -> str:
    """The role a job title implies: recruiter, hr, or interviewer."""
    if _RECRUITER.search(title):
        return "recruiter"
    if _HR.search(title):
        return "hr"
    return "interviewer"


# --- times -----------------------------------------------------------------------------------


def _clock(p: str) -> str:
    return rf"""(?:
        (?P<{p}noon>(?i:noon|midday))
        | (?P<{p}h>\d{{1,2}})
          (?: [:.](?P<{p}m>\d{{2}}) | (?P<{p}hsep>[hH])(?P<{p}hm>\d{{2}})? )?
          (?:\s?(?P<{p}ap>[aApP])\.?\s?[mM]\b\.?)?
    )"""


_EDGE_BEFORE = r"(?<![\w:.])"
_EDGE_AFTER = r"(?!\w)(?![:.]\d)"
_TIMEZONE = (
    r"(?:\s*\(?\b(?:ET|PT|CT|MT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|HST|GMT|UTC|BST|IST|CET|CEST"
    r"|EET|EEST|WET|AEST|AEDT|JST|SGT|NZST|NZDT)\b(?:\s?[+-]\d{1,2}(?::?\d{2})?)?\)?)?"
)
_LEAD_IN = r"(?:(?:@|\b(?:at|from)\b)\s*)?"
_RANGE = re.compile(
    _LEAD_IN
    + _EDGE_BEFORE
    + _clock("s")
    + r"\s*(?:[-\u2013\u2014~]+|\b(?i:to|until|till)\b)\s*"
    + _clock("e")
    + _EDGE_AFTER
    + _TIMEZONE,
    re.VERBOSE,
)
_SINGLE = re.compile(_LEAD_IN + _EDGE_BEFORE + _clock("s") + _EDGE_AFTER + _TIMEZONE, re.VERBOSE)
_MINUTES = re.compile(r"\(?\b(\d{1,3})\s*(?:minutes|minute|mins|min)\b\.?\)?|\b(\d{1,3})m\b")
_HOURS = re.compile(r"\(?\b(\d(?:\.\d{1,2})?)\s*(?:hours|hour|hrs|hr|h)\b\.?\)?")


_LONGEST_GUESS = 4 * 60  # minutes: longer than this, a guessed "pm" is more likely wrong


@dataclass
class _Clock:
    hour: int
    minute: int
    ampm: str  # "a", "p" or "" when not written
    strict: bool  # has minutes, am/pm or an "h": a bare "10" alone is not a time
    twenty_four: bool  # "14h00" or "09:00": the writer meant a 24-hour clock


def _read_clock(match: re.Match, p: str) -> _Clock | None:
    if match.group(f"{p}noon"):
        return _Clock(12, 0, "p", strict=True, twenty_four=False)
    hour_text = match.group(f"{p}h")
    minute_text = match.group(f"{p}m") or match.group(f"{p}hm")
    ampm = (match.group(f"{p}ap") or "").lower()
    hour, minute = int(hour_text), int(minute_text or 0)
    if minute > 59 or hour > 23 or (ampm and not 1 <= hour <= 12):
        return None
    return _Clock(
        hour,
        minute,
        ampm,
        strict=bool(minute_text or ampm or match.group(f"{p}hsep")),
        twenty_four=bool(match.group(f"{p}hsep")) or (len(hour_text) == 2 and hour_text[0] == "0"),
    )


def _minutes(clock: _Clock, ampm: str) -> int:
    """Minutes past midnight; with no am/pm, 1-6 o'clock is read as afternoon (a 24h "1:00"
    interview is rare, a 12h one common)."""
    hour = clock.hour
    if ampm == "a":
        hour = 0 if hour == 12 else hour
    elif ampm == "p":
        hour = hour if hour == 12 else hour + 12
    elif not clock.twenty_four and 1 <= hour <= 6:
        hour += 12
    return hour * 60 + clock.minute


def _as_time(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def _resolve_range(start: _Clock, end: _Clock) -> tuple[time, time | None]:
    """An am/pm written on one end applies to the other ("10am-11", "10-11am")."""
    first = _minutes(start, start.ampm or end.ampm)
    last = _minutes(end, end.ampm or start.ampm)
    if end.ampm and not start.ampm and first > last and first >= 12 * 60:
        first -= 12 * 60  # "11-1pm" starts at 11am
    if last <= first and not end.ampm and last + 12 * 60 - first <= _LONGEST_GUESS:
        last += 12 * 60  # "11am-1" ends at 1pm, "11am-12" at noon
    if not 0 <= last < 24 * 60 or last <= first:
        return _as_time(first), None  # "15:00-9:00": better no end than a wrong one
    return _as_time(first), _as_time(last)


def _take_times(text: str) -> tuple[str, time | None, time | None]:
    """Find the slot's time or time range, and return the text without it."""
    for match in _RANGE.finditer(text):
        start, end = _read_clock(match, "s"), _read_clock(match, "e")
        if start is None or end is None:
            continue
        at_line_start = not text[: match.start()].strip()
        if start.strict or end.strict or at_line_start:
            first, last = _resolve_range(start, end)
            return _cut(text, match), first, last
    for match in _SINGLE.finditer(text):
        start = _read_clock(match, "s")
        if start is not None and start.strict:
            gap = _COLUMN_GAP.match(text, match.end())
            after = _SINGLE.match(text, gap.end()) if gap else None
            end = _read_clock(after, "s") if after else None
            if after and end is not None and end.strict:
                first, last = _resolve_range(start, end)
                cut = f"{text[: match.start()]} {text[after.end() :]}"
                return cut, first, last
            return _cut(text, match), _as_time(_minutes(start, start.ampm)), None
    return text, None, None


_COLUMN_GAP = re.compile(r"\s*\|?\s*")


def _cut(text: str, match: re.Match) -> str:
    return f"{text[: match.start()]} {text[match.end() :]}"


def _take_duration(text: str, start: time | None) -> tuple[str, time | None]:
    """Remove "(45 min)" or "1.5 hrs" from the text; with a start time, it gives the end."""
    total = 0.0
    for pattern, unit in ((_HOURS, 60), (_MINUTES, 1)):
        for match in pattern.finditer(text):
            total += float(next(g for g in match.groups() if g)) * unit
        text = pattern.sub(" ", text)
    if start is None or not 0 < total < 24 * 60:
        return text, None
    end = datetime.combine(datetime.min, start) + timedelta(minutes=round(total))
    return text, end.time() if end.date() == datetime.min.date() else None


# --- clean-up before reading names -------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BULLET = re.compile(
    r"^(?:[-*•·◦▪‣>+\u2013\u2014]+\s*|\[[ xX]?\]\s*|\(?\d{1,2}[.)]\s+|#\d{1,2}\s+)+"
)
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)(?i:[a-z]{0,6})\.?"
# "Sun" and "Sat" are names too: a short weekday counts only before a date or a time.
_WEEKDAY = (
    r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    rf"|(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?(?=[\s,]*(?:\d|{_MONTH}\s+\d|$)))"
)
_DATE = (
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
    rf"|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d|[:.]\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?)"
)
_DAY_PREFIX = re.compile(
    rf"^(?:(?:{_WEEKDAY}|(?i:day)\s*\d{{1,2}})(?![\w'])[\s,:\-\u2013\u2014]*)?"
    rf"(?:{_DATE}(?!\w)[\s,:\-\u2013\u2014]*)?"
)
_PRONOUNS = re.compile(
    r"\(?\b(?:she|he|they|ze|xe)\s*/\s*(?:her|hers|him|his|them|theirs|zir|xem)\b\)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"<?\s*(?:mailto:)?([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\s*>?")
_EMAIL_MARK = re.compile(r"\x00(\d+)\x00")
_COLON = re.compile(r"(?<!\d):|:(?!\d)")  # not the colon of a time left in the text
_WITH_SLASH = re.compile(r"\b(?i:w)/\s*|(?<!\S)w\s+(?=\w)")  # "w/ Sam", "lunch w sam"
_EDGE_PUNCT = " \t,;:|/\\-\u2013\u2014~\"'\u201c\u201d\u2018\u2019`()[]{}<>!?"


_COLUMNS = re.compile(r"(?<=\S) {3,}(?=\S)")


def _normalise(line: str) -> str:
    # A table copied from a web page or a mail: tabs, or columns lined up with spaces (two
    # wide gaps at least: one could be a typo inside a name).
    text = line.replace("\t", " | ")
    if len(_COLUMNS.findall(text)) >= 2:
        text = _COLUMNS.sub(" | ", text)
    text = _CONTROL.sub(" ", text)
    text = text.replace("\u2010", "-").replace("\u2011", "-").replace("*", " ")
    text = _SPACES.sub(" ", text).strip()
    text = _BULLET.sub("", text)
    return _WITH_SLASH.sub(" with ", text)


# --- segments and names ---------------------------------------------------------------------

_GROUP = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_SEPARATOR = re.compile(
    r"\s*(?:[,;|/\u00b7\u2022]|[\u2013\u2014]+|(?<=\s)-+|-+(?=\s)|(?<=\s)(?:&|\+|(?i:and|with|from))(?=\s))\s*"
)


@dataclass
class _Segment:
    raw: str  # as typed, email marks included
    sep: str  # the separator before it, as typed
    paren: bool = False
    text: str = ""
    emails: list[str] = field(default_factory=list)


def _segments(text: str, emails: list[str]) -> list[_Segment]:
    """Split on commas, dashes, "&", "and", "with"...; a bracketed part stays whole."""
    out: list[_Segment] = []
    sep = ""
    position = 0
    for group in [*_GROUP.finditer(text), None]:
        chunk = text[position : group.start() if group else len(text)]
        seps = [m.group(0) for m in _SEPARATOR.finditer(chunk)]
        for index, piece in enumerate(_SEPARATOR.split(chunk)):
            if index:
                sep = seps[index - 1]
            out.append(_Segment(piece, sep))
        if group is None:
            break
        out.append(_Segment(group.group(1) or group.group(2) or "", sep, paren=True))
        sep = ""
        position = group.end()
    for segment in out:
        found = [int(i) for i in _EMAIL_MARK.findall(segment.raw)]
        segment.emails = [emails[i] for i in found if i < len(emails)]
        text = " ".join(_EMAIL_MARK.sub(" ", segment.raw).split()).strip(_EDGE_PUNCT)
        segment.text = text.replace("(", "").replace(")", "").strip()
    return [s for s in out if s.text or s.emails]


def _words_lower(words: list[str]) -> list[str]:
    return [w.lower().strip(".,") for w in words]


def _in(vocabulary: frozenset[str], low: str) -> bool:
    """Membership allowing a plural ("Engineering Managers") and hyphenated parts."""
    return (
        low in vocabulary
        or (low.endswith("s") and low[:-1] in vocabulary)
        or ("-" in low and any(part in vocabulary for part in low.split("-")))
    )


def _is_title_word(word: str, loose: bool) -> bool:
    low = word.lower().strip(".,:;")
    if low in _CAPS_TITLES:
        return loose or word.strip(".,:;").isupper()
    return _in(_TITLE_WORDS, low)


def _has_title_word(words: list[str], loose: bool) -> bool:
    return any(_is_title_word(w, loose) for w in words)


def _has_role_noun(words: list[str], loose: bool) -> bool:
    return any(
        _in(_ROLE_NOUNS, w) or (w in _CAPS_TITLES and (loose or raw.strip(".,").isupper()))
        for raw, w in zip(words, _words_lower(words), strict=True)
    )


def _has_slot_word(words: list[str]) -> bool:
    return any(w in _SLOT_WORDS for w in _words_lower(words))


def _is_particle(word: str) -> bool:
    """A lowercase "van" as in "Anna van der Berg"; a capitalised "Le" or "Van" is a name."""
    return word in _PARTICLES


def _is_name_word(word: str, first: bool, loose: bool) -> bool:
    if len(word) > 40 or not _NAME_WORD.match(word):
        return False
    low = word.lower().rstrip(".")
    if low in _CAPS_TITLES:
        return not (loose or word.rstrip(".").isupper())
    if low in _NOT_NAME or (low.endswith("s") and low[:-1] in _NOT_NAME):
        return False
    if loose or word[0].isupper():
        return True
    return _is_particle(word) and not first


def _capitalise(word: str) -> str:
    return "".join(
        part[:1].upper() + part[1:].lower() if part not in "'\u2019-" else part
        for part in re.split(r"(['\u2019-])", word)
    )


def _format_name(words: list[str], loose: bool) -> str:
    if not loose:
        return " ".join(words)
    last = len(words) - 1
    return " ".join(
        w.lower() if 0 < i < last and _is_particle(w.lower()) else _capitalise(w)
        for i, w in enumerate(words)
    )


def _read_name(text: str, loose: bool) -> tuple[str, str] | None:
    """(name, title typed after it) when the text starts with a person's name."""
    words = _HONORIFIC.sub("", text).split()
    taken: list[str] = []
    for word in words:
        if not _is_name_word(word, first=not taken, loose=loose):
            break
        taken.append(word)
    while not loose and taken and _is_particle(taken[-1]):
        taken.pop()
    real = [w for w in taken if not _is_particle(w.lower())]
    if not real or len(real) > 4 or len(taken) > 6:
        return None
    rest = words[len(taken) :]
    if rest and len(taken) == 1 and _is_title_word(rest[0], loose):
        return None  # "Firmware Lead", "Test Engineer": one word before a title is its field
    if rest:
        # "Sam Lee Staff Engineer", or in a mixed-case line "Sam Lee shadowing".
        titled = _has_title_word(rest, loose)
        lowercase_note = not loose and rest[0][:1].islower() and not _has_slot_word(rest)
        if not (titled or lowercase_note):
            return None
    name = _format_name(taken, loose).rstrip(",")
    if len(name) > NAME_MAX:
        return None
    return name, " ".join(rest).strip(_EDGE_PUNCT)


def _read_lowercase_name(text: str) -> str | None:
    """A name typed in lower case in a line with capitals elsewhere ("priya nair, Recruiter"):
    the whole part must be 1-4 plain words, none of them a title, slot or stop word."""
    if any(c.isupper() for c in text):
        return None
    words = _HONORIFIC.sub("", text).split()
    if not words or len(words) > 6:
        return None
    for word in words:
        if len(word) > 40 or not _PLAIN_WORD.match(word):
            return None
        if word in _CAPS_TITLES or _in(_NOT_NAME, word):
            return None
    real = [w for w in words if not _is_particle(w)]
    if not 1 <= len(real) <= 4 or min(len(w) for w in real) < 2:
        return None
    name = _format_name(words, loose=True)
    return name if len(name) <= NAME_MAX else None


def _join(existing: str, addition: str, sep: str, paren: bool) -> str:
    if not existing:
        return addition
    if paren:
        return f"{existing} ({addition})"
    joiner = sep.strip()
    if not joiner or joiner == ",":
        return f"{existing}, {addition}"
    if joiner in ";":
        return f"{existing}; {addition}"
    return f"{existing} {joiner} {addition}"


def _is_loose(text: str) -> bool:
    """Typed without deliberate capitals (a phone may capitalise the first letter only), or
    entirely in capitals: either way case says nothing about what is a name."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 2:
        return False
    return all(c.islower() for c in letters[1:]) or all(c.isupper() for c in letters)


_AND = frozenset({"&", "and"})
_DASHES = frozenset({"-", "\u2013", "\u2014"})


@dataclass
class _Reading:
    loose: bool
    lowercase: bool = False  # a lower-case part of a mixed-case line may be a name
    title: str = ""
    people: list[ParsedPerson] = field(default_factory=list)
    pending_emails: list[str] = field(default_factory=list)
    after_title: bool = False  # the last part read was a person's title
    # People joined by "&"/"and" with no title of their own yet, and whether the title that
    # followed them was a single bracketed or dashed part ("(Engineering Manager / Staff Eng)").
    group: list[ParsedPerson] = field(default_factory=list)
    group_title: bool | None = None

    def take(self, segment: _Segment) -> None:
        found = None
        if segment.text and not (segment.paren and self.people):
            found = _read_name(segment.text, self.loose)
            if found is None and self._lowercase_allowed(segment):
                name = _read_lowercase_name(segment.text)
                found = (name, "") if name else None
            if found and self._continues_title(segment, *found):
                found = None
            if found and self._continues_slot_title(segment, found[0]):
                found = None
        if found and self._names_the_slot(segment):
            # "Execution with Mei Lin": the one word before "with" was the slot, not a person.
            self.title = _join(self.title, self.people.pop().name, "", False)
            self.group = []
        if found:
            self.share_title()
            person = ParsedPerson(name=found[0], title=found[1][:_TITLE_MAX])
            self._group(person, segment)
            self.people.append(person)
            self.after_title = bool(person.title)
            _give_emails(person, self.pending_emails)
        elif segment.text:
            self.after_title = self._attach(segment)
        for email in segment.emails:
            self.pending_emails.append(email)
            if self.people:
                _give_emails(self.people[-1], self.pending_emails)

    def _lowercase_allowed(self, segment: _Segment) -> bool:
        """Not in a lunch or break line unless after "with" ("Lunch with sam lee"), and not
        after a dash that follows a person ("Dana Rivera - bring laptop" is a note)."""
        sep = segment.sep.strip().lower()
        if self.loose or (self.people and sep in _DASHES):
            return False
        return self.lowercase or sep == "with"

    def _group(self, person: ParsedPerson, segment: _Segment) -> None:
        joined = segment.sep.strip().lower() in _AND
        if person.title:
            self.group = []
        elif joined and self.group and self.group[-1] is self.people[-1]:
            self.group.append(person)
        else:
            self.group = [person]
        self.group_title = None

    def _note_group_title(self, segment: _Segment) -> None:
        if not self.group or self.group[-1] is not self.people[-1]:
            return
        sep = segment.sep.strip()
        if self.group_title is None:
            self.group_title = segment.paren or sep in _DASHES
        elif not (sep == "/" and not segment.paren):
            self.group_title = False  # "(EM / Staff Eng), Payments": keep it as typed

    def share_title(self) -> None:
        """ "Dana Rivera & Tom O'Brien (Engineering Manager / Staff Eng)": one part each."""
        group, title = self.group, self.group[-1].title if self.group else ""
        if len(group) < 2 or not self.group_title or any(p.title for p in group[:-1]):
            return
        parts = [part.strip(_EDGE_PUNCT) for part in title.split(" / ")]
        if len(parts) == len(group) and all(parts):
            for person, part in zip(group, parts, strict=True):
                person.title = part
        self.group, self.group_title = [], None

    def _continues_slot_title(self, segment: _Segment, name: str) -> bool:
        """In "Intro & Experience" the word after "&" carries on the slot's title."""
        sep = segment.sep.strip().lower()
        return sep in _AND and " " not in name and bool(self.title) and not self.people

    def _names_the_slot(self, segment: _Segment) -> bool:
        first = self.people[0] if len(self.people) == 1 else None
        return (
            first is not None
            and segment.sep.strip().lower() == "with"
            and not self.title
            and not first.title
            and not first.email
            and " " not in first.name
        )

    def _continues_title(self, segment: _Segment, name: str, title: str) -> bool:
        """In "Jo Park, Senior Engineer, Payments" the last part is a team, not a person
        called Payments: one word after a title, following a full name, continues it."""
        return (
            self.after_title
            and not title
            and " " not in name
            and segment.sep.strip().lower() != "with"
            and " " in self.people[-1].name
        )

    def _attach(self, segment: _Segment) -> bool:
        """A part that is not a name goes to the last person's title, or else to the slot's.
        True when it went to a person."""
        words = segment.text.split()
        slot_like = _has_slot_word(words) and not _has_role_noun(words, self.loose)
        if self.people and not slot_like:
            self._note_group_title(segment)
            person = self.people[-1]
            title = _join(person.title, segment.text, segment.sep, segment.paren)
            person.title = title[:_TITLE_MAX]
            return True
        self.title = _join(self.title, segment.text, segment.sep, segment.paren)
        return False


def _read_people(text: str, emails: list[str], loose: bool, lowercase: bool) -> _Reading:
    reading = _Reading(loose, lowercase)
    for segment in _segments(text, emails):
        if segment.paren and not reading.people and _SEPARATOR.search(segment.raw):
            # "Onsite (Dana Rivera, Sam Lee)": before anyone is named, a list of people.
            pieces = _segments(segment.raw, emails)
            if pieces:
                pieces[0].sep = segment.sep
            for piece in pieces:
                reading.take(piece)
        else:
            reading.take(segment)
    reading.share_title()
    return reading


def _give_emails(person: ParsedPerson, pending: list[str]) -> None:
    if pending and not person.email:
        person.email = pending.pop(0)


def _hide_emails(text: str) -> tuple[str, list[str]]:
    emails: list[str] = []

    def mark(match: re.Match) -> str:
        emails.append(match.group(1)[:_EMAIL_MAX])
        return f" \x00{len(emails) - 1}\x00 "

    return _EMAIL.sub(mark, text), emails


def _read_line(text: str) -> tuple[str, list[ParsedPerson]]:
    """The slot title and the people in what is left of a line once its time is gone."""
    text = _PRONOUNS.sub(" ", text)
    text, emails = _hide_emails(text.strip(" ,;:|-\u2013\u2014~"))
    loose = _is_loose(_EMAIL_MARK.sub(" ", text))
    lowercase = not _BREAK_WORDS & set(re.findall(r"[^\W\d_]+", text.lower()))
    # "System design: Alex Kim & Jo Park": before the colon is the slot, unless it is a name.
    colon = _COLON.search(text)
    if colon:
        head, tail = text[: colon.start()], text[colon.end() :]
        if not _read_people(head, emails, loose, lowercase).people:
            reading = _read_people(_COLON.sub(",", tail), emails, loose, lowercase)
            if reading.people:
                head = head.strip(_EDGE_PUNCT)
                reading.title = f"{head} - {reading.title}" if reading.title else head
                return _finish(reading)
        text = _COLON.sub(",", text)
    return _finish(_read_people(text, emails, loose, lowercase))


def _finish(reading: _Reading) -> tuple[str, list[ParsedPerson]]:
    words = reading.title.split()
    if (
        len(reading.people) == 1
        and not reading.people[0].title
        and _has_role_noun(words, reading.loose)
        and not _has_slot_word(words)
    ):
        # "Hiring Manager: Dana Rivera" names Dana's job, not the slot.
        reading.people[0].title, reading.title = reading.title[:_TITLE_MAX], ""
    for person in reading.people:
        person.role = detect_role(person.title)
        if not person.title and reading.title:
            # "Recruiter call with Priya Nair": the slot says who she is.
            person.role = detect_role(reading.title)
    if reading.pending_emails and reading.people:
        for person in reading.people:
            _give_emails(person, reading.pending_emails)
    if not reading.people:
        derived = _name_from_email(reading.pending_emails)
        if derived:
            reading.people.append(derived)
    return reading.title.strip(_EDGE_PUNCT)[:_TITLE_MAX], reading.people


def _name_from_email(emails: list[str]) -> ParsedPerson | None:
    """An address like dana.rivera@acme.com alone on a line is Dana Rivera; jobs@ is no one."""
    for email in emails:
        parts = re.split(r"[._]", email.split("@", 1)[0])
        if 2 <= len(parts) <= 4 and all(p.isalpha() and len(p) >= 2 for p in parts):
            return ParsedPerson(name=" ".join(p.capitalize() for p in parts), email=email)
    return None


# --- public ------------------------------------------------------------------------------------


# --- whole itineraries: emails, calendar copies, lists -------------------------------------------

_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|greetings)\b[\s,]*"
    r"(?P<name>[^\W\d_][\w'\u2019-]*(?:\s+[^\W\d_][\w'\u2019-]*){0,2})?\s*[,!.:\u2013\u2014-]?\s*$",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^(?:thanks?(?:\s+(?:so|very)\s+much)?(?:\s+again)?|thank\s+you(?:\s+(?:so|very)\s+much)?"
    r"|many\s+thanks|cheers|best(?:\s+(?:regards|wishes))?|(?:kind|warm|warmest)\s+regards"
    r"|regards|sincerely|yours(?:\s+(?:truly|sincerely))?|talk\s+soon|see\s+you(?:\s+soon)?"
    r"|all\s+the\s+best|good\s+luck|take\s+care|speak\s+soon|with\s+thanks)"
    r"\s*[,!.]*\s*$",
    re.IGNORECASE,
)
_LINK = re.compile(
    r"https?://|\bwww\.|\b(?:[\w-]+\.)+(?:com|io|us|net|org|co|ai|app|dev)/\S"
    r"|\bmeet\.google\.com\b|\bzoom\.us\b|\bteams\.microsoft\.com\b|\bwebex\.com\b",
    re.IGNORECASE,
)
_DIAL_IN = re.compile(
    r"\b(?:meeting\s+(?:id|number|code)|conference\s+id|passcode|password|pin|access\s+code"
    r"|dial[\s-]*in|dial\s+by|one\s+tap|join\s+by\s+phone|join\s+(?:zoom|with|the|microsoft)"
    r"|powered\s+by)\b"
    r"|\+\d[\d\s().-]{7,}\d|\(\d{3}\)\s*\d{3}[\s.-]\d{4}|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b"
    r"|\b\d{9,}\b",
    re.IGNORECASE,
)
# "Where: 200 Park Ave": a label whose value is never a person.
_LABEL = re.compile(
    r"^(?:where|day|time\s*zone|timezone|location|address|venue|room|building"
    r"|floor|parking|wifi|wi-fi|dress(?:\s+code)?|attire|event|subject|title|requisition|job"
    r"|job\s+id|position|role|candidate|to|cc|bcc|sent|re|fw|fwd|conference\s+room|phone"
    r"|video(?:\s+conference)?|zoom|teams|meet|link|interview\s+(?:type|format)"
    r"|format|type|duration|what\s+to\s+bring|note|notes|ps|p\.s)\s*:",
    re.IGNORECASE,
)
# "When: Tuesday 10:00-14:00": the day's time, with no title of its own.
_TIME_LABEL = re.compile(r"^(?:when|(?:interview\s+)?(?:date|time))\s*:\s*", re.IGNORECASE)
# Who set the meeting up: the recruiter or coordinator.
_ORGANIZER_LABEL = re.compile(r"^(?:from|organi[sz]er|organi[sz]ed\s+by)\s*:\s*", re.IGNORECASE)
_ORGANIZER_MARK = re.compile(r"^\(?\s*organi[sz]er\s*\)?$", re.IGNORECASE)
_ORGANIZER_NOTE = re.compile(r"\s*\(\s*organi[sz]er\s*\)", re.IGNORECASE)
_SELF_NOTE = re.compile(r"\s*\(\s*(?:me|you|candidate)\s*\)", re.IGNORECASE)
# Words that open a sentence, not a schedule line: "Please arrive 15 min early".
_PROSE_OPENERS = _vocabulary(
    """
    please kindly feel let let's looking we we'll we're we've i i'll i'm i've you you'll you're
    you've your here here's there there's this it it's if note remember bring parking when once
    after before just also as thank thanks hope hoping reply don't do make check come ask so
    excited quick below above attached find need see our the this is are was a an dress wifi
    unfortunately sorry good great congratulations congrats welcome! should can could would
    """
)
_FUNCTION_WORDS = _vocabulary(
    """
    is are was were will be been being you your yours we our us i me my it its this that these
    those there here please let know if can could would should have has had do does did not no
    to the for of on in at as so but because about into than then what which who when where
    """
)


def _is_prose(text: str) -> bool:
    """A sentence rather than a schedule line: "Parking is on level 2 of the garage"."""
    words = [w.strip(".,;:!?()\"'").lower() for w in text.split()]
    words = [w for w in words if w]
    if len(words) < 3:
        return False
    if words[0] in _PROSE_OPENERS and not _read_name(text.split()[0], False):
        return True
    function = sum(1 for w in words if w in _FUNCTION_WORDS)
    return function >= 2 and (function * 4 >= len(words) or text.rstrip().endswith((".", "!", "?")))


def _same_person(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


@dataclass
class _Candidate:
    """The account holder: never one of the people to thank."""

    names: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    company: str = ""  # its first word: "Northwind Robotics - Onsite" is a heading

    def add(self, value: str) -> None:
        value = " ".join(value.split())
        if "@" in value:
            self.emails.add(value.casefold())
        elif value:
            self.names.add(value.casefold())
            self.names.add(value.split()[0].casefold())

    def is_them(self, person: ParsedPerson) -> bool:
        """The candidate, or the company taken for a name."""
        if person.email and person.email.casefold() in self.emails:
            return True
        name = person.name.casefold()
        if self.company and name.split()[0] == self.company:
            return True
        return name in self.names or any(name.startswith(f"{n} ") for n in self.names)


def _skip_reason(line: str) -> str:
    """Why a line of an email is not a schedule line, or "" when it may be one."""
    if _LINK.search(line):
        return "link"
    if _DIAL_IN.search(line):
        return "dial-in"
    if _LABEL.match(line.strip()):
        return "label"
    return ""


def parse_schedule(text: str, candidate: Iterable[str] = (), company: str = "") -> ParsedSchedule:
    """Read an itinerary: each line with a time opens a slot, and the people on it or on the
    lines after it (an email's "Interviewers:" list, a calendar's guest list) join that slot.

    Greetings, sign-offs and what follows them, links, dial-ins, labels like "Where:" and
    sentences are never people; nor is the candidate (`candidate` holds their name and email;
    the name in "Hi Maya," is added to it), nor the company ("Northwind Robotics - Onsite").
    Raises ValueError for more than MAX_CHARS
    characters or MAX_LINES non-blank lines.
    """
    if len(text) > MAX_CHARS:
        raise ValueError(
            f"That schedule is {len(text):,} characters long; "
            f"paste at most {MAX_CHARS:,} characters at a time."
        )
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > MAX_LINES:
        raise ValueError(
            f"That schedule has {len(lines)} lines; paste at most {MAX_LINES} lines at a time."
        )
    me = _Candidate(company=(company.casefold().split() or [""])[0])
    for value in candidate:
        me.add(value)
    return _Itinerary(me).read(lines)


@dataclass
class _Itinerary:
    me: _Candidate
    schedule: ParsedSchedule = field(default_factory=ParsedSchedule)
    open_slot: ParsedSlot | None = None  # the slot that time-less lines of people join
    signed_off: bool = False
    last_person: ParsedPerson | None = None

    def read(self, lines: list[str]) -> ParsedSchedule:
        for line in lines:
            if self._take(line):
                self.schedule.read.append(line)
            else:
                self.schedule.unparsed.append(line)
                self.last_person = None
        return self._finish()

    def _take(self, line: str) -> bool:
        """True when the line was used (as a slot, a person, or a title)."""
        greeting = _GREETING.match(line)
        if greeting:
            if greeting.group("name"):
                self.me.add(greeting.group("name"))
            return False
        if _SIGN_OFF.match(line):
            self.signed_off = True
            return False
        if _ORGANIZER_MARK.match(line) and self.last_person is not None:
            # A calendar's guest list: "Priya Nair" then "Organizer" on its own line.
            self._make_organizer(self.last_person)
            return True
        if self.signed_off:
            return self._take_signature(line)
        organizer = _ORGANIZER_LABEL.match(line)
        if organizer:
            return self._take_organizer(line[organizer.end() :])
        if _skip_reason(line):
            return False
        time_label = _TIME_LABEL.match(line)
        if time_label:
            reading = _read_slot_line(line[time_label.end() :])
            if reading is None or reading[0] is None or reading[3]:
                return False
            self.open_slot = ParsedSlot(line=line, start=reading[0], end=reading[1], title="")
            self.schedule.slots.append(self.open_slot)
            return True
        organised = bool(_ORGANIZER_NOTE.search(line))
        yourself = bool(_SELF_NOTE.search(line))
        line_text = _SELF_NOTE.sub(" ", _ORGANIZER_NOTE.sub(" ", line))
        reading = _read_slot_line(line_text)
        if reading is None:
            return False
        start, end, title, people = reading
        people = [p for p in people if not (yourself or self.me.is_them(p))]
        if organised:
            for person in people:
                self._make_organizer(person)
        if start is not None:
            slot = ParsedSlot(line=line, start=start, end=end, title=title, people=people)
            self.schedule.slots.append(slot)
            self.open_slot = slot
            self.last_person = people[-1] if people else None
            return True
        if not people:
            if yourself:
                return True
            if (
                self.open_slot
                and not self.open_slot.title
                and not self.open_slot.people
                and not all(w.isdigit() or _in(_STOP_WORDS, w.lower()) for w in title.split())
            ):
                self.open_slot.title = title  # "10:00 AM - 10:45 AM" then "Intro & experience"
                return True
            return False
        if _is_prose(line_text):
            return False
        if self.open_slot is None:
            self.open_slot = ParsedSlot(line=line, start=None, end=None, title=title)
            self.schedule.slots.append(self.open_slot)
        named = {p.name.casefold() for p in self.open_slot.people}
        self.open_slot.people.extend(p for p in people if p.name.casefold() not in named)
        self.last_person = people[-1]
        return True

    def _take_organizer(self, text: str) -> bool:
        person = parse_person(text)
        if person is None or self.me.is_them(person):
            return False
        self._make_organizer(person)
        self.schedule.people.append(person)
        return True

    def _make_organizer(self, person: ParsedPerson) -> None:
        if person.role == "interviewer" and not person.title:
            person.role = "recruiter"

    def _take_signature(self, line: str) -> bool:
        """After "Best," comes the sender: a full name is the recruiter who wrote; a first name
        alone ("Jordan") or a company is not a person to add."""
        person = self.last_person
        if (
            person is not None
            and not person.title
            and _has_title_word(line.split(), False)
            and not _is_prose(line)
        ):
            # "Lucy Harper" then "Recruiter, Brightside".
            person.title = line[:_TITLE_MAX]
            role = detect_role(line)
            person.role = role if role != "interviewer" else "recruiter"
            self.last_person = None
            return True
        if _skip_reason(line) or "@" in line:
            return False
        person = parse_person(line)
        if person is None or len(person.name.split()) < 2 or self.me.is_them(person):
            return False
        if _has_title_word(person.name.split(), False):
            return False
        if person.role == "interviewer":
            person.role = "recruiter"
        self.schedule.people.append(person)
        self.last_person = person
        return True

    def _finish(self) -> ParsedSchedule:
        schedule = self.schedule
        kept = []
        for slot in schedule.slots:
            if slot.people:
                kept.append(slot)
            else:
                schedule.read.remove(slot.line)
                schedule.unparsed.append(slot.line)
        schedule.slots = kept
        named = {p.name.casefold() for slot in kept for p in slot.people}
        loose = []
        for person in schedule.people:
            if person.name.casefold() not in named:
                named.add(person.name.casefold())
                loose.append(person)
        schedule.people = loose
        return schedule


_DAY_HEADING = re.compile(r"^(?i:day)\s*\d{1,2}\s*\([^()]*\)")
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.:-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})(?![\d/.:-])"
)


def _read_slot_line(line: str) -> tuple[time | None, time | None, str, list[ParsedPerson]] | None:
    """A line's time, slot title and people; None when it has none of them."""
    text = _normalise(line)
    text = _DAY_HEADING.sub("", text, count=1)
    text = _DAY_PREFIX.sub("", text, count=1)
    text = _NUMERIC_DATE.sub(" ", text)  # "03/03/2026 09:00 AM | 03/03/2026 09:45 AM"
    text, start, end = _take_times(text)
    text, end_from_length = _take_duration(text, start)
    title, people = _read_line(text)
    if start is None and not people and not title:
        return None
    return start, end or end_from_length, title, people


def parse_person(text: str) -> ParsedPerson | None:
    """One person typed as "Name, Title", "Name (Title)" or "Name - Title"; None if no name.

    Everything after the name is the title, so "Ana Ortiz, Payments" keeps "Payments".
    Never raises: views call it on form input without a try.
    """
    text, _, _ = _take_times(_normalise(text[:MAX_CHARS]))  # a pasted "10:00 Dana Rivera"
    text = _COLON.sub(",", _PRONOUNS.sub(" ", text))
    text, emails = _hide_emails(text)
    loose = _is_loose(_EMAIL_MARK.sub(" ", text))
    segments = _segments(text, emails)
    person: ParsedPerson | None = None
    title = ""
    found_emails: list[str] = []
    for segment in segments:
        found_emails.extend(segment.emails)
        found = None if person else _read_name(segment.text, loose) if segment.text else None
        if not (found or person or loose) and segment.text:
            name = _read_lowercase_name(segment.text)  # "ana ortiz, Designer"
            found = (name, "") if name else None
        if found:
            person = ParsedPerson(name=found[0])
            title = _join(title, found[1], ", ", False) if found[1] else title
        elif segment.text:
            title = _join(title, segment.text, segment.sep, segment.paren)
    if person is None:
        person = _name_from_email(found_emails)
        if person is None:
            return None
    person.title = title.strip(_EDGE_PUNCT)[:_TITLE_MAX]
    person.role = detect_role(person.title)
    if found_emails and not person.email:
        person.email = found_emails[0]
    return person
