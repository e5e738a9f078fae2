"""The digest the caches know bytes by: BLAKE2b, 128 bits, in hex.

Taken from ``_blake2``, the module ``hashlib`` takes it from: ``import hashlib`` loads
OpenSSL first, ~4 ms and 3.5 MiB that a command which only compares digests never uses.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b


def digest(data: bytes) -> str:
    """The digest ``data`` is known by."""
    return blake2b(data, digest_size=16).hexdigest()
