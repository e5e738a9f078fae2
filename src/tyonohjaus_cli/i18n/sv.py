"""Swedish catalogue: only what appears in documents handed to a client."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # Calendar exports (tyo ics)
    "Work supervision: {title}": "Arbetshandledning: {title}",
    "Participant {n}": "Deltagare {n}",
    "By phone": "Per telefon",
    "This meeting is cancelled.": "Den här träffen är inställd.",
    "Meeting {n} of {count}": "Träff {n} av {count}",
    "Moved from {time}.": "Flyttad från {time}.",
    "Place: {place}": "Plats: {place}",
    "Online: {link}": "Distansmöte: {link}",
    "Participants: {names}": "Deltagare: {names}",
    "Supervisor: {contact}": "Arbetshandledare: {contact}",
    "Co-supervisor: {name}": "Medhandledare: {name}",
    "Please cancel at least {hours} hours before the start.": "Eventuella avbokningar senast {hours} timmar före start.",
    "Invitation: {summary}, {when}": "Inbjudan: {summary}, {when}",
    "Cancelled: {summary}, {when}": "Inställd: {summary}, {when}",
}
