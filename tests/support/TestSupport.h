// Helpers shared by the tests: temporary data folders, external checkers (ffmpeg/ffprobe),
// HTTP over loopback with deadlines. No sleeps: everything waits on a condition or a signal.
#pragma once

#include "ChannelTypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <functional>
#include <memory>

class QProcess;

class QThread;

namespace panelx {
class Database;
class Engine;
struct EngineOptions;
class SegmentStore;
} // namespace panelx

namespace panelx::test {

// True if `program` is on PATH.
bool haveProgram(const QString &program);
// Runs a program to completion (or kills it at the deadline). Returns exit code, -1 on
// failure to start or time-out; stdout/stderr are returned through the pointers if given.
int runProgram(const QString &program, const QStringList &args, int timeoutMs,
    QByteArray *out = nullptr, QByteArray *err = nullptr);
// Polls `condition` (processing events) until it is true or the deadline passes.
bool waitFor(const std::function<bool()> &condition, int timeoutMs);

// An Engine on a thread of its own, as the window runs it. Stopped (open segments indexed) and
// deleted with its thread by stop() or the destructor.
class EngineThread {
public:
    EngineThread() = default;
    ~EngineThread() { stop(); }
    EngineThread(const EngineThread &) = delete;
    EngineThread &operator=(const EngineThread &) = delete;

    // Empty when the engine started, else its startFailed reason (or a time-out).
    QString start(const EngineOptions &options, int timeoutMs = 10000);
    // False when it did not report stopped in time (the thread is then still joined).
    bool stop(int timeoutMs = 20000);
    Engine *engine() const { return m_engine; }

private:
    Engine *m_engine = nullptr;
    QThread *m_thread = nullptr;
};

struct HttpReply {
    int status = 0; // 0 = no response
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
};
// A blocking GET (or other method, with an optional body) over loopback, with a deadline.
HttpReply httpRequest(const QString &url, const QByteArray &method = "GET",
    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000,
    const QByteArray &body = {});

} // namespace panelx::test

namespace panelx::test {

// What ffprobe finds in one media file (e.g. an HLS segment).
struct ProbedMedia {
    bool ok = false; // ffprobe ran and read the file
    QString videoCodec;
    int width = 0;
    int height = 0;
    QString audioCodec;
    bool firstVideoPacketIsKey = false;
    bool startsWithPat = false; // MPEG-TS: the PAT (PID 0) precedes all but the SDT
    QByteArray errors; // ffprobe's complaints at -v error
};
ProbedMedia probeMedia(const QString &path);

// Writes `seconds` of a small live-like source (320x240 H.264 at 25 fps with a keyframe every
// `gopFrames` frames, ~300 kb/s, AAC 64 kb/s, MPEG-TS) to `path` with the ffmpeg CLI. Empty on
// success, else ffmpeg's complaint.
QByteArray makeSmallClip(const QString &path, int seconds, int gopFrames = 25);

// A live MPEG-TS source over UDP: an ffmpeg process sending 640x360 H.264 at 25 fps (a keyframe
// a second) and AAC to 127.0.0.1:`port` in real time until it is destroyed. Null if ffmpeg
// does not start.
std::unique_ptr<QProcess> startUdpSender(quint16 port);
// A UDP port on 127.0.0.1 that was free a moment ago.
quint16 freeUdpPort();
// A TCP port on 127.0.0.1 that was free a moment ago (nothing listens on it).
quint16 freeTcpPort();

// A channel for ingest tests: "Channel <id>" (slug "channel-<id>") reading `url`.
ChannelConfig makeChannel(qint64 id, const QString &url, int segmentDurationMs);

// A segment store over its own SQLite index: `folder`/panelx.db and `folder`/segments.
struct StoreFixture {
    std::unique_ptr<Database> db;
    std::unique_ptr<SegmentStore> store; // destroyed first
    StoreFixture();
    ~StoreFixture();
    // Empty on success, else why the database could not be opened.
    QString open(const QString &folder);
};

// Writes `bytes` where a segmenter writes the next segment of info.channelId/info.rendition and
// commits it (info.sequence and info.sizeBytes are filled in). Empty on success, else why not.
QString commitSegment(SegmentStore &store, SegmentInfo &info, const QByteArray &bytes);

// The independent HLS clients of ../shared/tools/hls-clients (a strict playlist validator,
// ffprobe, ffmpeg, GStreamer, VLC, hls.js) run by its check-hls.sh on `url`, each playing for
// `seconds`. The folder may be set with PANELX_HLS_CLIENTS. Clients that are not installed are
// reported as skipped by the script.
struct HlsClientsRun {
    int exitCode = -1; // 0: every client that ran passed
    QByteArray table; // the script's result table (or all it printed)
    QString logs; // the clients' logs, kept when a client failed
};
HlsClientsRun runHlsClients(const QString &url, int seconds);
// Empty when check-hls.sh is there to run; else why not, and what to set (for QSKIP).
QString hlsClientsMissing();

// A small tmpfs (mounting needs root), unmounted when this ends: a disk to fill or turn
// read-only.
class SmallDisk {
public:
    SmallDisk() = default;
    ~SmallDisk();
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;
    // False with mount's complaint in `why` if it could not be mounted.
    bool mount(const QString &path, int sizeMb, QByteArray *why);
    bool remount(bool readOnly);

private:
    QString m_path;
};

// Records every line logged through Qt (qWarning, qInfo …, libav's lines included) while it
// lives; the lines are still printed. One at a time.
class LogCapture {
public:
    LogCapture();
    ~LogCapture();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;
    QStringList lines() const;
    // How many lines contain `part`.
    int count(const QString &part) const;
};

} // namespace panelx::test
