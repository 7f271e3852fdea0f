// What a route of the viewer server answers with, whatever its area (live, recordings): the
// server only carries it to the client (http/HttpServer.cpp).
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>
#include <optional>

namespace panelx::http {

// A continuous MPEG-TS body: a channel's segment files one after another, by sequence.
struct SegmentStream {
    qint64 channelId = 0;
    QString rendition;
    qint64 firstSequence = 0;
    // The last segment sent; -1 = the body follows live until the client leaves.
    qint64 lastSequence = -1;
    // The sum of the segments' sizes when lastSequence is set (sent as Content-Length); an
    // open-ended body has none and is close-delimited.
    qint64 length = -1;
    // Open-ended: the body ends before the first segment that starts at or after this (a range
    // still on the air), 0 = it follows live until the client leaves.
    qint64 endUtcMs = 0;

    bool isOpenEnded() const { return lastSequence < 0; }
    bool operator==(const SegmentStream &) const = default;
};

// What to send: a body (a playlist, a sentence), a file the server sends with byte ranges, or a
// continuous MPEG-TS body.
struct Answer {
    int status = 200;
    QByteArray contentType;
    QByteArray cacheControl;
    QByteArray body; // when neither file nor stream nor owner is set
    // A body that lives elsewhere (a cached live playlist; a timeshift window's header, slice of
    // its buffer's text and trailer), sent without a copy: `parts` point into what `owner` keeps.
    std::shared_ptr<const void> owner;
    QList<QByteArrayView> parts;
    QString file; // a segment or an export: sent as 200 or, for a Range, 206
    QString gone; // file: the 404 sentence when it no longer exists
    std::optional<SegmentStream> stream;
    QList<QPair<QByteArray, QByteArray>> headers; // Retry-After, Content-Disposition
    // The channel whose viewers this request counts (0 = none).
    qint64 viewerOf = 0;

    bool operator==(const Answer &) const = default;
};

// A sentence that says what to do, as text/plain, not to be stored; with a Retry-After header
// when retryAfterS > 0.
Answer textAnswer(int status, const QString &sentence, qint64 retryAfterS = 0);

} // namespace panelx::http
