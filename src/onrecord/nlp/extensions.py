"""The ``Doc`` extensions the components read and write, registered once on import."""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["register"]


def register() -> None:
    """Registers the extensions; idempotent, as spaCy's registry is global."""
    # What the attribution component finds: nlp.doc_records.DocAttribution, in text order.
    if not Doc.has_extension("attributions"):
        Doc.set_extension("attributions", default=None)
    # The article's publication date (a datetime.date), which "on Thursday" is counted from;
    # set it on the Doc before the pipeline runs (``nlp.pipe`` accepts Docs).
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    # When the article was last updated (a datetime.date), if it says: a weekday after the
    # publication day ("on Friday" in a Thursday article updated on Friday) is counted from it.
    if not Doc.has_extension("updated"):
        Doc.set_extension("updated", default=None)
    # The issues (``onrecord.model.Issue``) to find positions on in this Doc, set like
    # ``published``; the positions component's own issues are used when it is not set.
    if not Doc.has_extension("issues"):
        Doc.set_extension("issues", default=None)
    if not Doc.has_extension("positions"):
        Doc.set_extension("positions", default=None)


register()
