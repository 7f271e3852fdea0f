// The headless program end to end: the demo channel reaches a live playlist that ffprobe and
// ffmpeg read over HTTP, SIGTERM closes cleanly, and SIGKILL mid-stream loses nothing: on
// restart the index and the files agree and sequence numbers continue without a gap.
#include "TestSupport.h"

#include <QDir>
#include <QNetworkInterface>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace panelx::test;

namespace {

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

struct PlaylistEntry {
    qint64 sequence = 0; // the store's number, read from the URI (".../<sequence>.ts")
    double durationS = 0;
    bool discontinuity = false;
    QString uri;
};

// Sequence numbers come from the URIs, not from positions after EXT-X-MEDIA-SEQUENCE: a
// gap in the store's numbering then shows instead of being papered over.
QList<PlaylistEntry> parsePlaylist(const QByteArray &text, qint64 *mediaSequence = nullptr)
{
    QList<PlaylistEntry> entries;
    qint64 declaredFirst = -1;
    PlaylistEntry next;
    for (const QByteArray &raw : text.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:"))
            declaredFirst = line.mid(22).toLongLong();
        else if (line == "#EXT-X-DISCONTINUITY")
            next.discontinuity = true;
        else if (line.startsWith("#EXTINF:"))
            next.durationS = line.mid(8).split(',').first().toDouble();
        else if (!line.isEmpty() && !line.startsWith('#')) {
            next.uri = QString::fromUtf8(line);
            next.sequence = QFileInfo(next.uri).completeBaseName().toLongLong();
            entries << next;
            next = {};
        }
    }
    if (mediaSequence)
        *mediaSequence = declaredFirst;
    return entries;
}

// Players number segments from EXT-X-MEDIA-SEQUENCE by position, so the store's numbers
// in the URIs must be exactly those: contiguous, starting at the declared first.
bool numberedAsPlayersCount(const QList<PlaylistEntry> &entries, qint64 mediaSequence)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i].sequence != mediaSequence + i)
            return false;
    }
    return true;
}

QString describe(const QList<PlaylistEntry> &entries)
{
    QStringList uris;
    for (const auto &entry : entries)
        uris << entry.uri;
    return uris.join(QLatin1Char(' '));
}

// Segment files on disk and rows in the index of a stopped (or killed) instance.
struct StoreSnapshot {
    QSet<qint64> files;
    QSet<qint64> rows;
    qint64 maxSequence = -1;
};

StoreSnapshot snapshot(const QString &dataDir, qint64 channelId)
{
    StoreSnapshot result;
    const QDir dir(dataDir + QStringLiteral("/segments/%1/src").arg(channelId));
    for (const QString &name : dir.entryList({QStringLiteral("*.ts")}, QDir::Files))
        result.files.insert(QFileInfo(name).completeBaseName().toLongLong());
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(dataDir + QStringLiteral("/panelx.db"));
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT sequence FROM segments WHERE channel_id = %1")
                           .arg(channelId));
            while (query.next())
                result.rows.insert(query.value(0).toLongLong());
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    for (qint64 s : result.files)
        result.maxSequence = qMax(result.maxSequence, s);
    for (qint64 s : result.rows)
        result.maxSequence = qMax(result.maxSequence, s);
    return result;
}

class Headless {
public:
    Headless(QString dataDir, quint16 port) : m_dataDir(std::move(dataDir)), m_port(port) { }
    ~Headless()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    void start(const QStringList &options = {})
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        // The service reads the saved settings: its own, not the user's.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(
            QStringLiteral("XDG_CONFIG_HOME"), m_dataDir + QStringLiteral("/config"));
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(PANELX_BINARY),
            QStringList {QStringLiteral("--headless"), QStringLiteral("--data-dir"), m_dataDir,
                QStringLiteral("--port"), QString::number(m_port)}
                + options);
        QVERIFY(m_process.waitForStarted(5000));
    }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }
    // Waits until the live playlist lists at least `count` segments with a sequence >= minSequence.
    QList<PlaylistEntry> waitForSegments(
        int count, qint64 minSequence = 0, int timeoutMs = 60000, qint64 *mediaSequence = nullptr)
    {
        QList<PlaylistEntry> entries;
        waitFor(
            [&] {
                const HttpReply reply = httpRequest(url(QStringLiteral("/live/demo.m3u8")));
                if (reply.status != 200)
                    return false;
                entries = parsePlaylist(reply.body, mediaSequence);
                int fresh = 0;
                for (const auto &entry : entries)
                    fresh += entry.sequence >= minSequence ? 1 : 0;
                return fresh >= count;
            },
            timeoutMs);
        return entries;
    }
    QProcess &process() { return m_process; }
    quint16 port() const { return m_port; }
    QByteArray output() { return m_log += m_process.readAll(); }

private:
    QString m_dataDir;
    quint16 m_port;
    QProcess m_process;
    QByteArray m_log;
};

constexpr qint64 kDemoChannelId = 1;

} // namespace

class TestHeadless : public QObject {
    Q_OBJECT
private slots:
    void helpAndVersion()
    {
        QByteArray out;
        QCOMPARE(
            runProgram(QStringLiteral(PANELX_BINARY), {QStringLiteral("--help")}, 10000, &out), 0);
        QVERIFY(out.contains("--headless"));
        QVERIFY(out.contains("--data-dir"));
        QVERIFY(out.contains("--port"));
        QCOMPARE(
            runProgram(QStringLiteral(PANELX_BINARY), {QStringLiteral("--version")}, 10000, &out),
            0);
        QVERIFY(out.contains(PANELX_VERSION));
    }

    void badPortIsRefusedInWords()
    {
        QByteArray out, err;
        const int code = runProgram(QStringLiteral(PANELX_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--port"), QStringLiteral("eighty")},
            10000, &out, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains("--port needs a number"), err.constData());
    }

    void badListenAddressIsRefusedInWords()
    {
        QByteArray out, err;
        const int code = runProgram(QStringLiteral(PANELX_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("lan")},
            10000, &out, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains("--listen needs an IP address"), err.constData());
    }

    // The service reads the settings the window saves; the command line wins for its run.
    void savedSettingsApplyAndTheCommandLineWins()
    {
        QTemporaryDir dir;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("config/PanelX"))));
        QFile saved(dir.filePath(QStringLiteral("config/PanelX/PanelX.conf")));
        QVERIFY(saved.open(QIODevice::WriteOnly));
        saved.write("[engine]\nhttpPort=" + QByteArray::number(freePort())
            + "\nlisten=loopback\npublicUrl=http://tv.example.com:9999\n");
        saved.close();
        Headless panelx(dir.path(), freePort());
        panelx.start();
        QVERIFY2(waitFor(
                     [&] {
                         return panelx.output().contains(
                             "serving http://tv.example.com:9999/playlist.m3u");
                     },
                     20000),
            panelx.output().constData());
        // On the command line's port, on loopback only as saved.
        QCOMPARE(httpRequest(panelx.url(QStringLiteral("/playlist.m3u"))).status, 200);
        QHostAddress other;
        for (const QHostAddress &address : QNetworkInterface::allAddresses())
            if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
                other = address;
        if (!other.isNull()) {
            QTcpSocket socket;
            socket.connectToHost(other, panelx.port());
            QVERIFY(!socket.waitForConnected(5000));
            QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
        }
    }

    void portInUseFailsClearly()
    {
        QTemporaryDir dir;
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::Any, 0));
        Headless panelx(dir.path(), blocker.serverPort());
        panelx.start();
        QVERIFY(panelx.process().waitForFinished(20000));
        QCOMPARE(panelx.process().exitCode(), 1);
        const QByteArray log = panelx.output();
        QVERIFY2(log.contains("already in use"), log.constData());
    }

    void demoIsLiveAndReadableByFfmpeg()
    {
        if (!haveProgram(QStringLiteral("ffprobe")))
            QSKIP("ffprobe is not installed (installer/install-deps.sh --test installs it)");
        QTemporaryDir dir;
        Headless panelx(dir.path(), freePort());
        panelx.start();
        qint64 mediaSequence = -1;
        const auto entries = panelx.waitForSegments(3, 0, 60000, &mediaSequence);
        QVERIFY2(entries.size() >= 3, panelx.output().constData());
        QVERIFY2(numberedAsPlayersCount(entries, mediaSequence), qPrintable(describe(entries)));
        const QString live = panelx.url(QStringLiteral("/live/demo.m3u8"));

        // Video and audio as the demo promises, read by an independent demuxer over HTTP.
        QByteArray out, err;
        QCOMPARE(
            runProgram(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                    QStringLiteral("stream=codec_type,codec_name,width,height"),
                    QStringLiteral("-of"), QStringLiteral("compact"), live},
                60000, &out, &err),
            0);
        QVERIFY2(out.contains("codec_name=h264|codec_type=video|width=1280|height=720"),
            out.constData());
        QVERIFY2(out.contains("codec_name=aac|codec_type=audio"), out.constData());
        QVERIFY2(err.trimmed().isEmpty(), err.constData());

        // Every segment starts with a keyframe, and lasts the target (4 s) within 0.5 s.
        for (const auto &entry : entries) {
            const QString segment = panelx.url(QString()) + entry.uri;
            QVERIFY2(!entry.uri.startsWith(QStringLiteral("http")), qPrintable(entry.uri));
            QCOMPARE(runProgram(QStringLiteral("ffprobe"),
                         {QStringLiteral("-v"), QStringLiteral("error"),
                             QStringLiteral("-select_streams"), QStringLiteral("v"),
                             QStringLiteral("-read_intervals"), QStringLiteral("%+#1"),
                             QStringLiteral("-show_entries"), QStringLiteral("packet=flags"),
                             QStringLiteral("-of"), QStringLiteral("csv=p=0"), segment},
                         30000, &out),
                0);
            QVERIFY2(out.trimmed().startsWith("K"),
                qPrintable(segment + QStringLiteral(": ") + QString::fromUtf8(out)));
            if (!entry.discontinuity && entry.sequence != entries.last().sequence)
                QVERIFY2(qAbs(entry.durationS - 4.0) <= 0.5,
                    qPrintable(QString::number(entry.durationS)));
        }

        // A full decode of the live stream over HTTP, with no warnings.
        QCOMPARE(runProgram(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-v"), QStringLiteral("warning"), QStringLiteral("-i"), live,
                         QStringLiteral("-t"), QStringLiteral("6"), QStringLiteral("-f"),
                         QStringLiteral("null"), QStringLiteral("-")},
                     60000, &out, &err),
            0);
        QVERIFY2(err.trimmed().isEmpty(), err.constData());

        // The channel list names the demo channel with an absolute URL.
        const HttpReply list = httpRequest(panelx.url(QStringLiteral("/playlist.m3u")));
        QCOMPARE(list.status, 200);
        QVERIFY2(list.body.contains(panelx.url(QStringLiteral("/live/demo.m3u8")).toUtf8()),
            list.body.constData());
        QVERIFY2(list.body.contains("tvg-id=\"demo\""), list.body.constData());

        // SIGTERM: a clean stop, every finished segment indexed, no half-written file left.
        ::kill(static_cast<pid_t>(panelx.process().processId()), SIGTERM);
        QVERIFY(panelx.process().waitForFinished(20000));
        QCOMPARE(panelx.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(panelx.process().exitCode(), 0);
        QVERIFY(panelx.output().contains("stopped"));
        const StoreSnapshot after = snapshot(dir.path(), kDemoChannelId);
        QVERIFY(!after.rows.isEmpty());
        QCOMPARE(after.files, after.rows);
        QVERIFY(QDir(dir.path() + QStringLiteral("/segments/1/src"))
                    .entryList({QStringLiteral("*.tmp")}, QDir::Files)
                    .isEmpty());
    }

    void killedMidStreamRecoversOnRestart()
    {
        QTemporaryDir dir;
        const quint16 port = freePort();
        qint64 maxBefore = -1;
        {
            Headless panelx(dir.path(), port);
            panelx.start();
            QVERIFY2(panelx.waitForSegments(2).size() >= 2, panelx.output().constData());
            ::kill(static_cast<pid_t>(panelx.process().processId()), SIGKILL);
            QVERIFY(panelx.process().waitForFinished(10000));
            maxBefore = snapshot(dir.path(), kDemoChannelId).maxSequence;
            QVERIFY(maxBefore >= 0);
        }
        Headless panelx(dir.path(), port);
        panelx.start();
        // A new segment after the restart: numbering continues with the very next number (the
        // half-written segment the kill interrupted used none) and the break is marked.
        qint64 mediaSequence = -1;
        const auto entries = panelx.waitForSegments(1, maxBefore + 1, 60000, &mediaSequence);
        auto firstNew = std::find_if(
            entries.begin(), entries.end(), [&](const auto &e) { return e.sequence > maxBefore; });
        QVERIFY2(firstNew != entries.end(), panelx.output().constData());
        QCOMPARE(firstNew->sequence, maxBefore + 1);
        QVERIFY(firstNew->discontinuity);
        QVERIFY2(numberedAsPlayersCount(entries, mediaSequence), qPrintable(describe(entries)));
        ::kill(static_cast<pid_t>(panelx.process().processId()), SIGTERM);
        QVERIFY(panelx.process().waitForFinished(20000));
        const StoreSnapshot after = snapshot(dir.path(), kDemoChannelId);
        QCOMPARE(after.files, after.rows);
        QVERIFY(after.maxSequence > maxBefore);
        for (qint64 s = *std::min_element(after.rows.begin(), after.rows.end());
             s <= after.maxSequence; ++s)
            QVERIFY2(after.rows.contains(s), qPrintable(QStringLiteral("gap at %1").arg(s)));
    }
};

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
