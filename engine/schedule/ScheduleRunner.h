// When schedules are due. A thread of its own sleeps in a Linux timerfd armed on the wall clock
// at the next due instant — no polling, so it costs nothing while it waits — and wakes for a
// wall-clock jump (the timer is cancelled when the clock is set) or a change of the machine's
// zone, then re-arms. What is due goes to the engine, which runs or logs it (ScheduleExecutor).
#pragma once

#include "schedule/Occurrences.h"
#include "schedule/Schedule.h"

#include <QList>
#include <QMetaType>
#include <QObject>

#include <atomic>

class QThread;

namespace panelx {

struct ScheduleEvent {
    enum class Kind {
        Invalid = 0,
        Begin, // at the occurrence's padded start: record, start or stop
        End, // at the end of a held start or stop: switch the channel back
    };
    Kind kind = Kind::Invalid;
    Occurrence occurrence;

    qint64 atUtcMs() const
    {
        return kind == Kind::End ? occurrence.endUtcMs : occurrence.paddedStartUtcMs;
    }
    bool operator==(const ScheduleEvent &) const = default;
};

class ScheduleRunner : public QObject {
    Q_OBJECT
public:
    // Starts the thread; nothing is watched yet.
    explicit ScheduleRunner(QObject *parent = nullptr);
    // Stops and joins the thread.
    ~ScheduleRunner() override;

    // From any thread. Watches an enabled schedule (in place of an earlier version of it) for
    // events after sinceUtcMs: those already past are due at once, so after downtime the
    // engine sees what it missed. A disabled one is forgotten.
    void watch(const Schedule &schedule, qint64 sinceUtcMs);
    void forget(qint64 scheduleId);
    // The instant the timer is armed at; 0 when nothing is ahead.
    qint64 armedAtUtcMs() const { return m_armedAtUtcMs.load(); }
    // How often the thread has woken (timer, clock jump, zone change or a change to watch).
    int wakeUps() const { return m_wakeUps.load(); }
    // How many schedules it watches, once their changes have reached its thread.
    int watchedCount() const { return m_watchedCount.load(); }

signals:
    // From the runner's thread, in time order. Connect queued.
    void due(const QList<panelx::ScheduleEvent> &events);
    // The timer was armed anew (for tests: wait for this rather than for time to pass).
    void armed(qint64 atUtcMs);

private:
    class Clock;
    friend class Clock;
    QThread *m_thread = nullptr;
    Clock *m_clock = nullptr; // lives on m_thread
    std::atomic<qint64> m_armedAtUtcMs {0};
    std::atomic<int> m_wakeUps {0};
    std::atomic<int> m_watchedCount {0};
};

} // namespace panelx

Q_DECLARE_METATYPE(panelx::ScheduleEvent)
