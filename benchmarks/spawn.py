"""A small process that runs the benchmark's commands for ``run.py`` and times them.

Why not from ``run.py`` itself: a child's ``ru_maxrss`` counts the memory of the process it
was forked from until it calls exec, so children of a big parent never look smaller than it.
This launcher runs as ``python -I -S`` with nothing imported beyond ``os``, ``sys`` and ``time``
(about 8 MiB, less than any Python program), so the peak it reports is the command's own.

Protocol, on stdin and stdout: a request is one line, ``KEY=VALUE`` pairs to add to the
environment joined by ``\\x1f`` (often none), ``\\x1e``, then the argv joined by ``\\x1f``; the
answer is one line ``SECONDS MAXRSS_KIB EXIT_CODE STDOUT_LINES STDERR_BYTES`` followed by
that many bytes of the command's stderr. The command's stdout goes to a pipe, as in a script.
"""

from __future__ import annotations

import os
import sys
import time

SEPARATOR = b"\x1f"


def run(env: dict[bytes, bytes], argv: list[bytes]) -> bytes:
    out_read, out_write = os.pipe()
    err_read, err_write = os.pipe()
    started = time.perf_counter()
    pid = os.posix_spawnp(
        argv[0],
        argv,
        os.environb | env if env else os.environb,
        file_actions=[(os.POSIX_SPAWN_DUP2, out_write, 1), (os.POSIX_SPAWN_DUP2, err_write, 2)],
    )
    os.close(out_write)
    os.close(err_write)
    lines = 0
    while chunk := os.read(out_read, 1 << 16):
        lines += chunk.count(b"\n")
    errors = b""
    while chunk := os.read(err_read, 1 << 16):
        errors += chunk
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    os.close(out_read)
    os.close(err_read)
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    code = os.waitstatus_to_exitcode(status)
    return f"{elapsed!r} {rss} {code} {lines} {len(errors)}\n".encode() + errors


def main() -> None:
    for line in sys.stdin.buffer:
        pairs, _, argv = line.rstrip(b"\n").partition(b"\x1e")
        env = dict(pair.split(b"=", 1) for pair in pairs.split(SEPARATOR) if pair)
        sys.stdout.buffer.write(run(env, argv.split(SEPARATOR)))
        sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
