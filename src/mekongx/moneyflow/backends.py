"""Where the detectors run: DuckDB embedded (the default) or Apache Spark.

Both run the same SQL over the same normalised Parquet file; the detectors use only what the two
dialects share (joins, window functions, ``GROUP BY``, ``CASE``) and return flat rows, which the
engine assembles into alerts in Python. So the engine is chosen by a setting and the alerts are
the same. Spark runs in local mode unless ``MEKONGX_SPARK_MASTER`` (or ``master=``) names a
cluster, e.g. ``spark://host:7077`` or ``yarn``; the Parquet file must then be on storage every
executor can read (HDFS, S3 or a shared mount: pass its URI as the dataset path).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from mekongx.moneyflow.errors import MoneyflowError


class Backend(Protocol):
    name: str

    def table(self, name: str, sql: str) -> None:
        """Materialise ``sql`` as the table ``name`` for later statements."""

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        """Run ``sql`` and fetch its rows."""

    def close(self) -> None: ...


class DuckDBBackend:
    name = "duckdb"

    def __init__(
        self, dataset: Path, *, memory_limit: str = "4GB", threads: int | None = None
    ) -> None:
        import duckdb

        spill = dataset.parent / "spill"
        self.con = duckdb.connect(
            config={"memory_limit": memory_limit, "temp_directory": str(spill)}
        )
        self.con.execute("SET TimeZone = 'UTC'")
        if threads:
            self.con.execute(f"SET threads = {int(threads)}")
        path = str(dataset).replace("'", "''")
        self.con.execute(f"CREATE TEMP TABLE tx AS SELECT * FROM read_parquet('{path}')")

    def table(self, name: str, sql: str) -> None:
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.con.execute(sql).fetchall()]

    def close(self) -> None:
        self.con.close()


class SparkBackend:
    name = "spark"

    def __init__(
        self, dataset: Path | str, *, master: str | None = None, session: Any = None
    ) -> None:
        if session is None:
            session = spark_session(master)
        self.spark = session
        self._cached: list[Any] = []
        frame = self.spark.read.parquet(str(dataset))
        self._register("tx", frame)

    def _register(self, name: str, frame: Any) -> None:
        frame = frame.localCheckpoint(eager=True)
        frame.createOrReplaceTempView(name)
        self._cached.append(frame)

    def table(self, name: str, sql: str) -> None:
        self._register(name, self.spark.sql(sql))

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.spark.sql(sql).collect()]

    def close(self) -> None:
        for frame in self._cached:
            frame.unpersist()
        self._cached.clear()


_SESSION: Any = None


def spark_session(master: str | None = None) -> Any:
    """One Spark session per process (starting one costs seconds), UTC, small shuffles."""
    global _SESSION
    if _SESSION is not None:
        return _SESSION
    try:
        from pyspark.sql import SparkSession
    except ImportError as error:
        raise MoneyflowError("engine.spark_missing", problem=str(error)) from None
    master = master or os.environ.get("MEKONGX_SPARK_MASTER", "local[2]")
    try:
        builder: Any = SparkSession.builder
        _SESSION = (
            builder.master(master)
            .appName("mekongx-moneyflow")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", os.environ.get("MEKONGX_SPARK_PARTITIONS", "8"))
            .config("spark.sql.ansi.enabled", "false")
            .getOrCreate()
        )
        _SESSION.sparkContext.setLogLevel("ERROR")
    except Exception as error:  # the JVM failing to start shows as several error types
        raise MoneyflowError(
            "engine.spark_missing", problem=str(error).splitlines()[0][:200]
        ) from None
    return _SESSION


def open_backend(engine: str, dataset: Path, **options: Any) -> Backend:
    if engine == "duckdb":
        return DuckDBBackend(dataset, **options)
    if engine == "spark":
        return SparkBackend(dataset, **options)
    raise MoneyflowError("engine.unknown", engine=engine)


def in_list(values: Sequence[str]) -> str:
    """A SQL ``IN (...)`` list of string literals (both dialects)."""
    return "(" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + ")"
