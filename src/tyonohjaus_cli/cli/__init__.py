"""The command line: parse arguments, call the domain and the store, render the result.

:func:`main` is the one place where errors become exit codes: a :class:`TyoError` or a
usage error from the argument parser is shown as one line on stderr, never a traceback.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from tyonohjaus_cli.errors import TyoError
from tyonohjaus_cli.i18n import language_from_environment, set_language, t, tn

if TYPE_CHECKING:
    from typer._click.exceptions import ClickException


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


def _choose_language(args: Sequence[str]) -> None:
    """``--lang``, then ``TYO_LANG``, then the store's settings, then the locale."""
    chosen = _early_option(args, "--lang")
    if chosen not in ("fi", "en"):
        chosen = language_from_environment({"TYO_LANG": os.environ.get("TYO_LANG", "")})
    if chosen is None:
        from tyonohjaus_cli.cli.context import settings_language, store_dir

        try:
            chosen = settings_language(store_dir(_early_option(args, "--store")))
        except TyoError:
            chosen = None  # the command itself will report the problem, in the locale's language
    set_language(chosen or language_from_environment(os.environ) or "en")


def _refuse_control(args: list[str]) -> None:
    """Refuse an argument holding ESC, BEL, NUL or the like: stored, they would act on
    the terminal of whoever prints them later."""
    for arg in args:
        if arg.isprintable():
            continue
        from tyonohjaus_cli.errors import UsageError
        from tyonohjaus_cli.storage.documents import has_control

        if has_control(arg):
            raise UsageError(
                t(
                    "{text} holds a control character: type text without them "
                    "(only line breaks and tabs may be in a note)",
                    text=repr(arg)[:80],
                )
            )


def main(argv: Sequence[str] | None = None) -> None:
    """Run tyo with ``argv`` (default: the process arguments) and exit with its code.

    One run is short, and reference counting frees what it drops: the cyclic garbage
    collector would only walk, again and again, the objects that exit frees anyway (the
    index of a twenty-year practice is tens of thousands). It is switched off for the run,
    and what is left is frozen so that the interpreter's final collection skips it too;
    together that is ~15 ms of a ~90 ms ``tyo agenda`` (see benchmarks/run.py).
    """
    gc.disable()
    args = list(sys.argv[1:] if argv is None else argv)
    _choose_language(args)
    code = run(args)
    gc.freeze()
    sys.exit(code)


_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)")
"""Click's "Got unexpected extra argument(s) (a b)"."""


def _usage_message(error: ClickException) -> str | None:
    """An unknown option, a value missing after one, or words left over, said anew; else
    ``None``."""
    from typer._click.exceptions import BadOptionUsage, NoSuchOption

    if isinstance(error, NoSuchOption):
        return (
            t(
                "No such option: {name} (Possible options: {options})",
                name=error.option_name,
                options=", ".join(sorted(error.possibilities)),
            )
            if error.possibilities
            else t("No such option: {name}", name=error.option_name)
        )

    if isinstance(error, BadOptionUsage) and error.message.endswith(" requires an argument."):
        return t("option {name!r} needs a value", name=error.option_name)
    if extra := _EXTRA.fullmatch(error.message):
        words = extra[1].split()
        return tn(
            "unexpected argument {words}: is a quote or an option missing?",
            "unexpected arguments {words}: is a quote or an option missing?",
            len(words),
            words=" ".join(words),
        )
    return None


def _parser_message(error: ClickException) -> str:
    """The argument parser's complaint in the interface language (its own text is English).

    The common ones are said anew from what the error carries; any other stays as it is.
    """
    from typer._click.exceptions import BadParameter, MissingParameter

    from tyonohjaus_cli.cli.help import placeholders

    if (said := _usage_message(error)) is not None:
        return said
    if isinstance(error, BadParameter):
        if isinstance(error.param_hint, str):
            hint = placeholders(error.param_hint)
        elif error.param_hint is None and error.param is not None:
            hint = placeholders(error.param.get_error_hint(error.ctx))  # type: ignore[arg-type]
        else:
            return error.format_message()
        if isinstance(error, MissingParameter):
            kind = error.param.param_type_name if error.param is not None else error.param_type
            if kind == "argument":
                return t("Missing argument {hint}.", hint=hint)
            return t("Missing option {hint}.", hint=hint)
        return t("Invalid value for {hint}: {message}", hint=hint, message=error.message)
    return error.format_message()


_GLOBAL_VALUES = ("--store", "--lang")


def _alone(args: Sequence[str]) -> bool:
    """Whether ``args`` name no command: nothing, or only ``--store DIR`` and ``--lang X``."""
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg in _GLOBAL_VALUES and rest:
            rest.pop(0)
        elif not arg.startswith(tuple(f"{name}=" for name in _GLOBAL_VALUES)):
            return False
    return True


def _pending_when_alone(args: list[str]) -> list[str]:
    """``tyo`` alone shows what is pending (``tyo today``) once there is a store; before
    that, the help."""
    if not _alone(args):
        return args
    from tyonohjaus_cli.cli.context import store_dir

    if (store_dir(_early_option(args, "--store")) / "settings.toml").is_file():
        return [*args, "today"]
    return args


def run(args: list[str]) -> int:
    """Run one command line; return its exit code.

    A billing view kept whole, a year's view and the plain calendar exports are given
    before Typer is imported (:mod:`cli.kept_answers`, :mod:`cli.plain_ics`); everything
    else goes through the command tree. Ctrl-C, wherever it lands, is one line and exit
    130 (a change cut short is rolled back: see :mod:`tyonohjaus_cli.storage.journal`)."""
    try:
        from tyonohjaus_cli.cli import kept_answers, plain_ics

        for early in (kept_answers.answer, plain_ics.answer):
            code = early(args)
            if code is not None:
                return code
        return _parsed(args)
    except KeyboardInterrupt:
        sys.stderr.write(_aborted() + "\n")
        return 130


def _aborted() -> str:
    """What Ctrl-C is told: that nothing was changed (a change cut short is rolled back),
    or which change this run had saved already."""
    from tyonohjaus_cli.cli.context import session

    saved = session.saved()
    if saved is None:
        return t("tyo: aborted; nothing was changed")
    return t("tyo: aborted; the change '{command}' was already saved", command=saved)


def _parsed(args: list[str]) -> int:
    """Run one command line through Typer's command tree; return its exit code."""
    from typer import Abort
    from typer._click.exceptions import ClickException, NoArgsIsHelpError
    from typer.main import get_command

    from tyonohjaus_cli.cli.app import app

    command = get_command(app)
    args = _pending_when_alone(args)
    try:
        _refuse_control(args)
        result = command.main(args=args, prog_name="tyo", standalone_mode=False)
    except TyoError as error:
        from tyonohjaus_cli.cli.output import printable

        sys.stderr.write(f"tyo: {printable(error.message)}\n")
        return error.exit_code
    except NoArgsIsHelpError as error:
        # `tyo` or `tyo client` alone: the help is the answer.
        sys.stdout.write(error.format_message() + "\n")
        return 0
    except ClickException as error:
        where = error.ctx.command_path if getattr(error, "ctx", None) else "tyo"  # type: ignore[attr-defined]
        hint = t("see `{command} --help`", command=where)
        sys.stderr.write(f"{where}: {_parser_message(error)} ({hint})\n")
        return error.exit_code
    except Abort:  # at a question (Ctrl-C in a command: cli.help.Group.invoke)
        sys.stderr.write(_aborted() + "\n")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours.
        sys.stderr.close()
        return 0
    return result if isinstance(result, int) else 0


def console() -> NoReturn:
    """The ``tyo`` command (and ``python -m tyonohjaus_cli``): :func:`main`, then out of the
    process without the interpreter's teardown.

    The teardown frees, module by module, every object the run made (the index alone is tens
    of thousands): ~3 ms of a ~75 ms list view that nobody waits for. Nothing is lost by
    leaving without it: tyo's own files are closed (and synced) where they are written, the
    lock goes with the process, no thread or exit hook is left, and the output is flushed
    here. An exit that is not a number, or output that can't be flushed (a reader gone,
    ``tyo process list | head -1``), leaves the usual way, as it always did.
    """
    try:
        main()
    except SystemExit as leaving:
        code = leaving.code
        if not (code is None or isinstance(code, int)):
            raise
    else:  # pragma: no cover - main() always exits
        code = 0
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None and not stream.closed:
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code or 0)
