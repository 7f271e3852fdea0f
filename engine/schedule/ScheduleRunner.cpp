#include "ScheduleRunner.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHash>
#include <QSocketNotifier>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <sys/timerfd.h>
#include <unistd.h>

namespace panelx {

namespace {

// Occurrences asked of Occurrences::next at a time while collecting what is due.
constexpr int kBatch = 32;
// The machine's zone: a change there wakes the runner (the schedules carry their own zones, but
// a zone change often comes with a clock change that did not set the clock).
const QStringList kZoneFiles {QStringLiteral("/etc/localtime"), QStringLiteral("/etc/timezone")};

qint64 paddingBeforeMs(const Schedule &schedule)
{
    return schedule.action == ScheduleAction::Record
        ? qint64(schedule.paddingBeforeMinutes) * 60'000
        : 0;
}

bool isHeld(const Schedule &schedule)
{
    return schedule.action != ScheduleAction::Record && schedule.durationMinutes > 0;
}

// The events of `schedule` in (fromUtcMs, toUtcMs], appended to `events`.
void collect(
    const Schedule &schedule, qint64 fromUtcMs, qint64 toUtcMs, QList<ScheduleEvent> &events)
{
    // Begins: padded starts in the range, found by their starts.
    const qint64 before = paddingBeforeMs(schedule);
    for (qint64 after = fromUtcMs + before;;) {
        const QList<Occurrence> batch = Occurrences::next(schedule, after, kBatch);
        for (const Occurrence &occurrence : batch) {
            if (occurrence.paddedStartUtcMs > toUtcMs)
                break;
            events.append({ScheduleEvent::Kind::Begin, occurrence});
        }
        if (batch.size() < kBatch || batch.last().paddedStartUtcMs > toUtcMs)
            break;
        after = batch.last().startUtcMs;
    }
    if (!isHeld(schedule))
        return;
    // Ends: a held occurrence lasts its duration in elapsed time.
    const qint64 durationMs = qint64(schedule.durationMinutes) * 60'000;
    for (qint64 after = fromUtcMs - durationMs;;) {
        const QList<Occurrence> batch = Occurrences::next(schedule, after, kBatch);
        for (const Occurrence &occurrence : batch) {
            if (occurrence.endUtcMs > toUtcMs)
                break;
            if (occurrence.endUtcMs > fromUtcMs)
                events.append({ScheduleEvent::Kind::End, occurrence});
        }
        if (batch.size() < kBatch || batch.last().endUtcMs > toUtcMs)
            break;
        after = batch.last().startUtcMs;
    }
}

// The first event of `schedule` after afterUtcMs.
std::optional<qint64> nextEvent(const Schedule &schedule, qint64 afterUtcMs)
{
    std::optional<qint64> next;
    const QList<Occurrence> begin
        = Occurrences::next(schedule, afterUtcMs + paddingBeforeMs(schedule), 1);
    if (!begin.isEmpty())
        next = begin.first().paddedStartUtcMs;
    if (isHeld(schedule)) {
        const QList<Occurrence> end = Occurrences::next(
            schedule, afterUtcMs - qint64(schedule.durationMinutes) * 60'000, 1);
        if (!end.isEmpty() && (!next || end.first().endUtcMs < *next))
            next = end.first().endUtcMs;
    }
    return next;
}

} // namespace

// The runner's thread: the watched schedules, the timerfd and the zone files' watcher.
class ScheduleRunner::Clock : public QObject {
public:
    explicit Clock(ScheduleRunner &runner) : m_runner(runner) { }

    // On the runner's thread, so the notifier and the watcher belong to it.
    void init()
    {
        m_fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
        if (m_fd < 0) {
            qWarning().noquote() << "Schedules cannot run: no timer from the system"
                                 << std::strerror(errno);
            return;
        }
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            quint64 expirations = 0;
            // ECANCELED: the clock was set; either way, look at the clock anew.
            [[maybe_unused]] const ssize_t read = ::read(m_fd, &expirations, sizeof expirations);
            wake();
        });
        m_zoneWatcher = new QFileSystemWatcher(this);
        for (const QString &file : kZoneFiles)
            if (QFileInfo::exists(file))
                m_zoneWatcher->addPath(file);
        connect(m_zoneWatcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
            // Replaced rather than written (a new symlink): watch the new file.
            if (!m_zoneWatcher->files().contains(path) && QFileInfo::exists(path))
                m_zoneWatcher->addPath(path);
            wake();
        });
    }
    ~Clock() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    void watch(const Schedule &schedule, qint64 sinceUtcMs)
    {
        if (schedule.enabled)
            m_watched.insert(schedule.id, {schedule, sinceUtcMs});
        else
            m_watched.remove(schedule.id);
        m_runner.m_watchedCount = int(m_watched.size());
        wakeSoon();
    }

    void forget(qint64 scheduleId)
    {
        m_watched.remove(scheduleId);
        m_runner.m_watchedCount = int(m_watched.size());
        wakeSoon();
    }

private:
    struct Watched {
        Schedule schedule;
        qint64 checkedUtcMs = 0; // events up to this instant were handed on
    };

    // Once for a burst of changes (every schedule watched at the engine's start) rather than
    // once per change, each of which looks at every schedule.
    void wakeSoon()
    {
        if (m_wakePending)
            return;
        m_wakePending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_wakePending = false;
                wake();
            },
            Qt::QueuedConnection);
    }

    // Hands on what is due now and arms the timer at what comes next.
    void wake()
    {
        ++m_runner.m_wakeUps;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QList<ScheduleEvent> events;
        std::optional<qint64> next;
        for (Watched &watched : m_watched) {
            // After the clock was set back, what was handed on stays handed on.
            if (watched.checkedUtcMs < now) {
                collect(watched.schedule, watched.checkedUtcMs, now, events);
                watched.checkedUtcMs = now;
            }
            const auto first = nextEvent(watched.schedule, watched.checkedUtcMs);
            if (first && (!next || *first < *next))
                next = first;
        }
        arm(next.value_or(0));
        if (!events.isEmpty()) {
            std::stable_sort(
                events.begin(), events.end(), [](const ScheduleEvent &a, const ScheduleEvent &b) {
                    return a.atUtcMs() < b.atUtcMs();
                });
            emit m_runner.due(events);
        }
    }

    void arm(qint64 atUtcMs)
    {
        if (m_fd < 0)
            return;
        itimerspec spec {};
        if (atUtcMs > 0) {
            spec.it_value.tv_sec = atUtcMs / 1000;
            spec.it_value.tv_nsec = (atUtcMs % 1000) * 1'000'000;
        }
        // Disarmed (all zero), a clock jump does not matter: nothing is ahead.
        if (timerfd_settime(m_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, nullptr) != 0)
            qWarning().noquote() << "Schedules: the timer could not be set:"
                                 << std::strerror(errno);
        m_runner.m_armedAtUtcMs = atUtcMs;
        emit m_runner.armed(atUtcMs);
    }

    ScheduleRunner &m_runner;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QFileSystemWatcher *m_zoneWatcher = nullptr;
    QHash<qint64, Watched> m_watched;
    bool m_wakePending = false;
};

ScheduleRunner::ScheduleRunner(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ScheduleEvent>();
    qRegisterMetaType<QList<ScheduleEvent>>();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("schedules"));
    m_thread->start();
    m_clock = new Clock(*this);
    m_clock->moveToThread(m_thread);
    QMetaObject::invokeMethod(
        m_clock, [clock = m_clock] { clock->init(); }, Qt::QueuedConnection);
}

ScheduleRunner::~ScheduleRunner()
{
    QMetaObject::invokeMethod(
        m_clock, [clock = m_clock] { delete clock; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void ScheduleRunner::watch(const Schedule &schedule, qint64 sinceUtcMs)
{
    QMetaObject::invokeMethod(
        m_clock, [clock = m_clock, schedule, sinceUtcMs] { clock->watch(schedule, sinceUtcMs); },
        Qt::QueuedConnection);
}

void ScheduleRunner::forget(qint64 scheduleId)
{
    QMetaObject::invokeMethod(
        m_clock, [clock = m_clock, scheduleId] { clock->forget(scheduleId); },
        Qt::QueuedConnection);
}

} // namespace panelx
