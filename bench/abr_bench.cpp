// Adaptive bitrate benchmarks (docs/benchmarks.md, "Adaptive bitrate"):
//   abr_bench ladder <input> <output-dir> [segment-ms] [preset] [rungs]
//       feeds a file as fast as possible through one Transcoder (decode once, a rung per
//       encoder) into a fresh segment store; wall and CPU seconds and each rung's segment
//       folder. bench/abr.sh compares it with the ffmpeg command line doing the same job.
//   abr_bench channels <clip> <channels> <seconds> [rungs] [preset]
//       that many channels of a clip read at its native rate in one engine, each with the
//       ladder on: whether every rung keeps up with real time, and the RSS per channel.
#include "BenchSupport.h"
#include "Engine.h"
#include "hls/SegmentStore.h"
#include "ingest/DemuxSource.h"
#include "storage/Database.h"
#include "transcode/Ladder.h"
#include "transcode/RenditionDirectory.h"
#include "transcode/Transcoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace panelx;

namespace {

double toSeconds(const timeval &time)
{
    return time.tv_sec + time.tv_usec / 1e6;
}

AbrConfig ladderOf(const QString &rungs, const QString &preset)
{
    AbrConfig abr;
    abr.enabled = true;
    if (!rungs.isEmpty())
        abr.rungs = ladder::parseRungList(rungs);
    if (!preset.isEmpty())
        abr.preset = preset;
    return abr;
}

int ladderRun(const QString &input, const QString &outputDir, int segmentMs, const AbrConfig &abr)
{
    for (const FieldError &problem : ladder::validate(abr)) {
        std::fprintf(stderr, "%s\n", qPrintable(problem.message));
        return 2;
    }
    QDir().mkpath(outputDir);
    Database db(QDir(outputDir).filePath(QStringLiteral("panelx.db")));
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "database: %s\n", qPrintable(error));
        return 1;
    }
    SegmentStore store(db, QDir(outputDir).filePath(QStringLiteral("segments")));
    RenditionDirectory directory(db);

    QElapsedTimer wall;
    wall.start();
    SourceControl control;
    SourceOptions sourceOptions;
    sourceOptions.paceFiles = false;
    DemuxSource source(input, control, sourceOptions);
    if (!source.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    TranscoderOptions options;
    options.channelId = 1;
    options.targetDurationMs = segmentMs;
    options.abr = abr;
    options.applyRetention = false; // everything is kept, as ffmpeg's outputs are
    options.directory = &directory;
    Transcoder transcoder(store, options);
    IngestSession session;
    session.channelId = 1;
    session.url = input;
    session.streams = source.streams();
    session.realTime = false;
    session.number = 1;
    if (!transcoder.sessionStarted(session, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    AvPacketPtr packet = makeAvPacket();
    qint64 packets = 0;
    ReadResult result;
    while ((result = source.read(packet.get(), &error)) == ReadResult::Packet) {
        transcoder.packetReceived(*packet);
        av_packet_unref(packet.get());
        ++packets;
    }
    transcoder.sessionEnded();
    const double wallS = wall.elapsed() / 1000.0;
    if (result != ReadResult::Ended) {
        std::fprintf(stderr, "%s\n",
            qPrintable(
                error.isEmpty() ? QStringLiteral("the input's streams changed mid-file") : error));
        return 1;
    }

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("packets %lld wall %.3f s user %.3f s sys %.3f s cpu %.3f s max_rss %.1f MB\n",
        packets, wallS, toSeconds(usage.ru_utime), toSeconds(usage.ru_stime),
        toSeconds(usage.ru_utime) + toSeconds(usage.ru_stime), usage.ru_maxrss / 1024.0);
    for (const RungStatus &rung : transcoder.rungs()) {
        const auto segments = store.latest(1, rung.rendition, 1'000'000);
        std::printf("rung %s %dx%d %s segments %lld frames_dropped %lld dir %s\n",
            qPrintable(rung.rendition), rung.width, rung.height,
            qPrintable(rungStateName(rung.state)), qint64(segments.size()), rung.framesDropped,
            qPrintable(store.segmentDir(1, rung.rendition)));
    }
    return 0;
}

// `count` channels of the clip, each with the ladder, for `seconds` after a warm-up. A channel
// keeps up when at every reading (once a second) every rung could encode at real time or
// faster (the transcoder's speed: media time per busy time), dropped no frame, neither fell
// behind nor was shed, and encoded the source's frame rate on average.
int channelsRun(const QString &clip, int count, int seconds, const AbrConfig &abr)
{
    const double rssBefore = bench::rssMb();
    QTemporaryDir dir;
    EngineOptions engineOptions;
    engineOptions.dataDir = dir.path();
    engineOptions.httpPort = 0;
    engineOptions.listenAddress = QHostAddress::LocalHost;
    engineOptions.createDemoChannel = false;
    Engine engine(engineOptions);
    {
        QEventLoop loop;
        QObject::connect(&engine, &Engine::started, &loop, &QEventLoop::quit);
        QObject::connect(&engine, &Engine::startFailed, &loop, [&](const QString &reason) {
            std::fprintf(stderr, "%s\n", qPrintable(reason));
            loop.exit(1);
        });
        QTimer::singleShot(0, &engine, &Engine::start);
        if (loop.exec() != 0)
            return 1;
    }
    const double rssStarted = bench::rssMb();
    for (int i = 0; i < count; ++i) {
        ChannelConfig channel;
        channel.name = QStringLiteral("ABR %1").arg(i);
        channel.sourceUrl = clip;
        channel.bufferMs = 60'000;
        channel.abr = abr;
        engine.addChannel(channel);
    }
    bench::runFor(15000); // warm-up: every channel opened, every rung cut its first segments

    struct Rung {
        double minSpeed = 1e9;
        double fpsSum = 0; // encoded frames per second, summed over the readings
        int readings = 0;
        double frameRate = 0;
        qint64 droppedBefore = -1;
        qint64 dropped = 0;
        QString worstState;
        QString message;
    };
    QMap<std::pair<qint64, QString>, Rung> rungs;
    QElapsedTimer wall;
    wall.start();
    rusage before {};
    getrusage(RUSAGE_SELF, &before);
    while (wall.elapsed() < seconds * 1000) {
        for (const ChannelConfig &channel : engine.channels()) {
            const ChannelStatus status = engine.status(channel.id);
            for (const RungStatus &figures : status.rungs) {
                Rung &rung = rungs[{channel.id, figures.rendition}];
                rung.minSpeed = std::min(rung.minSpeed, figures.speed);
                rung.fpsSum += figures.encodedFps;
                ++rung.readings;
                rung.frameRate = figures.frameRate;
                if (rung.droppedBefore < 0)
                    rung.droppedBefore = figures.framesDropped;
                rung.dropped = figures.framesDropped - rung.droppedBefore;
                if (figures.state != RungState::Running) {
                    rung.worstState = rungStateName(figures.state);
                    rung.message = figures.message;
                }
            }
        }
        bench::runFor(1000);
    }
    rusage after {};
    getrusage(RUSAGE_SELF, &after);
    const double elapsedS = wall.elapsed() / 1000.0;
    const double cpu = toSeconds(after.ru_utime) + toSeconds(after.ru_stime)
        - toSeconds(before.ru_utime) - toSeconds(before.ru_stime);
    const double rss = bench::rssMb();

    int keptUp = 0;
    for (const ChannelConfig &channel : engine.channels()) {
        bool kept = true;
        int rungCount = 0;
        for (const auto &[key, rung] : rungs.asKeyValueRange()) {
            if (key.first != channel.id)
                continue;
            ++rungCount;
            // Frames the ingest dropped before the ladder saw them (a decoder that cannot
            // keep up) show as fewer frames encoded than the source has.
            const double fps = rung.readings > 0 ? rung.fpsSum / rung.readings : 0;
            const bool ok = rung.minSpeed >= 1.0 && rung.dropped == 0 && rung.worstState.isEmpty()
                && fps >= 0.95 * rung.frameRate;
            kept = kept && ok;
            std::printf("  channel %lld %s min_speed %.2f fps %.1f of %.1f dropped %lld%s%s\n",
                channel.id, qPrintable(key.second), rung.minSpeed, fps, rung.frameRate,
                rung.dropped,
                rung.worstState.isEmpty() ? ""
                                          : qPrintable(QStringLiteral(" state ") + rung.worstState),
                rung.message.isEmpty() ? ""
                                       : qPrintable(QStringLiteral(" (") + rung.message + ')'));
        }
        if (kept && rungCount == abr.rungs.size())
            ++keptUp;
    }
    {
        QEventLoop loop;
        QObject::connect(&engine, &Engine::stopped, &loop, &QEventLoop::quit);
        QTimer::singleShot(0, &engine, &Engine::stop);
        loop.exec();
    }
    std::printf(
        "channels %d kept_up %d cpu_cores %.2f load %.2f rss_mb %.1f "
        "rss_engine_mb %.1f rss_per_channel_mb %.1f\n",
        count, keptUp, cpu / elapsedS,
        [] {
            double load[1] {};
            return getloadavg(load, 1) == 1 ? load[0] : -1.0;
        }(),
        rss, rssStarted - rssBefore, (rss - rssStarted) / count);
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto arg = [&](int i) { return args.size() > i ? args[i] : QString(); };
    if (args.size() >= 4 && args[1] == QLatin1String("ladder"))
        return ladderRun(args[2], args[3],
            args.size() > 4 ? args[4].toInt() : kDefaultSegmentDurationMs,
            ladderOf(arg(6), arg(5)));
    if (args.size() >= 5 && args[1] == QLatin1String("channels"))
        return channelsRun(args[2], args[3].toInt(), args[4].toInt(), ladderOf(arg(5), arg(6)));
    std::fprintf(stderr,
        "usage: abr_bench ladder <input> <output-dir> [segment-ms] [preset] [rungs]\n"
        "       abr_bench channels <clip> <channels> <seconds> [rungs] [preset]\n");
    return 2;
}
