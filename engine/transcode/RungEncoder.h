// One rung of a ladder on its own thread ("abr-<rung>-<channel>"): scales the decoded
// frames it is fed to the rung's size, encodes them with libx264 (keyframes where the feeder
// says), interleaves the shared audio packets and cuts the result into segments with its own
// Segmenter. Fed through a small bounded queue.
#pragma once

#include "av/AvHandles.h"
#include "hls/Segmenter.h"
#include "transcode/LadderPlan.h"

#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace panelx {

class SegmentStore;

struct RungEncoderSetup {
    qint64 channelId = 0;
    PlannedRung rung;
    QString preset;
    AVRational timeBase {0, 1}; // of the frames' pts, also the encoder's and the packets'
    AVRational frameRate {0, 1};
    int gopFrames = 0; // frames in one segment: keyframes are forced, this is a safety net
    const AVCodecParameters *audio = nullptr; // the shared audio stream; null: none
    AVRational audioTimeBase {0, 1};
    bool realTime = true; // frames may be dropped (never a keyframe) when the queue is full
    SegmenterOptions segmenter; // rendition, grid and callbacks; the rung fills the rest
    // Called on the rung's thread after each encoded frame batch (about twice a second).
    std::function<void()> onProgress;
};

class RungEncoder {
public:
    // What the rung did so far, read from any thread.
    struct Figures {
        qint64 framesEncoded = 0;
        qint64 framesDropped = 0;
        int64_t mediaUs = 0; // media time encoded since the start
        qint64 videoBytes = 0; // encoded video since the start
        qint64 busyMs = 0; // wall time not spent waiting for frames
        QString codecs; // "avc1.64001f" once the first keyframe is out
    };

    RungEncoder(SegmentStore &store, RungEncoderSetup setup);
    ~RungEncoder(); // finish()es
    RungEncoder(const RungEncoder &) = delete;
    RungEncoder &operator=(const RungEncoder &) = delete;

    // Starts the rung's thread, which opens the encoder and the rung's segmenter at the
    // rung's priority. False with a sentence when libx264 refused. Frames of any size and pixel
    // format are scaled.
    bool start(QString *error);
    // A decoded frame (a reference of its own; pict_type is set here). Blocks while the queue
    // is full, except that a non-keyframe of a real-time source is dropped instead.
    void pushFrame(AvFramePtr frame, bool keyframe);
    // Before start(): each picture this rung encodes is also pushed to `smaller`, which scales
    // it down again (LadderPlan's scaledFrom). `smaller` must finish after this rung and be
    // shed before it, as the ladder does (highest first; the lowest is shed first).
    void feed(RungEncoder *smaller)
    {
        m_feeds = smaller;
        smaller->m_fed = true;
    }
    // Fed by a larger rung: the decoded frames are not for it.
    bool isFed() const { return m_fed; }
    // An encoded audio packet (a reference of its own), carried in every segment.
    void pushAudio(AvPacketPtr packet);
    // Encodes what is queued, flushes the encoder and commits the last segment; joins.
    void finish();
    // Stops encoding at the next keyframe (the rung is shed): its last segment is committed
    // whole, what is queued after it dropped. Returns without waiting; finish() joins.
    void shed();
    // Stopped after shed(): it takes no more frames.
    bool isShed() const { return m_shed; }

    const PlannedRung &rung() const { return m_setup.rung; }
    // How many frames may wait for the encoder: six for a file fed as fast as it goes (the
    // feeder waits), a second of frames for a live source (then non-keyframes are dropped).
    static int queueFrames(bool realTime, AVRational frameRate);
    Figures figures() const;

private:
    struct Item {
        AvFramePtr frame;
        AvPacketPtr audio;
        bool end = false;
    };

    bool open(QString *error); // on the rung's thread
    void run();
    void encode(AVFrame *frame); // null flushes
    void handleVideoPacket(AVPacket *packet);
    // Passes held audio that starts before `limitUs` (all of it for INT64_MAX).
    void releaseAudio(int64_t limitUs);

    SegmentStore &m_store;
    RungEncoderSetup m_setup;
    std::unique_ptr<Segmenter> m_segmenter;
    AvCodecContextPtr m_encoder;
    AvCodecParametersPtr m_videoParameters;
    AvCodecParametersPtr m_audioParameters;
    SwsContext *m_scaler = nullptr; // sws_getCachedContext's; freed by the destructor
    RungEncoder *m_feeds = nullptr; // the rung scaling this one's pictures down, if any
    bool m_fed = false;
    AvPacketPtr m_packet;
    std::deque<AvPacketPtr> m_heldAudio; // rung thread only
    std::unique_ptr<QThread> m_thread;
    int64_t m_firstPtsUs = AV_NOPTS_VALUE; // of the first frame encoded

    mutable std::mutex m_mutex; // guards the queue and m_figures
    std::condition_variable m_changed;
    std::deque<Item> m_queue;
    int m_queuedFrames = 0;
    const int m_queueFrames; // queueFrames()
    Figures m_figures;
    // The thread's busy time: since it started, less the time it waited for the queue.
    bool m_running = false;
    bool m_waiting = false;
    std::chrono::steady_clock::time_point m_startedAt;
    std::chrono::steady_clock::time_point m_waitingSince;
    std::chrono::steady_clock::duration m_idle {};
    bool m_shedding = false; // under m_mutex
    std::atomic<bool> m_shed {false};
};

} // namespace panelx
