-- Schema 4: schedules (record, start or stop a channel at a local time in an IANA zone) and the
-- history of their runs. Schema 3 is the players' positions.

CREATE TABLE schedules (
    id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: a deleted schedule's history is gone
    name TEXT NOT NULL,
    action TEXT NOT NULL, -- record, start, stop
    channel_id INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '', -- records: the recordings' title; empty: the channel's name
    first_date TEXT NOT NULL, -- local, in time_zone: YYYY-MM-DD
    start_time TEXT NOT NULL, -- local, in time_zone: HH:MM:SS
    time_zone TEXT NOT NULL, -- IANA
    duration_minutes INTEGER NOT NULL,
    recurrence TEXT NOT NULL, -- once, daily, weekly
    weekdays TEXT NOT NULL DEFAULT '', -- weekly: "mon,tue,…"
    last_date TEXT NOT NULL DEFAULT '', -- daily and weekly: YYYY-MM-DD; empty: none
    padding_before_minutes INTEGER NOT NULL DEFAULT 0,
    padding_after_minutes INTEGER NOT NULL DEFAULT 0,
    enabled INTEGER NOT NULL DEFAULT 1,
    created_utc_ms INTEGER NOT NULL,
    -- From when the runner answers for the occurrences: stored, changed or enabled then. One
    -- before it that did not run was not missed (it was not planned, or not enabled, then).
    watched_from_utc_ms INTEGER NOT NULL
);

-- One row per occurrence run, failed or missed. No foreign key: deleting a schedule deletes its
-- history in the same transaction.
CREATE TABLE schedule_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    schedule_id INTEGER NOT NULL,
    planned_utc_ms INTEGER NOT NULL, -- the occurrence's (padded) start
    actual_utc_ms INTEGER, -- NULL when missed
    result TEXT NOT NULL, -- done, failed, missed
    reason TEXT NOT NULL DEFAULT '', -- what was done, or why not, in words
    recording_id INTEGER NOT NULL DEFAULT 0 -- records: the recording made
);

CREATE INDEX schedule_runs_by_schedule ON schedule_runs (schedule_id, planned_utc_ms);
