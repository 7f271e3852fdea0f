// A packet source over any URL the libav build can open (file, http/https, hls, udp, rtp,
// rtsp, rtmp, srt …). Files, and other inputs with a known length, are paced at the media's
// own rate (like ffmpeg -re) so they behave as live channels.
#pragma once

#include "av/AvHandles.h"
#include "ingest/PacketSource.h"
#include "ingest/StreamParameters.h"

namespace panelx {

class DemuxSource final : public PacketSource {
public:
    DemuxSource(QString url, SourceControl &control, SourceOptions options);

    bool open(QString *error) override;
    const std::vector<SourceStream> &streams() const override { return m_streams; }
    ReadResult read(AVPacket *packet, QString *error) override;
    bool isRealTime() const override { return m_paced || !m_seekable; }
    QString describe() const override;

    // The libav options this source opens `url` with (public for tests and diagnostics).
    static AvDictionary optionsFor(const QString &url, int attempt);

private:
    struct Track {
        AVRational timeBase {0, 1};
        std::unique_ptr<StreamParameters> parameters; // null: a stream not read (discarded)
        bool described = false; // in streams(): a stream added later joins at its first packet
    };

    QString errorText(int error, int timeoutMs) const;
    // Tables for the demuxer's streams not yet in m_tracks (at open, or added later by a PMT
    // update). Read: every audio stream, and at open bestVideo, later a video stream if none
    // is read; the rest is discarded in the demuxer. Streams no programme lists any more
    // (replaced by the update) stop being read.
    void adoptNewStreams(int bestVideo = -1);
    bool listedByAProgram(int index) const;
    // Whether a packet of a stream added after open starts the session that adds it.
    bool joinsNow(int index) const;
    void describeStreams();

    QString m_url;
    SourceControl &m_control;
    SourceOptions m_options;
    AvInputContextPtr m_context;
    std::vector<SourceStream> m_streams;
    std::vector<Track> m_tracks; // indexed by stream_index; grows with the demuxer's streams
    std::vector<std::unique_ptr<StreamParameters>> m_retired; // of streams no longer read
    AvPacketPtr m_pending; // read, held for the session after a StreamsChanged
    bool m_paced = false;
    bool m_seekable = false;
    int64_t m_firstDtsUs = AV_NOPTS_VALUE;
    SourceControl::Clock::time_point m_pacingStart;
};

} // namespace panelx
