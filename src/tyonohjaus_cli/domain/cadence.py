"""A process's cadence: how its meetings follow each other (``10x4w``, ``3x1w,6x3w``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from tyonohjaus_cli.domain.parsing import parse_interval
from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t, tn


@dataclass(frozen=True)
class CadenceStep:
    """``count`` meetings, each ``interval`` after the one before."""

    count: int
    interval: timedelta


@dataclass(frozen=True)
class Cadence:
    """How meetings follow each other: one or more steps, in order."""

    steps: tuple[CadenceStep, ...]

    @property
    def count(self) -> int:
        return sum(step.count for step in self.steps)

    def __str__(self) -> str:
        return format_cadence(self.steps)


_STEP = r"(\d+)\s*x\s*(\S+)"
MAX_MEETINGS = 200


def parse_cadence(text: str) -> Cadence:
    """``3x1w,6x3w``: three weekly meetings, then six every three weeks."""
    steps: list[CadenceStep] = []
    for part in text.split(","):
        match = re.fullmatch(_STEP, part.strip().lower())
        if not match or int(match[1]) < 1:
            raise UsageError(
                t(
                    "{text!r} is not a cadence (expected e.g. 3x1w,6x3w: count x interval, ...)",
                    text=text,
                )
            )
        steps.append(CadenceStep(int(match[1]), parse_interval(match[2])))
    return check_cadence(Cadence(tuple(steps)))


def check_cadence(cadence: Cadence) -> Cadence:
    """A process has 1 to :data:`MAX_MEETINGS` meetings."""
    if not 1 <= cadence.count <= MAX_MEETINGS:
        raise UsageError(
            tn(
                "a process has 1 to {count} meeting, not {given}",
                "a process has 1 to {count} meetings, not {given}",
                MAX_MEETINGS,
                given=cadence.count,
            )
        )
    return cadence


def format_cadence(steps: tuple[CadenceStep, ...]) -> str:
    """The inverse of :func:`parse_cadence`, e.g. ``10x4w``."""

    def interval(delta: timedelta) -> str:
        return f"{delta.days // 7}w" if delta.days % 7 == 0 else f"{delta.days}d"

    return ",".join(f"{step.count}x{interval(step.interval)}" for step in steps)
