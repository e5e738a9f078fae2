"""tyo: a command-line practice tool for work supervisors (työnohjaajat) in Finland."""

from __future__ import annotations

__version__ = "0.1.0"
