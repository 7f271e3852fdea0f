// Ingest of real sources: an MPEG-TS stream over UDP from an ffmpeg process (killed and
// restarted), video-only and audio-only files, codecs HLS MPEG-TS cannot carry, and URLs that
// cannot work — each must end in the right state with a message a person can act on.
#include "IngestObserver.h"
#include "TestSupport.h"

#include "hls/SegmentStore.h"
#include "hls/WallClockAnchor.h"
#include "ingest/Ingest.h"
#include "storage/Database.h"

#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUdpSocket>
#include <QtTest>
#include <algorithm>

using namespace panelx;

namespace {

constexpr int kTargetMs = 2000;

} // namespace

class TestIngestUdp : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void udpSourceSurvivesSenderRestart();
    void rateFallsWhenSenderStops();
    void singleKindSourcesWork_data();
    void singleKindSourcesWork();
    void uncarriableCodecFails_data();
    void uncarriableCodecFails();
    void badSourceIsExplained_data();
    void badSourceIsExplained();
    void stopDoesNotWaitForTimeouts();

private:
    ChannelConfig channel(const QString &url);
    bool makeMedia(const QString &name, const QStringList &args);
    QString media(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SegmentStore> m_store;
    qint64 m_nextChannelId = 1;
    QTcpServer m_notFoundServer; // answers every request with 404
    QTcpServer m_silentServer; // accepts connections and never answers
    QList<QTcpSocket *> m_silentConnections;
};

void TestIngestUdp::initTestCase()
{
    if (!test::haveProgram("ffmpeg") || !test::haveProgram("ffprobe"))
        QSKIP("ffmpeg/ffprobe are not installed (installer/install-deps.sh --test)");
    QVERIFY(m_dir.isValid());
    m_db = std::make_unique<Database>(m_dir.filePath("panelx.db"));
    QString error;
    QVERIFY2(m_db->open(&error), qPrintable(error));
    m_store = std::make_unique<SegmentStore>(*m_db, m_dir.filePath("segments"));

    QVERIFY(m_notFoundServer.listen(QHostAddress::LocalHost, 0));
    connect(&m_notFoundServer, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_notFoundServer.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                socket->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                              "Connection: close\r\n\r\n");
                socket->disconnectFromHost();
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    QVERIFY(m_silentServer.listen(QHostAddress::LocalHost, 0));
    connect(&m_silentServer, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_silentServer.nextPendingConnection())
            m_silentConnections.append(socket);
    });

    const QStringList videoIn = {"-f", "lavfi", "-i", "testsrc2=s=320x240:r=25"};
    const QStringList audioIn = {"-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"};
    const QStringList h264 = {"-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-keyint_min",
        "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p"};
    QVERIFY(makeMedia("video-only.mp4", videoIn + QStringList {"-t", "7"} + h264));
    QVERIFY(makeMedia(
        "audio-only.m4a", audioIn + QStringList {"-t", "7", "-c:a", "aac", "-b:a", "96k"}));
    QVERIFY(makeMedia(
        "audio-only.mp3", audioIn + QStringList {"-t", "7", "-c:a", "libmp3lame", "-b:a", "96k"}));
    QVERIFY(makeMedia("vp9.webm",
        videoIn
            + QStringList {
                "-t", "1", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8"}));
    // Audio that begins 8 s in: libav's first look (5 s) cannot learn its format.
    QVERIFY(makeMedia("late-audio.ts",
        videoIn + QStringList {"-itsoffset", "8"} + audioIn
            + QStringList {"-map", "0", "-map", "1", "-t", "16"} + h264
            + QStringList {"-c:a", "aac", "-f", "mpegts"}));
    QVERIFY(makeMedia("pcm.mkv", audioIn + QStringList {"-t", "1", "-c:a", "pcm_s16le"}));
    QFile text(media("notes.ts"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write(QByteArray("this is not a video\n").repeated(200));
}

void TestIngestUdp::cleanupTestCase()
{
    qDeleteAll(m_silentConnections);
}

bool TestIngestUdp::makeMedia(const QString &name, const QStringList &args)
{
    QByteArray err;
    const int code = test::runProgram("ffmpeg",
        QStringList {"-hide_banner", "-loglevel", "error", "-y"} + args + QStringList {media(name)},
        60000, nullptr, &err);
    if (code != 0)
        qWarning() << "ffmpeg could not make" << name << err;
    return code == 0;
}

ChannelConfig TestIngestUdp::channel(const QString &url)
{
    return test::makeChannel(m_nextChannelId++, url, kTargetMs);
}

void TestIngestUdp::udpSourceSurvivesSenderRestart()
{
    const quint16 port = test::freeUdpPort();
    const QString url = QStringLiteral("udp://127.0.0.1:%1?localaddr=127.0.0.1").arg(port);
    test::IngestObserver observer;
    Ingest ingest(channel(url), *m_store, observer.options(5000, 3000));
    ingest.start();
    std::unique_ptr<QProcess> sender = test::startUdpSender(port);
    QVERIFY(sender);

    QVERIFY(test::waitFor([&] { return observer.segments().size() >= 3; }, 40000));
    const ChannelStatus live = ingest.status();
    QCOMPARE(live.state, ChannelState::Live);
    QCOMPARE(live.videoCodec, QStringLiteral("h264"));
    QCOMPARE(live.audioCodec, QStringLiteral("aac"));
    QCOMPARE(live.width, 640);
    QVERIFY(test::waitFor([&] { return ingest.status().inputBitrate > 0; }, 5000));

    // The source dies: the read deadline turns it into Reconnecting, with the reason.
    sender->kill();
    sender->waitForFinished(5000);
    const int firstLive = observer.find(ChannelState::Live);
    QVERIFY(test::waitFor(
        [&] { return observer.find(ChannelState::Reconnecting, firstLive) >= 0; }, 15000));
    const ChannelStatus lost = observer.statuses()[observer.find(ChannelState::Reconnecting)];
    QVERIFY2(lost.message.contains(
                 QStringLiteral("timed out after 3 s waiting for 127.0.0.1:%1").arg(port)),
        qPrintable(lost.message));
    const int segmentsBeforeRestart = observer.segments().size();

    // It comes back: Live again, and the next segment is a discontinuity.
    sender = test::startUdpSender(port);
    QVERIFY(sender);
    const int reconnecting = observer.find(ChannelState::Reconnecting);
    QVERIFY(
        test::waitFor([&] { return observer.find(ChannelState::Live, reconnecting) >= 0; }, 30000));
    QVERIFY(test::waitFor(
        [&] { return observer.segments().size() >= segmentsBeforeRestart + 2; }, 30000));
    ingest.stop();
    sender->kill();
    sender->waitForFinished(5000);

    const QList<SegmentInfo> segments = observer.segments();
    int discontinuities = 0;
    for (int i = 0; i < segments.size(); ++i) {
        const SegmentInfo &info = segments[i];
        if (i > 0) {
            QVERIFY(info.sequence > segments[i - 1].sequence);
            // Ordered in time; within a session continuous, but for the small slew that keeps
            // PROGRAM-DATE-TIME on the wall clock.
            const qint64 gapMs
                = info.startUtcMs - (segments[i - 1].startUtcMs + segments[i - 1].durationMs);
            QVERIFY2(info.startUtcMs > segments[i - 1].startUtcMs
                    && (info.discontinuity || qAbs(gapMs) <= WallClockAnchor::kMaxSlewMs),
                qPrintable(QStringLiteral("segment %1 starts %2 ms after the previous one ends")
                               .arg(info.sequence)
                               .arg(gapMs)));
        }
        if (info.discontinuity)
            ++discontinuities;
        QCOMPARE(info.discontinuitySequence, discontinuities);
        const bool lastOfSession = i + 1 == segments.size() || segments[i + 1].discontinuity;
        if (!lastOfSession)
            QVERIFY2(qAbs(info.durationMs - kTargetMs) <= 500,
                qPrintable(QStringLiteral("segment %1 lasts %2 ms")
                               .arg(info.sequence)
                               .arg(info.durationMs)));
    }
    QCOMPARE(discontinuities, 1);
    // The first segment of the new session is the discontinuity. The segment the lost session
    // had open is committed by the segmenter's own thread, which may be just after the
    // Reconnecting status was seen: one segment later than counted then, never more.
    const auto restart = std::find_if(segments.cbegin(), segments.cend(),
        [](const SegmentInfo &info) { return info.discontinuity; });
    const int restartIndex = int(restart - segments.cbegin());
    QVERIFY2(restartIndex == segmentsBeforeRestart || restartIndex == segmentsBeforeRestart + 1,
        qPrintable(QStringLiteral("the discontinuity is segment %1 of %2; %3 were made before "
                                  "the restart")
                       .arg(restartIndex)
                       .arg(segments.size())
                       .arg(segmentsBeforeRestart)));
    for (const SegmentInfo &info : {segments[0], *restart}) {
        const test::ProbedMedia probed
            = test::probeMedia(m_store->segmentPath(info.channelId, info.rendition, info.sequence));
        QVERIFY(probed.ok);
        QCOMPARE(probed.videoCodec, QStringLiteral("h264"));
        QCOMPARE(probed.audioCodec, QStringLiteral("aac"));
        QVERIFY(probed.firstVideoPacketIsKey);
        QVERIFY(probed.startsWithPat);
    }
}

void TestIngestUdp::rateFallsWhenSenderStops()
{
    const quint16 port = test::freeUdpPort();
    const QString url = QStringLiteral("udp://127.0.0.1:%1?localaddr=127.0.0.1").arg(port);
    test::IngestObserver observer;
    constexpr int kReadTimeoutMs = 10000;
    Ingest ingest(channel(url), *m_store, observer.options(5000, kReadTimeoutMs));
    ingest.start();
    std::unique_ptr<QProcess> sender = test::startUdpSender(port);
    QVERIFY(sender);
    QVERIFY(test::waitFor(
        [&] {
            const QList<ChannelStatus> statuses = observer.statuses();
            return !statuses.isEmpty() && statuses.last().inputBitrate > 0;
        },
        20000));

    // The sender stops: the published rate falls to 0 well before the read time-out ends the
    // session, while the channel is still Live.
    sender->kill();
    sender->waitForFinished(5000);
    QElapsedTimer sinceStop;
    sinceStop.start();
    const int published = observer.statuses().size();
    QVERIFY(test::waitFor(
        [&] {
            const QList<ChannelStatus> statuses = observer.statuses();
            return statuses.size() > published && statuses.last().inputBitrate == 0;
        },
        kReadTimeoutMs / 2 + 2000));
    const ChannelStatus quiet = observer.statuses().last();
    qInfo() << "input rate published as 0 after" << sinceStop.elapsed() << "ms without packets";
    QCOMPARE(quiet.state, ChannelState::Live);
    ingest.stop();
}

void TestIngestUdp::singleKindSourcesWork_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("videoCodec");
    QTest::addColumn<QString>("audioCodec");
    QTest::newRow("video-only h264 in mp4 (avcC)") << "video-only.mp4"
                                                   << "h264"
                                                   << "";
    QTest::newRow("audio-only aac in m4a") << "audio-only.m4a"
                                           << ""
                                           << "aac";
    QTest::newRow("audio-only mp3") << "audio-only.mp3"
                                    << ""
                                    << "mp3";
    // Regression: the first open described no audio format, and the muxer then refused every
    // segment in a tight loop; now the source is retried with a longer look.
    QTest::newRow("audio starting 8 s in") << "late-audio.ts"
                                           << "h264"
                                           << "aac";
}

void TestIngestUdp::singleKindSourcesWork()
{
    QFETCH(QString, file);
    QFETCH(QString, videoCodec);
    QFETCH(QString, audioCodec);
    test::IngestObserver observer;
    Ingest ingest(channel(media(file)), *m_store, observer.options(5000, 3000));
    ingest.start();
    // A 7 s file paced at real time: three 2 s segments, then the end of the file.
    QVERIFY(test::waitFor([&] { return observer.segments().size() >= 3; }, 30000));
    QCOMPARE(ingest.status().videoCodec, videoCodec);
    QCOMPARE(ingest.status().audioCodec, audioCodec);
    ingest.stop();

    const QList<SegmentInfo> segments = observer.segments();
    for (int i = 0; i < 2; ++i) {
        const SegmentInfo &info = segments[i];
        QVERIFY2(
            qAbs(info.durationMs - kTargetMs) <= 500, qPrintable(QString::number(info.durationMs)));
        const test::ProbedMedia probed
            = test::probeMedia(m_store->segmentPath(info.channelId, info.rendition, info.sequence));
        QVERIFY(probed.ok);
        QVERIFY2(probed.errors.isEmpty(), probed.errors.constData());
        QCOMPARE(probed.videoCodec, videoCodec);
        QCOMPARE(probed.audioCodec, audioCodec);
        QVERIFY(probed.startsWithPat);
        if (!videoCodec.isEmpty())
            QVERIFY(probed.firstVideoPacketIsKey);
    }
}

void TestIngestUdp::uncarriableCodecFails_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("vp9 in webm")
        << "vp9.webm"
        << "video codec vp9 cannot be carried in HLS MPEG-TS; transcoding comes later";
    QTest::newRow("raw pcm in mkv") << "pcm.mkv"
                                    << "audio codec pcm_s16le cannot be carried in HLS MPEG-TS";
}

void TestIngestUdp::uncarriableCodecFails()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    test::IngestObserver observer;
    Ingest ingest(channel(media(file)), *m_store, observer.options(5000, 3000));
    ingest.start();
    QVERIFY(test::waitFor([&] { return observer.find(ChannelState::Failed) >= 0; }, 15000));
    const ChannelStatus failed = ingest.status();
    QCOMPARE(failed.state, ChannelState::Failed);
    QVERIFY2(failed.message.contains(message), qPrintable(failed.message));
    // Failed is final: the worker ends instead of reconnecting forever.
    QVERIFY(test::waitFor([&] { return !ingest.isRunning(); }, 5000));
    QCOMPARE(observer.find(ChannelState::Reconnecting), -1);
    QVERIFY(observer.segments().isEmpty());
}

void TestIngestUdp::badSourceIsExplained_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    const quint16 closed = test::freeTcpPort();
    QTest::newRow("connection refused")
        << QStringLiteral("http://127.0.0.1:%1/live.ts").arg(closed)
        << QStringLiteral("connection refused by 127.0.0.1:%1 — is the source running?")
               .arg(closed);
    QTest::newRow("missing file") << media("missing.ts")
                                  << QStringLiteral("file not found: %1").arg(media("missing.ts"));
    const QString notFound
        = QStringLiteral("http://127.0.0.1:%1/missing.m3u8").arg(m_notFoundServer.serverPort());
    QTest::newRow("HTTP 404") << notFound << QStringLiteral("HTTP 404 from %1").arg(notFound);
    QTest::newRow("server that never answers")
        << QStringLiteral("http://127.0.0.1:%1/live.ts").arg(m_silentServer.serverPort())
        << QStringLiteral("timed out after 1.5 s waiting for 127.0.0.1:%1")
               .arg(m_silentServer.serverPort());
    const quint16 silentUdp = test::freeUdpPort();
    QTest::newRow("UDP with no sender")
        << QStringLiteral("udp://127.0.0.1:%1?localaddr=127.0.0.1").arg(silentUdp)
        << QStringLiteral("timed out after 1.5 s waiting for 127.0.0.1:%1").arg(silentUdp);
    QTest::newRow("unknown protocol") << "gopher2://127.0.0.1/x"
                                      << "unsupported protocol \"gopher2:\"";
    QTest::newRow("not media") << media("notes.ts")
                               << "not a media stream PanelX can read (invalid data)";
}

void TestIngestUdp::badSourceIsExplained()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    test::IngestObserver observer;
    IngestOptions options = observer.options(5000, 3000);
    options.openTimeoutMs = 1500;
    Ingest ingest(channel(url), *m_store, options);
    ingest.start();
    QVERIFY(test::waitFor([&] { return observer.find(ChannelState::Reconnecting) >= 0; }, 15000));
    const ChannelStatus status = observer.statuses()[observer.find(ChannelState::Reconnecting)];
    QVERIFY2(status.message.contains(message), qPrintable(status.message));
    QVERIFY(ingest.isRunning()); // keeps trying while enabled
    ingest.stop();
    QCOMPARE(ingest.status().state, ChannelState::Stopped);
}

void TestIngestUdp::stopDoesNotWaitForTimeouts()
{
    qDeleteAll(m_silentConnections);
    m_silentConnections.clear();
    test::IngestObserver observer;
    IngestOptions options = observer.options(5000, 3000);
    options.openTimeoutMs = 60000;
    Ingest ingest(
        channel(QStringLiteral("http://127.0.0.1:%1/live.ts").arg(m_silentServer.serverPort())),
        *m_store, options);
    ingest.start();
    QVERIFY(test::waitFor([&] { return !m_silentConnections.isEmpty(); }, 10000));
    QElapsedTimer clock;
    clock.start();
    ingest.stop();
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(ingest.status().state, ChannelState::Stopped);
}

QTEST_GUILESS_MAIN(TestIngestUdp)
#include "tst_ingest_udp.moc"
