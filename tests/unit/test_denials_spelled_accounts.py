"""Denials that spell out the account they reject, and the words they reject it with.

An account a denial spells out ("denied reports that …") becomes a claim of its own only
when no other sentence gives it, so that the denial has a target (the corpus convention);
a gerund that accuses ("Linking us to the hack is a fabrication") or an account noun with
its clause ("Any charges that … are ludicrous") is what a false predicate judges; a flat
negation of an act of force or backing answers the accusation that named it.

Sentences are written for these tests, in domains of their own (fisheries, mining, shipping,
aviation, sport). Each rule has a case where it fires and a near miss where it must not.
"""

from __future__ import annotations

import pytest

from briefings.extract import extract
from briefings.model import Extraction

pytestmark = pytest.mark.unit


def claim_rows(result: Extraction) -> list[tuple[str, str, bool, str]]:
    return [(c.speaker, c.speaker_kind, c.hedged, c.content) for c in result.claims]


# An account spelled out by the denial and given nowhere else is a claim of its own.


def test_denied_reports_given_nowhere_else_are_the_denials_target() -> None:
    result = extract("The club denied allegations that its riders had doped.")
    assert claim_rows(result) == [("allegations", "anonymous", True, "its riders had doped")]
    assert [(d.speaker, d.targets) for d in result.denials] == [("The club", (0,))]


def test_account_already_given_adds_no_claim() -> None:
    text = (
        "A former team doctor said the riders had doped before the race. "
        "The club denied allegations that its riders had doped before the race."
    )
    result = extract(text)
    assert [c.speaker for c in result.claims] == ["A former team doctor"]
    assert [d.targets for d in result.denials] == [(0,)]


def test_account_by_a_named_source_is_that_sources_claim() -> None:
    result = extract(
        "The trawler company rejected accusations from the coast guard and two inspectors "
        "that its boats fished inside the reserve."
    )
    assert [(c.speaker, c.content) for c in result.claims] == [
        ("the coast guard and two inspectors", "its boats fished inside the reserve")
    ]
    assert result.denials[0].targets == (0,)


def test_implied_claim_keeps_reading_order_and_shifts_later_targets() -> None:
    text = (
        "The mine's owner denied reports that a tailings dam had leaked into the river. "
        "Fishermen said dead fish had washed up near the village on Monday. "
        "The regional governor said the dead fish were caused by a chemical spill, a claim "
        "the owner also rejected."
    )
    result = extract(text)
    speakers = [c.speaker for c in result.claims]
    assert speakers[0] == "reports"
    assert speakers.index("Fishermen") > 0
    first = next(d for d in result.denials if d.sentence.startswith("The mine's owner"))
    assert first.targets == (0,)
    for denial in result.denials:
        assert all(result.claims[t].sentence_index <= denial.sentence_index for t in denial.targets)


@pytest.mark.parametrize(
    "sentence",
    [
        # Owned by a source: that source's own words are elsewhere, or nowhere.
        "The airline rejected the union's allegations that pilots had flown over their hours.",
        # Pointed back to: the account was given before.
        "The airline rejected the allegations that pilots had flown over their hours.",
        # Generic: no account was given at all.
        '"Any claims that pilots flew over their hours are absurd," the airline said.',
        # A relative clause about the claims, not what they say.
        "The airline rejected claims that I have seen circulate on forums.",
    ],
)
def test_owned_pointed_back_or_generic_accounts_add_no_claim(sentence: str) -> None:
    result = extract(sentence)
    assert [c.speaker for c in result.claims] == []
    assert len(result.denials) == 1


def test_despite_reports_counter_claim_lists_the_reports() -> None:
    result = extract(
        "A port authority official said Friday that despite some media reports, there are "
        "currently no plans to close the container terminal."
    )
    assert [(c.speaker, c.hedged) for c in result.claims] == [("some media reports", True)]
    assert result.denials[0].targets == (0,)


# False predicates: what they judge.


def test_scare_quoted_label_in_straight_single_quotes_is_called_false() -> None:
    result = extract("Port officials called reports of a collision 'propaganda'.")
    assert [(d.speaker, d.denied) for d in result.denials] == [
        ("Port officials", "reports of a collision")
    ]
    # Near miss: a label that judges nothing false.
    assert extract("Port officials called the new terminal 'impressive'.").denials == ()


def test_a_label_before_the_account_it_calls_false() -> None:
    # 'calling "baseless" the reports that …': the account follows its label, and is what
    # is denied; the label is not.
    for text, denied in (
        (
            'Port officials are calling "baseless" media reports that a tanker ran aground.',
            "media reports that a tanker ran aground",
        ),
        (
            "The ministry called “ridiculous” a rival claim that its ships fired first.",
            "a rival claim that its ships fired first",
        ),
    ):
        assert [d.denied for d in extract(text).denials] == [denied]
    # Near miss: a label of a thing, not an account, is no denial.
    assert extract("The mayor called “historic” the opening of the new port.").denials == ()


def test_accusing_gerund_judged_false_is_the_denied_account() -> None:
    result = extract('"Linking our ships to the oil spill is a fabrication," the owner said.')
    assert [(d.speaker, d.denied) for d in result.denials] == [
        ("the owner", "Linking our ships to the oil spill")
    ]
    # Near miss: a gerund that accuses no one, judged a good idea, is a claim.
    near = extract('"Linking the two ports by rail is a fine idea," the owner said.')
    assert near.denials == ()
    assert [c.speaker for c in near.claims] == ["the owner"]


def test_account_noun_with_its_clause_is_the_subject_judged_false() -> None:
    result = extract('"Any charges that the coach fixed the match are ludicrous," Ruiz said.')
    assert [(d.speaker, d.denied) for d in result.denials] == [
        ("Ruiz", "charges that the coach fixed the match")
    ]


def test_contracted_they_are_after_an_account_is_judged() -> None:
    text = "And claims that the coach fixed the match, as I said, they're just absurd,\" Ruiz said."
    assert [d.speaker for d in extract(text).denials] == ["Ruiz"]
    # Near miss: "they" standing for no account.
    assert extract("They're just absurd, Ruiz said of the new rules.").denials == ()


# Flat negations of acts an accusation names.


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        ('"Our aircraft did not attack any villages," the colonel said.', "attack any villages"),
        ('"We do not support any rebel militia," the minister said.', "support any rebel militia"),
        (
            '"We haven\'t moved an army to the border," the general said.',
            "moved an army to the border",
        ),
        (
            '"We don\'t have any decision to send troops," the minister said.',
            "decision to send troops",
        ),
        (
            'The spokesman said the pilot is "not associated" with the smuggling ring.',
            'associated" with the smuggling ring',
        ),
    ],
)
def test_negated_act_of_force_or_backing_is_a_counter_claim(sentence: str, denied: str) -> None:
    result = extract(sentence)
    assert [d.denied for d in result.denials] == [denied]
    assert result.claims == ()


@pytest.mark.parametrize(
    "sentence",
    [
        # Backing that is no accusation: a candidate, a bid.
        "The union said it does not support any candidate in the election.",
        "The federation said it had not backed any bid for the tournament.",
    ],
)
def test_negated_backing_of_no_armed_group_stays_a_claim(sentence: str) -> None:
    result = extract(sentence)
    assert result.denials == ()
    assert len(result.claims) == 1


# Suspicion reported as a belief, and a denial set beside an accusation.


def test_suspect_reports_a_belief_held_back() -> None:
    result = extract("The skipper's friends have long suspected he was lost at sea.")
    assert [(c.speaker, c.hedged) for c in result.claims] == [("The skipper's friends", True)]
    # Near miss: "suspected" before a noun names what others suspect; it hedges nothing.
    near = extract("Port police said suspected smugglers had fled the harbour.")
    assert [(c.speaker, c.hedged) for c in near.claims] == [("Port police", False)]


def test_a_denial_beside_an_accusation_is_the_accuseds_side() -> None:
    result = extract("The league accuses him of fixing matches, charges his family denies.")
    assert [d.speaker for d in result.denials] == ["his family"]
    assert [c.speaker for c in result.claims] == ["The league"]
    assert result.denials[0].targets == (0,)
    # Near miss: a source reporting for its own side still speaks the denial.
    near = extract("Ana Ruiz said her client does not accept the charges of fixing matches.")
    assert [d.speaker for d in near.denials] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("sentence", "denied"),
    [
        (
            "The ministry says it has no troops in the border province.",
            "troops in the border province",
        ),
        ("The colonel said the guards did not have live ammunition.", "live ammunition"),
        (
            'The spokesman told VOA, "No navy vessels were operating in the disputed waters."',
            "operating in the disputed waters",
        ),
    ],
)
def test_forces_or_arms_said_not_to_be_there_are_a_counter_claim(
    sentence: str, denied: str
) -> None:
    result = extract(sentence)
    assert [d.denied for d in result.denials] == [denied]


@pytest.mark.parametrize(
    "sentence",
    [
        # A plea or a shortage, not forces said not to be somewhere.
        "The commander said the army has no troops to spare.",
        "The mayor said the rebels have no weapons and need help.",
    ],
)
def test_forces_lacking_without_a_place_stay_a_claim(sentence: str) -> None:
    result = extract(sentence)
    assert result.denials == ()
    assert len(result.claims) == 1


def test_a_harm_charged_to_a_person_negated_is_a_counter_claim() -> None:
    result = extract("The missing skipper says he was not kidnapped, but had sailed home alone.")
    assert [d.denied for d in result.denials] == ["kidnapped"]
    # Near miss: no one was charged with harm; a fire hurt no one.
    near = extract("Firefighters said the crew was not harmed in the blaze.")
    assert near.denials == ()


def test_the_subject_before_an_in_rejecting_aside_rejects() -> None:
    result = extract(
        "The fisheries ministry, in rejecting Oslo's claims, called them an attempt to "
        "wreck the talks."
    )
    assert [(d.speaker, d.denied) for d in result.denials] == [
        ("The fisheries ministry", "Oslo's claims")
    ]
    # Near miss: praised for rejecting, by no one named.
    assert extract("The captain was praised for rejecting the claims.").denials == ()


@pytest.mark.parametrize(
    "sentence",
    [
        "In response, the coach accused the referee of repeated lies.",
        'The ministry accused the league of "lies, threats and disrespect" on Monday.',
    ],
)
def test_accusing_someone_of_lies_rejects_their_account(sentence: str) -> None:
    assert len(extract(sentence).denials) == 1


def test_a_statement_header_with_the_speakers_office_names_the_speaker() -> None:
    text = (
        "Statement by Ana Ruiz, Spokeswoman\n\n"
        "We regret the decision of the league to suspend the club. "
        "The charges leveled against our players are false."
    )
    result = extract(text)
    assert [c.speaker for c in result.claims] == ["Ana Ruiz"]
    assert [d.speaker for d in result.denials] == ["Ana Ruiz"]


def test_a_label_before_the_account_it_names() -> None:
    result = extract(
        'The league labeled as "an absolute lie" on Friday the Western conjecture that the '
        "owner had fixed the final."
    )
    [denial] = result.denials
    assert denial.denied.startswith("the Western conjecture that the owner")
    # The account, given nowhere else, is the denial's target.
    assert [c.speaker for c in result.claims] == ["the Western conjecture"]
    assert denial.targets == (0,)


def test_a_quoted_would_never_after_a_denial_denies_again() -> None:
    text = (
        'The coach rejected the league\'s claims, calling them "insane." '
        'He said, "We would never ever fix a match."'
    )
    assert [d.sentence_index for d in extract(text).denials] == [0, 1]
    # Near miss: a plan, even after a denial, stays a claim.
    plan = (
        'The coach rejected the league\'s claims. "We are not going to appeal the fine," he said.'
    )
    assert [c.sentence_index for c in extract(plan).claims] == [1]


def test_a_participle_after_an_inverted_reporting_verb_is_that_speakers() -> None:
    result = extract(
        "The mill has run at a loss since 2011, Ruiz added, denying his company is employing "
        "workers illegally."
    )
    assert [(d.speaker, d.denied) for d in result.denials] == [
        ("Ruiz", "his company is employing workers illegally")
    ]


@pytest.mark.parametrize(
    ("sentence", "denier"),
    [
        ("Norway is rejecting a U.S. warning about its farmed salmon.", "Norway"),
        ("The agency called the advisory unscientific.", "The agency"),
        (
            'The embassy accused the union of carrying out an "organized smear campaign."',
            "The embassy",
        ),
    ],
)
def test_warnings_advisories_and_smears_are_accounts_rejected(sentence: str, denier: str) -> None:
    assert [d.speaker for d in extract(sentence).denials] == [denier]


def test_a_warning_ignored_is_no_denial() -> None:
    assert extract("Residents ignored the storm warning, the mayor said.").denials == ()


def test_a_source_retracting_its_own_warning_denies_no_account() -> None:
    result = extract(
        "Embassy officials retracted the warning, saying police had told them the threat "
        "was not credible."
    )
    assert result.denials == ()
    assert [c.speaker for c in result.claims] == ["Embassy officials"]


def test_errors_said_to_be_in_an_account_reject_it() -> None:
    result = extract(
        "Port officials say there are a number of inaccuracies contained in the report."
    )
    assert [(d.speaker, d.denied) for d in result.denials] == [("Port officials", "the report")]
    # Near miss: errors in a thing, or one's own mistakes, reject no account.
    assert extract("The pilot said the engine had errors in its software.").denials == ()
    assert extract("He admitted that he had made mistakes in the past.").denials == ()


def test_neither_nor_having_anything_to_do_with_it_disowns() -> None:
    result = extract(
        "The spokesman said, \"Neither the club's owners nor any of its staff have anything "
        'to do with the fire."'
    )
    assert [d.speaker for d in result.denials] == ["The spokesman"]


def test_a_persons_they_after_a_denial_is_others_not_the_speaker() -> None:
    text = (
        'Ana Ruiz rejected the report. "They are not in a position to tell us what to do," '
        "said Ana Ruiz."
    )
    result = extract(text)
    assert [d.sentence_index for d in result.denials] == [0]
    assert [c.sentence_index for c in result.claims] == [1]


def test_moving_to_deny_an_account_denies_it() -> None:
    assert [d.speaker for d in extract("The ministry moved to deny the reports.").denials] == [
        "The ministry"
    ]
    # Near miss: an act of refusing decided on denies no account.
    assert extract("The court moved to deny him bail.").denials == ()


def test_how_and_when_a_denial_was_made_is_not_what_it_denies() -> None:
    for text, denied in (
        (
            "The ministry denied on Monday reports that troops had crossed the border.",
            "reports that troops had crossed the border",
        ),
        (
            "The ministry rejected in unusually forceful terms a charge by the head of the "
            "border guard that its troops fired first.",
            "a charge by the head of the border guard that its troops fired first",
        ),
        (
            "The ministry strongly denied in a statement on Tuesday the claim that it fired first.",
            "the claim that it fired first",
        ),
    ):
        result = extract(text)
        assert [d.denied for d in result.denials] == [denied]
        # "on Monday reports" is no source of a claim.
        assert all(not c.speaker.startswith("on ") for c in result.claims)
    # Near miss: a time before "that" is still left to the that-clause.
    [denial] = extract("The ministry denied on Monday that troops had crossed.").denials
    assert denial.denied == "troops had crossed"


def test_a_setting_followed_by_a_comma_leaves_the_next_clause_alone() -> None:
    # After the comma comes another clause or a participle, never the denied account.
    result = extract("The ministry denied on Monday, but the army later confirmed the strike.")
    assert "but the army" not in result.denials[0].denied
    assert [c.speaker for c in result.claims] == ["the army"]
    for text in (
        "The ministry denied on Monday, saying the report was false.",
        "The ministry rejected in a statement, calling the accusations lies.",
    ):
        for denial in extract(text).denials:
            assert not denial.denied.startswith(("saying", "calling")), denial


def test_more_settings_and_a_quoted_label_of_several_words() -> None:
    for text, denied in (
        (
            "The ministry denied on Sunday night reports that troops had crossed.",
            "reports that troops had crossed",
        ),
        (
            "The ministry denied at a news conference in the capital reports that troops "
            "had crossed.",
            "reports that troops had crossed",
        ),
        ('The senator called "fake news" reports that he had met the envoy.', None),
    ):
        [denial] = extract(text).denials
        assert denial.denied == (denied or "reports that he had met the envoy")
