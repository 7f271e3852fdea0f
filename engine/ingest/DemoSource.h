// The built-in test channel ("demo:"): a moving pattern with a running clock and a tone, made
// by libavfilter, encoded to H.264 (libx264, fixed 1 s GOP) and AAC, and released at real time,
// so it yields the same kind of packets a live source does — no network, no files.
#pragma once

#include "av/AvHandles.h"
#include "ingest/PacketSource.h"

namespace panelx {

class DemoSource final : public PacketSource {
public:
    static constexpr int kWidth = 1280;
    static constexpr int kHeight = 720;
    static constexpr int kFrameRate = 25;
    static constexpr int kGopFrames = kFrameRate; // a keyframe every second
    static constexpr int kSampleRate = 48000;

    explicit DemoSource(SourceControl &control);
    ~DemoSource() override;

    bool open(QString *error) override;
    const std::vector<SourceStream> &streams() const override { return m_streams; }
    ReadResult read(AVPacket *packet, QString *error) override;
    bool isRealTime() const override { return true; }
    QString describe() const override { return QStringLiteral("demo pattern"); }

    // The filter graph description; without the clock text when drawtext or its font is
    // missing (public for tests).
    static QString filterDescription(bool withText);

private:
    bool buildGraph(bool withText, QString *error);
    bool openEncoders(QString *error);
    bool pullFrame(AVFilterContext *sink, AVFrame *frame, QString *error);

    SourceControl &m_control;
    AvFilterGraphPtr m_graph;
    AVFilterContext *m_videoSink = nullptr; // owned by m_graph
    AVFilterContext *m_audioSink = nullptr;
    AvCodecContextPtr m_videoEncoder;
    AvCodecContextPtr m_audioEncoder;
    AvCodecParametersPtr m_videoPar;
    AvCodecParametersPtr m_audioPar;
    AvFramePtr m_nextVideo; // the next frame of each kind, pulled ahead to know its due time
    AvFramePtr m_nextAudio;
    std::vector<SourceStream> m_streams;
    SourceControl::Clock::time_point m_start;
    bool m_started = false;
};

} // namespace panelx
