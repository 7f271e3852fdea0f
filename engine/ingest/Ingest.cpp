#include "ingest/Ingest.h"

#include "av/AvError.h"
#include "hls/SegmentStore.h"
#include "hls/Segmenter.h"

extern "C" {
#include <libavcodec/avcodec.h>
}

#include <QDebug>
#include <QThread>
#include <algorithm>

namespace panelx {

namespace {

using Clock = std::chrono::steady_clock;

// A session that stayed up this long was a working connection: the next loss starts the
// backoff from the beginning again.
constexpr auto kStableSession = std::chrono::seconds(10);
// How long a new session waits for the copy segmenter to accept its streams, so a codec it
// cannot carry fails the channel with its reason. A segmenter still busy finishing the last
// session (a slow disk) answers later; its answer is then checked while reading.
constexpr auto kRequiredAnswerTimeout = std::chrono::seconds(5);

} // namespace

Ingest::Ingest(ChannelConfig channel, SegmentStore &store, IngestOptions options)
    : m_channel(std::move(channel)), m_store(store), m_options(std::move(options))
{
    SegmenterOptions segmenterOptions;
    segmenterOptions.channelId = m_channel.id;
    segmenterOptions.rendition = kSourceRendition;
    segmenterOptions.targetDurationMs
        = std::clamp(m_channel.segmentDurationMs, kMinSegmentDurationMs, kMaxSegmentDurationMs);
    segmenterOptions.bufferMs = m_channel.bufferMs;
    segmenterOptions.onCommitted = [this](const SegmentInfo &info) {
        // A commit shows the segmenter works again: its last error no longer applies.
        bool cleared = false;
        {
            std::lock_guard lock(m_statusMutex);
            if (m_segmenterErrorShown && m_status.state == ChannelState::Live) {
                m_status.message.clear();
                cleared = true;
            }
            m_segmenterErrorShown = false;
        }
        if (cleared)
            publishStatus();
        if (m_options.onSegment)
            m_options.onSegment(info);
    };
    segmenterOptions.onError = [this](const QString &message) {
        {
            std::lock_guard lock(m_statusMutex);
            m_status.message = message;
            m_segmenterErrorShown = true;
        }
        publishStatus();
    };
    m_segmenter = std::make_unique<Segmenter>(m_store, std::move(segmenterOptions));
    m_consumers.push_back(
        {std::make_shared<ConsumerThread>(*m_segmenter, QStringLiteral("segmenter"), m_channel.id,
             m_channel.name, m_options.queueLimits),
            true});

    m_status.channelId = m_channel.id;
    m_status.state = ChannelState::Stopped;
}

Ingest::~Ingest()
{
    stop();
    // Joins the consumers' threads before the segmenter they run goes.
    m_consumers.clear();
}

void Ingest::start()
{
    if (isRunning())
        return;
    if (m_thread) {
        m_thread->wait(); // a thread that ended by itself (Failed)
        m_thread.reset();
    }
    m_control.clearStop();
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("ingest-%1").arg(m_channel.id));
    m_thread->start();
    if (!m_statusThread) {
        m_statusThread.reset(QThread::create([this] { runStatusTimer(); }));
        m_statusThread->setObjectName(QStringLiteral("status-%1").arg(m_channel.id));
        m_statusThread->start();
    }
}

void Ingest::stop()
{
    if (!m_thread)
        return;
    m_control.requestStop();
    m_thread->wait();
    m_thread.reset();
    m_statusThread->wait();
    m_statusThread.reset();
    // Every packet already queued is written and the open segment committed: nothing
    // received is lost, also on SIGTERM.
    waitConsumersDrained();
    setState(ChannelState::Stopped, QString());
}

bool Ingest::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

ChannelStatus Ingest::status() const
{
    std::lock_guard lock(m_statusMutex);
    ChannelStatus status = m_status;
    // Measured when asked, so it falls as soon as packets stop arriving.
    status.inputBitrate
        = status.state == ChannelState::Live ? m_inputRate.bitsPerSecond(Clock::now()) : 0;
    status.packetsDropped = m_packetsDropped.load(std::memory_order_relaxed);
    return status;
}

void Ingest::addListener(PacketListener *listener, const QString &name)
{
    auto consumer = std::make_shared<ConsumerThread>(
        *listener, name, m_channel.id, m_channel.name, m_options.queueLimits);
    std::lock_guard lock(m_listenerMutex);
    // Joined mid-session: it starts with the next packet (and waits for a keyframe itself).
    if (m_session)
        consumer->startSession(m_session);
    m_consumers.push_back({std::move(consumer), false});
}

void Ingest::removeListener(PacketListener *listener)
{
    std::shared_ptr<ConsumerThread> consumer;
    {
        std::lock_guard lock(m_listenerMutex);
        auto it = std::find_if(m_consumers.begin(), m_consumers.end(),
            [listener](const Consumer &c) { return &c.thread->listener() == listener; });
        if (it == m_consumers.end() || it->required)
            return;
        consumer = std::move(it->thread);
        m_consumers.erase(it);
    }
    // Out of the lock: the reader goes on while the consumer finishes on its own thread.
    consumer->finish();
}

std::vector<ConsumerStats> Ingest::consumerStats() const
{
    std::lock_guard lock(m_listenerMutex);
    std::vector<ConsumerStats> stats;
    for (const Consumer &consumer : m_consumers)
        stats.push_back(consumer.thread->stats());
    return stats;
}

void Ingest::setState(ChannelState state, const QString &message)
{
    {
        std::lock_guard lock(m_statusMutex);
        m_status.state = state;
        m_status.message = message;
        m_segmenterErrorShown = false;
    }
    publishStatus();
}

void Ingest::publishStatus()
{
    if (!m_options.onStatus)
        return;
    // Several threads publish: the snapshot is taken under the same lock as the call, so a
    // stale snapshot can never be delivered after a newer one.
    std::lock_guard lock(m_publishMutex);
    m_options.onStatus(status());
}

void Ingest::runStatusTimer()
{
    while (m_control.waitFor(std::chrono::milliseconds(m_options.statusIntervalMs))) {
        bool live = false;
        {
            std::lock_guard lock(m_statusMutex);
            live = m_status.state == ChannelState::Live;
        }
        if (live)
            publishStatus();
    }
}

bool Ingest::startSession(const IngestSession &session, QString *error, bool *answerPending)
{
    std::shared_ptr<const SharedSession> shared = SharedSession::copy(session, error);
    if (!shared)
        return false;
    std::vector<std::shared_ptr<ConsumerThread>> required;
    {
        std::lock_guard lock(m_listenerMutex);
        m_session = shared;
        for (Consumer &consumer : m_consumers) {
            consumer.thread->startSession(shared);
            if (consumer.required)
                required.push_back(consumer.thread);
        }
    }
    const auto deadline = Clock::now() + kRequiredAnswerTimeout;
    *answerPending = false;
    for (const auto &consumer : required) {
        const auto answer = consumer->waitForAnswer(
            deadline, [this] { return m_control.stopRequested(); }, error);
        if (answer == ConsumerThread::Answer::Refused)
            return false;
        if (answer == ConsumerThread::Answer::Pending)
            *answerPending = true;
    }
    return true;
}

ConsumerThread::Answer Ingest::requiredAnswer(QString *why) const
{
    std::lock_guard lock(m_listenerMutex);
    auto result = ConsumerThread::Answer::Accepted;
    for (const Consumer &consumer : m_consumers) {
        if (!consumer.required)
            continue;
        const auto answer = consumer.thread->waitForAnswer(Clock::now(), {}, why);
        if (answer == ConsumerThread::Answer::Refused)
            return answer;
        if (answer == ConsumerThread::Answer::Pending)
            result = answer;
    }
    return result;
}

void Ingest::fanOut(const AVPacket &packet)
{
    const SharedPacket shared = sharePacket(packet);
    if (!shared) {
        m_packetsDropped.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    std::lock_guard lock(m_listenerMutex);
    for (Consumer &consumer : m_consumers) {
        if (!consumer.thread->push(shared))
            m_packetsDropped.fetch_add(1, std::memory_order_relaxed);
    }
}

void Ingest::endSession()
{
    std::lock_guard lock(m_listenerMutex);
    for (Consumer &consumer : m_consumers)
        consumer.thread->endSession();
    m_session.reset();
}

void Ingest::waitConsumersDrained()
{
    std::vector<std::shared_ptr<ConsumerThread>> consumers;
    {
        std::lock_guard lock(m_listenerMutex);
        for (const Consumer &consumer : m_consumers)
            consumers.push_back(consumer.thread);
    }
    for (const auto &consumer : consumers)
        consumer->waitDrained();
}

void Ingest::describeStreams(const IngestSession &session)
{
    std::lock_guard lock(m_statusMutex);
    m_status.videoCodec.clear();
    m_status.audioCodec.clear();
    m_status.width = m_status.height = 0;
    m_status.frameRate = 0;
    for (const SourceStream &stream : session.streams) {
        const AVCodecParameters *par = stream.codecpar;
        const QString codec = QString::fromLatin1(avcodec_get_name(par->codec_id));
        if (par->codec_type == AVMEDIA_TYPE_VIDEO && m_status.videoCodec.isEmpty()) {
            m_status.videoCodec = codec;
            m_status.width = par->width;
            m_status.height = par->height;
            if (stream.frameRate.num > 0 && stream.frameRate.den > 0)
                m_status.frameRate = av_q2d(stream.frameRate);
        } else if (par->codec_type == AVMEDIA_TYPE_AUDIO && m_status.audioCodec.isEmpty()) {
            m_status.audioCodec = codec;
        }
    }
}

void Ingest::run()
{
    const AvLogChannelScope logScope(m_channel.id, m_channel.name);
    const QString url = m_channel.sourceUrl.trimmed();
    int attempt = 0;
    int backoffMs = m_options.initialBackoffMs;
    QString lastError;
    AvPacketPtr packet = makeAvPacket();

    // Waits out the backoff (interrupted by stop) and grows it. False when stopped.
    auto waitBackoff = [&] {
        const bool keepGoing = m_control.waitFor(std::chrono::milliseconds(backoffMs));
        backoffMs = std::min(backoffMs * 2, m_options.maxBackoffMs);
        ++attempt;
        return keepGoing;
    };

    // A file that ended is played again at once, staying Live: looping a file is what an
    // operator means by a file channel, not a loss.
    bool restartAtOnce = false;
    while (!m_control.stopRequested()) {
        if (!restartAtOnce)
            setState(attempt == 0 ? ChannelState::Starting : ChannelState::Reconnecting, lastError);
        restartAtOnce = false;
        SourceOptions sourceOptions;
        sourceOptions.openTimeoutMs = m_options.openTimeoutMs;
        sourceOptions.readTimeoutMs = m_options.readTimeoutMs;
        sourceOptions.attempt = attempt;
        std::unique_ptr<PacketSource> source = makePacketSource(url, m_control, sourceOptions);
        QString error;
        if (!source->open(&error)) {
            if (m_control.stopRequested())
                break;
            lastError = error;
            setState(ChannelState::Reconnecting, lastError);
            if (!waitBackoff())
                break;
            continue;
        }

        IngestSession session;
        session.channelId = m_channel.id;
        session.url = url;
        session.streams = source->streams();
        session.realTime = source->isRealTime();
        session.number = attempt + 1;
        describeStreams(session);
        bool answerPending = false;
        if (!startSession(session, &error, &answerPending)) {
            // A stream the segmenter cannot carry will not change by reconnecting.
            endSession();
            setState(ChannelState::Failed, error);
            return;
        }
        setState(ChannelState::Live, QString());

        const auto sessionStart = Clock::now();
        qint64 packetsRead = 0;
        bool refused = false; // a required consumer refused the streams, at once or later
        ReadResult result;
        while ((result = source->read(packet.get(), &error)) == ReadResult::Packet
            || result == ReadResult::StreamsChanged) {
            if (result == ReadResult::StreamsChanged) {
                // A new session on the same source: the segmenter marks the discontinuity,
                // the status shows the new streams.
                endSession();
                session.streams = source->streams();
                describeStreams(session);
                if (!startSession(session, &error, &answerPending)) {
                    refused = true;
                    break;
                }
                publishStatus();
                continue;
            }
            ++packetsRead;
            {
                std::lock_guard lock(m_statusMutex);
                m_inputRate.add(packet->size, Clock::now());
            }
            fanOut(*packet);
            av_packet_unref(packet.get());
            if (answerPending) {
                const ConsumerThread::Answer answer = requiredAnswer(&error);
                answerPending = answer == ConsumerThread::Answer::Pending;
                refused = answer == ConsumerThread::Answer::Refused;
                if (refused)
                    break;
            }
        }
        av_packet_unref(packet.get());
        // Commits the open segment (on the segmenter's thread, after every packet queued for
        // it): on stop (SIGTERM included) nothing received is lost.
        endSession();
        source.reset();
        if (refused) {
            setState(ChannelState::Failed, error);
            return;
        }
        if (result == ReadResult::Stopped || m_control.stopRequested())
            break;
        if (result == ReadResult::Ended && isFileUrl(url) && packetsRead > 0) {
            restartAtOnce = true;
            continue;
        }

        lastError = error;
        if (Clock::now() - sessionStart >= kStableSession)
            backoffMs = m_options.initialBackoffMs;
        setState(ChannelState::Reconnecting, lastError);
        if (!waitBackoff())
            break;
    }
}

} // namespace panelx
