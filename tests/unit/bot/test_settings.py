"""The one settings object: the decline threshold read from the environment."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.settings import Settings


def test_an_unset_or_empty_threshold_means_the_models_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAPPORTLOS_ABSTAIN_THRESHOLD", raising=False)
    assert Settings(_env_file=None).abstain_threshold is None  # type: ignore[call-arg]

    monkeypatch.setenv("RAPPORTLOS_ABSTAIN_THRESHOLD", " ")
    assert Settings(_env_file=None).abstain_threshold is None  # type: ignore[call-arg]

    monkeypatch.setenv("RAPPORTLOS_ABSTAIN_THRESHOLD", "0")
    assert Settings(_env_file=None).abstain_threshold == 0.0  # type: ignore[call-arg]


def test_a_threshold_outside_zero_to_one_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORTLOS_ABSTAIN_THRESHOLD", "35")

    with pytest.raises(ValidationError, match="abstain_threshold"):
        Settings(_env_file=None)  # type: ignore[call-arg]
