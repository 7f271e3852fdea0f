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

} // namespace panelx
