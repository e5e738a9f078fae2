"""Writing a private note in the user's editor, as ``git commit`` does.

The template is written to a file of its own in the store (``.cache/``, mode 0600: the note
is confidential, so it never goes to the shared temporary folder), the editor named by
``VISUAL`` or ``EDITOR`` (else ``vi``) opens it, and what comes back — without the lines
starting with ``#`` — is the note. The file is removed afterwards, whatever happens.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from tyonohjaus_cli.errors import StoreError, TyoError, UsageError
from tyonohjaus_cli.i18n import t
from tyonohjaus_cli.storage.files import atomic_write, remove

COMMENT = "#"


def editor_command() -> list[str]:
    """The user's editor as an argument list: ``VISUAL``, then ``EDITOR``, then ``vi``."""
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(chosen)
    except ValueError:
        raise UsageError(t("can't read the editor command {editor!r}", editor=chosen)) from None


def template(note: str, heading: str) -> str:
    """The text the editor opens: the note so far, then the explanation as comments."""
    lines = [
        heading,
        t("Write what you want to remember; it stays in your store and never reaches the client."),
        t("Lines starting with '#' are left out. An empty note leaves everything as it was."),
    ]
    return (note.rstrip() + "\n" if note.strip() else "\n") + "".join(
        f"{COMMENT} {line}\n" for line in lines
    )


def strip_comments(text: str) -> str:
    """The note in what the editor returned: comment lines out, blank edges trimmed."""
    kept = [line.rstrip() for line in text.splitlines() if not line.startswith(COMMENT)]
    return "\n".join(kept).strip()


def edit(text: str, folder: Path, name: str) -> str:
    """Open ``text`` in the user's editor and return what was saved, comments removed."""
    path = folder / name
    command = editor_command()
    try:
        atomic_write(path, text.encode())
    except OSError as error:
        raise StoreError(
            t("can't write the note's file {path}: {error}", path=path, error=error.strerror)
        ) from None
    try:
        try:
            finished = subprocess.run([*command, str(path)], check=False)
        except OSError:
            raise UsageError(
                t(
                    "can't start the editor {editor!r}: set EDITOR, or give the note with --note",
                    editor=" ".join(command),
                )
            ) from None
        if finished.returncode != 0:
            raise TyoError(
                t(
                    "the editor exited with code {code}: nothing was logged",
                    code=finished.returncode,
                )
            )
        try:
            return strip_comments(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            raise UsageError(t("the note is not UTF-8 text: nothing was logged")) from None
        except OSError as error:
            raise StoreError(
                t("can't read the note's file {path}: {error}", path=path, error=error.strerror)
            ) from None
    finally:
        remove(path)
