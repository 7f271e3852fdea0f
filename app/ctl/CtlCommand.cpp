#include "CtlCommand.h"

#include "transcode/Ladder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <optional>
#include <utility>

namespace panelx::ctl {

namespace {

const QString kUrl = QStringLiteral("url");
const QString kDataDir = QStringLiteral("data-dir");
const QString kTokenFile = QStringLiteral("token-file");
const QString kJson = QStringLiteral("json");
const QString kHelp = QStringLiteral("help");

// One level of the command line (`panelx ctl`, `panelx ctl channels`, `... channels add`): its
// own parser, with the options every level takes, so `--json` may come anywhere.
class Level {
public:
    // `serverUrl` false: --url is left to the level, where it names a channel's source (`channels
    // add|edit`); the server's URL then goes before the command.
    Level(QString synopsis, const QString &description, bool serverUrl = true)
        : m_synopsis(std::move(synopsis)), m_serverUrl(serverUrl)
    {
        m_parser.setApplicationDescription(description);
        if (serverUrl)
            m_parser.addOption({kUrl,
                CtlText::tr("Talk to PanelX at <url> (default: http://127.0.0.1:<saved port>)."),
                QStringLiteral("url")});
        m_parser.addOptions({
            {kDataDir,
                CtlText::tr("Read the admin token from <dir>/admin-token (default: the saved data "
                            "folder)."),
                QStringLiteral("dir")},
            {kTokenFile, CtlText::tr("Read the admin token from <file>."), QStringLiteral("file")},
            {kJson, CtlText::tr("Print the server's JSON as it is, for scripts.")},
            {{QStringLiteral("h"), kHelp}, CtlText::tr("Show this help.")},
        });
    }

    QCommandLineParser &parser() { return m_parser; }

    // Parses `arguments`; false when the command is settled here (help or a usage error).
    // With `rest`, everything from the first positional argument on is left to the next level.
    bool parse(const QStringList &arguments, CtlCommand &command, bool rest)
    {
        if (rest)
            m_parser.setOptionsAfterPositionalArgumentsMode(
                QCommandLineParser::ParseAsPositionalArguments);
        if (!m_parser.parse(QStringList {m_synopsis} + arguments))
            return usageError(command, m_parser.errorText());
        if (m_serverUrl && m_parser.isSet(kUrl))
            command.url = m_parser.value(kUrl);
        if (m_parser.isSet(kDataDir))
            command.dataDir = m_parser.value(kDataDir);
        if (m_parser.isSet(kTokenFile))
            command.tokenFile = m_parser.value(kTokenFile);
        command.json = command.json || m_parser.isSet(kJson);
        if (m_parser.isSet(kHelp)) {
            command.exitCode = kExitOk;
            // The parser's own usage line names the program, not the command: say the command.
            command.text
                = CtlText::tr("Usage: %1 [options]%2\n").arg(m_synopsis, m_positionalSyntax)
                + m_parser.helpText().section(QLatin1Char('\n'), 1);
            return false;
        }
        return true;
    }

    void addPositional(const QString &name, const QString &description, const QString &syntax)
    {
        m_parser.addPositionalArgument(name, description, syntax);
        m_positionalSyntax += QLatin1Char(' ') + syntax;
    }

    // No further positional arguments than `count` allowed.
    bool expectPositional(CtlCommand &command, int min, int max)
    {
        const int n = int(m_parser.positionalArguments().size());
        if (n < min)
            return usageError(command, CtlText::tr("%1 needs more arguments").arg(m_synopsis));
        if (n > max)
            return usageError(command,
                CtlText::tr("unexpected argument “%1”")
                    .arg(m_parser.positionalArguments().at(max)));
        return true;
    }

    bool usageError(CtlCommand &command, const QString &problem) const
    {
        command.exitCode = kExitUsage;
        command.text = CtlText::tr("panelx ctl: %1; see `%2 --help`.").arg(problem, m_synopsis);
        return false;
    }

private:
    QCommandLineParser m_parser;
    QString m_synopsis;
    bool m_serverUrl;
    QString m_positionalSyntax;
};

QString pathPart(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// --segment-seconds and --buffer-minutes are numbers; whether they are in range is the server's
// to say (the same validator as the window's). Into the body, or the object `into` of it.
bool addNumber(Level &level, const QString &option, const QString &field, CtlCommand &command,
    QJsonObject *into = nullptr)
{
    if (!level.parser().isSet(option))
        return true;
    bool ok = false;
    const double value = level.parser().value(option).toDouble(&ok);
    if (!ok)
        return level.usageError(command,
            CtlText::tr("--%1 needs a number, not “%2”").arg(option, level.parser().value(option)));
    (into ? *into : command.call.body).insert(field, value);
    return true;
}

const QString kAbr = QStringLiteral("abr");
const QString kAbrPreset = QStringLiteral("abr-preset");

// --abr on|off switches the ladder, a list of rungs ("720p,480p") switches it on with those;
// --abr-preset chooses the preset. Whether the rungs and preset exist is the server's to say.
void addAbr(const QCommandLineParser &parser, CtlCommand &command)
{
    QJsonObject abr;
    if (parser.isSet(kAbr)) {
        const QString value = parser.value(kAbr).trimmed();
        const bool off = value.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0;
        abr.insert(QStringLiteral("enabled"), !off);
        if (!off && value.compare(QLatin1String("on"), Qt::CaseInsensitive) != 0)
            abr.insert(
                QStringLiteral("rungs"), QJsonArray::fromStringList(ladder::parseRungList(value)));
    }
    if (parser.isSet(kAbrPreset))
        abr.insert(QStringLiteral("preset"), parser.value(kAbrPreset));
    if (!abr.isEmpty())
        command.call.body.insert(QStringLiteral("abr"), abr);
}

void parseChannels(const QStringList &arguments, CtlCommand &command)
{
    Level level(QStringLiteral("panelx ctl channels"),
        CtlText::tr(
            "Lists, adds, changes, starts, stops and removes channels.\n\nVerbs:\n"
            "  list                 every channel with its state\n"
            "  show <id|slug>       one channel\n"
            "  add --name N --url U [--disabled] [--segment-seconds S] [--buffer-minutes M]\n"
            "      [--abr RUNGS|on|off] [--abr-preset P]\n"
            "  edit <id|slug> [--name N] [--url U] [--segment-seconds S] [--buffer-minutes M]\n"
            "      [--abr RUNGS|on|off] [--abr-preset P]\n"
            "  start <id|slug>      switch a channel on\n"
            "  stop <id|slug>       switch a channel off (its buffer stays)\n"
            "  remove <id|slug>     delete a channel and its buffer\n"
            "  buffer <id|slug>     what its timeshift buffer holds, and the catch-up URLs"));
    level.addPositional(QStringLiteral("verb"),
        CtlText::tr("list, show, add, edit, start, stop, remove or buffer."),
        QStringLiteral("<verb>"));
    if (!level.parse(arguments, command, true) || !level.expectPositional(command, 1, INT_MAX))
        return;
    const QString verb = level.parser().positionalArguments().constFirst();
    const QStringList rest = level.parser().positionalArguments().mid(1);
    const QString synopsis = QStringLiteral("panelx ctl channels ") + verb;

    if (verb == QLatin1String("list")) {
        Level list(synopsis, CtlText::tr("Lists every channel with its state, ordered by name."));
        if (!list.parse(rest, command, false) || !list.expectPositional(command, 0, 0))
            return;
        command.call.path = QStringLiteral("/channels");
        command.output = Output::ChannelList;
        return;
    }

    const bool add = verb == QLatin1String("add");
    const bool edit = verb == QLatin1String("edit");
    const QHash<QString, QPair<QByteArray, QString>> simple {
        {QStringLiteral("show"), {"GET", CtlText::tr("Shows one channel and its state.")}},
        {QStringLiteral("start"),
            {"POST", CtlText::tr("Switches a channel on: PanelX starts reading its source.")}},
        {QStringLiteral("stop"),
            {"POST", CtlText::tr("Switches a channel off: the source is left, the buffer stays.")}},
        {QStringLiteral("remove"), {"DELETE", CtlText::tr("Deletes a channel and its buffer.")}},
        {QStringLiteral("buffer"),
            {"GET",
                CtlText::tr("Shows what a channel's timeshift buffer holds: its oldest and newest "
                            "moment (this computer's time), the gaps where the source was down, "
                            "its size, and the catch-up URL templates IPTV apps are given.")}},
    };
    if (!add && !edit && !simple.contains(verb)) {
        level.usageError(command, CtlText::tr("unknown verb “%1”").arg(verb));
        return;
    }
    Level verbLevel(synopsis,
        add        ? CtlText::tr("Adds a channel; it starts at once unless --disabled.")
            : edit ? CtlText::tr(
                  "Changes a channel's name, source, timing or ladder; what is not given stays.")
                   : simple.value(verb).second,
        !add && !edit);
    if (!add)
        verbLevel.addPositional(QStringLiteral("channel"),
            CtlText::tr("The channel's number or slug (see `panelx ctl channels list`)."),
            QStringLiteral("<id|slug>"));
    if (add || edit) {
        verbLevel.parser().addOptions({
            {QStringLiteral("name"), CtlText::tr("The channel's name."), QStringLiteral("name")},
            {kUrl,
                CtlText::tr(
                    "Where the channel comes from (udp://, rtp://, rtsp://, http(s)://, a file, "
                    "demo://). PanelX's own address goes before the command: `panelx ctl --url "
                    "http://host:8080 channels ...`."),
                QStringLiteral("url")},
            {QStringLiteral("segment-seconds"),
                CtlText::tr("Length of the HLS segments in seconds."), QStringLiteral("s")},
            {QStringLiteral("buffer-minutes"),
                CtlText::tr("How far back viewers can go, in minutes."), QStringLiteral("m")},
            {kAbr,
                CtlText::tr("The adaptive-bitrate ladder: the rungs to encode, e.g. "
                            "720p,480p,360p (turns it on with those), or on or off (keeps the "
                            "rungs). `panelx ctl channels show` prints each rung's figures."),
                QStringLiteral("rungs|on|off")},
            {kAbrPreset,
                CtlText::tr("The libx264 preset of the ladder (ultrafast … veryslow; faster "
                            "ones use less CPU)."),
                QStringLiteral("preset")},
        });
        if (add)
            verbLevel.parser().addOption({QStringLiteral("disabled"),
                CtlText::tr(
                    "Add the channel switched off; start it later with `channels start`.")});
    }
    if (!verbLevel.parse(rest, command, false)
        || !verbLevel.expectPositional(command, add ? 0 : 1, add ? 0 : 1))
        return;
    QCommandLineParser &parser = verbLevel.parser();

    if (!add) {
        command.subject = parser.positionalArguments().constFirst();
        command.call.path = QStringLiteral("/channels/") + pathPart(command.subject);
    }
    if (!add && !edit) {
        command.call.method = simple.value(verb).first;
        if (verb == QLatin1String("start") || verb == QLatin1String("stop")
            || verb == QLatin1String("buffer"))
            command.call.path += QLatin1Char('/') + verb;
        command.output = Output::Channel;
        if (verb == QLatin1String("remove"))
            command.output = Output::Removed;
        else if (verb == QLatin1String("buffer"))
            command.output = Output::Buffer;
        return;
    }

    if (parser.isSet(QStringLiteral("name")))
        command.call.body.insert(QStringLiteral("name"), parser.value(QStringLiteral("name")));
    if (parser.isSet(kUrl))
        command.call.body.insert(QStringLiteral("url"), parser.value(kUrl));
    if (!addNumber(
            verbLevel, QStringLiteral("segment-seconds"), QStringLiteral("segmentSeconds"), command)
        || !addNumber(
            verbLevel, QStringLiteral("buffer-minutes"), QStringLiteral("bufferMinutes"), command))
        return;
    addAbr(parser, command);
    if (add) {
        if (!command.call.body.contains(QStringLiteral("name"))
            || !command.call.body.contains(QStringLiteral("url"))) {
            verbLevel.usageError(command, CtlText::tr("a new channel needs --name and --url"));
            return;
        }
        if (parser.isSet(QStringLiteral("disabled")))
            command.call.body.insert(QStringLiteral("enabled"), false);
        command.call.method = "POST";
        command.call.path = QStringLiteral("/channels");
    } else {
        if (command.call.body.isEmpty()) {
            verbLevel.usageError(command,
                CtlText::tr("say what to change: --name, --url, --segment-seconds, "
                            "--buffer-minutes, --abr or --abr-preset"));
            return;
        }
        command.call.method = "PATCH";
    }
    command.call.hasBody = true;
    command.output = Output::Channel;
}

// --start: "2026-12-01 20:00" (this computer's local time), unix seconds, or "-10m" / "-2h" (that
// long ago). nullopt for anything else.
std::optional<qint64> startTime(const QString &text)
{
    bool number = false;
    const qint64 seconds = text.toLongLong(&number);
    if (number && seconds > 0)
        return seconds;
    static const QRegularExpression ago(QStringLiteral("^-(\\d{1,6})([mh])$"));
    if (const QRegularExpressionMatch match = ago.match(text); match.hasMatch())
        return QDateTime::currentSecsSinceEpoch()
            - match.captured(1).toLongLong()
            * (match.captured(2) == QLatin1String("h") ? 3600 : 60);
    for (const QString &format :
        {QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-dd HH:mm:ss"),
            QStringLiteral("yyyy-MM-ddTHH:mm"), QStringLiteral("yyyy-MM-ddTHH:mm:ss")}) {
        const QDateTime local = QDateTime::fromString(text, format);
        if (local.isValid())
            return local.toSecsSinceEpoch();
    }
    return std::nullopt;
}

void parseRecordings(const QStringList &arguments, CtlCommand &command)
{
    Level level(QStringLiteral("panelx ctl recordings"),
        CtlText::tr("Lists, records, stops, extends, removes and downloads recordings.\n\nVerbs:\n"
                    "  list                 every recording, and the DVR's use of its quota\n"
                    "  show <id>            one recording\n"
                    "  add --channel C [--title T] [--minutes N] [--start S]\n"
                    "  stop <id>            end a running recording now\n"
                    "  extend <id> --minutes N\n"
                    "  remove <id>          delete a recording\n"
                    "  export <id> [--output FILE]   download it as one MP4 file"));
    level.addPositional(QStringLiteral("verb"),
        CtlText::tr("list, show, add, stop, extend, remove or export."), QStringLiteral("<verb>"));
    if (!level.parse(arguments, command, true) || !level.expectPositional(command, 1, INT_MAX))
        return;
    const QString verb = level.parser().positionalArguments().constFirst();
    const QStringList rest = level.parser().positionalArguments().mid(1);
    const QString synopsis = QStringLiteral("panelx ctl recordings ") + verb;
    command.call.path = QStringLiteral("/recordings");

    if (verb == QLatin1String("list")) {
        Level list(synopsis,
            CtlText::tr("Lists every recording, ordered by start, and how much of the DVR quota "
                        "they use."));
        if (list.parse(rest, command, false) && list.expectPositional(command, 0, 0))
            command.output = Output::RecordingList;
        return;
    }

    if (verb == QLatin1String("add")) {
        Level add(synopsis,
            CtlText::tr("Records a channel, from now or from --start, for --minutes (default "
                        "60, at most 720)."));
        add.parser().addOptions({
            {QStringLiteral("channel"),
                CtlText::tr("The channel's number or slug (see `panelx ctl channels list`)."),
                QStringLiteral("id|slug")},
            {QStringLiteral("title"),
                CtlText::tr("The recording's title (default: the channel's name and the start)."),
                QStringLiteral("title")},
            {QStringLiteral("minutes"), CtlText::tr("How long to record, in minutes."),
                QStringLiteral("n")},
            {QStringLiteral("start"),
                CtlText::tr("When to start: \"2026-12-01 20:00\" (local time) schedules it, unix "
                            "seconds too; \"-10m\" or \"-2h\" starts that long ago, from the "
                            "channel's buffer (with --minutes 10: the last ten minutes). Default: "
                            "now."),
                QStringLiteral("time")},
        });
        if (!add.parse(rest, command, false) || !add.expectPositional(command, 0, 0))
            return;
        QCommandLineParser &parser = add.parser();
        if (!parser.isSet(QStringLiteral("channel"))) {
            add.usageError(command, CtlText::tr("say which channel to record with --channel"));
            return;
        }
        command.call.body.insert(
            QStringLiteral("channel"), parser.value(QStringLiteral("channel")));
        if (parser.isSet(QStringLiteral("title")))
            command.call.body.insert(
                QStringLiteral("title"), parser.value(QStringLiteral("title")));
        if (!addNumber(add, QStringLiteral("minutes"), QStringLiteral("minutes"), command))
            return;
        if (parser.isSet(QStringLiteral("start"))) {
            const QString text = parser.value(QStringLiteral("start"));
            const auto start = startTime(text);
            if (!start) {
                add.usageError(command,
                    CtlText::tr("--start needs \"2026-12-01 20:00\" (local time), unix seconds "
                                "or \"-10m\" (ten minutes ago), not “%1”")
                        .arg(text));
                return;
            }
            command.call.body.insert(QStringLiteral("start"), double(*start));
        }
        command.call.method = "POST";
        command.call.hasBody = true;
        command.output = Output::Recording;
        return;
    }

    const QHash<QString, QPair<QByteArray, QString>> simple {
        {QStringLiteral("show"), {"GET", CtlText::tr("Shows one recording.")}},
        {QStringLiteral("stop"),
            {"POST",
                CtlText::tr("Ends a running recording now; it is finished a few seconds later, "
                            "when the segment being written is stored.")}},
        {QStringLiteral("extend"),
            {"POST", CtlText::tr("Makes a scheduled or running recording longer.")}},
        {QStringLiteral("remove"),
            {"DELETE",
                CtlText::tr("Deletes a recording (a running one stops); its segments go back to "
                            "the channel's buffer.")}},
        {QStringLiteral("export"),
            {"GET",
                CtlText::tr("Downloads a recording as one MP4 file from PanelX's viewer "
                            "server.")}},
    };
    if (!simple.contains(verb)) {
        level.usageError(command, CtlText::tr("unknown verb “%1”").arg(verb));
        return;
    }
    Level verbLevel(synopsis, simple.value(verb).second);
    verbLevel.addPositional(QStringLiteral("recording"),
        CtlText::tr("The recording's number (see `panelx ctl recordings list`)."),
        QStringLiteral("<id>"));
    const bool extend = verb == QLatin1String("extend");
    const bool exporting = verb == QLatin1String("export");
    if (extend)
        verbLevel.parser().addOption({QStringLiteral("minutes"),
            CtlText::tr("How many minutes to add (the whole recording lasts 720 at most)."),
            QStringLiteral("n")});
    if (exporting)
        verbLevel.parser().addOption({{QStringLiteral("o"), QStringLiteral("output")},
            CtlText::tr("Save it as <file> (default: recording-<id>.mp4 here)."),
            QStringLiteral("file")});
    if (!verbLevel.parse(rest, command, false) || !verbLevel.expectPositional(command, 1, 1))
        return;
    command.subject = verbLevel.parser().positionalArguments().constFirst();
    command.call.method = simple.value(verb).first;
    command.call.path += QLatin1Char('/') + pathPart(command.subject);
    command.output = Output::Recording;
    if (verb == QLatin1String("stop")) {
        command.call.path += QStringLiteral("/stop");
    } else if (extend) {
        if (!verbLevel.parser().isSet(QStringLiteral("minutes"))) {
            verbLevel.usageError(command, CtlText::tr("say how much longer with --minutes"));
            return;
        }
        if (!addNumber(verbLevel, QStringLiteral("minutes"), QStringLiteral("minutes"), command))
            return;
        command.call.path += QStringLiteral("/extend");
        command.call.hasBody = true;
    } else if (verb == QLatin1String("remove")) {
        command.output = Output::RecordingRemoved;
    } else if (exporting) {
        command.output = Output::Export;
        command.outputFile = verbLevel.parser().isSet(QStringLiteral("output"))
            ? verbLevel.parser().value(QStringLiteral("output"))
            : QStringLiteral("recording-%1.mp4").arg(command.subject);
    }
}

// The options `schedules add` and `schedules edit` share, and the body fields they set.
void addScheduleOptions(Level &level, bool add)
{
    level.parser().addOptions({
        {QStringLiteral("name"), CtlText::tr("The schedule's name."), QStringLiteral("name")},
        {QStringLiteral("action"),
            CtlText::tr("What it does: record (default), start or stop the channel."),
            QStringLiteral("action")},
        {QStringLiteral("channel"),
            CtlText::tr("The channel's number or slug (see `panelx ctl channels list`)."),
            QStringLiteral("id|slug")},
        {QStringLiteral("title"),
            CtlText::tr("The recordings' title (default: the channel's name and the start)."),
            QStringLiteral("title")},
        {QStringLiteral("start"),
            CtlText::tr("The first start, \"2026-12-01 20:00\", in the schedule's time zone."),
            QStringLiteral("time")},
        {QStringLiteral("time-zone"),
            add ? CtlText::tr("The zone the start is meant in, e.g. Europe/Berlin (default: this "
                              "computer's, %1).")
                      .arg(QString::fromUtf8(QTimeZone::systemTimeZoneId()))
                : CtlText::tr("The zone the start is meant in, e.g. Europe/Berlin."),
            QStringLiteral("zone")},
        {QStringLiteral("minutes"),
            CtlText::tr("How long: a recording's length; how long a started or stopped channel "
                        "stays so (0: leave it)."),
            QStringLiteral("n")},
        {QStringLiteral("repeat"), CtlText::tr("once (default), daily or weekly."),
            QStringLiteral("how")},
        {QStringLiteral("weekdays"),
            CtlText::tr("The days of a weekly schedule, e.g. mon,wed,fri."),
            QStringLiteral("days")},
        {QStringLiteral("until"),
            CtlText::tr("The last date of a daily or weekly schedule, e.g. 2027-03-31; \"none\" "
                        "for no end."),
            QStringLiteral("date")},
        {QStringLiteral("padding-before"),
            CtlText::tr("Minutes a recording starts early (taken from the buffer)."),
            QStringLiteral("n")},
        {QStringLiteral("padding-after"), CtlText::tr("Minutes a recording runs late."),
            QStringLiteral("n")},
        {QStringLiteral("force"),
            CtlText::tr("Save it even though it collides with other schedules.")},
    });
    if (add)
        level.parser().addOption({QStringLiteral("disabled"),
            CtlText::tr("Add it switched off; switch it on with `schedules enable`.")});
}

bool scheduleBody(Level &level, CtlCommand &command)
{
    QCommandLineParser &parser = level.parser();
    QJsonObject &body = command.call.body;
    for (const auto &[option, field] :
        {std::pair {"name", "name"}, {"action", "action"}, {"channel", "channel"},
            {"title", "title"}, {"time-zone", "timeZone"}, {"repeat", "repeat"}})
        if (parser.isSet(QLatin1String(option)))
            body.insert(QLatin1String(field), parser.value(QLatin1String(option)));
    if (parser.isSet(QStringLiteral("start"))) {
        // The API's form of a local time; whether the date exists is the server's to say.
        static const QRegularExpression shape(
            QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2})?)$"));
        const QString text = parser.value(QStringLiteral("start"));
        const QRegularExpressionMatch match = shape.match(text.trimmed());
        if (!match.hasMatch())
            return level.usageError(command,
                CtlText::tr("--start needs a date and time such as \"2026-12-01 20:00\", not “%1”")
                    .arg(text));
        body.insert(
            QStringLiteral("start"), match.captured(1) + QLatin1Char('T') + match.captured(2));
    }
    if (parser.isSet(QStringLiteral("weekdays")))
        body.insert(QStringLiteral("weekdays"),
            QJsonArray::fromStringList(parser.value(QStringLiteral("weekdays"))
                                           .split(QLatin1Char(','), Qt::SkipEmptyParts)));
    if (parser.isSet(QStringLiteral("until"))) {
        const QString until = parser.value(QStringLiteral("until"));
        body.insert(QStringLiteral("until"),
            until == QLatin1String("none") ? QJsonValue(QJsonValue::Null) : QJsonValue(until));
    }
    if (!addNumber(level, QStringLiteral("minutes"), QStringLiteral("minutes"), command))
        return false;
    QJsonObject padding;
    for (const auto &[option, field] :
        {std::pair {"padding-before", "before"}, {"padding-after", "after"}}) {
        if (!addNumber(level, QLatin1String(option), QLatin1String(field), command, &padding))
            return false;
    }
    if (!padding.isEmpty())
        body.insert(QStringLiteral("padding"), padding);
    if (parser.isSet(QStringLiteral("force")))
        body.insert(QStringLiteral("force"), true);
    return true;
}

void parseSchedules(const QStringList &arguments, CtlCommand &command)
{
    Level level(QStringLiteral("panelx ctl schedules"),
        CtlText::tr(
            "Lists, adds, changes, switches and removes schedules, and shows when they run.\n\n"
            "Verbs:\n"
            "  list                 every schedule: what, when, its next run, its last result\n"
            "  show <id>            one schedule\n"
            "  add --name N --channel C --start \"2026-12-01 20:00\" [--action A] [--time-zone Z]\n"
            "      [--minutes N] [--repeat R] [--weekdays D] [--until DATE] [--title T]\n"
            "      [--padding-before N] [--padding-after N] [--disabled] [--force]\n"
            "  edit <id> [the options of add]\n"
            "  enable <id>          switch a schedule on\n"
            "  disable <id>         switch a schedule off (it stays, and does not run)\n"
            "  remove <id>          delete a schedule\n"
            "  next <id> [--count N]   its next runs, here and in its own time zone\n"
            "  conflicts            the collisions among the schedules in the coming week"));
    level.addPositional(QStringLiteral("verb"),
        CtlText::tr("list, show, add, edit, enable, disable, remove, next or conflicts."),
        QStringLiteral("<verb>"));
    if (!level.parse(arguments, command, true) || !level.expectPositional(command, 1, INT_MAX))
        return;
    const QString verb = level.parser().positionalArguments().constFirst();
    const QStringList rest = level.parser().positionalArguments().mid(1);
    const QString synopsis = QStringLiteral("panelx ctl schedules ") + verb;
    command.call.path = QStringLiteral("/schedules");

    if (verb == QLatin1String("list") || verb == QLatin1String("conflicts")) {
        const bool list = verb == QLatin1String("list");
        Level plain(synopsis,
            list ? CtlText::tr("Lists every schedule, ordered by name, with its next run and "
                               "last result; those that collide are marked.")
                 : CtlText::tr("Shows the collisions among the enabled schedules in the "
                               "coming week, each naming its schedules."));
        if (!plain.parse(rest, command, false) || !plain.expectPositional(command, 0, 0))
            return;
        if (!list)
            command.call.path += QStringLiteral("/conflicts");
        command.output = list ? Output::ScheduleList : Output::ScheduleConflicts;
        return;
    }

    if (verb == QLatin1String("add")) {
        Level add(synopsis,
            CtlText::tr("Adds a schedule. One that collides with others is refused with the "
                        "collisions named, unless --force."));
        addScheduleOptions(add, true);
        if (!add.parse(rest, command, false) || !add.expectPositional(command, 0, 0))
            return;
        for (const char *needed : {"name", "channel", "start"})
            if (!add.parser().isSet(QLatin1String(needed))) {
                add.usageError(
                    command, CtlText::tr("a new schedule needs --name, --channel and --start"));
                return;
            }
        if (!scheduleBody(add, command))
            return;
        if (!command.call.body.contains(QStringLiteral("timeZone")))
            command.call.body.insert(
                QStringLiteral("timeZone"), QString::fromUtf8(QTimeZone::systemTimeZoneId()));
        if (add.parser().isSet(QStringLiteral("disabled")))
            command.call.body.insert(QStringLiteral("enabled"), false);
        command.call.method = "POST";
        command.call.hasBody = true;
        command.output = Output::Schedule;
        return;
    }

    const QHash<QString, QString> descriptions {
        {QStringLiteral("show"), CtlText::tr("Shows one schedule, its runs and its next run.")},
        {QStringLiteral("edit"),
            CtlText::tr("Changes a schedule; what is not given stays. A change that makes it "
                        "collide is refused unless --force.")},
        {QStringLiteral("enable"), CtlText::tr("Switches a schedule on.")},
        {QStringLiteral("disable"),
            CtlText::tr("Switches a schedule off: it stays, and does not run.")},
        {QStringLiteral("remove"), CtlText::tr("Deletes a schedule and its history.")},
        {QStringLiteral("next"),
            CtlText::tr("Shows a schedule's next runs in this computer's time and in its own "
                        "time zone.")},
    };
    if (!descriptions.contains(verb)) {
        level.usageError(command, CtlText::tr("unknown verb “%1”").arg(verb));
        return;
    }
    const bool edit = verb == QLatin1String("edit");
    const bool next = verb == QLatin1String("next");
    Level verbLevel(synopsis, descriptions.value(verb));
    verbLevel.addPositional(QStringLiteral("schedule"),
        CtlText::tr("The schedule's number (see `panelx ctl schedules list`)."),
        QStringLiteral("<id>"));
    if (edit)
        addScheduleOptions(verbLevel, false);
    if (next)
        verbLevel.parser().addOption({QStringLiteral("count"),
            CtlText::tr("How many runs to show (default 5, at most 100)."), QStringLiteral("n")});
    if (!verbLevel.parse(rest, command, false) || !verbLevel.expectPositional(command, 1, 1))
        return;
    command.subject = verbLevel.parser().positionalArguments().constFirst();
    command.call.path += QLatin1Char('/') + pathPart(command.subject);
    command.output = Output::Schedule;
    if (verb == QLatin1String("remove")) {
        command.call.method = "DELETE";
        command.output = Output::ScheduleRemoved;
    } else if (next) {
        command.call.path += QStringLiteral("/occurrences");
        command.output = Output::Occurrences;
        if (verbLevel.parser().isSet(QStringLiteral("count"))) {
            const QString count = verbLevel.parser().value(QStringLiteral("count"));
            bool ok = false;
            count.toInt(&ok);
            if (!ok) {
                verbLevel.usageError(
                    command, CtlText::tr("--count needs a whole number, not “%1”").arg(count));
                return;
            }
            command.call.query = QStringLiteral("count=") + count;
        }
    } else if (edit) {
        if (!scheduleBody(verbLevel, command))
            return;
        if (command.call.body.isEmpty()
            || command.call.body.keys() == QStringList {QStringLiteral("force")}) {
            verbLevel.usageError(command,
                CtlText::tr("say what to change, e.g. --start \"2026-12-01 21:00\" or "
                            "--minutes 45 (`--help` lists every option)"));
            return;
        }
        command.call.method = "PATCH";
        command.call.hasBody = true;
    } else if (verb != QLatin1String("show")) {
        command.call.method = "PATCH";
        command.call.body.insert(QStringLiteral("enabled"), verb == QLatin1String("enable"));
        command.call.hasBody = true;
    }
}

// KEY=VALUE: numbers, true/false and null as JSON, anything else as a string.
QJsonValue settingValue(const QString &text)
{
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"));
    if (document.isArray() && document.array().size() == 1 && !document.array().at(0).isArray()
        && !document.array().at(0).isObject() && !document.array().at(0).isString())
        return document.array().at(0);
    return text;
}

void parseSettings(const QStringList &arguments, CtlCommand &command)
{
    Level level(QStringLiteral("panelx ctl settings"),
        CtlText::tr(
            "Shows and changes PanelX's settings.\n\nVerbs:\n"
            "  get                       every setting\n"
            "  set KEY=VALUE [...]       change some; says which take effect after a restart\n\n"
            "Keys: dataDir, httpPort, listen (lan, loopback or lan-ipv6), publicUrl, "
            "connectionsPerAddress, segmentSeconds, bufferMinutes, remoteAdmin (true or false), "
            "language (system, en or de), dvr.quotaBytes (bytes recordings may keep, at least "
            "100000000), dvr.keepDays (0 keeps recordings until deleted), dvr.autoCleanup (true "
            "or false), schedules.maxRecordings and schedules.maxTranscodes (how many recordings "
            "and ABR transcodes may run at once before schedules collide)."));
    level.addPositional(
        QStringLiteral("verb"), CtlText::tr("get or set."), QStringLiteral("<verb>"));
    if (!level.parse(arguments, command, true) || !level.expectPositional(command, 1, INT_MAX))
        return;
    const QString verb = level.parser().positionalArguments().constFirst();
    const QStringList rest = level.parser().positionalArguments().mid(1);
    const QString synopsis = QStringLiteral("panelx ctl settings ") + verb;
    command.call.path = QStringLiteral("/settings");
    if (verb == QLatin1String("get")) {
        Level get(synopsis, CtlText::tr("Shows every setting."));
        if (get.parse(rest, command, false) && get.expectPositional(command, 0, 0))
            command.output = Output::Settings;
        return;
    }
    if (verb != QLatin1String("set")) {
        level.usageError(command, CtlText::tr("unknown verb “%1”").arg(verb));
        return;
    }
    Level set(synopsis,
        CtlText::tr(
            "Changes settings, e.g. `panelx ctl settings set httpPort=8081 listen=loopback`."));
    set.addPositional(QStringLiteral("assignments"), CtlText::tr("One or more KEY=VALUE."),
        QStringLiteral("KEY=VALUE [KEY=VALUE...]"));
    if (!set.parse(rest, command, false) || !set.expectPositional(command, 1, INT_MAX))
        return;
    for (const QString &assignment : set.parser().positionalArguments()) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            set.usageError(command, CtlText::tr("“%1” is not KEY=VALUE").arg(assignment));
            return;
        }
        // "dvr.keepDays=7" is {"dvr": {"keepDays": 7}}.
        const QString key = assignment.left(equals);
        const QJsonValue value = settingValue(assignment.mid(equals + 1));
        const qsizetype dot = key.indexOf(QLatin1Char('.'));
        if (dot > 0) {
            QJsonObject group = command.call.body.value(key.left(dot)).toObject();
            group.insert(key.mid(dot + 1), value);
            command.call.body.insert(key.left(dot), group);
        } else {
            command.call.body.insert(key, value);
        }
    }
    command.call.method = "PATCH";
    command.call.hasBody = true;
    command.output = Output::SettingsChanged;
}

} // namespace

CtlCommand parseCommand(const QStringList &arguments)
{
    CtlCommand command;
    Level top(QStringLiteral("panelx ctl"),
        CtlText::tr(
            "Controls a running PanelX (the window or `panelx --headless`) through its admin "
            "API.\n\nCommands:\n"
            "  status                    version, uptime, every channel's state, storage\n"
            "  channels list|show|add|edit|start|stop|remove|buffer\n"
            "  recordings list|show|add|stop|extend|remove|export\n"
            "  schedules list|show|add|edit|enable|disable|remove|next|conflicts\n"
            "  settings get|set\n\n"
            "`panelx ctl <command> --help` tells more. Exit status: 0 done, 1 the server refused "
            "(its reason is printed), 2 a mistake on the command line or no token, 3 PanelX is "
            "not running."));
    top.addPositional(QStringLiteral("command"),
        CtlText::tr("status, channels, recordings, schedules or settings."),
        QStringLiteral("<command>"));
    if (!top.parse(arguments, command, true) || !top.expectPositional(command, 1, INT_MAX))
        return command;
    const QString noun = top.parser().positionalArguments().constFirst();
    const QStringList rest = top.parser().positionalArguments().mid(1);
    if (noun == QLatin1String("status")) {
        Level status(QStringLiteral("panelx ctl status"),
            CtlText::tr("Shows PanelX's version and uptime, every channel's state and the storage "
                        "used."));
        if (status.parse(rest, command, false) && status.expectPositional(command, 0, 0)) {
            command.call.path = QStringLiteral("/status");
            command.output = Output::Status;
        }
    } else if (noun == QLatin1String("channels")) {
        parseChannels(rest, command);
    } else if (noun == QLatin1String("recordings")) {
        parseRecordings(rest, command);
    } else if (noun == QLatin1String("schedules")) {
        parseSchedules(rest, command);
    } else if (noun == QLatin1String("settings")) {
        parseSettings(rest, command);
    } else {
        top.usageError(command, CtlText::tr("unknown command “%1”").arg(noun));
    }
    return command;
}

} // namespace panelx::ctl
