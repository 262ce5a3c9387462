"""Recruitment events and training sessions: registrations, seats, check-in, calendars."""
