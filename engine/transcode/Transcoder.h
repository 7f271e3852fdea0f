// A channel's ABR ladder: one more consumer of the channel's ingest (added with
// Ingest::addListener, so it runs on its own thread behind the bounded queue). Decodes the
// video once (deinterlacing an interlaced source), hands each decoded frame to every rung's
// RungEncoder (own thread: scale, libx264, segmenter), encodes the audio once to AAC-LC (or
// copies AAC) for every rung, and keeps the rungs aligned: keyframes at the same instants,
// segments numbered and dated by one SegmentGrid. Reports each rung's figures and sheds the
// lowest rung when the machine cannot keep up with a live source.
#pragma once

#include "ChannelTypes.h"
#include "av/AvHandles.h"
#include "hls/RetentionClock.h"
#include "ingest/PacketListener.h"
#include "transcode/LadderPlan.h"
#include "transcode/RenditionDirectory.h"

#include <QList>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

struct AVAudioFifo;

namespace panelx {

class RenditionDirectory;
class RungEncoder;
class SegmentGrid;
class SegmentStore;

struct TranscoderOptions {
    qint64 channelId = 0;
    int targetDurationMs = kDefaultSegmentDurationMs;
    AbrConfig abr;
    qint64 bufferMs = kDefaultBufferMs;
    bool applyRetention = true;
    std::function<qint64()> utcNowMs = StoreClocks::system().wallUtcMs;
    RenditionDirectory *directory = nullptr; // live renditions published here
    std::function<void(const QList<RungStatus> &)> onRungs; // on transcoder threads
    std::function<void(const SegmentInfo &)> onCommitted; // each rung segment committed
    // Falling behind (real-time sessions only): a rung slower than minSpeed over the last
    // speedWindowMs for behindForMs sheds the lowest running rung. Tests make these small.
    double minSpeed = 1.0;
    qint64 speedWindowMs = 5'000;
    qint64 behindForMs = 10'000;
};

class Transcoder final : public PacketListener {
public:
    Transcoder(SegmentStore &store, TranscoderOptions options);
    ~Transcoder() override; // ends an open session
    Transcoder(const Transcoder &) = delete;
    Transcoder &operator=(const Transcoder &) = delete;

    bool sessionStarted(const IngestSession &session, QString *error) override;
    void packetReceived(const AVPacket &packet) override;
    // Flushes; returns once every rung's last segment is committed.
    void sessionEnded() override;
    // Every configured rung, highest first (empty before the first session).
    QList<RungStatus> rungs() const;

private:
    struct RungTrack; // a rung's figures over time (under m_statusMutex)

    bool openVideo(const SourceStream &stream, QString *error);
    bool openAudio(const SourceStream &stream, QString *error);
    bool openDeinterlacer(const AVFrame &frame);
    void decodeVideo(const AVPacket *packet); // null flushes
    void filterVideo(AVFrame *frame); // null flushes
    void dispatchFrame(AVFrame *frame);
    void decodeAudio(const AVPacket *packet); // null flushes
    void encodeAudio(bool flush);
    void sendAudio(const AVPacket &packet);
    void refuse(const QString &reason);
    void onRungProgress();
    void onRungCommitted(const SegmentInfo &info);
    // With m_statusMutex held: the figures, with Behind and Shed decided.
    void updateStatus();
    // With m_statusMutex held: the renditions to publish as live, highest first.
    QList<RenditionInfo> liveRenditions() const;
    // Tells the directory of a change, and onRungs about once a second or when a rung's state
    // changed (at once when forced). With m_publishMutex held, not m_statusMutex.
    void publish(bool force);
    void endSession();

    SegmentStore &m_store;
    TranscoderOptions m_options;

    // The session (consumer thread only).
    bool m_open = false;
    bool m_realTime = true;
    LadderPlan m_plan;
    int m_videoIndex = -1;
    int m_audioIndex = -1;
    AVRational m_videoTimeBase {0, 1};
    AVRational m_audioTimeBase {0, 1};
    AVRational m_frameRate {0, 1};
    AvCodecContextPtr m_videoDecoder;
    AvFilterGraphPtr m_deinterlaceGraph;
    AVFilterContext *m_filterSource = nullptr;
    AVFilterContext *m_filterSink = nullptr;
    AvCodecContextPtr m_audioDecoder; // null when the source's AAC is copied
    AvCodecContextPtr m_audioEncoder;
    SwrContextPtr m_resampler;
    AVAudioFifo *m_audioFifo = nullptr;
    int64_t m_audioNextPts = AV_NOPTS_VALUE; // in the encoder's time base
    AvCodecParametersPtr m_audioParameters; // what every rung carries
    AvPacketPtr m_packet;
    AvFramePtr m_frame;
    AvFramePtr m_filtered;
    bool m_videoKeySeen = false;
    int64_t m_firstPtsUs = AV_NOPTS_VALUE;
    int64_t m_nextKeyUs = AV_NOPTS_VALUE;
    int64_t m_lastPtsUs = AV_NOPTS_VALUE;
    std::shared_ptr<SegmentGrid> m_grid;
    std::vector<std::unique_ptr<RungEncoder>> m_encoders; // the running rungs, highest first

    // Orders what is published (onRungs, the directory); taken before m_statusMutex, a leaf.
    std::mutex m_publishMutex;
    mutable std::mutex m_statusMutex;
    QList<RungStatus> m_status;
    std::vector<std::unique_ptr<RungTrack>> m_tracks; // parallel to m_status
    QString m_audioCodecs; // "mp4a.40.2"; empty without audio
    QList<RenditionInfo> m_published;
    QList<RungStatus> m_reported; // what onRungs was told last (under m_publishMutex)
    qint64 m_reportedAtMs = 0;
};

} // namespace panelx
