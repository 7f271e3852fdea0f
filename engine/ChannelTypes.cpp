#include "ChannelTypes.h"

#include <QCoreApplication>

namespace panelx {

bool isDemoSourceUrl(const QString &url)
{
    const QString trimmed = url.trimmed().toLower();
    return trimmed == kDemoSourceUrl || trimmed == kDemoSourceUrl + QStringLiteral("//");
}

QString channelStateName(ChannelState state)
{
    switch (state) {
    case ChannelState::Stopped:
        return QCoreApplication::translate("ChannelState", "Stopped");
    case ChannelState::Starting:
        return QCoreApplication::translate("ChannelState", "Starting");
    case ChannelState::Live:
        return QCoreApplication::translate("ChannelState", "Live");
    case ChannelState::Reconnecting:
        return QCoreApplication::translate("ChannelState", "Reconnecting");
    case ChannelState::Failed:
        return QCoreApplication::translate("ChannelState", "Failed");
    case ChannelState::Invalid:
        break;
    }
    return QCoreApplication::translate("ChannelState", "Unknown");
}

QString rungStateName(RungState state)
{
    switch (state) {
    case RungState::Starting:
        return QCoreApplication::translate("RungState", "Starting");
    case RungState::Running:
        return QCoreApplication::translate("RungState", "Running");
    case RungState::Behind:
        return QCoreApplication::translate("RungState", "Falling behind");
    case RungState::Shed:
        return QCoreApplication::translate("RungState", "Switched off");
    case RungState::Skipped:
        return QCoreApplication::translate("RungState", "Skipped");
    case RungState::Invalid:
        break;
    }
    return QCoreApplication::translate("RungState", "Unknown");
}

} // namespace panelx
