#include "BrowserCodecs.h"

#include <QCoreApplication>

namespace panelx::browsercodecs {

namespace {
QString videoName(const QString &codec)
{
    const QString name = codec.toLower();
    if (name == QLatin1String("mpeg2video"))
        return QCoreApplication::translate("BrowserCodecs", "MPEG-2 video");
    if (name == QLatin1String("hevc") || name == QLatin1String("h265"))
        return QCoreApplication::translate("BrowserCodecs", "HEVC video");
    return {};
}

QString audioName(const QString &codec)
{
    const QString name = codec.toLower();
    if (name == QLatin1String("mp2"))
        return QCoreApplication::translate("BrowserCodecs", "MP2 audio");
    if (name == QLatin1String("ac3"))
        return QCoreApplication::translate("BrowserCodecs", "AC-3 audio");
    if (name == QLatin1String("eac3"))
        return QCoreApplication::translate("BrowserCodecs", "E-AC-3 audio");
    return {};
}
} // namespace

QStringList unplayable(const ChannelStatus &status)
{
    QStringList result;
    for (const QString &name : {videoName(status.videoCodec), audioName(status.audioCodec)})
        if (!name.isEmpty())
            result.append(name);
    return result;
}

QString ladderHint(const ChannelConfig &channel, const ChannelStatus &status)
{
    const QStringList codecs = unplayable(status);
    if (channel.abr.enabled || codecs.isEmpty())
        return {};
    return QCoreApplication::translate("BrowserCodecs",
        "Browsers and many phones cannot play %1; turn the ladder on to reach every device.")
        .arg(codecs.join(QCoreApplication::translate("BrowserCodecs", " or ")));
}

} // namespace panelx::browsercodecs
