"""The money-flow engine: laundering typologies and proceeds tracing over transaction files.

A pure library (no web, no node, no node database): it reads CSV, xlsx, Parquet or goAML XML
into one checked Parquet file (:func:`load`), runs the detectors on DuckDB (embedded, default)
or Apache Spark with the same SQL (:func:`detect`), and traces proceeds forward or backward
with FIFO, LIFO, LIBR, pro-rata or poison (:func:`trace`).
"""

from mekongx.moneyflow.config import DetectorConfig
from mekongx.moneyflow.detect import detect
from mekongx.moneyflow.errors import MoneyflowError
from mekongx.moneyflow.loader import ColumnMapping, load, read_fx, read_mapping
from mekongx.moneyflow.messages import LANGUAGES, render
from mekongx.moneyflow.model import CHANNELS, FIELDS, TYPOLOGIES, Alert, Dataset, Rejection
from mekongx.moneyflow.rules import Threshold, load_rules

__all__ = [
    "CHANNELS",
    "FIELDS",
    "LANGUAGES",
    "TYPOLOGIES",
    "Alert",
    "ColumnMapping",
    "Dataset",
    "DetectorConfig",
    "MoneyflowError",
    "Rejection",
    "Threshold",
    "detect",
    "load",
    "load_rules",
    "read_fx",
    "read_mapping",
    "render",
]
