"""A body the report named and then describes ("The company said") is named in the brief;
a description is never resolved to a body of the wrong kind, and a name is not a
description. Every text is written for this suite."""

from __future__ import annotations

import pytest

from briefings.descriptions import body_described
from briefings.extract import extract

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Regulators fined the carmaker Nordwagen on Monday. The carmaker said the fine was "
            "unfair.",
            "Nordwagen",
        ),
        (
            "The Harbour Times reported the leak first. The paper said the valve had failed.",
            "Harbour Times",
        ),
        (
            "The Maritime Safety Administration opened an inquiry. The agency said it had "
            "found oil on two beaches.",
            "the Maritime Safety Administration",
        ),
        (
            "The rights group Coast Watch listed 40 spills. The rights group said most were "
            "hidden.",
            "Coast Watch",
        ),
    ],
)
def test_a_description_names_the_body_the_report_named(text: str, speaker: str) -> None:
    assert extract(text).claims[-1].speaker == speaker


@pytest.mark.parametrize(
    "introduction",
    [
        "The opposition party, the Coalition for Land and Work called the strike.",
        "The Coalition for Land and Work, the main opposition party, called the strike.",
    ],
)
def test_a_body_the_report_set_beside_its_kind_is_of_that_kind(introduction: str) -> None:
    text = f"{introduction} The party said six of its officials had been detained."
    assert extract(text).claims[-1].speaker == "Coalition for Land and Work"


def test_a_body_never_called_so_is_not_of_that_kind() -> None:
    text = (
        "The Coalition for Land and Work, a farmers' lobby, called the strike. The party said "
        "six of its officials had been detained."
    )
    assert extract(text).claims[-1].speaker == "The party"


def test_the_group_is_the_group_the_report_described_without_a_name() -> None:
    text = (
        "A Ruritanian human rights group said four people were killed on Monday.\n\n"
        "The group accused armed civilians of firing on a car."
    )
    assert [c.speaker for c in extract(text).claims] == ["A Ruritanian human rights group"] * 2


@pytest.mark.parametrize(
    "second",
    [
        "In a report on Tuesday, the U.N. agency expressed concern about the tests.",
        # The pronoun of a relative clause is whom its sentence's description stands for.
        "In a report on Tuesday, the U.N. agency expressed “concern” about the tests, which "
        "it says “show” a design.",
    ],
)
def test_initials_are_a_modifier_of_a_description_not_a_name(second: str) -> None:
    text = f"The Maritime Safety Agency says it has found oil.\n\n{second}"
    assert extract(text).claims[-1].speaker == "the Maritime Safety Agency"


def test_a_description_is_not_resolved_to_a_body_of_another_kind() -> None:
    text = (
        "The Ministry of Transport met on Monday. The Harbour Times was not invited. "
        "The company said the meeting was routine."
    )
    assert extract(text).claims[-1].speaker == "The company"


def test_a_name_that_looks_like_a_description_is_kept() -> None:
    text = (
        "The United Nations sent a team. The World Health Organization said the outbreak "
        "was spreading."
    )
    assert extract(text).claims[-1].speaker == "The World Health Organization"


def test_a_body_named_too_far_back_is_not_guessed() -> None:
    filler = "Rain fell on the town all week. " * 100
    text = f"Regulators fined the carmaker Nordwagen. {filler}The carmaker said it was unfair."
    assert extract(text).claims[-1].speaker == "The carmaker"


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("the paper", "The Daily Ledger"),
        ("The American company", "BlackRock"),
        ("the agency", None),
    ],
)
def test_body_described_picks_by_kind_and_position(description: str, expected: str | None) -> None:
    text = "BlackRock bought shares, The Daily Ledger said. Later that day"
    orgs = ("BlackRock", "The Daily Ledger")
    assert body_described(description, orgs, text, len(text)) == expected


def test_a_description_from_another_country_is_not_that_body() -> None:
    text = (
        "The U.S. Food and Drug Administration said the gluten was contaminated. "
        "The Chinese agency that monitors food exports says the firm has never exported "
        "gluten to Canada."
    )
    (denial,) = extract(text).denials
    assert denial.speaker == "The Chinese agency that monitors food exports"


def test_the_alliance_is_the_alliance_the_report_named() -> None:
    text = (
        "NATO released satellite images of the border on Thursday.\n\n"
        "The alliance said the images show armored columns near the crossing."
    )
    assert [c.speaker for c in extract(text).claims] == ["NATO"]


def test_the_alliance_is_never_a_company() -> None:
    text = (
        "Acme Holdings cut its forecast on Monday.\n\n"
        "The alliance said the images show armored columns near the crossing."
    )
    assert [c.speaker for c in extract(text).claims] == ["The alliance"]


@pytest.mark.parametrize(
    "introduction",
    [
        "Ruritanian President Ana Ruiz",
        "Ruritanian Prime Minister Ana Ruiz",
        "Ruritanian Premier Ana Ruiz",
    ],
)
def test_the_leader_is_whoever_heads_the_state_the_description_names(introduction: str) -> None:
    text = (
        f"{introduction} arrived in Geneva on Monday for the talks.\n\n"
        "The Ruritanian leader said the border would stay open."
    )
    result = extract(text)
    assert result.claims[-1].speaker == "Ana Ruiz"


def test_a_leader_is_not_a_minister_of_a_department() -> None:
    text = (
        "Ruritanian Foreign Minister Ana Ruiz arrived in Geneva on Monday for the talks.\n\n"
        "The Ruritanian leader said the border would stay open."
    )
    assert "Ana Ruiz" not in extract(text).claims[-1].speaker


@pytest.mark.parametrize(
    ("first", "description"),
    [
        ("President Ana Ruiz", "The Ruritanian leader"),
        ("Ana Ruiz", "The Ruritanian leader"),
        ("U.N. special rapporteur Ana Ruiz", "The U.N. envoy"),
        ("Colonel Ana Ruiz, deputy chief of the border guard,", "The official"),
    ],
)
def test_a_generic_description_is_the_named_person_just_quoted(
    first: str, description: str
) -> None:
    text = f"{first} said the talks would go on.\n\n{description} said the border would stay open."
    assert "Ana Ruiz" in extract(text).claims[-1].speaker


@pytest.mark.parametrize(
    "text",
    [
        # The person just quoted is unnamed: the description is theirs, not Ana Ruiz's.
        "Ana Ruiz met the delegation on Monday.\n\nA border guard official said the talks would "
        "go on.\n\nThe official said the border would stay open.",
        # A leader is not whoever spoke last when that person holds a ministry.
        "Foreign Minister Ana Ruiz said the talks would go on.\n\nThe Ruritanian leader said "
        "the border would stay open.",
    ],
)
def test_a_generic_description_is_not_guessed(text: str) -> None:
    assert "Ana Ruiz" not in extract(text).claims[-1].speaker


@pytest.mark.parametrize(
    ("lead", "next_paragraph", "speaker"),
    [
        (
            "A top Ruritanian official disputes a report that 1,000 people were killed.",
            "Speaking to reporters Thursday, Interior Minister Ana Ruiz called the report untrue.",
            "Ana Ruiz",
        ),
        (
            "Ruritania's president has denied allegations that his guards fired on the crowd.",
            "Tomas Varga said Sunday the guards had not fired a shot.",
            "Tomas Varga",
        ),
        (
            "A senior advisor to the Ruritanian president has denied reports of shooting.",
            "Media reports quoted residents as saying five people were killed.\n\n"
            "But senior presidential adviser Ana Ruiz says the rumors were spread online.",
            "Ana Ruiz",
        ),
        (
            "Ruritania's information minister is rejecting the inquiry's report.",
            "Information Minister Ana Ruiz told reporters the report was politically motivated.",
            "Ana Ruiz",
        ),
    ],
)
def test_a_lead_that_describes_its_source_is_named_by_the_next_paragraph(
    lead: str, next_paragraph: str, speaker: str
) -> None:
    result = extract(f"{lead}\n\n{next_paragraph}")
    # (An account the lead's denial spells out, and rejects, is no description of its source.)
    rejected = {t for d in result.denials for t in d.targets}
    claims = [c for i, c in enumerate(result.claims) if i not in rejected]
    assert [item.speaker for item in claims + list(result.denials) if item.sentence == lead] == [
        speaker
    ]


def test_a_reporters_byline_in_the_lead_paragraph_names_no_source() -> None:
    lead = "Norway's Prime Minister says there will be no further apology for the camps."
    text = (
        f"{lead} VOA's Kurt Holm has more from Seoul.\n\n"
        "Norwegian Prime Minister Tomas Varga stood firm on Monday."
    )
    assert [c.speaker for c in extract(text).claims if c.sentence == lead] == ["Tomas Varga"]


def test_the_rest_of_the_lead_paragraph_may_name_the_lead_source() -> None:
    lead = (
        "The Maldives' former president, who says he was forced out in a coup, is calling for "
        "sanctions."
    )
    text = (
        f"{lead} Tomas Varga met the Indian prime minister this week.\n\n"
        "The decision of Prime Minister Ana Ruiz to meet former president Tomas Varga is sure "
        "to irritate the island's government."
    )
    assert [c.speaker for c in extract(text).claims if c.sentence == lead] == ["Tomas Varga"]


@pytest.mark.parametrize(
    "text",
    [
        # Left unnamed on purpose.
        "A Ruritanian navy official, speaking on condition of anonymity, said warships were "
        "watching the port.\n\nNavy spokeswoman Ana Ruiz said the crew was unharmed.",
        # The person named first is spoken of, not speaking.
        "A top Ruritanian official said the audit was flawed.\n\nProsecutors said on Monday "
        "that former minister Ana Ruiz took bribes from a builder.",
        # A diplomat is not a president.
        "A top Ruritanian diplomat says the border will reopen.\n\nOstrian President Ana Ruiz "
        "said the border would stay closed.",
        # Another office of the same kind.
        "The interior minister insisted the march had not been blocked.\n\nPrime Minister "
        "Ana Ruiz said she had full confidence in him.",
        # Two people described together are not the one the next paragraph names.
        "Ruritania's president and election chief denied the report on Monday.\n\nAna Ruiz "
        "said the count was accurate.",
        # Named in the lead already: the description is someone else.
        "An aide to President Ana Ruiz denied the report on Monday.\n\nAna Ruiz said she had "
        "not seen it.",
    ],
)
def test_a_lead_description_is_not_given_a_name_that_does_not_fit(text: str) -> None:
    lead = text.split("\n\n")[0]
    result = extract(text)
    speakers = [item.speaker for item in result.claims + result.denials if item.sentence == lead]
    assert speakers
    assert "Ana Ruiz" not in speakers


def test_the_groups_are_the_plural_subject_named_before() -> None:
    text = (
        "Opposition and civil society groups accuse the police of bias.\n\n"
        "The groups said the police often break up their meetings."
    )
    assert extract(text).claims[-1].speaker == "Opposition and civil society groups"


@pytest.mark.parametrize(
    "first",
    [
        # A counted group, or one member of it, keeps the description the report gives.
        "Two former aides told investigators about the payments.",
        "One of the aides told investigators about the payments.",
    ],
)
def test_a_counted_group_is_not_what_the_plural_description_names(first: str) -> None:
    text = f"{first}\n\nThe aides said the payments were hidden in invoices."
    assert extract(text).claims[-1].speaker == "The aides"


@pytest.mark.parametrize(
    ("introduction", "description"),
    [
        ("Army chief Gen. Ana Ruiz", "The general"),
        ("Gov. Ana Ruiz", "The governor"),
        ("Sen. Ana Ruiz", "The senator"),
        ("County Deputy Sheriff Ana Ruiz", "The deputy sheriff"),
    ],
)
def test_a_title_written_short_is_the_role_a_description_names(
    introduction: str, description: str
) -> None:
    text = (
        f"{introduction} said on Monday that the camps were active.\n\n"
        f"{description} also said that 500 people were waiting at the border."
    )
    assert extract(text).claims[-1].speaker == "Ana Ruiz"


def test_a_short_title_of_another_role_is_not_that_role() -> None:
    # Near miss: a governor is not "the general".
    text = (
        "Gov. Ana Ruiz said on Monday that the camps were active.\n\n"
        "The general also said that 500 people were waiting at the border."
    )
    assert extract(text).claims[-1].speaker == "The general"


def test_the_bare_role_is_the_person_introduced_with_it_and_a_place() -> None:
    text = (
        "A lawmaker from the northern province, speaking on condition of anonymity, said the "
        "secrecy frustrates efforts to isolate the group.\n\n"
        '"They do not wear a badge," said the lawmaker.'
    )
    claims = extract(text).claims
    assert [c.speaker for c in claims] == ["A lawmaker from the northern province"] * 2
    # Granted anonymity once, the source stays anonymous when quoted again.
    assert [c.speaker_kind for c in claims] == ["anonymous", "anonymous"]


def test_a_role_introduced_with_a_place_is_not_another_role() -> None:
    # Near miss: "the farmer" is not the lawmaker introduced before.
    text = (
        "A lawmaker from the northern province said the secrecy frustrates efforts.\n\n"
        '"They do not wear a badge," said the farmer.'
    )
    assert extract(text).claims[-1].speaker == "the farmer"


def test_a_description_by_initials_is_the_role_spelled_out_before() -> None:
    text = (
        "The government rejected a statement from United Nations Secretary-General Ana "
        "al-Ruiz asserting that the fighting had grown.\n\n"
        "On Tuesday, the U.N. secretary-general said she was deeply concerned.\n\n"
        "She said several hundred people had died."
    )
    claims = extract(text).claims
    assert [c.speaker for c in claims[-2:]] == ["Ana al-Ruiz", "Ana al-Ruiz"]


def test_initials_of_another_body_are_not_that_role() -> None:
    # Near miss: the E.U. secretary-general is not the U.N. one introduced before.
    text = (
        "United Nations Secretary-General Ana Ruiz said the fighting had grown.\n\n"
        "The E.U. secretary-general said the talks would go on."
    )
    assert extract(text).claims[-1].speaker == "The E.U. secretary-general"


def test_a_day_after_a_name_is_no_part_of_it() -> None:
    text = (
        "Lawmakers are weighing an inquiry into President Ana Ruiz Tuesday, after reports "
        "about the port.\n\nThe president pledged Wednesday to publish the contract."
    )
    result = extract(text)
    assert result.claims[-1].speaker == "Ana Ruiz"
    assert "Ana Ruiz" in result.entities.people
    assert not any("Tuesday" in p for p in result.entities.people)


@pytest.mark.parametrize(
    ("lead", "named"),
    [
        ("A New York-based human rights group says", "Human Rights Watch says in a report"),
        (
            "An international watchdog published a report Tuesday that says",
            "Human Rights Watch said",
        ),
    ],
)
def test_a_lead_that_describes_a_body_is_named_by_the_next_paragraph(lead: str, named: str) -> None:
    text = (
        f"{lead} the relocations were forced.\n\n"
        f"{named} that families were moved against their will."
    )
    assert extract(text).claims[0].speaker == "Human Rights Watch"


@pytest.mark.parametrize(
    "text",
    [
        # A state body is no "rights group", and a spokesman for a group is no body.
        "A human rights group says the jail is full.\n\nThe Interior Ministry says it has room.",
        "A spokesman for the militant group denied the report.\n\nHalden Labs said the talks "
        "would resume.",
    ],
)
def test_a_lead_description_is_not_given_a_body_that_does_not_fit(text: str) -> None:
    result = extract(text)
    lead = [i.speaker for i in (*result.claims, *result.denials) if i.sentence_index == 0]
    assert lead and not set(lead) & {"The Interior Ministry", "Halden Labs"}


def test_they_after_a_body_of_many_people_just_named_is_that_body() -> None:
    text = (
        "The military denied the charges that it bombed a school. They say that they can "
        "prove that it was a training camp."
    )
    assert [c.speaker for c in extract(text).claims] == ["The military"]


def test_they_looks_past_a_body_named_before_the_nearest_phrase() -> None:
    # Near miss: the rebels were named after the army, so "they" is the rebels.
    text = "The army said the road was open. Rebels said it was mined. They say the army lied."
    assert [c.speaker for c in extract(text).claims][-1] == "Rebels"


def test_a_reporters_byline_after_the_lead_is_not_the_source_it_describes() -> None:
    text = (
        "Ruritania's chief prosecutor says 40 people will be tried for plotting a coup. "
        "Ana Ruiz reports from the capital the charges were filed on Monday while the ruling "
        "party faces a court case of its own.\n\n"
        "Chief prosecutor Tomas Varga told a news conference the 40 had been indicted."
    )
    result = extract(text)
    assert result.claims[0].speaker == "Tomas Varga"
    # Near miss: the name after the lead is no byline, and not a prosecutor: left alone.
    other = text.replace("Ana Ruiz reports from the capital", "Defence lawyer Ana Ruiz said")
    assert extract(other).claims[0].speaker == "Ruritania's chief prosecutor"


def test_that_organization_points_to_the_body_named_last() -> None:
    text = (
        "The Fisheries Ministry said the quotas relied on biased sources, including the "
        "Northern Fisheries Organization. That organization said the stocks would not "
        "recover before 2030."
    )
    result = extract(text)
    assert result.claims[-1].speaker == "Northern Fisheries Organization"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Vice Admiral Ana Ruiz showed the charts on Wednesday. The vice admiral said the "
            "trawler had crossed the line.",
            "Ana Ruiz",
        ),
        (
            "Colonel Tomas Varga spoke on Monday. The colonel said the troops had withdrawn.",
            "Tomas Varga",
        ),
    ],
)
def test_the_rank_points_back_to_the_officer_introduced_with_it(text: str, speaker: str) -> None:
    assert extract(text).claims[-1].speaker == speaker


def test_a_byline_sentence_before_the_name_does_not_make_it_spoken_of() -> None:
    text = (
        "Officials say shots were fired at a motorcade. The Georgian leader blames Russian "
        "troops for the incident. But as Stefan Holm reports from Budapest, Russia has denied "
        "it.\n\nTelevision pictures showed a convoy carrying Georgian President Mikheil "
        "Saakashvili turning back."
    )
    claims = [c for c in extract(text).claims if c.sentence.startswith("The Georgian leader")]
    assert [c.speaker for c in claims] == ["Mikheil Saakashvili"]


def test_a_kind_of_group_is_the_body_quoted_last_not_the_one_named_last() -> None:
    text = (
        "In a report released Wednesday, Rights Watch said soldiers abused detainees, in the "
        "fight against the militant group Red Dawn.\\n\\n"
        "Rights Watch also says commanders ignored the abuses. The rights group says it based "
        "its report on years of research."
    )
    assert extract(text).claims[-1].speaker == "Rights Watch"


@pytest.mark.parametrize(
    "text",
    [
        "Governor Ana Ruiz's chief of staff resigned on Monday. The governor said she accepted "
        "the resignation with regret.",
        "Critics faulted Governor Ana Ruiz’s handling of the floods. The governor told "
        "reporters the levees had held.",
    ],
)
def test_a_role_given_with_a_possessed_name_names_its_holder_later(text: str) -> None:
    # "Vice President Dick Cheney's chief of staff": the role is the possessor's, and "the
    # vice president" later is that person, not the bare description.
    assert [c.speaker for c in extract(text).claims] == ["Ana Ruiz"]
