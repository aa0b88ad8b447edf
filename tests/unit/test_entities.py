"""Entity typing from the gazetteer and capitalization rules, fullest form kept."""

from __future__ import annotations

import pytest

from briefings.entities import extract_entities
from briefings.extract import extract
from briefings.gazetteer import gazetteer

pytestmark = pytest.mark.unit


def test_gazetteer_ships_with_the_package() -> None:
    gaz = gazetteer()
    assert "france" in gaz.places
    assert "world bank" in gaz.organizations
    assert "president" in gaz.titles


def test_people_after_titles_and_full_names() -> None:
    entities = extract_entities(
        "Prime Minister Ewa Kowalczyk met President Duarte in Lisbon. Kowalczyk said the "
        "talks went well, Jonas Weber of the European Commission told reporters."
    )
    assert "Ewa Kowalczyk" in entities.people
    assert "Duarte" in entities.people
    assert "Jonas Weber" in entities.people
    assert "Kowalczyk" not in entities.people  # the fullest form only
    assert "European Commission" in entities.organizations
    assert "Lisbon" in entities.places


def test_organization_suffixes_and_tails() -> None:
    entities = extract_entities(
        "The Ministry of Health and the Baltic Institute for Energy Studies disagreed, "
        "a spokesman for the Harbor Authority said."
    )
    assert "Ministry of Health" in entities.organizations
    assert "Baltic Institute for Energy Studies" in entities.organizations
    assert "Harbor Authority" in entities.organizations


def test_demonyms_and_sentence_openers_are_not_entities() -> None:
    entities = extract_entities("Officials said Polish and German troops would stay in Latvia.")
    flat = {*entities.people, *entities.organizations, *entities.places}
    assert flat == {"Latvia"}


def test_acronym_dropped_when_its_full_name_appears() -> None:
    entities = extract_entities(
        "The International Atomic Energy Agency sent inspectors. The IAEA said access was denied."
    )
    assert entities.organizations == ("International Atomic Energy Agency",)


def test_unknown_place_after_in() -> None:
    assert "Kozelsk" in extract_entities("Fighting was reported in Kozelsk overnight.").places


def test_initialisms_keep_their_dots() -> None:
    assert "U.S." in extract_entities("The U.S.-brokered truce held.").places


@pytest.mark.parametrize(
    "text",
    [
        "Health officials confirmed 30 new cases on Monday.",
        "Election workers counted through the night. The election was close.",
        "Transport officials said the line would reopen.",
    ],
)
def test_a_common_word_opening_a_sentence_before_officials_is_no_body(text: str) -> None:
    assert extract_entities(text).organizations == ()


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "A review by Skyhaul found nothing. Skyhaul officials said the jets were safe.",
            "Skyhaul",
        ),
        (
            "A fire broke out. Brightwater employees fled. Brightwater said all were safe.",
            "Brightwater",
        ),
    ],
)
def test_a_body_written_as_a_name_elsewhere_is_kept_at_a_sentence_start(
    text: str, body: str
) -> None:
    assert extract_entities(text).organizations == (body,)


def test_a_described_firm_is_not_a_common_word_read_as_a_body() -> None:
    text = (
        "Health officials confirmed 30 new cases on Monday. "
        "The drugmaker said it had set aside $500 million for legal costs."
    )
    assert [c.speaker for c in extract(text).claims][-1] == "The drugmaker"


def test_an_and_inside_a_body_name_keeps_the_name_whole() -> None:
    found = extract_entities("The U.S. Food and Drug Administration recalled the product.")
    assert "U.S. Food and Drug Administration" in found.organizations


@pytest.mark.parametrize(
    "text",
    [
        "The lead lawyer for the families, Martin Day, spoke on Monday.",
        "Martin Day, a lawyer for the families, spoke on Monday.",
    ],
)
def test_a_surname_that_is_also_a_word_names_a_person_set_beside_a_description(
    text: str,
) -> None:
    assert extract_entities(text).people == ("Martin Day",)


def test_a_holiday_set_beside_a_description_is_no_person() -> None:
    assert extract_entities("The holiday, Labor Day, falls on a Monday.").people == ()


@pytest.mark.parametrize(
    ("text", "person", "speaker"),
    [
        (
            "Former Governor Paul T. Okafor said the dam was safe.",
            "Paul T. Okafor",
            "Former Governor Paul T. Okafor",
        ),
        ("R.J. Maddox said the dam was safe.", "R.J. Maddox", "R.J. Maddox"),
        (
            "Agency spokesman R.J. Maddox said the dam was safe.",
            "R.J. Maddox",
            "Agency spokesman R.J. Maddox",
        ),
    ],
)
def test_initials_stay_inside_a_name(text: str, person: str, speaker: str) -> None:
    result = extract(text)
    assert result.entities.people == (person,)
    assert [c.speaker for c in result.claims] == [speaker]


def test_a_capital_letter_ending_a_sentence_is_no_middle_initial() -> None:
    text = "Novak wrote in a post on X. Prime Minister Eva Kral said she backed him."
    people = extract_entities(text).people
    assert "Eva Kral" in people
    assert "X" in extract_entities(text).organizations


@pytest.mark.parametrize("name", ["Aung San Suu Kyi", "Andres Manuel Lopez Obrador"])
def test_a_name_of_four_words_is_one_person(name: str) -> None:
    assert extract_entities(f"President {name} said the vote was fair.").people == (name,)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Minister Chang Wen-cheng said the vote was fair.", "Chang Wen-cheng"),
        ("President Ma Ying-jeou said the vote was fair.", "Ma Ying-jeou"),
    ],
)
def test_a_hyphenated_given_name_of_five_letters_after_the_hyphen_stays_whole(
    text: str, person: str
) -> None:
    assert extract_entities(text).people == (person,)


def test_a_compound_modifier_with_a_five_letter_tail_is_cut_to_its_name() -> None:
    entities = extract_entities("A Kremlin-style crackdown followed, Minister Ana Ruiz said.")
    assert "Kremlin" in entities.organizations
    assert entities.people == ("Ana Ruiz",)


@pytest.mark.parametrize(
    ("text", "person", "place"),
    [
        ("Director of National Intelligence Ana Ruiz said it.", "Ana Ruiz", None),
        ("Inspector General for Sudan Reconstruction Ana Ruiz said it.", "Ana Ruiz", "Sudan"),
        ("Special Envoy for Ukraine Kurt Volker said it.", "Kurt Volker", "Ukraine"),
        ("Senators Ana Ruiz and Jonas Weber said it.", "Ana Ruiz", None),
        ("Major-General Chris Olukolade said it.", "Chris Olukolade", None),
    ],
)
def test_a_title_in_the_plural_hyphenated_or_over_a_remit_is_no_part_of_the_name(
    text: str, person: str, place: str | None
) -> None:
    entities = extract_entities(text)
    assert person in entities.people
    assert not any(p != person and person in p for p in entities.people)
    if place is not None:
        assert place in entities.places


@pytest.mark.parametrize(
    "text",
    [
        "The Sri Lankan military said it.",
        "A South African court said it.",
        "Coptic Christians said it.",
        "Zambian officials said it.",
        "Rohingya refugees said it.",
    ],
)
def test_a_phrase_opened_by_a_demonym_names_no_person(text: str) -> None:
    assert extract_entities(text).people == ()


def test_a_country_is_not_the_plural_of_a_demonym() -> None:
    # "Laos", "the Philippines": no demonym is listed whose plural is a country.
    gaz = gazetteer()
    places = {w for w, kind in gaz.single.items() if kind == "places"}
    assert not {d + "s" for d in gaz.demonyms} & places


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The Cambodian People's Party said it.", "Cambodian People's Party"),
        ("The Workers' Party of Korea said it.", "Workers' Party of Korea"),
        ("The Catholic Church said it.", "Catholic Church"),
    ],
)
def test_a_possessive_inside_a_bodys_name_keeps_the_name_whole(text: str, body: str) -> None:
    assert extract_entities(text).organizations == (body,)


def test_an_ordinary_possessive_still_ends_a_name() -> None:
    entities = extract_entities("Minister Ana Ruiz's office said it.")
    assert entities.people == ("Ana Ruiz",)


@pytest.mark.parametrize(("text", "outlet"), [("Radio Free Asia said it.", "Radio Free Asia")])
def test_a_broadcaster_named_for_what_it_is_is_an_organization(text: str, outlet: str) -> None:
    entities = extract_entities(text)
    assert entities.organizations == (outlet,)
    assert entities.people == ()


@pytest.mark.parametrize("place", ["Kodori Gorge", "Second Thomas Shoal", "Scarborough Reef"])
def test_a_name_ending_in_a_geographic_head_is_a_place(place: str) -> None:
    entities = extract_entities(f"Patrol boats reached {place} on Monday, Minister Ana Ruiz said.")
    assert place in entities.places
    assert entities.people == ("Ana Ruiz",)


def test_a_number_opening_a_sentence_is_no_part_of_the_name_after_it() -> None:
    entities = extract_entities(
        "Nineteen Cameroon soldiers died. Four European Union states objected."
    )
    assert entities.people == ()
    assert "European Union" in entities.organizations
    assert "Cameroon" in entities.places


@pytest.mark.parametrize(
    "text",
    ["The Orange Revolution ended, Ana Ruiz said.", "The Harbour Process failed, Ana Ruiz said."],
)
def test_an_event_or_a_process_named_in_capitals_is_no_person(text: str) -> None:
    assert extract_entities(text).people == ("Ana Ruiz",)


def test_mullah_is_a_title() -> None:
    assert extract_entities("Mullah Abdul Rahman said it.").people == ("Abdul Rahman",)


def test_a_title_of_common_words_before_a_name_takes_no_fourth_name_word() -> None:
    text = "Lagos Police Public Relations Officer Frank Obi denied the killings."
    entities = extract_entities(text)
    assert entities.people == ("Frank Obi",)
    assert [d.speaker for d in extract(text).denials] == ["Frank Obi"]


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("He told VOA Khmer the talks had failed.", "VOA Khmer"),
        ("She told BBC Persian so.", "BBC Persian"),
    ],
)
def test_a_broadcasters_language_service_is_one_body(text: str, service: str) -> None:
    assert extract_entities(text).organizations == (service,)


def test_a_broadcaster_alone_stays_itself() -> None:
    assert extract_entities("VOA reported the talks had failed.").organizations == ("VOA",)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The Joint Chiefs of Staff said it.", "Joint Chiefs of Staff"),
        ("The Haqqani network said it.", "Haqqani network"),
        ("The U.S. Consulate said it.", "U.S. Consulate"),
    ],
)
def test_chiefs_consulates_and_networks_are_bodies(text: str, body: str) -> None:
    assert body in extract_entities(text).organizations


def test_a_title_after_a_bodys_of_tail_ends_the_body() -> None:
    entities = extract_entities("Joint Chiefs of Staff Chairman Ana Ruiz said it.")
    assert entities.organizations == ("Joint Chiefs of Staff",)
    assert entities.people == ("Ana Ruiz",)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("President Bingu wa Mutharika said it.", "Bingu wa Mutharika"),
        (
            "WHO Assistant Director-General for Communicable Disease Ana Ruiz said it.",
            "Ana Ruiz",
        ),
    ],
)
def test_a_particle_or_an_unlisted_remit_leaves_the_whole_name(text: str, person: str) -> None:
    assert extract_entities(text).people == (person,)


def test_a_sentence_adverb_opening_a_quote_is_no_name() -> None:
    assert extract_entities('"Therefore I\'m not going to comment," he said.').people == ()


def test_a_body_named_past_its_suffix_word_keeps_its_whole_name_as_speaker() -> None:
    [claim] = extract("The Institute for Security Studies said the talks had failed.").claims
    assert claim.speaker == "The Institute for Security Studies"
