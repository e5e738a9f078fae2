"""Swedish catalogue: only what appears in documents handed to a client."""

from __future__ import annotations

MESSAGES: dict[str, str] = {}
