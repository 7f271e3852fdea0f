#include "CtlOutput.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace panelx::ctl {

namespace {

QString text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == double(qint64(number)) ? QString::number(qint64(number))
                                                : QString::number(number, 'g', 12);
    }
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList items;
        for (const QJsonValue &item : value.toArray())
            items << text(item);
        return items.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QString channelState(const QJsonObject &channel)
{
    const QJsonObject status = channel.value(QStringLiteral("status")).toObject();
    QString state = status.value(QStringLiteral("state")).toString();
    const QString message = status.value(QStringLiteral("message")).toString();
    if (!message.isEmpty())
        state += QStringLiteral(" (%1)").arg(message);
    return state;
}

QString channelsTable(const QJsonArray &channels)
{
    if (channels.isEmpty())
        return CtlText::tr(
            "No channels yet; add one with `panelx ctl channels add --name N --url U`.\n");
    QList<QStringList> rows {
        {CtlText::tr("ID"), CtlText::tr("NAME"), CtlText::tr("SLUG"), CtlText::tr("STATE"),
            CtlText::tr("VIEWERS"), CtlText::tr("SOURCE"), CtlText::tr("WATCH AT")}};
    for (const QJsonValue &value : channels) {
        const QJsonObject channel = value.toObject();
        rows << QStringList {text(channel.value(QStringLiteral("id"))),
            channel.value(QStringLiteral("name")).toString(),
            channel.value(QStringLiteral("slug")).toString(), channelState(channel),
            text(channel.value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("viewers"))),
            channel.value(QStringLiteral("url")).toString(),
            channel.value(QStringLiteral("liveUrl")).toString()};
    }
    return formatTable(rows);
}

QString channelLines(const QJsonObject &channel)
{
    const QJsonObject status = channel.value(QStringLiteral("status")).toObject();
    QList<QStringList> rows {
        {CtlText::tr("id:"), text(channel.value(QStringLiteral("id")))},
        {CtlText::tr("name:"), channel.value(QStringLiteral("name")).toString()},
        {CtlText::tr("slug:"), channel.value(QStringLiteral("slug")).toString()},
        {CtlText::tr("source:"), channel.value(QStringLiteral("url")).toString()},
        {CtlText::tr("enabled:"), text(channel.value(QStringLiteral("enabled")))},
        {CtlText::tr("segments:"),
            CtlText::tr("%1 s").arg(text(channel.value(QStringLiteral("segmentSeconds"))))},
        {CtlText::tr("buffer:"),
            CtlText::tr("%1 min").arg(text(channel.value(QStringLiteral("bufferMinutes"))))},
        {CtlText::tr("watch at:"), channel.value(QStringLiteral("liveUrl")).toString()},
        {CtlText::tr("state:"), channelState(channel)},
    };
    if (status.value(QStringLiteral("width")).toInt() > 0)
        rows << QStringList {CtlText::tr("video:"),
            QStringLiteral("%1 %2x%3 %4 fps")
                .arg(status.value(QStringLiteral("videoCodec")).toString())
                .arg(status.value(QStringLiteral("width")).toInt())
                .arg(status.value(QStringLiteral("height")).toInt())
                .arg(status.value(QStringLiteral("frameRate")).toDouble(), 0, 'f', 2)};
    if (!status.value(QStringLiteral("audioCodec")).toString().isEmpty())
        rows << QStringList {
            CtlText::tr("audio:"), status.value(QStringLiteral("audioCodec")).toString()};
    rows << QStringList {CtlText::tr("input:"),
        CtlText::tr("%1 kb/s, %2 packets dropped")
            .arg(status.value(QStringLiteral("inputBitrate")).toDouble() / 1000, 0, 'f', 0)
            .arg(text(status.value(QStringLiteral("packetsDropped"))))};
    rows << QStringList {CtlText::tr("viewers:"), text(status.value(QStringLiteral("viewers")))};
    rows << QStringList {CtlText::tr("buffered:"),
        formatBytes(qint64(status.value(QStringLiteral("bufferBytes")).toDouble()))};
    return formatTable(rows);
}

QString settingsLines(const QJsonObject &settings)
{
    QList<QStringList> rows;
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it)
        rows << QStringList {it.key() + QLatin1Char(':'), text(it.value())};
    return formatTable(rows);
}

} // namespace

QString formatTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = qMax(widths[i], row[i].size());
        }
    QString out;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 2) : row[i];
        while (line.endsWith(QLatin1Char(' '))) // an empty last cell
            line.chop(1);
        out += line + QLatin1Char('\n');
    }
    return out;
}

QString formatBytes(qint64 bytes)
{
    static const char *const kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 4) {
        value /= 1024;
        ++unit;
    }
    return unit == 0
        ? QStringLiteral("%1 B").arg(bytes)
        : QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(kUnits[unit]));
}

QString formatDuration(qint64 seconds)
{
    if (seconds < 60)
        return CtlText::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return CtlText::tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return CtlText::tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return CtlText::tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString formatAnswer(const CtlCommand &command, const QJsonObject &answer)
{
    switch (command.output) {
    case Output::Status: {
        const QJsonObject storage = answer.value(QStringLiteral("storage")).toObject();
        return CtlText::tr("PanelX %1, up %2, viewers at %3\n")
                   .arg(answer.value(QStringLiteral("version")).toString(),
                       formatDuration(
                           qint64(answer.value(QStringLiteral("uptimeSeconds")).toDouble())),
                       answer.value(QStringLiteral("viewerUrl")).toString())
            + CtlText::tr("Data in %1: %2 of buffers, %3 free of %4\n\n")
                  .arg(storage.value(QStringLiteral("dataDir")).toString(),
                      formatBytes(qint64(storage.value(QStringLiteral("bufferBytes")).toDouble())),
                      formatBytes(qint64(storage.value(QStringLiteral("freeBytes")).toDouble())),
                      formatBytes(qint64(storage.value(QStringLiteral("totalBytes")).toDouble())))
            + channelsTable(answer.value(QStringLiteral("channels")).toArray());
    }
    case Output::ChannelList:
        return channelsTable(answer.value(QStringLiteral("channels")).toArray());
    case Output::Channel:
        return channelLines(answer);
    case Output::Removed:
        return CtlText::tr("Removed channel %1.\n").arg(command.subject);
    case Output::Settings:
        return settingsLines(answer);
    case Output::SettingsChanged: {
        QString out = settingsLines(answer.value(QStringLiteral("settings")).toObject());
        const QString restart = text(answer.value(QStringLiteral("restartNeeded")));
        if (!restart.isEmpty())
            out += CtlText::tr("\nTakes effect when PanelX starts again: %1\n").arg(restart);
        return out;
    }
    }
    return {};
}

} // namespace panelx::ctl
