"""Issue files: the example loads, defaults apply, and every mistake names file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, SHARED
from onrecord.errors import ConfigError
from onrecord.issues import DEFAULT_STANCES, load_issue
from onrecord.model import Coarse

MINIMAL = """
id = "tolls"
title = "Bridge tolls"
statement = "The city should charge tolls on the harbour bridge"

[[topic]]
name = "tolls"
terms = ["toll", "charge"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "issue.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_issue_loads_with_its_seven_labels() -> None:
    issue = load_issue(REPO / "examples" / "issues" / "strikes-inside-russia.toml")
    assert [s.label for s in issue.stances] == [
        "permits",
        "permits_with_limits",
        "supports_lifting",
        "opposes",
        "forbids",
        "warns_against",
        "undecided",
    ]
    assert issue.stance("forbids").coarse is Coarse.AGAINST
    assert issue.stance("permits_with_limits").signals == ("permission+limits",)
    assert len(issue.topics) == 2 and issue.examples


def test_an_issue_without_stances_gets_the_default_labels(tmp_path: Path) -> None:
    issue = load_issue(write(tmp_path, MINIMAL))
    assert issue.stances == DEFAULT_STANCES
    assert [s.label for s in issue.stances] == ["for", "for_with_limits", "against", "undecided"]
    assert issue.topics == (("toll", "charge"),) and issue.description == ""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('colour = "red"', "unknown key 'colour'"),
        ('[[stance]]\nlabel = "x"\ncoarse = "maybe"\nsignals = ["permission"]', "coarse 'maybe'"),
        ('[[stance]]\nlabel = "x"\ncoarse = "for"\nsignals = ["joy"]', "signal 'joy' unknown"),
        ('[[stance]]\nlabel = "x"\ncoarse = "for"', "needs signals or hints"),
        ('[[example]]\ntext = "A toll."\nstance = "maybe"', "stance 'maybe' is not one of"),
        ('scope = ["aliens"]', "scope 'aliens' is not an actor type"),
    ],
)
def test_mistakes_name_the_file_and_the_field(tmp_path: Path, extra: str, message: str) -> None:
    path = write(
        tmp_path,
        extra + "\n" + MINIMAL if extra.startswith(("colour", "scope")) else MINIMAL + extra,
    )
    with pytest.raises(ConfigError) as error:
        load_issue(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_an_issue_needs_a_topic_and_a_valid_id(tmp_path: Path) -> None:
    no_topic = MINIMAL.split("[[topic]]")[0]
    with pytest.raises(ConfigError, match="at least one \\[\\[topic\\]\\]"):
        load_issue(write(tmp_path, no_topic))
    with pytest.raises(ConfigError, match="id 'Bridge Tolls'"):
        load_issue(write(tmp_path, MINIMAL.replace('"tolls"\ntitle', '"Bridge Tolls"\ntitle', 1)))


def test_unreadable_and_malformed_files_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot be read"):
        load_issue(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_issue(write(tmp_path, "id = "))


STANCE = '[[stance]]\nlabel = "yes"\ncoarse = "for"\nsignals = ["permission"]\n'


@pytest.mark.parametrize(
    ("extra", "key", "table", "suggestion"),
    [
        (STANCE + 'hint = ["toll-free"]\n', "hint", "[[stance]]", "'hints'"),
        (STANCE.replace("label", "lable"), "lable", "[[stance]]", "'label'"),
        ('[[topic]]\nname = "bridge"\nterm = ["bridge"]\n', "term", "[[topic]]", "'terms'"),
        ('[[example]]\ntext = "A toll."\nstance = "for"\nnote = "x"\n', "note", "[[example]]", ""),
        ('[[topic]]\nterms = ["bridge"]\n[topic.extra]\nx = 1\n', "extra", "[[topic]]", ""),
    ],
    ids=["hint", "lable", "term", "note", "subtable"],
)
def test_an_unknown_key_in_any_table_is_refused_with_the_closest_known_one(
    tmp_path: Path, extra: str, key: str, table: str, suggestion: str
) -> None:
    path = write(tmp_path, MINIMAL + extra)
    with pytest.raises(ConfigError) as error:
        load_issue(path)
    message = str(error.value)
    assert str(path) in message and f"unknown key {key!r} in {table}" in message
    assert (
        (f"did you mean {suggestion}?" in message) if suggestion else "did you mean" not in message
    )


def test_a_typo_at_the_top_level_gets_a_suggestion_too(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown key 'statment' at the top.*'statement'"):
        load_issue(write(tmp_path, 'statment = "x"\n' + MINIMAL))


@pytest.mark.parametrize("word", ["-", " - ", "...", "—", "'", "?!"])
@pytest.mark.parametrize("where", ["term", "hint"])
def test_a_term_or_hint_without_a_letter_or_digit_is_refused(
    tmp_path: Path, word: str, where: str
) -> None:
    if where == "term":
        text = MINIMAL.replace('["toll", "charge"]', f'["toll", "{word}"]')
    else:
        text = MINIMAL + STANCE + f'hints = ["{word}"]\n'
    with pytest.raises(ConfigError, match="no letter or digit.*every sentence") as error:
        load_issue(write(tmp_path, text))
    assert repr(" ".join(word.split())) in str(error.value)


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "issue.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_issue(path).id == "tolls"


def test_every_issue_file_people_wrote_still_loads_and_means_the_same() -> None:
    # Written before these checks; loading them must neither fail nor change.
    files = [
        *sorted((REPO / "examples").rglob("*.toml")),
        *sorted((REPO / "src" / "onrecord" / "examples").glob("*.toml")),
        *sorted(SHARED.glob("data/*/*/issue.toml")),
        *sorted(SHARED.glob("data/*/issue.toml")),
    ]
    assert len(files) >= 3
    for path in files:
        issue = load_issue(path)
        assert issue.topics and all(
            all(any(c.isalnum() for c in t) for t in ts) for ts in issue.topics
        )
