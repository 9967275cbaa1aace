"""The campaign estimates and comparison draws, kept in this process once computed.

A campaign's Monte Carlo is a pure function of its stored samples, its identity (campaign, site,
population method, country), the parameter set, the number of draws and the seed; each page of
a campaign and every comparison recomputed it (seconds under load). The memo keys a result by
those inputs themselves, so there is nothing to invalidate: imported results change the samples,
hence the key, and the next request computes afresh; a marker calibration changes only the
warnings, which are not kept here (the service reads them on every request). Kept in memory,
per process, bounded (least recently used first out): every web process fills its own after
its first requests; a table would have to store numpy draws, follow every import, restore and
migration, and would be one more copy of data the samples already define.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from mekongx.wastewater import ParameterSet

T = TypeVar("T")


class Memo(Generic[T]):
    """A bounded, thread-safe memo of pure computations keyed by their inputs."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.hits = self.misses = 0
        self._data: OrderedDict[Hashable, tuple[object, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, keep: object, compute: Callable[[], T]) -> T:
        """The value for ``key``, computed once. ``keep`` is an object the key names by its
        identity (a parameter set): held beside the value, so that its id is not reused."""
        with self._lock:
            found = self._data.get(key)
            if found is not None and found[0] is keep:
                self._data.move_to_end(key)
                self.hits += 1
                return found[1]
            self.misses += 1
        value = compute()  # outside the lock: two threads may compute the same key once each
        with self._lock:
            self._data[key] = (keep, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = 0


def params_key(params: ParameterSet) -> tuple[str, int]:
    """A parameter set in a key: its label and the object itself (built-in sets are loaded
    once per process; a set built by hand with the same label is another key)."""
    return params.label, id(params)
