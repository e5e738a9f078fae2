"""The command line: parse arguments, call the domain and the store, render the result.

:func:`main` is the one place where errors become exit codes: a :class:`TyoError` or a
usage error from the argument parser is shown as one line on stderr, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tyonohjaus_cli.errors import TyoError
from tyonohjaus_cli.i18n import language_from_environment, set_language, t

if TYPE_CHECKING:
    import typer

_VALUED_GLOBALS = ("--store", "--lang")
_EAGER_GLOBALS = ("-h", "--help", "--version")


def _early_option(args: Sequence[str], name: str) -> str | None:
    """The value of a global option, read before the parser exists (help text needs it)."""
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and index + 1 < len(args):
            return args[index + 1]
        if arg.startswith(name + "="):
            return arg.partition("=")[2]
    return None


def _command_name(args: Sequence[str]) -> str | None:
    """The command or group named on the command line, past the global options."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _VALUED_GLOBALS:
            skip = True
        elif arg == "--" or arg in _EAGER_GLOBALS:
            return None
        elif not arg.startswith("-"):
            return arg
    return None


def _only_the_command(app: typer.Typer, args: Sequence[str]) -> typer.Typer:
    """The command tree cut down to the command (or group) that ``args`` names.

    Typer turns every registered command into a Click command, inspecting each signature,
    before it parses anything: ~12 ms for the whole tree, most of a read command's budget.
    Help, completion and an unknown name (for its "did you mean") get the whole tree.
    """
    import copy

    name = _command_name(args)
    if name is None:
        return app
    commands = [
        info
        for info in app.registered_commands
        if (info.name or getattr(info.callback, "__name__", "").replace("_", "-")) == name
    ]
    groups = [info for info in app.registered_groups if info.name == name]
    if not commands and not groups:
        return app
    pruned = copy.copy(app)
    pruned.registered_commands = commands
    pruned.registered_groups = groups
    return pruned


def _choose_language(args: Sequence[str]) -> None:
    """``--lang``, then ``TYO_LANG``, then the store's settings, then the locale."""
    chosen = _early_option(args, "--lang")
    if chosen not in ("fi", "en"):
        chosen = language_from_environment({"TYO_LANG": os.environ.get("TYO_LANG", "")})
    if chosen is None:
        from tyonohjaus_cli.cli.context import session, store_dir

        session.store_option = _early_option(args, "--store")
        try:
            if store_dir(session.store_option).joinpath("settings.toml").is_file():
                chosen = session.store.settings().language or None
        except TyoError:
            chosen = None  # the command itself will report the problem, in the locale's language
    set_language(chosen or language_from_environment(os.environ) or "en")


def main(argv: Sequence[str] | None = None) -> None:
    """Run tyo with ``argv`` (default: the process arguments) and exit with its code."""
    args = list(sys.argv[1:] if argv is None else argv)
    _choose_language(args)
    sys.exit(run(args))


def run(args: list[str]) -> int:
    """Run one command line; return its exit code."""
    from typer import Abort
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer.main import get_command

    from tyonohjaus_cli.cli.app import app

    command = get_command(_only_the_command(app, args))
    try:
        result = command.main(args=args, prog_name="tyo", standalone_mode=False)
    except TyoError as error:
        sys.stderr.write(f"tyo: {error.message}\n")
        return error.exit_code
    except NoArgsIsHelpError as error:
        # `tyo` or `tyo client` alone: the help is the answer.
        sys.stdout.write(error.format_message() + "\n")
        return 0
    except ClickException as error:
        where = error.ctx.command_path if getattr(error, "ctx", None) else "tyo"  # type: ignore[attr-defined]
        hint = t("see `{command} --help`", command=where)
        sys.stderr.write(f"{where}: {error.format_message()} ({hint})\n")
        return error.exit_code
    except (Abort, KeyboardInterrupt):
        sys.stderr.write(t("tyo: aborted; nothing was changed") + "\n")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours.
        sys.stderr.close()
        return 0
    return result if isinstance(result, int) else 0
