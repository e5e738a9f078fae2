"""``tyo undo``, ``history``, ``doctor``, ``export``, ``import`` and ``forget``: your data.

The storage work is in :mod:`~tyonohjaus_cli.storage.journal`,
:mod:`~tyonohjaus_cli.storage.doctor`, :mod:`~tyonohjaus_cli.storage.archive` and
:mod:`~tyonohjaus_cli.storage.forget`; here arguments are parsed and results shown.
"""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from tyonohjaus_cli.cli import output, params
from tyonohjaus_cli.cli.context import lock_notice, lock_timeout, session, store_dir
from tyonohjaus_cli.domain.parsing import parse_id
from tyonohjaus_cli.errors import StoreError, UsageError
from tyonohjaus_cli.i18n import format_date, format_datetime, t, tn
from tyonohjaus_cli.storage import journal

if TYPE_CHECKING:
    from tyonohjaus_cli.domain.access import ParticipantData
    from tyonohjaus_cli.storage.forget import Plan

# --- undo and history ----------------------------------------------------------------------


def _when(at: str) -> str:
    try:
        return format_datetime(datetime.fromisoformat(at))
    except ValueError:
        return at


def _file_undone(change: journal.FileChange) -> str:
    if change.before is None:
        return t("removed {path}", path=change.path)
    if change.after is None:
        return t("brought back {path}", path=change.path)
    return t("restored {path} as it was", path=change.path)


def undo() -> None:
    """Undo the last change to the store; run it again to go further back.

    Every change (up to the last 200) is kept in the store's history/ folder with each
    file's text before and after. A change whose files were edited by hand since is not
    undone. `tyo forget` can't be undone.

    Example: tyo undo
    """
    store = session.store
    entry = store.undo()
    if entry is None:
        raise StoreError(t("nothing to undo: the history is empty"))
    output.say(
        t(
            "Undid change {n}: '{command}' of {when}.",
            n=entry.number,
            command=entry.command,
            when=_when(entry.at),
        )
    )
    for change in entry.changes:
        output.say("  " + _file_undone(change))


def _change_mark(change: journal.FileChange) -> str:
    if change.before is None:
        return f"+{change.path}"
    if change.after is None:
        return f"-{change.path}"
    return change.path


def history(
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", help=t("How many of the latest changes to show."), parser=params.count
        ),
    ] = 20,
    as_json: params.JsonOption = False,
    as_csv: params.CsvOption = False,
) -> None:
    """List the latest changes to the store, newest first: what `tyo undo` would undo.

    Files marked + were created by the change and - deleted.

    Example: tyo history -n 5
    """
    store = session.store
    rows = [
        {
            "number": entry.number,
            "at": _parse_at(entry.at),
            "command": entry.command,
            "files": [_change_mark(change) for change in entry.changes],
        }
        for entry in reversed(store.history(limit))
    ]
    columns = [
        output.Column("number", "#", right=True),
        output.Column("at", t("when"), format_datetime),
        output.Column("command", t("command")),
        output.Column("files", t("files"), ", ".join),
    ]
    output.emit(
        columns,
        rows,
        as_json=as_json,
        as_csv=as_csv,
        empty=t("No changes in the history yet."),
    )


def _parse_at(at: str) -> datetime | str:
    try:
        return datetime.fromisoformat(at)
    except ValueError:
        return at


# --- doctor --------------------------------------------------------------------------------


def doctor(
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help=t(
                "Repair what is safe to repair: permissions, temporary files, the cache, "
                "stale lock info, interrupted changes."
            ),
        ),
    ] = False,
    as_json: params.JsonOption = False,
) -> None:
    """Check every file of the store: that it reads, its schema version, references between
    files, permissions and leftovers of interrupted commands. Exit code 1 while problems remain.

    Example: tyo doctor --fix
    """
    from tyonohjaus_cli.storage import doctor as checks

    root = store_dir(session.store_option)
    checkup = checks.examine(root)
    done: list[str] = []
    if fix and any(problem.fixable for problem in checkup.problems):
        done = checks.repair(root, checkup, lock_timeout(), lock_notice)
        checkup = checks.examine(root)
    if as_json:
        from tyonohjaus_cli.cli import machine

        machine.print_json(
            {
                "store": str(root),
                "files": checkup.files,
                "fixed": done,
                "problems": [
                    {
                        "path": p.path,
                        "line": p.line,
                        "problem": p.problem,
                        "advice": p.advice,
                        "fixable": p.fixable,
                    }
                    for p in checkup.problems
                ],
            }
        )
    else:
        for line in done:
            output.say(t("fixed: {what}", what=line))
        for problem in checkup.problems:
            where = problem.path or str(root)
            output.say(
                t(
                    "{path}, line {line}: {problem}",
                    path=where,
                    line=problem.line,
                    problem=problem.problem,
                )
                if problem.line
                else f"{where}: {problem.problem}"
            )
            output.say("  " + t("what to do: {advice}", advice=problem.advice))
        if checkup.problems:
            fixable = sum(p.fixable for p in checkup.problems)
            output.say(
                tn(
                    "{count} problem in {root}; `tyo doctor --fix` repairs {fixable}.",
                    "{count} problems in {root}; `tyo doctor --fix` repairs {fixable}.",
                    len(checkup.problems),
                    root=root,
                    fixable=fixable,
                )
            )
        else:
            output.say(
                tn(
                    "The store at {root} is in order ({count} file read).",
                    "The store at {root} is in order ({count} files read).",
                    checkup.files,
                    root=root,
                )
            )
    if checkup.problems:
        raise typer.Exit(1)


# --- export and import ---------------------------------------------------------------------


def export(
    client: Annotated[
        str | None,
        typer.Argument(
            metavar="[CLIENT]", help=t("The client whose data to export."), show_default=False
        ),
    ] = None,
    participant: Annotated[
        str | None,
        typer.Option(
            "--participant",
            metavar="NAME",
            help=t("Export a participant's own data, by full name or e-mail."),
            show_default=False,
        ),
    ] = None,
    all_: Annotated[
        bool,
        typer.Option("--all", help=t("A backup of the whole store as one .tar.gz file.")),
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help=t("The folder for a client's or a participant's export, or the file for --all."),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export a client's or a participant's data (JSON and Markdown, for a data access
    request), or back up the whole store with --all.

    A client's export holds the client, its processes and invoices; never the session log
    or the participants' names. A participant's export holds their name and e-mail, their
    processes, meetings and own attendance, and the goals; never the notes of the session
    log or the other participants. The backup holds everything, notes too: keep it as safe
    as the store. `tyo import` restores it.

    Example: tyo export pohde -o ~/pohde-data
    Example: tyo export --participant "Aino Virtanen" -o ~/aino-data
    Example: tyo export --all -o ~/tyo-backup-2027-01-04.tar.gz
    """
    from tyonohjaus_cli.storage import archive

    if out is None:
        raise UsageError(t("say where to write with -o PATH"))
    if [client is not None, participant is not None, all_].count(True) != 1:
        raise UsageError(t("give either a client, --participant NAME or --all"))
    if participant is not None:
        _export_participant(participant, out.expanduser())
        return
    client_id = client or ""
    store = session.store
    if all_:
        try:
            now = session.now()
        except StoreError:
            now = datetime.now(UTC)  # damaged settings: a backup is all the more worth making
        names = archive.backup(store, out.expanduser(), now.isoformat(timespec="seconds"))
        output.say(
            tn(
                "Backed up {count} file to {path}.",
                "Backed up {count} files to {path}.",
                len(names),
                path=out,
            )
        )
        output.say(t("It holds the session log too: keep it as safe as the store."))
        return
    parse_id(client_id, t("client"))
    now = session.now()
    data = archive.client_data(store, client_id)
    folder = out.expanduser()
    from tyonohjaus_cli.domain.client_export import markdown

    known = store.client(client_id)  # the export is the client's: in its document language
    text = markdown(data.documents, known.name, now.date(), known.language)
    targets = archive.write_client_export(
        store.root, data, folder, text, now.isoformat(timespec="seconds")
    )
    output.say(
        tn(
            "Exported {count} document about {client} to {paths}.",
            "Exported {count} documents about {client} to {paths}.",
            len(data.documents),
            client=client_id,
            paths=", ".join(str(path) for path in targets),
        )
    )
    if data.left_out:
        output.say(
            t(
                "Not included (confidential session log): {paths}",
                paths=", ".join(data.left_out),
            )
        )


def _export_participant(query: str, folder: Path) -> None:
    from tyonohjaus_cli.storage import archive
    from tyonohjaus_cli.storage.files import check_named

    check_named(folder)  # before the store is read, as for every -o
    now = session.now()
    data = archive.participant_data(session.store, query)
    targets = archive.write_participant_export(
        session.store.root,
        data,
        folder,
        _participant_markdown(data, now),
        now.isoformat(timespec="seconds"),
    )
    output.say(
        tn(
            "Exported the data of {name} in {count} process to {paths}.",
            "Exported the data of {name} in {count} processes to {paths}.",
            len(data.processes),
            name=data.name,
            paths=", ".join(str(path) for path in targets),
        )
    )
    if data.left_out:
        output.say(
            t(
                "Not included (confidential session log): {paths}",
                paths=", ".join(data.left_out),
            )
        )


def _md(text: str) -> str:
    from tyonohjaus_cli.domain.markdown import escape

    return escape(text)


def _participant_markdown(data: ParticipantData, now: datetime) -> str:
    from tyonohjaus_cli.domain import access
    from tyonohjaus_cli.domain.enums import KIND_WORDS, MEETING_STATUS_WORDS

    def day(value: date | None) -> str:
        return format_date(value, weekday=False) if value else ""

    lines = [
        "# " + t("Data held about participant {name}", name=_md(data.name)),
        "",
        t("Exported {date} from the store of the work supervisor.", date=format_date(now.date())),
        "",
        t(
            "Included: the name and e-mail as recorded in each supervision process; of each "
            "process its title, kind, client, period and goals; of each meeting its date, its "
            "status and whether {name} was present or absent, as the supervisor recorded it.",
            name=_md(data.name),
        ),
        "",
        t(
            "Not included: the supervisor's private notes of the meetings are not part of this "
            "export; the supervisor considers them case by case. Nor are the other "
            "participants' details, invoices or prices."
        ),
    ]
    attendance = {access.PRESENT: t("present"), access.ABSENT: t("absent")}
    for process in data.processes:
        lines += ["", f"## {_md(process.title)} ({process.id})", ""]
        facts = [
            (t("name"), process.name),
            (t("e-mail"), process.email),
            (t("client"), process.client),
            (t("kind"), t(KIND_WORDS[process.kind])),
            (t("period"), f"{day(process.first)} – {day(process.last)}" if process.first else ""),
        ]
        lines += [f"- **{label}**: {_md(value)}" for label, value in facts if value]
        if process.goals:
            lines += ["", f"### {t('goals')}", ""]
            lines += [f"{n}. {_md(goal)}" for n, goal in enumerate(process.goals, start=1)]
        if process.meetings:
            lines += ["", f"### {t('meetings')}", ""]
            lines.append(f"| # | {t('date')} | {t('status')} | {t('attendance')} |")
            lines.append("|---:|---|---|---|")
            lines += [
                f"| {m.n} | {day(m.day)} | {t(MEETING_STATUS_WORDS[m.status])} | "
                f"{attendance.get(m.attendance or '', '')} |"
                for m in process.meetings
            ]
    from tyonohjaus_cli.domain.erased import shown

    return shown("\n".join(lines) + "\n")


def import_(
    archive_file: Annotated[
        Path, typer.Argument(metavar="FILE", help=t("A backup made by `tyo export --all`."))
    ],
) -> None:
    """Restore a backup made by `tyo export --all` into an empty store, file for file.

    Example: tyo --store ~/tyo-restored import ~/tyo-backup-2027-01-04.tar.gz
    """
    from tyonohjaus_cli.storage import archive

    root = store_dir(session.store_option)
    restored = archive.restore(root, archive_file.expanduser(), lock_timeout(), lock_notice)
    session.mark_saved("import")
    output.say(
        tn(
            "Restored {count} file from {path} (backup of {created}) into {root}.",
            "Restored {count} files from {path} (backup of {created}) into {root}.",
            len(restored.files),
            path=archive_file,
            created=_when(restored.created) if restored.created else "?",
            root=root,
        )
    )


# --- forget --------------------------------------------------------------------------------


def _show_plan(plan: Plan, *, participant: bool) -> None:
    intro = (
        t("Forgetting participant {who}:", who=plan.subject)
        if participant
        else t("Forgetting client {who}:", who=plan.subject)
    )
    output.say(intro)
    for rel in plan.erased:
        output.say("  " + t("erase {path}", path=rel))
    for rel in plan.redacted:
        output.say("  " + t("remove the name from {path}", path=rel))
    for kept in plan.kept:
        line = (
            t(
                "keep {path} (until {day}): {reason}",
                path=kept.path,
                day=format_date(kept.until, weekday=False),
                reason=kept.reason,
            )
            if kept.until
            else t("keep {path}: {reason}", path=kept.path, reason=kept.reason)
        )
        output.say("  " + line)
    for gone in plan.history:
        output.say(
            "  "
            + (
                t(
                    "delete history entry {number} ({when}): {command}",
                    number=gone.number,
                    when=_when(gone.at),
                    command=gone.command,
                )
                if gone.command
                else t("delete damaged history entry {path}", path=gone.path)
            )
        )
    if plan.unbilled:
        output.warn(
            tn(
                "{count} meeting held or missed is on no invoice yet ({meetings}): "
                "after this it can't be billed; `tyo billing` shows it",
                "{count} meetings held or missed are on no invoice yet ({meetings}): "
                "after this they can't be billed; `tyo billing` shows them",
                len(plan.unbilled),
                meetings=", ".join(plan.unbilled),
            )
        )


def forget(
    client: Annotated[
        str | None,
        typer.Argument(metavar="[CLIENT]", help=t("The client to forget."), show_default=False),
    ] = None,
    participant: Annotated[
        str | None,
        typer.Option(
            "--participant",
            metavar="NAME",
            help=t("Forget a participant, by full name or e-mail."),
            show_default=False,
        ),
    ] = None,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help=t("Do not ask for confirmation (for scripts)."))
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=t("Show what would be erased and kept, and stop."))
    ] = False,
) -> None:
    """Erase a client, or a participant, with their notes, for good (the right to erasure).

    Issued invoices stay for six years after the year of issue, as the Accounting Act
    requires; everything kept is listed with the reason. The history entries that hold the
    erased data are deleted too, so this can't be undone.

    Example: tyo forget pohde
    Example: tyo forget --participant "Aino Virtanen"
    """
    from tyonohjaus_cli.storage import forget as erasure

    if (client is None) == (participant is None):
        raise UsageError(t("give either a client or --participant NAME"))
    store = session.store
    now = session.now()
    today = now.date()

    def make_plan() -> erasure.Plan:
        if participant is not None:
            return erasure.plan_participant(store, participant, today)
        return erasure.plan_client(store, parse_id(client or "", t("client")), today)

    shown = make_plan()
    _show_plan(shown, participant=participant is not None)
    if dry_run:
        output.say(t("Nothing was erased (--dry-run)."))
        return
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(
                t("forget erases for good: confirm in a terminal, or pass --yes in a script")
            )
        if not typer.confirm(t("Erase this for good? It can't be undone."), default=False):
            output.say(t("Nothing was erased."))
            raise typer.Exit(1)

    def same_plan() -> erasure.Plan:
        plan = make_plan()
        if (plan.erased, plan.redacted, plan.kept, plan.history) != (
            shown.erased,
            shown.redacted,
            shown.kept,
            shown.history,
        ):
            raise StoreError(t("the store changed meanwhile; nothing was erased: run forget again"))
        return plan

    plan, dropped = erasure.forget(store, same_plan, now)
    # One sentence per count, each through tn(): "1 tiedosto", "2 tiedostoa".
    output.say(tn("Erased {count} file.", "Erased {count} files.", len(plan.erased)))
    if plan.redacted:
        output.say(
            tn(
                "Took the name out of {count} file.",
                "Took the name out of {count} files.",
                len(plan.redacted),
            )
        )
    output.say(tn("Deleted {count} history entry.", "Deleted {count} history entries.", dropped))
    if plan.kept:
        output.say(
            tn(
                "Kept {count} file, as listed above.",
                "Kept {count} files, as listed above.",
                len(plan.kept),
            )
        )
    output.say(
        t(
            "Backups and files written out before (exports, PDFs, calendar files) still hold "
            "what was erased: delete or remake them."
        )
    )
