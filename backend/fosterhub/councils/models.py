"""Councils (the tenants), the regions that group them, and the postcode data used for routing."""

from typing import Any

from sqlalchemy import Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from fosterhub.core.db import Base, IdMixin, TimestampMixin, VersionedMixin


class Region(IdMixin, TimestampMixin, Base):
    __tablename__ = "region"

    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))

    councils: Mapped[list["Council"]] = relationship(back_populates="region", lazy="raise")


class Council(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "council"

    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    ons_la_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    region_id: Mapped[str | None] = mapped_column(ForeignKey("region.id", ondelete="SET NULL"))
    contact_email: Mapped[str | None] = mapped_column(String(320))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    brand_colour: Mapped[str] = mapped_column(String(7), default="#1d70b8")
    is_active: Mapped[bool] = mapped_column(default=True)
    # Roughly where the council is (its main office): ranks "nearest councils" for a postcode.
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # CouncilSettings as JSON; read and written only through councils.service.
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)

    region: Mapped[Region | None] = relationship(back_populates="councils", lazy="raise")


class PostcodeCoverage(IdMixin, Base):
    """A council covers an outward code (`L1`) or a sector (`L1 8`); the longest prefix wins."""

    __tablename__ = "postcode_coverage"

    council_id: Mapped[str] = mapped_column(
        ForeignKey("council.id", ondelete="CASCADE"), index=True
    )
    prefix: Mapped[str] = mapped_column(String(8), unique=True)


class Postcode(Base):
    """One live postcode from the ONS Postcode Directory: its local authority and position."""

    __tablename__ = "postcode"

    postcode: Mapped[str] = mapped_column(String(8), primary_key=True)
    ons_la_code: Mapped[str] = mapped_column(String(16))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (Index("ix_postcode_ons_la_code", "ons_la_code"),)
