// The schedule runner's cost while it waits, against the goal of the schedules issue (idle CPU
// ≈ 0, docs/benchmarks.md): 1,000 enabled schedules (daily and weekly, in eight zones) armed, none
// due within the window; then the process's CPU time over the window (60 s unless given) from
// getrusage, and how often the runner's thread woke.
//   schedule_runner_idle [seconds]
#include "schedule/ScheduleRunner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <QTimer>

#include <cstdio>
#include <sys/resource.h>

using namespace panelx;

namespace {

constexpr int kSchedules = 1000;

double cpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int seconds = argc > 1 ? std::max(1, atoi(argv[1])) : 60;
    const QByteArray zones[] = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
        "Asia/Kolkata", "UTC", "Asia/Tokyo", "America/Sao_Paulo", "Europe/London"};
    // Every start at least two hours away, so the window has nothing due.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ScheduleRunner runner;
    for (int i = 0; i < kSchedules; ++i) {
        const QByteArray zone = zones[i % 8];
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(
            now + 2 * 3'600'000LL + qint64(i % 600) * 60'000, QTimeZone(zone));
        Schedule s;
        s.id = i + 1;
        s.name = QStringLiteral("Plan %1").arg(i + 1);
        s.action = i % 3 == 0 ? ScheduleAction::Start : ScheduleAction::Record;
        s.channelId = i % 50 + 1;
        s.firstDate = local.date();
        s.startTime = QTime(local.time().hour(), local.time().minute());
        s.timeZoneId = zone;
        s.durationMinutes = 30;
        s.recurrence = i % 2 ? Recurrence::Daily : Recurrence::Weekly;
        s.weekdays = Weekdays::all();
        runner.watch(s, now);
    }
    // Measured from the first time the timer is armed with every schedule watched (the changes
    // wake the runner in bursts, so it may be armed a few times while they arrive).
    bool measuring = false;
    QObject::connect(&runner, &ScheduleRunner::armed, &app, [&] {
        if (measuring || runner.watchedCount() < kSchedules)
            return;
        measuring = true;
        const double startCpu = cpuMs();
        const int startWakeUps = runner.wakeUps();
        std::printf("%d schedules armed; next due %s; waiting %d s\n", kSchedules,
            qPrintable(QDateTime::fromMSecsSinceEpoch(runner.armedAtUtcMs(), Qt::UTC)
                           .toString(Qt::ISODate)),
            seconds);
        std::fflush(stdout);
        QTimer::singleShot(seconds * 1000, &app, [&, startCpu, startWakeUps] {
            std::printf("idle over %d s: %.1f ms CPU (process), %d wake-ups of the runner\n",
                seconds, cpuMs() - startCpu, runner.wakeUps() - startWakeUps);
            app.quit();
        });
    });
    return app.exec();
}
