"""The speakers component: who each attribution's source is, as an Actor."""

from onrecord.nlp.speakers.resolver import SpeakerResolver

__all__ = ["SpeakerResolver"]
