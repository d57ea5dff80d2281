"""One process per database: an exclusive lock on a pid file beside it.

Two processes scraping into one database and draining one outbox would send every alert twice,
so whatever scrapes or sends (the daemon, ``run --once``, ``backfill``) holds this lock first.
The lock is ``flock(2)`` on ``<database stem>.pid``: the kernel drops it when its holder dies, so
a stale lock from a crashed or killed process is simply taken over. The file says who holds it
(pid, since when) and which database it last served, which is how a deleted or replaced
database is noticed at the next start. It is named after the database's stem ("metalert.pid"
beside "metalert.db"), so that ``rm metalert.db*`` leaves it, and the evidence, in place.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.errors import BotError

POLL_SECONDS = 0.2  # how often a waiting process tries the lock again


@dataclass(frozen=True, slots=True)
class Holder:
    """What the pid file says about the process that holds, or last held, the lock."""

    pid: int | None
    since: datetime | None
    database_id: str | None

    def describe(self) -> str:
        since = self.since.strftime("%Y-%m-%d %H:%M:%S UTC") if self.since else "an unknown time"
        pid = self.pid if self.pid is not None else "unknown"
        return f"pid {pid}, since {since}"


class LockHeldError(BotError):
    """Another process scrapes and sends with this database (exit 2)."""

    def __init__(self, database: Path, holder: Holder) -> None:
        self.holder = holder
        super().__init__(
            f"{database}: in use by another metalert ({holder.describe()}); only one process"
            " may scrape and send per database"
        )


def pid_file_for(database: Path) -> Path:
    return database.with_name(f"{database.stem}.pid")


def _read(handle: int) -> Holder:
    os.lseek(handle, 0, os.SEEK_SET)
    raw = os.read(handle, 4096)
    try:
        data = json.loads(raw.decode("utf-8"))
        since = data.get("since")
        return Holder(
            pid=int(data["pid"]) if data.get("pid") is not None else None,
            since=datetime.fromisoformat(since) if since else None,
            database_id=data.get("database_id"),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return Holder(pid=None, since=None, database_id=None)


def running_holder(database: Path) -> Holder | None:
    """The process that holds the database's lock now, or None when none does.

    A shared lock taken and dropped at once tells: it is refused only while a process holds
    the exclusive one.
    """
    try:
        handle = os.open(pid_file_for(database), os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read(handle)
        fcntl.flock(handle, fcntl.LOCK_UN)
        return None
    finally:
        os.close(handle)


class DatabaseLock:
    """``with DatabaseLock(path).acquire(wait=60):`` ... released on exit or at process death."""

    def __init__(self, database: Path, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.database = database
        self.path = pid_file_for(database)
        self._clock = clock
        self._handle: int | None = None
        self.previous: Holder | None = None  # what the file said before this process took it

    def acquire(self, *, wait: float = 0.0, sleep: Callable[[float], None] = time.sleep) -> None:
        """Take the lock, waiting up to ``wait`` seconds for its holder to finish.

        Raises LockHeldError naming the holder when it is still held after that.
        """
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = self._clock() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if self._clock() >= deadline:
                    holder = _read(handle)
                    os.close(handle)
                    raise LockHeldError(self.database, holder) from None
                sleep(POLL_SECONDS)
        self._handle = handle
        self.previous = _read(handle)
        if self.previous.pid is None and self.previous.database_id is None:
            self.previous = None  # a new file: nobody ran here before
        self._write(database_id=self.previous.database_id if self.previous else None)

    def record(self, database_id: str) -> None:
        """Remember which database this process serves, for the next start to compare."""
        self._write(database_id=database_id)

    def _write(self, *, database_id: str | None) -> None:
        assert self._handle is not None
        data = {
            "pid": os.getpid(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
            "database_id": database_id,
        }
        os.ftruncate(self._handle, 0)
        os.lseek(self._handle, 0, os.SEEK_SET)
        os.write(self._handle, (json.dumps(data) + "\n").encode("utf-8"))
        os.fsync(self._handle)

    def release(self) -> None:
        if self._handle is None:
            return
        # The file stays: the database's identity in it outlives this process.
        fcntl.flock(self._handle, fcntl.LOCK_UN)
        os.close(self._handle)
        self._handle = None

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
