#include "ChannelColour.h"

namespace panelx {

namespace {
// Hues 30°–329°: oranges through purples, away from the red of conflicts.
constexpr int kFirstHue = 30;
constexpr int kHueRange = 300;
// A step that spreads neighbouring ids far apart around the wheel.
constexpr int kHueStep = 137;
} // namespace

QColor channelColour(qint64 channelId)
{
    const int hue = kFirstHue + int((channelId * kHueStep) % kHueRange);
    return QColor::fromHsv(hue, 120, 225);
}

} // namespace panelx
