#include "ScheduleRun.h"

#include <utility>

namespace panelx {

namespace {

constexpr std::pair<ScheduleRun::Result, const char *> kResultNames[] = {
    {ScheduleRun::Result::Done, "done"},
    {ScheduleRun::Result::Failed, "failed"},
    {ScheduleRun::Result::Missed, "missed"},
};

} // namespace

QString scheduleRunResultName(ScheduleRun::Result result)
{
    for (const auto &[candidate, name] : kResultNames)
        if (candidate == result)
            return QString::fromLatin1(name);
    return {};
}

ScheduleRun::Result scheduleRunResultFromName(const QString &name)
{
    for (const auto &[result, text] : kResultNames)
        if (name == QLatin1String(text))
            return result;
    return ScheduleRun::Result::Invalid;
}

} // namespace panelx
