// Master playlists over real HTTP: a channel whose ladder runs (720p and 360p renditions made
// by the ffmpeg program for the test, keyframes forced every second and cut into 1 s segments,
// committed to a real segment store beside the source rendition) is a master at
// /live/<slug>.m3u8 with BANDWIDTH measured in bits per second, and so are its timeshift windows
// and recordings; ffprobe and ffmpeg read them, and a channel without a ladder is served as
// before. tests/abr_live plays the real transcoder's master in the shared HLS clients.
#include "ChannelDirectory.h"
#include "TestSupport.h"
#include "dvr/ExportCache.h"
#include "dvr/RecordingDirectory.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"
#include "storage/Database.h"
#include "timeshift/BufferIndex.h"
#include "transcode/RenditionDirectory.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace panelx;
using namespace panelx::test;

namespace {

constexpr int kSegmentMs = 1000;
constexpr int kClipSegments = 12; // made per rung
constexpr int kCommittedAtStart = 10;
// The channel the HLS clients play while it grows: 2 s segments (see hlsClientsPlayTheLiveMaster).
constexpr qint64 kNewsId = 1;
constexpr qint64 kPlainId = 2;
constexpr qint64 kFreshId = 3;

struct Rung {
    RenditionInfo info;
    QString videoBitrate; // what ffmpeg aims at
    QString level;
};

const QList<Rung> &rungs()
{
    static const QList<Rung> list = {
        {{QStringLiteral("720p"), 1280, 720, 25.0, QStringLiteral("avc1.64001f,mp4a.40.2"),
             1'628'000},
            QStringLiteral("1500k"), QStringLiteral("3.1")},
        {{QStringLiteral("360p"), 640, 360, 25.0, QStringLiteral("avc1.64001e,mp4a.40.2"), 628'000},
            QStringLiteral("500k"), QStringLiteral("3.0")},
    };
    return list;
}

using Clips = QHash<QString, QList<QByteArray>>; // rendition -> its segments' bytes

// Each rung as the ladder makes it, `count` segments of `segmentMs` under `folder`: the same
// source and keyframe instants in every rung, one GOP per segment. Empty, or ffmpeg's complaint.
QByteArray makeClips(const QString &folder, int segmentMs, int count, Clips *clips)
{
    const int gop = 25 * segmentMs / 1000;
    for (const Rung &rung : rungs()) {
        const QString dir = QDir(folder).filePath(rung.info.rendition);
        if (!QDir().mkpath(dir))
            return "cannot create " + dir.toUtf8();
        QByteArray err;
        const int code = runProgram(QStringLiteral("ffmpeg"),
            {"-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t",
                QString::number(count * segmentMs / 1000), "-vf",
                QStringLiteral("scale=%1:%2").arg(rung.info.width).arg(rung.info.height), "-c:v",
                "libx264", "-preset", "ultrafast", "-profile:v", "high", "-level", rung.level,
                "-b:v", rung.videoBitrate, "-g", QString::number(gop), "-keyint_min",
                QString::number(gop), "-sc_threshold", "0", "-force_key_frames",
                QStringLiteral("expr:gte(t,n_forced*%1)").arg(segmentMs / 1000), "-c:a", "aac",
                "-b:a", "64k", "-f", "hls", "-hls_time", QString::number(segmentMs / 1000),
                "-hls_list_size", "0", "-hls_segment_filename", dir + QStringLiteral("/%d.ts"),
                dir + QStringLiteral("/index.m3u8")},
            240000, nullptr, &err);
        if (code != 0)
            return err.isEmpty() ? QByteArray("ffmpeg failed") : err;
        for (int i = 0; i < count; ++i) {
            QFile file(QStringLiteral("%1/%2.ts").arg(dir).arg(i));
            if (!file.open(QIODevice::ReadOnly))
                return "cannot read " + file.fileName().toUtf8();
            (*clips)[rung.info.rendition].append(file.readAll());
        }
    }
    return {};
}

// One EXT-X-STREAM-INF and its URI.
struct StreamInf {
    QHash<QString, QString> attributes;
    QString uri;
};

QList<StreamInf> streamInfs(const QByteArray &master)
{
    static const QRegularExpression attribute(QStringLiteral(R"(([A-Z-]+)=("[^"]*"|[^,]*))"));
    QList<StreamInf> found;
    const QList<QByteArray> lines = master.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        if (!lines[i].startsWith("#EXT-X-STREAM-INF:"))
            continue;
        StreamInf inf;
        const QString list = QString::fromUtf8(lines[i].mid(18));
        for (auto it = attribute.globalMatch(list); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            QString value = match.captured(2);
            if (value.startsWith(u'"'))
                value = value.mid(1, value.size() - 2);
            inf.attributes.insert(match.captured(1), value);
        }
        inf.uri = QString::fromUtf8(lines[i + 1]);
        found.append(inf);
    }
    return found;
}

// ffprobe's "width,height" of every video stream it finds at `url`, in its order.
QStringList probedPictures(const QString &url)
{
    QByteArray out;
    runProgram(QStringLiteral("ffprobe"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
            QStringLiteral("v"), QStringLiteral("-show_entries"),
            QStringLiteral("stream=width,height"), QStringLiteral("-of"), QStringLiteral("csv=p=0"),
            url},
        60000, &out);
    QStringList pictures;
    for (const QByteArray &line : out.split('\n'))
        if (!line.trimmed().isEmpty())
            pictures.append(QString::fromLatin1(line.trimmed()));
    pictures.removeDuplicates(); // a stream is listed under its program too
    return pictures;
}

// Reads `url` with ffmpeg from its first segment for at most `seconds`: exit code, complaints.
int ffmpegReads(const QString &url, int seconds, QByteArray *complaints)
{
    return runProgram(QStringLiteral("ffmpeg"),
        {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-live_start_index"),
            QStringLiteral("0"), QStringLiteral("-i"), url, QStringLiteral("-map"),
            QStringLiteral("0"), QStringLiteral("-t"), QString::number(seconds),
            QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
        60000, nullptr, complaints);
}

} // namespace

class TestHttpMaster : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    StoreFixture m_fixture;
    ChannelDirectory m_channels;
    std::unique_ptr<RenditionDirectory> m_renditions;
    std::unique_ptr<timeshift::BufferIndex> m_buffers;
    RecordingDirectory m_recordings;
    std::unique_ptr<ExportCache> m_exports;
    std::unique_ptr<HttpServer> m_server;
    Clips m_clips; // 1 s segments
    qint64 m_t0 = 0; // start of every 1 s channel's first segment
    int m_committed = 0; // segments of news committed per rendition

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server->port()).arg(path);
    }

    // Segment `index` of every rendition listed, as the ladder and the copy segmenter commit it:
    // the same start and duration in each. The source rendition is a copy of the 720p.
    QString commit(qint64 channelId, int index, const QStringList &renditions)
    {
        for (const QString &rendition : renditions) {
            SegmentInfo info;
            info.channelId = channelId;
            info.rendition = rendition;
            info.startUtcMs = m_t0 + qint64(index) * kSegmentMs;
            info.durationMs = kSegmentMs;
            const QString clip = rendition == kSourceRendition ? QStringLiteral("720p") : rendition;
            const QString error = commitSegment(*m_fixture.store, info, m_clips[clip].at(index));
            if (!error.isEmpty())
                return error;
        }
        return {};
    }

    static QStringList newsRenditions()
    {
        return {kSourceRendition, QStringLiteral("720p"), QStringLiteral("360p")};
    }

    // The peak bits per second of the rung's newest `count` committed segments of news.
    qint64 peakOfNewest(const QString &rendition, int count) const
    {
        qint64 peak = 0;
        for (int i = m_committed - count; i < m_committed; ++i)
            peak
                = std::max<qint64>(peak, m_clips[rendition].at(i).size() * 8LL * 1000 / kSegmentMs);
        return peak;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!haveProgram(QStringLiteral("ffmpeg")) || !haveProgram(QStringLiteral("ffprobe")))
            QFAIL("ffmpeg and ffprobe are needed as independent checkers "
                  "(installer/install-deps.sh)");
        const QString error = m_fixture.open(m_dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QByteArray clipError
            = makeClips(m_dir.filePath("clips"), kSegmentMs, kClipSegments, &m_clips);
        QVERIFY2(clipError.isEmpty(), clipError.constData());

        ChannelConfig news;
        news.id = kNewsId;
        news.name = QStringLiteral("News");
        news.slug = QStringLiteral("news");
        news.sourceUrl = kDemoSourceUrl;
        news.segmentDurationMs = kSegmentMs;
        ChannelConfig plain = news;
        plain.id = kPlainId;
        plain.name = QStringLiteral("Plain");
        plain.slug = QStringLiteral("plain");
        ChannelConfig fresh = news;
        fresh.id = kFreshId;
        fresh.name = QStringLiteral("Fresh");
        fresh.slug = QStringLiteral("fresh");
        for (const ChannelConfig &channel : {news, plain, fresh})
            m_channels.put(channel);

        m_t0 = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000 - kCommittedAtStart * kSegmentMs;
        for (; m_committed < kCommittedAtStart; ++m_committed) {
            QString failure = commit(kNewsId, m_committed, newsRenditions());
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            failure = commit(kPlainId, m_committed, {kSourceRendition});
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }
        // A ladder that has just started: two segments per rung.
        for (int i = 0; i < 2; ++i) {
            const QString failure = commit(kFreshId, i, newsRenditions());
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }

        m_renditions = std::make_unique<RenditionDirectory>(*m_fixture.db);
        QList<RenditionInfo> ladder;
        for (const Rung &rung : rungs())
            ladder.append(rung.info);
        std::reverse(ladder.begin(), ladder.end()); // the directory orders them
        QString storeError;
        QVERIFY2(m_renditions->setLive(kNewsId, ladder, &storeError), qPrintable(storeError));
        QVERIFY2(m_renditions->setLive(kFreshId, ladder, &storeError), qPrintable(storeError));

        Recording done;
        done.id = 1;
        done.channelId = kNewsId;
        done.title = QStringLiteral("Headlines");
        done.startUtcMs = m_t0 + 2000;
        done.endUtcMs = m_t0 + 7000;
        done.state = RecordingState::Finished;
        m_recordings.put(done);
        Recording plainDone = done;
        plainDone.id = 2;
        plainDone.channelId = kPlainId;
        m_recordings.put(plainDone);

        m_buffers = std::make_unique<timeshift::BufferIndex>(*m_fixture.store);
        m_exports = std::make_unique<ExportCache>(*m_fixture.store, m_dir.filePath("exports"));
        m_server = std::make_unique<HttpServer>(*m_fixture.store, m_channels);
        m_server->setBuffers(*m_buffers);
        m_server->setRecordings(m_recordings, *m_exports);
        m_server->setRenditions(m_renditions.get());
        QString startError;
        QVERIFY2(m_server->start(QHostAddress::LocalHost, 0, &startError), qPrintable(startError));
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_exports.reset();
    }

    void liveMasterListsEveryRungHighestFirst()
    {
        const HttpReply reply = httpRequest(url(QStringLiteral("/live/news.m3u8")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/vnd.apple.mpegurl"));
        QCOMPARE(reply.header("Cache-Control"), QByteArray("no-cache"));
        QVERIFY2(reply.body.startsWith("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n"),
            reply.body);
        QVERIFY2(!reply.body.contains("#EXTINF"), reply.body);
        const QList<StreamInf> variants = streamInfs(reply.body);
        QCOMPARE(variants.size(), rungs().size());
        for (int i = 0; i < variants.size(); ++i) {
            const RenditionInfo &rung = rungs().at(i).info; // highest first
            const StreamInf &variant = variants.at(i);
            QCOMPARE(variant.uri, QStringLiteral("/live/news/%1.m3u8").arg(rung.rendition));
            QCOMPARE(variant.attributes.value(QStringLiteral("CODECS")), rung.codecs);
            QCOMPARE(variant.attributes.value(QStringLiteral("RESOLUTION")),
                QStringLiteral("%1x%2").arg(rung.width).arg(rung.height));
            QCOMPARE(
                variant.attributes.value(QStringLiteral("FRAME-RATE")), QStringLiteral("25.000"));
            // Bits per second over the live window, not bytes and not the configured figure.
            const qint64 bandwidth
                = variant.attributes.value(QStringLiteral("BANDWIDTH")).toLongLong();
            const qint64 expected = peakOfNewest(rung.rendition, HttpServer::kLiveWindowSegments);
            QVERIFY2(bandwidth >= expected * 0.8 && bandwidth <= expected * 1.2,
                qPrintable(QStringLiteral("%1: BANDWIDTH %2, segments say %3 bit/s")
                               .arg(rung.rendition)
                               .arg(bandwidth)
                               .arg(expected)));
            const qint64 average
                = variant.attributes.value(QStringLiteral("AVERAGE-BANDWIDTH")).toLongLong();
            QVERIFY2(average > 0 && average <= bandwidth, reply.body);
        }
        QVERIFY(variants.at(0).attributes.value(QStringLiteral("BANDWIDTH")).toLongLong()
            > variants.at(1).attributes.value(QStringLiteral("BANDWIDTH")).toLongLong());
        // The alias the catch-up apps use is the same playlist.
        QCOMPARE(httpRequest(url(QStringLiteral("/news/index.m3u8"))).body, reply.body);
    }

    void ffprobeFindsEveryRung()
    {
        QCOMPARE(probedPictures(url(QStringLiteral("/live/news.m3u8"))),
            QStringList({QStringLiteral("1280,720"), QStringLiteral("640,360")}));
    }

    void eachVariantPlaysWithFfmpeg()
    {
        for (const Rung &rung : rungs()) {
            const QString variant
                = url(QStringLiteral("/live/news/%1.m3u8").arg(rung.info.rendition));
            const HttpReply reply = httpRequest(variant);
            QCOMPARE(reply.status, 200);
            QVERIFY2(
                reply.body.contains(QStringLiteral("/seg/1/%1/").arg(rung.info.rendition).toUtf8()),
                reply.body);
            QCOMPARE(reply.body.count("#EXTINF"), HttpServer::kLiveWindowSegments);
            QCOMPARE(probedPictures(variant),
                QStringList(QStringLiteral("%1,%2").arg(rung.info.width).arg(rung.info.height)));
            QByteArray complaints;
            QCOMPARE(ffmpegReads(variant, 3, &complaints), 0);
            QVERIFY2(complaints.isEmpty(), complaints.constData());
        }
    }

    void beforeThreeSegmentsTheConfiguredBandwidth()
    {
        const HttpReply reply = httpRequest(url(QStringLiteral("/live/fresh.m3u8")));
        QCOMPARE(reply.status, 200);
        const QList<StreamInf> variants = streamInfs(reply.body);
        QCOMPARE(variants.size(), rungs().size());
        for (int i = 0; i < variants.size(); ++i) {
            QCOMPARE(variants.at(i).attributes.value(QStringLiteral("BANDWIDTH")).toLongLong(),
                rungs().at(i).info.bandwidth);
            QVERIFY2(!variants.at(i).attributes.contains(QStringLiteral("AVERAGE-BANDWIDTH")),
                reply.body);
        }
    }

    void channelsWithoutLadderAreUnchanged()
    {
        const HttpReply plain = httpRequest(url(QStringLiteral("/live/plain.m3u8")));
        QCOMPARE(plain.status, 200);
        QVERIFY2(plain.body.contains("#EXTINF") && plain.body.contains("/seg/2/src/")
                && !plain.body.contains("#EXT-X-STREAM-INF"),
            plain.body);
        QCOMPARE(httpRequest(url(QStringLiteral("/live/plain/src.m3u8"))).body, plain.body);
        // The source rendition of a ladder channel stays reachable as it was.
        const HttpReply src = httpRequest(url(QStringLiteral("/live/news/src.m3u8")));
        QCOMPARE(src.status, 200);
        QVERIFY2(src.body.contains("/seg/1/src/"), src.body);
        // A timeshift window and a recording of it: the source's media playlists.
        const qint64 startS = m_t0 / 1000 + 1;
        const HttpReply window = httpRequest(url(
            QStringLiteral("/timeshift/plain.m3u8?start=%1&end=%2").arg(startS).arg(startS + 4)));
        QCOMPARE(window.status, 200);
        QVERIFY2(window.body.contains("/seg/2/src/") && window.body.contains("#EXT-X-ENDLIST"),
            window.body);
        const HttpReply recording = httpRequest(url(QStringLiteral("/recordings/2.m3u8")));
        QCOMPARE(recording.status, 200);
        QVERIFY2(recording.body.contains("/recordings/2/") && recording.body.contains("#EXTINF"),
            recording.body);
    }

    // Windows of the past: a master whose variants name the same absolute range, whichever
    // dialect asked; each variant is the window of its rendition and plays to its end.
    void timeshiftMasterVariantsAgree()
    {
        const qint64 startS = m_t0 / 1000 + 1;
        const qint64 endS = startS + 5;
        const HttpReply reply = httpRequest(
            url(QStringLiteral("/timeshift/news.m3u8?start=%1&end=%2").arg(startS).arg(endS)));
        QCOMPARE(reply.status, 200);
        const QList<StreamInf> variants = streamInfs(reply.body);
        QCOMPARE(variants.size(), rungs().size());
        QCOMPARE(httpRequest(url(QStringLiteral("/news/archive-%1-5.m3u8").arg(startS))).body,
            reply.body);
        for (int i = 0; i < variants.size(); ++i) {
            const RenditionInfo &rung = rungs().at(i).info;
            QCOMPARE(variants.at(i).uri,
                QStringLiteral("/timeshift/news/%1.m3u8?start=%2&end=%3")
                    .arg(rung.rendition)
                    .arg(startS)
                    .arg(endS));
            const HttpReply media = httpRequest(url(variants.at(i).uri));
            QCOMPARE(media.status, 200);
            QVERIFY2(media.body.contains("#EXT-X-PLAYLIST-TYPE:VOD")
                    && media.body.contains(
                        QStringLiteral("/seg/1/%1/").arg(rung.rendition).toUtf8()),
                media.body);
            QCOMPARE(media.body.count("#EXTINF"), 5);
            QByteArray complaints;
            QCOMPARE(ffmpegReads(url(variants.at(i).uri), 30, &complaints), 0);
            QVERIFY2(complaints.isEmpty(), complaints.constData());
        }
        QCOMPARE(probedPictures(url(
                     QStringLiteral("/timeshift/news.m3u8?start=%1&end=%2").arg(startS).arg(endS))),
            QStringList({QStringLiteral("1280,720"), QStringLiteral("640,360")}));

        // From a moment on to live: the variants start there too.
        const HttpReply toLive
            = httpRequest(url(QStringLiteral("/news/archive-%1-now.m3u8").arg(startS)));
        QCOMPARE(toLive.status, 200);
        const QList<StreamInf> growing = streamInfs(toLive.body);
        QCOMPARE(growing.size(), rungs().size());
        QCOMPARE(
            growing.at(0).uri, QStringLiteral("/timeshift/news/720p.m3u8?start=%1").arg(startS));

        // The continuous MPEG-TS form stays the source's.
        const HttpReply ts = httpRequest(url(QStringLiteral("/news/archive-%1-2.ts").arg(startS)));
        QCOMPARE(ts.status, 200);
        QCOMPARE(ts.header("Content-Type"), QByteArray("video/mp2t"));
        QCOMPARE(
            ts.body, m_clips[QStringLiteral("720p")].at(1) + m_clips[QStringLiteral("720p")].at(2));
    }

    void recordingMasterPlays()
    {
        const HttpReply reply = httpRequest(url(QStringLiteral("/recordings/1.m3u8")));
        QCOMPARE(reply.status, 200);
        const QList<StreamInf> variants = streamInfs(reply.body);
        QCOMPARE(variants.size(), rungs().size());
        for (int i = 0; i < variants.size(); ++i) {
            const RenditionInfo &rung = rungs().at(i).info;
            QCOMPARE(
                variants.at(i).uri, QStringLiteral("/recordings/1/%1.m3u8").arg(rung.rendition));
            QCOMPARE(variants.at(i).attributes.value(QStringLiteral("CODECS")), rung.codecs);
            const HttpReply media = httpRequest(url(variants.at(i).uri));
            QCOMPARE(media.status, 200);
            QVERIFY2(media.body.contains(
                         QStringLiteral("/recordings/1/%1/").arg(rung.rendition).toUtf8())
                    && media.body.contains("#EXT-X-ENDLIST"),
                media.body);
            QCOMPARE(media.body.count("#EXTINF"), 5);
            QByteArray complaints;
            QCOMPARE(ffmpegReads(url(variants.at(i).uri), 30, &complaints), 0);
            QVERIFY2(complaints.isEmpty(), complaints.constData());
        }
        QCOMPARE(httpRequest(url(QStringLiteral("/recordings/1/src.m3u8"))).status, 200);
        const HttpReply missing = httpRequest(url(QStringLiteral("/recordings/1/1080p.m3u8")));
        QCOMPARE(missing.status, 404);
        QVERIFY2(missing.body.contains("holds no 1080p rendition"), missing.body);
    }
};

QTEST_GUILESS_MAIN(TestHttpMaster)
#include "tst_http_master.moc"
