"""Settings: precedence, errors that name the key, the output hash, and the settings page."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from onrecord.errors import ConfigError
from onrecord.settings import Settings

PAGE = REPO / "docs" / "settings.md"
TYPE_WORDS = {
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "str": "string",
    "tuple[str, ...]": "list of strings",
}


def test_precedence_is_arguments_then_environment_then_file(tmp_path: Path) -> None:
    config = tmp_path / "onrecord.toml"
    config.write_text("[onrecord]\nbatch_size = 8\nchunk_size = 9\nmin_confidence = 0.1\n")
    environ = {"ONRECORD_CONFIG": str(config), "ONRECORD_CHUNK_SIZE": "10"}
    loaded = Settings.load({"min_confidence": 0.2}, environ=environ)
    assert (loaded.batch_size, loaded.chunk_size, loaded.min_confidence) == (8, 10, 0.2)
    assert loaded.candidate_cue == Settings().candidate_cue


def test_a_settings_file_of_the_earlier_keys_loads_as_before(tmp_path: Path) -> None:
    config = tmp_path / "onrecord.toml"
    config.write_text(
        "[onrecord]\nmax_bytes = 1000\nfetch_timeout = 5\nmax_redirects = 2\n"
        'allow_private_addresses = true\nuser_agent = "test"\nlanguages = ["en", "de"]\n'
        'model_dir = "models"\n'
    )
    loaded = Settings.load(config_file=config, environ={})
    assert loaded == Settings(
        max_bytes=1000,
        fetch_timeout=5.0,
        max_redirects=2,
        allow_private_addresses=True,
        user_agent="test",
        languages=("en", "de"),
        model_dir="models",
    )


def test_environment_values_are_coerced() -> None:
    environ = {"ONRECORD_LANGUAGES": "en, de", "ONRECORD_SECOND_CHANCE_CONTENT": "0.5"}
    loaded = Settings.load(environ=environ)
    assert loaded.languages == ("en", "de")
    assert loaded.second_chance_content == 0.5


@pytest.mark.parametrize(
    ("key", "value"),
    [("batch_size", 0), ("chunk_size", -1), ("candidate_cue", 1.5), ("min_confidence", "x")],
)
def test_bad_values_name_the_key(key: str, value: Any) -> None:
    with pytest.raises(ConfigError, match=key):
        Settings.load({key: value}, environ={})


def test_an_unknown_key_names_it() -> None:
    with pytest.raises(ConfigError, match="batch_sise"):
        Settings.load({"batch_sise": 4}, environ={})


def test_the_hash_changes_with_the_settings_that_change_output() -> None:
    default = Settings().digest()
    assert Settings(min_confidence=0.5).digest() != default
    assert Settings(candidate_cue=0.3).digest() != default
    assert Settings(languages=("en", "de")).digest() != default
    assert Settings(batch_size=16, chunk_size=8, model_dir="elsewhere").digest() == default


def test_every_setting_is_documented_as_it_is() -> None:
    documented = _documented_settings()
    assert set(documented) == {f.name for f in fields(Settings)}
    for f in fields(Settings):
        kind, default, variable, _, hashed = documented[f.name]
        assert kind == TYPE_WORDS[str(f.type)], f.name
        assert default == _as_documented(getattr(Settings(), f.name)), f.name
        assert variable == f"`ONRECORD_{f.name.upper()}`", f.name
        assert hashed == ("yes" if f.name in Settings().output_settings() else "no"), f.name


def test_the_pages_example_config_loads(tmp_path: Path) -> None:
    example = re.search(r"```toml\n(.*?)```", PAGE.read_text(encoding="utf-8"), flags=re.S)
    assert example is not None
    config = tmp_path / "onrecord.toml"
    config.write_text(example.group(1), encoding="utf-8")
    table = tomllib.loads(example.group(1))["onrecord"]
    loaded = Settings.load(config_file=config, environ={})
    assert {key: getattr(loaded, key) for key in table} == {
        key: tuple(value) if isinstance(value, list) else value for key, value in table.items()
    }


def _documented_settings() -> dict[str, list[str]]:
    """The settings table's rows, by setting name: type, default, variable, what, hashed."""
    rows = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\| `(\w+)` \| (.*) \|$", line)
        if match and "ONRECORD_" in line:
            rows[match.group(1)] = [cell.strip() for cell in match.group(2).split(" | ")]
    return rows


def _as_documented(value: object) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, tuple):
        return f"`{','.join(value)}`"
    if isinstance(value, str):
        return f'`"{value}"`'
    return f"`{value}`"
