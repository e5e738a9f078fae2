"""`tyo doctor`'s first look (nothing found in order before): each copy of tyo reads its own
share of the files, and what it finds is what a plain loop over every file finds, to the
message, the line and the exit code."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Tyo
from tests.safety_helpers import add_process, write_private
from tyonohjaus_cli.storage import checked, doctor


def _problems(root: Path) -> list[doctor.Problem]:
    (root / ".cache" / checked.NAME).unlink(missing_ok=True)
    return doctor.examine(root).problems


def test_an_invoice_named_through_an_escaped_key_is_still_checked(
    initialised: Tyo, store_path: Path
) -> None:
    """Most documents never say ``invoice``, so their values are not walked for one; a key
    spelled with an escape still counts."""
    add_process(initialised, "ryhma", "pohde", "Aino Virtanen")
    path = store_path / "processes/ryhma.toml"
    text = path.read_text()
    assert "invoice" not in text
    assert "\\" not in text
    write_private(path, text.replace("\n[[meetings]]", '\n"\\u0069nvoice" = 1234\n[[meetings]]', 1))
    found = [(p.path, p.problem) for p in _problems(store_path)]
    assert ("processes/ryhma.toml", "refers to invoice 1234, which does not exist") in found
