"""What every command needs: the store, the clock, and the interface language.

The store's location: ``--store DIR``, else ``TYO_HOME``, else
``platformdirs.user_data_dir("tyo")``. The clock is read here and nowhere else; ``TYO_NOW``
(an ISO date-time) fixes it, for reproducible examples and tests.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tyonohjaus_cli.errors import UsageError
from tyonohjaus_cli.i18n import t

if TYPE_CHECKING:
    from tyonohjaus_cli.storage.store import Store

# The store, the domain model and zoneinfo are imported on first use, not here: `tyo --help`
# imports this module too, and needs none of them (they are ~15 ms of a ~60 ms start).


def default_store_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("tyo", appauthor=False))


def store_dir(option: str | None) -> Path:
    """Where the store is: ``--store``, ``TYO_HOME``, or the platform's data folder."""
    chosen = option or os.environ.get("TYO_HOME")
    return Path(chosen).expanduser() if chosen else default_store_dir()


def settings_language(root: Path) -> str | None:
    """The interface language named in the store's settings, read without opening the store.

    Only for choosing the language of help and messages: the file is not validated here
    (the command itself reports a broken one) and no interrupted change is rolled back first.
    The settings index has the checked document when it is current; else the file is read.
    """
    from tyonohjaus_cli.storage.index import SETTINGS_INDEX, Index, is_document, stamp_of

    path = root / "settings.toml"
    try:
        stamp = stamp_of(path)
    except OSError:
        return None
    if stamp is None:
        return None
    doc = Index(root, SETTINGS_INDEX).cached(path.name, stamp, is_document)
    if doc is None:
        import tomllib

        from tyonohjaus_cli.storage.files import read_bytes

        try:  # bounded: a FIFO or a huge file as the settings must not hang the start
            doc = tomllib.loads(read_bytes(path).decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError, RecursionError):
            return None  # TOMLDecodeError is a ValueError
    calendar = doc.get("calendar")
    language = calendar.get("language") if isinstance(calendar, dict) else None
    return language if language in ("fi", "en") else None


def lock_timeout() -> float:
    text = os.environ.get("TYO_LOCK_TIMEOUT", "30")
    try:
        return max(0.0, float(text))
    except ValueError:
        raise UsageError(
            t("TYO_LOCK_TIMEOUT must be a number of seconds, not {text!r}", text=text)
        ) from None


def lock_notice(message: str) -> None:
    """Say on stderr, once, that a command waits for another tyo (it may wait half a minute)."""
    sys.stderr.write(f"tyo: {message}\n")
    sys.stderr.flush()


class Session:
    """One run of tyo: where its store is, opened on first use."""

    def __init__(self, store_option: str | None = None) -> None:
        self.store_option = store_option
        self._store: Store | None = None
        self._saved: str | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from tyonohjaus_cli.storage.store import Store

            self._store = Store(
                store_dir(self.store_option), lock_timeout=lock_timeout(), on_wait=lock_notice
            )
            self._store.recover_if_needed()
        return self._store

    def saved(self) -> str | None:
        """The command of the last change saved in this run, if any."""
        if self._store is not None and self._store.saved is not None:
            return self._store.saved
        return self._saved

    def mark_saved(self, command: str) -> None:
        """Say that ``command`` changed the store other than through it (an import)."""
        self._saved = command

    def reset(self) -> None:
        """Forget the store opened so far, so that the command line proper opens it anew
        (after an answer given before Typer stopped at a mistake)."""
        self._store = None
        self._saved = None

    def now(self) -> datetime:
        """The current time in the store's zone (``TYO_NOW`` fixes it)."""
        from zoneinfo import ZoneInfo

        from tyonohjaus_cli.domain.parsing import parse_datetime

        # Before `tyo init` there is no store zone yet: the default one stands in.
        zone = self.store.zone() if self.store.is_initialised() else ZoneInfo("Europe/Helsinki")
        fixed = os.environ.get("TYO_NOW")
        if fixed:
            return parse_datetime(fixed, zone)
        return datetime.now(zone)


session = Session()
"""The run's session; the root callback fills in ``store_option``."""
