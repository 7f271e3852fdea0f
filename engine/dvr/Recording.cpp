#include "Recording.h"

#include <array>
#include <utility>

namespace panelx {

namespace {

constexpr std::array kStateNames {
    std::pair {RecordingState::Scheduled, "scheduled"},
    std::pair {RecordingState::Recording, "recording"},
    std::pair {RecordingState::Finished, "finished"},
    std::pair {RecordingState::Partial, "partial"},
    std::pair {RecordingState::Stopped, "stopped"},
    std::pair {RecordingState::Failed, "failed"},
};

} // namespace

QString recordingStateName(RecordingState state)
{
    for (const auto &[value, name] : kStateNames)
        if (value == state)
            return QString::fromLatin1(name);
    return {};
}

RecordingState recordingStateFromName(const QString &name)
{
    for (const auto &[value, text] : kStateNames)
        if (name == QLatin1String(text))
            return value;
    return RecordingState::Invalid;
}

bool isDone(RecordingState state)
{
    return state == RecordingState::Finished || state == RecordingState::Partial
        || state == RecordingState::Stopped || state == RecordingState::Failed;
}

} // namespace panelx
