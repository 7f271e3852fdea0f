// Turns a recording (an ordered list of stored MPEG-TS segments) into one file, MP4 or MPEG-TS,
// by remuxing: no re-encode. The output timeline is continuous and monotonic across the source's
// reconnects (timestamps that restart or jump) and across a 33-bit timestamp wrap. The file is
// written under "<target>.part" and renamed when complete; on failure or cancel nothing is left.
// Blocking: run it on a worker thread.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <atomic>
#include <functional>

namespace panelx {

// One stored segment of a recording, oldest first.
struct ExportPart {
    QString path;
    // The source reconnected before this segment: its timestamps need not follow the last ones.
    bool discontinuity = false;
    qint64 durationMs = 0;
};

enum class ExportFormat {
    Invalid = 0,
    Mp4, // "moov" before the media ("faststart"), so players start before the download ends
    Ts,
};

struct ExportResult {
    bool ok = false;
    bool cancelled = false;
    QString error; // why it failed, in words a person can act on; empty when ok
    // Parts that could not be read (missing, or nothing usable in them) and parts cut short;
    // one sentence per part. A recording with no readable part at all fails.
    QStringList skipped;
    qint64 durationMs = 0; // of the output's timeline
    qint64 bytesWritten = 0; // size of the finished file
};

class RecordingExport {
public:
    using Progress = std::function<void(double fraction)>;

    // The parts are read as one MPEG-TS stream, as a player reads an HLS playlist. Streams:
    // the audio and video streams found at its start; packets of streams that appear later
    // are dropped. A missing or unreadable part is left out (listed in `skipped`) and the
    // timeline closes over it. An existing `target` is replaced. `progress` (optional) gets
    // the fraction of the input read, ending with 1.0 on success; `cancel` (optional) is
    // polled between packets and during the final write.
    static ExportResult run(const QList<ExportPart> &parts, const QString &target,
        ExportFormat format, const Progress &progress = {},
        const std::atomic<bool> *cancel = nullptr);
};

} // namespace panelx
