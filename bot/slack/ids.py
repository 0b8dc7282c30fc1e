"""Action, command and block ids shared by the Block Kit builders and the listeners."""

from __future__ import annotations

import re

SLASH_COMMAND = "/erasmus"

FEEDBACK_HELPFUL = "feedback_helpful"
FEEDBACK_NOT_HELPFUL = "feedback_not_helpful"
FEEDBACK_ACTIONS = re.compile(rf"^({FEEDBACK_HELPFUL}|{FEEDBACK_NOT_HELPFUL})$")

STEP_DONE_PREFIX = "step_done:"  # + step id: action ids must be unique within one message
STEP_DONE = re.compile(rf"^{STEP_DONE_PREFIX}")
STEP_SKIP_PREFIX = "step_skip:"  # + step id: the skip button of an optional step
STEP_SKIP = re.compile(rf"^{STEP_SKIP_PREFIX}")

ANSWER_BLOCK = "answer"
SOURCES_BLOCK = "sources"
FEEDBACK_BLOCK = "feedback"
