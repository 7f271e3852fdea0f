-- Schema 5: each channel's adaptive-bitrate ladder, and what the ladder's renditions are.

ALTER TABLE channels ADD COLUMN abr_enabled INTEGER NOT NULL DEFAULT 0;
-- Rung names, highest first, comma-separated ("1080p,720p,480p,360p").
ALTER TABLE channels ADD COLUMN abr_rungs TEXT NOT NULL DEFAULT '1080p,720p,480p,360p';
ALTER TABLE channels ADD COLUMN abr_preset TEXT NOT NULL DEFAULT 'veryfast';

-- The last known picture and codecs of each ladder rendition, so master playlists of
-- timeshift windows and recordings can describe renditions the ladder no longer makes.
-- No foreign key: like the segments, removed with the channel's store.
CREATE TABLE renditions (
    channel_id INTEGER NOT NULL,
    rendition TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    frame_rate REAL NOT NULL,
    codecs TEXT NOT NULL,           -- RFC 6381, "avc1.64001f,mp4a.40.2"
    bandwidth INTEGER NOT NULL,     -- configured bits per second (video + audio)
    updated_utc_ms INTEGER NOT NULL,
    PRIMARY KEY (channel_id, rendition)
) WITHOUT ROWID;
