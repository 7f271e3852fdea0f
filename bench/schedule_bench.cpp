// Schedules at scale, against the goal of the schedules issue (docs/benchmarks.md): 10,000
// schedules (records, starts and stops; once, daily and weekly; in eight zones with and without
// DST; on 200 channels, some with ABR, some stopped at times) — the next occurrence of every one,
// then a full conflict check of the coming week, together in at most 100 ms.
//   schedule_bench [rounds]   prints the median and spread of the rounds (wall and CPU time) and
//                             /proc/loadavg; then the same for a crowded week with thousands of
//                             conflicts, for information
#include "schedule/Conflicts.h"
#include "schedule/Occurrences.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <random>
#include <time.h>
#include <vector>

using namespace panelx;

namespace {

constexpr int kSchedules = 10'000;
constexpr int kChannels = 200;
constexpr int kRecordedChannels = 180;
constexpr double kGoalMs = 100;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

QByteArray loadavg()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray("unknown");
}

// The same plans every run (a fixed seed), all valid. Crowded: the stops fall on the recorded
// channels too, so thousands of conflicts are found and written out.
QList<Schedule> makeSchedules(const QDate &today, bool crowded)
{
    const QByteArray zones[] = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
        "Asia/Kolkata", "UTC", "Asia/Tokyo", "America/Sao_Paulo", "Europe/London"};
    std::mt19937 random(20261201);
    const auto pick = [&random](int from, int to) {
        return std::uniform_int_distribution<int>(from, to)(random);
    };
    QList<Schedule> schedules;
    schedules.reserve(kSchedules);
    for (int i = 0; i < kSchedules; ++i) {
        Schedule s;
        s.id = i + 1;
        s.name = QStringLiteral("Plan %1").arg(i + 1);
        const int kind = pick(0, 9);
        s.action = kind < 8 ? ScheduleAction::Record
                            : (kind == 8 ? ScheduleAction::Start : ScheduleAction::Stop);
        // Recordings and starts on most channels; stops (for the night, say) on the others.
        s.channelId = s.action == ScheduleAction::Stop
            ? pick(crowded ? 1 : kRecordedChannels + 1, kChannels)
            : pick(1, kRecordedChannels);
        s.timeZoneId = zones[pick(0, 7)];
        s.startTime = QTime(pick(0, 23), pick(0, 11) * 5);
        s.durationMinutes = s.action == ScheduleAction::Record ? pick(1, 36) * 5
            : s.action == ScheduleAction::Stop                 ? pick(0, 1) * 240
                                                               : 0;
        const int repeat = pick(0, 9);
        s.recurrence
            = repeat < 4 ? Recurrence::Daily : (repeat < 8 ? Recurrence::Weekly : Recurrence::Once);
        s.firstDate = today.addDays(s.recurrence == Recurrence::Once ? pick(0, 6) : -pick(0, 60));
        if (s.recurrence == Recurrence::Weekly)
            for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
                if (pick(0, 2) == 0 || (day == Qt::Sunday && s.weekdays.isEmpty()))
                    s.weekdays.add(day);
        if (s.recurrence != Recurrence::Once && pick(0, 4) == 0)
            s.lastDate = today.addDays(pick(1, 90));
        if (s.action == ScheduleAction::Record) {
            s.paddingBeforeMinutes = pick(0, 2) * 5;
            s.paddingAfterMinutes = pick(0, 2) * 5;
        }
        s.enabled = pick(0, 19) != 0;
        if (!ScheduleValidator::validate(s).isEmpty())
            qFatal("schedule %d does not validate: %s", i + 1,
                qPrintable(ScheduleValidator::validate(s).first().message));
        schedules.append(s);
    }
    return schedules;
}

ConflictLimits makeLimits()
{
    ConflictLimits limits;
    limits.maxRecordings = 400;
    limits.maxTranscodes = 8;
    limits.freeQuotaBytes = 2'000'000'000'000LL; // 2 TB
    for (int channel = 1; channel <= kChannels; ++channel) {
        ConflictChannel &load = limits.channels[channel];
        load.name = QStringLiteral("Channel %1").arg(channel);
        load.bytesPerMinute = 30'000'000; // 4 Mbit/s
        load.abr = channel % 10 == 0;
    }
    return limits;
}

double cpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Rounds of: the next occurrence of every schedule, then the conflict check of the week.
void run(const char *what, const QList<Schedule> &schedules, int rounds, bool goal)
{
    const qint64 now = QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    const ConflictLimits limits = makeLimits();
    std::vector<double> nextMs, conflictMs, totalMs, totalCpuMs;
    qsizetype found = 0, conflicts = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const double cpuStart = cpuMs();
        found = 0;
        for (const Schedule &schedule : schedules)
            found += Occurrences::next(schedule, now, 1).size();
        const qint64 afterNextNs = timer.nsecsElapsed();
        conflicts = Conflicts::find(schedules, limits, now).size();
        const qint64 totalNs = timer.nsecsElapsed();
        totalCpuMs.push_back(cpuMs() - cpuStart);
        nextMs.push_back(afterNextNs / 1e6);
        conflictMs.push_back((totalNs - afterNextNs) / 1e6);
        totalMs.push_back(totalNs / 1e6);
    }
    std::printf("%s: %d schedules, %lld with a next occurrence, %lld conflicts in the coming "
                "week\n",
        what, kSchedules, qint64(found), qint64(conflicts));
    std::printf("  next of all: median %.1f ms; conflict check: median %.1f ms\n", median(nextMs),
        median(conflictMs));
    std::printf("  together: median %.1f ms (min %.1f, max %.1f, %d rounds), CPU median %.1f ms",
        median(totalMs), *std::min_element(totalMs.begin(), totalMs.end()),
        *std::max_element(totalMs.begin(), totalMs.end()), rounds, median(totalCpuMs));
    if (goal)
        std::printf(
            "; goal <= %.0f ms: %s", kGoalMs, median(totalMs) <= kGoalMs ? "met" : "NOT met");
    std::printf("\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 21;
    std::printf("loadavg before: %s\n", loadavg().constData());
    run("a plausible week", makeSchedules(QDate(2026, 12, 1), false), rounds, true);
    run("a crowded week", makeSchedules(QDate(2026, 12, 1), true), rounds, false);
    std::printf("loadavg after: %s\n", loadavg().constData());
    return 0;
}
