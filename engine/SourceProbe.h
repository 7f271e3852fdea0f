// "Test source" for the channel dialog: opens a URL with the same packet source a channel's
// ingest would use (so demo:, files and network sources behave exactly as they will on air),
// names its streams and closes it again. Blocking: run it on a worker thread.
#pragma once

#include <QString>

namespace panelx {

class SourceControl;

struct SourceProbeResult {
    bool ok = false;
    bool cancelled = false;
    QString error; // in words a person can act on, when !ok
    QString videoCodec; // empty for audio-only sources
    int width = 0;
    int height = 0;
    double frameRate = 0;
    QString audioCodec; // empty for video-only sources
    int audioChannels = 0;
    int sampleRate = 0;
};

// Gives up at timeoutMs, or as soon as another thread calls control.requestStop() (libav's
// interrupt callback sees it, so even a silent network source is left at once).
SourceProbeResult probeSource(const QString &url, int timeoutMs, SourceControl &control);

} // namespace panelx
