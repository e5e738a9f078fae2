"""The one error hierarchy of tyo; each error knows its exit code.

The command line turns these into a single line on stderr and ``typer.Exit(code)`` in
exactly one place (:func:`tyonohjaus_cli.cli.main`). The message is already translated
when the error is raised, so the domain raises with English text through ``t()`` too.
"""

from __future__ import annotations


class TyoError(Exception):
    """Base of every error a user can cause; never shown as a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(TyoError):
    """Bad input on the command line: exit code 2."""

    exit_code = 2


class StoreError(TyoError):
    """The store is missing, damaged, locked or refuses a change: exit code 1."""

    exit_code = 1


class StoreFileError(StoreError):
    """A file of the store cannot be read; the message names the file and line."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        from tyonohjaus_cli.i18n import t

        super().__init__(
            t("{path}, line {line}: {problem}", path=path, line=line, problem=problem)
            if line
            else f"{path}: {problem}"
        )
        self.path = path
        self.line = line
        self.problem = problem


class NewerSchemaError(StoreFileError):
    """A file written by a newer tyo: upgrading tyo, not editing the file, is the remedy."""
