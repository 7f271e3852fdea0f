// Engine benchmarks against the goals of docs/benchmarks.md:
//   engine_bench scale <clip.ts> <channels>...   channels kept live, CPU and RSS per channel
//   engine_bench startup <clip.ts> <runs>        channel start -> first playlist with a segment
// Sources are the clip read at its native rate (a file channel behaves like a live one).
#include "Engine.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
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

double rssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return 0;
}

void runFor(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
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
    const double rssBefore = rssMb();
    Instance instance;
    if (!instance.start())
        return 1;
    for (int i = 0; i < channels; ++i)
        instance.engine->addChannel(fileChannel(clip, i));
    runFor(8000); // warm-up: every channel opened and cut its first segment
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
    runFor(seconds * 1000);
    const double elapsedS = wall.elapsed() / 1000.0;
    const double cpu = cpuSeconds() - cpuBefore;
    const double rss = rssMb();
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
            runFor(20);
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
    std::fprintf(
        stderr, "usage: engine_bench scale <clip.ts> <channels>... | startup <clip.ts> <runs>\n");
    return 2;
}
