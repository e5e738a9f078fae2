"""Finnish for the foundation: setup, clients, processes, meetings, errors."""

from __future__ import annotations

MESSAGES: dict[str, str] = {}
