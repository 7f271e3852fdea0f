#include "ingest/Ingest.h"

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
        if (m_options.onSegment)
            m_options.onSegment(info);
    };
    segmenterOptions.onError = [this](const QString &message) {
        {
            std::lock_guard lock(m_statusMutex);
            m_status.message = message;
        }
        publishStatus();
    };
    m_segmenter = std::make_unique<Segmenter>(m_store, std::move(segmenterOptions));
    m_listeners.push_back({m_segmenter.get(), true, ListenerState::Idle});

    m_status.channelId = m_channel.id;
    m_status.state = ChannelState::Stopped;
}

Ingest::~Ingest()
{
    stop();
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
}

void Ingest::stop()
{
    if (!m_thread)
        return;
    m_control.requestStop();
    m_thread->wait();
    m_thread.reset();
    setState(ChannelState::Stopped, QString());
}

bool Ingest::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

ChannelStatus Ingest::status() const
{
    std::lock_guard lock(m_statusMutex);
    return m_status;
}

void Ingest::addListener(PacketListener *listener)
{
    std::lock_guard lock(m_listenerMutex);
    m_listeners.push_back({listener, false, ListenerState::Idle});
}

void Ingest::removeListener(PacketListener *listener)
{
    std::lock_guard lock(m_listenerMutex);
    auto it = std::find_if(m_listeners.begin(), m_listeners.end(),
        [listener](const ListenerEntry &e) { return e.listener == listener; });
    if (it == m_listeners.end() || it->required)
        return;
    if (it->state == ListenerState::Started)
        listener->sessionEnded();
    m_listeners.erase(it);
}

void Ingest::setState(ChannelState state, const QString &message)
{
    {
        std::lock_guard lock(m_statusMutex);
        m_status.state = state;
        m_status.message = message;
        if (state != ChannelState::Live)
            m_status.inputBitrate = 0;
    }
    publishStatus();
}

void Ingest::publishStatus()
{
    if (m_options.onStatus)
        m_options.onStatus(status());
}

bool Ingest::startSession(const IngestSession &session, QString *error)
{
    std::lock_guard lock(m_listenerMutex);
    m_session = &session;
    for (ListenerEntry &entry : m_listeners) {
        QString why;
        if (entry.listener->sessionStarted(session, &why)) {
            entry.state = ListenerState::Started;
            continue;
        }
        entry.state = ListenerState::Refused;
        if (entry.required) {
            *error = why;
            return false;
        }
        qWarning().noquote() << "Channel" << m_channel.id
                             << ": a consumer refused the source:" << why;
    }
    return true;
}

void Ingest::fanOut(const AVPacket &packet)
{
    std::lock_guard lock(m_listenerMutex);
    for (ListenerEntry &entry : m_listeners) {
        if (entry.state == ListenerState::Idle && m_session) {
            // Joined mid-session: it starts with this packet (and waits for a keyframe itself).
            QString why;
            entry.state = entry.listener->sessionStarted(*m_session, &why) ? ListenerState::Started
                                                                           : ListenerState::Refused;
        }
        if (entry.state == ListenerState::Started)
            entry.listener->packetReceived(packet);
    }
}

void Ingest::endSession()
{
    std::lock_guard lock(m_listenerMutex);
    for (ListenerEntry &entry : m_listeners) {
        if (entry.state == ListenerState::Started)
            entry.listener->sessionEnded();
        entry.state = ListenerState::Idle;
    }
    m_session = nullptr;
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

    while (!m_control.stopRequested()) {
        setState(attempt == 0 ? ChannelState::Starting : ChannelState::Reconnecting, lastError);
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
        if (!startSession(session, &error)) {
            // A stream the segmenter cannot carry will not change by reconnecting.
            endSession();
            setState(ChannelState::Failed, error);
            return;
        }
        setState(ChannelState::Live, QString());

        const auto sessionStart = Clock::now();
        auto lastReport = sessionStart;
        qint64 bytesSinceReport = 0;
        ReadResult result;
        while ((result = source->read(packet.get(), &error)) == ReadResult::Packet
            || result == ReadResult::StreamsChanged) {
            if (result == ReadResult::StreamsChanged) {
                // A new session on the same source: the segmenter marks the discontinuity,
                // the status shows the new streams.
                endSession();
                session.streams = source->streams();
                describeStreams(session);
                if (!startSession(session, &error)) {
                    endSession();
                    setState(ChannelState::Failed, error);
                    return;
                }
                publishStatus();
                continue;
            }
            bytesSinceReport += packet->size;
            fanOut(*packet);
            av_packet_unref(packet.get());
            const auto now = Clock::now();
            const auto elapsedMs
                = std::chrono::duration_cast<std::chrono::milliseconds>(now - lastReport).count();
            if (elapsedMs >= m_options.statusIntervalMs) {
                {
                    std::lock_guard lock(m_statusMutex);
                    m_status.inputBitrate = bytesSinceReport * 8 * 1000 / elapsedMs;
                }
                publishStatus();
                bytesSinceReport = 0;
                lastReport = now;
            }
        }
        av_packet_unref(packet.get());
        // Commits the open segment: on stop (SIGTERM included) nothing received is lost.
        endSession();
        source.reset();
        if (result == ReadResult::Stopped || m_control.stopRequested())
            break;

        lastError = error;
        if (Clock::now() - sessionStart >= kStableSession)
            backoffMs = m_options.initialBackoffMs;
        setState(ChannelState::Reconnecting, lastError);
        if (!waitBackoff())
            break;
    }
}

} // namespace panelx
