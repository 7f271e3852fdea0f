// `panelx ctl`: command lines into API calls and answers into tables without a server, then the
// real program driving a headless PanelX only through `panelx ctl` — a UDP channel added, live,
// listed, stopped and removed; a demo channel recorded, stopped, exported and the recording
// removed; schedules added, listed, collided, switched off and removed; a wrong token, no server
// and --help at every level.
#include "CtlCommand.h"
#include "CtlOutput.h"
#include "TestSupport.h"
#include "api/AbrApi.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace panelx;
using namespace panelx::ctl;

namespace {

struct CtlRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// `panelx --headless` on a data folder and port of its own, killed if still running at the end.
class Headless {
public:
    Headless(const QString &dataDir, quint16 port, const QProcessEnvironment &environment)
    {
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::ForwardedChannels);
        m_process.start(QStringLiteral(PANELX_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir,
                QStringLiteral("--port"), QString::number(port)});
    }
    ~Headless()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    bool started() { return m_process.waitForStarted(10000); }

private:
    QProcess m_process;
};

} // namespace

class TestCtl : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_home; // the saved settings of the program under test stay in here

    // In English whatever the language of the shell running the tests, or in the system
    // language `lang` (such as "de_DE.UTF-8"), which ctl follows as the window does.
    QProcessEnvironment environment(const QString &lang = {}) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath("config"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath("data"));
        environment.remove(QStringLiteral("LANGUAGE"));
        environment.remove(QStringLiteral("LC_MESSAGES"));
        if (lang.isEmpty()) {
            environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        } else {
            environment.remove(QStringLiteral("LC_ALL"));
            environment.insert(QStringLiteral("LANG"), lang);
        }
        return environment;
    }

    // Runs `panelx ctl <arguments>` to completion (in the system language `lang`, see
    // environment()).
    CtlRun ctl(const QStringList &arguments, int timeoutMs = 30000, const QString &lang = {})
    {
        QProcess process;
        process.setProcessEnvironment(environment(lang));
        process.start(
            QStringLiteral(PANELX_BINARY), QStringList {QStringLiteral("ctl")} + arguments);
        CtlRun run;
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished(5000);
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

private slots:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void commandLinesBecomeApiCalls_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body"); // compact JSON, empty for none
        QTest::addColumn<int>("output");
        QTest::newRow("status") << QStringList {"status"} << QByteArray("GET") << "/status"
                                << QByteArray() << int(Output::Status);
        QTest::newRow("list") << QStringList {"channels", "list"} << QByteArray("GET")
                              << "/channels" << QByteArray() << int(Output::ChannelList);
        QTest::newRow("add")
            << QStringList {"channels", "add", "--name", "News HD", "--url", "udp://@:1234",
                   "--segment-seconds", "2.5", "--buffer-minutes", "30"}
            << QByteArray("POST") << "/channels"
            << QByteArray("{\"bufferMinutes\":30,\"name\":\"News HD\",\"segmentSeconds\":2.5,"
                          "\"url\":\"udp://@:1234\"}")
            << int(Output::Channel);
        QTest::newRow("add disabled")
            << QStringList {"channels", "add", "--disabled", "--name", "A", "--url", "demo://"}
            << QByteArray("POST") << "/channels"
            << QByteArray("{\"enabled\":false,\"name\":\"A\",\"url\":\"demo://\"}")
            << int(Output::Channel);
        QTest::newRow("edit by slug")
            << QStringList {"channels", "edit", "news-hd", "--url", "rtsp://cam/1"}
            << QByteArray("PATCH") << "/channels/news-hd"
            << QByteArray("{\"url\":\"rtsp://cam/1\"}") << int(Output::Channel);
        QTest::newRow("edit ladder rungs")
            << QStringList {"channels", "edit", "news", "--abr", "720p,480p,360p"}
            << QByteArray("PATCH") << "/channels/news"
            << QByteArray("{\"abr\":{\"enabled\":true,\"rungs\":[\"720p\",\"480p\","
                          "\"360p\"]}}")
            << int(Output::Channel);
        QTest::newRow("edit ladder off")
            << QStringList {"channels", "edit", "news", "--abr", "off"} << QByteArray("PATCH")
            << "/channels/news" << QByteArray("{\"abr\":{\"enabled\":false}}")
            << int(Output::Channel);
        QTest::newRow("edit ladder on and preset")
            << QStringList {"channels", "edit", "news", "--abr", "ON", "--abr-preset", "faster"}
            << QByteArray("PATCH") << "/channels/news"
            << QByteArray("{\"abr\":{\"enabled\":true,\"preset\":\"faster\"}}")
            << int(Output::Channel);
        QTest::newRow("edit preset only")
            << QStringList {"channels", "edit", "news", "--abr-preset", "slow"}
            << QByteArray("PATCH") << "/channels/news"
            << QByteArray("{\"abr\":{\"preset\":\"slow\"}}") << int(Output::Channel);
        // The server normalises and checks the names; ctl only splits the list.
        QTest::newRow("add with a ladder")
            << QStringList {"channels", "add", "--name", "A", "--url", "demo://", "--abr",
                   "720 360p"}
            << QByteArray("POST") << "/channels"
            << QByteArray("{\"abr\":{\"enabled\":true,\"rungs\":[\"720\",\"360p\"]},"
                          "\"name\":\"A\",\"url\":\"demo://\"}")
            << int(Output::Channel);
        QTest::newRow("show by id") << QStringList {"channels", "show", "3"} << QByteArray("GET")
                                    << "/channels/3" << QByteArray() << int(Output::Channel);
        QTest::newRow("start") << QStringList {"channels", "start", "demo"} << QByteArray("POST")
                               << "/channels/demo/start" << QByteArray() << int(Output::Channel);
        QTest::newRow("stop") << QStringList {"channels", "stop", "demo"} << QByteArray("POST")
                              << "/channels/demo/stop" << QByteArray() << int(Output::Channel);
        QTest::newRow("remove") << QStringList {"channels", "remove", "demo"}
                                << QByteArray("DELETE") << "/channels/demo" << QByteArray()
                                << int(Output::Removed);
        QTest::newRow("buffer") << QStringList {"channels", "buffer", "demo"} << QByteArray("GET")
                                << "/channels/demo/buffer" << QByteArray() << int(Output::Buffer);
        QTest::newRow("slug is one path segment")
            << QStringList {"channels", "show", "a/../b c"} << QByteArray("GET")
            << "/channels/a%2F..%2Fb%20c" << QByteArray() << int(Output::Channel);
        QTest::newRow("settings get") << QStringList {"settings", "get"} << QByteArray("GET")
                                      << "/settings" << QByteArray() << int(Output::Settings);
        QTest::newRow("settings set")
            << QStringList {"settings", "set", "httpPort=8081", "listen=loopback",
                   "remoteAdmin=true", "publicUrl=", "language=de"}
            << QByteArray("PATCH") << "/settings"
            << QByteArray("{\"httpPort\":8081,\"language\":\"de\",\"listen\":\"loopback\","
                          "\"publicUrl\":\"\",\"remoteAdmin\":true}")
            << int(Output::SettingsChanged);
        QTest::newRow("settings set a group")
            << QStringList {"settings", "set", "dvr.quotaBytes=200000000", "dvr.autoCleanup=false"}
            << QByteArray("PATCH") << "/settings"
            << QByteArray("{\"dvr\":{\"autoCleanup\":false,\"quotaBytes\":200000000}}")
            << int(Output::SettingsChanged);
        QTest::newRow("recordings list")
            << QStringList {"recordings", "list"} << QByteArray("GET") << "/recordings"
            << QByteArray() << int(Output::RecordingList);
        QTest::newRow("recordings add")
            << QStringList {"recordings", "add", "--channel", "news", "--title", "Late news",
                   "--minutes", "90", "--start", "1796155200"}
            << QByteArray("POST") << "/recordings"
            << QByteArray("{\"channel\":\"news\",\"minutes\":90,\"start\":1796155200,"
                          "\"title\":\"Late news\"}")
            << int(Output::Recording);
        QTest::newRow("recordings add now")
            << QStringList {"recordings", "add", "--channel", "3"} << QByteArray("POST")
            << "/recordings" << QByteArray("{\"channel\":\"3\"}") << int(Output::Recording);
        QTest::newRow("recordings show")
            << QStringList {"recordings", "show", "4"} << QByteArray("GET") << "/recordings/4"
            << QByteArray() << int(Output::Recording);
        QTest::newRow("recordings stop")
            << QStringList {"recordings", "stop", "4"} << QByteArray("POST") << "/recordings/4/stop"
            << QByteArray() << int(Output::Recording);
        QTest::newRow("recordings extend")
            << QStringList {"recordings", "extend", "4", "--minutes", "30"} << QByteArray("POST")
            << "/recordings/4/extend" << QByteArray("{\"minutes\":30}") << int(Output::Recording);
        QTest::newRow("recordings remove")
            << QStringList {"recordings", "remove", "4"} << QByteArray("DELETE") << "/recordings/4"
            << QByteArray() << int(Output::RecordingRemoved);
        QTest::newRow("recordings export")
            << QStringList {"recordings", "export", "4", "--output", "/tmp/x.mp4"}
            << QByteArray("GET") << "/recordings/4" << QByteArray() << int(Output::Export);
        QTest::newRow("global options anywhere")
            << QStringList {"channels", "list", "--json", "--token-file", "/t"} << QByteArray("GET")
            << "/channels" << QByteArray() << int(Output::ChannelList);
    }

    void commandLinesBecomeApiCalls()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(int, output);
        const CtlCommand command = parseCommand(arguments);
        QVERIFY2(command.exitCode < 0, qPrintable(command.text));
        QCOMPARE(command.call.method, method);
        QCOMPARE(command.call.path, path);
        QCOMPARE(command.call.hasBody, !body.isEmpty());
        if (!body.isEmpty())
            QCOMPARE(QJsonDocument(command.call.body).toJson(QJsonDocument::Compact), body);
        QCOMPARE(int(command.output), output);
    }

    void serverAndTokenOptions()
    {
        // --url before the command names the server; after `channels add` the source.
        const CtlCommand add = parseCommand({"--url", "http://tv:9000", "--data-dir", "/srv/px",
            "channels", "add", "--name", "A", "--url", "udp://@:5000", "--json"});
        QVERIFY2(add.exitCode < 0, qPrintable(add.text));
        QCOMPARE(add.url, QStringLiteral("http://tv:9000"));
        QCOMPARE(add.dataDir, QStringLiteral("/srv/px"));
        QVERIFY(add.json);
        QCOMPARE(add.call.body.value("url").toString(), QStringLiteral("udp://@:5000"));
        const CtlCommand show = parseCommand({"channels", "show", "a", "--url", "http://x:1"});
        QCOMPARE(show.url, QStringLiteral("http://x:1"));
        QVERIFY(!show.json);
    }

    void recordingStartTimes()
    {
        const auto start = [](const QString &text) {
            const CtlCommand command
                = parseCommand({"recordings", "add", "--channel", "news", "--start", text});
            if (command.exitCode >= 0)
                qWarning() << command.text;
            return qint64(command.call.body.value("start").toDouble(-1));
        };
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const qint64 tenMinutesAgo = start(QStringLiteral("-10m"));
        QVERIFY(tenMinutesAgo >= before - 600);
        QVERIFY(tenMinutesAgo <= QDateTime::currentSecsSinceEpoch() - 600);
        const qint64 twoHoursAgo = start(QStringLiteral("-2h"));
        QVERIFY(twoHoursAgo >= before - 7200);
        QVERIFY(twoHoursAgo <= QDateTime::currentSecsSinceEpoch() - 7200);
        // This computer's local time, with or without seconds and the ISO "T".
        const qint64 evening
            = QDateTime(QDate(2026, 12, 1), QTime(20, 0), Qt::LocalTime).toSecsSinceEpoch();
        QCOMPARE(start(QStringLiteral("2026-12-01 20:00")), evening);
        QCOMPARE(start(QStringLiteral("2026-12-01T20:00:30")), evening + 30);
        QCOMPARE(start(QStringLiteral("1796155200")), 1796155200);
    }

    void scheduleCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QByteArray>("body"); // compact JSON, empty for none
        QTest::addColumn<int>("output");
        QTest::newRow("list") << QStringList {"schedules", "list"} << QByteArray("GET")
                              << "/schedules" << QString() << QByteArray()
                              << int(Output::ScheduleList);
        QTest::newRow("add weekly")
            << QStringList {"schedules", "add", "--name", "News at eight", "--channel", "news",
                   "--start", "2026-12-01 20:00", "--time-zone", "Europe/Berlin", "--minutes", "30",
                   "--repeat", "weekly", "--weekdays", "mon,tue,fri", "--until", "2027-03-31",
                   "--title", "News", "--padding-before", "2", "--padding-after", "5"}
            << QByteArray("POST") << "/schedules" << QString()
            << QByteArray("{\"channel\":\"news\",\"minutes\":30,\"name\":\"News at eight\","
                          "\"padding\":{\"after\":5,\"before\":2},\"repeat\":\"weekly\","
                          "\"start\":\"2026-12-01T20:00\",\"timeZone\":\"Europe/Berlin\","
                          "\"title\":\"News\",\"until\":\"2027-03-31\",\"weekdays\":[\"mon\","
                          "\"tue\",\"fri\"]}")
            << int(Output::Schedule);
        QTest::newRow("add a stop, disabled, forced")
            << QStringList {"schedules", "add", "--name", "Night", "--action", "stop", "--channel",
                   "3", "--start", "2026-12-01T23:30:15", "--time-zone", "UTC", "--disabled",
                   "--force"}
            << QByteArray("POST") << "/schedules" << QString()
            << QByteArray("{\"action\":\"stop\",\"channel\":\"3\",\"enabled\":false,"
                          "\"force\":true,\"name\":\"Night\",\"start\":\"2026-12-01T23:30:15\","
                          "\"timeZone\":\"UTC\"}")
            << int(Output::Schedule);
        QTest::newRow("edit") << QStringList {"schedules", "edit", "4", "--minutes", "45",
            "--until", "none"} << QByteArray("PATCH")
                              << "/schedules/4" << QString()
                              << QByteArray("{\"minutes\":45,\"until\":null}")
                              << int(Output::Schedule);
        QTest::newRow("show") << QStringList {"schedules", "show", "4"} << QByteArray("GET")
                              << "/schedules/4" << QString() << QByteArray()
                              << int(Output::Schedule);
        QTest::newRow("enable") << QStringList {"schedules", "enable", "4"} << QByteArray("PATCH")
                                << "/schedules/4" << QString() << QByteArray("{\"enabled\":true}")
                                << int(Output::Schedule);
        QTest::newRow("disable") << QStringList {"schedules", "disable", "4"} << QByteArray("PATCH")
                                 << "/schedules/4" << QString() << QByteArray("{\"enabled\":false}")
                                 << int(Output::Schedule);
        QTest::newRow("remove") << QStringList {"schedules", "remove", "4"} << QByteArray("DELETE")
                                << "/schedules/4" << QString() << QByteArray()
                                << int(Output::ScheduleRemoved);
        QTest::newRow("next") << QStringList {"schedules", "next", "4"} << QByteArray("GET")
                              << "/schedules/4/occurrences" << QString() << QByteArray()
                              << int(Output::Occurrences);
        QTest::newRow("next ten") << QStringList {"schedules", "next", "4", "--count", "10"}
                                  << QByteArray("GET") << "/schedules/4/occurrences"
                                  << "count=10" << QByteArray() << int(Output::Occurrences);
        QTest::newRow("conflicts")
            << QStringList {"schedules", "conflicts"} << QByteArray("GET") << "/schedules/conflicts"
            << QString() << QByteArray() << int(Output::ScheduleConflicts);
        QTest::newRow("settings") << QStringList {"settings", "set", "schedules.maxRecordings=6"}
                                  << QByteArray("PATCH") << "/settings" << QString()
                                  << QByteArray("{\"schedules\":{\"maxRecordings\":6}}")
                                  << int(Output::SettingsChanged);
    }

    void scheduleCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(QByteArray, body);
        QFETCH(int, output);
        const CtlCommand command = parseCommand(arguments);
        QVERIFY2(command.exitCode < 0, qPrintable(command.text));
        QCOMPARE(command.call.method, method);
        QCOMPARE(command.call.path, path);
        QCOMPARE(command.call.query, query);
        QCOMPARE(command.call.hasBody, !body.isEmpty());
        if (!body.isEmpty())
            QCOMPARE(QJsonDocument(command.call.body).toJson(QJsonDocument::Compact), body);
        QCOMPARE(int(command.output), output);
    }

    void newScheduleIsInThisComputersZoneUnlessTold()
    {
        const CtlCommand command = parseCommand(
            {"schedules", "add", "--name", "A", "--channel", "a", "--start", "2026-12-01 20:00"});
        QVERIFY2(command.exitCode < 0, qPrintable(command.text));
        QCOMPARE(command.call.body.value("timeZone").toString(),
            QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    }

    void usageErrorsSayWhatToDo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("nothing") << QStringList {} << "panelx ctl needs more arguments";
        QTest::newRow("unknown noun") << QStringList {"chanels"} << "unknown command “chanels”";
        QTest::newRow("unknown verb")
            << QStringList {"channels", "rename"} << "unknown verb “rename”";
        QTest::newRow("add without url")
            << QStringList {"channels", "add", "--name", "A"} << "needs --name and --url";
        QTest::newRow("edit without change")
            << QStringList {"channels", "edit", "a"} << "say what to change";
        QTest::newRow("show without channel")
            << QStringList {"channels", "show"} << "panelx ctl channels show needs more";
        QTest::newRow("buffer of what")
            << QStringList {"channels", "buffer"} << "panelx ctl channels buffer needs more";
        QTest::newRow("extra argument")
            << QStringList {"channels", "list", "extra"} << "unexpected argument “extra”";
        QTest::newRow("not a number") << QStringList {"channels", "add", "--name", "A", "--url",
            "demo://", "--segment-seconds", "four"}
                                      << "--segment-seconds needs a number, not “four”";
        QTest::newRow("unknown option")
            << QStringList {"status", "--verbose"} << "Unknown option 'verbose'";
        QTest::newRow("not an assignment")
            << QStringList {"settings", "set", "httpPort"} << "“httpPort” is not KEY=VALUE";
        QTest::newRow("record what")
            << QStringList {"recordings", "add", "--minutes", "5"} << "with --channel";
        QTest::newRow("start in words")
            << QStringList {"recordings", "add", "--channel", "a", "--start", "tonight"}
            << "--start needs \"2026-12-01 20:00\" (local time), unix seconds or \"-10m\"";
        QTest::newRow("extend without minutes")
            << QStringList {"recordings", "extend", "4"} << "say how much longer with --minutes";
        QTest::newRow("minutes in words") << QStringList {"recordings", "extend", "4", "--minutes",
            "ten"} << "--minutes needs a number, not “ten”";
        QTest::newRow("stop which")
            << QStringList {"recordings", "stop"} << "panelx ctl recordings stop needs more";
        QTest::newRow("unknown recordings verb")
            << QStringList {"recordings", "delete", "4"} << "unknown verb “delete”";
        QTest::newRow("schedule without start") << QStringList {"schedules", "add", "--name", "A",
            "--channel", "a"} << "a new schedule needs --name, --channel and --start";
        QTest::newRow("schedule start in words")
            << QStringList {"schedules", "add", "--name", "A", "--channel", "a", "--start",
                   "tonight"}
            << "--start needs a date and time such as \"2026-12-01 20:00\", not “tonight”";
        QTest::newRow("schedule edit without change")
            << QStringList {"schedules", "edit", "4", "--force"} << "say what to change";
        QTest::newRow("schedule padding in words") << QStringList {"schedules", "edit", "4",
            "--padding-after", "some"} << "--padding-after needs a number, not “some”";
        QTest::newRow("count in words") << QStringList {"schedules", "next", "4", "--count", "all"}
                                        << "--count needs a whole number, not “all”";
        QTest::newRow("unknown schedules verb")
            << QStringList {"schedules", "pause", "4"} << "unknown verb “pause”";
    }

    void usageErrorsSayWhatToDo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const CtlCommand command = parseCommand(arguments);
        QCOMPARE(command.exitCode, int(kExitUsage));
        QVERIFY2(command.text.contains(says), qPrintable(command.text));
        QVERIFY2(command.text.contains("--help"), qPrintable(command.text));
    }

    void tablesAlignColumns()
    {
        QCOMPARE(formatTable({{"ID", "NAME", "STATE"}, {"12", "News", "live"}, {"3", "A", ""}}),
            QStringLiteral("ID  NAME  STATE\n12  News  live\n3   A\n"));
        QCOMPARE(formatBytes(512), QStringLiteral("512 B"));
        QCOMPARE(formatBytes(1536), QStringLiteral("1.5 KiB"));
        QCOMPARE(formatBytes(3LL << 30), QStringLiteral("3.0 GiB"));
        QCOMPARE(formatDuration(59), QStringLiteral("59 s"));
        QCOMPARE(formatDuration(3725), QStringLiteral("1 h 2 min"));
    }

    void answersBecomeTables()
    {
        const QJsonObject channel = QJsonDocument::fromJson(
            "{\"id\": 7, \"name\": \"News HD\", "
            "\"slug\": \"news-hd\", \"url\": \"udp://@:1234\", \"enabled\": true, "
            "\"segmentSeconds\": 2.5, "
            "\"bufferMinutes\": 120, \"liveUrl\": \"http://10.0.0.2:8080/live/news-hd.m3u8\", "
            "\"status\": {\"state\": \"reconnecting\", \"message\": \"no packets for 5 s\", "
            "\"inputBitrate\": 0, \"frameRate\": 0, \"videoCodec\": \"\", \"width\": 0, "
            "\"height\": 0, "
            "\"audioCodec\": \"\", \"viewers\": 2, \"bufferBytes\": 1048576, \"packetsDropped\": "
            "0}}")
                                        .object();
        CtlCommand list;
        list.output = Output::ChannelList;
        const QString table = formatAnswer(list, {{"channels", QJsonArray {channel}}});
        const QStringList lines = table.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith("ID  NAME"), qPrintable(table));
        QVERIFY2(lines[1].contains(QRegularExpression(
                     "^7 +News HD +news-hd +reconnecting \\(no packets for 5 s\\) +2 +udp://@:1234 "
                     "+http://10.0.0.2:8080/live/news-hd.m3u8$")),
            qPrintable(table));
        QVERIFY(formatAnswer(list, {{"channels", QJsonArray {}}}).contains("channels add"));

        CtlCommand show;
        show.output = Output::Channel;
        const QString lines2 = formatAnswer(show, channel);
        QVERIFY2(lines2.contains(QRegularExpression("segments: +2.5 s\n")), qPrintable(lines2));
        QVERIFY2(lines2.contains(QRegularExpression("buffered: +1.0 MiB\n")), qPrintable(lines2));
        QVERIFY2(!lines2.contains("ladder:"), qPrintable(lines2)); // not in this answer

        CtlCommand set;
        set.output = Output::SettingsChanged;
        const QString changed = formatAnswer(set,
            QJsonDocument::fromJson("{\"settings\": {\"httpPort\": 8081, \"remoteAdmin\": false}, "
                                    "\"restartNeeded\": [\"httpPort\"]}")
                .object());
        QVERIFY2(changed.contains(QRegularExpression("httpPort: +8081\n")), qPrintable(changed));
        QVERIFY2(changed.contains("starts again: httpPort"), qPrintable(changed));

        CtlCommand get;
        get.output = Output::Settings;
        const QString settings = formatAnswer(get,
            QJsonDocument::fromJson("{\"httpPort\": 8080, \"dvr\": {\"quotaBytes\": 10000000000, "
                                    "\"autoCleanup\": true}}")
                .object());
        QVERIFY2(settings.contains(QRegularExpression("dvr.quotaBytes: +10000000000\n")),
            qPrintable(settings));
        QVERIFY2(settings.contains(QRegularExpression("dvr.autoCleanup: +true\n")),
            qPrintable(settings));
    }

    // The rungs' figures as the server's status carries them (api::rungStatusJson), in a table.
    void ladderAnswersBecomeTables()
    {
        RungStatus top;
        top.rendition = QStringLiteral("720p");
        top.state = RungState::Running;
        top.width = 1280;
        top.height = 720;
        top.frameRate = 25;
        top.targetBitrate = 2800000;
        top.videoBitrate = 2790000;
        top.measuredBitrate = 2951000;
        top.encodedFps = 25.4;
        top.speed = 1.02;
        RungStatus low = top;
        low.rendition = QStringLiteral("360p");
        low.state = RungState::Shed;
        low.width = 640;
        low.height = 360;
        low.targetBitrate = 800000;
        low.videoBitrate = 0;
        low.measuredBitrate = 0;
        low.encodedFps = 0;
        low.speed = 0;
        low.framesDropped = 12;
        low.message = QStringLiteral("switched off: 720p fell behind at 0.8× real time");
        RungStatus skipped = low;
        skipped.rendition = QStringLiteral("1080p");
        skipped.state = RungState::Skipped;
        skipped.width = 0;
        skipped.height = 0;
        skipped.targetBitrate = 5000000;
        skipped.framesDropped = 0;
        skipped.message = QStringLiteral("the source is 720 lines tall");
        AbrConfig abr;
        abr.enabled = true;
        abr.rungs = QStringList {"1080p", "720p", "360p"};
        const QJsonObject channel {{"id", 3}, {"name", "News"}, {"abr", api::abrJson(abr)},
            {"status",
                QJsonObject {{"state", "live"}, {"rungs", api::rungsJson({skipped, top, low})}}}};
        CtlCommand show;
        show.output = Output::Channel;
        const QString out = formatAnswer(show, channel);
        QVERIFY2(out.contains(
                     QRegularExpression("ladder: +on: 1080p, 720p, 360p \\(preset veryfast\\)\n")),
            qPrintable(out));
        const QString table = out.section(QStringLiteral("\n\n"), 1);
        QStringList lines = table.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QVERIFY2(lines.takeAt(1).contains(QRegularExpression(
                     "^1080p +skipped +- +5000 kb/s +0 kb/s +0 kb/s +0.0 +0.00x +0$")),
            qPrintable(table));
        QCOMPARE(lines.takeAt(3), "1080p: " + skipped.message);
        QVERIFY2(lines[0].contains(QRegularExpression(
                     "^RUNG +STATE +SIZE +TARGET +VIDEO +MEASURED +FPS +SPEED +DROPPED$")),
            qPrintable(table));
        QVERIFY2(lines[1].contains(QRegularExpression(
                     "^720p +running +1280x720 +2800 kb/s +2790 kb/s +2951 kb/s +25.4 +1.02x +0$")),
            qPrintable(table));
        QVERIFY2(lines[2].contains(QRegularExpression(
                     "^360p +shed +640x360 +800 kb/s +0 kb/s +0 kb/s +0.0 +0.00x +12$")),
            qPrintable(table));
        QCOMPARE(lines[3], "360p: " + low.message);

        // Off: the ladder it would have, and no figures.
        abr.enabled = false;
        abr.rungs = QStringList {"720p", "360p"};
        const QString off = formatAnswer(show,
            {{"id", 3}, {"abr", api::abrJson(abr)},
                {"status", QJsonObject {{"rungs", QJsonArray {}}}}});
        QVERIFY2(
            off.contains(QRegularExpression("ladder: +off \\(720p, 360p, preset veryfast\\)\n$")),
            qPrintable(off));
    }

    void recordingAnswersBecomeTables()
    {
        const qint64 start
            = QDateTime(QDate(2026, 12, 1), QTime(20, 0), Qt::LocalTime).toSecsSinceEpoch();
        QJsonObject recording {{"id", 4},
            {"channel", QJsonObject {{"id", 2}, {"slug", "news"}, {"name", "News"}}},
            {"title", "Late news"}, {"state", "stopped"}, {"reason", "the DVR quota is full"},
            {"start", start}, {"end", start + 5400}, {"durationSeconds", 5400},
            {"sizeBytes", 3 * 1024 * 1024}, {"gaps", QJsonArray {}}, {"keep", true},
            {"playlistUrl", "http://10.0.0.2:8080/recordings/4.m3u8"},
            {"mp4Url", "http://10.0.0.2:8080/recordings/4.mp4"}};
        CtlCommand list;
        list.output = Output::RecordingList;
        const QJsonObject usage {{"pinnedBytes", 3 * 1024 * 1024},
            {"quotaBytes", 1024 * 1024 * 1024}, {"nextCleanup", QJsonArray {4}}};
        const QString table
            = formatAnswer(list, {{"recordings", QJsonArray {recording}}, {"usage", usage}});
        const QStringList lines = table.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines[0].contains(
                     QRegularExpression("^ID +TITLE +CHANNEL +START +DURATION +SIZE +STATE$")),
            qPrintable(table));
        QVERIFY2(lines[1].contains(QRegularExpression("^4 +Late news +news +2026-12-01 20:00 +1 h "
                                                      "30 min +3.1 MB +stopped \\(the DVR quota "
                                                      "is full\\)$")),
            qPrintable(table));
        QCOMPARE(lines[2], QStringLiteral("Recordings keep 3.1 MB of the DVR quota of 1.1 GB."));
        QVERIFY2(lines[3].endsWith("room is needed: 4"), qPrintable(table));
        QVERIFY(formatAnswer(list, {{"recordings", QJsonArray {}}, {"usage", usage}})
                    .contains("recordings add --channel"));

        CtlCommand show;
        show.output = Output::Recording;
        recording.insert(
            "gaps", QJsonArray {QJsonObject {{"start", start + 60}, {"end", start + 120}}});
        const QString shown = formatAnswer(show, recording);
        QVERIFY2(
            shown.contains(QRegularExpression("channel: +News \\(news\\)\n")), qPrintable(shown));
        QVERIFY2(shown.contains(QRegularExpression("gaps: +2026-12-01 20:01 \\(1 min\\)\n")),
            qPrintable(shown));
        QVERIFY2(
            shown.contains(QRegularExpression("download: +http://10.0.0.2:8080/recordings/4.mp4")),
            qPrintable(shown));
    }

    void bufferAnswersBecomeLines()
    {
        const QDateTime oldest(QDate(2026, 12, 1), QTime(18, 2, 10), Qt::LocalTime);
        const QDateTime gapFrom = oldest.addSecs(600);
        const QString base = QStringLiteral("http://10.0.0.2:8080");
        const QJsonObject catchup {{"flussonic", base + "/news/archive-{utc}-{duration}.m3u8"},
            {"flussonicTs", base + "/news/archive-{utc}-{duration}.ts"},
            {"timeshift", base + "/timeshift/news.m3u8?start={utc}&end={utcend}"},
            {"shift", base + "/live/news.m3u8?utc={utc}&lutc={lutc}"},
            {"xtream", base + "/timeshift/user/pass/{duration:60}/{Y}-{m}-{d}:{H}-{M}/2.ts"}};
        const auto iso
            = [](const QDateTime &time) { return time.toUTC().toString(Qt::ISODateWithMs); };
        const QJsonObject buffer {{"channel", 2}, {"oldest", iso(oldest)},
            {"newest", iso(oldest.addSecs(5400))}, {"oldestUtcMs", oldest.toMSecsSinceEpoch()},
            {"newestUtcMs", oldest.addSecs(5400).toMSecsSinceEpoch()}, {"seconds", 5400.2},
            {"segments", 1350}, {"bytes", 3 * 1024 * 1024},
            {"gaps",
                QJsonArray {QJsonObject {
                    {"from", iso(gapFrom)}, {"to", iso(gapFrom.addSecs(75))}, {"seconds", 75.4}}}},
            {"catchup", catchup}};
        CtlCommand command;
        command.output = Output::Buffer;
        command.subject = QStringLiteral("news");
        const QString shown = formatAnswer(command, buffer);
        // Local times to the second; the span and gaps as durations; the templates as they are.
        for (const QString &line : {QStringLiteral("oldest: +2026-12-01 18:02:10\n"),
                 QStringLiteral("newest: +2026-12-01 19:32:10\n"),
                 QStringLiteral("span: +1 h 30 min\n"),
                 QStringLiteral("gaps: +2026-12-01 18:12:10 \\(1 min\\)\n"),
                 QStringLiteral("size: +3.0 MiB in 1350 segments\n")})
            QVERIFY2(shown.contains(QRegularExpression(line)), qPrintable(line + "\n" + shown));
        for (const QJsonValue &url : catchup)
            QVERIFY2(shown.contains(QRegularExpression(
                         " +" + QRegularExpression::escape(url.toString()) + "\n")),
                qPrintable(shown));
        QVERIFY2(shown.contains(QRegularExpression("Flussonic HLS +" + base + "/news/archive")),
            qPrintable(shown));

        // Nothing held: said so, with what to do; the templates still.
        const QString empty = formatAnswer(command,
            {{"channel", 2}, {"seconds", 0}, {"segments", 0}, {"bytes", 0}, {"gaps", QJsonArray {}},
                {"catchup", catchup}});
        QVERIFY2(empty.contains("buffer: ") && empty.contains("`panelx ctl channels start news`"),
            qPrintable(empty));
        QVERIFY2(!empty.contains("oldest:"), qPrintable(empty));
        QVERIFY2(empty.contains(catchup.value("xtream").toString()), qPrintable(empty));
    }

    void scheduleAnswersBecomeTables()
    {
        const qint64 start
            = QDateTime(QDate(2026, 12, 1), QTime(20, 0), Qt::LocalTime).toSecsSinceEpoch();
        QJsonObject schedule {{"id", 4}, {"name", "News at eight"}, {"action", "record"},
            {"channel", QJsonObject {{"id", 2}, {"slug", "news"}, {"name", "News"}}},
            {"title", "News"}, {"start", "2026-12-01T20:00"}, {"timeZone", "Asia/Kolkata"},
            {"minutes", 30}, {"repeat", "weekly"}, {"weekdays", QJsonArray {"mon", "fri"}},
            {"until", QJsonValue::Null}, {"padding", QJsonObject {{"before", 2}, {"after", 5}}},
            {"enabled", true}, {"recurrence", "Every Monday and Friday at 20:00 (Asia/Kolkata)"},
            {"runs", 3}, {"failures", 1},
            {"lastRun",
                QJsonObject {{"planned", start - 86400}, {"actual", QJsonValue::Null},
                    {"result", "missed"}, {"reason", "PanelX was not running"}}},
            {"nextRun",
                QJsonObject {{"schedule", 4}, {"start", start}, {"end", start + 1800},
                    {"local", "2026-12-02T00:30:00+05:30"}, {"shifted", false}}},
            {"conflicted", true}};
        CtlCommand list;
        list.output = Output::ScheduleList;
        const QString table = formatAnswer(list, {{"schedules", QJsonArray {schedule}}});
        const QStringList lines = table.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].contains(QRegularExpression(
                     "^ID +NAME +ACTION +CHANNEL +WHEN +NEXT RUN +ON +LAST RESULT +CONFLICT$")),
            qPrintable(table));
        QVERIFY2(lines[1].contains(QRegularExpression(
                     "^4 +News at eight +record +news +Every Monday and Friday at 20:00 "
                     "\\(Asia/Kolkata\\) +2026-12-01 20:00 +yes +missed \\(PanelX was not "
                     "running\\) +yes$")),
            qPrintable(table));
        QVERIFY2(lines[2].contains("schedules conflicts"), qPrintable(table));
        QVERIFY(formatAnswer(list, {{"schedules", QJsonArray {}}}).contains("schedules add"));

        CtlCommand show;
        show.output = Output::Schedule;
        const QString shown = formatAnswer(show, schedule);
        QVERIFY2(shown.contains(QRegularExpression("first start: +2026-12-01T20:00 "
                                                   "\\(Asia/Kolkata\\)\n")),
            qPrintable(shown));
        QVERIFY2(shown.contains(QRegularExpression(
                     "next run: +2026-12-01 20:00 \\(2026-12-02 00:30 \\+05:30\\)\n")),
            qPrintable(shown));
        QVERIFY2(shown.contains(QRegularExpression("padding: +2 min before, 5 min after\n")),
            qPrintable(shown));
        QVERIFY2(shown.contains(QRegularExpression("runs: +3, 1 failed\n")), qPrintable(shown));

        CtlCommand next;
        next.output = Output::Occurrences;
        const QString occurrences = formatAnswer(next,
            {{"timeZone", "Europe/Berlin"},
                {"occurrences",
                    QJsonArray {QJsonObject {{"start", start}, {"end", start + 1800},
                        {"local", "2027-03-28T03:00:00+02:00"}, {"shifted", true}}}}});
        const QStringList rows = occurrences.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 3);
        QVERIFY2(rows[0].contains(QRegularExpression("^START +END +IN Europe/Berlin$")),
            qPrintable(occurrences));
        QVERIFY2(rows[1].contains(QRegularExpression(
                     "^2026-12-01 20:00 +2026-12-01 20:30 +2027-03-28 03:00 \\+02:00 \\*$")),
            qPrintable(occurrences));
        QVERIFY2(rows[2].contains("springs forward"), qPrintable(occurrences));

        CtlCommand conflicts;
        conflicts.output = Output::ScheduleConflicts;
        QCOMPARE(formatAnswer(conflicts,
                     {{"conflicts",
                         QJsonArray {QJsonObject {{"kind", "recordings"}, {"message", "Too many."}},
                             QJsonObject {{"kind", "quota"}, {"message", "Too big."}}}}}),
            QStringLiteral("- Too many.\n- Too big.\n"));
        QVERIFY(formatAnswer(conflicts, {{"conflicts", QJsonArray {}}}).contains("No schedules"));
    }

    void helpOnEveryLevel_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("usage");
        QTest::newRow("ctl") << QStringList {"--help"} << "Usage: panelx ctl [options] <command>";
        QTest::newRow("status") << QStringList {"status", "-h"} << "Usage: panelx ctl status";
        QTest::newRow("channels") << QStringList {"channels", "--help"}
                                  << "Usage: panelx ctl channels [options] <verb>";
        QTest::newRow("channels add") << QStringList {"channels", "add", "--help"}
                                      << "Usage: panelx ctl channels add [options]";
        QTest::newRow("channels edit") << QStringList {"channels", "edit", "--help"}
                                       << "Usage: panelx ctl channels edit [options] <id|slug>";
        QTest::newRow("channels remove")
            << QStringList {"channels", "remove", "--help"} << "Usage: panelx ctl channels remove";
        QTest::newRow("channels buffer") << QStringList {"channels", "buffer", "--help"}
                                         << "Usage: panelx ctl channels buffer [options] <id|slug>";
        QTest::newRow("settings") << QStringList {"settings", "--help"}
                                  << "Usage: panelx ctl settings";
        QTest::newRow("settings set") << QStringList {"settings", "set", "--help"}
                                      << "Usage: panelx ctl settings set [options] KEY=VALUE";
        QTest::newRow("recordings") << QStringList {"recordings", "--help"}
                                    << "Usage: panelx ctl recordings [options] <verb>";
        QTest::newRow("recordings add") << QStringList {"recordings", "add", "--help"}
                                        << "Usage: panelx ctl recordings add [options]";
        QTest::newRow("recordings export") << QStringList {"recordings", "export", "--help"}
                                           << "Usage: panelx ctl recordings export [options] <id>";
        QTest::newRow("schedules") << QStringList {"schedules", "--help"}
                                   << "Usage: panelx ctl schedules [options] <verb>";
        QTest::newRow("schedules add") << QStringList {"schedules", "add", "--help"}
                                       << "Usage: panelx ctl schedules add [options]";
        QTest::newRow("schedules next") << QStringList {"schedules", "next", "--help"}
                                        << "Usage: panelx ctl schedules next [options] <id>";
    }

    void helpOnEveryLevel()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, usage);
        const CtlRun run = ctl(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(usage), qPrintable(run.out));
        QVERIFY2(run.out.contains("--json"), qPrintable(run.out));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    }

    // The saved language is "system", so on a German desktop ctl speaks German, as the window
    // does: its own texts as the German catalogue has them, and Qt's headings.
    void helpFollowsTheSystemLanguage()
    {
        const QString catalogue
            = QStringLiteral(PANELX_TRANSLATIONS_DIR) + QStringLiteral("/panelx_de.qm");
        if (!QFileInfo::exists(catalogue))
            QSKIP("The German catalogue is built with the window (PANELX_UI=ON)");
        QTranslator german;
        QVERIFY(german.load(catalogue));
        const char *usage = "Usage: %1 [options]%2\n";
        const QString germanUsage = german.translate("CtlText", usage);
        const QString firstLine
            = (germanUsage.isEmpty() ? QString::fromUtf8(usage) : germanUsage)
                  .arg(QStringLiteral("panelx ctl"), QStringLiteral(" <command>"));

        const CtlRun run = ctl({"--help"}, 30000, QStringLiteral("de_DE.UTF-8"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(firstLine), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("\nOptionen:\n")), qPrintable(run.out));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    }

    void usageErrorExitsWithTwo()
    {
        const CtlRun run = ctl({"channels", "add", "--name", "A"});
        QCOMPARE(run.exitCode, int(kExitUsage));
        QVERIFY2(run.err.contains("a new channel needs --name and --url"), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void missingTokenIsExplained()
    {
        const CtlRun run = ctl({"--data-dir", m_home.filePath("nowhere"), "status"});
        QCOMPARE(run.exitCode, int(kExitUsage));
        QVERIFY2(run.err.contains("cannot read the admin token from " + m_home.filePath("nowhere")
                     + "/admin-token"),
            qPrintable(run.err));
        QVERIFY2(run.err.contains("--token-file"), qPrintable(run.err));
    }

    void serverNotRunningExitsWithThree()
    {
        const QString tokenFile = m_home.filePath("token");
        QFile file(tokenFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("0123456789abcdef0123456789abcdef\n");
        file.close();
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(test::freeTcpPort());
        const CtlRun run = ctl({"--url", url, "--token-file", tokenFile, "channels", "list"});
        QCOMPARE(run.exitCode, int(kExitNotRunning));
        QVERIFY2(run.err.startsWith(
                     "PanelX is not running at " + url + " — start it with `panelx --headless`"),
            qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    // The issue's case: a headless PanelX set up and run only through `panelx ctl`.
    void headlessIsRunEntirelyByCtl()
    {
        if (!test::haveProgram(QStringLiteral("ffmpeg")))
            QSKIP("ffmpeg is not installed (installer/install-deps.sh --test)");
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const quint16 port = test::freeTcpPort();
        Headless panelx(data.path(), port, environment());
        QVERIFY(panelx.started());
        const QStringList server {
            "--url", QStringLiteral("http://127.0.0.1:%1").arg(port), "--data-dir", data.path()};

        // Ready once it answers; until then ctl says it is not running (or has no token yet).
        CtlRun status;
        QVERIFY2(test::waitFor(
                     [&] {
                         status = ctl(server + QStringList {"status"});
                         return status.exitCode == kExitOk;
                     },
                     60000),
            qPrintable(status.err));
        QVERIFY2(status.out.startsWith("PanelX "), qPrintable(status.out));

        const quint16 udpPort = test::freeUdpPort();
        const QString source = QStringLiteral("udp://127.0.0.1:%1").arg(udpPort);
        const CtlRun added = ctl(server
            + QStringList {"--json", "channels", "add", "--name", "Ctl UDP", "--url", source,
                "--segment-seconds", "2"});
        QCOMPARE(added.exitCode, int(kExitOk));
        const QJsonObject channel = QJsonDocument::fromJson(added.out.toUtf8()).object();
        const QString slug = channel.value("slug").toString();
        QVERIFY2(!slug.isEmpty(), qPrintable(added.out));
        QCOMPARE(channel.value("url").toString(), source);
        QCOMPARE(channel.value("segmentSeconds").toDouble(), 2.0);

        const CtlRun duplicate = ctl(
            server + QStringList {"channels", "add", "--name", "Ctl UDP", "--url", "demo://"});
        QCOMPARE(duplicate.exitCode, int(kExitRefused));
        QVERIFY2(duplicate.err.startsWith("panelx ctl: ") && duplicate.err.size() > 20,
            qPrintable(duplicate.err));

        std::unique_ptr<QProcess> sender = test::startUdpSender(udpPort);
        QVERIFY(sender);
        QString state;
        QVERIFY2(test::waitFor(
                     [&] {
                         const CtlRun show
                             = ctl(server + QStringList {"--json", "channels", "show", slug});
                         state = QJsonDocument::fromJson(show.out.toUtf8())
                                     .object()
                                     .value("status")
                                     .toObject()
                                     .value("state")
                                     .toString();
                         return state == QLatin1String("live");
                     },
                     60000),
            qPrintable("the channel stayed " + state));

        const CtlRun list = ctl(server + QStringList {"channels", "list"});
        QCOMPARE(list.exitCode, int(kExitOk));
        QVERIFY2(list.out.contains(QRegularExpression("\\n\\d+ +Ctl UDP +" + slug + " +live ")),
            qPrintable(list.out));
        const CtlRun statusLive = ctl(server + QStringList {"status"});
        QVERIFY2(statusLive.out.contains(QRegularExpression("Ctl UDP +" + slug + " +live ")),
            qPrintable(statusLive.out));
        const CtlRun shown = ctl(server + QStringList {"channels", "show", slug});
        QVERIFY2(shown.out.contains(QRegularExpression("video: +h264 640x360 25.00 fps")),
            qPrintable(shown.out));

        const CtlRun stopped = ctl(server + QStringList {"channels", "stop", slug});
        QCOMPARE(stopped.exitCode, int(kExitOk));
        QVERIFY2(
            stopped.out.contains(QRegularExpression("enabled: +false")), qPrintable(stopped.out));
        QVERIFY2(test::waitFor(
                     [&] {
                         return ctl(server + QStringList {"channels", "list"})
                             .out.contains(QRegularExpression(slug + " +stopped"));
                     },
                     30000),
            "the stopped channel is not listed as stopped");

        sender->kill();
        sender->waitForFinished(10000);
        const CtlRun removed = ctl(server + QStringList {"channels", "remove", slug});
        QCOMPARE(removed.exitCode, int(kExitOk));
        QCOMPARE(removed.out, "Removed channel " + slug + ".\n");
        const CtlRun gone = ctl(server + QStringList {"channels", "show", slug});
        QCOMPARE(gone.exitCode, int(kExitRefused));
        QVERIFY2(gone.err.contains(slug), qPrintable(gone.err));
        QVERIFY(!ctl(server + QStringList {"channels", "list"}).out.contains(slug));

        const CtlRun settings = ctl(server + QStringList {"settings", "get"});
        QCOMPARE(settings.exitCode, int(kExitOk));
        QVERIFY2(settings.out.contains(QRegularExpression("httpPort: +\\d+\\n")),
            qPrintable(settings.out));

        // A wrong token: the server's sentence, where the token came from, status 1.
        const QString wrongToken = data.filePath("wrong-token");
        QFile file(wrongToken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("00000000000000000000000000000000\n");
        file.close();
        const CtlRun refused = ctl({"--url", QStringLiteral("http://127.0.0.1:%1").arg(port),
            "--token-file", wrongToken, "channels", "list"});
        QCOMPARE(refused.exitCode, int(kExitRefused));
        QVERIFY2(refused.err.contains("token") && refused.err.contains(wrongToken),
            qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());
    }
    // A channel's ladder set, changed and refused only through `panelx ctl`.
    void headlessLadderThroughCtl()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const quint16 port = test::freeTcpPort();
        Headless panelx(data.path(), port, environment());
        QVERIFY(panelx.started());
        const QStringList server {
            "--url", QStringLiteral("http://127.0.0.1:%1").arg(port), "--data-dir", data.path()};
        CtlRun status;
        QVERIFY2(test::waitFor(
                     [&] {
                         status = ctl(server + QStringList {"status"});
                         return status.exitCode == kExitOk;
                     },
                     60000),
            qPrintable(status.err));

        const CtlRun added = ctl(server
            + QStringList {"channels", "add", "--name", "Ladder", "--url", "udp://127.0.0.1:1",
                "--disabled", "--abr", "480p,720"});
        QVERIFY2(added.exitCode == kExitOk, qPrintable(added.err));
        QVERIFY2(added.out.contains(
                     QRegularExpression("ladder: +on: 720p, 480p \\(preset veryfast\\)\n")),
            qPrintable(added.out));

        const CtlRun edited = ctl(server
            + QStringList {
                "channels", "edit", "ladder", "--abr", "720p,360p", "--abr-preset", "faster"});
        QVERIFY2(edited.exitCode == kExitOk, qPrintable(edited.err));
        const CtlRun shown = ctl(server + QStringList {"channels", "show", "ladder"});
        QCOMPARE(shown.exitCode, int(kExitOk));
        QVERIFY2(
            shown.out.contains(QRegularExpression("ladder: +on: 720p, 360p \\(preset faster\\)\n")),
            qPrintable(shown.out));

        // The server's sentence, status 1, nothing changed.
        const CtlRun badRung
            = ctl(server + QStringList {"channels", "edit", "ladder", "--abr", "720p,999p"});
        QCOMPARE(badRung.exitCode, int(kExitRefused));
        QVERIFY2(badRung.err.contains("“999p” is not a rung of the ladder; choose from 1080p, "
                                      "720p, 480p, 360p."),
            qPrintable(badRung.err));
        QVERIFY(badRung.out.isEmpty());
        const CtlRun badPreset
            = ctl(server + QStringList {"channels", "edit", "ladder", "--abr-preset", "turbo"});
        QCOMPARE(badPreset.exitCode, int(kExitRefused));
        QVERIFY2(
            badPreset.err.contains("“turbo” is not a libx264 preset"), qPrintable(badPreset.err));

        const CtlRun off = ctl(server + QStringList {"channels", "edit", "ladder", "--abr", "off"});
        QCOMPARE(off.exitCode, int(kExitOk));
        QVERIFY2(
            off.out.contains(QRegularExpression("ladder: +off \\(720p, 360p, preset faster\\)\n")),
            qPrintable(off.out));
        const QJsonObject json = QJsonDocument::fromJson(
            ctl(server + QStringList {"--json", "channels", "show", "ladder"}).out.toUtf8())
                                     .object();
        QCOMPARE(
            json.value("abr").toObject().value("rungs").toArray(), (QJsonArray {"720p", "360p"}));
    }

    // A demo channel recorded, stopped, exported and removed only through `panelx ctl`.
    void headlessRecordsThroughCtl()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const quint16 port = test::freeTcpPort();
        Headless panelx(data.path(), port, environment());
        QVERIFY(panelx.started());
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        const QStringList server {"--url", base, "--data-dir", data.path()};
        CtlRun status;
        QVERIFY2(test::waitFor(
                     [&] {
                         status = ctl(server + QStringList {"status"});
                         return status.exitCode == kExitOk;
                     },
                     60000),
            qPrintable(status.err));

        const CtlRun empty = ctl(server + QStringList {"recordings", "list"});
        QCOMPARE(empty.exitCode, int(kExitOk));
        QVERIFY2(empty.out.startsWith("No recordings yet"), qPrintable(empty.out));
        QVERIFY2(empty.out.contains("of the DVR quota of 10.0 GB"), qPrintable(empty.out));

        const CtlRun channel = ctl(server
            + QStringList {
                "channels", "add", "--name", "Rec", "--url", "demo://", "--segment-seconds", "1"});
        QCOMPARE(channel.exitCode, int(kExitOk));
        const CtlRun tooLong = ctl(
            server + QStringList {"recordings", "add", "--channel", "rec", "--minutes", "721"});
        QCOMPARE(tooLong.exitCode, int(kExitRefused));
        QVERIFY2(tooLong.err.contains("1 to 720 minutes"), qPrintable(tooLong.err));
        QVERIFY(tooLong.out.isEmpty());

        const CtlRun added = ctl(server
            + QStringList {"--json", "recordings", "add", "--channel", "rec", "--title", "Ctl rec",
                "--minutes", "5"});
        QVERIFY2(added.exitCode == kExitOk, qPrintable(added.err));
        const QJsonObject recording = QJsonDocument::fromJson(added.out.toUtf8()).object();
        const QString id = QString::number(recording.value("id").toInteger());
        QCOMPARE(recording.value("state").toString(), QStringLiteral("recording"));

        const CtlRun list = ctl(server + QStringList {"recordings", "list"});
        QVERIFY2(list.out.contains(QRegularExpression("\\n" + id
                     + " +Ctl rec +rec +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d +5 min +[0-9.]+ "
                       "(bytes|[kMG]B) +recording\\n")),
            qPrintable(list.out));

        // Some media first, so the stopped recording has something to finish with.
        QVERIFY(test::waitFor(
            [&] {
                const CtlRun shown = ctl(server + QStringList {"--json", "recordings", "show", id});
                return QJsonDocument::fromJson(shown.out.toUtf8())
                           .object()
                           .value("sizeBytes")
                           .toInteger()
                    > 0;
            },
            60000));
        // The channel's buffer holds what was recorded, and says where catch-up is (at the
        // viewers' address: the LAN's).
        const CtlRun buffer = ctl(server + QStringList {"channels", "buffer", "rec"});
        QCOMPARE(buffer.exitCode, int(kExitOk));
        QVERIFY2(buffer.out.contains(
                     QRegularExpression("oldest: +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\n")),
            qPrintable(buffer.out));
        QVERIFY2(buffer.out.contains(
                     QStringLiteral(":%1/rec/archive-{utc}-{duration}.m3u8\n").arg(port)),
            qPrintable(buffer.out));
        const CtlRun bufferJson = ctl(server + QStringList {"channels", "buffer", "rec", "--json"});
        QCOMPARE(bufferJson.exitCode, int(kExitOk));
        QVERIFY2(
            QJsonDocument::fromJson(bufferJson.out.toUtf8()).object().value("segments").toInt() > 0,
            qPrintable(bufferJson.out));
        const CtlRun noBuffer = ctl(server + QStringList {"channels", "buffer", "nope"});
        QCOMPARE(noBuffer.exitCode, int(kExitRefused));
        QVERIFY2(noBuffer.err.contains("There is no channel “nope”"), qPrintable(noBuffer.err));

        const CtlRun stopped = ctl(server + QStringList {"recordings", "stop", id});
        QCOMPARE(stopped.exitCode, int(kExitOk));
        QVERIFY2(stopped.out.contains(QRegularExpression("title: +Ctl rec\\n")),
            qPrintable(stopped.out));
        QVERIFY2(test::waitFor(
                     [&] {
                         return ctl(server + QStringList {"recordings", "show", id})
                             .out.contains(QRegularExpression("state: +(finished|partial)\\n"));
                     },
                     30000),
            "the stopped recording did not finish");

        // The MP4 comes from the viewer server's /recordings/<id>.mp4. Where that route is not
        // there, ctl says so and leaves no file behind.
        const QString file = data.filePath("out.mp4");
        const CtlRun exported
            = ctl(server + QStringList {"recordings", "export", id, "--output", file}, 120000);
        if (exported.exitCode == kExitOk) {
            QCOMPARE(exported.out, "Saved recording " + id + " (“Ctl rec”) to " + file + ".\n");
            QFile mp4(file);
            QVERIFY(mp4.open(QIODevice::ReadOnly));
            QCOMPARE(mp4.read(8).mid(4), QByteArray("ftyp"));
        } else {
            QCOMPARE(exported.exitCode, int(kExitRefused));
            QVERIFY2(exported.err.contains("(downloading " + base + "/recordings/" + id + ".mp4)"),
                qPrintable(exported.err));
            QVERIFY(!QFile::exists(file));
        }
        const CtlRun unwritable = ctl(server
            + QStringList {
                "recordings", "export", id, "--output", data.filePath("no/such/dir.mp4")});
        QCOMPARE(unwritable.exitCode, int(kExitUsage));
        QVERIFY2(unwritable.err.contains("choose another file with --output"),
            qPrintable(unwritable.err));

        const CtlRun removed = ctl(server + QStringList {"recordings", "remove", id});
        QCOMPARE(removed.exitCode, int(kExitOk));
        QCOMPARE(removed.out, "Removed recording " + id + ".\n");
        const CtlRun gone = ctl(server + QStringList {"recordings", "show", id});
        QCOMPARE(gone.exitCode, int(kExitRefused));
        QVERIFY2(gone.err.contains("There is no recording"), qPrintable(gone.err));

        const CtlRun set = ctl(
            server + QStringList {"settings", "set", "dvr.keepDays=7", "dvr.autoCleanup=false"});
        QCOMPARE(set.exitCode, int(kExitOk));
        QVERIFY2(set.out.contains(QRegularExpression("dvr.keepDays: +7\\n")), qPrintable(set.out));
        QVERIFY2(set.out.contains(QRegularExpression("dvr.autoCleanup: +false\\n")),
            qPrintable(set.out));
        const CtlRun refused = ctl(server + QStringList {"settings", "set", "dvr.quotaBytes=1000"});
        QCOMPARE(refused.exitCode, int(kExitRefused));
        QVERIFY2(refused.err.contains("at least 0.1 GB"), qPrintable(refused.err));
    }
    void headlessSchedulesThroughCtl()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        const quint16 port = test::freeTcpPort();
        Headless panelx(data.path(), port, environment());
        QVERIFY(panelx.started());
        const QStringList server {
            "--url", QStringLiteral("http://127.0.0.1:%1").arg(port), "--data-dir", data.path()};
        CtlRun status;
        QVERIFY2(test::waitFor(
                     [&] {
                         status = ctl(server + QStringList {"status"});
                         return status.exitCode == kExitOk;
                     },
                     60000),
            qPrintable(status.err));
        for (const QString &name : {"News", "Sports"})
            QCOMPARE(ctl(server
                         + QStringList {"channels", "add", "--name", name, "--url",
                             "udp://127.0.0.1:1", "--disabled"})
                         .exitCode,
                int(kExitOk));
        QVERIFY(ctl(server + QStringList {"schedules", "list"}).out.startsWith("No schedules yet"));

        // Mondays and Fridays at 20:00 in Kolkata (+05:30, no DST), from tomorrow.
        const QString tomorrow = QDate::currentDate().addDays(1).toString(Qt::ISODate);
        const QStringList plan {"--start", tomorrow + " 20:00", "--time-zone", "Asia/Kolkata",
            "--repeat", "weekly", "--weekdays", "mon,fri", "--minutes", "30"};
        const CtlRun added = ctl(server
            + QStringList {"schedules", "add", "--name", "Evening news", "--channel", "news"}
            + plan);
        QVERIFY2(added.exitCode == kExitOk, qPrintable(added.err));
        QVERIFY2(added.out.contains(QRegularExpression(
                     "when: +Every Monday and Friday at 20:00 \\(Asia/Kolkata\\)\\n")),
            qPrintable(added.out));
        QVERIFY2(
            added.out.contains(QRegularExpression("next run: +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d "
                                                  "\\(\\d{4}-\\d\\d-\\d\\d 20:00 \\+05:30\\)\\n")),
            qPrintable(added.out));
        const QString id = added.out.section('\n', 0, 0).section(' ', -1);

        const CtlRun next = ctl(server + QStringList {"schedules", "next", id, "--count", "3"});
        QCOMPARE(next.exitCode, int(kExitOk));
        const QStringList rows = next.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 4);
        QVERIFY2(rows[0].contains("IN Asia/Kolkata"), qPrintable(next.out));
        for (const QString &row : rows.mid(1)) {
            const QDateTime inKolkata = QDateTime::fromString(
                row.section(QRegularExpression(" {2,}"), 2, 2).left(16), "yyyy-MM-dd HH:mm");
            QCOMPARE(inKolkata.time(), QTime(20, 0));
            QVERIFY2(inKolkata.date().dayOfWeek() == 1 || inKolkata.date().dayOfWeek() == 5,
                qPrintable(row));
            // The first column is the same instant on this computer's clock.
            const QDateTime here = QDateTime::fromString(row.left(16), "yyyy-MM-dd HH:mm");
            QCOMPARE(here.toSecsSinceEpoch(),
                QDateTime(inKolkata.date(), inKolkata.time(), QTimeZone("Asia/Kolkata"))
                    .toSecsSinceEpoch());
        }

        // One recording at a time: the same plan on another channel collides.
        QCOMPARE(
            ctl(server + QStringList {"settings", "set", "schedules.maxRecordings=1"}).exitCode,
            int(kExitOk));
        const QStringList second
            = QStringList {"schedules", "add", "--name", "Match", "--channel", "sports"} + plan;
        const CtlRun refused = ctl(server + second);
        QCOMPARE(refused.exitCode, int(kExitRefused));
        QVERIFY2(refused.err.contains("2 recordings would run at once"), qPrintable(refused.err));
        QVERIFY2(refused.err.contains("--force"), qPrintable(refused.err));
        const CtlRun forced = ctl(server + second + QStringList {"--force"});
        QVERIFY2(forced.exitCode == kExitOk, qPrintable(forced.err));
        QVERIFY2(
            forced.out.contains(QRegularExpression("conflicts: +yes")), qPrintable(forced.out));
        const QString secondId = forced.out.section('\n', 0, 0).section(' ', -1);

        const CtlRun list = ctl(server + QStringList {"schedules", "list"});
        QVERIFY2(list.out.contains(QRegularExpression("\\n" + id
                     + " +Evening news +record +news +Every Monday and Friday .* +yes "
                       "+none yet +yes\\n")),
            qPrintable(list.out));
        QVERIFY2(list.out.contains("schedules conflicts"), qPrintable(list.out));
        const CtlRun conflicts = ctl(server + QStringList {"schedules", "conflicts"});
        QVERIFY2(conflicts.out.startsWith("- 2 recordings would run at once"),
            qPrintable(conflicts.out));

        const CtlRun disabled = ctl(server + QStringList {"schedules", "disable", secondId});
        QCOMPARE(disabled.exitCode, int(kExitOk));
        QVERIFY2(disabled.out.contains(QRegularExpression("enabled: +false\\n")),
            qPrintable(disabled.out));
        QVERIFY(
            ctl(server + QStringList {"schedules", "conflicts"}).out.startsWith("No schedules"));
        const CtlRun edited = ctl(server
            + QStringList {"--json", "schedules", "edit", id, "--minutes", "45", "--start",
                tomorrow + " 21:15"});
        QVERIFY2(edited.exitCode == kExitOk, qPrintable(edited.err));
        const QJsonObject json = QJsonDocument::fromJson(edited.out.toUtf8()).object();
        QCOMPARE(json.value("minutes").toInt(), 45);
        QCOMPARE(json.value("start").toString(), tomorrow + "T21:15");
        const CtlRun impossible
            = ctl(server + QStringList {"schedules", "edit", id, "--time-zone", "Asia/Kolkatta"});
        QCOMPARE(impossible.exitCode, int(kExitRefused));
        QVERIFY2(impossible.err.contains("“Asia/Kolkatta” is not a time zone"),
            qPrintable(impossible.err));

        const CtlRun removed = ctl(server + QStringList {"schedules", "remove", secondId});
        QCOMPARE(removed.exitCode, int(kExitOk));
        QCOMPARE(removed.out, QStringLiteral("Removed schedule %1.\n").arg(secondId));
        const CtlRun gone = ctl(server + QStringList {"schedules", "show", secondId});
        QCOMPARE(gone.exitCode, int(kExitRefused));
        QVERIFY2(gone.err.contains("There is no schedule"), qPrintable(gone.err));
    }
};

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
