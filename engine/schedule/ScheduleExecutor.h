// Runs what the ScheduleRunner found due through the engine's facade — a recording from the
// padded start, a channel started or stopped and switched back after the held minutes — and logs
// each run in the schedule's history. Lives on the engine's thread.
#pragma once

#include "schedule/ScheduleRun.h"
#include "schedule/ScheduleRunner.h"

#include <QCoreApplication>
#include <QList>
#include <optional>

namespace panelx {

class Engine;
class ScheduleRepository;

class ScheduleExecutor {
    Q_DECLARE_TR_FUNCTIONS(ScheduleExecutor)
public:
    // A start or stop that is not held runs this late at most (a busy machine); later, or a
    // held one or a recording that is over, is missed: it is logged, not run late.
    static constexpr qint64 kLateToleranceMs = 60'000;

    ScheduleExecutor(Engine &engine, ScheduleRepository &repository)
        : m_engine(engine), m_repository(repository)
    {
    }

    // The history entry made, if any: none when the occurrence was handled before, its schedule
    // is gone or disabled, or a switch back succeeded.
    std::optional<ScheduleRun> handle(const ScheduleEvent &event, qint64 nowUtcMs);

private:
    std::optional<ScheduleRun> begin(
        const Schedule &schedule, const Occurrence &occurrence, qint64 nowUtcMs);
    std::optional<ScheduleRun> end(
        const Schedule &schedule, const Occurrence &occurrence, qint64 nowUtcMs);
    ScheduleRun log(ScheduleRun run);

    Engine &m_engine;
    ScheduleRepository &m_repository;
};

} // namespace panelx
