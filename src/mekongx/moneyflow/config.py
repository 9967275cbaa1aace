"""The detectors' parameters: one object, with the defaults a case officer starts from."""

from __future__ import annotations

from dataclasses import dataclass

HOUR = 3600
DAY = 86400


@dataclass(frozen=True)
class DetectorConfig:
    #: Novel counterparties within this gap belong to one burst (fan-in/out, hubs, bipartite).
    burst_gap: int = 2 * DAY
    #: Fewest distinct new counterparties of a fan-in or fan-out.
    fan_min: int = 4
    #: Fewest distinct intermediaries between one source and one sink (scatter-gather).
    scatter_min: int = 3
    #: Fewest distinct senders and receivers of a gather-scatter hub.
    hub_min: int = 3
    #: Per hop, the forwarded amount lies in [retention * received, received].
    retention: float = 0.8
    #: Longest wait between receiving and forwarding within a layering path or 2-hop pattern.
    hop_window: int = 3 * DAY
    #: Longest path searched (hops) for cycles and layering chains; chains need this many hops.
    max_hops: int = 6
    chain_min_hops: int = 3
    #: Smallest amount (base currency) that starts a path or a pass-through.
    min_amount: float = 1000.0
    #: Targets with more new senders than this over the whole file are treated as hubs (shops,
    #: payroll) and left out of the bipartite search, which would otherwise pair their customers.
    hub_cap: int = 50
    #: Rapid pass-through: forwarded within this many seconds, keeping at most 1 - retention.
    pass_window: int = 24 * HOUR
    pass_min_events: int = 2
    #: ... and at least this share of everything the account received passed on that way: a
    #: pass-through account keeps little (FATF's "funds moved out rapidly"); a shop or a firm
    #: that forwards a part of its takings to suppliers does not.
    pass_min_share: float = 0.5
    #: Structuring: amounts in [band * threshold, threshold), bursts separated by this gap.
    structuring_band: float = 0.8
    structuring_gap: int = 4 * DAY
    structuring_min_events: int = 3
    #: Cash couriers: a cash withdrawal in one country matched by a deposit in another within
    #: this time, of at least ``courier_retention`` of the amount; pairs seen this often.
    courier_window: int = 3 * DAY
    courier_retention: float = 0.85
    courier_min_events: int = 2
    #: Alerts scoring below this are not reported (scores are on [0, 1]; see each explanation).
    min_score: float = 0.6
