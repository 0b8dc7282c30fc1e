"""Block Kit for answers, checklists and the App Home tab, built by pure functions from typed views."""

from __future__ import annotations

import json
from typing import Any

from bot.engine.home import HomeOverview, ProjectSummary
from bot.engine.models import AnswerPart
from bot.engine.workflow_text import partner_row
from bot.messages import say
from bot.slack import ids
from bot.slack.formatting import chunks, clip, escape, link, mention, mrkdwn, with_mentions
from core.dates import DateStyle, format_date, format_moment
from core.language import Language
from knowledge.answering.messages import text as knowledge_text
from knowledge.models import Citation, ProgrammeSplit
from workflows.definitions import Actor
from workflows.messages import count_text
from workflows.views import ChecklistView, MarkView, StepState, StepView

Block = dict[str, Any]
MAX_BLOCKS = 50
_ICONS = {StepState.DONE: "✅", StepState.SKIPPED: "⏭️", StepState.PARTIAL: "🟡", StepState.OPEN: "⬜"}


def _section(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": clip(text)}}


def _context(*texts: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": clip(t)} for t in texts[:10]]}


def _button(label: str, action_id: str, value: str, *, style: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": label[:75], "emoji": True},
        "action_id": action_id,
        "value": value[:2000],
    }
    if style:
        button["style"] = style
    return button


def fallback_text_of(text: str) -> str:
    """The notification text of a message (what push notifications and screen readers show)."""
    return clip(with_mentions(escape(text)), 3000)


def source_context(citation: Citation, language: Language) -> str:
    """One source as mrkdwn: title (linked) › section · last updated · unofficial-translation note."""
    title = link(citation.url, citation.title) if citation.url else f"*{escape(citation.title)}*"
    parts = [title if citation.section in ("", citation.title) else f"{title} › {escape(citation.section)}"]
    if citation.updated:
        parts.append(
            escape(
                knowledge_text(
                    "updated", language, date=format_date(citation.updated, language, style=DateStyle.LONG)
                )
            )
        )
    line = f"📄 {' · '.join(parts)}"
    if not citation.official:
        line += f"\n_{escape(knowledge_text('unofficial', language))}_"
    return line


def answer_blocks(part: AnswerPart, *, language: Language, hint: str | None = None) -> list[Block]:
    """An answer: its body, its sources as a context block, feedback buttons and an optional hint (an answer
    split by programme shows each programme's quote above its own source instead of body and sources)."""
    if part.split is not None:
        blocks = split_blocks(part.split, language=language)
    else:
        blocks = [_section(piece) for piece in chunks(mrkdwn(part.body))][:40]
        blocks[0]["block_id"] = ids.ANSWER_BLOCK
    if part.citations and part.split is None:
        blocks.append(
            {
                **_context(*(source_context(c, language) for c in part.citations[:3])),
                "block_id": ids.SOURCES_BLOCK,
            }
        )
    if hint:
        blocks.append(_context(mrkdwn(hint)))
    if part.feedback_wanted:
        value = str(part.answer_id)
        blocks.append(
            {
                "type": "actions",
                "block_id": ids.FEEDBACK_BLOCK,
                "elements": [
                    _button(say("chat.helpful", language), ids.FEEDBACK_HELPFUL, value),
                    _button(say("chat.not_helpful", language), ids.FEEDBACK_NOT_HELPFUL, value),
                ],
            }
        )
    return blocks


def split_blocks(split: ProgrammeSplit, *, language: Language) -> list[Block]:
    """An answer split by programme: the lead, then each programme's quote followed by its own source."""
    blocks = [{**_section(mrkdwn(split.lead)), "block_id": ids.ANSWER_BLOCK}]
    for number, quote in enumerate(split.quotes[:3]):
        blocks.append(_section(f"*{escape(quote.label)}:* {mrkdwn(quote.quote)}"))
        sources = ids.SOURCES_BLOCK if number == 0 else f"{ids.SOURCES_BLOCK}-{number}"
        blocks.append({**_context(source_context(quote.citation, language)), "block_id": sources})
    return blocks


def text_blocks(text: str) -> list[Block]:
    """A plain engine reply (help, confirmations, refusals) as sections."""
    return [_section(piece) for piece in chunks(mrkdwn(text))][:MAX_BLOCKS]


def step_value(view: ChecklistView, step: StepView) -> str:
    """What a step button carries back: run, step and the checklist version it was shown at."""
    return json.dumps({"r": view.run_id, "s": step.id, "v": view.version}, separators=(",", ":"))


def checklist_blocks(view: ChecklistView) -> list[Block]:
    """A run's checklist: one section per step with who ticked it and when, a button on each open step."""
    language = view.language
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {
                "type": "plain_text",
                "text": f"{view.title} – {view.project_number}"[:150],
                "emoji": True,
            },
        }
    ]
    facts = [
        escape(view.project_name),
        say("chat.progress", language, settled=view.settled, total=len(view.steps)),
    ]
    if view.deadline:
        facts.append(escape(say("run.deadline", language, deadline=format_date(view.deadline, language))))
    blocks.append(_context(" · ".join(facts)))
    for step in view.steps:
        blocks.append(_step_block(view, step))
        if step.optional and step.state is StepState.OPEN and not view.complete:
            blocks.append(_skip_block(view, step))
    if view.dashboard:
        rows = [escape(partner_row(row, language)) for row in view.dashboard]
        blocks.append(_context(f"*{escape(say('render.dashboard', language))}* " + " · ".join(rows)))
    closing = (
        say("run.complete", language, title=view.title)
        if view.complete
        else say("chat.thread_hint", language)
    )
    blocks.append(_context(escape(closing)))
    return blocks[:MAX_BLOCKS]


def checklist_text(view: ChecklistView) -> str:
    """The notification text of a checklist message."""
    progress = say("chat.progress", view.language, settled=view.settled, total=len(view.steps))
    return escape(f"{view.title} – {view.project_number}: {progress}")


def _step_block(view: ChecklistView, step: StepView) -> Block:
    language = view.language
    lines = [f"{_ICONS[step.state]} *{step.number}. {escape(step.title)}*"]
    if step.mark is not None:
        lines.append(f"_{_mark(step.mark, language)}_")
    for partner in step.partners:
        icon = _ICONS[
            StepState.OPEN
            if partner.mark is None
            else StepState.SKIPPED
            if partner.mark.skipped
            else StepState.DONE
        ]
        done = f" – _{_mark(partner.mark, language)}_" if partner.mark else ""
        lines.append(f"    {icon} {escape(partner.partner)} ({escape(partner.country)}){done}")
    if step.actor is Actor.EACH_PARTNER and not step.partners:
        lines.append(f"    _{escape(say('chat.no_partners_yet', language))}_")
    if step.due:
        lines.append(escape(say("run.deadline", language, deadline=format_date(step.due, language))))
    block = _section("\n".join(lines))
    block["block_id"] = f"step:{step.id}"
    if step.state in (StepState.OPEN, StepState.PARTIAL) and not view.complete:
        block["accessory"] = _button(
            say("chat.done_button", language),
            f"{ids.STEP_DONE_PREFIX}{step.id}",
            step_value(view, step),
            style="primary",
        )
    return block


def _skip_block(view: ChecklistView, step: StepView) -> Block:
    """The skip button of an optional step (a section takes only one accessory: the done button)."""
    button = _button(
        say("chat.skip_button", view.language), f"{ids.STEP_SKIP_PREFIX}{step.id}", step_value(view, step)
    )
    return {"type": "actions", "block_id": f"skip:{step.id}", "elements": [button]}


def _mark(mark: MarkView, language: Language) -> str:
    key = "render.skipped_by" if mark.skipped else "render.by"
    who = mention(mark.user_id)
    return say(key, language, who=who, when=format_moment(mark.at, language), platform=escape(mark.platform))


def home_view(overview: HomeOverview) -> Block:
    """The App Home tab: the person's projects, their open runs with progress, and coming deadlines."""
    language = overview.language
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": say("home.title", language), "emoji": True},
        },
        _context(escape(say("home.help", language))),
    ]
    if overview.unavailable:
        blocks.append(_section(escape(say("error.storage", language))))
    elif not overview.projects:
        blocks.append(_section(say("home.empty", language).replace("<", "&lt;").replace(">", "&gt;")))
    for project in overview.projects:
        blocks.extend(_project_blocks(project, language))
    blocks.append({"type": "header", "text": {"type": "plain_text", "text": say("home.deadlines", language)}})
    lines = [_deadline_line(overview, i) for i in range(len(overview.deadlines))]
    blocks.append(_section("\n".join(lines) if lines else escape(say("home.no_deadlines", language))))
    return {"type": "home", "blocks": blocks[:100]}


def _project_blocks(project: ProjectSummary, language: Language) -> list[Block]:
    head = say(
        "home.project",
        language,
        number=escape(project.number),
        name=escape(project.name),
        end=format_date(project.end_date, language),
        deadline=format_date(project.report_deadline, language),
        channel=f"<#{project.channel_id}>" if project.channel_id[:1] in "CG" else escape(project.channel_id),
        role=say(f"home.as_{project.role.value}", language),
    )
    runs = [
        say(
            "home.run",
            language,
            title=escape(run.title),
            progress=say("chat.progress", language, settled=run.settled, total=run.total),
            next=say("home.next", language, step=escape(run.next_step)) if run.next_step else "",
        )
        for run in project.runs
    ]
    body = "\n".join(f"• {line}" for line in runs) if runs else say("home.no_runs", language)
    return [{"type": "divider"}, _section(head), _context(body)]


def _deadline_line(overview: HomeOverview, index: int) -> str:
    deadline = overview.deadlines[index]
    language = overview.language
    days = deadline.days_left
    if days > 0:
        left = say("home.days_left", language, days=count_text(days, "days", language))
    elif days == 0:
        left = say("home.today", language)
    else:
        left = say("home.overdue", language, days=count_text(-days, "days", language))
    what = say(f"home.{deadline.kind.value}", language)
    line = say(
        "home.deadline",
        language,
        date=format_date(deadline.due, language),
        what=what,
        number=escape(deadline.project_number),
        days=left,
    )
    return f"• {line}"
