"""How the sources are doing: HTTP validators, listing and source health, backfill progress."""

from __future__ import annotations

from datetime import datetime

from alerts.store.rows import Backend, SourceState, _fresh, _iso, _parse


class SourceHealthRecords(Backend):
    """How the sources are doing: HTTP validators, listing and source health, backfill progress."""

    def listing_health(self, source: str) -> dict[str, tuple[int, str | None]]:
        """Each feed or listing of a source: (failed polls in a row, last error)."""
        rows = self._x(
            "SELECT listing, failures, last_error FROM listing_health WHERE source = ?", (source,)
        ).fetchall()
        return {row["listing"]: (row["failures"], row["last_error"]) for row in rows}

    # -- HTTP validators -----------------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None] | None:
        row = self._x(
            "SELECT etag, last_modified FROM http_validators WHERE url = ?", (url,)
        ).fetchone()
        return None if row is None else (row["etag"], row["last_modified"])

    def put_validators(
        self, url: str, etag: str | None, last_modified: str | None, now: datetime
    ) -> None:
        self._x(
            "INSERT INTO http_validators (url, etag, last_modified, updated_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
            " last_modified = excluded.last_modified, updated_at = excluded.updated_at",
            (url, etag, last_modified, _iso(now)),
        )

    # -- source health ---------------------------------------------------------------------------

    def record_listing_result(
        self, source: str, listing: str, error: str | None, now: datetime
    ) -> int:
        """One poll of a feed or listing: reset on success, count on failure; return failures
        in a row."""
        if error is None:
            row = self._x(
                "SELECT failures, last_error, updated_at FROM listing_health"
                " WHERE source = ? AND listing = ?",
                (source, listing),
            ).fetchone()
            if (
                row is not None
                and row["failures"] == 0
                and row["last_error"] is None
                and _fresh(_parse(row["updated_at"]), now)
            ):
                return 0  # nothing changed: no write (see record_source_success)
            self._x(
                "INSERT INTO listing_health (source, listing, failures, updated_at)"
                " VALUES (?, ?, 0, ?) ON CONFLICT (source, listing) DO UPDATE SET failures = 0,"
                " last_error = NULL, updated_at = excluded.updated_at",
                (source, listing, _iso(now)),
            )
            return 0
        self._x(
            "INSERT INTO listing_health (source, listing, failures, last_error, updated_at)"
            " VALUES (?, ?, 1, ?, ?) ON CONFLICT (source, listing) DO UPDATE SET"
            " failures = listing_health.failures + 1, last_error = excluded.last_error,"
            " updated_at = excluded.updated_at",
            (source, listing, error, _iso(now)),
        )
        row = self._x(
            "SELECT failures FROM listing_health WHERE source = ? AND listing = ?",
            (source, listing),
        ).fetchone()
        return int(row["failures"])

    def listing_failures(self, source: str, listing: str) -> int:
        row = self._x(
            "SELECT failures FROM listing_health WHERE source = ? AND listing = ?",
            (source, listing),
        ).fetchone()
        return 0 if row is None else int(row["failures"])

    def source_state(self, source: str) -> SourceState:
        row = self._x(
            "SELECT first_poll_at, failures, last_error, backoff_until, items_given_up, updated_at"
            " FROM source_state"
            " WHERE source = ?",
            (source,),
        ).fetchone()
        if row is None:
            return SourceState(source=source)
        return SourceState(
            source=source,
            first_poll_at=_parse(row["first_poll_at"]),
            failures=row["failures"],
            last_error=row["last_error"],
            backoff_until=_parse(row["backoff_until"]),
            items_given_up=row["items_given_up"],
            updated_at=_parse(row["updated_at"]),
        )

    def record_source_success(self, source: str, now: datetime) -> SourceState:
        """Reset the failure count; return the state as it was before this success.

        A success that changes nothing is not written unless the stored one is older than
        HEALTH_HEARTBEAT: an idle daemon should not write (and fsync) its database every cycle.
        """
        before = self.source_state(source)
        if before.healthy and _fresh(before.updated_at, now):
            return before
        self._x(
            "INSERT INTO source_state (source, first_poll_at, failures, updated_at)"
            " VALUES (?, ?, 0, ?) ON CONFLICT (source) DO UPDATE SET"
            " first_poll_at = coalesce(source_state.first_poll_at, excluded.first_poll_at),"
            " failures = 0, last_error = NULL, backoff_until = NULL,"
            " updated_at = excluded.updated_at",
            (source, _iso(now), _iso(now)),
        )
        return before

    def record_source_failure(
        self, source: str, error: str, now: datetime, backoff_until: datetime | None
    ) -> int:
        """Count one more failed cycle in a row; return the count."""
        self._x(
            "INSERT INTO source_state (source, failures, last_error, backoff_until, updated_at)"
            " VALUES (?, 1, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET"
            " failures = source_state.failures + 1, last_error = excluded.last_error,"
            " backoff_until = excluded.backoff_until, updated_at = excluded.updated_at",
            (source, error, _iso(backoff_until) if backoff_until else None, _iso(now)),
        )
        return self.source_state(source).failures

    def set_backoff(self, source: str, until: datetime | None) -> None:
        self._x(
            "UPDATE source_state SET backoff_until = ? WHERE source = ?",
            (_iso(until) if until else None, source),
        )

    # -- backfill progress -----------------------------------------------------------------------

    def backfill_next_page(self, source: str) -> int:
        row = self._x("SELECT next_page FROM backfill_state WHERE source = ?", (source,)).fetchone()
        return 1 if row is None else int(row["next_page"])

    def set_backfill_next_page(self, source: str, page: int, now: datetime) -> None:
        self._x(
            "INSERT INTO backfill_state (source, next_page, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (source) DO UPDATE SET next_page = excluded.next_page,"
            " updated_at = excluded.updated_at",
            (source, page, _iso(now)),
        )

    def clear_backfill(self, source: str) -> None:
        self._x("DELETE FROM backfill_state WHERE source = ?", (source,))
