"""Wastewater monitoring: treatment plants (sites), laboratories, campaigns, samples, results.

A campaign is the shareable record (provenance, distribution and handling code come from
:class:`~mekongx.model.record.SharedRecord`); sites and laboratories are reference rows owned by
an agency and travel with the campaigns that use them. A result below the limit of
quantification is stored as censored with its LOQ and no concentration: the node never invents
a number for it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from mekongx.model.base import Base, utcnow
from mekongx.model.record import SharedRecord, new_uid
from mekongx.model.texts import Translated, WrittenOnce

SEWER_TYPES = ("combined", "separate", "mixed", "unknown")
# how a site's population figure was obtained; the hydrochemical markers name their constant
POPULATION_METHODS = ("census", "served", "design", "mobile", "BOD5", "COD", "TN", "NH4N", "TP")
MARKERS = ("BOD5", "COD", "TN", "NH4N", "TP")
REFERENCES = ("census", "mobile")
# the columns ``authz.visibility_clause`` reads of a shared record
VISIBILITY = ("origin_agency", "distribution", "sharing_group", "uid")


class WbeSite(Translated, Base):
    """A wastewater treatment plant (its catchment is what a campaign measures)."""

    __tablename__ = "wbe_sites"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    code: Mapped[str] = mapped_column(String(32))
    plant: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(2))
    latitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    longitude: Mapped[float | None] = mapped_column(Float, nullable=True)
    population_served: Mapped[int] = mapped_column(Integer)
    sewer_type: Mapped[str] = mapped_column(String(16), default="unknown")
    population_method: Mapped[str] = mapped_column(
        String(16), default="census", server_default="census"
    )
    origin_agency: Mapped[str] = mapped_column(
        ForeignKey("agencies.code", ondelete="RESTRICT"), index=True
    )
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WbeCalibration(Base):
    """A population marker's per-capita load measured for one site against a reference count
    (census or mobile-phone), with who calibrated it and from which data (``source``)."""

    __tablename__ = "wbe_calibrations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    site_id: Mapped[int] = mapped_column(ForeignKey("wbe_sites.id", ondelete="CASCADE"), index=True)
    marker: Mapped[str] = mapped_column(String(8))
    per_capita_g_d: Mapped[float] = mapped_column(Float)
    reference: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(500))
    days: Mapped[int] = mapped_column(Integer)
    rsd: Mapped[float] = mapped_column(Float)
    origin_agency: Mapped[str] = mapped_column(
        ForeignKey("agencies.code", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WbeLab(Base):
    """The laboratory that analysed a campaign's samples."""

    __tablename__ = "wbe_labs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(120), default="")
    country: Mapped[str] = mapped_column(String(2))
    accreditation: Mapped[str] = mapped_column(String(200), default="")
    origin_agency: Mapped[str] = mapped_column(
        ForeignKey("agencies.code", ondelete="RESTRICT"), index=True
    )
    received: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class WbeCampaign(WrittenOnce, SharedRecord, Base):
    """A monitoring campaign: one site, one period, one laboratory, one parameter set."""

    __tablename__ = "wbe_campaigns"
    # A site's campaigns, read from the site's end of an index whatever the node holds, and
    # decided visible from the index alone (``authz.visibility_clause``'s columns in it, no
    # read of the row): the latest period first (a site's page, its newest 1,000 for the trend
    # and the analytes: keyset on period_start, id) and the newest first (the list's total,
    # ``authz.listing.count_of``). The second also serves the foreign key.
    __table_args__ = (
        Index("ix_wbe_campaigns_site_period", "site_id", "period_start", "id", *VISIBILITY),
        Index("ix_wbe_campaigns_site_newest", "site_id", "id", *VISIBILITY),
    )

    title: Mapped[str] = mapped_column(String(300))
    site_id: Mapped[int] = mapped_column(ForeignKey("wbe_sites.id", ondelete="RESTRICT"))
    lab_id: Mapped[int | None] = mapped_column(
        ForeignKey("wbe_labs.id", ondelete="RESTRICT"), nullable=True
    )
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    parameter_set: Mapped[str] = mapped_column(String(120))  # label id@version
    notes: Mapped[str] = mapped_column(Text, default="")


class WbeSample(Base):
    """One 24-hour composite sample of a campaign (one per day)."""

    __tablename__ = "wbe_samples"
    __table_args__ = (UniqueConstraint("campaign_id", "sample_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[int] = mapped_column(
        ForeignKey("wbe_campaigns.id", ondelete="CASCADE"), index=True
    )
    sample_date: Mapped[date] = mapped_column(Date)
    flow_m3_d: Mapped[float] = mapped_column(Float)
    population: Mapped[int] = mapped_column(Integer)
    sampling_mode: Mapped[str] = mapped_column(String(8), default="flow")


class WbeMeasurement(Base):
    """One analyte in one sample: a concentration (ng/L), or censored below its LOQ."""

    __tablename__ = "wbe_measurements"
    __table_args__ = (
        UniqueConstraint("sample_id", "analyte"),
        CheckConstraint(
            "(censored AND loq_ng_l IS NOT NULL AND concentration_ng_l IS NULL) OR "
            "(NOT censored AND concentration_ng_l IS NOT NULL)",
            name="censored_has_loq",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sample_id: Mapped[int] = mapped_column(
        ForeignKey("wbe_samples.id", ondelete="CASCADE"), index=True
    )
    analyte: Mapped[str] = mapped_column(String(16))
    concentration_ng_l: Mapped[float | None] = mapped_column(Float, nullable=True)
    censored: Mapped[bool] = mapped_column(Boolean, default=False)
    loq_ng_l: Mapped[float | None] = mapped_column(Float, nullable=True)
