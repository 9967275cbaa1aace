"""The federation listener's doorman: requests that fail authentication are counted here, in
memory, and never written to the database (a stranger must not be able to grow the audit log or
the rejection table); a client with too many refusals in the last minute is answered 429 before
its body is read. A summary is logged at most once a minute."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Callable

log = logging.getLogger("mekongx.federation")
WINDOW = 60.0  # seconds
MAX_CLIENTS = 10_000  # the oldest client's history is dropped beyond this


class RefusalGate:
    def __init__(
        self,
        per_minute: int = 30,
        *,
        name: str = "federation listener",
        summary_every: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_minute = per_minute
        self.name = name  # what the summary line calls the counted place
        self.summary_every = summary_every
        self._clock = clock
        self._lock = threading.Lock()
        self._recent: OrderedDict[str, deque[float]] = OrderedDict()
        self.by_reason: Counter[str] = Counter()  # since the process started
        self.limited = 0  # requests answered 429 since the process started
        self._since_summary: Counter[str] = Counter()
        self._clients_since_summary: Counter[str] = Counter()
        self._last_summary = clock()

    def blocked(self, client: str) -> bool:
        """True when ``client`` had ``per_minute`` refusals within the last minute."""
        now = self._clock()
        with self._lock:
            recent = self._recent.get(client)
            if recent is None:
                return False
            while recent and now - recent[0] > WINDOW:
                recent.popleft()
            if len(recent) < self.per_minute:
                return False
            self.limited += 1
            self._since_summary["rate-limited"] += 1
            self._clients_since_summary[client] += 1
        self._maybe_summarise(now)
        return True

    def refused(self, client: str, reason: str) -> None:
        """Count one unauthenticated request refused for ``reason``."""
        now = self._clock()
        with self._lock:
            recent = self._recent.pop(client, None) or deque(maxlen=self.per_minute)
            recent.append(now)
            self._recent[client] = recent  # most recent last
            while len(self._recent) > MAX_CLIENTS:
                self._recent.popitem(last=False)
            self.by_reason[reason] += 1
            self._since_summary[reason] += 1
            self._clients_since_summary[client] += 1
        self._maybe_summarise(now)

    def _maybe_summarise(self, now: float) -> None:
        with self._lock:
            if now - self._last_summary < self.summary_every or not self._since_summary:
                return
            reasons = ", ".join(f"{r} {n}" for r, n in self._since_summary.most_common())
            clients = ", ".join(f"{c} {n}" for c, n in self._clients_since_summary.most_common(5))
            total = sum(self._since_summary.values())
            seconds = now - self._last_summary
            self._since_summary.clear()
            self._clients_since_summary.clear()
            self._last_summary = now
        log.warning(
            "%s: %d unauthenticated requests refused in %.0f s (%s; top clients: %s)",
            self.name,
            total,
            seconds,
            reasons,
            clients,
        )

    def snapshot(self) -> dict[str, int]:
        """Refusals by reason since the process started, and the requests answered 429."""
        with self._lock:
            return {**dict(self.by_reason), "rate-limited": self.limited}
