"""Verbs and data keys of the Adaptive Card actions, shared by the card builders and the handlers."""

from __future__ import annotations

STEP_VERB = "rapportlos.step"
"""Ticks, skips or unticks a checklist step (Action.Execute, with Action.Submit as fallback)."""

FEEDBACK_VERB = "rapportlos.feedback"
"""Helpful / not helpful on an answer."""

VERB_KEY = "verb"
"""Action.Submit carries its verb inside the data (the SDK's submit routes match on it)."""

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
"""Content type of an Adaptive Card attachment and of an Action.Execute card response."""
