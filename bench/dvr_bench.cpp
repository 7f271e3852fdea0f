// DVR benchmarks against the goals of issue "DVR" (docs/benchmarks.md, "DVR"):
//   dvr_bench retroactive <rounds>   record the whole of a 2 h buffer (1,800 segments of 4 s):
//                                    time to create the recording, and bytes written to media
//   dvr_bench playlist <rounds>      the VOD playlist of a 12 h recording (10,800 segments of
//                                    4 s): index query + rendering, as the server does per request
// Prints the median and the spread of the rounds.
#include "dvr/Recorder.h"
#include "dvr/RecordingDirectory.h"
#include "hls/Playlist.h"
#include "hls/SegmentStore.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace panelx;

namespace {

constexpr qint64 kChannel = 1;
constexpr qint64 kSegmentMs = 4000;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void report(const char *what, const std::vector<double> &ms, double goalMs)
{
    std::printf("%s: median %.2f ms (min %.2f, max %.2f, %zu rounds); goal <= %.0f ms: %s\n", what,
        median(ms), *std::min_element(ms.begin(), ms.end()),
        *std::max_element(ms.begin(), ms.end()), ms.size(), goalMs,
        median(ms) <= goalMs ? "met" : "NOT met");
}

qint64 mediaBytes(const QString &folder)
{
    qint64 total = 0;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

int retroactive(int rounds)
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("panelx.db")));
    QString error;
    if (!db.open(&error))
        qFatal("%s", qPrintable(error));
    SegmentStore store(db, dir.filePath(QStringLiteral("segments")));
    const qint64 nowUtcMs = QDateTime::currentMSecsSinceEpoch();
    const int count = int(2 * 3600 * 1000 / kSegmentMs);
    // Real files and rows, committed as the ingest commits them.
    for (int i = 0; i < count; ++i) {
        SegmentInfo info;
        info.channelId = kChannel;
        info.startUtcMs = nowUtcMs - (count - i) * kSegmentMs;
        info.durationMs = kSegmentMs;
        if (!store.prepareTempPath(kChannel, info.rendition, &error))
            qFatal("%s", qPrintable(error));
        QFile file(store.tempPath(kChannel, info.rendition));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(2048, 'x')) != 2048)
            qFatal("cannot write a segment");
        file.close();
        if (!store.commit(info, &error))
            qFatal("%s", qPrintable(error));
    }
    RecordingDirectory directory;
    Recorder::Hooks hooks;
    hooks.channel = [](qint64 id) -> std::optional<ChannelConfig> {
        ChannelConfig channel;
        channel.id = id;
        channel.name = QStringLiteral("News");
        channel.bufferMs = kMaxBufferMs; // deleting a recording asks for retention
        return channel;
    };
    hooks.measuredBitrate = [](qint64) { return 5'000'000; };
    hooks.demandChanged = [](qint64) {};
    hooks.nowUtcMs = [nowUtcMs] { return nowUtcMs; };
    hooks.diskFreeBytes = [] { return 1'000'000'000'000LL; };
    Recorder recorder(db, store, directory, hooks);
    recorder.load();

    const qint64 bytesBefore = mediaBytes(store.rootDir());
    std::vector<double> ms;
    for (int round = 0; round < rounds; ++round) {
        RecordingRequest request;
        request.channelId = kChannel;
        request.startUtcMs = nowUtcMs - count * kSegmentMs;
        request.minutes = 120;
        QElapsedTimer timer;
        timer.start();
        const RecordingChange change = recorder.create(request);
        ms.push_back(timer.nsecsElapsed() / 1e6);
        if (!change.ok())
            qFatal("%s", qPrintable(change.error));
        if (change.recording.sizeBytes != qint64(count) * 2048)
            qFatal("the recording holds %lld bytes, not the buffer's %lld",
                change.recording.sizeBytes, qint64(count) * 2048);
        recorder.remove(change.recording.id);
    }
    const qint64 written = mediaBytes(store.rootDir()) - bytesBefore;
    report("retroactive recording of a 2 h buffer (1800 segments)", ms, 50);
    std::printf("media bytes written by recording: %lld\n", written);
    return 0;
}

int vodPlaylist(int rounds)
{
    QTemporaryDir dir;
    Database db(dir.filePath(QStringLiteral("panelx.db")));
    QString error;
    if (!db.open(&error))
        qFatal("%s", qPrintable(error));
    SegmentStore store(db, dir.filePath(QStringLiteral("segments")));
    const int count = 10'800;
    const qint64 startUtcMs = QDateTime::currentMSecsSinceEpoch() - count * kSegmentMs;
    {
        // Index rows only: rendering reads the index, never the media.
        Transaction transaction(db.connection());
        QSqlQuery insert(db.connection());
        insert.prepare(
            QStringLiteral("INSERT INTO segments (channel_id, rendition, sequence, "
                           "start_utc_ms, duration_ms, size_bytes, discontinuity, "
                           "discontinuity_sequence) VALUES (?, 'src', ?, ?, ?, ?, ?, ?)"));
        for (int i = 0; i < count; ++i) {
            insert.bindValue(0, kChannel);
            insert.bindValue(1, 1000 + i);
            insert.bindValue(2, startUtcMs + i * kSegmentMs);
            insert.bindValue(3, kSegmentMs);
            insert.bindValue(4, 2'500'000);
            insert.bindValue(5, i % 1000 == 999 ? 1 : 0); // an outage now and then
            insert.bindValue(6, i / 1000);
            if (!insert.exec())
                qFatal("cannot index a segment");
        }
        insert.finish();
        if (!transaction.commit())
            qFatal("%s", qPrintable(transaction.errorText()));
    }
    playlist::MediaOptions options;
    options.uriPrefix = QStringLiteral("/recordings/1/");
    options.targetDurationMs = int(kSegmentMs);
    options.endList = true;
    options.playlistType = QStringLiteral("VOD");
    std::vector<double> ms;
    qsizetype bytes = 0;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        const QList<SegmentInfo> segments
            = store.byTime(kChannel, kSourceRendition, startUtcMs, startUtcMs + count * kSegmentMs);
        const QByteArray body = playlist::renderMedia(segments, options);
        ms.push_back(timer.nsecsElapsed() / 1e6);
        if (segments.size() != count)
            qFatal("the recording has %lld segments, not %d", qint64(segments.size()), count);
        bytes = body.size();
    }
    report("VOD playlist of a 12 h recording (10800 segments)", ms, 20);
    std::printf("playlist size: %lld bytes\n", qint64(bytes));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const int rounds = std::max(1, args.value(2, QStringLiteral("15")).toInt());
    if (mode == QLatin1String("retroactive"))
        return retroactive(rounds);
    if (mode == QLatin1String("playlist"))
        return vodPlaylist(rounds);
    std::fprintf(stderr, "usage: dvr_bench retroactive|playlist [rounds]\n");
    return 2;
}
