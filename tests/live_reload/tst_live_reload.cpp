// A live playlist reloaded while its window slides over a segment of the longest length the
// segmenter cuts: EXT-X-TARGETDURATION stays the same on every reload (RFC 8216 6.2.1), and the
// strict validator of the shared HLS client tools watches the reloads.
#include "TestSupport.h"

#include "ChannelDirectory.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;

namespace {

constexpr int kTargetMs = 1000;

QByteArray targetDurationLine(const QByteArray &playlist)
{
    const qsizetype at = playlist.indexOf("#EXT-X-TARGETDURATION:");
    return at < 0 ? QByteArray() : playlist.mid(at, playlist.indexOf('\n', at) - at);
}

} // namespace

class TestLiveReload : public QObject {
    Q_OBJECT
private slots:
    void targetDurationStaysAcrossALongSegment()
    {
        const QString tools
            = QProcessEnvironment::systemEnvironment().value(QStringLiteral("PANELX_HLS_CLIENTS"),
                QStringLiteral(PANELX_SHARED_TOOLS "/hls-clients"));
        const QString validator = QDir(tools).filePath(QStringLiteral("validate-playlist.mjs"));
        if (!QFileInfo::exists(validator) || !test::haveProgram(QStringLiteral("node")))
            QSKIP(qPrintable(QStringLiteral("%1 or node not found: set PANELX_HLS_CLIENTS to the "
                                            "hls-clients folder to run the strict validator")
                                 .arg(validator)));
        // Regression: without its npm package the validator exited at once, and the test
        // failed on its own loop instead of saying what was missing.
        if (!QFileInfo::exists(QDir(tools).filePath(QStringLiteral("node_modules/hls-parser"))))
            QSKIP(qPrintable(QStringLiteral("the validator's npm package hls-parser is missing: "
                                            "run %1/install.sh")
                                 .arg(tools)));
        if (!test::haveProgram(QStringLiteral("ffmpeg")))
            QSKIP("the ffmpeg program is not installed; it makes the test media");

        QTemporaryDir dir;
        const QString clip = dir.filePath(QStringLiteral("clip.ts"));
        const QByteArray clipError = test::makeSmallClip(clip, 1);
        QVERIFY2(clipError.isEmpty(), clipError.constData());
        QFile clipFile(clip);
        QVERIFY(clipFile.open(QIODevice::ReadOnly));
        const QByteArray media = clipFile.readAll();

        Database db(dir.filePath(QStringLiteral("panelx.db")));
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        SegmentStore store(db, dir.filePath(QStringLiteral("segments")));
        ChannelConfig channel;
        channel.id = 1;
        channel.name = QStringLiteral("Long GOP");
        channel.slug = QStringLiteral("long");
        channel.sourceUrl = kDemoSourceUrl;
        channel.segmentDurationMs = kTargetMs;
        ChannelDirectory channels;
        channels.put(channel);

        qint64 nextStartUtcMs = QDateTime::currentMSecsSinceEpoch();
        const auto commit = [&](qint64 durationMs) {
            SegmentInfo info;
            info.channelId = channel.id;
            info.startUtcMs = nextStartUtcMs;
            info.durationMs = durationMs;
            QString commitError;
            QFile temp(store.tempPath(channel.id, kSourceRendition));
            const bool ok = store.prepareTempPath(channel.id, kSourceRendition, &commitError)
                && temp.open(QIODevice::WriteOnly) && temp.write(media) == media.size()
                && (temp.close(), store.commit(info, &commitError));
            nextStartUtcMs += durationMs;
            return ok;
        };
        for (int i = 0; i < HttpServer::kLiveWindowSegments; ++i)
            QVERIFY(commit(kTargetMs));

        HttpServer server(store, channels);
        QVERIFY2(server.start(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        const QString live
            = QStringLiteral("http://127.0.0.1:%1/live/long.m3u8").arg(server.port());

        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.start(QStringLiteral("node"),
            {validator, live, QStringLiteral("--reload-seconds"), QStringLiteral("9")});
        QVERIFY(check.waitForStarted(5000));

        // One segment a second, as a live source makes them; the second one is as long as a
        // segment may be (a late keyframe), so it enters the window and leaves it again while
        // the validator reloads.
        QSet<QByteArray> targets;
        QElapsedTimer clock;
        clock.start();
        int committed = 0;
        while (!check.waitForFinished(100)) {
            QVERIFY2(clock.elapsed() < 60000, check.readAll().constData());
            if (clock.elapsed() >= (committed + 1) * kTargetMs) {
                QVERIFY(commit(committed == 1 ? longestSegmentMs(kTargetMs) : kTargetMs));
                ++committed;
                targets.insert(targetDurationLine(test::httpRequest(live).body));
            }
        }
        const QByteArray report = check.readAll();
        qInfo().noquote() << report.right(600);
        // The long segment (the second committed) entered the window and left it again.
        QVERIFY2(committed >= 2 + HttpServer::kLiveWindowSegments,
            qPrintable(QString::number(committed)));
        QCOMPARE(targets, QSet<QByteArray> {"#EXT-X-TARGETDURATION:2"});
        QCOMPARE(check.exitStatus(), QProcess::NormalExit);
        QVERIFY2(check.exitCode() == 0, report.constData());
    }
};

QTEST_GUILESS_MAIN(TestLiveReload)
#include "tst_live_reload.moc"
