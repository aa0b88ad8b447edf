"""Find people, organizations and places: a shipped gazetteer plus capitalization rules.

The gazetteer (``briefings.gazetteer``) holds general knowledge only — countries, major
cities and regions, well-known bodies, demonyms and titles — and the rules type what it does
not know: a name after a title is a person, a name ending in "Ministry" or "Institute" is an
organization, a name after "in" is a place. Entities keep the fullest form seen. The rules
read the runs of capitalized words that ``name_runs`` cuts the text into; what the words
around a run say it is, ``name_context`` reads.
"""

from __future__ import annotations

import re

from briefings.gazetteer import Gazetteer, Lookups, gazetteer, lookups
from briefings.lexicon import (
    LOWER_TITLES,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    OFFICE_REMITS,
    PERSON_NOUNS,
    ROLE_AFTER_ORG,
    WEEKDAYS,
)
from briefings.model import Entities
from briefings.name_context import (
    EMPLOYER_BEFORE,
    FIRM_OPENERS,
    HEAD_AFTER,
    HEAD_INITIALS,
    LOWER_PLACE_HEADS,
    ORG_HEADS_LOWER,
    PLACE_PREPS_BEFORE_NAMES,
    after_place_cue,
    after_place_prep,
    described_as_person,
    firm_before,
    next_text,
    place_head,
    quoted_title,
    takes_head,
    with_place_head,
    written_as_name,
)
from briefings.name_runs import INITIALISM, PARTICLE_WORD, Tokens, runs, sentence_start, tokens

__all__ = ["extract_entities", "person_names"]

# Capitalized geographic head nouns that end a place name ("Sinai Peninsula", "Tahrir
# Square", "Caspian Sea") or open one with an "of" tail ("Strait of Hormuz", "Bay of Bengal").
_GEO_HEADS = frozenset(
    """
    peninsula square valley province region district oblast county governorate prefecture
    strait straits sea river island islands isles mountains desert coast basin
    plateau canal delta highlands heights strip gulf ocean plaza
    gorge shoal shoals reef reefs atoll lagoon bay lake lakes pass glacier mount
    """.split()
)
_NON_NAME = frozenset(
    """
    act care health emergency security peace war day summit plan agreement deal talks forces
    program programme law treaty accord crisis union street avenue square road island islands
    river mountain sea ocean bay lake hill valley airport station prize award cup games
    olympics championship concern happy monday tuesday wednesday thursday friday saturday
    sunday january february march april june july august september october november december
    economy affairs relations rights development cooperation
    trade energy nuclear public national international global federal central general
    republic republics state states united kingdom people's democratic front force zone
    corridor bridge plant church mosque temple palace house hall tower building museum
    dam canal pipeline reservoir stadium hospital university college prison
    report review survey index outlook bill charter declaration doctrine initiative strategy
    memo memorandum protocol study assessment yearbook
    revolution uprising massacre genocide year fields railway process project
    officer officers
    """.split()
)


class _Collector:
    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {
            "people": [],
            "organizations": [],
            "places": [],
            "_single": [],
        }
        self.seen: set[tuple[str, str]] = set()

    def add(self, kind: str, name: str) -> None:
        name = name.strip(" ,;:")
        if name.endswith(".") and not INITIALISM.match(name.split()[-1]):
            name = name.rstrip(".")
        if not name:
            return
        key = (kind, name.casefold())
        if key not in self.seen:
            self.seen.add(key)
            self.found[kind].append(name)


def _segment_run(
    text: str, toks: Tokens, run: list[int], gaz: Gazetteer, look: Lookups, out: _Collector
) -> None:
    """Find and type the names in one run of capitalized words, left to right.

    At each word the cases are tried in a fixed order, and the order is the rule: a
    lower-case connector is passed over; a geographic name longer than the gazetteer's match
    is a place; a stopword or demonym is passed over; an organization name longer than the
    gazetteer's match is a body; a gazetteer name is typed; a title is passed over, making
    the name after it a person's; a common head is passed over; what is left is a name of up
    to three words, typed by the cues around it. A one-word run the gazetteer settles,
    ``_one_word_run`` has taken before.
    """
    texts = toks.text
    first = run[0]
    # All-caps datelines and transcript headers ("BEIJING —", "MS PORTER:") become Title case.
    words = [
        w.title()
        if len(w) > 3 and w.isupper() and "." not in w and w.title().lower() in gaz.places
        else w
        for w in [texts[i] for i in run]
    ]
    # Each word lower-cased once: the loop below and ``_org_span`` look at them repeatedly.
    # Lower-casing words one by one and joining them equals lower-casing the joined phrase.
    lows = [w.lower() for w in words]
    n = len(words)
    if n > 1 and lows[-1] in WEEKDAYS:
        # "President Ana Ruiz Tuesday": a day after a name says when, and names nothing.
        while n > 1 and lows[n - 1] in WEEKDAYS:
            n -= 1
        words, lows = words[:n], lows[:n]
    # Without a suffix word in the run, ``_org_span`` can find no organization.
    has_suffix = not gaz.org_suffixes.isdisjoint(lows)
    # Most runs hold no geographic head noun; only those need ``_geo_span``.
    has_geo = not _GEO_HEADS.isdisjoint(lows)
    pos = 0
    prev_title = toks.joined[first] and texts[first - 1].lower() in LOWER_TITLES
    firm = False
    if n > 1 and lows[0] in FIRM_OPENERS and sentence_start(text, toks, first):
        # "Carmaker Nordwagen cut its forecast": a capitalized descriptor opens the sentence.
        pos, firm = 1, True
    while pos < n:
        low = lows[pos]
        if low in NAME_CONNECTORS and not words[pos][0].isupper():
            # A lower-case connector never opens a name; a capitalized particle
            # ("El Norte", "De Graaf", "Al Jazeera") does.
            pos += 1
            continue
        best = _longest_known(lows, pos, look)
        stop_name = prev_title and best is None and _stopword_given_name(words, lows, pos, gaz)
        if has_geo and not prev_title and low not in gaz.stopwords:
            geo_end = _geo_place_end(words, lows, pos, best, has_suffix, gaz)
            if geo_end is not None:
                out.add("places", " ".join(words[pos:geo_end]))
                pos, prev_title = geo_end, False
                continue
        if best is None and not stop_name:
            skipped = _stopword_or_demonym(lows, pos, gaz, look)
            if skipped:
                pos += skipped
                prev_title = False
                continue
        org_end = _org_span(words, lows, pos, gaz) if has_suffix else None
        if org_end is not None and (best is None or org_end - pos > best[0]):
            out.add("organizations", " ".join(words[pos:org_end]))
            pos, prev_title = org_end, False
            continue
        service = _language_service(words, lows, pos, best, gaz)
        if service:
            # "told VOA Khmer", "BBC Persian": a broadcaster's service in one language.
            out.add("organizations", " ".join(words[pos : pos + service]))
            pos += service
            prev_title = False
            continue
        if best is not None:
            _add_known(text, toks, run, words, pos, best, gaz, out)
            pos += best[0]
            prev_title = False
            continue
        title_end = _title_end(words, lows, pos, gaz, look)
        if title_end > pos:
            for k in range(pos, title_end):
                # "Special Envoy for Ukraine Kurt Volker": the place the office is over is
                # still a place named in the text.
                if gaz.single.get(lows[k]) == "places":
                    out.add("places", words[k])
            pos, prev_title = title_end, True
            continue
        if low in look.not_single and not stop_name:
            pos += 1
            prev_title = False
            continue
        end = _name_end(words, lows, pos, gaz, look)
        if end == pos:
            pos += 1
            prev_title = False
            continue
        _add_name(text, toks, run, words, lows, pos, end, prev_title, firm, gaz, out)
        pos = end
        prev_title = False


def _one_word_run(
    text: str, toks: Tokens, index: int, gaz: Gazetteer, look: Lookups, out: _Collector
) -> bool:
    """Settle a run of one capitalized word from the gazetteer alone, or return False.

    The most common run, so it has a fast path: "Officials" is never a one-word name,
    "France" is a place, "the Kharkiv region" a place with its head noun, "the Gulf states"
    no entity. A word the gazetteer does not know, or one before "administration" ("the
    Ortega administration"), is left to ``_segment_run``.
    """
    word = toks.text[index]
    low = word.lower()
    if low in look.not_single:
        return True
    kind = gaz.single.get(low)
    if kind is None or next_text(toks, index) == "administration":
        return False
    if kind == "places":
        if low in gaz.regions and _COLLECTIVE_AFTER.match(text, toks.end[index]):
            # "the Gulf states", "a Baltic nation": the region only modifies the noun.
            return True
        head = place_head(text, toks.end[index])
        if head and takes_head(low, gaz):
            out.add("places", with_place_head(word, head))
            return True
    dateline = kind == "places" and len(word) > 3 and word.isupper()
    out.add(kind, word.title() if dateline else word)
    return True


def _longest_known(lows: list[str], pos: int, look: Lookups) -> tuple[int, str] | None:
    """The word count and kind of the longest gazetteer name starting at ``pos``, or None.

    "European Commission" in "the European Commission said" is one organization of two
    words, not the demonym "European" and a word after it.
    """
    room = len(lows) - pos
    for length in look.lengths.get(lows[pos], ()):
        if length <= room:
            kind = look.kinds.get(" ".join(lows[pos : pos + length]))
            if kind is not None:
                return length, kind
    return None


def _stopword_given_name(words: list[str], lows: list[str], pos: int, gaz: Gazetteer) -> bool:
    """A capitalized stopword right after a title is a given name ("spokesperson An Lien").

    Asked only after a title, of a word the gazetteer does not know: the next word must be
    shaped like a name and be no stopword, gazetteer word or title itself.
    """
    return (
        lows[pos] in gaz.stopwords
        and pos + 1 < len(words)
        and _name_shaped(words[pos + 1])
        and lows[pos + 1] not in gaz.stopwords
        and lows[pos + 1] not in gaz.single
        and lows[pos + 1] not in gaz.titles
    )


def _geo_place_end(
    words: list[str],
    lows: list[str],
    pos: int,
    best: tuple[int, str] | None,
    has_suffix: bool,
    gaz: Gazetteer,
) -> int | None:
    """End of a place built on a geographic head noun that wins at ``pos``, or None.

    "the Sinai Peninsula", "the Strait of Hormuz": the place wins when it is longer than the
    gazetteer's match and no organization name runs past it.
    """
    geo_end = _geo_span(words, lows, pos, gaz)
    if geo_end is not None and (best is None or geo_end - pos > best[0]):
        org_end = _org_span(words, lows, pos, gaz) if has_suffix else None
        if org_end is None or org_end <= geo_end:
            return geo_end
    return None


def _stopword_or_demonym(lows: list[str], pos: int, gaz: Gazetteer, look: Lookups) -> int:
    """How many words at ``pos`` are a stopword (1) or a demonym (1 or 2), else 0.

    "Monday", "Chinese", "South Korean" in "South Korean officials said on Monday" open no
    name, so the rules step over them.
    """
    low = lows[pos]
    if low in gaz.stopwords:
        return 1
    pair = low in gaz.demonyms if pos + 1 == len(lows) else low in look.pair_demonyms
    if pair and " ".join(lows[pos : pos + 2]) in gaz.demonyms:
        return 2
    return 0


def _add_known(
    text: str,
    toks: Tokens,
    run: list[int],
    words: list[str],
    pos: int,
    best: tuple[int, str],
    gaz: Gazetteer,
    out: _Collector,
) -> None:
    """Add the gazetteer name at ``pos`` (``best``: its word count and kind), read in context.

    A place may stand for more than itself: "the Kyiv administration" is a body, "the
    Kharkiv region" a larger place, "the Baltic states" no entity, "The Atlantic magazine"
    an outlet; otherwise the gazetteer's kind holds.
    """
    length, kind = best
    last = run[pos + length - 1]
    nxt = next_text(toks, last)
    name = " ".join(words[pos : pos + length])
    if kind == "places" and nxt == "administration":
        out.add("organizations", f"{name} administration")
    elif (
        kind == "places"
        and (head := place_head(text, toks.end[last]))
        and takes_head(name.lower(), gaz)
    ):
        out.add("places", with_place_head(name, head))
    elif (
        kind == "places"
        and name.lower() in gaz.regions
        and _COLLECTIVE_AFTER.match(text, toks.end[last])
    ):
        pass  # "the Baltic states": the region only modifies the noun.
    elif (
        kind == "places"
        and pos > 0
        and words[pos - 1] == "The"
        and _OUTLET_AFTER.match(text, toks.end[last])
    ):
        # "The Atlantic magazine": an outlet whose name is also a place's.
        out.add("organizations", f"The {name}")
    else:
        out.add(kind, name)


def _title_end(words: list[str], lows: list[str], pos: int, gaz: Gazetteer, look: Lookups) -> int:
    """Where the title (or what the person does) at ``pos`` ends, or ``pos`` without one.

    "Prime Minister Ewa Kowalczyk", "Scientist Hwang Woo-suk", and with what the office is
    over, "Minister of Information Lawrence Bropleh".
    """
    n = len(words)
    title_len = 0
    for length in look.title_lengths.get(lows[pos], ()):
        if length <= n - pos and " ".join(lows[pos : pos + length]) in gaz.titles:
            title_len = length
            break
    if not title_len and pos + 2 < n and lows[pos] in OFFICE_REMITS:
        # "Immigration Minister Peter Dutton": a field no listed title holds, then a title.
        for length in look.title_lengths.get(lows[pos + 1], ()):
            if length <= n - pos - 1 and " ".join(lows[pos + 1 : pos + 1 + length]) in gaz.titles:
                title_len = length + 1
                break
    if not title_len and pos + 2 < n and _plural_or_compound_title(lows[pos], gaz):
        # "Senators John Kerry and …", "Major-General Chris Olukolade": a title in the
        # plural, or two joined by a hyphen.
        title_len = 1
    if (
        not title_len
        and lows[pos] in PERSON_NOUNS
        and pos + 2 < n
        and _name_shaped(words[pos + 1])
        and _name_shaped(words[pos + 2])
    ):
        # "Scientist Hwang Woo-suk", "Activist Ana Ruiz": what the person does, before
        # the name, like a title.
        title_len = 1
    if not title_len:
        return pos
    pos += title_len
    # "Minister of Information Lawrence Bropleh", "Minister for Foreign Affairs Ana
    # Duarte": what the office is over belongs to the title when a name of two
    # words or more still follows it.
    if pos + 3 < n and lows[pos] in {"of", "for"} and _remit_word(lows[pos + 1], gaz):
        end = pos + 1
        # ("Assistant Secretary of State for African Affairs Linda Thomas-Greenfield",
        # "Deputy Minister for Oil and Civil Defense Hamdollah Mohammadnejad": a remit
        # may chain, and name a region or a field.)
        while end < n and (_remit_word(lows[end], gaz) or lows[end] in {"and", "of", "for"}):
            end += 1
        while end > pos and lows[end - 1] in {"and", "of", "for"}:
            end -= 1
        if n - end >= 2:
            pos = end
    elif (
        n - pos >= 5
        and lows[pos] in {"of", "for"}
        and all(_name_shaped(w) for w in words[pos + 1 :])
    ):
        # "Assistant Director-General for Communicable Disease David Heymann": a remit of
        # words no list holds, before a name of two.
        pos = n - 2
    return pos


def _plural_or_compound_title(low: str, gaz: Gazetteer) -> bool:
    """A title in the plural ("senators") or two joined by a hyphen ("major-general")."""
    if low.endswith("s") and low[:-1] in gaz.titles:
        return True
    head, _, tail = low.partition("-")
    return bool(tail) and head in gaz.titles and tail in gaz.titles


def _remit_word(low: str, gaz: Gazetteer) -> bool:
    """Whether ``low`` can name what an office is over: a field, a region's adjective, or a
    place ("Special Inspector General for Afghanistan Reconstruction John Sopko")."""
    return low in OFFICE_REMITS or low in gaz.demonyms or gaz.single.get(low) == "places"


def _name_end(words: list[str], lows: list[str], pos: int, gaz: Gazetteer, look: Lookups) -> int:
    """End of the name at ``pos``: up to four name-shaped words ("Aung San Suu Kyi"), or
    ``pos`` for none.

    Lower-case particles may join them ("Luuk de Graaf", "Juan de la Cruz") unless the word
    after the particle is a known place or body; a title or suffix word ends the name.
    """
    n = len(words)
    end = pos
    shaped = 0
    while end < n and shaped < 4:
        if end > pos and words[end] in NAME_PARTICLES:
            # "de la", "van der": a second particle may follow the first.
            skip = 2 if end + 1 < n and words[end + 1] in ("la", "der") else 1
            after = end + skip
            if (
                after < n
                and _name_shaped(words[after])
                and lows[after] not in gaz.single
                and not _stops_name(words[after], lows[after], look)
            ):
                end = after
                continue
        if (
            end + 1 < n
            and _initial(words[end], end > pos, gaz)
            and _name_shaped(words[end + 1])
            and not _stops_name(words[end + 1], lows[end + 1], look)
        ):
            # "John F. Kennedy", "P.J. Crowley": initials stand inside a name, uncounted.
            end += 1
            continue
        if not _name_shaped(words[end]):
            break
        if (
            _stops_name(words[end], lows[end], look)
            and not (
                # "Foreign Minister Julie Bishop and …": a title word after a given name with
                # no name after it is a surname; a title always stands before its name.
                shaped
                and lows[end] in gaz.titles
                and (end + 1 == n or not _name_shaped(words[end + 1]))
                and lows[end - 1] not in _TITLE_MODIFIERS
                and lows[end - 1] not in gaz.titles
            )
            and not (
                # "Sheikh Sharif Sheikh Ahmed", "Khalid Sheikh Mohammed": an honorific
                # inside a name, between two of its words.
                shaped and lows[end] == "sheikh" and end + 1 < n and _name_shaped(words[end + 1])
            )
        ):
            break
        if shaped == 3 and not _NON_NAME.isdisjoint(lows[pos:end]):
            # A fourth word only for a name of four ("Aung San Suu Kyi"): "Public Relations
            # Officer Frank Mba" holds a title's words, and the name is the last two.
            break
        end += 1
        shaped += 1
    while end > pos and words[end - 1] in NAME_PARTICLES:
        end -= 1
    return end


# Words that open a title, not a name ("High Commissioner", "Special Adviser").
_TITLE_MODIFIERS = frozenset(
    "high special vice executive permanent principal grand supreme associate first second "
    "joint regional national general presidential royal honorary interim".split()
)


def _stops_name(word: str, low: str, look: Lookups) -> bool:
    """Whether ``word`` (a title or a body's suffix) ends a name; a company form ends it only
    as written ("Ag" in "Rhissa Ag Boula" is no "AG")."""
    return low in look.name_stops and _as_written(word, low)


def _as_written(word: str, low: str) -> bool:
    """Whether ``word`` is a body's suffix as written: a company form ("AG", "PLC") counts
    only in its own capitals."""
    cased = _CASED_SUFFIXES.get(low)
    return cased is None or word in cased


def _add_name(
    text: str,
    toks: Tokens,
    run: list[int],
    words: list[str],
    lows: list[str],
    pos: int,
    end: int,
    prev_title: bool,
    firm: bool,
    gaz: Gazetteer,
    out: _Collector,
) -> None:
    """Type the name ``words[pos:end]`` by the cues around it, and add it.

    The cues are tried in order, the first that fits wins: a head noun after it ("Kandahar
    province", "the Health ministry"), its shape ("NATO"), a firm noun before it ("mobile
    operator Hanbit Telecom"), an apposition or outlet noun ("Veritas, a local rights
    group"), a place preposition ("shelling in Port Arvel"), a title before it or two words
    ("President Duarte", "Jonas Weber"), an employer cue ("officials at Skyhaul"). A name
    no cue types is kept aside ("_single"), a person only if a fuller name has its surname.
    """
    texts = toks.text
    name_words = words[pos:end]
    index = run[pos]
    start = toks.start[index]
    last = run[end - 1]
    last_end = toks.end[last]
    possessive = toks.possessive[last]
    after = last + 1
    nxt = texts[after] if after < len(texts) and toks.joined[after] else ""
    name = " ".join(name_words)
    # What follows the name, read only where a cue could start: a lower-case head noun
    # after one space, an outlet noun, or a comma that opens an apposition.
    follow = text[last_end : last_end + 2]
    head_match = (
        HEAD_AFTER.match(text, last_end)
        if follow[1:] in HEAD_INITIALS and follow[:1] == " " and not (prev_title or possessive)
        else None
    )
    head = head_match.group(1) if head_match else ""
    if nxt == "administration" and len(name_words) == 1:
        out.add("organizations", f"{name} administration")
    elif head in LOWER_PLACE_HEADS:
        # "in Kandahar province", "the Kharkiv region": the head noun makes it a place.
        out.add("places", with_place_head(name, head))
    elif (
        head in ORG_HEADS_LOWER
        and not prev_title
        and not possessive
        and not (len(name_words) == 1 and sentence_start(text, toks, index))
    ):
        # "the Serbian Anti-Doping agency": a demonym just before belongs to the name.
        lead = f"{words[pos - 1]} " if pos > 0 and lows[pos - 1] in gaz.demonyms else ""
        out.add("organizations", f"{lead}{name} {head}")
    elif name.isupper() and len(name_words) == 1 and 2 <= len(name) <= 6:
        out.add("organizations", name)
    elif not prev_title and (firm or firm_before(text, start, last_end)):
        # "mobile operator Hanbit Telecom", "The manufacturer, Helvion Biologics": a firm.
        out.add("organizations", name)
    elif len(name_words) >= 2 and lows[pos] in _PLACE_OPENERS and not prev_title:
        # "Port Sudan", "Fort Worth", "Cape Verde": a word that opens only places' names.
        out.add("places", name)
    elif len(name_words) >= 2 and (lows[pos] in _CLUB_FIRST or lows[end - 1] in _CLUB_LAST):
        # "Real Sociedad", "Dynamo Kyiv", "Leeds United": sports clubs.
        out.add("organizations", name)
    elif start and text[start - 1] in '“"' and quoted_title(text, start, last_end):
        # A name standing alone in quotes is a title ("its annual “Global Survey”").
        out.add("_single", name)
    elif not prev_title and follow[:1] == "," and _ORG_APPOSITION.match(text, last_end):
        # "Veritas, a local rights group, said": the apposition types the name.
        out.add("organizations", name)
    elif (
        not prev_title
        and follow[1:] in _OUTLET_INITIALS
        and _OUTLET_AFTER.match(text, last_end)
        and not (len(name_words) == 1 and sentence_start(text, toks, index))
    ):
        # "the Daily Ledger newspaper", "Harbor Weekly magazine": an outlet.
        out.add("organizations", name)
    elif (
        len(name_words) >= 2
        and not prev_title
        and not possessive
        and (
            after_place_prep(toks, index) or (pos > 0 and lows[pos - 1] in PLACE_PREPS_BEFORE_NAMES)
        )
        and not _STAKE_IN.search(text, max(0, start - 30), start)
    ):
        # "shelling in Port Arvel", "a market near San Lucar": a place, not a person.
        out.add("places", name)
    elif prev_title or (len(name_words) >= 2 and _NON_NAME.isdisjoint(lows[pos:end])):
        out.add("people", name)
    elif (
        len(name_words) == 2
        and lows[pos] not in _NON_NAME
        and described_as_person(text, start, last_end)
    ):
        # "The lead lawyer for the plaintiffs, Martin Day, said": a surname that is also a
        # word ("Day", "Law", "Hall") names a person when a description of one is set beside
        # it, as "Labor Day" never is.
        out.add("people", name)
    elif (
        possessive is False
        and nxt in ROLE_AFTER_ORG
        and not (
            len(name_words) == 1
            and sentence_start(text, toks, index)
            and not written_as_name(text, name, start)
        )
    ):
        # "Skyhaul officials said"; but a sentence's first word has its capital anyway, so
        # "Health officials", "Election workers" name no body unless the report writes the
        # word with a capital inside a sentence too.
        out.add("organizations", name)
    elif start > 0 and EMPLOYER_BEFORE.search(text, max(0, start - 24), start):
        # "senior officials at Skyhaul", "an analyst at Brightwater": an employer.
        out.add("organizations", name)
    elif start > 0 and after_place_cue(toks, index):
        out.add("places", name)
    elif pos == 0 and nxt in ("executives", "employees") and not sentence_start(text, toks, index):
        out.add("organizations", name)
    elif len(name_words) == 1 and _CAMEL_BRAND.fullmatch(name):
        # "ConocoPhillips", "PetroChina", "BlackRock": a capital inside one word marks a
        # brand; surnames with such a capital ("McCain", "DiCaprio") are excluded.
        out.add("organizations", name)
    else:
        out.add("_single", name)


_CAMEL_BRAND = re.compile(
    r"(?!Mc|Mac|De|Di|Da|Le|La|Van|Von|Du|Al|El)[A-Z][a-z]{2,}[A-Z][a-z]+[A-Za-z]*"
)
# Words that open or close the names of sports clubs.
_CLUB_FIRST = frozenset(
    """
    real inter dynamo dinamo sporting atletico atlético athletic olympique borussia racing
    bayern legia lokomotiv spartak
    """.split()
)
_CLUB_LAST = frozenset({"united", "rovers", "wanderers", "albion", "hotspur"})
# A common noun after a name that makes it a news outlet ("the Harbor Post newspaper").
_OUTLET_AFTER = re.compile(
    r"\s+(?:newspaper|magazine|tabloid|weekly|broadcaster|website|news\s+agency|news\s+site)\b"
)
# First letters of the outlet nouns, the cheap test before ``_OUTLET_AFTER``: most names
# are followed by none.
_OUTLET_INITIALS = frozenset("nmtwb")
# A region used as a modifier of a collective noun is no entity ("the Gulf states").
_COLLECTIVE_AFTER = re.compile(r"\s+(?:state|states|nation|nations|countries|monarchies)\b")
# "NAME, a local rights group," / "NAME, the country's largest lender,": an appositive whose
# head is a kind of organization; the head must close the phrase, so "a group spokesman"
# (a person) does not count.
_ORG_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?!of\b|for\b|at\b|with\b|from\b|in\b|to\b|on\b|by\b)[\w’'\-]+\s+)"
    r"{0,3}?(?:group|organization|organisation|company|firm|agency|bank|lender|insurer|"
    r"watchdog|charity|newspaper|broadcaster|network|party|union|club|team|airline|carrier|"
    r"provider|platform|startup|start-up|manufacturer|producer|operator|outlet|daily|website|"
    r"fund|institute|carmaker|automaker|chipmaker|drugmaker|publisher|tabloid|magazine|"
    r"nonprofit|non-profit|ngo|monitor)"
    r"(?=\s*[,.;:)]|\s+(?:that|which|based|in|said|says|owned|run|founded|known)\b)",
    re.IGNORECASE,
)


# "shares in X", "a stake in X": the name after "in" is a company, not a location.
_STAKE_IN = re.compile(
    r"\b(?:shares|stake|stakes|investment|investments|holding|holdings|interest|invested)\s+in\s+$",
    re.IGNORECASE,
)


def _geo_span(words: list[str], lows: list[str], pos: int, gaz: Gazetteer) -> int | None:
    """End of a place name built on a geographic head noun, or None.

    The head either closes the name ("Sinai Peninsula", "Caspian Sea") or opens it with an
    "of" tail ("Strait of Hormuz"); titles and organization suffixes stop the scan.
    """
    n = len(words)
    if lows[pos] in _GEO_HEADS and pos + 2 < n and lows[pos + 1] == "of":
        j = pos + 2
        while j < n and words[j][0].isupper() and lows[j] not in gaz.stopwords:
            j += 1
        return j if j > pos + 2 else None
    i = pos
    while i < n and words[i][0].isupper() and lows[i] not in gaz.stopwords:
        if lows[i] in gaz.titles or lows[i] in gaz.org_suffixes:
            return None
        if i > pos and lows[i] in _GEO_HEADS:
            if i + 1 < n and f"{lows[i]} {lows[i + 1]}" in gaz.titles:
                # "U.S. District Judge James Boasberg": the head opens a title.
                return None
            return i + 1
        i += 1
    return None


def _org_span(words: list[str], lows: list[str], pos: int, gaz: Gazetteer) -> int | None:
    """End of an organization name that ends in a suffix word, with an "of/for …" tail.

    ``lows`` holds ``words`` lower-cased.
    """
    end = None
    i = pos
    n = len(words)
    suffixes = gaz.org_suffixes
    while i < n and (lows[i] not in NAME_CONNECTORS or _inner_and(words, lows, i, pos, suffixes)):
        if (
            lows[i] in suffixes
            and (i > pos or (i + 2 < n and lows[i + 1] in {"of", "for", "to"}))
            and _as_written(words[i], lows[i])
        ):
            end = i + 1
        i += 1
    if end is None and lows[pos] in _OUTLET_FIRST and pos + 1 < n and words[pos + 1][:1].isupper():
        # "Radio Free Asia", "Radio Farda": a broadcaster's name opens on what it is.
        end = pos + 1
        while end < n and words[end][:1].isupper() and lows[end] not in gaz.stopwords:
            end += 1
    if end is None:
        return None
    if (end < n and lows[end] in {"of", "for", "on"}) or (
        # ("sent the Commission to Brussels": "to" a place is where, not the name.)
        end + 1 < n and lows[end] == "to" and lows[end + 1] not in gaz.single
    ):
        j = end + 1
        # ("Joint Chiefs of Staff Chairman Mike Mullen": a title after the tail ends it.)
        while (
            j < n
            and (words[j][0].isupper() or lows[j] in NAME_CONNECTORS)
            and lows[j] not in gaz.titles
        ):
            if words[j] == "and" and (
                words[j + 1 : j + 2] in (["the"], ["a"], ["an"])
                or any(w in suffixes for w in lows[j + 1 :])
            ):
                # "Ministry of Health and the Baltic Institute": two bodies, not one.
                break
            j += 1
        while j > end + 1 and lows[j - 1] in NAME_CONNECTORS:
            j -= 1
        if j > end + 1:
            end = j
    return end


_OUTLET_FIRST = frozenset({"radio", "television"})
_PLACE_OPENERS = frozenset({"port", "fort", "cape", "lake", "mount"})
# Company forms that end a body's name only as written: "Siemens AG", but "Rhissa Ag Boula"
# is a Tuareg name's particle.
_CASED_SUFFIXES = {
    "ag": frozenset({"AG"}),
    "plc": frozenset({"PLC", "Plc"}),
    "llc": frozenset({"LLC"}),
    "tv": frozenset({"TV"}),
}
# Broadcasters with services in many languages, and languages that are no demonym.
_MANY_LANGUAGES = frozenset({"voa", "bbc", "rfa", "dw", "rfi"})
_LANGUAGES = frozenset(
    "mandarin cantonese urdu pashto dari swahili hausa amharic bangla bengali hindi tigrigna "
    "oromo kinyarwanda lingala".split()
)


def _language_service(
    words: list[str], lows: list[str], pos: int, best: tuple[int, str] | None, gaz: Gazetteer
) -> int:
    """The length of "VOA Khmer" at ``pos``, or 0."""
    if best is None or best[1] != "organizations" or lows[pos] not in _MANY_LANGUAGES:
        return 0
    nxt = pos + best[0]
    if nxt < len(words) and (lows[nxt] in gaz.demonyms or lows[nxt] in _LANGUAGES):
        return best[0] + 1
    return 0


def _inner_and(
    words: list[str], lows: list[str], i: int, pos: int, suffixes: frozenset[str]
) -> bool:
    """An "and" inside one body's name: "Food and Drug Administration", "Petroleum and Natural
    Gas Senior Staff Association" (capitals on both sides, and the suffix word within five
    words after it)."""
    return (
        lows[i] == "and"
        and i > pos
        and words[i - 1][:1].isupper()
        and i + 1 < len(words)
        and words[i + 1][:1].isupper()
        and any(lows[k] in suffixes for k in range(i + 1, min(len(words), i + 6)))
    )


def _initial(word: str, inside: bool, gaz: Gazetteer) -> bool:
    """A middle initial inside a name ("F."), or given-name initials opening one ("P.J."),
    which no gazetteer abbreviation ("U.S.", "U.N.") is."""
    if inside and len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True
    return (
        not inside
        and len(word) <= 6
        and INITIALISM.match(word) is not None
        and word.lower() not in gaz.single
    )


def _name_shaped(word: str) -> bool:
    if "-" in word and PARTICLE_WORD.match(word):
        # "al-Assad": the particle is shaped like a name when the word after it is.
        word = word[word.index("-") + 1 :]
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False
    if word.isalpha():
        return True
    return word.replace("-", "").replace("’", "").replace("'", "").isalpha()


_HEADER = re.compile(r"\s*(?:M[RS]S?\.? |DR\.? )?([A-Z][A-Z'\-]+):")


_DATELINE_OUTLET = re.compile(
    r"\s*[A-Z][A-Z.'’\- ]+(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*\(([^()\n]{2,40})\)\s*(?:-|—|–|--)"
)


_DATELINE_PLACE = re.compile(
    r"\s*([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+)*)(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?"
    r"\s*(?:\([^()\n]{2,40}\)\s*)?(?:-|—|–|--)\s"
)


def extract_entities(text: str) -> Entities:
    """People, organizations and places of ``text``, fullest form, in order of first mention."""
    gaz = gazetteer()
    look = lookups()
    toks = tokens(text)
    out = _Collector()
    header = _HEADER.match(text)
    if header:
        out.add("people", header.group(1).title())
    dateline_place = _DATELINE_PLACE.match(text)
    if dateline_place and len(dateline_place.group(1).split()) <= 3:
        # "HARARE —", "LIMA, May 3 (Andes Wire) -": a dateline names where the story is filed.
        out.add("places", dateline_place.group(1).strip().title())
    for run in runs(toks):
        # The most common run, one capitalized word, takes a fast path first.
        if len(run) == 1 and _one_word_run(text, toks, run[0], gaz, look, out):
            continue
        _segment_run(text, toks, run, gaz, look, out)
    people = out.found["people"]
    surnames = {p.split()[-1].lower() for p in people if len(p.split()) >= 2}
    # "the Ortega administration" is named after its leader: a bare "Ortega" is that person.
    leaders = {
        o.split()[0].lower()
        for o in out.found["organizations"]
        if o.endswith(" administration") and len(o.split()) == 2
    }
    for single in out.found.get("_single", []):
        if single.lower() in surnames or single.lower() in leaders:
            out.add("people", single)
    # The outlet credited in a wire dateline ("OSLO (Northern Wire) -") published the report;
    # it is not one of the story's entities, here or where the story names it again.
    dateline = _DATELINE_OUTLET.match(text)
    if dateline:
        outlet = dateline.group(1).strip().casefold()
        for kind in ("people", "organizations", "places"):
            out.found[kind] = [n for n in out.found[kind] if n.casefold() != outlet]
    # A name that a cue typed as a body ("producer Kalahari Stones") is that body where it
    # only looked like a person's two-word name ("a Kalahari Stones spokeswoman").
    bodies = {n.casefold() for n in out.found["organizations"]}
    out.found["people"] = [n for n in out.found["people"] if n.casefold() not in bodies]
    # A name typed as a person or body elsewhere in the text is not also a place, unless the
    # gazetteer knows it as one ("Georgia" the country).
    typed = {n.casefold() for n in (*out.found["people"], *out.found["organizations"])}
    out.found["places"] = [
        p for p in out.found["places"] if p.casefold() not in typed or p.lower() in gaz.places
    ]
    return Entities(
        people=_fullest(out.found["people"]),
        organizations=_fullest(_drop_aliases(text, _drop_acronyms(out.found["organizations"]))),
        places=_fullest(_drop_acronyms(out.found["places"]), keep=gaz.countries),
    )


def _fullest(names: list[str], keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Drop a name whose words all appear, in order, inside a longer name of the same type
    ("Ruiz" beside "Ana Ruiz"), unless it is one of ``keep``: a country inside a longer
    place's name ("China" beside "the East China Sea", "Sudan" beside "South Sudan") is
    another place."""
    # Each name padded and lower-cased once; the names are distinct, so a padded name found
    # twice in them all (a NUL keeps the names apart) is found inside another name.
    padded = [f" {name.lower()} " for name in names]
    together = "\0".join(padded)
    return tuple(
        name
        for name, low in zip(names, padded, strict=True)
        if together.count(low) < 2 or low[1:-1] in keep
    )


def _drop_acronyms(names: list[str]) -> list[str]:
    """Drop an acronym whose full name is also there ("VOA" beside "Voice of America").

    Initials are read both with and without the lower-case words ("Voice of America" gives
    "VA" and "VOA"); dots are ignored, so "U.S." folds into "United States".
    """
    initials: set[str] = set()
    for n in names:
        # ("Inter-Services Intelligence" is "ISI": a hyphen parts words as a space does.)
        parts = n.replace("-", " ").split()
        if len(parts) >= 2:
            initials.add("".join(w[0] for w in parts if w[0].isupper()).upper())
            initials.add("".join(w[0] for w in parts).upper())
    return [n for n in names if not (n.isupper() and n.replace(".", "") in initials)]


# What sets a short name beside a body's full name: "(FSB)", "(or ELN)", ", or FARC", " or
# FARC", ", the ISI", " — the FSB —", ", known as …".
_ALIAS_OPENER = re.compile(
    r"(?:\s*\(\s*(?:or\s+)?|,?\s+or\s+(?:the\s+)?|,\s+(?:known\s+as\s+(?:the\s+)?|the\s+)"
    r"|\s*[—–]\s*(?:the\s+)?)$"
)


def _drop_aliases(text: str, names: list[str]) -> list[str]:
    """Drop an acronym the text gives as another body's short name: "the Revolutionary Armed
    Forces of Colombia, or FARC", "the Federal Security Service (FSB)". Its letters need
    not be the name's initials (FARC is Spanish); where the text says so, it is that body,
    and annotators and readers list the body once, by its full name."""
    acronyms = [n for n in names if n.isupper() and " " not in n and n in text]
    if not acronyms:
        return names
    others = [n for n in names if not n.isupper()]
    dropped = set()
    for acronym in acronyms:
        # Each place the acronym stands, and only there the opener before it (a literal
        # search, not a pattern tried at every character of the text).
        at = text.find(acronym)
        while at >= 0 and acronym not in dropped:
            end = at + len(acronym)
            whole = end == len(text) or not text[end].isalnum()
            opener = _ALIAS_OPENER.search(text, max(0, at - 24), at) if whole else None
            if opener is not None:
                before = text[max(0, opener.start() - 120) : opener.start()]
                if any(before.endswith(other) for other in others):
                    dropped.add(acronym)
            at = text.find(acronym, at + len(acronym))
    return [n for n in names if n not in dropped]


# The Arabic article a family name may open with ("Al-Bashir", "el-Sisi"), which a later
# mention often drops.
_ARTICLE_PREFIX = re.compile(
    r"(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]sh|[Aa]n|[Aa]r|[Aa]t|[Aa]z)-(?=[A-Z])"
)


def person_names(entities: Entities) -> dict[str, str]:
    """Map each lower-cased person name and bare surname to the fullest name seen."""
    out: dict[str, str] = {}
    for person in sorted(entities.people, key=len):
        out[person.lower()] = person
        parts = person.split()
        if len(parts) >= 2:
            out[parts[-1].lower()] = person
            article = _ARTICLE_PREFIX.match(parts[-1])
            if article is not None:
                # "Omar Al-Bashir", "Abdel Fattah el-Sisi": "President Bashir", "Mr. Sisi".
                out[parts[-1][article.end() :].lower()] = person
        if len(parts) == 2 and "-" in parts[1] and parts[1].split("-", 1)[1][:1].islower():
            # "Lee Myung-bak", "Ban Ki-moon": a hyphenated given name follows the family
            # name, which "Mr. Lee" uses.
            out.setdefault(parts[0].lower(), person)
    return out
