"""Issue files: the example loads, defaults apply, and every mistake names file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
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
