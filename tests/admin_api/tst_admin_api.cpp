// The admin API over real HTTP against a real Engine: who may call (token, loopback, back-off),
// every route's success and refusals with the field named, changes seen by the engine and kept
// across a restart. A client bound to 127.0.0.2 plays a computer on the network.
#include "Engine.h"
#include "Settings.h"
#include "TestSupport.h"
#include "api/AdminApi.h"
#include "api/AdminToken.h"

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
    void unknownChannelRouteAndMethod();
    void bodyOverOneMebibyteIs413();
    void changesPersistAcrossRestart();
    void settingsReadAndChange();
    void refusesBadSettings_data();
    void refusesBadSettings();
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

    for (const QByteArray &path : {QByteArray("/api/v1/recordings"), QByteArray("/api/v2/status"),
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
