"""Speaker resolution within one article: invented articles, one pattern each.

Canonical names follow the topical-dev conventions: full names as the article gives
them, "Government of X" for states and their capitals, "anonymous U.S. official(s)",
"media reports (unspecified)".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import onrecord
from onrecord.ingest.text import parse_text
from onrecord.model import Actor, ActorType, Attribution, fold
from onrecord.nlp.speakers.resolver import country_of_word


def analyse(*paragraphs: str) -> list[Attribution]:
    return onrecord.analyze("\n\n".join(paragraphs)).attributions


def speaker_of(attributions: list[Attribution], content_word: str) -> Actor:
    """The actor of the attribution whose content holds ``content_word``."""
    for attribution in attributions:
        if any(content_word in part.text for part in attribution.content):
            assert attribution.actor is not None, f"no actor for {content_word!r}"
            return attribution.actor
    raise AssertionError(f"no attribution holds {content_word!r}")


def test_a_surname_is_the_full_name_given_earlier_with_its_role() -> None:
    found = analyse(
        "Russian President Vladimir Putin warned on Tuesday that the West faced repercussions.",
        "Putin said the talks were over.",
    )
    first, second = speaker_of(found, "repercussions"), speaker_of(found, "talks")
    assert first == second
    assert (first.name, first.type, first.role) == (
        "Vladimir Putin",
        ActorType.PERSON,
        "Russian President",
    )
    assert first.affiliation == "Government of Russia"


def test_a_pronoun_is_the_nearest_person_before_it() -> None:
    found = analyse(
        "Kurt Volker, a former U.S. ambassador to NATO, said the rules had to change.",
        "“It requires proportionality,” he said.",
    )
    volker = speaker_of(found, "proportionality")
    assert volker.name == "Kurt Volker"
    assert volker.role == "former U.S. ambassador to NATO"


def test_a_person_named_inside_a_quote_is_not_the_pronoun_s_antecedent() -> None:
    found = analyse(
        "Maria Olsen said: “They were invaded by Vladimir Putin and must strike back.”",
        "Asked about targets, she said the decision was Kyiv's.",
    )
    assert speaker_of(found, "decision").name == "Maria Olsen"


@pytest.mark.parametrize(
    ("sentence", "government"),
    [
        ("Germany on Friday suggested that the rules could change.", "Government of Germany"),
        ("Washington said the rules could change.", "Government of the United States"),
        ("The Kremlin said the rules could change.", "Government of Russia"),
        ("The U.K. said the rules could change.", "Government of the United Kingdom"),
    ],
)
def test_countries_capitals_and_seats_of_power_are_governments(
    sentence: str, government: str
) -> None:
    actor = speaker_of(analyse(sentence), "rules")
    assert (actor.name, actor.type) == (government, ActorType.GOVERNMENT)


def test_a_government_spokesperson_speaks_for_the_country_of_the_paragraph() -> None:
    found = analyse(
        "Germany on Friday suggested that Ukraine could use its weapons near the border. "
        "“We are convinced that Ukraine has the right to defend itself,” a government "
        "spokesperson said.",
    )
    actor = speaker_of(found, "convinced")
    assert (actor.name, actor.role) == ("Government of Germany", "government spokesperson")


def test_anonymous_officials_are_typed_with_their_affiliation() -> None:
    found = analyse(
        "“The policy has not changed,” said one U.S. official.",
        "U.S. officials said the strikes would continue.",
        "Two officials, who requested anonymity, said the talks had stalled.",
    )
    one = speaker_of(found, "policy")
    assert (one.name, one.type) == ("anonymous U.S. official", ActorType.ANONYMOUS)
    assert one.affiliation == "Government of the United States"
    assert speaker_of(found, "strikes").name == "Government of the United States"
    # Unnamed officials speak for the country just named; with none, they have no country.
    assert speaker_of(found, "talks").name == "anonymous U.S. officials"
    alone = analyse("Two officials, who requested anonymity, said the talks had stalled.")
    assert speaker_of(alone, "talks").name == "anonymous officials"


def test_the_officials_refers_back_to_the_unnamed_officials_before() -> None:
    found = analyse(
        "The decision marks a shift in U.S. policy.",
        "Ukraine may use the missiles in Kursk, undisclosed official sources told the paper.",
        "The U.S. officials do not expect the decision to change the war.",
    )
    first, second = speaker_of(found, "Kursk"), speaker_of(found, "decision")
    assert (first.name, first.type) == ("anonymous U.S. officials", ActorType.ANONYMOUS)
    assert second == first


def test_she_is_the_main_clause_subject_not_a_person_in_a_nested_clause() -> None:
    found = analyse(
        "His comments came as minister Nusrat Ghani hailed the resolve of people in Britain"
        " to see Vladimir Putin defeated as a driving force behind military aid.",
        "She said that MPs were being bolstered by their constituents.",
    )
    assert speaker_of(found, "MPs").name == "Nusrat Ghani"


def test_an_acronym_defined_by_the_text_is_its_organisation() -> None:
    found = analyse(
        "The Institute for the Study of War has followed the offensive for weeks.",
        "The ISW argued that the restrictions had created a sanctuary.",
    )
    actor = speaker_of(found, "sanctuary")
    assert (actor.name, actor.type) == ("Institute for the Study of War", ActorType.ORGANIZATION)


def test_media_as_sources() -> None:
    found = analyse(
        "The bridge will close next month, according to reports.",
        "The mayor has reportedly approved the plan.",
    )
    assert speaker_of(found, "bridge").name == "media reports (unspecified)"
    assert speaker_of(found, "approved").name == "media reports (unspecified)"


def test_a_group_gives_one_attribution_per_member() -> None:
    found = analyse("France and Germany announced that the weapons may be used near the border.")
    names = [a.actor.name for a in found if a.actor and "weapons" in a.content[0].text]
    assert names == ["Government of France", "Government of Germany"]


@pytest.mark.parametrize("name", ["Procter & Gamble", "Power & Politics"])
def test_an_ampersand_joins_one_name_not_two_members(name: str) -> None:
    found = analyse(f"{name} said on Monday that prices would rise in March.")
    actors = [a.actor for a in found if a.actor and "prices" in a.content[0].text]
    assert [(a.name, a.type) for a in actors] == [(name, ActorType.ORGANIZATION)]


def test_a_host_s_title_is_a_role() -> None:
    found = analyse("CNN host Jake Tapper said the debate would start at nine.")
    actor = speaker_of(found, "debate")
    assert (actor.name, actor.role) == ("Jake Tapper", "CNN host")


def test_a_definite_description_is_the_person_with_that_role() -> None:
    found = analyse(
        "Latvian President Edgars Rinkēvičs met the press in Riga on Monday.",
        "Estonian Prime Minister Kaja Kallas spoke after him.",
        "The Latvian president said that the restrictions were a mistake.",
    )
    assert speaker_of(found, "restrictions").name == "Edgars Rinkēvičs"


def test_a_quote_without_a_cue_continues_the_speaker_before() -> None:
    found = analyse(
        "“We will not stop,” the commander, Anna Berg, said. “We have the means.",
        "“And we have the will.”",
    )
    assert speaker_of(found, "will").name == speaker_of(found, "means").name == "Anna Berg"


def test_country_words_in_descriptions() -> None:
    assert country_of_word(fold("Latvian")).name == "Latvia"  # type: ignore[union-attr]
    assert country_of_word("us").name == "United States"  # type: ignore[union-attr]
    assert country_of_word("president") is None


def test_relative_pronouns_organisations_and_unnamed_people() -> None:
    found = analyse(
        "The clinic hired Ann Cole, who said the plan would work.",
        "The regional transit authority said in a statement that it supports the tolls.",
        "A nurse who asked not to be named said the team was stretched thin.",
    )
    assert speaker_of(found, "plan").name == "Ann Cole"
    authority = speaker_of(found, "supports")
    assert (authority.name, authority.type) == (
        "regional transit authority",
        ActorType.ORGANIZATION,
    )
    nurse = speaker_of(found, "stretched")
    assert (nurse.name, nurse.type) == ("anonymous nurse", ActorType.ANONYMOUS)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Experts say the restrictions will not hold.", "unnamed experts"),
        ("Some analysts said the restrictions will not hold.", "unnamed analysts"),
        (
            "Proponents of the decision have long argued that the restrictions will not hold.",
            "proponents of the decision (unspecified)",
        ),
        ("Many Western allies say the restrictions will not hold.", "Western allies (unspecified)"),
    ],
)
def test_people_speaking_as_a_category_keep_their_description(sentence: str, name: str) -> None:
    actor = speaker_of(analyse(sentence), "restrictions")
    assert (actor.name, actor.type) == (name, ActorType.ANONYMOUS)


def test_an_agentless_passive_report_is_the_media() -> None:
    found = analyse("It was revealed that the U.S. had given Ukraine limited permission.")
    assert speaker_of(found, "permission") == Actor("media reports (unspecified)", ActorType.MEDIA)
    announced = analyse("It was announced that the talks had stalled.")
    assert all(a.actor is None for a in announced)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "A commander of a Ukrainian drone unit said the restrictions tied their hands.",
            "Ukrainian drone unit commander (unnamed)",
        ),
        (
            "The head of the local military administration said the restrictions were lifted.",
            "head of the local military administration (unnamed)",
        ),
    ],
)
def test_an_unnamed_office_holder_is_named_as_the_conventions_do(sentence: str, name: str) -> None:
    assert speaker_of(analyse(sentence), "restrictions").name == name


def test_roles_keep_the_article_s_spelling() -> None:
    found = analyse(
        "“We are holding,” said Oleksandr Syrskyi, Ukraine's commander-in-chief.",
        "The Pentagon's press secretary, Pat Ryder, said the policy has not changed.",
    )
    assert speaker_of(found, "holding").role == "Ukraine's commander-in-chief"
    assert speaker_of(found, "policy").role == "Pentagon's press secretary"


def test_a_surname_tagged_as_a_common_noun_at_a_sentence_start_is_still_the_person() -> None:
    found = analyse(
        "Ukrainian President Volodymyr Zelenskyy met the prime minister on Monday.",
        "Zelenskyy said in his nightly address that the front was holding.",
    )
    actor = speaker_of(found, "front")
    # the actors knowledge spells him as the conventions do, with the article's role
    assert (actor.name, actor.role) == ("Volodymyr Zelensky", "Ukrainian President")


def test_a_transcript_label_is_the_person_the_article_names() -> None:
    found = analyse(
        "On Sunday, OK Gov Mary Fallin spoke to CNN's Jake Tapper about the campaign.",
        "JAKE TAPPER: Do you think the campaign has changed its tone?",
        "FALLIN: I think it has changed a great deal.",
        "TAPPER: Will you campaign with him next month?",
    )
    assert speaker_of(found, "its tone").name == "Jake Tapper"
    assert speaker_of(found, "great deal").name == "Mary Fallin"
    assert speaker_of(found, "next month").name == "Jake Tapper"


def test_i_inside_a_speaker_s_words_is_that_speaker() -> None:
    found = analyse(
        "Mayor Ana Ruiz spoke to Jake Tapper after the vote.",
        "TAPPER: Will the bridge open?",
        "RUIZ: Well, I think the bridge will open in March. I believe the council agrees.",
    )
    nested = [a for a in found if a.source is not None and a.source.text == "I"]
    assert nested, [(a.source and a.source.text, a.cue and a.cue.text) for a in found]
    assert all(a.actor is not None and a.actor.name == "Ana Ruiz" for a in nested)


# The error classes of issue 17, each on invented sentences.


def test_a_hyphenated_given_name_or_surname_stays_whole() -> None:
    found = analyse(
        "Cabinet Secretary Marie-Claire Dubois-Ferrand said the deadline would hold.",
        "On Monday, Dubois-Ferrand said the committee had agreed.",
    )
    first, second = speaker_of(found, "deadline"), speaker_of(found, "committee")
    assert first.name == second.name == "Marie-Claire Dubois-Ferrand"
    assert first.role == "Cabinet Secretary"


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Speaker of the Assembly Tomas Berglund said the vote would go ahead.",
            "Tomas Berglund",
            "Speaker of the Assembly",
        ),
        (
            "Minister for Transport and Housing Clara Voss said the vote would go ahead.",
            "Clara Voss",
            "Minister for Transport and Housing",
        ),
        (
            "“The vote will go ahead,” said Senate Majority Leader Dana Whitfield, D-Ore., "
            "after the meeting.",
            "Dana Whitfield",
            "Senate Majority Leader",
        ),
        (
            "Co-host Miriam Ashby Kerr said the vote would go ahead.",
            "Miriam Ashby Kerr",
            None,
        ),
    ],
)
def test_a_title_with_connectors_or_a_party_suffix_stays_out_of_the_name(
    sentence: str, name: str, role: str | None
) -> None:
    actor = speaker_of(analyse(sentence), "vote")
    assert actor.name == name
    if role is not None:
        assert actor.role == role


def test_a_dateline_is_not_the_speaker() -> None:
    found = analyse(
        "OSLO, March 3 (Newswire) - Norway on Monday said it would not sign the accord.",
        "LISBON - The association said the rules were unfair.",
    )
    assert speaker_of(found, "accord").name == "Government of Norway"
    assert speaker_of(found, "unfair").name == "association"


def test_a_photo_credit_before_a_paragraph_break_is_not_the_speaker() -> None:
    found = analyse(
        "Leaders met in Oslo on Monday. Anna Lund/Picture Agency via Wire Images",
        "Norwegian Prime Minister Erik Dahl said the talks had gone well.",
    )
    assert speaker_of(found, "talks").name == "Erik Dahl"


def test_an_opening_participle_or_glued_pronoun_is_not_the_speaker() -> None:
    found = analyse(
        "The council approved the plan on Monday.",
        "Responding, Pavel Orlov, deputy head of the Arctic Council, warned that the plan "
        "would fail.",
    )
    assert speaker_of(found, "fail").name == "Pavel Orlov"


def test_an_abbreviated_title_is_the_office_holder_the_article_names() -> None:
    found = analyse(
        "Danish FM says the delay is regrettable",
        "Danish Foreign Minister Lars Holm told reporters the ministry had been informed.",
    )
    assert speaker_of(found, "regrettable").name == "Lars Holm"


def analyse_on(
    day: str, *paragraphs: str, settings: onrecord.Settings | None = None
) -> list[Attribution]:
    """An article published on ``day`` (ISO), for what the actors knowledge says."""
    article = parse_text("\n\n".join(paragraphs), published=datetime.fromisoformat(day))
    return onrecord.analyze(article, settings).attributions


def test_a_surname_alone_is_the_known_person_when_the_article_gives_no_full_name() -> None:
    found = analyse_on(
        "2023-05-20",
        "Biden said the talks had been productive.",
        "“We are close,” Erdogan told reporters.",
        "Tayyip Erdogan later said the vote would wait.",
    )
    assert speaker_of(found, "productive").name == "Joe Biden"
    assert speaker_of(found, "close").name == "Recep Tayyip Erdoğan"
    assert speaker_of(found, "vote").name == "Recep Tayyip Erdoğan"


def test_the_article_s_own_full_name_comes_before_the_knowledge() -> None:
    found = analyse_on(
        "2023-05-20",
        "Hunter Biden arrived in the morning.",
        "Biden said the talks had been productive.",
    )
    assert speaker_of(found, "productive").name == "Hunter Biden"


def test_a_role_with_a_country_and_the_day_is_the_office_holder() -> None:
    found = analyse_on(
        "2024-06-01",
        "Italy’s foreign minister told a newspaper on Thursday that the weapons stay home.",
        "The German chancellor said the decision was final.",
    )
    assert speaker_of(found, "weapons").name == "Antonio Tajani"
    assert speaker_of(found, "weapons").role == "Italy’s foreign minister"
    assert speaker_of(found, "decision").name == "Olaf Scholz"


def test_without_a_day_an_office_names_nobody() -> None:
    found = analyse("Italy’s foreign minister told a newspaper that the weapons stay home.")
    assert speaker_of(found, "weapons").name == "Italy’s foreign minister (unnamed)"


def test_a_known_agency_s_short_name_is_the_agency_not_a_person() -> None:
    found = analyse_on(
        "2023-05-25",
        "The U.S. Treasury Department said the money would run out in June.",
        "However, Fitch said it still expected a deal.",
    )
    treasury = speaker_of(found, "money")
    assert (treasury.name, treasury.type) == (
        "U.S. Department of the Treasury",
        ActorType.GOVERNMENT,
    )
    fitch = speaker_of(found, "deal")
    assert (fitch.name, fitch.type) == ("Fitch Ratings", ActorType.ORGANIZATION)


def test_a_user_s_actors_file_adds_to_the_starter(tmp_path: Path) -> None:
    path = tmp_path / "actors.toml"
    path.write_text(
        '[[actor]]\nname = "Odile Marchetti-Ruiz"\naliases = ["Marchetti"]\ntype = "person"\n'
        'country = "Norway"\noffices = [{ title = "Foreign Minister", kinds = '
        '["foreign minister"], start = 2031-01-10 }]\n',
        encoding="utf-8",
    )
    settings = onrecord.settings(actors_file=str(path))
    found = analyse_on(
        "2032-03-01",
        "Marchetti said the treaty was signed.",
        "Norway's foreign minister said the border stays open.",
        settings=settings,
    )
    assert speaker_of(found, "treaty").name == "Odile Marchetti-Ruiz"
    assert speaker_of(found, "border").name == "Odile Marchetti-Ruiz"


def test_an_organisation_s_spokesperson_speaks_for_it_and_is_the_spokesperson_after() -> None:
    found = analyse(
        "BERLIN, May 3 (Newswire) -- Berlin will not sign the accord, a spokesperson with the "
        "Ministry of Fisheries said on Wednesday.",
        "The quotas were unfair, the spokesperson said.",
        "A Harbour Council spokesman said the port would stay open.",
    )
    ministry = speaker_of(found, "accord")
    assert (ministry.name, ministry.type) == (
        "Ministry of Fisheries of Germany",
        ActorType.ORGANIZATION,
    )
    assert ministry.affiliation == "Government of Germany"  # the dateline's capital
    assert speaker_of(found, "quotas").name == "Ministry of Fisheries of Germany"
    assert speaker_of(found, "port").name == "Harbour Council"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The Norwegian fisheries ministry said the quotas were fair.",
            "Ministry of Fisheries of Norway",
        ),
        (
            "Norway's Ministry of Fisheries said the quotas were fair.",
            "Ministry of Fisheries of Norway",
        ),
    ],
)
def test_a_ministry_is_named_ministry_of_its_field_of_its_country(sentence: str, name: str) -> None:
    assert speaker_of(analyse(sentence), "quotas").name == name


def test_the_chamber_or_the_company_is_the_organisation_named_before() -> None:
    found = analyse(
        "The Nordic Chamber of Shipping criticised the tariffs on Monday.",
        "The chamber said the rules would hurt exporters.",
        "Halvorsen Freight Group announced new routes.",
        "The company said demand was rising.",
    )
    assert speaker_of(found, "exporters").name == "Nordic Chamber of Shipping"
    assert speaker_of(found, "demand").name == "Halvorsen Freight Group"


def test_a_country_s_leaders_are_its_government() -> None:
    found = analyse("Norway's leaders on Thursday said the application would go ahead.")
    assert speaker_of(found, "application").name == "Government of Norway"


def test_unnamed_officials_speak_for_the_country_that_is_the_subject_before_them() -> None:
    found = analyse(
        "The US has said it is worried that the data could reach the Chinese government.",
        "Officials have also warned that the app could be manipulated.",
    )
    assert speaker_of(found, "manipulated").name == "Government of the United States"


def test_a_clause_after_a_described_group_is_not_its_description() -> None:
    found = analyse(
        "Many Baltic experts, expecting a different result, said the decision was a mistake."
    )
    assert speaker_of(found, "mistake").name == "Baltic experts (unspecified)"


def test_they_after_a_country_acting_as_subject_is_that_country() -> None:
    found = analyse(
        "Norway on Sunday welcomed the plan to label gas projects as green. However, they "
        "said the nuclear proposal was a mistake.",
    )
    assert speaker_of(found, "mistake").name == "Government of Norway"
