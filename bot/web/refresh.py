"""After a tick on the partner page: refresh the run's posted checklists on every chat platform."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

_log = logging.getLogger(__name__)


class ChecklistRefresher(Protocol):
    """Updates the posted copies of a run's checklist on one platform."""

    def refresh(self, run_id: int) -> None:
        """Update every copy of the run's checklist on the platform."""
        ...


class EveryPlatform:
    """Refreshes on each configured platform in turn; one platform failing does not stop the next."""

    def __init__(self, refreshers: Sequence[ChecklistRefresher]) -> None:
        """Refresh through ``refreshers`` (Slack, Teams)."""
        self._refreshers = tuple(refreshers)

    def refresh(self, run_id: int) -> None:
        """Refresh everywhere."""
        for refresher in self._refreshers:
            try:
                refresher.refresh(run_id)
            except Exception:  # a platform outage must not fail the partner's tick, which is already stored
                _log.exception("could not refresh run %s through %s", run_id, type(refresher).__name__)
