#include "CtlOutput.h"

#include "dvr/DvrPolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <cmath>

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

QString kilobitsPerSecond(const QJsonValue &bitsPerSecond)
{
    return CtlText::tr("%1 kb/s").arg(bitsPerSecond.toDouble() / 1000, 0, 'f', 0);
}

// "on: 720p, 360p (preset veryfast)" or "off (720p, 360p, preset veryfast)".
QString ladderText(const QJsonObject &abr)
{
    const QString rungs = text(abr.value(QStringLiteral("rungs")));
    const QString preset = abr.value(QStringLiteral("preset")).toString();
    return abr.value(QStringLiteral("enabled")).toBool()
        ? CtlText::tr("on: %1 (preset %2)").arg(rungs, preset)
        : CtlText::tr("off (%1, preset %2)").arg(rungs, preset);
}

// "1280x720", or "-" for a rung that has no picture (skipped, not started).
QString pictureSize(const QJsonObject &rung)
{
    const int width = rung.value(QStringLiteral("width")).toInt();
    const int height = rung.value(QStringLiteral("height")).toInt();
    return width > 0 && height > 0 ? QStringLiteral("%1x%2").arg(width).arg(height)
                                   : QStringLiteral("-");
}

// Each rung's live figures, highest first, and below them what the rungs that need attention
// say.
QString rungsTable(const QJsonArray &rungs)
{
    QList<QStringList> rows {{CtlText::tr("RUNG"), CtlText::tr("STATE"), CtlText::tr("SIZE"),
        CtlText::tr("TARGET"), CtlText::tr("VIDEO"), CtlText::tr("MEASURED"), CtlText::tr("FPS"),
        CtlText::tr("SPEED"), CtlText::tr("DROPPED")}};
    QString messages;
    for (const QJsonValue &value : rungs) {
        const QJsonObject rung = value.toObject();
        const QString name = rung.value(QStringLiteral("rendition")).toString();
        rows << QStringList {name, rung.value(QStringLiteral("state")).toString(),
            pictureSize(rung), kilobitsPerSecond(rung.value(QStringLiteral("targetBitrate"))),
            kilobitsPerSecond(rung.value(QStringLiteral("videoBitrate"))),
            kilobitsPerSecond(rung.value(QStringLiteral("measuredBitrate"))),
            QString::number(rung.value(QStringLiteral("encodedFps")).toDouble(), 'f', 1),
            QStringLiteral("%1x").arg(rung.value(QStringLiteral("speed")).toDouble(), 0, 'f', 2),
            text(rung.value(QStringLiteral("framesDropped")))};
        const QString message = rung.value(QStringLiteral("message")).toString();
        if (!message.isEmpty())
            messages += QStringLiteral("%1: %2\n").arg(name, message);
    }
    return formatTable(rows) + messages;
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
        CtlText::tr("%1, %2 packets dropped")
            .arg(kilobitsPerSecond(status.value(QStringLiteral("inputBitrate"))),
                text(status.value(QStringLiteral("packetsDropped"))))};
    rows << QStringList {CtlText::tr("viewers:"), text(status.value(QStringLiteral("viewers")))};
    rows << QStringList {CtlText::tr("buffered:"),
        formatBytes(qint64(status.value(QStringLiteral("bufferBytes")).toDouble()))};
    if (channel.contains(QStringLiteral("abr"))) // a server from before the ladder has none
        rows << QStringList {
            CtlText::tr("ladder:"), ladderText(channel.value(QStringLiteral("abr")).toObject())};
    const QJsonArray rungs = status.value(QStringLiteral("rungs")).toArray();
    return formatTable(rows)
        + (rungs.isEmpty() ? QString() : QLatin1Char('\n') + rungsTable(rungs));
}

// A group of settings ("dvr") as "dvr.quotaBytes" lines, the names `settings set` takes.
void addSettingRows(const QJsonObject &settings, const QString &prefix, QList<QStringList> *rows)
{
    for (auto it = settings.constBegin(); it != settings.constEnd(); ++it) {
        if (it.value().isObject())
            addSettingRows(it.value().toObject(), prefix + it.key() + QLatin1Char('.'), rows);
        else
            *rows << QStringList {prefix + it.key() + QLatin1Char(':'), text(it.value())};
    }
}

QString settingsLines(const QJsonObject &settings)
{
    QList<QStringList> rows;
    addSettingRows(settings, QString(), &rows);
    return formatTable(rows);
}

qint64 number(const QJsonObject &object, const QString &key)
{
    return qint64(object.value(key).toDouble());
}

// Unix seconds as this computer's local time.
QString localTime(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString recordingState(const QJsonObject &recording)
{
    QString state = recording.value(QStringLiteral("state")).toString();
    const QString reason = recording.value(QStringLiteral("reason")).toString();
    if (!reason.isEmpty())
        state += QStringLiteral(" (%1)").arg(reason);
    return state;
}

QString channelOf(const QJsonObject &recording)
{
    const QJsonObject channel = recording.value(QStringLiteral("channel")).toObject();
    const QString slug = channel.value(QStringLiteral("slug")).toString();
    return slug.isEmpty() ? text(channel.value(QStringLiteral("id"))) : slug;
}

// Recordings' sizes and the quota are decimal, as the DVR shows them everywhere (decisions.md).
QString recordingsTable(const QJsonObject &answer)
{
    const QJsonArray recordings = answer.value(QStringLiteral("recordings")).toArray();
    QString out;
    if (recordings.isEmpty()) {
        out = CtlText::tr("No recordings yet; record a channel with `panelx ctl recordings add "
                          "--channel C`.\n");
    } else {
        QList<QStringList> rows {
            {CtlText::tr("ID"), CtlText::tr("TITLE"), CtlText::tr("CHANNEL"), CtlText::tr("START"),
                CtlText::tr("DURATION"), CtlText::tr("SIZE"), CtlText::tr("STATE")}};
        for (const QJsonValue &value : recordings) {
            const QJsonObject recording = value.toObject();
            rows << QStringList {text(recording.value(QStringLiteral("id"))),
                recording.value(QStringLiteral("title")).toString(), channelOf(recording),
                localTime(number(recording, QStringLiteral("start"))),
                formatDuration(number(recording, QStringLiteral("durationSeconds"))),
                DvrPolicy::formatBytes(number(recording, QStringLiteral("sizeBytes"))),
                recordingState(recording)};
        }
        out = formatTable(rows);
    }
    const QJsonObject usage = answer.value(QStringLiteral("usage")).toObject();
    out += CtlText::tr("\nRecordings keep %1 of the DVR quota of %2.\n")
               .arg(DvrPolicy::formatBytes(number(usage, QStringLiteral("pinnedBytes"))),
                   DvrPolicy::formatBytes(number(usage, QStringLiteral("quotaBytes"))));
    const QString next = text(usage.value(QStringLiteral("nextCleanup")));
    if (!next.isEmpty())
        out += CtlText::tr("Clean-up deletes these first when room is needed: %1\n").arg(next);
    return out;
}

QString recordingLines(const QJsonObject &recording)
{
    const QJsonObject channel = recording.value(QStringLiteral("channel")).toObject();
    QStringList gaps;
    for (const QJsonValue &value : recording.value(QStringLiteral("gaps")).toArray()) {
        const QJsonObject gap = value.toObject();
        gaps << QStringLiteral("%1 (%2)").arg(localTime(number(gap, QStringLiteral("start"))),
            formatDuration(
                number(gap, QStringLiteral("end")) - number(gap, QStringLiteral("start"))));
    }
    return formatTable({
        {CtlText::tr("id:"), text(recording.value(QStringLiteral("id")))},
        {CtlText::tr("title:"), recording.value(QStringLiteral("title")).toString()},
        {CtlText::tr("channel:"),
            QStringLiteral("%1 (%2)").arg(
                channel.value(QStringLiteral("name")).toString(), channelOf(recording))},
        {CtlText::tr("state:"), recordingState(recording)},
        {CtlText::tr("start:"), localTime(number(recording, QStringLiteral("start")))},
        {CtlText::tr("end:"), localTime(number(recording, QStringLiteral("end")))},
        {CtlText::tr("duration:"),
            formatDuration(number(recording, QStringLiteral("durationSeconds")))},
        {CtlText::tr("size:"),
            DvrPolicy::formatBytes(number(recording, QStringLiteral("sizeBytes")))},
        {CtlText::tr("gaps:"),
            gaps.isEmpty() ? CtlText::tr("none") : gaps.join(QStringLiteral(", "))},
        {CtlText::tr("keep:"), text(recording.value(QStringLiteral("keep")))},
        {CtlText::tr("play at:"), recording.value(QStringLiteral("playlistUrl")).toString()},
        {CtlText::tr("download:"), recording.value(QStringLiteral("mp4Url")).toString()},
    });
}

// Milliseconds since the epoch (UTC) as this computer's local time, to the second.
QString localTimeMs(qint64 utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

// An ISO 8601 time from the API as milliseconds since the epoch.
qint64 isoUtcMs(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QString bufferLines(const QJsonObject &buffer, const QString &subject)
{
    QList<QStringList> rows;
    if (number(buffer, QStringLiteral("segments")) == 0) {
        rows << QStringList {CtlText::tr("buffer:"),
            CtlText::tr("empty: nothing stored within the channel's buffer time yet (is it "
                        "switched on? `panelx ctl channels start %1`)")
                .arg(subject)};
    } else {
        QStringList gaps;
        for (const QJsonValue &value : buffer.value(QStringLiteral("gaps")).toArray()) {
            const QJsonObject gap = value.toObject();
            gaps << QStringLiteral("%1 (%2)").arg(
                localTimeMs(isoUtcMs(gap.value(QStringLiteral("from")))),
                formatDuration(std::llround(gap.value(QStringLiteral("seconds")).toDouble())));
        }
        rows << QStringList {
            CtlText::tr("oldest:"), localTimeMs(number(buffer, QStringLiteral("oldestUtcMs")))};
        rows << QStringList {
            CtlText::tr("newest:"), localTimeMs(number(buffer, QStringLiteral("newestUtcMs")))};
        rows << QStringList {CtlText::tr("span:"),
            formatDuration(std::llround(buffer.value(QStringLiteral("seconds")).toDouble()))};
        rows << QStringList {CtlText::tr("gaps:"),
            gaps.isEmpty() ? CtlText::tr("none") : gaps.join(QStringLiteral(", "))};
        rows << QStringList {CtlText::tr("size:"),
            CtlText::tr("%1 in %2 segments")
                .arg(formatBytes(number(buffer, QStringLiteral("bytes"))))
                .arg(number(buffer, QStringLiteral("segments")))};
    }
    QList<QStringList> catchup;
    const QJsonObject templates = buffer.value(QStringLiteral("catchup")).toObject();
    for (const auto &[key, name] : {std::pair {"flussonic", "Flussonic HLS"},
             std::pair {"flussonicTs", "Flussonic MPEG-TS"}, std::pair {"timeshift", "timeshift"},
             std::pair {"shift", "SIPTV (shift)"}, std::pair {"xtream", "Xtream"}})
        catchup << QStringList {QStringLiteral("  ") + QLatin1String(name),
            templates.value(QLatin1String(key)).toString()};
    return formatTable(rows)
        + CtlText::tr("\nCatch-up URL templates for IPTV apps ({utc}, {duration} … as Kodi "
                      "fills them in):\n")
        + formatTable(catchup);
}

// "2026-12-01T20:00:00+01:00" (an occurrence's wall clock in its zone) as "2026-12-01 20:00
// +01:00".
QString zoneTime(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODate);
    if (!time.isValid())
        return iso;
    return time.toString(QStringLiteral("yyyy-MM-dd HH:mm ")) + iso.right(6);
}

QString nextRun(const QJsonObject &schedule)
{
    const QJsonObject next = schedule.value(QStringLiteral("nextRun")).toObject();
    return next.isEmpty() ? CtlText::tr("none") : localTime(number(next, QStringLiteral("start")));
}

QString lastRun(const QJsonObject &schedule)
{
    const QJsonObject last = schedule.value(QStringLiteral("lastRun")).toObject();
    if (last.isEmpty())
        return CtlText::tr("none yet");
    QString result = last.value(QStringLiteral("result")).toString();
    const QString reason = last.value(QStringLiteral("reason")).toString();
    if (!reason.isEmpty())
        result += QStringLiteral(" (%1)").arg(reason);
    return result;
}

QString schedulesTable(const QJsonArray &schedules)
{
    if (schedules.isEmpty())
        return CtlText::tr("No schedules yet; add one with `panelx ctl schedules add --name N "
                           "--channel C --start \"2026-12-01 20:00\"`.\n");
    QList<QStringList> rows {{CtlText::tr("ID"), CtlText::tr("NAME"), CtlText::tr("ACTION"),
        CtlText::tr("CHANNEL"), CtlText::tr("WHEN"), CtlText::tr("NEXT RUN"), CtlText::tr("ON"),
        CtlText::tr("LAST RESULT"), CtlText::tr("CONFLICT")}};
    bool conflicted = false;
    for (const QJsonValue &value : schedules) {
        const QJsonObject schedule = value.toObject();
        const bool collides = schedule.value(QStringLiteral("conflicted")).toBool();
        conflicted = conflicted || collides;
        rows << QStringList {text(schedule.value(QStringLiteral("id"))),
            schedule.value(QStringLiteral("name")).toString(),
            schedule.value(QStringLiteral("action")).toString(), channelOf(schedule),
            schedule.value(QStringLiteral("recurrence")).toString(), nextRun(schedule),
            schedule.value(QStringLiteral("enabled")).toBool() ? CtlText::tr("yes")
                                                               : CtlText::tr("no"),
            lastRun(schedule), collides ? CtlText::tr("yes") : QString()};
    }
    QString out = formatTable(rows);
    if (conflicted)
        out += CtlText::tr(
            "\nSome schedules collide; `panelx ctl schedules conflicts` says how.\n");
    return out;
}

QString scheduleLines(const QJsonObject &schedule)
{
    const QJsonObject channel = schedule.value(QStringLiteral("channel")).toObject();
    const QJsonObject padding = schedule.value(QStringLiteral("padding")).toObject();
    const QJsonObject next = schedule.value(QStringLiteral("nextRun")).toObject();
    const bool record
        = schedule.value(QStringLiteral("action")).toString() == QLatin1String("record");
    QList<QStringList> rows {
        {CtlText::tr("id:"), text(schedule.value(QStringLiteral("id")))},
        {CtlText::tr("name:"), schedule.value(QStringLiteral("name")).toString()},
        {CtlText::tr("action:"), schedule.value(QStringLiteral("action")).toString()},
        {CtlText::tr("channel:"),
            QStringLiteral("%1 (%2)").arg(
                channel.value(QStringLiteral("name")).toString(), channelOf(schedule))},
    };
    if (record)
        rows << QStringList {
            CtlText::tr("title:"), schedule.value(QStringLiteral("title")).toString()};
    rows << QStringList {CtlText::tr("when:"),
        schedule.value(QStringLiteral("recurrence")).toString()}
         << QStringList {CtlText::tr("first start:"),
                QStringLiteral("%1 (%2)").arg(schedule.value(QStringLiteral("start")).toString(),
                    schedule.value(QStringLiteral("timeZone")).toString())}
         << QStringList {CtlText::tr("minutes:"), text(schedule.value(QStringLiteral("minutes")))};
    if (record)
        rows << QStringList {CtlText::tr("padding:"),
            CtlText::tr("%1 min before, %2 min after")
                .arg(text(padding.value(QStringLiteral("before"))),
                    text(padding.value(QStringLiteral("after"))))};
    rows << QStringList {CtlText::tr("enabled:"), text(schedule.value(QStringLiteral("enabled")))}
         << QStringList {CtlText::tr("next run:"),
                next.isEmpty() ? CtlText::tr("none")
                               : QStringLiteral("%1 (%2)").arg(nextRun(schedule),
                                   zoneTime(next.value(QStringLiteral("local")).toString()))}
         << QStringList {CtlText::tr("runs:"),
                CtlText::tr("%1, %2 failed")
                    .arg(text(schedule.value(QStringLiteral("runs"))),
                        text(schedule.value(QStringLiteral("failures"))))}
         << QStringList {CtlText::tr("last run:"), lastRun(schedule)}
         << QStringList {CtlText::tr("conflicts:"),
                schedule.value(QStringLiteral("conflicted")).toBool()
                    ? CtlText::tr("yes, see `panelx ctl schedules conflicts`")
                    : CtlText::tr("none")};
    return formatTable(rows);
}

QString occurrencesTable(const QJsonObject &answer)
{
    const QJsonArray occurrences = answer.value(QStringLiteral("occurrences")).toArray();
    if (occurrences.isEmpty())
        return CtlText::tr("The schedule does not run again.\n");
    QList<QStringList> rows {{CtlText::tr("START"), CtlText::tr("END"),
        CtlText::tr("IN %1").arg(answer.value(QStringLiteral("timeZone")).toString())}};
    bool shifted = false;
    for (const QJsonValue &value : occurrences) {
        const QJsonObject occurrence = value.toObject();
        QString zone = zoneTime(occurrence.value(QStringLiteral("local")).toString());
        if (occurrence.value(QStringLiteral("shifted")).toBool()) {
            zone += QStringLiteral(" *");
            shifted = true;
        }
        rows << QStringList {localTime(number(occurrence, QStringLiteral("start"))),
            localTime(number(occurrence, QStringLiteral("end"))), zone};
    }
    QString out = formatTable(rows);
    if (shifted)
        out += CtlText::tr("\n* the clock springs forward over the start time that day: it runs "
                           "at the first minute after the jump.\n");
    return out;
}

QString conflictsList(const QJsonArray &conflicts)
{
    if (conflicts.isEmpty())
        return CtlText::tr("No schedules collide in the coming week.\n");
    QString out;
    for (const QJsonValue &value : conflicts)
        out += QStringLiteral("- %1\n").arg(
            value.toObject().value(QStringLiteral("message")).toString());
    return out;
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
    case Output::Buffer:
        return bufferLines(answer, command.subject);
    case Output::Settings:
        return settingsLines(answer);
    case Output::RecordingList:
        return recordingsTable(answer);
    case Output::Recording:
        return recordingLines(answer);
    case Output::RecordingRemoved:
        return CtlText::tr("Removed recording %1.\n").arg(command.subject);
    case Output::Export:
        return CtlText::tr("Saved recording %1 (“%2”) to %3.\n")
            .arg(command.subject, answer.value(QStringLiteral("title")).toString(),
                command.outputFile);
    case Output::ScheduleList:
        return schedulesTable(answer.value(QStringLiteral("schedules")).toArray());
    case Output::Schedule:
        return scheduleLines(answer);
    case Output::ScheduleRemoved:
        return CtlText::tr("Removed schedule %1.\n").arg(command.subject);
    case Output::Occurrences:
        return occurrencesTable(answer);
    case Output::ScheduleConflicts:
        return conflictsList(answer.value(QStringLiteral("conflicts")).toArray());
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
