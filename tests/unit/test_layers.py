"""Layers point one way: storage, knowledge, workflows and core never import bot; knowledge, workflows and core
never import Slack or Teams code; core imports nothing of the project but itself."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CHAT_SDKS = ("slack_bolt", "slack_sdk", "microsoft_agents", "bot.slack", "bot.teams")


def imported_modules(package: str) -> Iterator[tuple[str, str]]:
    """``(file, imported module)`` for every import in a package, also those inside functions."""
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield str(path.relative_to(ROOT)), alias.name
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield str(path.relative_to(ROOT)), node.module


def offending(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{file}: {module}"
        for file, module in imported_modules(package)
        if any(module == name or module.startswith(f"{name}.") for name in forbidden)
    ]


@pytest.mark.parametrize("package", ["storage", "knowledge", "workflows", "core"])
def test_lower_layers_never_import_the_bot(package: str) -> None:
    assert offending(package, ("bot",)) == []


@pytest.mark.parametrize("package", ["knowledge", "workflows", "core"])
def test_knowledge_and_workflows_never_import_slack_or_teams_code(package: str) -> None:
    assert offending(package, CHAT_SDKS) == []


def test_core_stands_alone() -> None:
    assert offending("core", ("bot", "storage", "knowledge", "workflows")) == []


def test_adapters_do_not_wire_the_application() -> None:
    assert offending("bot/slack", ("bot.cli",)) == [] and offending("bot/teams", ("bot.cli",)) == []


def test_the_guard_sees_imports_inside_functions() -> None:
    assert ("bot/cli/serve.py", "bot.cli.wiring") in set(imported_modules("bot/cli"))
