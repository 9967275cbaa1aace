"""Failed logins of names that are no user, counted in memory like a real account's.

Without this, only real accounts ever answered "locked" (423), so a few wrong passwords told an
attacker which user names exist. A name that is no user is "locked" after the same number of
failures for the same time; nothing is written to the database for it (a stranger must not grow
it). Counts live in the process: with several web workers each keeps its own.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from mekongx.settings import Settings

MAX_NAMES = 10_000  # the oldest names are forgotten beyond this


class Phantoms:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._names: OrderedDict[str, tuple[int, float]] = OrderedDict()  # failures, locked until

    def locked(self, name: str) -> bool:
        with self._lock:
            found = self._names.get(name)
            return found is not None and found[1] > self._clock()

    def failed(self, name: str, settings: Settings) -> bool:
        """Count a failure; True when it locks the name (as a real account's would)."""
        now = self._clock()
        with self._lock:
            count, until = self._names.pop(name, (0, 0.0))
            count += 1  # like a real account: after a lock runs out, the next failure locks
            locking = count >= settings.lockout_attempts
            if locking:
                until = now + settings.lockout_minutes * 60
            self._names[name] = (count, until)
            while len(self._names) > MAX_NAMES:
                self._names.popitem(last=False)
        return locking

    def clear(self) -> None:
        with self._lock:
            self._names.clear()


PHANTOMS = Phantoms()
