"""The digests tyo computes are hashlib's, without loading OpenSSL (3.5 MiB of memory)."""

from __future__ import annotations

import hashlib
import subprocess
import sys

from tyonohjaus_cli import digests


def test_the_digests_are_hashlibs() -> None:
    for data in (b"", b"tyo", bytes(range(256)) * 40):
        assert digests.digest(data) == hashlib.blake2b(data, digest_size=16).hexdigest()
        assert digests.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()


def test_the_modules_that_digest_do_not_load_openssl() -> None:
    modules = (
        "tyonohjaus_cli.storage.doctor",
        "tyonohjaus_cli.storage.archive",
        "tyonohjaus_cli.storage.packed",
        "tyonohjaus_cli.storage.vdir",
        "tyonohjaus_cli.storage.parts",
        "tyonohjaus_cli.domain.calendar_changes",
        "tyonohjaus_cli.calendar.ics",
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "from tyonohjaus_cli import digests\n"
        "digests.digest(b'x'); digests.sha256(b'x').hexdigest()\n"
        "print('_hashlib' in sys.modules)\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"
