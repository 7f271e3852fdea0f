#include "ingest/ConsumerThread.h"

#include "av/AvError.h"

#include <QDebug>
#include <QThread>

namespace panelx {

namespace {

constexpr auto kDropLogInterval = std::chrono::seconds(10);

} // namespace

ConsumerThread::ConsumerThread(PacketListener &listener, const QString &name, qint64 channelId,
    const QString &channelName, QueueLimits limits)
    : m_listener(listener), m_name(name), m_channelId(channelId), m_channelName(channelName),
      m_queue(limits)
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("%1-%2").arg(m_name).arg(m_channelId));
    m_thread->start();
}

ConsumerThread::~ConsumerThread()
{
    finish();
}

void ConsumerThread::startSession(std::shared_ptr<const SharedSession> session)
{
    if (m_sessionOpen)
        endSession();
    {
        std::lock_guard lock(m_answerMutex);
        ++m_sessionsPushed;
    }
    m_sessionOpen = true;
    m_queue.pushSessionStarted(std::move(session));
}

bool ConsumerThread::push(const SharedPacket &packet)
{
    if (m_queue.pushPacket(packet))
        return true;
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastDropLog >= kDropLogInterval) {
        const QueueStats stats = m_queue.stats();
        qWarning().noquote() << QStringLiteral(
            "Channel %1 (%2): the %3 consumer falls behind the source, so whole GOPs are "
            "dropped for it: %4 packets since the last report, %5 in %6 overflows of its queue "
            "so far")
                                    .arg(m_channelId)
                                    .arg(m_channelName, m_name)
                                    .arg(stats.packetsDropped - m_dropsAtLastLog)
                                    .arg(stats.packetsDropped)
                                    .arg(stats.overflows);
        m_lastDropLog = now;
        m_dropsAtLastLog = stats.packetsDropped;
    }
    return false;
}

void ConsumerThread::endSession()
{
    if (!m_sessionOpen)
        return;
    m_sessionOpen = false;
    m_queue.pushSessionEnded();
}

ConsumerThread::Answer ConsumerThread::waitForAnswer(std::chrono::steady_clock::time_point deadline,
    const std::function<bool()> &giveUp, QString *why)
{
    std::unique_lock lock(m_answerMutex);
    for (;;) {
        if (m_sessionsAnswered == m_sessionsPushed) {
            if (m_lastAccepted)
                return Answer::Accepted;
            if (why)
                *why = m_lastRefusal;
            return Answer::Refused;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline || (giveUp && giveUp()))
            return Answer::Pending;
        m_answered.wait_until(lock, std::min(deadline, now + std::chrono::milliseconds(50)));
    }
}

void ConsumerThread::finish()
{
    if (!m_thread)
        return;
    endSession();
    m_queue.close();
    m_thread->wait();
    m_thread.reset();
}

ConsumerStats ConsumerThread::stats() const
{
    ConsumerStats stats;
    static_cast<QueueStats &>(stats) = m_queue.stats();
    stats.name = m_name;
    return stats;
}

void ConsumerThread::run()
{
    const AvLogChannelScope logScope(m_channelId, m_channelName);
    while (const std::optional<PacketQueue::Item> item = m_queue.pop()) {
        handle(*item);
        m_queue.itemDone();
    }
}

void ConsumerThread::handle(const PacketQueue::Item &item)
{
    switch (item.kind) {
    case PacketQueue::Item::Kind::SessionStarted: {
        if (m_started)
            m_listener.sessionEnded();
        m_session = item.session;
        QString why;
        m_started = m_listener.sessionStarted(m_session->session(), &why);
        if (!m_started) {
            m_session.reset();
            qWarning().noquote() << QStringLiteral("Channel %1 (%2): the %3 refused the source: %4")
                                        .arg(m_channelId)
                                        .arg(m_channelName, m_name, why);
        }
        std::lock_guard lock(m_answerMutex);
        ++m_sessionsAnswered;
        m_lastAccepted = m_started;
        m_lastRefusal = why;
        m_answered.notify_all();
        break;
    }
    case PacketQueue::Item::Kind::Packet:
        if (m_started)
            m_listener.packetReceived(*item.packet);
        break;
    case PacketQueue::Item::Kind::SessionEnded:
        if (m_started)
            m_listener.sessionEnded();
        m_started = false;
        m_session.reset();
        break;
    case PacketQueue::Item::Kind::Invalid:
        break;
    }
}

} // namespace panelx
