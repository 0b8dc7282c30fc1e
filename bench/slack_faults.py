"""Slack under load with retries: is every mention answered exactly once, and how fast are acks and answers?

Starts the local Slack Web API stand-in and a real ``rapportlos serve slack --http`` process (SQLite, embedded
Chroma), then sends 200 signed ``app_mention`` events (the dev questions, cycled) with 20 in flight at a time.
50 of them are delivered twice more as Slack's retries (``X-Slack-Retry-Num`` 1 and 2, the second a second
later); a retry refused with 503 (the event is still being answered) is not counted as lost or doubled, as Slack
would simply deliver it again. Counts the answers each event got at the stand-in (once / lost / doubled) and
times the HTTP acks and the answers. Writes its own section of ``bench/RESULTS-slack.md``.

    .venv/bin/python bench/slack_faults.py [--count 200] [--in-flight 20] [--retried 50]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.speed import latency  # noqa: E402
from knowledge.evaluation import load_questions  # noqa: E402
from tests.bot.slack.harness import SECRET, bot_process, mention, unique  # noqa: E402
from tests.stand_ins.slack_requests import SignedPoster  # noqa: E402
from tests.stand_ins.slack_web_api import SlackWebApi  # noqa: E402

DEFAULT_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev_questions.jsonl"
RESULTS = ROOT / "bench" / "RESULTS-slack.md"
BEGIN, END = "<!-- slack_faults: begin -->", "<!-- slack_faults: end -->"


@dataclass
class Run:
    """What one run saw."""

    acks_ms: list[float] = field(default_factory=list)
    answers_ms: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    per_event: dict[str, int] = field(default_factory=dict)


def _one(poster: SignedPoster, api: SlackWebApi, question: str, *, retried: bool, run: Run) -> None:
    channel, event_id = unique("C"), unique("Ev")
    event = mention(question, user="UBENCH", channel=channel)
    run.per_event[channel] = 0
    sent_wall, sent = time.time(), time.perf_counter()
    status, _ = poster.event(event, event_id=event_id)
    run.acks_ms.append((time.perf_counter() - sent) * 1000)
    run.statuses[status] += 1
    if retried:
        for number in (1, 2):
            start = time.perf_counter()
            status, _ = poster.event(event, event_id=event_id, retry=number)
            run.acks_ms.append((time.perf_counter() - start) * 1000)
            run.statuses[status] += 1
            if number == 1:
                time.sleep(1.0)
    [answer] = api.wait_for(
        "chat.postMessage",
        where=lambda c: c.params.get("channel") == channel and c.status == 200,
        timeout=300,
    )[:1]
    run.answers_ms.append((answer.at - sent_wall) * 1000)


def measure(questions: list[str], *, in_flight: int, retried: int, data_dir: Path) -> Run:
    """Send every question as a mention, ``in_flight`` at a time; ``retried`` of them retried twice."""
    run = Run()
    chosen = set(random.Random(13).sample(range(len(questions)), retried))
    with SlackWebApi() as api, bot_process(api=api, data_dir=data_dir, http=True) as (_, _, port):
        poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
        poster.event(mention("warm-up", user="UWARM", channel="CWARM"), event_id=unique("Ev"))
        api.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == "CWARM", timeout=120)
        with ThreadPoolExecutor(max_workers=in_flight) as pool:
            jobs = [
                pool.submit(_one, poster, api, q, retried=i in chosen, run=run)
                for i, q in enumerate(questions)
            ]
            for job in jobs:
                job.exception()  # a lost answer shows as a time-out here and as "lost" below
        time.sleep(5)  # late duplicates would arrive now
        posts = Counter(str(c.params.get("channel")) for c in api.calls_to("chat.postMessage", ok=True))
    run.per_event = {channel: posts.get(channel, 0) for channel in run.per_event}
    return run


def report(run: Run, *, count: int, in_flight: int, retried: int) -> list[str]:
    """The results section (Markdown lines)."""
    counts = Counter(min(n, 2) for n in run.per_event.values())
    ack, answer = latency(run.acks_ms), latency(run.answers_ms)
    statuses = ", ".join(f"{status}: {n}" for status, n in sorted(run.statuses.items()))
    return [
        BEGIN,
        "# Slack under load with retries",
        "",
        f"`.venv/bin/python bench/slack_faults.py --count {count} --in-flight {in_flight} --retried {retried}`:",
        f"{count} signed `app_mention` events to a real `rapportlos serve slack --http` process (SQLite), {in_flight}",
        f"in flight at a time; {retried} of them delivered twice more as Slack's retries (`X-Slack-Retry-Num` 1 and 2).",
        "",
        "| answered once | lost | doubled | ack p95 ms | answer p95 ms |",
        "|---|---|---|---|---|",
        f"| {counts[1]} | {counts[0]} | {counts[2]} | {ack['p95_ms']} | {answer['p95_ms']} |",
        "",
        f"HTTP statuses of all {sum(run.statuses.values())} deliveries: {statuses} (503: an event still being answered,",
        "or the ledger unreachable - Slack delivers it again later). Acks p50 / max: "
        f"{ack['p50_ms']} / {ack['max_ms']} ms; answers (request sent to the answer at the Web API) p50 / max: "
        f"{answer['p50_ms']} / {answer['max_ms']} ms.",
        END,
    ]


def write_section(lines: list[str]) -> None:
    """Put this benchmark's section into RESULTS-slack.md, replacing an earlier one and keeping the rest."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + text[text.index(END) + len(END) :]
    RESULTS.write_text(text.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--in-flight", type=int, default=20)
    parser.add_argument("--retried", type=int, default=50)
    args = parser.parse_args(argv)
    pool = [q.question for q in load_questions(args.questions)]
    questions = [pool[i % len(pool)] for i in range(args.count)]
    with tempfile.TemporaryDirectory() as tmp:
        run = measure(questions, in_flight=args.in_flight, retried=args.retried, data_dir=Path(tmp))
    lines = report(run, count=args.count, in_flight=args.in_flight, retried=args.retried)
    write_section(lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
