-- Schema 1: channels, the segment index and the never-repeating sequence counters.

CREATE TABLE channels (
    id INTEGER PRIMARY KEY AUTOINCREMENT, -- AUTOINCREMENT: a deleted channel's id is never reused
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    slug TEXT NOT NULL UNIQUE,
    source_url TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    segment_duration_ms INTEGER NOT NULL DEFAULT 4000,
    buffer_ms INTEGER NOT NULL DEFAULT 7200000,
    created_utc_ms INTEGER NOT NULL
);

-- No foreign key to channels: the store owns its files and rows, and SegmentStore::removeChannel
-- drops them together with the files.
CREATE TABLE segments (
    channel_id INTEGER NOT NULL,
    rendition TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    start_utc_ms INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    size_bytes INTEGER NOT NULL,
    discontinuity INTEGER NOT NULL DEFAULT 0,
    discontinuity_sequence INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_id, rendition, sequence)
) WITHOUT ROWID;

CREATE INDEX segments_by_time ON segments (channel_id, rendition, start_utc_ms);

-- Survives retention removing every segment, so sequence numbers never repeat.
CREATE TABLE sequence_counters (
    channel_id INTEGER NOT NULL,
    rendition TEXT NOT NULL,
    next_sequence INTEGER NOT NULL,
    PRIMARY KEY (channel_id, rendition)
) WITHOUT ROWID;
