"""Provenance tells apart analyses made with different rules, word lists, models or settings."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from onrecord.model import Provenance
from onrecord.nlp import lexicons, provenance
from onrecord.nlp.annotator import RULE_SETS, _provenance
from onrecord.nlp.attribution.finder import MODEL_DIR
from onrecord.settings import Settings

LEXICONS = Path(lexicons.__file__).parent


@pytest.fixture
def nlp() -> Language:
    return spacy.blank("en")  # the provenance reads only the pipeline's name and version


@pytest.fixture
def lexicon_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped lexicons copied, and read from there instead."""
    copy = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))

    def digests() -> dict[str, str]:  # as the shipped folder's: by name, 16 hex of sha256
        files = sorted(p for p in copy.iterdir() if p.suffix in (".txt", ".tsv"))
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in files}

    monkeypatch.setitem(provenance.DATA_FOLDERS, "nlp/lexicons", digests)
    provenance.data_digests.cache_clear()
    yield copy
    provenance.data_digests.cache_clear()


def test_provenance_differs_when_a_lexicon_differs(nlp: Language, lexicon_copy: Path) -> None:
    before = _provenance(nlp, Settings(), MODEL_DIR)
    verbs = lexicon_copy / "cue-verbs-v1.txt"
    verbs.write_text(verbs.read_text(encoding="utf-8") + "harrumph\n", encoding="utf-8")
    provenance.data_digests.cache_clear()
    after = _provenance(nlp, Settings(), MODEL_DIR)
    assert before != after
    assert before.to_dict() != after.to_dict()
    changed = {k for k, v in after.lexicons.items() if before.lexicons[k] != v}
    assert changed == {"nlp/lexicons/cue-verbs-v1.txt"}


def test_the_shipped_lexicons_are_in_the_provenance(nlp: Language) -> None:
    found = _provenance(nlp, Settings(), MODEL_DIR).lexicons
    for name, digest in lexicons.digests().items():
        assert found[f"nlp/lexicons/{name}"] == digest


def test_provenance_differs_when_a_model_file_differs(nlp: Language, tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, threshold in ((first, "0.5"), (second, "0.6")):
        folder.mkdir()
        (folder / "checker.json").write_text(f'{{"threshold": {threshold}}}')
    assert _provenance(nlp, Settings(), first) != _provenance(nlp, Settings(), second)
    assert set(provenance.model_digests(MODEL_DIR)) == set(provenance.MODEL_FILES)


def test_provenance_differs_with_the_settings_that_change_output(nlp: Language) -> None:
    default = _provenance(nlp, Settings(), MODEL_DIR)
    assert _provenance(nlp, Settings(min_confidence=0.5), MODEL_DIR) != default
    assert _provenance(nlp, Settings(batch_size=64), MODEL_DIR) == default


def test_each_rule_set_covers_its_component_and_what_it_imports() -> None:
    said_on = provenance._modules_run_by(RULE_SETS["onrecord_said_on_v1"])
    assert {"onrecord.nlp.dates.said_on", "onrecord.nlp.dates.temporal"} <= said_on
    assert "onrecord.nlp.doc_records" in said_on  # a shared module it runs on
    assert "onrecord.nlp.attribution.finder" not in said_on
    whole = provenance._modules_run_by(RULE_SETS["pipeline"])
    for package in RULE_SETS.values():
        assert provenance._modules_run_by(package) <= whole
    assert {"onrecord.nlp.factories", "onrecord.nlp.textview", "onrecord.nlp.to_model"} <= whole


def test_the_provenance_records_every_part(nlp: Language) -> None:
    found = _provenance(nlp, Settings(), MODEL_DIR)
    assert found.package_version
    assert set(found.rule_sets) == set(RULE_SETS)
    assert len(set(found.rule_sets.values())) == len(RULE_SETS)
    assert {"spacy", "python-crfsuite", "countryinfo"} <= set(found.libraries)
    assert set(Provenance().to_dict()) == set(found.to_dict())


def test_the_components_thresholds_default_to_the_settings() -> None:
    config = Language.get_factory_meta("onrecord_attribution_v1").default_config
    defaults = Settings()
    for name in ("min_confidence", "candidate_cue", "second_chance_content"):
        assert config[name] == getattr(defaults, name)


def test_the_thresholds_reach_the_finder(nlp: Language) -> None:
    component = nlp.add_pipe(
        "onrecord_attribution_v1", config={"candidate_cue": 0.9, "second_chance_content": 0.5}
    )
    assert (component.finder.candidate_cue, component.finder.second_chance_content) == (0.9, 0.5)
