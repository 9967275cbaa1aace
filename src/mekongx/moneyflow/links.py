"""The shortest chain of accounts between two accounts: what a link chart draws when an
investigator asks how two accounts are connected.

Fewest hops (a breadth-first search), not least money or least time: a chain of three transfers
is what a court schedule and an analyst's chart both show, whatever the amounts. Following the
money (``directed``) only walks transfers from payer to payee; ignoring direction also finds two
accounts that both paid, or were both paid by, a third. Neighbours are visited in sorted order,
so the same transactions always give the same path.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable


def shortest_path(
    pairs: Iterable[tuple[str, str]], source: str, target: str, *, directed: bool = True
) -> list[str] | None:
    """The accounts from ``source`` to ``target`` (both included) along the fewest transfers
    ``(payer, payee)``, or ``None`` when no chain connects them."""
    following: dict[str, set[str]] = {}
    for payer, payee in pairs:
        if payer == payee:
            continue
        following.setdefault(payer, set()).add(payee)
        if not directed:
            following.setdefault(payee, set()).add(payer)
    if source == target:
        return [source]
    came_from: dict[str, str] = {source: source}
    queue = deque([source])
    while queue:
        account = queue.popleft()
        for step in sorted(following.get(account, ())):
            if step in came_from:
                continue
            came_from[step] = account
            if step == target:
                path = [target]
                while path[-1] != source:
                    path.append(came_from[path[-1]])
                return path[::-1]
            queue.append(step)
    return None
