-- Schema 3: where the built-in player was on each channel, so it can offer to resume there.

CREATE TABLE player_positions (
    channel_id INTEGER PRIMARY KEY, -- one moment per channel, the last one left
    utc_ms INTEGER NOT NULL, -- the wall-clock moment that was playing
    saved_utc_ms INTEGER NOT NULL
);
