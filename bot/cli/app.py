"""The ``rapportlos`` command: ask, chat, ingest and eval (one settings object, built here)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from bot.cli.remind import remind_app
from bot.cli.serve import serve_app
from bot.cli.startup import load_settings
from bot.settings import Settings

app = typer.Typer(
    help="Rapportlos – the report pilot for Erasmus+ projects.", no_args_is_help=True, add_completion=False
)

app.add_typer(serve_app, name="serve")
app.add_typer(remind_app, name="remind")


def _settings() -> Settings:
    return load_settings()


@app.command()
def ask(
    question: Annotated[
        str | None, typer.Argument(help="The question; without it, one question per line on stdin.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object per question.")] = False,
) -> None:
    """Answer a question from HK-dir's guidance."""
    from bot.cli.output import answer_json, answer_text, tolerant_stdin
    from bot.cli.wiring import build_knowledge
    from knowledge.models import Question

    service = build_knowledge(_settings())
    render = answer_json if as_json else answer_text
    if question is not None:
        typer.echo(render(service.answer(Question(text=question))))
        return
    for line in tolerant_stdin():
        if as_json or line.strip():
            typer.echo(render(service.answer(Question(text=line.rstrip("\n")))))
            sys.stdout.flush()


@app.command()
def start() -> None:
    """Start the bot where it is configured: Slack with Slack credentials, else the terminal chat."""
    from bot.cli.serve import slack

    settings = _settings()
    if settings.secret("slack_bot_token") and settings.secret("slack_app_token"):
        slack(http=False)
    elif settings.secret("slack_bot_token") and settings.secret("slack_signing_secret"):
        slack(http=True, port=settings.http_port)
    else:
        chat()


@app.command()
def chat(
    user: Annotated[str, typer.Option("--user", help="Chat user id to act as.")] = "terminal-user",
    channel: Annotated[str, typer.Option("--channel", help="Channel id to act in.")] = "terminal",
) -> None:
    """Chat in the terminal: questions, projects and checklists (ends on end of input)."""
    from bot.cli.output import tolerant_stdin
    from bot.cli.wiring import build_engine
    from bot.terminal.chat import run_chat

    settings = _settings()
    interactive = sys.stdin.isatty()
    if interactive:
        typer.echo(
            "Rapportlos – spør om Erasmus+-rapporteringen / ask about Erasmus+ reporting. 'help' for commands,"
            " /quit to leave."
        )
    engine = build_engine(settings)
    run_chat(
        engine,
        user_id=user,
        channel_id=channel,
        stdin=tolerant_stdin(),
        stdout=sys.stdout,
        prompt="> " if interactive else "",
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (Markdown, text, HTML, PDF).")],
    prune: Annotated[bool, typer.Option("--prune", help="Drop documents whose files are gone.")] = False,
) -> None:
    """Add or refresh documents in the knowledge base."""
    from rich.progress import Progress, TaskID

    from bot.cli.wiring import open_knowledge_base
    from knowledge.writer_lock import IndexBusyError

    settings = _settings()
    kb = open_knowledge_base(settings)
    try:
        kb.ensure_ready(settings.docs_dirs)
        with Progress(transient=True, console=None) as bar:
            tasks: dict[str, TaskID] = {}

            def progress(stage: str, done: int, total: int) -> None:
                if stage not in tasks:
                    tasks[stage] = bar.add_task(stage, total=total)
                bar.update(tasks[stage], completed=done, total=total)

            report = kb.ingest(paths, prune=prune, progress=progress)
    except IndexBusyError as busy:
        typer.echo(str(busy), err=True)
        raise typer.Exit(code=1) from None
    for label, items in (("added", report.added), ("updated", report.updated), ("removed", report.removed)):
        for item in items:
            typer.echo(f"{label}: {item}")
    typer.echo(f"unchanged: {len(report.unchanged)} document(s)")
    for path, reason in report.failed:
        typer.echo(f"could not read {path}: {reason}", err=True)
    if report.failed and not (report.added or report.updated or report.unchanged):
        raise typer.Exit(code=1)


@app.command(name="eval")
def evaluate(
    questions: Annotated[Path, typer.Argument(help="A JSON-lines question file.")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the scores (and each question) as JSON.")
    ] = False,
) -> None:
    """Score the answer engine on a question file."""
    from bot.cli.wiring import build_knowledge
    from knowledge.evaluation import load_questions, score, summarise
    from knowledge.models import Question

    if not questions.is_file():
        typer.echo(missing_questions_text(questions), err=True)
        raise typer.Exit(code=2)
    service = build_knowledge(_settings())
    rows = []
    for item in load_questions(questions):
        answer = service.answer(Question(text=item.question))
        rows.append(score(item, answer, service.ranked_passages(item.question)))
    summary = {
        lang: summarise(r for r in rows if lang == "all" or r.lang.value == lang)
        for lang in ("nb", "en", "all")
    }
    if as_json:
        typer.echo(json.dumps({"summary": summary, "questions": [r.model_dump(mode="json") for r in rows]}))
        return
    for lang, values in summary.items():
        typer.echo(f"{lang:>3}: " + "  ".join(f"{key}={value}" for key, value in values.items()))


def missing_questions_text(path: Path) -> str:
    """What to do when the question file is not there (a fresh clone has no sibling ``../shared/eval/``)."""
    return (
        f"No question file at {path}. The evaluation questions are not part of the repository: they live in"
        " ../shared/eval/dev_questions.jsonl beside it on the project's machines. Pass any JSON-lines file with"
        ' "id", "lang" and "question" fields: rapportlos eval path/to/questions.jsonl'
    )


def main() -> None:
    """Console entry point."""
    app()
