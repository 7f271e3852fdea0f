// The headless program killed with SIGKILL in the middle of a recording: after a restart the
// recording goes on to its end, the database is intact and nothing recorded before the kill is
// lost.
#include "Engine.h"
#include "HeadlessProcess.h"
#include "TestSupport.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace panelx;
using namespace panelx::test;

namespace {

// The rows the index holds for a channel, read as another process would.
class Index {
public:
    explicit Index(const QString &dataDir)
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        m_db.setDatabaseName(dataDir + QStringLiteral("/panelx.db"));
        m_db.open();
    }
    ~Index()
    {
        m_db.close();
        m_db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }
    QSet<qint64> sequences(qint64 channelId, qint64 fromUtcMs, qint64 toUtcMs)
    {
        QSqlQuery query(m_db);
        query.prepare(QStringLiteral("SELECT sequence FROM segments WHERE channel_id = ? "
                                     "AND start_utc_ms < ? AND start_utc_ms + duration_ms > ?"));
        query.addBindValue(channelId);
        query.addBindValue(toUtcMs);
        query.addBindValue(fromUtcMs);
        QSet<qint64> result;
        if (query.exec())
            while (query.next())
                result.insert(query.value(0).toLongLong());
        return result;
    }
    QString text(const QString &sql)
    {
        QSqlQuery query(m_db);
        return query.exec(sql) && query.next() ? query.value(0).toString() : QString();
    }

private:
    QSqlDatabase m_db;
};

} // namespace

class TestDvrCrash : public QObject {
    Q_OBJECT
private slots:
    void killedMidRecordingFinishesAfterRestart()
    {
        QTemporaryDir dir;
        qint64 channelId = 0;
        Recording created;
        {
            // Set up as the window would: a channel with 1 s segments and a recording of it.
            EngineThread running;
            EngineOptions options;
            options.dataDir = dir.path();
            options.httpPort = 0;
            options.listenAddress = QHostAddress::LocalHost;
            options.createDemoChannel = false;
            QCOMPARE(running.start(options), QString());
            Engine *engine = running.engine();
            QMetaObject::invokeMethod(
                engine,
                [&] {
                    ChannelConfig channel;
                    channel.name = QStringLiteral("News");
                    channel.sourceUrl = kDemoSourceUrl;
                    channel.segmentDurationMs = 1000;
                    channelId = engine->createChannel(channel).channel.id;
                    RecordingRequest request;
                    request.channelId = channelId;
                    request.minutes = 1;
                    created = engine->createRecording(request).recording;
                },
                Qt::BlockingQueuedConnection);
            QVERIFY(created.id > 0);
            QVERIFY(running.stop());
        }
        Index index(dir.path());
        const quint16 port = freeTcpPort();
        QSet<qint64> beforeKill;
        {
            HeadlessProcess panelx(dir.path(), port);
            QVERIFY(panelx.start());
            QVERIFY(waitFor(
                [&] {
                    beforeKill = index.sequences(channelId, created.startUtcMs, created.endUtcMs);
                    return beforeKill.size() >= 8;
                },
                40000));
            panelx.signal(SIGKILL);
            QCOMPARE(panelx.process().exitStatus(), QProcess::CrashExit);
        }
        beforeKill = index.sequences(channelId, created.startUtcMs, created.endUtcMs);

        HeadlessProcess panelx(dir.path(), port);
        QVERIFY(panelx.start());
        const auto state = [&] {
            return index.text(
                QStringLiteral("SELECT state FROM recordings WHERE id = %1").arg(created.id));
        };
        const int untilEndMs = int(created.endUtcMs - QDateTime::currentMSecsSinceEpoch()) + 30000;
        QVERIFY2(waitFor(
                     [&] {
                         return state() == QLatin1String("finished")
                             || state() == QLatin1String("partial");
                     },
                     std::max(untilEndMs, 30000)),
            qPrintable(state()));
        // The finished recording plays as VOD from the restarted program.
        const QString url
            = QStringLiteral("http://127.0.0.1:%1/recordings/%2.m3u8").arg(port).arg(created.id);
        const HttpReply playlist = httpRequest(url);
        QCOMPARE(playlist.status, 200);
        QVERIFY(playlist.body.contains("#EXT-X-ENDLIST"));
        panelx.signal(SIGTERM);
        QCOMPARE(panelx.process().exitStatus(), QProcess::NormalExit);

        QCOMPARE(index.text(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
        const QSet<qint64> after = index.sequences(channelId, created.startUtcMs, created.endUtcMs);
        // Nothing recorded before the kill is lost (the segment being written then was never
        // committed, so it has no number), and every indexed segment has its file.
        QVERIFY2(after.contains(beforeKill), "segments recorded before the kill are gone");
        QVERIFY(after.size() > beforeKill.size());
        for (const qint64 sequence : after) {
            const QString path = dir.filePath(
                QStringLiteral("segments/%1/src/%2.ts").arg(channelId).arg(sequence));
            QVERIFY2(QFile::exists(path), qPrintable(path));
        }
    }
};

QTEST_GUILESS_MAIN(TestDvrCrash)
#include "tst_dvr_crash.moc"
