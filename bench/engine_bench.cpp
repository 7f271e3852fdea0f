// Engine benchmarks against the goals of docs/benchmarks.md:
//   engine_bench scale <clip.ts> <channels>...   channels kept live, CPU and RSS per channel
//   engine_bench startup <clip.ts> <runs>        channel start -> first playlist with a segment
//   engine_bench store <channels> <rounds>       segment store: commit, retention and live
//                                                playlist cost, fresh vs steady state vs 24 h
// Sources are the clip read at its native rate (a file channel behaves like a live one).
#include "BenchSupport.h"
#include "Engine.h"
#include "hls/Playlist.h"
#include "hls/SegmentStore.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sys/resource.h>

using namespace panelx;

namespace {

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

template<typename Signal> bool waitForSignal(Engine &engine, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    bool fired = false;
    auto connection = QObject::connect(&engine, signal, &loop, [&] {
        fired = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(connection);
    return fired;
}

QByteArray fetch(QNetworkAccessManager &manager, const QString &url)
{
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(url)));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body
        = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    reply->deleteLater();
    return body;
}

struct Instance {
    QTemporaryDir dir;
    std::unique_ptr<Engine> engine;

    bool start()
    {
        EngineOptions options;
        options.dataDir = dir.path();
        options.httpPort = 0;
        options.listenAddress = QHostAddress::LocalHost;
        options.createDemoChannel = false;
        engine = std::make_unique<Engine>(options);
        QTimer::singleShot(0, engine.get(), &Engine::start);
        return waitForSignal(*engine, &Engine::started, 10000);
    }
    void stop()
    {
        QTimer::singleShot(0, engine.get(), &Engine::stop);
        waitForSignal(*engine, &Engine::stopped, 60000);
    }
};

ChannelConfig fileChannel(const QString &clip, int index)
{
    ChannelConfig channel;
    channel.name = QStringLiteral("Bench %1").arg(index);
    channel.sourceUrl = clip;
    channel.bufferMs = 60'000;
    return channel;
}

// One step of the scale run: N channels for `seconds`; a channel keeps up when it cut as many
// segments in the measured window as real time allows (one fewer for the window's edges).
int scaleStep(const QString &clip, int channels, int seconds)
{
    const double rssBefore = bench::rssMb();
    Instance instance;
    if (!instance.start())
        return 1;
    for (int i = 0; i < channels; ++i)
        instance.engine->addChannel(fileChannel(clip, i));
    bench::runFor(8000); // warm-up: every channel opened and cut its first segment
    QHash<qint64, qint64> segmentsBefore;
    const double cpuBefore = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QNetworkAccessManager manager;
    // The sequence number after the newest segment in the live playlist: the difference
    // between two readings is how many segments were cut in between.
    auto segmentsCut = [&](const ChannelConfig &channel) -> qint64 {
        const QByteArray body = fetch(manager, instance.engine->liveUrl(channel));
        qint64 first = -1;
        for (const QByteArray &line : body.split('\n'))
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:"))
                first = line.mid(22).toLongLong();
        const int count = body.count("#EXTINF:");
        return first < 0 ? -1 : first + count;
    };
    for (const ChannelConfig &channel : instance.engine->channels())
        segmentsBefore[channel.id] = segmentsCut(channel);
    bench::runFor(seconds * 1000);
    const double elapsedS = wall.elapsed() / 1000.0;
    const double cpu = cpuSeconds() - cpuBefore;
    const double rss = bench::rssMb();
    int keptUp = 0;
    const int expectedSegments = static_cast<int>(elapsedS * 1000 / kDefaultSegmentDurationMs);
    for (const ChannelConfig &channel : instance.engine->channels()) {
        const qint64 cut = segmentsCut(channel) - segmentsBefore.value(channel.id);
        if (cut >= expectedSegments - 1)
            ++keptUp;
    }
    instance.stop();
    std::printf("scale channels=%d kept_up=%d cpu_cores=%.2f rss_mb=%.1f rss_per_channel_mb=%.2f\n",
        channels, keptUp, cpu / elapsedS, rss, (rss - rssBefore) / channels);
    std::fflush(stdout);
    return 0;
}

int startup(const QString &clip, int runs)
{
    Instance instance;
    if (!instance.start())
        return 1;
    QNetworkAccessManager manager;
    QList<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        ChannelConfig added;
        auto connection = QObject::connect(instance.engine.get(), &Engine::channelAdded,
            [&](const ChannelConfig &channel) { added = channel; });
        instance.engine->addChannel(fileChannel(clip, run));
        QObject::disconnect(connection);
        QDeadlineTimer deadline(30000);
        bool ok = false;
        while (!deadline.hasExpired()) {
            if (fetch(manager, instance.engine->liveUrl(added)).contains("#EXTINF:")) {
                ok = true;
                break;
            }
            bench::runFor(20);
        }
        times << (ok ? timer.elapsed() / 1000.0 : -1);
        instance.engine->removeChannel(added.id);
    }
    instance.stop();
    std::sort(times.begin(), times.end());
    QStringList all;
    for (double t : times)
        all << QString::number(t, 'f', 2);
    std::printf("startup runs=%d median_s=%.2f target_s=%.1f all=[%s]\n", runs,
        times[times.size() / 2], kDefaultSegmentDurationMs / 1000.0 + 1.0,
        qPrintable(all.join(QLatin1Char(' '))));
    return 0;
}

// Median and 99th percentile of microsecond samples, in milliseconds.
QString summarize(QList<qint64> samplesUs)
{
    if (samplesUs.isEmpty())
        return QStringLiteral("n/a");
    std::sort(samplesUs.begin(), samplesUs.end());
    const auto at
        = [&](double q) { return samplesUs[qsizetype(q * (samplesUs.size() - 1))] / 1000.0; };
    return QStringLiteral("median %1 ms p99 %2 ms")
        .arg(at(0.5), 0, 'f', 3)
        .arg(at(0.99), 0, 'f', 3);
}

// One case of the store benchmark: `channels` channels whose index already holds
// `rowsPerChannel` 4 s segments (inserted directly, no files), then `rounds` commits per channel
// of a small segment, each followed by the retention a segmenter asks for and by a live
// playlist render, as a player polling the channel would cause.
int storeCase(const char *name, int channels, int rowsPerChannel, qint64 bufferMs, int rounds)
{
    constexpr qint64 kSegmentMs = 4000;
    constexpr qint64 kBaseUtcMs = 1'800'000'000'000;
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("panelx.db")));
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    // Retention's clock follows the newest segment, as a live channel's wall clock does.
    auto nowUtcMs = std::make_shared<std::atomic<qint64>>(kBaseUtcMs + rowsPerChannel * kSegmentMs);
    StoreClocks clocks {
        [nowUtcMs] { return nowUtcMs->load(); }, [nowUtcMs] { return nowUtcMs->load(); }};
    SegmentStore store(db, dir.filePath(QStringLiteral("segments")), clocks);

    QElapsedTimer timer;
    timer.start();
    {
        QSqlDatabase connection = db.connection();
        Transaction transaction(connection);
        QSqlQuery insert(connection);
        insert.prepare(
            QStringLiteral("INSERT INTO segments (channel_id, rendition, sequence, "
                           "start_utc_ms, duration_ms, size_bytes) VALUES (?, ?, ?, ?, ?, ?)"));
        QSqlQuery counter(connection);
        counter.prepare(QStringLiteral("INSERT INTO sequence_counters (channel_id, rendition, "
                                       "next_sequence) VALUES (?, ?, ?)"));
        for (int channel = 1; channel <= channels; ++channel) {
            for (int i = 0; i < rowsPerChannel; ++i) {
                insert.bindValue(0, channel);
                insert.bindValue(1, kSourceRendition);
                insert.bindValue(2, i);
                insert.bindValue(3, kBaseUtcMs + i * kSegmentMs);
                insert.bindValue(4, kSegmentMs);
                insert.bindValue(5, 2'600'000);
                if (!insert.exec()) {
                    std::fprintf(stderr, "insert failed\n");
                    return 1;
                }
            }
            counter.bindValue(0, channel);
            counter.bindValue(1, kSourceRendition);
            counter.bindValue(2, rowsPerChannel);
            counter.exec();
        }
        insert.finish();
        counter.finish();
        if (!transaction.commit()) {
            std::fprintf(stderr, "%s\n", qPrintable(transaction.errorText()));
            return 1;
        }
    }
    const double fillS = timer.elapsed() / 1000.0;

    const QByteArray payload(64 * 1024, 'p');
    QList<qint64> commitUs, retentionUs, firstRenderUs, renderUs;
    playlist::MediaOptions options;
    options.uriPrefix = QStringLiteral("/seg/1/src/");
    for (int round = 0; round < rounds; ++round) {
        *nowUtcMs += kSegmentMs;
        for (int channel = 1; channel <= channels; ++channel) {
            SegmentInfo info;
            info.channelId = channel;
            info.startUtcMs = nowUtcMs->load() - kSegmentMs;
            info.durationMs = kSegmentMs;
            QFile temp(store.tempPath(channel, kSourceRendition));
            if (!store.prepareTempPath(channel, kSourceRendition, &error)
                || !temp.open(QIODevice::WriteOnly) || temp.write(payload) != payload.size()) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(temp.fileName()));
                return 1;
            }
            temp.close();
            timer.restart();
            if (!store.commit(info, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            commitUs << timer.nsecsElapsed() / 1000;
            timer.restart();
            store.requestRetention(channel, bufferMs);
            store.waitForHousekeeping();
            retentionUs << timer.nsecsElapsed() / 1000;
            for (int poll = 0; poll < 5; ++poll) {
                timer.restart();
                const QByteArray text
                    = playlist::renderMedia(store.latest(channel, kSourceRendition, 6), options);
                (poll == 0 ? firstRenderUs : renderUs) << timer.nsecsElapsed() / 1000;
                if (text.isEmpty())
                    return 1;
            }
        }
    }
    QSqlQuery count(db.connection());
    count.exec(QStringLiteral("SELECT COUNT(*) FROM segments"));
    count.next();
    std::printf("store case=%s channels=%d rows_per_channel=%d buffer_s=%lld rounds=%d fill_s=%.1f "
                "rows_after=%lld\n"
                "  commit:                 %s\n"
                "  retention pass:         %s\n"
                "  playlist after commit:  %s\n"
                "  playlist (warm):        %s\n"
                "  live-window loads from SQL: %lld\n",
        name, channels, rowsPerChannel, bufferMs / 1000, rounds, fillS, count.value(0).toLongLong(),
        qPrintable(summarize(commitUs)), qPrintable(summarize(retentionUs)),
        qPrintable(summarize(firstRenderUs)), qPrintable(summarize(renderUs)), store.cacheLoads());
    std::fflush(stdout);
    return 0;
}

int storeBench(int channels, int rounds)
{
    constexpr int kDayOfSegments = 24 * 3600 / 4;
    if (int rc = storeCase("fresh", channels, 0, kMaxBufferMs, rounds))
        return rc;
    // A 2 min buffer (30 segments) already full: every commit makes one segment expire.
    if (int rc = storeCase("steady-short-buffer", channels, 31, 120'000, rounds))
        return rc;
    // A full 24 h buffer: every commit makes the oldest of 21,600 segments expire.
    return storeCase("steady-24h-index", channels, kDayOfSegments, kMaxBufferMs, rounds);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() >= 4 && args[1] == QLatin1String("scale")) {
        for (int i = 3; i < args.size(); ++i)
            if (int rc = scaleStep(args[2], args[i].toInt(), 40))
                return rc;
        return 0;
    }
    if (args.size() == 4 && args[1] == QLatin1String("startup"))
        return startup(args[2], args[3].toInt());
    if (args.size() == 4 && args[1] == QLatin1String("store"))
        return storeBench(args[2].toInt(), args[3].toInt());
    std::fprintf(stderr,
        "usage: engine_bench scale <clip.ts> <channels>... | startup <clip.ts> <runs> | store "
        "<channels> <rounds>\n");
    return 2;
}
