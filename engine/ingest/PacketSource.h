// Where an ingest's packets come from: a demuxer over any URL libav reads, or the built-in
// demo pattern. Both hand out compressed packets with the streams that describe them, so
// everything downstream (segmenter, recorder, transcoder) is the same for both.
#pragma once

#include "ingest/SourceControl.h"

extern "C" {
#include <libavcodec/codec_par.h>
#include <libavcodec/packet.h>
#include <libavutil/rational.h>
}

#include <QString>
#include <memory>
#include <vector>

namespace panelx {

struct SourceStream {
    int index = -1; // AVPacket::stream_index of this stream's packets
    const AVCodecParameters *codecpar = nullptr; // owned by the source, valid while it is open
    AVRational timeBase {0, 1}; // of the packets' pts/dts/duration
    AVRational frameRate {0, 1}; // video only; 0/1 when unknown
};

struct SourceOptions {
    int openTimeoutMs = 10000;
    int readTimeoutMs = 10000;
    int attempt = 0; // 0 for the first open; lets a source vary its transport on retries
    // Files are read at the media's own rate so they behave like live channels; off only to
    // process a file as fast as possible (benchmarks, imports).
    bool paceFiles = true;
};

// StreamsChanged: a stream was added or its parameters changed (720p to 1080p, mono to
// stereo). No packet is returned; streams() describes the new set, and the next read returns
// the packet that showed the change, as the first of a new session.
enum class ReadResult { Packet, Ended, Stopped, Failed, StreamsChanged };

class PacketSource {
public:
    virtual ~PacketSource() = default;

    // Opens the source; blocking, bounded by the open time-out and the stop flag.
    // False with a message for a person when it cannot be opened (or was stopped).
    virtual bool open(QString *error) = 0;
    // The audio and video streams packets are read from; valid after open().
    virtual const std::vector<SourceStream> &streams() const = 0;
    // Reads the next packet into `packet` (which must be blank; the caller unrefs it).
    // Ended and Failed come with a message in `error`.
    virtual ReadResult read(AVPacket *packet, QString *error) = 0;
    // True when packets arrive at the media's own pace (a live source, or a file this source
    // paces), so wall-clock time can be anchored to them.
    virtual bool isRealTime() const = 0;
    // Short description for status and logs, without credentials.
    virtual QString describe() const = 0;
};

// The source for a channel's URL: DemoSource for kDemoSourceUrl, DemuxSource otherwise.
std::unique_ptr<PacketSource> makePacketSource(
    const QString &url, SourceControl &control, const SourceOptions &options);

} // namespace panelx
