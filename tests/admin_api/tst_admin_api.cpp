// The admin API over real HTTP against a real Engine: who may call (token, loopback, back-off),
// every route's success and refusals with the field named, changes seen by the engine and kept
// across a restart, recordings of a demo channel from start to finish. A client bound to
// 127.0.0.2 plays a computer on the network.
#include "Engine.h"
#include "Settings.h"
#include "TestSupport.h"
#include "api/AbrApi.h"
#include "api/AdminApi.h"
#include "api/AdminToken.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <sys/stat.h>

using namespace panelx;

namespace {

const QHostAddress kRemote(QStringLiteral("127.0.0.2"));

struct Reply {
    int status = 0; // 0: no answer
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString error() const { return json().value(QStringLiteral("error")).toString(); }
    QString field() const { return json().value(QStringLiteral("field")).toString(); }
};

// One HTTP/1.1 request from `from` (any loopback address) with a deadline; the connection
// closes after it, so the whole answer is what arrives until then.
Reply send(quint16 port, const QByteArray &method, const QByteArray &path,
    const QByteArray &authorization, const QByteArray &body = {},
    const QHostAddress &from = QHostAddress::LocalHost)
{
    QTcpSocket socket;
    Reply reply;
    if (!socket.bind(from, 0)) {
        qWarning() << "cannot bind to" << from << socket.errorString();
        return reply;
    }
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return reply;
    QByteArray request
        = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Connection: close\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PATCH")
        request += "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    socket.write(request);
    QByteArray received;
    QDeadlineTimer deadline(20000);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        received += socket.readAll();
    }
    received += socket.readAll();
    const qsizetype headerEnd = received.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return reply;
    const QList<QByteArray> lines = received.first(headerEnd).split('\n');
    reply.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            reply.headers.append(
                {lines[i].first(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    reply.body = received.mid(headerEnd + 4);
    return reply;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestAdminApi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void refusesCallsWithoutTheToken();
    void backsOffRepeatedWrongTokens();
    void refusesOtherComputersUnlessRemoteAdminIsOn();
    void tokenFileIsPrivateAndStableAcrossRestarts();
    void regeneratedTokenReplacesTheOldOne();
    void status();
    void channelLifecycle();
    void channelsAreListedByName();
    void refusesBadChannelInput_data();
    void refusesBadChannelInput();
    void duplicateNameIsAConflict();
    void ladderIsOffByDefaultAndChangesInParts();
    void channelIsAddedWithItsLadder();
    void ladderCatalogue();
    void rungFiguresAsJson();
    void unknownChannelRouteAndMethod();
    void bodyOverOneMebibyteIs413();
    void changesPersistAcrossRestart();
    void settingsReadAndChange();
    void refusesBadSettings_data();
    void refusesBadSettings();
    void dvrSettingsReadChangeAndApply();
    void recordingLifecycle();
    void retroactiveRecordingWithinTheBuffer();
    void quotaRefusesWhatDoesNotFit();
    void refusesBadRecordingInput_data();
    void refusesBadRecordingInput();
    void bufferOfAnEmptyChannel();
    void bufferGrowsAndShowsItsGaps();
    void scheduleLifecycle();
    void conflictingScheduleNeedsForce();
    void refusesBadScheduleInput_data();
    void refusesBadScheduleInput();
    void scheduleSettingsReadChangeAndApply();
    void everyRouteIsDocumented();

private:
    void startEngine();
    void stopEngine();
    template<typename T> T onEngine(const std::function<T()> &read)
    {
        T value;
        QMetaObject::invokeMethod(
            m_engine, [&] { value = read(); }, Qt::BlockingQueuedConnection);
        return value;
    }
    Reply call(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
        const QHostAddress &from = QHostAddress::LocalHost)
    {
        return send(m_port, method, path, "Bearer " + m_token, body, from);
    }
    qint64 addChannel(const QString &name, bool enabled = false);
    // A demo channel cutting one-second segments, once its live playlist lists `seconds` of them.
    QJsonObject addDemoChannel(int seconds);

    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
    test::EngineThread m_running;
    Engine *m_engine = nullptr;
    quint16 m_port = 0;
    QByteArray m_token;
};

void TestAdminApi::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_config.path());
    QCoreApplication::setOrganizationName(QStringLiteral("PanelXTest"));
    QCoreApplication::setApplicationName(QStringLiteral("PanelXAdminApiTest"));
    // The run's settings as the program records them at start: this folder, loopback, a port
    // the command line chose.
    Settings saved;
    saved.listen = ListenScope::Loopback;
    saved.save();
}

void TestAdminApi::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QSettings store;
    store.clear();
    Settings saved;
    saved.listen = ListenScope::Loopback;
    saved.dataDir = m_dir->path();
    saved.save(store);
    startEngine();
}

void TestAdminApi::cleanup()
{
    stopEngine();
    m_dir.reset();
}

void TestAdminApi::startEngine()
{
    EngineOptions options;
    options.dataDir = m_dir->path();
    options.httpPort = 0;
    options.createDemoChannel = false;
    CommandLineChoices fromCommandLine;
    fromCommandLine.dataDir = true;
    fromCommandLine.port = true;
    Settings::prepareStartup(options, fromCommandLine);
    QCOMPARE(options.listenAddress, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(!options.remoteAdmin);
    const QString failure = m_running.start(options);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    m_engine = m_running.engine();
    m_port = onEngine<quint16>([this] { return m_engine->httpPort(); });
    m_token = AdminToken::read(m_dir->path());
    QVERIFY(!m_token.isEmpty());
}

void TestAdminApi::stopEngine()
{
    QVERIFY(m_running.stop());
    m_engine = nullptr;
}

qint64 TestAdminApi::addChannel(const QString &name, bool enabled)
{
    const Reply reply = call("POST", "/api/v1/channels",
        json({{"name", name}, {"url", "udp://127.0.0.1:1"}, {"enabled", enabled}}));
    if (reply.status != 201)
        qWarning() << reply.status << reply.body;
    return reply.json().value("id").toInteger();
}

QJsonObject TestAdminApi::addDemoChannel(int seconds)
{
    const Reply added = call("POST", "/api/v1/channels",
        json({{"name", "Demo"}, {"url", "demo://"}, {"segmentSeconds", 1}}));
    if (added.status != 201) {
        qWarning() << added.status << added.body;
        return {};
    }
    const QString playlist = QStringLiteral("http://127.0.0.1:%1/live/demo.m3u8").arg(m_port);
    if (!test::waitFor(
            [&] { return test::httpRequest(playlist).body.count("#EXTINF") >= seconds; }, 60000))
        return {};
    return added.json();
}

void TestAdminApi::refusesCallsWithoutTheToken()
{
    const QList<QByteArray> wrong {QByteArray(), "Bearer " + QByteArray(64, 'a'),
        "Bearer " + m_token.chopped(1), "Bearer " + m_token + "0", "Basic " + m_token, "Bearer"};
    for (const QByteArray &authorization : wrong) {
        const Reply reply = send(m_port, "GET", "/api/v1/status", authorization);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.header("WWW-Authenticate"), QByteArray("Bearer"));
        QVERIFY2(reply.error().contains("admin-token"), reply.body.constData());
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        // Each wrong one counts; a right one in between clears the count (else the sixth is 429).
        QCOMPARE(call("GET", "/api/v1/status").status, 200);
    }
    // The scheme's name is case-insensitive (RFC 7235).
    QCOMPARE(send(m_port, "GET", "/api/v1/status", "bearer " + m_token).status, 200);
}

void TestAdminApi::backsOffRepeatedWrongTokens()
{
    for (int i = 0; i < 5; ++i)
        QCOMPARE(send(m_port, "GET", "/api/v1/status", "Bearer wrong").status, 401);
    // Now even the right token waits: the address is told how long.
    const Reply blocked = call("GET", "/api/v1/status");
    QCOMPARE(blocked.status, 429);
    const int retryAfter = blocked.header("Retry-After").toInt();
    QVERIFY2(retryAfter > 0 && retryAfter <= 60, blocked.header("Retry-After").constData());
    QVERIFY2(blocked.error().contains("wait"), blocked.body.constData());
    // Another address is not held up by this one.
    QCOMPARE(onEngine<bool>([this] {
        m_engine->setRemoteAdmin(true);
        return true;
    }),
        true);
    QCOMPARE(call("GET", "/api/v1/status", {}, kRemote).status, 200);
}

void TestAdminApi::refusesOtherComputersUnlessRemoteAdminIsOn()
{
    const Reply refused = call("GET", "/api/v1/status", {}, kRemote);
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.error().contains("remote administration"), refused.body.constData());
    // Refused before the token is looked at: a wrong one from there is 403 too, and does not
    // count towards a back-off.
    QCOMPARE(send(m_port, "GET", "/api/v1/status", "Bearer nope", {}, kRemote).status, 403);

    const Reply on = call("PATCH", "/api/v1/settings", json({{"remoteAdmin", true}}));
    QCOMPARE(on.status, 200);
    // Takes effect at once, so it is not among the changes waiting for a restart.
    QVERIFY(!on.json().value("restartNeeded").toArray().contains("remoteAdmin"));
    QCOMPARE(call("GET", "/api/v1/status", {}, kRemote).status, 200);
    QCOMPARE(send(m_port, "GET", "/api/v1/status", "Bearer nope", {}, kRemote).status, 401);

    QCOMPARE(call("PATCH", "/api/v1/settings", json({{"remoteAdmin", false}})).status, 200);
    QCOMPARE(call("GET", "/api/v1/status", {}, kRemote).status, 403);
}

void TestAdminApi::tokenFileIsPrivateAndStableAcrossRestarts()
{
    const QString path = AdminToken::fileName(m_dir->path());
    struct stat info { };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);
    // >= 128 random bits, as hex.
    QVERIFY(m_token.size() >= 32);
    QCOMPARE(QByteArray::fromHex(m_token).toHex(), m_token);
    QCOMPARE(onEngine<QByteArray>([this] { return m_engine->adminToken(); }), m_token);

    stopEngine();
    // A copy restored with a looser mode is tightened at start.
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    const QByteArray before = m_token;
    startEngine();
    QCOMPARE(m_token, before);
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(info.st_mode & 0777, 0600u);
    QCOMPARE(call("GET", "/api/v1/status").status, 200);
}

void TestAdminApi::regeneratedTokenReplacesTheOldOne()
{
    QSignalSpy changed(m_engine, &Engine::adminTokenChanged);
    QMetaObject::invokeMethod(m_engine, &Engine::regenerateAdminToken, Qt::QueuedConnection);
    QTRY_COMPARE(changed.count(), 1);
    const QByteArray fresh = changed.first().first().toByteArray();
    QVERIFY(fresh != m_token);
    QCOMPARE(AdminToken::read(m_dir->path()), fresh);
    QCOMPARE(call("GET", "/api/v1/status").status, 401);
    QCOMPARE(send(m_port, "GET", "/api/v1/status", "Bearer " + fresh).status, 200);
}

void TestAdminApi::status()
{
    const qint64 id = addChannel(QStringLiteral("News"));
    const Reply reply = call("GET", "/api/v1/status");
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.json();
    QCOMPARE(body.value("version").toString(), QStringLiteral(PANELX_VERSION));
    QVERIFY(body.value("uptimeSeconds").toInteger(-1) >= 0);
    QCOMPARE(body.value("viewerUrl").toString(), QStringLiteral("http://127.0.0.1:%1").arg(m_port));
    // Xtream catch-up starts are read in this zone: apps need to know it.
    QCOMPARE(body.value("timeZone").toString(), QString::fromUtf8(QTimeZone::systemTimeZoneId()));
    const QJsonArray channels = body.value("channels").toArray();
    QCOMPARE(channels.size(), 1);
    const QJsonObject channel = channels.first().toObject();
    QCOMPARE(channel.value("id").toInteger(), id);
    QCOMPARE(
        channel.value("status").toObject().value("state").toString(), QStringLiteral("stopped"));
    const QJsonObject storage = body.value("storage").toObject();
    QCOMPARE(storage.value("dataDir").toString(), m_dir->path());
    QVERIFY(storage.value("bufferBytes").toInteger(-1) >= 0);
    QVERIFY(storage.value("totalBytes").toInteger() > 0);
    QVERIFY(storage.value("freeBytes").toInteger() > 0);
    QVERIFY(storage.value("freeBytes").toInteger() <= storage.value("totalBytes").toInteger());
}

void TestAdminApi::channelLifecycle()
{
    QSignalSpy added(m_engine, &Engine::channelAdded);
    QSignalSpy updated(m_engine, &Engine::channelUpdated);
    QSignalSpy removed(m_engine, &Engine::channelRemoved);

    const Reply created = call("POST", "/api/v1/channels",
        json({{"name", "World News"}, {"url", "udp://127.0.0.1:1234"}, {"enabled", false},
            {"segmentSeconds", 2.5}, {"bufferMinutes", 30}}));
    QCOMPARE(created.status, 201);
    const QJsonObject channel = created.json();
    const qint64 id = channel.value("id").toInteger();
    QVERIFY(id > 0);
    QCOMPARE(created.header("Location"), "/api/v1/channels/" + QByteArray::number(id));
    QCOMPARE(channel.value("slug").toString(), QStringLiteral("world-news"));
    QCOMPARE(channel.value("segmentSeconds").toDouble(), 2.5);
    QCOMPARE(channel.value("bufferMinutes").toDouble(), 30.0);
    QCOMPARE(channel.value("enabled").toBool(), false);
    QCOMPARE(channel.value("liveUrl").toString(),
        QStringLiteral("http://127.0.0.1:%1/live/world-news.m3u8").arg(m_port));
    // The window hears of it as of a channel added in its own dialog.
    QCOMPARE(added.count(), 1);
    const auto stored = onEngine<QList<ChannelConfig>>([this] { return m_engine->channels(); });
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().segmentDurationMs, 2500);
    QCOMPARE(stored.first().bufferMs, 30LL * 60 * 1000);

    QCOMPARE(call("GET", "/api/v1/channels/" + QByteArray::number(id)).json(), channel);
    QCOMPARE(call("GET", "/api/v1/channels/world-news").json(), channel);

    const Reply renamed
        = call("PATCH", "/api/v1/channels/world-news", json({{"name", "Weltnachrichten"}}));
    QCOMPARE(renamed.status, 200);
    QCOMPARE(renamed.json().value("name").toString(), QStringLiteral("Weltnachrichten"));
    QCOMPARE(renamed.json().value("slug").toString(), QStringLiteral("world-news"));
    QCOMPARE(renamed.json().value("url").toString(), QStringLiteral("udp://127.0.0.1:1234"));
    QCOMPARE(updated.count(), 1);

    const Reply started = call("POST", "/api/v1/channels/world-news/start");
    QCOMPARE(started.status, 200);
    QCOMPARE(started.json().value("enabled").toBool(), true);
    QVERIFY(onEngine<bool>([this] { return m_engine->channels().first().enabled; }));
    // The ingest runs: its state leaves "stopped" (a UDP source with no sender waits).
    QVERIFY(test::waitFor(
        [&] {
            return call("GET", "/api/v1/channels/world-news")
                       .json()
                       .value("status")
                       .toObject()
                       .value("state")
                       .toString()
                != QLatin1String("stopped");
        },
        10000));
    const Reply stopped = call("POST", "/api/v1/channels/" + QByteArray::number(id) + "/stop");
    QCOMPARE(stopped.status, 200);
    QCOMPARE(stopped.json().value("enabled").toBool(), false);
    QVERIFY(!onEngine<bool>([this] { return m_engine->channels().first().enabled; }));

    const Reply deleted = call("DELETE", "/api/v1/channels/world-news");
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(removed.count(), 1);
    QVERIFY(onEngine<QList<ChannelConfig>>([this] { return m_engine->channels(); }).isEmpty());
    QCOMPARE(call("GET", "/api/v1/channels/world-news").status, 404);
}

void TestAdminApi::channelsAreListedByName()
{
    addChannel(QStringLiteral("Zeta"));
    addChannel(QStringLiteral("Alpha"));
    addChannel(QStringLiteral("Mu"));
    const Reply reply = call("GET", "/api/v1/channels");
    QCOMPARE(reply.status, 200);
    QStringList names;
    for (const QJsonValue &channel : reply.json().value("channels").toArray())
        names << channel.toObject().value("name").toString();
    QCOMPARE(names, (QStringList {"Alpha", "Mu", "Zeta"}));
}

void TestAdminApi::refusesBadChannelInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    const QByteArray list = "/api/v1/channels";
    const QByteArray one = "/api/v1/channels/existing";
    QTest::newRow("not JSON") << QByteArray("POST") << list << QByteArray("{\"name\": ") << 400
                              << QString() << "not valid JSON";
    QTest::newRow("not an object") << QByteArray("POST") << list << QByteArray("[1, 2]") << 400
                                   << QString() << "one JSON object";
    QTest::newRow("empty body") << QByteArray("PATCH") << one << QByteArray() << 400 << QString()
                                << "not valid JSON";
    QTest::newRow("unknown field")
        << QByteArray("POST") << list
        << json({{"name", "A"}, {"url", "udp://127.0.0.1:1"}, {"colour", "red"}}) << 400 << "colour"
        << "Unknown field “colour”";
    QTest::newRow("unknown field in a change")
        << QByteArray("PATCH") << one << json({{"sourceUrl", "udp://127.0.0.1:2"}}) << 400
        << "sourceUrl"
        << "Known fields here: name, url";
    QTest::newRow("name not a string")
        << QByteArray("POST") << list << json({{"name", 5}, {"url", "udp://127.0.0.1:1"}}) << 400
        << "name"
        << "must be a string";
    QTest::newRow("enabled not a boolean")
        << QByteArray("PATCH") << one << json({{"enabled", "yes"}}) << 400 << "enabled"
        << "true or false";
    QTest::newRow("seconds as text")
        << QByteArray("PATCH") << one << json({{"segmentSeconds", "4"}}) << 400 << "segmentSeconds"
        << "a number";
    QTest::newRow("no name") << QByteArray("POST") << list << json({{"url", "udp://127.0.0.1:1"}})
                             << 422 << "name"
                             << "Enter a name";
    QTest::newRow("bad URL") << QByteArray("POST") << list
                             << json({{"name", "B"}, {"url", "htp://camera"}}) << 422 << "url"
                             << "Unknown URL scheme";
    QTest::newRow("segment too long")
        << QByteArray("PATCH") << one << json({{"segmentSeconds", 11}}) << 422 << "segmentSeconds"
        << "between 1 and 10 seconds";
    QTest::newRow("segment absurd") << QByteArray("PATCH") << one
                                    << json({{"segmentSeconds", 1e300}}) << 422 << "segmentSeconds"
                                    << "between 1 and 10 seconds";
    QTest::newRow("negative buffer")
        << QByteArray("PATCH") << one << json({{"bufferMinutes", -1}}) << 422 << "bufferMinutes"
        << "0 and 24 hours";
    QTest::newRow("buffer over a day")
        << QByteArray("POST") << list
        << json({{"name", "C"}, {"url", "udp://127.0.0.1:1"}, {"bufferMinutes", 24 * 60 + 1}})
        << 422 << "bufferMinutes"
        << "0 and 24 hours";
    QTest::newRow("two problems, all said")
        << QByteArray("POST") << list << json({{"name", ""}, {"url", ""}}) << 422 << QString()
        << "Enter a name for the channel. Enter the source URL";
    const auto abr = [](const QJsonObject &ladder) { return json({{"abr", ladder}}); };
    QTest::newRow("unknown rung")
        << QByteArray("PATCH") << one
        << abr({{"enabled", true}, {"rungs", QJsonArray {"720p", "999p"}}}) << 422 << "abr.rungs"
        << "“999p” is not a rung of the ladder; choose from 1080p, 720p, 480p, 360p.";
    QTest::newRow("unknown rung in a new channel")
        << QByteArray("POST") << list
        << json({{"name", "D"}, {"url", "udp://127.0.0.1:1"},
               {"abr", QJsonObject {{"rungs", QJsonArray {"4k"}}}}})
        << 422 << "abr.rungs"
        << "“4k” is not a rung";
    QTest::newRow("unknown preset")
        << QByteArray("PATCH") << one << abr({{"preset", "turbo"}}) << 422 << "abr.preset"
        << "“turbo” is not a libx264 preset; choose one of ultrafast";
    QTest::newRow("ladder on without rungs")
        << QByteArray("PATCH") << one << abr({{"enabled", true}, {"rungs", QJsonArray {}}}) << 422
        << "abr.rungs"
        << "Choose at least one rung (1080p, 720p, 480p, 360p), or turn the ladder off.";
    // A wrong type is the same 400 as for every other field (docs/api.md, Errors).
    QTest::newRow("rungs not a list")
        << QByteArray("PATCH") << one << abr({{"rungs", "720p,480p"}}) << 400 << "abr.rungs"
        << "must be a list of strings, for example [\"720p\", \"360p\"]";
    QTest::newRow("rung not a string")
        << QByteArray("PATCH") << one << abr({{"rungs", QJsonArray {720}}}) << 400 << "abr.rungs"
        << "must be a list of strings";
    QTest::newRow("ladder switch as text")
        << QByteArray("PATCH") << one << abr({{"enabled", "on"}}) << 400 << "abr.enabled"
        << "true or false";
    QTest::newRow("ladder not an object")
        << QByteArray("PATCH") << one << json({{"abr", true}}) << 400 << "abr"
        << "an object";
    QTest::newRow("unknown ladder field")
        << QByteArray("PATCH") << one << abr({{"bitrate", 5000}}) << 400 << "abr.bitrate"
        << "Known fields here: enabled, rungs, preset";
}

void TestAdminApi::refusesBadChannelInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    QVERIFY(addChannel(QStringLiteral("Existing")) > 0);
    const Reply reply = call(method, path, body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.field(), field);
    QVERIFY2(reply.error().contains(messagePart), reply.body.constData());
    // Nothing changed.
    const auto channels = onEngine<QList<ChannelConfig>>([this] { return m_engine->channels(); });
    QCOMPARE(channels.size(), 1);
    QCOMPARE(channels.first().name, QStringLiteral("Existing"));
    QCOMPARE(channels.first().segmentDurationMs, kDefaultSegmentDurationMs);
    QCOMPARE(channels.first().abr, AbrConfig {});
}

void TestAdminApi::duplicateNameIsAConflict()
{
    addChannel(QStringLiteral("News"));
    const qint64 other = addChannel(QStringLiteral("Sport"));
    const Reply added = call(
        "POST", "/api/v1/channels", json({{"name", " news "}, {"url", "udp://127.0.0.1:2"}}));
    QCOMPARE(added.status, 409);
    QCOMPARE(added.field(), QStringLiteral("name"));
    QVERIFY2(added.error().contains("already exists"), added.body.constData());
    const Reply renamed
        = call("PATCH", "/api/v1/channels/" + QByteArray::number(other), json({{"name", "NEWS"}}));
    QCOMPARE(renamed.status, 409);
    QCOMPARE(renamed.field(), QStringLiteral("name"));
    // A value that is wrong in itself is said first.
    QCOMPARE(
        call("POST", "/api/v1/channels", json({{"name", "News"}, {"url", "nope"}})).status, 422);
}

void TestAdminApi::ladderIsOffByDefaultAndChangesInParts()
{
    const qint64 id = addChannel(QStringLiteral("Ladder"));
    const QByteArray path = "/api/v1/channels/" + QByteArray::number(id);
    const auto stored = [&] {
        return onEngine<QList<ChannelConfig>>([this] { return m_engine->channels(); }).first().abr;
    };
    const Reply shown = call("GET", path);
    QCOMPARE(shown.status, 200);
    QCOMPARE(shown.json().value("abr").toObject(),
        (QJsonObject {{"enabled", false}, {"rungs", QJsonArray {"1080p", "720p", "480p", "360p"}},
            {"preset", "veryfast"}}));
    // No ladder runs: no rung figures.
    QCOMPARE(shown.json().value("status").toObject().value("rungs").toArray(), QJsonArray {});

    // On with some rungs, named loosely and out of order: stored as the catalogue names them.
    const Reply on = call("PATCH", path,
        json({{"abr", QJsonObject {{"enabled", true}, {"rungs", QJsonArray {"360", "720P"}}}}}));
    QCOMPARE(on.status, 200);
    QCOMPARE(on.json().value("abr").toObject(),
        (QJsonObject {
            {"enabled", true}, {"rungs", QJsonArray {"720p", "360p"}}, {"preset", "veryfast"}}));
    AbrConfig expected;
    expected.enabled = true;
    expected.rungs = QStringList {"720p", "360p"};
    QCOMPARE(stored(), expected);

    // A part of the ladder changes only that part.
    const Reply preset = call("PATCH", path, json({{"abr", QJsonObject {{"preset", "faster"}}}}));
    QCOMPARE(preset.status, 200);
    expected.preset = QStringLiteral("faster");
    QCOMPARE(stored(), expected);
    const Reply off = call("PATCH", path, json({{"abr", QJsonObject {{"enabled", false}}}}));
    QCOMPARE(off.status, 200);
    expected.enabled = false;
    QCOMPARE(stored(), expected);
    QCOMPARE(
        off.json().value("abr").toObject().value("rungs").toArray(), (QJsonArray {"720p", "360p"}));
    // Other fields leave the ladder as it is; an empty ladder object changes nothing.
    QCOMPARE(call("PATCH", path, json({{"bufferMinutes", 30}})).status, 200);
    QCOMPARE(call("PATCH", path, json({{"abr", QJsonObject {}}})).status, 200);
    QCOMPARE(stored(), expected);
    QCOMPARE(call("GET", path).json().value("abr").toObject(), off.json().value("abr").toObject());
}

void TestAdminApi::channelIsAddedWithItsLadder()
{
    const Reply created = call("POST", "/api/v1/channels",
        json({{"name", "Ladder"}, {"url", "udp://127.0.0.1:1"}, {"enabled", false},
            {"abr",
                QJsonObject {{"enabled", true}, {"rungs", QJsonArray {"480p", "1080p", "480"}},
                    {"preset", "fast"}}}}));
    QCOMPARE(created.status, 201);
    QCOMPARE(created.json().value("abr").toObject(),
        (QJsonObject {
            {"enabled", true}, {"rungs", QJsonArray {"1080p", "480p"}}, {"preset", "fast"}}));
    // Kept in the database: the same after a restart.
    stopEngine();
    startEngine();
    const auto channels = onEngine<QList<ChannelConfig>>([this] { return m_engine->channels(); });
    QCOMPARE(channels.size(), 1);
    QCOMPARE(channels.first().abr.enabled, true);
    QCOMPARE(channels.first().abr.rungs, (QStringList {"1080p", "480p"}));
    QCOMPARE(channels.first().abr.preset, QStringLiteral("fast"));
    QCOMPARE(
        call("GET", "/api/v1/channels/ladder").json().value("abr"), created.json().value("abr"));
}

void TestAdminApi::ladderCatalogue()
{
    const Reply reply = call("GET", "/api/v1/abr");
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.json();
    const QJsonArray rungs = body.value("rungs").toArray();
    QStringList names;
    for (const QJsonValue &rung : rungs)
        names << rung.toObject().value("name").toString();
    QCOMPARE(names, (QStringList {"1080p", "720p", "480p", "360p"}));
    QCOMPARE(rungs.at(1).toObject(),
        (QJsonObject {{"name", "720p"}, {"height", 720}, {"videoBitrate", 2800000},
            {"maxRate", 3080000}, {"bufferSize", 5600000}, {"profile", "high"}}));
    QCOMPARE(rungs.at(3).toObject().value("profile").toString(), QStringLiteral("main"));
    const QJsonArray presets = body.value("presets").toArray();
    QCOMPARE(presets.size(), 9);
    QCOMPARE(presets.first().toString(), QStringLiteral("ultrafast"));
    QVERIFY(presets.contains("veryfast"));
    QCOMPARE(body.value("audioBitrate").toInteger(), 128000);
    QCOMPARE(body.value("default").toObject(), api::abrJson(AbrConfig {}));
    QCOMPARE(call("POST", "/api/v1/abr", "{}").status, 405);
}

// The transcoder fills ChannelStatus::rungs; without a running ladder the figures' JSON is
// checked here from the function the channel's status uses.
void TestAdminApi::rungFiguresAsJson()
{
    RungStatus rung;
    rung.rendition = QStringLiteral("720p");
    rung.state = RungState::Behind;
    rung.width = 1280;
    rung.height = 720;
    rung.frameRate = 25;
    rung.targetBitrate = 2800000;
    rung.videoBitrate = 2790456;
    rung.measuredBitrate = 2950123;
    rung.encodedFps = 20.5;
    rung.speed = 0.82;
    rung.framesDropped = 14;
    rung.message = QStringLiteral("720p falls behind at 0.8× real time — remove a rung or choose "
                                  "a faster preset");
    QCOMPARE(api::rungStatusJson(rung),
        (QJsonObject {{"rendition", "720p"}, {"state", "behind"}, {"width", 1280}, {"height", 720},
            {"frameRate", 25}, {"targetBitrate", 2800000}, {"videoBitrate", 2790456},
            {"measuredBitrate", 2950123}, {"encodedFps", 20.5}, {"speed", 0.82},
            {"framesDropped", 14}, {"message", rung.message}}));

    // State names are fixed English words, whatever language the window speaks.
    const QList<QPair<RungState, QString>> states {{RungState::Starting, "starting"},
        {RungState::Running, "running"}, {RungState::Behind, "behind"}, {RungState::Shed, "shed"},
        {RungState::Skipped, "skipped"}, {RungState::Invalid, "unknown"}};
    QList<RungStatus> ladder;
    for (const auto &[state, name] : states) {
        rung.state = state;
        QCOMPARE(api::rungStatusJson(rung).value("state").toString(), name);
        rung.rendition = name;
        ladder.append(rung);
    }
    // Highest rung first, as the status has them.
    const QJsonArray list = api::rungsJson(ladder);
    QCOMPARE(list.size(), ladder.size());
    for (qsizetype i = 0; i < ladder.size(); ++i)
        QCOMPARE(list.at(i).toObject(), api::rungStatusJson(ladder.at(i)));
}

void TestAdminApi::unknownChannelRouteAndMethod()
{
    for (const QByteArray &path : {QByteArray("/api/v1/channels/nope"),
             QByteArray("/api/v1/channels/999"), QByteArray("/api/v1/channels/nope/start")}) {
        const Reply reply = call(path.endsWith("start") ? "POST" : "GET", path);
        QCOMPARE(reply.status, 404);
        QVERIFY2(reply.error().contains("GET /api/v1/channels"), reply.body.constData());
    }
    QCOMPARE(call("DELETE", "/api/v1/channels/nope").status, 404);
    QCOMPARE(call("PATCH", "/api/v1/channels/nope", "{}").status, 404);

    for (const QByteArray &path : {QByteArray("/api/v1/timers"), QByteArray("/api/v2/status"),
             QByteArray("/api/v1"), QByteArray("/api/v1/status/extra")}) {
        const Reply reply = call("GET", path);
        QCOMPARE(reply.status, 404);
        QVERIFY2(reply.error().contains("docs/api.md"), reply.body.constData());
    }

    const Reply put = call("PUT", "/api/v1/channels/1", "{}");
    QCOMPARE(put.status, 405);
    QCOMPARE(put.header("Allow"), QByteArray("GET, PATCH, DELETE"));
    QVERIFY2(put.error().contains("PUT is not allowed"), put.body.constData());
    QCOMPARE(call("DELETE", "/api/v1/channels").header("Allow"), QByteArray("GET, POST"));
    QCOMPARE(call("POST", "/api/v1/status").header("Allow"), QByteArray("GET"));
    QCOMPARE(call("GET", "/api/v1/channels/1/start").header("Allow"), QByteArray("POST"));
}

void TestAdminApi::bodyOverOneMebibyteIs413()
{
    QByteArray body = json({{"name", QString(1024 * 1024, u'x')}, {"url", "udp://127.0.0.1:1"}});
    const Reply reply = call("POST", "/api/v1/channels", body);
    QCOMPARE(reply.status, 413);
    QVERIFY(!reply.error().isEmpty());
    QVERIFY(onEngine<QList<ChannelConfig>>([this] { return m_engine->channels(); }).isEmpty());
}

void TestAdminApi::changesPersistAcrossRestart()
{
    const qint64 id = addChannel(QStringLiteral("Kept"), true);
    QCOMPARE(call("PATCH", "/api/v1/channels/kept", json({{"segmentSeconds", 6}})).status, 200);
    QCOMPARE(call("POST", "/api/v1/channels/kept/stop").status, 200);
    QCOMPARE(call("PATCH", "/api/v1/settings", json({{"bufferMinutes", 45}})).status, 200);
    stopEngine();
    startEngine();
    const Reply reply = call("GET", "/api/v1/channels/" + QByteArray::number(id));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value("name").toString(), QStringLiteral("Kept"));
    QCOMPARE(reply.json().value("segmentSeconds").toDouble(), 6.0);
    QCOMPARE(reply.json().value("enabled").toBool(), false);
    QCOMPARE(call("GET", "/api/v1/settings").json().value("bufferMinutes").toDouble(), 45.0);
}

void TestAdminApi::settingsReadAndChange()
{
    const Reply read = call("GET", "/api/v1/settings");
    QCOMPARE(read.status, 200);
    const QJsonObject settings = read.json();
    QCOMPARE(settings.value("dataDir").toString(), m_dir->path());
    QCOMPARE(settings.value("httpPort").toInt(), int(kDefaultHttpPort));
    QCOMPARE(settings.value("listen").toString(), QStringLiteral("loopback"));
    QCOMPARE(settings.value("publicUrl").toString(), QString());
    QCOMPARE(settings.value("segmentSeconds").toDouble(), 4.0);
    QCOMPARE(settings.value("bufferMinutes").toDouble(), 120.0);
    QCOMPARE(settings.value("remoteAdmin").toBool(), false);
    QCOMPARE(settings.value("connectionsPerAddress").toInt(), kDefaultConnectionsPerAddress);
    QCOMPARE(settings.value("language").toString(), QStringLiteral("system"));

    // Channel defaults apply at once (the next channel added gets them); the scope and the
    // public URL wait for a restart; the port was given on the command line for this run, so a
    // restart does not change it either.
    const Reply changed = call("PATCH", "/api/v1/settings",
        json({{"segmentSeconds", 6}, {"bufferMinutes", 30}, {"listen", "lan-ipv6"},
            {"publicUrl", "HTTP://TV.example.com:8080/"}, {"httpPort", 9090}, {"language", "de"},
            {"connectionsPerAddress", 500}}));
    QCOMPARE(changed.status, 200);
    const QJsonObject now = changed.json().value("settings").toObject();
    QCOMPARE(now.value("listen").toString(), QStringLiteral("lan-ipv6"));
    QCOMPARE(now.value("httpPort").toInt(), 9090);
    QCOMPARE(now.value("language").toString(), QStringLiteral("de"));
    QCOMPARE(changed.json().value("restartNeeded").toArray(),
        (QJsonArray {"listen", "publicUrl", "connectionsPerAddress", "language"}));
    QCOMPARE(call("GET", "/api/v1/settings").json(), now);
    const Settings saved = Settings::load();
    QCOMPARE(saved.listen, ListenScope::LanIpv6);
    QCOMPARE(saved.publicUrl, QStringLiteral("http://tv.example.com:8080"));
    QCOMPARE(saved.segmentDurationMs, 6000);
    QCOMPARE(saved.connectionsPerAddress, 500);

    const Reply added
        = call("POST", "/api/v1/channels", json({{"name", "D"}, {"url", "udp://127.0.0.1:1"}}));
    QCOMPARE(added.json().value("segmentSeconds").toDouble(), 6.0);
    QCOMPARE(added.json().value("bufferMinutes").toDouble(), 30.0);
}

void TestAdminApi::refusesBadSettings_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("unknown field") << json({{"listenOnLan", true}}) << 400 << "listenOnLan"
                                   << "Unknown field";
    QTest::newRow("port as text") << json({{"httpPort", "8080"}}) << 400 << "httpPort"
                                  << "a number";
    QTest::newRow("privileged port") << json({{"httpPort", 80}}) << 422 << "httpPort"
                                     << "from 1024 to 65535";
    QTest::newRow("port too big") << json({{"httpPort", 70000}}) << 422 << "httpPort"
                                  << "1024 to 65535";
    QTest::newRow("fractional port") << json({{"httpPort", 8080.5}}) << 422 << "httpPort"
                                     << "whole number";
    QTest::newRow("scope") << json({{"listen", "everywhere"}}) << 422 << "listen"
                           << "loopback (this computer only)";
    QTest::newRow("relative folder") << json({{"dataDir", "data"}}) << 422 << "dataDir"
                                     << "full path";
    QTest::newRow("file as folder") << json({{"dataDir", "/etc/passwd"}}) << 422 << "dataDir"
                                    << "is a file";
    QTest::newRow("public URL with a path")
        << json({{"publicUrl", "http://tv.example.com/live"}}) << 422 << "publicUrl"
        << "only";
    QTest::newRow("short segments") << json({{"segmentSeconds", 0.5}}) << 422 << "segmentSeconds"
                                    << "from 1 to 10 seconds";
    QTest::newRow("long buffer") << json({{"bufferMinutes", 1e9}}) << 422 << "bufferMinutes"
                                 << "0 to 24 hours";
    QTest::newRow("no connections per address")
        << json({{"connectionsPerAddress", 0}}) << 422 << "connectionsPerAddress"
        << "from 1 to 1024 connections";
    QTest::newRow("fractional connections per address")
        << json({{"connectionsPerAddress", 2.5}}) << 422 << "connectionsPerAddress"
        << "from 1 to 1024 connections";
    QTest::newRow("language") << json({{"language", "fr"}}) << 422 << "language"
                              << "system, en or de";
    QTest::newRow("remote admin as text") << json({{"remoteAdmin", "on"}}) << 400 << "remoteAdmin"
                                          << "true or false";
    QTest::newRow("small DVR quota")
        << json({{"dvr", QJsonObject {{"quotaBytes", 99999999}}}}) << 422 << "dvr.quotaBytes"
        << "at least 0.1 GB";
    QTest::newRow("fractional DVR quota")
        << json({{"dvr", QJsonObject {{"quotaBytes", 2e8 + 0.5}}}}) << 422 << "dvr.quotaBytes"
        << "at least 0.1 GB";
    QTest::newRow("keep days over ten years")
        << json({{"dvr", QJsonObject {{"keepDays", 3651}}}}) << 422 << "dvr.keepDays"
        << "from 1 to 3650 days, or 0";
    QTest::newRow("negative keep days")
        << json({{"dvr", QJsonObject {{"keepDays", -1}}}}) << 422 << "dvr.keepDays"
        << "from 1 to 3650 days, or 0";
    QTest::newRow("DVR not an object") << json({{"dvr", 5}}) << 400 << "dvr"
                                       << "must be an object";
    QTest::newRow("unknown DVR field")
        << json({{"dvr", QJsonObject {{"quota", 1e9}}}}) << 400 << "dvr.quota"
        << "Known fields here: quotaBytes, keepDays, autoCleanup";
    QTest::newRow("clean-up as text")
        << json({{"dvr", QJsonObject {{"autoCleanup", "on"}}}}) << 400 << "dvr.autoCleanup"
        << "true or false";
}

void TestAdminApi::refusesBadSettings()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    const Settings before = Settings::load();
    const Reply reply = call("PATCH", "/api/v1/settings", body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.field(), field);
    QVERIFY2(reply.error().contains(messagePart), reply.body.constData());
    QVERIFY(Settings::load() == before);
}

void TestAdminApi::dvrSettingsReadChangeAndApply()
{
    const QJsonObject dvr = call("GET", "/api/v1/settings").json().value("dvr").toObject();
    QCOMPARE(dvr,
        (QJsonObject {{"quotaBytes", double(kDefaultDvrQuotaBytes)},
            {"keepDays", kDefaultDvrKeepDays}, {"autoCleanup", true}}));

    const Reply changed = call("PATCH", "/api/v1/settings",
        json({{"dvr", QJsonObject {{"quotaBytes", 2e8}, {"autoCleanup", false}}}}));
    QCOMPARE(changed.status, 200);
    // Applies at once: nothing waits for a restart, and the engine has it already.
    QCOMPARE(changed.json().value("restartNeeded").toArray(), QJsonArray());
    const QJsonObject now = changed.json().value("settings").toObject().value("dvr").toObject();
    QCOMPARE(now,
        (QJsonObject {
            {"quotaBytes", 2e8}, {"keepDays", kDefaultDvrKeepDays}, {"autoCleanup", false}}));
    DvrSettings expected;
    expected.quotaBytes = 200'000'000;
    expected.autoCleanup = false;
    QCOMPARE(onEngine<DvrSettings>([this] { return m_engine->dvrSettings(); }), expected);
    QCOMPARE(Settings::load().dvr, expected);
    QCOMPARE(call("GET", "/api/v1/recordings").json().value("usage").toObject().value("quotaBytes"),
        QJsonValue(2e8));

    // Only the keys given change.
    QCOMPARE(
        call("PATCH", "/api/v1/settings", json({{"dvr", QJsonObject {{"keepDays", 0}}}})).status,
        200);
    expected.keepDays = 0;
    QCOMPARE(Settings::load().dvr, expected);
    stopEngine();
    startEngine();
    QCOMPARE(onEngine<DvrSettings>([this] { return m_engine->dvrSettings(); }), expected);
}

void TestAdminApi::recordingLifecycle()
{
    const QJsonObject channel = addDemoChannel(2);
    QVERIFY(!channel.isEmpty());
    const qint64 channelId = channel.value("id").toInteger();
    QSignalSpy added(m_engine, &Engine::recordingAdded);

    const qint64 before = QDateTime::currentSecsSinceEpoch();
    // The channel by its number, as scripts that read ids send it.
    const Reply created = call("POST", "/api/v1/recordings",
        json({{"channel", channelId}, {"title", "Evening news"}, {"minutes", 5}}));
    QVERIFY2(created.status == 201, created.body.constData());
    const QJsonObject recording = created.json();
    const qint64 id = recording.value("id").toInteger();
    QVERIFY(id > 0);
    QCOMPARE(created.header("Location"), "/api/v1/recordings/" + QByteArray::number(id));
    QCOMPARE(recording.value("channel").toObject(),
        (QJsonObject {{"id", channelId}, {"slug", "demo"}, {"name", "Demo"}}));
    QCOMPARE(recording.value("title").toString(), QStringLiteral("Evening news"));
    QCOMPARE(recording.value("state").toString(), QStringLiteral("recording"));
    QCOMPARE(recording.value("reason").toString(), QString());
    const qint64 start = recording.value("start").toInteger();
    QVERIFY2(
        start >= before && start <= QDateTime::currentSecsSinceEpoch(), created.body.constData());
    QCOMPARE(recording.value("end").toInteger(), start + 300);
    QCOMPARE(recording.value("durationSeconds").toInteger(), 300);
    QCOMPARE(recording.value("gaps").toArray(), QJsonArray());
    QCOMPARE(recording.value("keep").toBool(true), false);
    QVERIFY(recording.value("created").toInteger() >= before);
    QVERIFY(recording.value("sizeBytes").toInteger(-1) >= 0);
    QCOMPARE(recording.value("playlistUrl").toString(),
        QStringLiteral("http://127.0.0.1:%1/recordings/%2.m3u8").arg(m_port).arg(id));
    QCOMPARE(recording.value("mp4Url").toString(),
        QStringLiteral("http://127.0.0.1:%1/recordings/%2.mp4").arg(m_port).arg(id));
    // The window hears of it as of a recording started there.
    QTRY_COMPARE(added.count(), 1);

    // Listed with the DVR's use of the disk; the slug names the channel too.
    const Reply list = call("GET", "/api/v1/recordings");
    QCOMPARE(list.status, 200);
    const QJsonArray recordings = list.json().value("recordings").toArray();
    QCOMPARE(recordings.size(), 1);
    QCOMPARE(recordings.first().toObject().value("id").toInteger(), id);
    const QJsonObject usage = list.json().value("usage").toObject();
    QCOMPARE(usage.value("quotaBytes").toInteger(), kDefaultDvrQuotaBytes);
    QVERIFY(usage.value("pinnedBytes").toInteger(-1) >= 0);
    QVERIFY(usage.value("diskFreeBytes").toInteger() > 0);
    QVERIFY(usage.value("nextCleanup").isArray());
    const QByteArray path = "/api/v1/recordings/" + QByteArray::number(id);
    QCOMPARE(call("GET", path).json().value("title").toString(), QStringLiteral("Evening news"));

    // A channel that has recordings stays.
    const Reply channelDeleted = call("DELETE", "/api/v1/channels/demo");
    QCOMPARE(channelDeleted.status, 409);
    QVERIFY2(channelDeleted.error().contains("recording"), channelDeleted.body.constData());

    const Reply extended = call("POST", path + "/extend", json({{"minutes", 10}}));
    QCOMPARE(extended.status, 200);
    QCOMPARE(extended.json().value("end").toInteger(), start + 900);
    QCOMPARE(extended.json().value("durationSeconds").toInteger(), 900);

    const Reply edited = call("PATCH", path, json({{"title", "Late news"}, {"keep", true}}));
    QCOMPARE(edited.status, 200);
    QCOMPARE(edited.json().value("title").toString(), QStringLiteral("Late news"));
    QCOMPARE(edited.json().value("keep").toBool(), true);
    QCOMPARE(edited.json().value("end").toInteger(), start + 900);
    const auto stored = onEngine<std::optional<Recording>>([&] { return m_engine->recording(id); });
    QVERIFY(stored);
    QCOMPARE(stored->title, QStringLiteral("Late news"));
    QVERIFY(stored->keep);

    // Stopped: the end is now at once, the state follows once the last segment is stored.
    const Reply stopped = call("POST", path + "/stop");
    QCOMPARE(stopped.status, 200);
    QVERIFY2(stopped.json().value("end").toInteger() <= QDateTime::currentSecsSinceEpoch(),
        stopped.body.constData());
    QJsonObject finished;
    QVERIFY2(test::waitFor(
                 [&] {
                     finished = call("GET", path).json();
                     return finished.value("state").toString() != QLatin1String("recording");
                 },
                 30000),
        "the stopped recording kept recording");
    QCOMPARE(finished.value("state").toString(), QStringLiteral("finished"));
    QVERIFY(finished.value("sizeBytes").toInteger() > 0);
    QVERIFY(finished.value("durationSeconds").toInteger() < 900);

    // Ended: neither stopped nor extended again.
    const Reply stoppedTwice = call("POST", path + "/stop");
    QCOMPARE(stoppedTwice.status, 409);
    QVERIFY2(
        stoppedTwice.error().contains("not recording any more"), stoppedTwice.body.constData());
    const Reply late = call("POST", path + "/extend", json({{"minutes", 5}}));
    QCOMPARE(late.status, 409);
    QVERIFY2(late.error().contains("has ended"), late.body.constData());

    const Reply deleted = call("DELETE", path);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(call("GET", path).status, 404);
    QCOMPARE(call("DELETE", path).status, 404);
    QVERIFY(call("GET", "/api/v1/recordings").json().value("recordings").toArray().isEmpty());
    QCOMPARE(call("DELETE", "/api/v1/channels/demo").status, 204);

    // The recordings want the token too.
    QCOMPARE(send(m_port, "GET", "/api/v1/recordings", {}).status, 401);
    QCOMPARE(
        send(m_port, "POST", "/api/v1/recordings", {}, json({{"channel", "demo"}})).status, 401);
}

void TestAdminApi::retroactiveRecordingWithinTheBuffer()
{
    QVERIFY(!addDemoChannel(3).isEmpty());
    // An hour back is before the buffer began.
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const Reply tooOld = call("POST", "/api/v1/recordings",
        json({{"channel", "demo"}, {"start", double(now - 3600)}, {"minutes", 65}}));
    QCOMPARE(tooOld.status, 422);
    QCOMPARE(tooOld.field(), QStringLiteral("start"));
    QVERIFY2(tooOld.error().contains("The buffer of “Demo” begins at"), tooOld.body.constData());
    QVERIFY(call("GET", "/api/v1/recordings").json().value("recordings").toArray().isEmpty());

    // The last two seconds are in the buffer: recorded from there, already partly there.
    const Reply recent = call("POST", "/api/v1/recordings",
        json({{"channel", "demo"}, {"start", double(now - 2)}, {"minutes", 1}}));
    QVERIFY2(recent.status == 201, recent.body.constData());
    QCOMPARE(recent.json().value("start").toInteger(), now - 2);
    QCOMPARE(recent.json().value("state").toString(), QStringLiteral("recording"));
    QVERIFY2(
        test::waitFor(
            [&] {
                return call("GET", recent.header("Location")).json().value("sizeBytes").toInteger()
                    > 0;
            },
            20000),
        "nothing of the buffer was kept");
}

void TestAdminApi::quotaRefusesWhatDoesNotFit()
{
    const qint64 channelId = addDemoChannel(1).value("id").toInteger();
    QVERIFY(channelId > 0);
    // The admission reckons the future at the channel's measured rate.
    QVERIFY(test::waitFor(
        [&] {
            return onEngine<qint64>([&] { return m_engine->status(channelId).inputBitrate; }) > 0;
        },
        30000));
    QCOMPARE(call("PATCH", "/api/v1/settings", json({{"dvr", QJsonObject {{"quotaBytes", 1e8}}}}))
                 .status,
        200);

    // Twelve hours of the demo pattern are gigabytes; the smallest quota holds 100 MB.
    const Reply tooBig
        = call("POST", "/api/v1/recordings", json({{"channel", "demo"}, {"minutes", 720}}));
    QCOMPARE(tooBig.status, 409);
    QVERIFY2(tooBig.error().contains("of the 100.0 MB DVR quota is free"), tooBig.body.constData());
    QVERIFY2(tooBig.error().contains("raise the DVR quota"), tooBig.body.constData());

    // A minute fits; seven hundred more do not, and the recording keeps its end.
    const Reply minute
        = call("POST", "/api/v1/recordings", json({{"channel", "demo"}, {"minutes", 1}}));
    QVERIFY2(minute.status == 201, minute.body.constData());
    const Reply longer
        = call("POST", minute.header("Location") + "/extend", json({{"minutes", 700}}));
    QCOMPARE(longer.status, 409);
    QVERIFY2(longer.error().contains("DVR quota"), longer.body.constData());
    QCOMPARE(call("GET", minute.header("Location")).json().value("end").toInteger(),
        minute.json().value("end").toInteger());
}

void TestAdminApi::refusesBadRecordingInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    const QByteArray list = "/api/v1/recordings";
    QTest::newRow("no minutes") << QByteArray("POST") << list
                                << json({{"channel", "existing"}, {"minutes", 0}}) << 422
                                << "minutes"
                                << "A recording lasts 1 to 720 minutes (12 hours); 0 is outside";
    QTest::newRow("over twelve hours")
        << QByteArray("POST") << list << json({{"channel", "existing"}, {"minutes", 721}}) << 422
        << "minutes"
        << "721 is outside that";
    QTest::newRow("negative minutes")
        << QByteArray("POST") << list << json({{"channel", "existing"}, {"minutes", -5}}) << 422
        << "minutes"
        << "-5 is outside that";
    QTest::newRow("absurd minutes")
        << QByteArray("POST") << list << json({{"channel", "existing"}, {"minutes", 1e300}}) << 422
        << "minutes"
        << "1 to 720 minutes";
    QTest::newRow("fractional minutes")
        << QByteArray("POST") << list << json({{"channel", "existing"}, {"minutes", 1.5}}) << 422
        << "minutes"
        << "whole number of minutes";
    QTest::newRow("minutes as text")
        << QByteArray("POST") << list << json({{"channel", "existing"}, {"minutes", "60"}}) << 400
        << "minutes"
        << "must be a number";
    QTest::newRow("unknown channel")
        << QByteArray("POST") << list << json({{"channel", "nope"}}) << 404 << "channel"
        << "There is no channel “nope”";
    QTest::newRow("unknown channel number")
        << QByteArray("POST") << list << json({{"channel", 999}}) << 404 << "channel"
        << "There is no channel “999”";
    QTest::newRow("no channel") << QByteArray("POST") << list << json({{"minutes", 30}}) << 422
                                << "channel"
                                << "Say which channel to record";
    QTest::newRow("channel as a flag")
        << QByteArray("POST") << list << json({{"channel", true}}) << 400 << "channel"
        << "an id or a slug";
    QTest::newRow("start before 1970")
        << QByteArray("POST") << list << json({{"channel", "existing"}, {"start", -5}}) << 422
        << "start"
        << "unix seconds";
    QTest::newRow("unknown field")
        << QByteArray("POST") << list << json({{"channel", "existing"}, {"length", 30}}) << 400
        << "length"
        << "Known fields here: channel, title, start, minutes";
    QTest::newRow("long title") << QByteArray("POST") << list
                                << json({{"channel", "existing"}, {"title", QString(1000, 'x')}})
                                << 422 << "title"
                                << "at most";
    QTest::newRow("not a recording")
        << QByteArray("GET") << QByteArray(list + "/abc") << QByteArray() << 404 << QString()
        << "There is no recording “abc”";
    QTest::newRow("no such recording")
        << QByteArray("PATCH") << QByteArray(list + "/999") << json({{"keep", true}}) << 404
        << QString() << "GET /api/v1/recordings";
    QTest::newRow("length is changed by extend") << QByteArray("PATCH") << QByteArray(list + "/999")
                                                 << json({{"minutes", 30}}) << 400 << "minutes"
                                                 << "Known fields here: title, keep";
    QTest::newRow("stop nothing") << QByteArray("POST") << QByteArray(list + "/999/stop")
                                  << QByteArray() << 404 << QString()
                                  << "There is no recording “999”";
    QTest::newRow("extend nothing")
        << QByteArray("POST") << QByteArray(list + "/999/extend") << json({{"minutes", 5}}) << 404
        << QString() << "There is no recording “999”";
}

void TestAdminApi::refusesBadRecordingInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    QVERIFY(addChannel(QStringLiteral("Existing")) > 0);
    const Reply reply = call(method, path, body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.field(), field);
    QVERIFY2(reply.error().contains(messagePart), reply.body.constData());
    QVERIFY(onEngine<QList<Recording>>([this] { return m_engine->recordings(); }).isEmpty());
}

void TestAdminApi::bufferOfAnEmptyChannel()
{
    for (const QByteArray &path :
        {QByteArray("/api/v1/channels/nope/buffer"), QByteArray("/api/v1/channels/999/buffer")}) {
        const Reply reply = call("GET", path);
        QCOMPARE(reply.status, 404);
        QVERIFY2(reply.error().contains("GET /api/v1/channels"), reply.body.constData());
    }
    QCOMPARE(call("POST", "/api/v1/channels/1/buffer").header("Allow"), QByteArray("GET"));

    // A channel that never ran: nothing held, and no times rather than the epoch.
    const qint64 id = addChannel(QStringLiteral("Quiet One"));
    const Reply reply = call("GET", "/api/v1/channels/quiet-one/buffer");
    QCOMPARE(reply.status, 200);
    const QJsonObject buffer = reply.json();
    QCOMPARE(buffer.value("channel").toInteger(), id);
    QCOMPARE(buffer.value("segments").toInt(-1), 0);
    QCOMPARE(buffer.value("bytes").toInteger(-1), 0);
    QCOMPARE(buffer.value("seconds").toDouble(-1), 0.0);
    QCOMPARE(buffer.value("gaps").toArray().size(), 0);
    for (const char *key : {"oldest", "newest", "oldestUtcMs", "newestUtcMs"})
        QVERIFY2(!buffer.contains(key), key);
    // The catch-up templates are the server's, whatever the buffer holds.
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
    const QJsonObject catchup = buffer.value("catchup").toObject();
    QCOMPARE(
        catchup.value("flussonic").toString(), base + "/quiet-one/archive-{utc}-{duration}.m3u8");
    QCOMPARE(
        catchup.value("flussonicTs").toString(), base + "/quiet-one/archive-{utc}-{duration}.ts");
    QCOMPARE(catchup.value("timeshift").toString(),
        base + "/timeshift/quiet-one.m3u8?start={utc}&end={utcend}");
    QCOMPARE(
        catchup.value("shift").toString(), base + "/live/quiet-one.m3u8?utc={utc}&lutc={lutc}");
    QCOMPARE(catchup.value("xtream").toString(),
        base
            + QStringLiteral("/timeshift/user/pass/{duration:60}/{Y}-{m}-{d}:{H}-{M}/%1.ts")
                  .arg(id));
}

void TestAdminApi::bufferGrowsAndShowsItsGaps()
{
    const QJsonObject channel = addDemoChannel(2);
    QVERIFY(!channel.isEmpty());
    const QByteArray path
        = "/api/v1/channels/" + QByteArray::number(channel.value("id").toInteger()) + "/buffer";
    const auto buffer = [&] { return call("GET", path).json(); };
    const auto utcMs = [](const QJsonValue &iso) {
        return QDateTime::fromString(iso.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
    };

    const QJsonObject first = buffer();
    QVERIFY2(first.value("segments").toInt() >= 2, QJsonDocument(first).toJson().constData());
    QVERIFY(first.value("bytes").toInteger() > 0);
    const qint64 oldestMs = first.value("oldestUtcMs").toInteger();
    const qint64 newestMs = first.value("newestUtcMs").toInteger();
    QVERIFY(oldestMs > 0 && oldestMs < newestMs);
    QCOMPARE(utcMs(first.value("oldest")), oldestMs);
    QCOMPARE(utcMs(first.value("newest")), newestMs);
    QVERIFY(first.value("oldest").toString().endsWith(u'Z'));
    QCOMPARE(first.value("seconds").toDouble(), (newestMs - oldestMs) / 1000.0);
    // The newest segment ended a moment ago (1 s segments, plus the one being written).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(newestMs <= now + 1000 && newestMs > now - 10000,
        qPrintable(QString::number(now - newestMs)));
    QCOMPARE(first.value("gaps").toArray().size(), 0);

    // It grows at the live end; its start stays.
    QJsonObject grown;
    QVERIFY(test::waitFor(
        [&] {
            grown = buffer();
            return grown.value("segments").toInt() >= first.value("segments").toInt() + 2;
        },
        30000));
    QCOMPARE(grown.value("oldestUtcMs").toInteger(), oldestMs);
    QVERIFY(grown.value("newestUtcMs").toInteger() >= newestMs + 1500);
    QVERIFY(grown.value("bytes").toInteger() > first.value("bytes").toInteger());

    // Switched off for a few seconds and on again: the hole is a gap, where the source was down.
    QCOMPARE(call("POST", "/api/v1/channels/demo/stop").status, 200);
    QVERIFY(test::waitFor(
        [&] {
            return call("GET", "/api/v1/channels/demo")
                       .json()
                       .value("status")
                       .toObject()
                       .value("state")
                == QStringLiteral("stopped");
        },
        30000));
    const qint64 stoppedAtMs = buffer().value("newestUtcMs").toInteger();
    // A hole of three segments is a gap whatever the tolerance for a late one.
    QVERIFY(test::waitFor(
        [&] { return QDateTime::currentMSecsSinceEpoch() > stoppedAtMs + 3000; }, 10000));
    QCOMPARE(call("POST", "/api/v1/channels/demo/start").status, 200);
    QJsonObject resumed;
    QVERIFY(test::waitFor(
        [&] {
            resumed = buffer();
            return resumed.value("newestUtcMs").toInteger() > stoppedAtMs + 5000;
        },
        60000));
    const QJsonArray gaps = resumed.value("gaps").toArray();
    QVERIFY2(gaps.size() == 1, QJsonDocument(resumed).toJson().constData());
    const QJsonObject gap = gaps.first().toObject();
    QCOMPARE(utcMs(gap.value("from")), stoppedAtMs);
    QVERIFY(utcMs(gap.value("to")) >= stoppedAtMs + 3000);
    QCOMPARE(gap.value("seconds").toDouble(),
        (utcMs(gap.value("to")) - utcMs(gap.value("from"))) / 1000.0);
}

void TestAdminApi::scheduleLifecycle()
{
    const qint64 channel = addChannel(QStringLiteral("News"));
    QVERIFY(channel > 0);
    const QJsonObject body {{"name", "News at eight"}, {"action", "record"}, {"channel", "news"},
        {"title", "News"}, {"start", "2026-12-01T20:00"}, {"timeZone", "Europe/Berlin"},
        {"minutes", 30}, {"repeat", "weekly"},
        {"weekdays", QJsonArray {"mon", "tue", "wed", "thu", "fri"}}, {"until", "2030-03-31"},
        {"padding", QJsonObject {{"before", 2}, {"after", 5}}}};
    const Reply added = call("POST", "/api/v1/schedules", json(body));
    QCOMPARE(added.status, 201);
    const QJsonObject schedule = added.json();
    const qint64 id = schedule.value("id").toInteger();
    QVERIFY(id > 0);
    QCOMPARE(added.header("Location"), "/api/v1/schedules/" + QByteArray::number(id));
    for (const QString &field : {"name", "action", "title", "start", "timeZone", "minutes",
             "repeat", "weekdays", "until", "padding"})
        QCOMPARE(schedule.value(field), body.value(field));
    QCOMPARE(schedule.value("channel").toObject(),
        (QJsonObject {{"id", channel}, {"slug", "news"}, {"name", "News"}}));
    QCOMPARE(schedule.value("enabled"), QJsonValue(true));
    QVERIFY2(schedule.value("recurrence").toString().startsWith("Weekdays at 20:00"),
        added.body.constData());
    QCOMPARE(schedule.value("runs"), QJsonValue(0));
    QCOMPARE(schedule.value("failures"), QJsonValue(0));
    QVERIFY(schedule.value("lastRun").isNull());
    QCOMPARE(schedule.value("conflicted"), QJsonValue(false));
    const QJsonObject nextRun = schedule.value("nextRun").toObject();
    const QDateTime nextLocal
        = QDateTime::fromString(nextRun.value("local").toString(), Qt::ISODate);
    QCOMPARE(nextLocal.time(), QTime(20, 0));
    QVERIFY(nextLocal.date().dayOfWeek() <= 5);
    QCOMPARE(nextLocal.toSecsSinceEpoch(), nextRun.value("start").toInteger());
    QCOMPARE(nextRun.value("paddedStart").toInteger(), nextRun.value("start").toInteger() - 120);

    // The engine has it as the window would.
    const auto stored = onEngine<std::optional<Schedule>>([&] { return m_engine->schedule(id); });
    QVERIFY(stored);
    QCOMPARE(stored->channelId, channel);
    QCOMPARE(stored->timeZoneId, QByteArray("Europe/Berlin"));
    QCOMPARE(stored->weekdays, Weekdays::mondayToFriday());
    QCOMPARE(stored->lastDate, QDate(2030, 3, 31));
    QCOMPARE(stored->paddingAfterMinutes, 5);

    const QByteArray one = "/api/v1/schedules/" + QByteArray::number(id);
    QCOMPARE(call("GET", one).json(), schedule);
    QCOMPARE(call("GET", "/api/v1/schedules").json().value("schedules").toArray(),
        QJsonArray {schedule});

    // The next runs: 20:00 in Berlin on weekdays, in winter +01:00 and in summer +02:00 alike.
    const Reply next = call("GET", one + "/occurrences?count=7");
    QCOMPARE(next.status, 200);
    QCOMPARE(next.json().value("timeZone").toString(), QStringLiteral("Europe/Berlin"));
    const QJsonArray occurrences = next.json().value("occurrences").toArray();
    QCOMPARE(occurrences.size(), 7);
    QCOMPARE(occurrences.first().toObject(), nextRun);
    const QTimeZone berlin("Europe/Berlin");
    for (const QJsonValue &value : occurrences) {
        const QJsonObject occurrence = value.toObject();
        const QDateTime utc
            = QDateTime::fromSecsSinceEpoch(occurrence.value("start").toInteger(), Qt::UTC);
        const QDateTime inBerlin = utc.toTimeZone(berlin);
        QCOMPARE(inBerlin.time(), QTime(20, 0));
        QVERIFY(inBerlin.date().dayOfWeek() <= 5);
        QCOMPARE(
            occurrence.value("end").toInteger() - occurrence.value("start").toInteger(), 30 * 60);
        QCOMPARE(
            QDateTime::fromString(occurrence.value("local").toString(), Qt::ISODate), inBerlin);
    }
    QCOMPARE(call("GET", one + "/occurrences").json().value("occurrences").toArray().size(), 5);
    for (const QByteArray &count : {"0", "101", "many"}) {
        const Reply refused = call("GET", one + "/occurrences?count=" + count);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.field(), QStringLiteral("count"));
    }

    // What a change leaves out stays; null removes the last date.
    const Reply changed = call("PATCH", one, json({{"minutes", 45}, {"until", QJsonValue::Null}}));
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json().value("minutes"), QJsonValue(45));
    QVERIFY(changed.json().value("until").isNull());
    QCOMPARE(changed.json().value("name"), QJsonValue("News at eight"));
    const Reply switched = call("PATCH", one, json({{"enabled", false}}));
    QCOMPARE(switched.status, 200);
    QCOMPARE(switched.json().value("enabled"), QJsonValue(false));
    const auto changedStored
        = onEngine<std::optional<Schedule>>([&] { return m_engine->schedule(id); });
    QCOMPARE(changedStored->durationMinutes, 45);
    QVERIFY(changedStored->lastDate.isNull());
    QVERIFY(!changedStored->enabled);

    // Kept across a restart.
    stopEngine();
    startEngine();
    QCOMPARE(call("GET", one).json().value("minutes"), QJsonValue(45));

    const Reply deleted = call("DELETE", one);
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QCOMPARE(call("GET", one).status, 404);
    QVERIFY(onEngine<QList<Schedule>>([this] { return m_engine->schedules(); }).isEmpty());
}

void TestAdminApi::conflictingScheduleNeedsForce()
{
    QCOMPARE(
        call("PATCH", "/api/v1/settings", json({{"schedules", QJsonObject {{"maxRecordings", 1}}}}))
            .status,
        200);
    QVERIFY(addChannel(QStringLiteral("News")) > 0);
    QVERIFY(addChannel(QStringLiteral("Sports")) > 0);
    const QDate tomorrow = QDate::currentDate().addDays(1);
    const auto recording = [&](const QString &name, const QString &channel) {
        return QJsonObject {{"name", name}, {"channel", channel},
            {"start", tomorrow.toString(Qt::ISODate) + "T20:00"}, {"timeZone", "UTC"},
            {"minutes", 60}};
    };
    const Reply first = call("POST", "/api/v1/schedules", json(recording("News", "news")));
    QVERIFY2(first.status == 201, first.body.constData());
    const qint64 firstId = first.json().value("id").toInteger();

    // Both channels recorded at once, where one recording at a time is allowed.
    const Reply refused = call("POST", "/api/v1/schedules", json(recording("Match", "sports")));
    QCOMPARE(refused.status, 409);
    QVERIFY2(refused.error().contains("\"force\": true"), refused.body.constData());
    const QJsonArray conflicts = refused.json().value("conflicts").toArray();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.first().toObject().value("kind").toString(), QStringLiteral("recordings"));
    QVERIFY(conflicts.first().toObject().value("schedules").toArray().contains(firstId));
    QVERIFY2(refused.error().contains(conflicts.first().toObject().value("message").toString()),
        refused.body.constData());
    QCOMPARE(onEngine<QList<Schedule>>([this] { return m_engine->schedules(); }).size(), 1);
    QVERIFY(!call("GET", "/api/v1/schedules/" + QByteArray::number(firstId))
                 .json()
                 .value("conflicted")
                 .toBool());

    // Saved when asked to be, and marked.
    QJsonObject forced = recording("Match", "sports");
    forced.insert("force", true);
    const Reply saved = call("POST", "/api/v1/schedules", json(forced));
    QCOMPARE(saved.status, 201);
    QVERIFY(saved.json().value("conflicted").toBool());
    const qint64 secondId = saved.json().value("id").toInteger();
    QVERIFY(call("GET", "/api/v1/schedules/" + QByteArray::number(firstId))
                .json()
                .value("conflicted")
                .toBool());
    const QJsonArray listed
        = call("GET", "/api/v1/schedules/conflicts").json().value("conflicts").toArray();
    QCOMPARE(listed.size(), 1);
    const QJsonArray involved = listed.first().toObject().value("schedules").toArray();
    QCOMPARE(involved.size(), 2);
    QVERIFY(involved.contains(firstId) && involved.contains(secondId));

    // A change that keeps the collision needs force again; switching off needs none.
    const QByteArray second = "/api/v1/schedules/" + QByteArray::number(secondId);
    QCOMPARE(call("PATCH", second, json({{"minutes", 90}})).status, 409);
    QCOMPARE(onEngine<std::optional<Schedule>>([&] {
        return m_engine->schedule(secondId);
    })->durationMinutes,
        60);
    QCOMPARE(call("PATCH", second, json({{"enabled", false}})).status, 200);
    QCOMPARE(call("GET", "/api/v1/schedules/conflicts").json().value("conflicts").toArray(),
        QJsonArray());
    QVERIFY(!call("GET", second).json().value("conflicted").toBool());
}

void TestAdminApi::refusesBadScheduleInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");
    const QByteArray list = "/api/v1/schedules";
    const QJsonObject good {{"name", "News"}, {"channel", "existing"},
        {"start", "2026-12-01T20:00"}, {"timeZone", "Europe/Berlin"}};
    const auto with = [&](const QString &field, const QJsonValue &value) {
        QJsonObject body = good;
        if (value.isUndefined())
            body.remove(field);
        else
            body.insert(field, value);
        return json(body);
    };
    QTest::newRow("unknown zone") << QByteArray("POST") << list << with("timeZone", "Europe/Berlln")
                                  << 422 << "timeZone"
                                  << "“Europe/Berlln” is not a time zone this system knows";
    QTest::newRow("impossible date")
        << QByteArray("POST") << list << with("start", "2027-02-30T20:00") << 422 << "start"
        << "exists in the calendar";
    QTest::newRow("impossible time")
        << QByteArray("POST") << list << with("start", "2026-12-01T24:30") << 422 << "start"
        << "hours and minutes";
    QTest::newRow("start with an offset")
        << QByteArray("POST") << list << with("start", "2026-12-01T20:00+01:00") << 422 << "start"
        << "no offset";
    QTest::newRow("no start") << QByteArray("POST") << list << with("start", QJsonValue::Undefined)
                              << 422 << "start"
                              << "exists in the calendar";
    QTest::newRow("impossible last date")
        << QByteArray("POST") << list << with("until", "2027-02-29") << 422 << "until"
        << "not a date in the calendar";
    QTest::newRow("weekly without days")
        << QByteArray("POST") << list << with("repeat", "weekly") << 422 << "weekdays"
        << "at least one weekday";
    QTest::newRow("unknown weekday")
        << QByteArray("POST") << list << with("weekdays", QJsonArray {"mon", "mo"}) << 422
        << "weekdays"
        << "“mo” is not a weekday";
    QTest::newRow("record for nothing")
        << QByteArray("POST") << list << with("minutes", 0) << 422 << "minutes"
        << "1 to 720 minutes";
    QTest::newRow("unknown action")
        << QByteArray("POST") << list << with("action", "pause") << 422 << "action"
        << "use record, start or stop";
    QTest::newRow("no name") << QByteArray("POST") << list << with("name", "  ") << 422 << "name"
                             << "Give the schedule a name";
    QTest::newRow("unknown channel")
        << QByteArray("POST") << list << with("channel", "nope") << 404 << "channel"
        << "There is no channel “nope”";
    QTest::newRow("no channel") << QByteArray("POST") << list
                                << with("channel", QJsonValue::Undefined) << 422 << "channel"
                                << "Say which channel";
    QTest::newRow("force as text")
        << QByteArray("POST") << list << with("force", "yes") << 400 << "force"
        << "true or false";
    QTest::newRow("unknown field")
        << QByteArray("POST") << list << with("when", "now") << 400 << "when"
        << "Known fields here: name, action, channel";
    QTest::newRow("not a schedule")
        << QByteArray("GET") << QByteArray(list + "/abc") << QByteArray() << 404 << QString()
        << "There is no schedule “abc”";
    QTest::newRow("no such schedule")
        << QByteArray("PATCH") << QByteArray(list + "/999") << json({{"enabled", true}}) << 404
        << QString() << "GET /api/v1/schedules";
    QTest::newRow("no such schedule's runs")
        << QByteArray("GET") << QByteArray(list + "/999/occurrences") << QByteArray() << 404
        << QString() << "There is no schedule “999”";
    QTest::newRow("delete nothing")
        << QByteArray("DELETE") << QByteArray(list + "/999") << QByteArray() << 404 << QString()
        << "There is no schedule “999”";
}

void TestAdminApi::refusesBadScheduleInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, messagePart);
    QVERIFY(addChannel(QStringLiteral("Existing")) > 0);
    const Reply reply = call(method, path, body);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.field(), field);
    QVERIFY2(reply.error().contains(messagePart), reply.body.constData());
    QVERIFY(onEngine<QList<Schedule>>([this] { return m_engine->schedules(); }).isEmpty());
}

void TestAdminApi::scheduleSettingsReadChangeAndApply()
{
    QCOMPARE(call("GET", "/api/v1/settings").json().value("schedules").toObject(),
        (QJsonObject {{"maxRecordings", 4}, {"maxTranscodes", 1}}));
    const Reply changed = call(
        "PATCH", "/api/v1/settings", json({{"schedules", QJsonObject {{"maxRecordings", 2}}}}));
    QCOMPARE(changed.status, 200);
    QCOMPARE(changed.json().value("restartNeeded").toArray(), QJsonArray());
    QCOMPARE(changed.json().value("settings").toObject().value("schedules").toObject(),
        (QJsonObject {{"maxRecordings", 2}, {"maxTranscodes", 1}}));
    ScheduleSettings expected;
    expected.maxRecordings = 2;
    QCOMPARE(Settings::load().schedules, expected);
    QCOMPARE(onEngine<ScheduleSettings>([this] { return m_engine->scheduleSettings(); }), expected);

    for (const QJsonValue &wrong : {QJsonValue(0), QJsonValue(65), QJsonValue(1.5)}) {
        const Reply refused = call("PATCH", "/api/v1/settings",
            json({{"schedules", QJsonObject {{"maxTranscodes", wrong}}}}));
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.field(), QStringLiteral("schedules.maxTranscodes"));
        QVERIFY2(refused.error().contains("from 1 to 64"), refused.body.constData());
    }
    const Reply unknown = call(
        "PATCH", "/api/v1/settings", json({{"schedules", QJsonObject {{"maxChannels", 3}}}}));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.field(), QStringLiteral("schedules.maxChannels"));
    QCOMPARE(Settings::load().schedules, expected);
}

void TestAdminApi::everyRouteIsDocumented()
{
    QFile docs(QStringLiteral(PANELX_SOURCE_DIR "/docs/api.md"));
    QVERIFY2(docs.open(QIODevice::ReadOnly), "docs/api.md is missing");
    const QString text = QString::fromUtf8(docs.readAll());
    const auto routes = AdminApi::routes();
    QVERIFY(routes.size() >= 10);
    for (const auto &route : routes) {
        // Each route has a heading "### METHOD /api/v1/…" and a curl example of that method.
        const QString heading = QStringLiteral("### %1 /api/v1%2")
                                    .arg(QString::fromLatin1(route.method), route.pattern);
        QVERIFY2(
            text.contains(heading + QLatin1Char('\n')), qPrintable(heading + " not documented"));
        const QString section = text.section(heading, 1).section(QStringLiteral("\n### "), 0, 0);
        QVERIFY2(section.contains(QStringLiteral("curl")), qPrintable(heading + " has no example"));
        if (route.method != "GET")
            QVERIFY2(section.contains(QStringLiteral("-X ") + QString::fromLatin1(route.method)),
                qPrintable(heading + " example does not use its method"));
    }
}

QTEST_GUILESS_MAIN(TestAdminApi)
#include "tst_admin_api.moc"
