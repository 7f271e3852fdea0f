-- Schema 2: DVR recordings and the time ranges of the segment store they pin.

CREATE TABLE recordings (
    id INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: URLs of deleted recordings stay dead
    channel_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    start_utc_ms INTEGER NOT NULL,
    end_utc_ms INTEGER NOT NULL, -- planned end while recording; actual end when done
    state TEXT NOT NULL, -- scheduled, recording, finished, partial, stopped, failed
    reason TEXT NOT NULL DEFAULT '', -- why it stopped or failed, in words
    gaps TEXT NOT NULL DEFAULT '', -- source outages: "from-to" in UTC ms, comma-separated
    keep INTEGER NOT NULL DEFAULT 0, -- never removed by automatic clean-up
    created_utc_ms INTEGER NOT NULL
);

-- Ranges retention leaves alone. Owned by the segment store; the owner's id (a recording's)
-- names the pin, so overlapping pins and the live buffer share one copy of every segment.
CREATE TABLE segment_pins (
    id INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    from_utc_ms INTEGER NOT NULL,
    to_utc_ms INTEGER NOT NULL
);

CREATE INDEX segment_pins_by_channel ON segment_pins (channel_id, from_utc_ms);
