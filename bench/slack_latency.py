"""Slack round trip: the time from a signed Events API request to the answer reaching the Slack Web API.

Starts the local Slack Web API stand-in and a real ``rapportlos serve slack --http`` process, sends 100 signed
``app_mention`` events (the dev questions, cycled) one after another, and times each from the request leaving to
the ``chat.postMessage`` arriving at the stand-in. The same questions are also answered in process, for the
answer engine's own share. Writes ``bench/RESULTS-slack.md``.

    .venv/bin/python bench/slack_latency.py [--questions ../shared/eval/dev_questions.jsonl] [--count 100]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.speed import latency  # noqa: E402
from knowledge.evaluation import load_questions  # noqa: E402
from tests.bot.slack.harness import SECRET, bot_process, mention, unique  # noqa: E402
from tests.stand_ins.slack_requests import SignedPoster  # noqa: E402
from tests.stand_ins.slack_web_api import Call, SlackWebApi  # noqa: E402

DEFAULT_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev_questions.jsonl"


def _in_channel(channel: str) -> Callable[[Call], bool]:
    """Matches the Web API calls that post to ``channel``."""
    return lambda call: call.params.get("channel") == channel


def round_trips(questions: list[str], *, data_dir: Path) -> tuple[list[float], list[float], float]:
    """Milliseconds per question from signed request to answer at the stand-in, to the HTTP ack, and the
    server's start time in seconds."""
    with SlackWebApi() as api:
        started = time.perf_counter()
        with bot_process(api=api, data_dir=data_dir, http=True) as (_, _, port):
            start_seconds = time.perf_counter() - started
            poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
            poster.event(mention("warm-up", user="UWARM", channel="CWARM"), event_id=unique("Ev"))
            api.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == "CWARM", timeout=60)
            millis, acks = [], []
            for question in questions:
                channel = unique("C")
                sent = time.perf_counter()
                status, _ = poster.event(
                    mention(question, user="UBENCH", channel=channel), event_id=unique("Ev")
                )
                assert status == 200
                acks.append((time.perf_counter() - sent) * 1000)
                api.wait_for("chat.postMessage", where=_in_channel(channel), timeout=60)
                millis.append((time.perf_counter() - sent) * 1000)
    return millis, acks, start_seconds


def in_process(questions: list[str], *, data_dir: Path) -> list[float]:
    """Milliseconds per question for ``KnowledgeService.answer`` alone, over the same index."""
    from bot.cli.wiring import build_knowledge
    from bot.settings import Settings
    from knowledge.models import Question

    service = build_knowledge(Settings(data_dir=data_dir))
    service.answer(Question(text="warm-up"))
    millis = []
    for question in questions:
        start = time.perf_counter()
        service.answer(Question(text=question))
        millis.append((time.perf_counter() - start) * 1000)
    return millis


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args(argv)
    pool = [q.question for q in load_questions(args.questions)]
    questions = [pool[i % len(pool)] for i in range(args.count)]
    with tempfile.TemporaryDirectory() as tmp:
        trips, acks, start_seconds = round_trips(questions, data_dir=Path(tmp))
        engine = in_process(questions, data_dir=Path(tmp))
    slack, local, ack = latency(trips), latency(engine), latency(acks)
    lines = [
        "# Slack round trip",
        "",
        f"`.venv/bin/python bench/slack_latency.py --count {args.count}`: {args.count} signed `app_mention` events, one",
        "after another, to a real `rapportlos serve slack --http` process (Bolt + waitress, SQLite, embedded Chroma);",
        "timed from the request leaving to the answer's `chat.postMessage` reaching the local Slack Web API stand-in.",
        "",
        "| | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|",
        f"| signed request → answer at the Web API | {slack['p50_ms']} | {slack['p95_ms']} | {slack['max_ms']} |",
        f"| signed request → HTTP 200 ack (Slack allows 3 s) | {ack['p50_ms']} | {ack['p95_ms']} | {ack['max_ms']} |",
        f"| answer engine alone (in process) | {local['p50_ms']} | {local['p95_ms']} | {local['max_ms']} |",
        "",
        f"Server start (model load, index check) until it listens: {start_seconds:.1f} s.",
        "",
    ]
    results = ROOT / "bench" / "RESULTS-slack.md"
    old = results.read_text(encoding="utf-8") if results.exists() else ""
    kept = old[old.index("<!-- slack_faults: begin -->") :] if "<!-- slack_faults: begin -->" in old else ""
    results.write_text(
        "\n".join(lines) + ("\n" + kept if kept else ""), encoding="utf-8"
    )  # keeps slack_faults.py's
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
