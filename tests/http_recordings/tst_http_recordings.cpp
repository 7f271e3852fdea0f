// Recordings over the viewer server for real: 127.0.0.1, a SegmentStore over real MPEG-TS
// segments (made by ffmpeg for the test) and recordings in a RecordingDirectory as the Recorder
// leaves them. A real Engine with the demo source records one that the independent HLS clients
// play while it grows (EVENT) and once it is done (VOD).
#include "ChannelDirectory.h"
#include "Engine.h"
#include "TestSupport.h"
#include "dvr/ExportCache.h"
#include "dvr/RecordingDirectory.h"
#include "hls/Playlist.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"
#include "http/RecordingRoutes.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace panelx;

namespace {

constexpr int kPartMs = 2000;
constexpr int kParts = 4;

QStringList uriLines(const QByteArray &playlist)
{
    QStringList uris;
    for (const QByteArray &line : playlist.split('\n'))
        if (line.startsWith('/'))
            uris << QString::fromLatin1(line);
    return uris;
}

// The media duration ffprobe reads from a file, in seconds; -1 when it cannot.
double probedSeconds(const QString &path)
{
    QByteArray out;
    if (test::runProgram(QStringLiteral("ffprobe"),
            {"-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path}, 30000,
            &out)
        != 0)
        return -1;
    bool ok = false;
    const double seconds = out.trimmed().toDouble(&ok);
    return ok ? seconds : -1;
}

} // namespace

class TestHttpRecordings : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    test::StoreFixture m_fixture;
    ChannelDirectory m_channels;
    RecordingDirectory m_recordings;
    std::unique_ptr<ExportCache> m_exports;
    std::unique_ptr<HttpServer> m_server;
    QList<QByteArray> m_parts; // 2 s MPEG-TS files with continuous timestamps
    QHash<QPair<qint64, qint64>, QByteArray> m_bytes; // (channel, sequence) -> file
    qint64 m_t0 = 0;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path);
    }

    void commit(qint64 channelId, int part, qint64 startUtcMs, bool discontinuity)
    {
        SegmentInfo info;
        info.channelId = channelId;
        info.startUtcMs = startUtcMs;
        info.durationMs = kPartMs;
        info.discontinuity = discontinuity;
        const QString error = test::commitSegment(*m_fixture.store, info, m_parts.at(part));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_bytes.insert({channelId, info.sequence}, m_parts.at(part));
    }

    Recording recording(qint64 id, qint64 channelId, const QString &title, qint64 startUtcMs,
        qint64 endUtcMs, RecordingState state, const QString &reason = {})
    {
        Recording r;
        r.id = id;
        r.channelId = channelId;
        r.title = title;
        r.startUtcMs = startUtcMs;
        r.endUtcMs = endUtcMs;
        r.state = state;
        r.reason = reason;
        m_recordings.put(r);
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = m_fixture.open(m_dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));

        // Four 2 s segments cut on keyframes, one stream as the segmenter cuts it.
        const QString parts = m_dir.filePath(QStringLiteral("parts"));
        QVERIFY(QDir().mkpath(parts));
        QByteArray err;
        QCOMPARE(test::runProgram(QStringLiteral("ffmpeg"),
                     {"-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                         "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                         "-t", QString::number(kParts * kPartMs / 1000), "-c:v", "libx264",
                         "-preset", "ultrafast", "-g", "50", "-sc_threshold", "0", "-b:v", "300k",
                         "-c:a", "aac", "-b:a", "64k", "-f", "hls", "-hls_time", "2",
                         "-hls_list_size", "0", "-hls_segment_filename",
                         parts + QStringLiteral("/%d.ts"), parts + QStringLiteral("/index.m3u8")},
                     120000, nullptr, &err),
            0);
        for (int i = 0; i < kParts; ++i) {
            QFile file(QStringLiteral("%1/%2.ts").arg(parts).arg(i));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            m_parts.append(file.readAll());
        }

        ChannelConfig news;
        news.id = 1;
        news.name = QStringLiteral("News");
        news.slug = QStringLiteral("news");
        news.sourceUrl = kDemoSourceUrl;
        news.segmentDurationMs = kPartMs;
        ChannelConfig off = news;
        off.id = 2;
        off.name = QStringLiteral("Off Air");
        off.slug = QStringLiteral("off-air");
        off.enabled = false;
        m_channels.put(news);
        m_channels.put(off);

        // Channel 1: 8 s, a 6 s gap (the source was down), 8 s more whose timestamps restart.
        m_t0 = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - 3'600'000;
        for (int i = 0; i < kParts; ++i)
            commit(1, i, m_t0 + i * kPartMs, false);
        for (int i = 0; i < kParts; ++i)
            commit(1, i, m_t0 + 14'000 + i * kPartMs, i == 0);
        for (int i = 0; i < kParts; ++i)
            commit(2, i, m_t0 + i * kPartMs, false);

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Recording partial = recording(1, 1, QStringLiteral("News at eight"), m_t0 + 2000,
            m_t0 + 22'000, RecordingState::Partial);
        partial.gaps = {{m_t0 + 8000, m_t0 + 14'000}};
        m_recordings.put(partial);
        recording(
            2, 1, QStringLiteral("Evening"), m_t0, m_t0 + 3'600'000, RecordingState::Recording);
        recording(3, 2, QStringLiteral("Off air"), m_t0, m_t0 + 8000, RecordingState::Finished);
        recording(4, 1, QStringLiteral("Lost"), m_t0 + 100'000, m_t0 + 160'000,
            RecordingState::Failed, QStringLiteral("the source was down the whole time"));
        recording(5, 1, QStringLiteral("Later"), now + 600'000, now + 4'200'000,
            RecordingState::Scheduled);
        recording(6, 1, QStringLiteral("Waiting"), m_t0 + 30'000, m_t0 + 3'630'000,
            RecordingState::Recording);

        m_server = std::make_unique<HttpServer>(*m_fixture.store, m_channels);
        m_exports = std::make_unique<ExportCache>(*m_fixture.store, m_dir.filePath("exports"));
        m_server->setRecordings(m_recordings, *m_exports);
        QString startError;
        QVERIFY2(m_server->start(QHostAddress::LocalHost, 0, &startError), qPrintable(startError));
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_exports.reset();
    }

    void downloadNames_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("disposition");
        // 2026-11-30T19:00:00Z: 20:00 in Berlin.
        QTest::newRow("plain") << "News"
                               << "Europe/Berlin"
                               << "News 2026-11-30 20-00.mp4"
                               << QByteArray("attachment; filename=\"News 2026-11-30 20-00.mp4\"");
        QTest::newRow("other zone")
            << "News"
            << "America/New_York"
            << "News 2026-11-30 14-00.mp4"
            << QByteArray("attachment; filename=\"News 2026-11-30 14-00.mp4\"");
        QTest::newRow("characters file systems refuse")
            << "a/b\\c: \"d\"?*<>|"
            << "UTC"
            << "a_b_c_ _d______ 2026-11-30 19-00.mp4"
            << QByteArray("attachment; filename=\"a_b_c_ _d______ 2026-11-30 19-00.mp4\"");
        QTest::newRow("line breaks and runs of spaces")
            << "  Late\r\n  show\t "
            << "UTC"
            << "Late show 2026-11-30 19-00.mp4"
            << QByteArray("attachment; filename=\"Late show 2026-11-30 19-00.mp4\"");
        QTest::newRow("no hidden file")
            << "..rc"
            << "UTC"
            << "rc 2026-11-30 19-00.mp4"
            << QByteArray("attachment; filename=\"rc 2026-11-30 19-00.mp4\"");
        QTest::newRow("only dots") << "..."
                                   << "UTC"
                                   << "2026-11-30 19-00.mp4"
                                   << QByteArray("attachment; filename=\"2026-11-30 19-00.mp4\"");
        QTest::newRow("percent") << "100% Sport"
                                 << "UTC"
                                 << "100% Sport 2026-11-30 19-00.mp4"
                                 << QByteArray("attachment; filename=\"100_ Sport 2026-11-30 "
                                               "19-00.mp4\"; filename*=UTF-8''100%25%20Sport%"
                                               "202026-11-30%2019-00.mp4");
        QTest::newRow("non-ASCII (RFC 6266 filename*)")
            << "Café Télé"
            << "UTC"
            << "Café Télé 2026-11-30 19-00.mp4"
            << QByteArray("attachment; filename=\"Caf_ T_l_ 2026-11-30 19-00.mp4\"; "
                          "filename*=UTF-8''Caf%C3%A9%20T%C3%A9l%C3%A9%202026-11-30%2019-00.mp4");
    }

    void downloadNames()
    {
        QFETCH(QString, title);
        QFETCH(QString, zone);
        QFETCH(QString, name);
        QFETCH(QByteArray, disposition);
        const qint64 start
            = QDateTime(QDate(2026, 11, 30), QTime(19, 0), Qt::UTC).toMSecsSinceEpoch();
        const QTimeZone timeZone(zone.toLatin1());
        QVERIFY(timeZone.isValid());
        QCOMPARE(http::downloadFileName(title, start, timeZone), name);
        QCOMPARE(http::contentDisposition(name), disposition);
    }

    // A recording kept 6 s segments from before its channel was set to 2 s ones: the target
    // duration covers them (RFC 8216 4.3.3.1).
    void targetDurationCoversLongerSegments()
    {
        Recording done;
        done.id = 9;
        done.state = RecordingState::Finished;
        SegmentInfo longer;
        longer.sequence = 3;
        longer.durationMs = 6000;
        SegmentInfo shorter = longer;
        shorter.sequence = 4;
        shorter.durationMs = 2000;
        const QByteArray body = http::renderRecordingPlaylist(done, {longer, shorter}, 2000);
        QVERIFY2(body.contains("#EXT-X-TARGETDURATION:6\n"), body.constData());
        QVERIFY(http::renderRecordingPlaylist(done, {shorter}, 2000)
                    .contains("#EXT-X-TARGETDURATION:3\n"));
        QVERIFY(body.contains("\n/recordings/9/3.ts\n"));
    }

    void finishedRecordingIsVod()
    {
        const auto reply = test::httpRequest(url("/recordings/1.m3u8"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/vnd.apple.mpegurl"));
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("*"));
        const QByteArray body = reply.body;
        QVERIFY2(body.contains("#EXT-X-PLAYLIST-TYPE:VOD\n"), body.constData());
        QVERIFY(body.endsWith("#EXT-X-ENDLIST\n"));
        // The segment that ends where the recording starts is not part of it.
        QVERIFY(body.contains("#EXT-X-MEDIA-SEQUENCE:1\n"));
        const QStringList uris = uriLines(body);
        QCOMPARE(uris.size(), 7);
        QCOMPARE(uris.first(), QStringLiteral("/recordings/1/1.ts"));
        QCOMPARE(uris.last(), QStringLiteral("/recordings/1/7.ts"));
        QCOMPARE(body.count("#EXT-X-PROGRAM-DATE-TIME:"), 7);
        // The gap: one discontinuity, right before the first segment after it, whose date
        // jumps by the gap.
        QCOMPARE(body.count("#EXT-X-DISCONTINUITY\n"), 1);
        QVERIFY2(body.contains("/recordings/1/3.ts\n#EXT-X-DISCONTINUITY\n"
                               "#EXT-X-PROGRAM-DATE-TIME:"
                     + playlist::formatProgramDateTime(m_t0 + 14'000)),
            body.constData());
        QVERIFY(body.contains("#EXT-X-TARGETDURATION:3\n"));
    }

    void recordingInProgressIsAnEvent()
    {
        const auto reply = test::httpRequest(url("/recordings/2.m3u8"));
        QCOMPARE(reply.status, 200);
        const QByteArray body = reply.body;
        QVERIFY2(body.contains("#EXT-X-PLAYLIST-TYPE:EVENT\n"), body.constData());
        QVERIFY(!body.contains("#EXT-X-ENDLIST"));
        QVERIFY(body.contains("#EXT-X-MEDIA-SEQUENCE:0\n"));
        QCOMPARE(body.count("#EXT-X-PROGRAM-DATE-TIME:"), 8);
        QCOMPARE(uriLines(body).size(), 8);
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-cache"));
    }

    void segmentsInsideTheRangeOnly_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<qint64>("channelId");
        QTest::addColumn<qint64>("sequence"); // -1: refused
        QTest::newRow("first") << "/recordings/1/1.ts" << 1LL << 1LL;
        QTest::newRow("after the gap") << "/recordings/1/4.ts" << 1LL << 4LL;
        QTest::newRow("rendition form") << "/recordings/1/src/7.ts" << 1LL << 7LL;
        QTest::newRow("ends where it starts") << "/recordings/1/0.ts" << 1LL << -1LL;
        QTest::newRow("not made") << "/recordings/1/999.ts" << 1LL << -1LL;
        QTest::newRow("other rendition") << "/recordings/1/720p/1.ts" << 1LL << -1LL;
        QTest::newRow("in progress") << "/recordings/2/0.ts" << 1LL << 0LL;
        QTest::newRow("channel switched off") << "/recordings/3/2.ts" << 2LL << 2LL;
        QTest::newRow("scheduled") << "/recordings/5/7.ts" << 1LL << -1LL;
    }

    void segmentsInsideTheRangeOnly()
    {
        QFETCH(QString, path);
        QFETCH(qint64, channelId);
        QFETCH(qint64, sequence);
        const auto reply = test::httpRequest(url(path));
        if (sequence < 0) {
            QCOMPARE(reply.status, 404);
            QVERIFY2(reply.body.contains("is not part of recording"), reply.body.constData());
            QVERIFY(reply.header("Content-Type").startsWith("text/plain"));
            return;
        }
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("video/mp2t"));
        QCOMPARE(reply.body, m_bytes.value({channelId, sequence}));
    }

    // A switched-off channel's live segments are refused; its recording still plays.
    void switchedOffChannelStillServesItsRecording()
    {
        QCOMPARE(test::httpRequest(url("/seg/2/src/0.ts")).status, 404);
        const auto playlist = test::httpRequest(url("/recordings/3.m3u8"));
        QCOMPARE(playlist.status, 200);
        for (const QString &uri : uriLines(playlist.body))
            QCOMPARE(test::httpRequest(url(uri)).status, 200);
    }

    void segmentRanges()
    {
        const QByteArray whole = m_bytes.value({1, 1});
        const auto part
            = test::httpRequest(url("/recordings/1/1.ts"), "GET", {{"Range", "bytes=188-375"}});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, whole.mid(188, 188));
        QCOMPARE(part.header("Content-Range"), "bytes 188-375/" + QByteArray::number(whole.size()));
        const auto outside = test::httpRequest(url("/recordings/1/1.ts"), "GET",
            {{"Range", "bytes=" + QByteArray::number(whole.size()) + "-"}});
        QCOMPARE(outside.status, 416);
    }

    void clearAnswers_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("says");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::newRow("unknown playlist")
            << "/recordings/99.m3u8" << 404 << "no recording 99" << QByteArray();
        QTest::newRow("unknown segment")
            << "/recordings/99/1.ts" << 404 << "no recording 99" << QByteArray();
        QTest::newRow("unknown download")
            << "/recordings/99.mp4" << 404 << "no recording 99" << QByteArray();
        QTest::newRow("failed") << "/recordings/4.m3u8" << 404
                                << "holds no media: the source was down" << QByteArray();
        QTest::newRow("no segment yet")
            << "/recordings/6.m3u8" << 503 << "no segment yet" << QByteArray("2");
        QTest::newRow("scheduled") << "/recordings/5.m3u8" << 503 << "starts in" << QByteArray();
        QTest::newRow("download while recording")
            << "/recordings/2.mp4" << 409 << "still recording; /recordings/2.m3u8 plays it now"
            << QByteArray();
        QTest::newRow("download before it starts")
            << "/recordings/5.mp4" << 409 << "has not started yet" << QByteArray();
        QTest::newRow("bad id") << "/recordings/abc.m3u8" << 400 << "recording URLs are"
                                << QByteArray();
    }

    void clearAnswers()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, says);
        QFETCH(QByteArray, retryAfter);
        const auto reply = test::httpRequest(url(path));
        QCOMPARE(reply.status, status);
        QVERIFY2(QString::fromUtf8(reply.body).contains(says), reply.body.constData());
        QVERIFY(reply.header("Content-Type").startsWith("text/plain"));
        QCOMPARE(reply.header("Access-Control-Allow-Origin"), QByteArray("*"));
        if (!retryAfter.isEmpty())
            QCOMPARE(reply.header("Retry-After"), retryAfter);
        if (path == QStringLiteral("/recordings/5.m3u8")) {
            // Ten minutes before it starts: asked again once it has.
            const int retry = reply.header("Retry-After").toInt();
            QVERIFY2(retry > 590 && retry <= 602, reply.header("Retry-After").constData());
        }
    }

    void mp4Download()
    {
        const auto reply = test::httpRequest(url("/recordings/1.mp4"), "GET", {}, 60000);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("video/mp4"));
        QCOMPARE(reply.header("Accept-Ranges"), QByteArray("bytes"));
        const QString name = http::downloadFileName(
            QStringLiteral("News at eight"), m_t0 + 2000, QTimeZone::systemTimeZone());
        QCOMPARE(
            reply.header("Content-Disposition"), "attachment; filename=\"" + name.toUtf8() + '"');
        QVERIFY(name.startsWith(QStringLiteral("News at eight 20")));
        // The index first, so players start before the download ends.
        const qsizetype moov = reply.body.indexOf("moov");
        QVERIFY(moov > 0 && moov < reply.body.indexOf("mdat"));
        const QString saved = m_dir.filePath(QStringLiteral("download.mp4"));
        QFile file(saved);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(reply.body);
        file.close();
        // Seven 2 s segments; the 6 s gap is closed, not played as a pause.
        const double seconds = probedSeconds(saved);
        QVERIFY2(qAbs(seconds - 14.0) <= 1.0, qPrintable(QString::number(seconds)));

        // Made once: the second request is the same file, not a new export.
        const QStringList made = QDir(m_exports->folder()).entryList({"1-*.mp4"}, QDir::Files);
        QCOMPARE(made.size(), 1);
        const QString kept = QDir(m_exports->folder()).filePath(made.first());
        const QDateTime modified = QFileInfo(kept).lastModified();
        const auto again = test::httpRequest(url("/recordings/1.mp4"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.body, reply.body);
        QCOMPARE(QFileInfo(kept).lastModified(), modified);

        const auto part
            = test::httpRequest(url("/recordings/1.mp4"), "GET", {{"Range", "bytes=100-1099"}});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, reply.body.mid(100, 1000));
        QCOMPARE(part.header("Content-Range"),
            "bytes 100-1099/" + QByteArray::number(reply.body.size()));
    }

    // A recording whose segments changed is made again, and the stale file goes; a deleted
    // recording's download goes with it.
    void mp4FollowsItsRecording()
    {
        QCOMPARE(test::httpRequest(url("/recordings/3.mp4"), "GET", {}, 60000).status, 200);
        const QDir folder(m_exports->folder());
        const QStringList before = folder.entryList({"3-*.mp4"}, QDir::Files);
        QCOMPARE(before.size(), 1);

        const std::optional<Recording> original = m_recordings.byId(3);
        QVERIFY(original);
        const auto restore = qScopeGuard([&] { m_recordings.put(*original); });
        Recording shorter = *original;
        shorter.endUtcMs = m_t0 + 6000;
        m_recordings.put(shorter);
        const auto reply = test::httpRequest(url("/recordings/3.mp4"), "GET", {}, 60000);
        QCOMPARE(reply.status, 200);
        const QStringList after = folder.entryList({"3-*.mp4"}, QDir::Files);
        QCOMPARE(after.size(), 1);
        QVERIFY(after != before);
        const double seconds = probedSeconds(folder.filePath(after.first()));
        QVERIFY2(qAbs(seconds - 6.0) <= 1.0, qPrintable(QString::number(seconds)));

        m_exports->forget(3);
        QVERIFY(folder.entryList({"3-*.mp4"}, QDir::Files).isEmpty());
        m_recordings.remove(3);
        QCOMPARE(test::httpRequest(url("/recordings/3.mp4")).status, 404);
    }

    // Downloads of recordings deleted while PanelX was not running, and files a crash left
    // half-written, go at the next start.
    void exportsOfDeletedRecordingsGoAtStart()
    {
        QTemporaryDir folder;
        const QStringList names {"5-0-3-4.mp4", "6-2-9-8.mp4", "5-4-7-4.mp4.part", "stray.txt"};
        for (const QString &name : names) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        ExportCache exports(*m_fixture.store, folder.path());
        exports.keepOnly({5});
        QCOMPARE(QDir(folder.path()).entryList(QDir::Files), QStringList {"5-0-3-4.mp4"});
    }

    void listHoldsDoneRecordingsWithMedia()
    {
        const auto reply
            = test::httpRequest(url("/recordings.m3u"), "GET", {{"Host", "tv.example:8080"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("audio/x-mpegurl"));
        QCOMPARE(reply.body,
            QByteArray("#EXTM3U\n"
                       "#EXTINF:14 tvg-name=\"News at eight\" group-title=\"Recordings\","
                       "News at eight\n"
                       "http://tv.example:8080/recordings/1.m3u8\n"
                       "#EXTINF:8 tvg-name=\"Off air\" group-title=\"Recordings\",Off air\n"
                       "http://tv.example:8080/recordings/3.m3u8\n"));
    }

    // A real recording of the demo channel in 1 s segments: an EVENT playlist while it runs and
    // a VOD once stopped, both played by the independent clients.
    void demoRecordingPlaysWhileAndAfterRecording()
    {
        if (const QString missing = test::hlsClientsMissing(); !missing.isEmpty())
            QSKIP(qPrintable(missing));
        QTemporaryDir dataDir;
        EngineOptions options;
        options.dataDir = dataDir.path();
        options.httpPort = 0;
        options.listenAddress = QHostAddress::LocalHost;
        // The test pattern in 1 s segments from the start: a channel restarted for a new
        // segment duration would put a session change in the recording.
        options.createDemoChannel = false;
        test::EngineThread running;
        const QString failure = running.start(options);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        Engine *engine = running.engine();
        const auto onEngine = [engine](auto call) {
            decltype(call()) result {};
            QMetaObject::invokeMethod(
                engine, [&] { result = call(); }, Qt::BlockingQueuedConnection);
            return result;
        };
        ChannelConfig demo;
        demo.name = QStringLiteral("Demo");
        demo.sourceUrl = kDemoSourceUrl;
        demo.segmentDurationMs = 1000;
        const ChannelChange added = onEngine([&] { return engine->createChannel(demo); });
        QVERIFY(added.ok());
        demo = added.channel;
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(onEngine([&] {
            return engine->httpPort();
        }));

        RecordingRequest request;
        request.channelId = demo.id;
        request.title = QStringLiteral("Demo");
        request.minutes = 5; // stopped by the test long before
        const RecordingChange created = onEngine([&] { return engine->createRecording(request); });
        QVERIFY2(created.ok(), qPrintable(created.error));
        const QString playlist
            = base + QStringLiteral("/recordings/%1.m3u8").arg(created.recording.id);
        // Players start three target durations (2 s each) from the end: a few more, so they
        // have something to play before the live edge.
        QVERIFY(test::waitFor(
            [&] { return test::httpRequest(playlist).body.count("#EXTINF:") >= 8; }, 60000));
        const QByteArray event = test::httpRequest(playlist).body;
        QVERIFY2(event.contains("#EXT-X-PLAYLIST-TYPE:EVENT\n"), event.constData());
        QVERIFY(!event.contains("#EXT-X-ENDLIST"));
        const test::HlsClientsRun growing = test::runHlsClients(playlist, 8);
        qInfo().noquote() << growing.table;
        QVERIFY2(growing.exitCode == 0, qPrintable(QStringLiteral("logs in %1").arg(growing.logs)));

        QVERIFY(onEngine([&] { return engine->stopRecording(created.recording.id); }).ok());
        QVERIFY(test::waitFor(
            [&] { return test::httpRequest(playlist).body.contains("#EXT-X-ENDLIST"); }, 30000));
        const QByteArray vod = test::httpRequest(playlist).body;
        QVERIFY2(vod.contains("#EXT-X-PLAYLIST-TYPE:VOD\n"), vod.constData());
        QCOMPARE(vod.count("#EXT-X-PROGRAM-DATE-TIME:"), vod.count("#EXTINF:"));
        const test::HlsClientsRun finished = test::runHlsClients(playlist, 8);
        qInfo().noquote() << finished.table;
        QVERIFY2(
            finished.exitCode == 0, qPrintable(QStringLiteral("logs in %1").arg(finished.logs)));
        QVERIFY(finished.table.contains(" passed, 0 failed"));

        // Its download, as long as its playlist; deleted with it.
        double listedSeconds = 0;
        for (const QByteArray &line : vod.split('\n'))
            if (line.startsWith("#EXTINF:"))
                listedSeconds += line.mid(8).chopped(1).toDouble();
        const QString mp4 = base + QStringLiteral("/recordings/%1.mp4").arg(created.recording.id);
        const auto download = test::httpRequest(mp4, "GET", {}, 60000);
        QCOMPARE(download.status, 200);
        QVERIFY(
            download.header("Content-Disposition").startsWith("attachment; filename=\"Demo 20"));
        const QString saved = dataDir.filePath(QStringLiteral("download.mp4"));
        QFile file(saved);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(download.body);
        file.close();
        const double seconds = probedSeconds(saved);
        QVERIFY2(qAbs(seconds - listedSeconds) <= 1.0,
            qPrintable(
                QStringLiteral("%1 s in the MP4, %2 s listed").arg(seconds).arg(listedSeconds)));
        const QDir exports(dataDir.filePath(QStringLiteral("exports")));
        QCOMPARE(exports.entryList(QDir::Files).size(), 1);
        QVERIFY(onEngine([&] { return engine->deleteRecording(created.recording.id); }).ok());
        QVERIFY(exports.entryList(QDir::Files).isEmpty());
        QCOMPARE(test::httpRequest(mp4).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestHttpRecordings)
#include "tst_http_recordings.moc"
