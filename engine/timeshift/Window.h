// Which segments of a buffer snapshot answer a catch-up request, and the playlist that lists
// them: pure, so every rule is a table row in tests/timeshift_window.
#pragma once

#include "timeshift/BufferSnapshot.h"
#include "timeshift/CatchupRequest.h"

#include <QByteArray>
#include <QString>

namespace panelx::timeshift {

// Live and Delayed windows hold this many segments, as the live playlist does.
inline constexpr int kLiveWindowSegments = 6;

struct Window {
    int status = 200; // 404 wholly outside the buffer / empty buffer / in the future
    QString error; // 404: a sentence (what the buffer holds, in UTC ISO, and what to do)
    int first = 0, last = -1; // segment indices into the snapshot, inclusive
    bool endList = false; // VOD (the range is complete)
    QByteArray playlistType; // "VOD", "EVENT" or "" (live, delayed)
};

// targetDurationMs: the channel's segment duration.
Window selectWindow(const BufferSnapshot &buffer, const CatchupRequest &request, qint64 nowUtcMs,
    int targetDurationMs);

// What to send: header + a slice of the snapshot's text (+ trailer). The slice points into the
// snapshot; the caller keeps the snapshot alive while sending.
struct RenderedWindow {
    QByteArray header;
    const char *body = nullptr;
    qsizetype bodyLength = 0;
    QByteArray trailer;
};
// The target duration is the channel's, raised to cover the longest segment of the snapshot (so
// it stays the same on every reload of a growing window). Nothing for a window that is not 200.
RenderedWindow renderWindow(
    const BufferSnapshot &buffer, const Window &window, int targetDurationMs);

} // namespace panelx::timeshift
