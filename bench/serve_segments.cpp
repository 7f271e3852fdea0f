// Serving benchmark helper: fills a SegmentStore with N segment files of a given size for one
// channel "bench" and serves them with the engine's HttpServer until SIGINT/SIGTERM. Prints
// one line "READY port=<p> root=<segment root> channel=<id> segments=<first>-<last>" so
// bench/serving.sh can point nginx at the same files under the same URLs. With
// --commit-interval-ms it keeps committing segments meanwhile, each commit followed by
// retention over a buffer of N segments (so every commit removes one): the steady state of a
// live channel, sped up. With --ending-now the segments are the channel's last hours up to now,
// its buffer exactly as long, and timeshift windows (/timeshift/bench.m3u8?start=…) are served
// from them: bench/timeshift_serving.sh.
#include "ChannelDirectory.h"
#include "hls/SegmentStore.h"
#include "http/HttpServer.h"
#include "storage/Database.h"
#include "timeshift/BufferIndex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

using namespace panelx;

int main(int argc, char *argv[])
{
    // Block the stop signals before any thread starts, so only sigwait below receives them.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription("Serves generated segment files with PanelX's HTTP server.");
    parser.addHelpOption();
    parser.addOptions({
        {"port", "Port to listen on (0 = any free port).", "port", "0"},
        {"threads", "Event-loop threads of the server (0 = one per core).", "n", "1"},
        {"per-address",
            "Connections one client address may hold (default: the server's own default; wrk's "
            "connections all come from one address, so give it at least as many).",
            "n", QString::number(HttpServerOptions {}.maxConnectionsPerAddress)},
        {"segments", "Number of segment files.", "n", "20"},
        {"size", "Bytes per segment file.", "bytes", "1048576"},
        {"data-dir", "Folder for the database and segments (default: a temporary one).", "dir"},
        {"commit-interval-ms",
            "Commit a new segment this often while serving, retention keeping the newest "
            "--segments (0 = a still store).",
            "ms", "0"},
        {"ending-now",
            "The segments end now (the channel's past hours) and the channel's buffer holds them "
            "all, so timeshift windows can be asked for."},
    });
    parser.process(app);

    QTemporaryDir temp;
    const QString dataDir = parser.isSet("data-dir") ? parser.value("data-dir") : temp.path();
    QDir().mkpath(dataDir);
    Database db(dataDir + "/bench.sqlite");
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(error));
        return 1;
    }
    // Retention's clock is the newest segment's end, so each steady-state commit ages out
    // exactly the oldest segment whatever the real pace.
    constexpr qint64 kSegmentMs = 4000;
    const int count = parser.value("segments").toInt();
    const bool endingNow = parser.isSet("ending-now");
    const qint64 startUtcMs
        = QDateTime::currentMSecsSinceEpoch() - (endingNow ? count * kSegmentMs : 0);
    std::atomic<qint64> committed {0};
    StoreClocks clocks = StoreClocks::system();
    clocks.wallUtcMs = [&] { return startUtcMs + committed * kSegmentMs; };
    SegmentStore store(db, dataDir + "/segments", clocks);
    ChannelConfig channel;
    channel.id = 1;
    channel.name = "Bench";
    channel.slug = "bench";
    channel.sourceUrl = kDemoSourceUrl;
    if (endingNow)
        channel.bufferMs = count * kSegmentMs + 3600 * 1000; // nothing ages out while measuring
    ChannelDirectory directory;
    directory.put(channel);

    const qint64 size = parser.value("size").toLongLong();
    QByteArray payload(size, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (qint64 i = 0; i + 4 <= size; i += 4)
        *reinterpret_cast<quint32 *>(payload.data() + i) = generator.generate();
    // Commits the next segment of a 4 s cadence; -1 (after printing why) when it cannot.
    const auto commitNext = [&]() -> qint64 {
        SegmentInfo info;
        info.channelId = channel.id;
        info.startUtcMs = startUtcMs + committed * kSegmentMs;
        info.durationMs = int(kSegmentMs);
        QFile file(store.tempPath(channel.id, kSourceRendition));
        QString commitError;
        if (!store.prepareTempPath(channel.id, kSourceRendition, &commitError)
            || !file.open(QIODevice::WriteOnly) || file.write(payload) != size) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(file.fileName()));
            return -1;
        }
        file.close();
        if (!store.commit(info, &commitError)) {
            std::fprintf(stderr, "%s\n", qPrintable(commitError));
            return -1;
        }
        ++committed;
        return info.sequence;
    };
    qint64 first = -1;
    qint64 last = -1;
    for (int i = 0; i < count; ++i) {
        last = commitNext();
        if (last < 0)
            return 1;
        first = first < 0 ? last : first;
    }

    HttpServerOptions options;
    options.threads = parser.value("threads").toInt();
    options.maxConnectionsPerAddress = parser.value("per-address").toInt();
    HttpServer server(store, directory, options);
    timeshift::BufferIndex buffers(store);
    server.setBuffers(buffers);
    if (!server.start(QHostAddress::LocalHost, quint16(parser.value("port").toUInt()), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::printf("READY port=%u root=%s channel=%lld segments=%lld-%lld\n", server.port(),
        qPrintable(store.rootDir()), channel.id, first, last);
    std::fflush(stdout);

    const int commitIntervalMs = parser.value("commit-interval-ms").toInt();
    std::atomic<qint64> removed {0};
    std::jthread committer;
    if (commitIntervalMs > 0)
        committer = std::jthread([&](std::stop_token stop) {
            while (!stop.stop_requested()) {
                std::this_thread::sleep_for(std::chrono::milliseconds(commitIntervalMs));
                if (commitNext() < 0)
                    return;
                removed += store.applyRetention(channel.id, count * kSegmentMs);
            }
        });

    int received = 0;
    sigwait(&stopSignals, &received);
    if (committer.joinable()) {
        committer.request_stop();
        committer.join();
        std::fprintf(stderr,
            "steady state: %lld segments committed while serving, %lld removed "
            "by retention\n",
            qint64(committed) - count, qint64(removed));
    }
    server.stop();
    return 0;
}
