"""The digests tyo knows bytes by: BLAKE2b of 128 bits for the caches, SHA-256 for
backups and calendars.

Taken from the modules ``hashlib`` takes them from (``_blake2``, ``_sha256`` or, from
Python 3.12, ``_sha2``): ``import hashlib`` loads OpenSSL first, ~4 ms and 3.5 MiB of a
command's memory that it never uses for these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b
if TYPE_CHECKING:
    from hashlib import sha256
else:
    try:
        from _sha256 import sha256
    except ImportError:  # pragma: no cover - Python 3.12 and later
        try:
            from _sha2 import sha256
        except ImportError:
            from hashlib import sha256

__all__ = ["digest", "sha256"]


def digest(data: bytes) -> str:
    """The digest ``data`` is known by in the caches."""
    return blake2b(data, digest_size=16).hexdigest()
