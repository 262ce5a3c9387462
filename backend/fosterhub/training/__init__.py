"""Training: courses, bookings on training sessions, completions and the TSD standards."""
