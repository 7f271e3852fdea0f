#include "ChannelValidator.h"

#include "http/Routes.h"
#include "storage/ChannelRepository.h"
#include "transcode/Ladder.h"

#include <QRegularExpression>

extern "C" {
#include <libavformat/avformat.h>
}

#include <algorithm>

namespace panelx {

namespace {

// Offered first in messages: what operators use most.
const QStringList kCommonProtocols = {QStringLiteral("udp"), QStringLiteral("rtp"),
    QStringLiteral("rtsp"), QStringLiteral("rtmp"), QStringLiteral("srt"), QStringLiteral("http"),
    QStringLiteral("https"), QStringLiteral("file")};

QString suggestedProtocols(const QStringList &known)
{
    QStringList shown;
    for (const QString &protocol : kCommonProtocols)
        if (known.contains(protocol))
            shown.append(protocol);
    shown.append(QStringLiteral("…"));
    return shown.join(QStringLiteral(", "));
}

QString secondsText(int ms)
{
    return QString::number(ms / 1000.0, 'g', 4);
}

} // namespace

QStringList ChannelValidator::inputProtocols()
{
    // The list cannot change while the program runs.
    static const QStringList protocols = [] {
        QStringList list;
        void *opaque = nullptr;
        while (const char *name = avio_enum_protocols(&opaque, 0))
            list.append(QString::fromLatin1(name));
        // Some inputs are demuxers that open their URL themselves (rtsp://), not protocols.
        opaque = nullptr;
        while (const AVInputFormat *format = av_demuxer_iterate(&opaque)) {
            if (!(format->flags & AVFMT_NOFILE) || !format->name)
                continue;
            for (const QString &name : QString::fromLatin1(format->name).split(u','))
                list.append(name);
        }
        if (list.contains(QLatin1String("rtsp")) && list.contains(QLatin1String("tls")))
            list.append(QStringLiteral("rtsps"));
        list.sort();
        list.removeDuplicates();
        return list;
    }();
    return protocols;
}

QString ChannelValidator::checkSourceUrl(const QString &input)
{
    const QString url = input.trimmed();
    if (url.isEmpty())
        return QStringLiteral("Enter the source URL, for example udp://@239.0.0.1:1234 or "
                              "http://camera.local/stream.m3u8.");
    if (url.startsWith(u'/'))
        return {}; // an absolute file path
    static const QRegularExpression schemePattern(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*):"));
    const auto match = schemePattern.match(url);
    if (!match.hasMatch())
        return QStringLiteral("“%1” is not a URL. Start it with a scheme such as udp://, "
                              "rtsp:// or http://, or give an absolute file path.")
            .arg(url);
    const QString scheme = match.captured(1).toLower();
    if (scheme == QLatin1String("demo"))
        return isDemoSourceUrl(url)
            ? QString()
            : QStringLiteral("The built-in test pattern is “%1”; nothing may follow it.")
                  .arg(kDemoSourceUrl);
    // libav itself only looks at the part before '+' ("hls+http" is opened by "hls").
    const QString protocol = scheme.section(u'+', 0, 0);
    const QStringList known = inputProtocols();
    if (!known.contains(protocol))
        return QStringLiteral("Unknown URL scheme “%1”. Use one of: %2")
            .arg(match.captured(1), suggestedProtocols(known));
    QString rest = url.mid(match.capturedLength());
    if (rest.startsWith(QLatin1String("//")))
        rest = rest.mid(2);
    if (rest.isEmpty())
        return QStringLiteral("The URL “%1” has no address after “%2”. Add the host and "
                              "port or the path, for example %2//192.168.1.10:1234.")
            .arg(url, match.captured(0));
    return {};
}

QList<FieldError> ChannelValidator::validate(
    const ChannelConfig &channel, const QList<ChannelConfig> &existing)
{
    QList<FieldError> errors;

    const QString name = channel.name.trimmed();
    if (name.isEmpty()) {
        errors.append({channelfield::name, QStringLiteral("Enter a name for the channel.")});
    } else if (name.size() > kMaxNameLength) {
        errors.append({channelfield::name,
            QStringLiteral("The name is %1 characters long; shorten it to %2 or fewer.")
                .arg(name.size())
                .arg(kMaxNameLength)});
    } else {
        const bool taken = std::any_of(existing.begin(), existing.end(), [&](const auto &other) {
            return (channel.id == 0 || other.id != channel.id)
                && other.name.trimmed().compare(name, Qt::CaseInsensitive) == 0;
        });
        // A new channel's URL name comes from its name; the server's own paths are not free.
        const QString slug = ChannelRepository::slugFromName(name);
        if (taken)
            errors.append({channelfield::name,
                QStringLiteral("A channel named “%1” already exists. Choose another name.")
                    .arg(name),
                true});
        else if (channel.id == 0 && http::isReservedSlug(slug.toStdString()))
            errors.append({channelfield::name,
                QStringLiteral("The name “%1” would give the channel the web address /%2/, "
                               "which the viewer server uses itself; choose another name, "
                               "such as “%1 TV”.")
                    .arg(name, slug)});
    }

    if (const QString problem = checkSourceUrl(channel.sourceUrl); !problem.isEmpty())
        errors.append({channelfield::sourceUrl, problem});

    if (channel.segmentDurationMs < kMinSegmentDurationMs
        || channel.segmentDurationMs > kMaxSegmentDurationMs)
        errors.append({channelfield::segmentDurationMs,
            QStringLiteral("The segment duration must be between %1 and %2 seconds.")
                .arg(secondsText(kMinSegmentDurationMs), secondsText(kMaxSegmentDurationMs))});

    if (channel.bufferMs < 0 || channel.bufferMs > kMaxBufferMs)
        errors.append({channelfield::bufferMs,
            QStringLiteral("The timeshift buffer must be between 0 and %1 hours.")
                .arg(kMaxBufferMs / 3600000)});

    errors.append(ladder::validate(channel.abr));
    return errors;
}

} // namespace panelx
