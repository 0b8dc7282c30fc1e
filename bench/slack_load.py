"""Slack under load: 40 mentions in flight plus 10 slash commands and 10 button clicks, all at once, against a
real ``rapportlos serve slack --http`` process and the local Slack Web API stand-in.

Reports whether every acknowledgement came within Slack's 3 seconds, how many requests got no response at all
(lost), and the time from a mention to its answer (p50/p95). Writes its section of ``bench/RESULTS-slack.md``.

    .venv/bin/python bench/slack_load.py [--mentions 40] [--commands 10] [--clicks 10]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.speed import latency  # noqa: E402
from knowledge.evaluation import load_questions  # noqa: E402
from tests.bot.slack.harness import SECRET, bot_process, buttons, mention, unique  # noqa: E402
from tests.stand_ins.slack_requests import SignedPoster, click_payload, command_payload  # noqa: E402
from tests.stand_ins.slack_web_api import Call, SlackWebApi  # noqa: E402

DEFAULT_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev_questions.jsonl"
RESULTS = ROOT / "bench" / "RESULTS-slack.md"
BEGIN, END = "<!-- slack_load -->", "<!-- /slack_load -->"
ACK_LIMIT_S = 3.0
WAIT_S = 120.0


@dataclass
class Request:
    """One request of the burst: what it is, when it left, its ack, and how to recognise its response."""

    kind: str
    key: str
    sent: float = 0.0
    ack_s: float | None = None
    status: int | None = None


def checklist(api: SlackWebApi, poster: SignedPoster, *, channel: str, user: str) -> Call:
    """A project with a started final-report run in ``channel``; returns the posted checklist message."""
    number = f"2023-1-NO01-KA210-SCH-{int(time.time() * 1000) % 10**9:09d}"
    for count, text in enumerate((f"project add {number} 30.06.2027 Last", "start final-report"), start=1):
        payload = command_payload(text, user=user, channel=channel, response_url=f"{api.url}setup")
        assert poster.command(payload)[0] == 200
        api.wait_for(
            "chat.postMessage", where=lambda c: c.params.get("channel") == channel, count=count, timeout=60
        )
    [posted] = api.wait_for(
        "chat.postMessage",
        where=lambda c: (
            c.params.get("channel") == channel and any(a.startswith("step_done") for a in buttons(c))
        ),
        timeout=60,
    )
    return posted


def send(poster: SignedPoster, request: Request, body: Any, start: threading.Event) -> None:
    start.wait()
    request.sent = time.time()
    if request.kind == "mention":
        status, _ = poster.event(body, event_id=unique("Ev"))
    elif request.kind == "command":
        status, _ = poster.command(body)
    else:
        status, _ = poster.interaction(body)
    request.ack_s, request.status = time.time() - request.sent, status


def fits(call: Call, request: Request, *, coordinator: str, project: str) -> bool:
    """True when ``call`` is the response ``request`` is waiting for."""
    if call.at < request.sent:
        return False
    if request.kind == "mention":
        return call.method == "chat.postMessage" and call.params.get("channel") == request.key
    if request.kind == "command":  # help answers privately; status answers in the channel (the run's one
        if request.key.startswith("status"):  # checklist message is updated in place, after a short lead)
            return call.method == "chat.postMessage" and call.params.get("channel") == project
        return call.method == request.key
    personal = call.method == "chat.postEphemeral" and call.params.get("user") == request.key
    return personal or (request.key == coordinator and call.method == "chat.update")


def answered(api: SlackWebApi, work: list[Request], *, coordinator: str, project: str) -> list[float | None]:
    """When each request's response reached the Web API stand-in (None: lost); a call answers one request."""
    times: list[float | None] = [None] * len(work)
    for call in api.calls:
        for i, request in enumerate(work):
            if times[i] is None and fits(call, request, coordinator=coordinator, project=project):
                times[i] = call.at
                break
    return times


def burst(
    args: argparse.Namespace, questions: list[str], data_dir: Path
) -> list[tuple[Request, float | None]]:
    with SlackWebApi() as api, bot_process(api=api, data_dir=data_dir, http=True) as (_, _, port):
        poster = SignedPoster(f"http://127.0.0.1:{port}/slack/events", SECRET)
        poster.event(mention("warm-up", user="UWARM", channel="CWARM"), event_id=unique("Ev"))
        api.wait_for("chat.postMessage", where=lambda c: c.params.get("channel") == "CWARM", timeout=60)
        coordinator, project = unique("U"), unique("C")
        posted = checklist(api, poster, channel=project, user=coordinator)
        message = {"ts": posted.response["ts"], **posted.params}
        [(action_id, value)] = [(a, v) for a, v in buttons(posted).items() if a.startswith("step_done")][:1]

        work: list[tuple[Request, Any]] = []
        for i in range(args.mentions):
            channel = unique("C")
            work.append(
                (
                    Request("mention", channel),
                    mention(questions[i % len(questions)], user=unique("U"), channel=channel),
                )
            )
        for i in range(args.commands):
            key = f"status{i}" if i % 2 else f"cmd{i}"
            body = command_payload(
                "status" if key.startswith("status") else "help",
                user=coordinator,
                channel=project,
                response_url=f"{api.url}{key}",
            )
            work.append((Request("command", key), body))
        for i in range(args.clicks):
            user = coordinator if i == 0 else unique("U")
            body = click_payload(
                user=user, channel=project, message=message, action_id=action_id, value=value
            )
            work.append((Request("click", user), body))

        start = threading.Event()
        threads = [threading.Thread(target=send, args=(poster, r, b, start)) for r, b in work]
        for thread in threads:
            thread.start()
        start.set()
        for thread in threads:
            thread.join()
        requests = [r for r, _ in work]
        deadline = time.time() + WAIT_S
        while time.time() < deadline:
            times = answered(api, requests, coordinator=coordinator, project=project)
            if all(t is not None for t in times):
                break
            time.sleep(0.5)
        return list(zip(requests, times, strict=True))


def report(args: argparse.Namespace, results: list[tuple[Request, float | None]]) -> list[str]:
    acks = [r.ack_s or 0.0 for r, _ in results]
    slow = [r for r, _ in results if r.status != 200 or (r.ack_s or 0.0) >= ACK_LIMIT_S]
    lost = [r for r, at in results if at is None]
    mentions = [(at - r.sent) * 1000 for r, at in results if r.kind == "mention" and at is not None]
    others = [(r.ack_s or 0.0) * 1000 for r, _ in results if r.kind != "mention"]
    answer, ack, other = latency(mentions), latency([a * 1000 for a in acks]), latency(others)
    command = f".venv/bin/python bench/slack_load.py --mentions {args.mentions} --commands {args.commands} --clicks {args.clicks}"
    return [
        BEGIN,
        "# Slack under load",
        "",
        f"`{command}`: {args.mentions} `app_mention` events, {args.commands} `/erasmus` commands and {args.clicks} step",
        "button clicks sent at once (one thread each) to a real `rapportlos serve slack --http` process (Bolt +",
        "waitress, SQLite, embedded Chroma, the bundled model) and the local Slack Web API stand-in, on this machine.",
        "",
        f"- every acknowledgement under 3 s with HTTP 200: **{'yes' if not slow else 'no'}** ({len(slow)} late or failed)",
        f"- lost (no answer, response or update within {WAIT_S:.0f} s): **{len(lost)}** of {len(results)}"
        + (f" ({', '.join(sorted(f'{r.kind} {r.key}' for r in lost))})" if lost else ""),
        f"- load average of the machine when the burst ended: {os.getloadavg()[0]:.1f} (2 cores, shared)",
        "",
        "| | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|",
        f"| mention → answer at the Web API | {answer['p50_ms']} | {answer['p95_ms']} | {answer['max_ms']} |",
        f"| every request → HTTP ack | {ack['p50_ms']} | {ack['p95_ms']} | {ack['max_ms']} |",
        f"| commands and clicks → HTTP ack | {other['p50_ms']} | {other['p95_ms']} | {other['max_ms']} |",
        "",
        END,
    ]


def write(lines: list[str]) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    section = "\n".join(lines)
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + section + text[text.index(END) + len(END) :]
    else:
        text = f"{text.rstrip()}\n\n{section}\n" if text else f"{section}\n"
    RESULTS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--mentions", type=int, default=40)
    parser.add_argument("--commands", type=int, default=10)
    parser.add_argument("--clicks", type=int, default=10)
    args = parser.parse_args(argv)
    questions = [q.question for q in load_questions(args.questions)]
    with tempfile.TemporaryDirectory() as tmp:
        results = burst(args, questions, Path(tmp))
    lines = report(args, results)
    write(lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
