// End to end: the demo channel with its ladder on, through the real engine, transcoder and
// viewer server. The master playlist describes the rungs the transcoder made, ffprobe reads
// it, and every client of the shared HLS harness plays it.
#include "Engine.h"
#include "TestSupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;
using namespace panelx::test;

namespace {

struct Variant {
    qint64 bandwidth = 0;
    QString codecs;
    QString resolution;
    QString uri;
};

QList<Variant> variantsOf(const QByteArray &master)
{
    static const QRegularExpression bandwidth(QStringLiteral("[:,]BANDWIDTH=(\\d+)"));
    static const QRegularExpression codecs(QStringLiteral("CODECS=\"([^\"]+)\""));
    static const QRegularExpression resolution(QStringLiteral("RESOLUTION=(\\d+x\\d+)"));
    QList<Variant> variants;
    const QStringList lines = QString::fromUtf8(master).split(QLatin1Char('\n'));
    for (int i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].startsWith(QStringLiteral("#EXT-X-STREAM-INF:")))
            continue;
        variants.append(
            {bandwidth.match(lines[i]).captured(1).toLongLong(), codecs.match(lines[i]).captured(1),
                resolution.match(lines[i]).captured(1), lines[i + 1].trimmed()});
    }
    return variants;
}

} // namespace

class TestAbrLive : public QObject {
    Q_OBJECT

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }
    QString masterUrl() const { return url(QStringLiteral("/live/%1.m3u8").arg(m_slug)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        EngineOptions options;
        options.dataDir = m_dir.path();
        options.httpPort = 0;
        options.listenAddress = QHostAddress::LocalHost;
        QCOMPARE(m_running.start(options), QString());
        Engine *engine = m_running.engine();
        ChannelChange change;
        QVERIFY(QMetaObject::invokeMethod(
            engine,
            [&] {
                ChannelConfig demo = engine->channels().first();
                // 2 s segments: VLC 3.0 stops on a live master of 1 s ones (docs/decisions.md).
                demo.segmentDurationMs = 2000;
                demo.abr.enabled = true;
                demo.abr.rungs = {QStringLiteral("720p"), QStringLiteral("360p")};
                // superfast, not ultrafast: ultrafast leaves out what needs more than constrained
                // baseline (CABAC, 8x8 transforms), so every rung would say avc1.42.
                demo.abr.preset = QStringLiteral("superfast");
                change = engine->saveChannel(demo);
                m_port = engine->httpPort();
            },
            Qt::BlockingQueuedConnection));
        QVERIFY2(change.ok(), qPrintable(change.error));
        m_slug = change.channel.slug;

        // Until the master lists both rungs and each rung's playlist holds three segments.
        const auto ready = [&] {
            const HttpReply master = httpRequest(masterUrl());
            const QList<Variant> variants = variantsOf(master.body);
            if (master.status != 200 || variants.size() != 2)
                return false;
            for (const Variant &variant : variants) {
                const HttpReply media = httpRequest(variant.uri.startsWith(QStringLiteral("http"))
                        ? variant.uri
                        : url(variant.uri));
                if (media.status != 200 || media.body.count("#EXTINF") < 3)
                    return false;
            }
            return true;
        };
        QVERIFY2(waitFor(ready, 90000), httpRequest(masterUrl()).body.constData());
    }

    void masterDescribesTheRungsTheTranscoderMade()
    {
        const HttpReply reply = httpRequest(masterUrl());
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.startsWith("#EXTM3U\n"));
        const QList<Variant> variants = variantsOf(reply.body);
        QCOMPARE(variants.size(), 2);
        // Highest first; sizes from the demo's 16:9 picture; codecs from each rung's own SPS
        // (profile high from 720p up, main below) and the AAC audio.
        QCOMPARE(variants[0].resolution, QStringLiteral("1280x720"));
        QCOMPARE(variants[1].resolution, QStringLiteral("640x360"));
        QVERIFY2(variants[0].codecs.startsWith(QStringLiteral("avc1.64")),
            qPrintable(variants[0].codecs));
        QVERIFY2(variants[1].codecs.startsWith(QStringLiteral("avc1.4d")),
            qPrintable(variants[1].codecs));
        for (const Variant &variant : variants) {
            QVERIFY2(
                variant.codecs.endsWith(QStringLiteral(",mp4a.40.2")), qPrintable(variant.codecs));
            // Bits per second, not bytes: at least the 360p rung's 800 kb/s target would be
            // below 200,000 as bytes.
            QVERIFY2(variant.bandwidth > 400'000, qPrintable(QString::number(variant.bandwidth)));
        }
        QVERIFY(variants[0].bandwidth > variants[1].bandwidth);

        QByteArray out;
        QCOMPARE(
            runProgram(QStringLiteral("ffprobe"),
                {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                    QStringLiteral("stream=codec_name,height"), QStringLiteral("-of"),
                    QStringLiteral("csv=p=0"), masterUrl()},
                60000, &out),
            0);
        QVERIFY2(out.contains("h264,720") && out.contains("h264,360") && out.contains("aac"),
            out.constData());
    }

    void everyHlsClientPlaysTheMaster()
    {
        if (const QString missing = hlsClientsMissing(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        const HlsClientsRun run = runHlsClients(masterUrl(), 6);
        qInfo().noquote() << run.table;
        QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("logs in %1").arg(run.logs)));
    }

    void cleanupTestCase() { QVERIFY(m_running.stop()); }

private:
    QTemporaryDir m_dir;
    EngineThread m_running;
    quint16 m_port = 0;
    QString m_slug;
};

QTEST_GUILESS_MAIN(TestAbrLive)
#include "tst_abr_live.moc"
