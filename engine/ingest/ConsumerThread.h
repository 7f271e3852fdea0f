// Runs one PacketListener of an ingest on its own named thread, fed through a bounded
// PacketQueue, so a slow consumer (a busy disk or database, an encoder) never stalls the
// reader: it loses whole GOPs instead, counted in its stats and logged at most every 10 s.
#pragma once

#include "ingest/PacketQueue.h"

#include <QString>
#include <chrono>
#include <functional>
#include <memory>

class QThread;

namespace panelx {

struct ConsumerStats : QueueStats {
    QString name; // also the thread's name
};

class ConsumerThread {
public:
    enum class Answer { Invalid = 0, Pending, Accepted, Refused };

    // Starts the thread "<name>-<channelId>"; `listener` must outlive this object.
    ConsumerThread(PacketListener &listener, const QString &name, qint64 channelId,
        const QString &channelName, QueueLimits limits);
    // finish()es.
    ~ConsumerThread();
    ConsumerThread(const ConsumerThread &) = delete;
    ConsumerThread &operator=(const ConsumerThread &) = delete;

    PacketListener &listener() const { return m_listener; }

    // Producer side, serialised by the owner (the ingest's listener lock). Never blocks.
    void startSession(std::shared_ptr<const SharedSession> session);
    // False when the overflow policy dropped it.
    bool push(const SharedPacket &packet);
    void endSession();

    // The listener's answer to the latest startSession, waiting for it until `deadline` (or
    // until `giveUp` returns true, checked every 50 ms). Refused comes with its reason.
    Answer waitForAnswer(std::chrono::steady_clock::time_point deadline,
        const std::function<bool()> &giveUp, QString *why = nullptr);
    // Blocks until the listener has handled everything pushed so far.
    void waitDrained() { m_queue.waitDrained(); }
    // Ends an open session, lets the listener handle everything queued, and joins the thread.
    void finish();

    ConsumerStats stats() const;

private:
    void run();
    void handle(const PacketQueue::Item &item);

    PacketListener &m_listener;
    const QString m_name;
    const qint64 m_channelId;
    const QString m_channelName;
    PacketQueue m_queue;
    std::unique_ptr<QThread> m_thread;

    // Producer side.
    bool m_sessionOpen = false;
    std::chrono::steady_clock::time_point m_lastDropLog;
    qint64 m_dropsAtLastLog = 0;

    // Consumer thread only.
    std::shared_ptr<const SharedSession> m_session;
    bool m_started = false;

    // The answer to the latest session, from the consumer thread to the producer.
    mutable std::mutex m_answerMutex;
    std::condition_variable m_answered;
    int m_sessionsPushed = 0;
    int m_sessionsAnswered = 0;
    bool m_lastAccepted = false;
    QString m_lastRefusal;
};

} // namespace panelx
