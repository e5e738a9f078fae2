"""Calendar exports: iCalendar import files and iTIP invitations (see :mod:`.ics`)."""
