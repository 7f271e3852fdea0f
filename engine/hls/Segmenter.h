// Copy-mode HLS segmenter: re-muxes a session's packets (no re-encode) into standalone MPEG-TS
// segments cut on video keyframes at the channel's target duration (on time for audio-only
// sources), writes each under its temporary name and commits it to the SegmentStore.
#pragma once

#include "ChannelTypes.h"
#include "av/AvHandles.h"
#include "hls/RetentionClock.h"
#include "hls/SegmentGrid.h"
#include "hls/WallClockAnchor.h"
#include "ingest/PacketListener.h"

#include <functional>
#include <memory>

namespace panelx {

class SegmentStore;

struct SegmenterOptions {
    qint64 channelId = 0;
    QString rendition = kSourceRendition;
    int targetDurationMs = kDefaultSegmentDurationMs;
    // Retention asked of the store's housekeeping thread after each commit. The live window
    // is always kept, even with a 0 buffer.
    qint64 bufferMs = kDefaultBufferMs;
    bool applyRetention = true;
    // The wall clock segments are dated by; tests pass their own. Called on the thread that
    // feeds the segmenter.
    std::function<qint64()> utcNowMs = StoreClocks::system().wallUtcMs;
    // A ladder's rungs share one grid: their segments get its numbers, wall-clock starts and
    // durations. Without one the segmenter places and numbers its segments on its own.
    std::shared_ptr<SegmentGrid> grid;
    // Both called on the thread that feeds the segmenter. onError is called once per problem
    // (a full disk fails every keyframe), and onCommitted tells that the channel writes again.
    std::function<void(const SegmentInfo &)> onCommitted;
    std::function<void(const QString &)> onError;
};

class Segmenter final : public PacketListener {
public:
    Segmenter(SegmentStore &store, SegmenterOptions options);
    ~Segmenter() override;
    Segmenter(const Segmenter &) = delete;
    Segmenter &operator=(const Segmenter &) = delete;

    // Whether HLS in MPEG-TS can carry a stream of these parameters; if not, why (for a person).
    static bool canCarry(const AVCodecParameters &codecpar, QString *why);

    bool sessionStarted(const IngestSession &session, QString *error) override;
    void packetReceived(const AVPacket &packet) override;
    void sessionEnded() override;
    // Ends the session as sessionEnded() does, the open segment lasting at least until media
    // time endUs (microseconds): a ladder's rung that stops at a segment boundary, its last
    // frames dropped, still ends its segment where the other rungs' segment ends.
    void endSessionAt(int64_t endUs);

    void setTargetDurationMs(int targetDurationMs);
    qint64 segmentsCommitted() const { return m_segmentsCommitted; }
    qint64 packetsDropped() const { return m_packetsDropped; }

private:
    struct Track {
        int outIndex = -1;
        AVRational inTimeBase {0, 1};
        AVRational outTimeBase {0, 1};
        int64_t lastDtsUs = AV_NOPTS_VALUE;
        int64_t frameDurationUs = 0; // fallback when packets carry no duration
    };

    bool createMuxer(QString *error);
    void destroyMuxer();
    bool openSegment(int64_t startUs);
    void closeSegment(int64_t endUs, bool lastOfMuxer = false);
    void restartAfterTimestampJump();
    // error: the AVERROR behind the failure, 0 when there is none.
    void reportWriteError(int error, const QString &message);
    void report(const QString &message);

    SegmentStore &m_store;
    SegmenterOptions m_options;
    IngestSession m_session;
    std::vector<Track> m_tracks; // indexed by source stream_index; outIndex -1 = not carried
    std::vector<int> m_sourceIndexByOut;
    int m_referenceIndex = -1; // source stream whose timestamps cut segments
    bool m_hasVideo = false;
    AvOutputContextPtr m_muxer;
    bool m_headerWritten = false;
    AvPacketPtr m_scratch;

    // The open segment.
    bool m_segmentOpen = false;
    QString m_tempPath;
    int64_t m_segmentStartUs = 0;
    int64_t m_segmentEndUs = 0; // end of the latest reference packet
    bool m_segmentDiscontinuity = false;
    int64_t m_waitingSinceUs = AV_NOPTS_VALUE; // first reference packet seen without a segment

    // Across segments.
    bool m_pendingDiscontinuity = false;
    qint64 m_discontinuitySequence = 0;
    WallClockAnchor m_wallClock;
    qint64 m_segmentsCommitted = 0;
    qint64 m_packetsDropped = 0;
    QString m_reportedError; // what the last write error reported was about; empty once cleared
};

} // namespace panelx
