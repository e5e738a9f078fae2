"""Allow ``python -m tyonohjaus_cli``."""

from __future__ import annotations

from tyonohjaus_cli.cli import console

console()
