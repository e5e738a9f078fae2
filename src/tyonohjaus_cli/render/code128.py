"""Code 128 bars for the bank barcode, from python-barcode's encoder.

The Finnish bank barcode is Code 128 in code set C (digit pairs): python-barcode picks
set C for an even run of digits and adds the checksum and the stop pattern.
"""

from __future__ import annotations

MODULES_PER_SYMBOL = 11


def code128_modules(digits: str) -> str:
    """The bar pattern as ``1`` (bar) and ``0`` (space) modules, quiet zones excluded."""
    from barcode.codex import Code128  # type: ignore[import-untyped]

    if not digits.isascii() or not digits.isdigit() or len(digits) % 2:
        raise ValueError(f"code set C takes an even number of digits, not {digits!r}")
    modules: str = Code128(digits).build()[0]
    return modules


def bars(modules: str) -> list[tuple[int, int]]:
    """Runs of bars as (first module, width in modules), for drawing rectangles."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for index, module in enumerate(f"{modules}0"):
        if module == "1" and start is None:
            start = index
        elif module == "0" and start is not None:
            runs.append((start, index - start))
            start = None
    return runs
