// A consumer of one ingest's packets: the copy segmenter today, a recorder or a transcoder
// later. All of them share the one open source (one ingest per channel).
#pragma once

#include "ingest/PacketSource.h"

#include <QString>
#include <QtGlobal>
#include <vector>

namespace panelx {

// One opened source, from open to loss (or stop). A reconnect is a new session.
struct IngestSession {
    qint64 channelId = 0;
    QString url;
    // codecpar pointers valid until sessionEnded(); a listener gets its own copies, so they
    // outlive the source when the listener is behind.
    std::vector<SourceStream> streams;
    // Packets arrive at the media's pace: wall-clock time may be anchored to them. False when
    // a file is processed as fast as possible (benchmarks, imports).
    bool realTime = true;
    int number = 0; // 1 for the first session after the ingest started
};

// Called on the listener's own thread (see Ingest::addListener), in this order:
// sessionStarted, packetReceived…, sessionEnded. The source is read meanwhile: a listener that
// takes longer than the media's pace for long has whole GOPs dropped before they reach it.
// Callbacks must not call Ingest::addListener/removeListener.
class PacketListener {
public:
    virtual ~PacketListener() = default;
    // False (with a reason) refuses the session's streams; for the ingest's required listener
    // (the copy segmenter) that fails the channel instead of reconnecting.
    virtual bool sessionStarted(const IngestSession &session, QString *error) = 0;
    // `packet` is shared with the other listeners, read-only, and valid only during the call
    // (take a reference with av_packet_ref to keep it).
    virtual void packetReceived(const AVPacket &packet) = 0;
    // The source was lost or the ingest is stopping: finish what was received.
    virtual void sessionEnded() = 0;
};

} // namespace panelx
