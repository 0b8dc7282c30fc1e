"""The line a started or resumed procedure opens with."""

from __future__ import annotations

from bot.messages import say
from core.language import Language
from workflows.identifiers import project_action
from workflows.run_state import RunState


def start_lead(state: RunState, language: Language) -> str:
    """The line a started or resumed run opens with; a procedure written for another action than the
    project's says so (a KA229 report in a KA210 project)."""
    procedure, title = state.procedure, state.procedure.title.get(language)
    if state.run.marks:
        lead = say("run.resumed", language, title=title)
    else:
        lead = say("run.started", language, title=title, summary=procedure.summary.get(language))
    action = project_action(state.project.number)
    if procedure.written_for(action):
        return lead
    return f"{lead}\n{say('run.other_action', language, action=action, actions=', '.join(procedure.actions))}"
