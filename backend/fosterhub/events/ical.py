"""iCalendar (RFC 5545) feeds, built with `icalendar`: times in Europe/London with a VTIMEZONE."""

from collections.abc import Iterable
from datetime import timedelta

from icalendar import Calendar
from icalendar import Event as VEvent

from fosterhub.config import Settings
from fosterhub.core.db import utcnow
from fosterhub.events import service
from fosterhub.events.models import Event, Registration
from fosterhub.events.schemas import LONDON, TIME_ZONE

MEDIA_TYPE = "text/calendar; charset=utf-8"
PRODID = "-//Foster Hub//Events//EN"


def _vevent(settings: Settings, event: Event, *, cancelled: bool, tentative: bool) -> VEvent:
    item = VEvent()
    item.add("uid", f"{event.id}@fosterhub")
    item.add("dtstamp", utcnow())
    item.add("last-modified", event.updated_at)
    item.add("created", event.created_at)
    # SEQUENCE tells calendar apps that a changed event replaces the copy they hold.
    item.add("sequence", event.version)
    item.add("dtstart", event.starts_at.astimezone(LONDON))
    item.add("dtend", event.ends_at.astimezone(LONDON))
    item.add("summary", event.title)
    description = [event.description or ""]
    if event.partner_organisation:
        description.append(f"With {event.partner_organisation}.")
    description.append(service.event_url(settings, event))
    item.add("description", "\n\n".join(d for d in description if d))
    if event.venue_name:
        item.add(
            "location",
            ", ".join(
                p for p in (event.venue_name, event.venue_address, event.venue_postcode) if p
            ),
        )
    elif event.online_url:
        item.add("location", "Online")
    item.add("url", service.event_url(settings, event))
    status = "CANCELLED" if cancelled else "TENTATIVE" if tentative else "CONFIRMED"
    item.add("status", status)
    return item


def _calendar(name: str, items: list[VEvent], events: list[Event]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIME_ZONE)
    for item in items:
        calendar.add_component(item)
    if events:
        first = min(e.starts_at for e in events).astimezone(LONDON).date() - timedelta(days=1)
        last = max(e.ends_at for e in events).astimezone(LONDON).date() + timedelta(days=366)
        # Only the transitions the feed needs, so the VTIMEZONE stays a few lines long.
        calendar.add_missing_timezones(first_date=first, last_date=last)
    data: bytes = calendar.to_ical()
    return data


def council_calendar(settings: Settings, council_name: str, events: Iterable[Event]) -> bytes:
    listed = list(events)
    items = [
        _vevent(settings, e, cancelled=e.status == "cancelled", tentative=False) for e in listed
    ]
    return _calendar(f"{council_name}: fostering events", items, listed)


def personal_calendar(settings: Settings, bookings: Iterable[tuple[Registration, Event]]) -> bytes:
    listed = list(bookings)
    items = [
        _vevent(
            settings,
            event,
            cancelled=event.status == "cancelled" or registration.status == "cancelled",
            tentative=registration.status == "waitlisted",
        )
        for registration, event in listed
    ]
    return _calendar("My fostering events and training", items, [e for _, e in listed])
