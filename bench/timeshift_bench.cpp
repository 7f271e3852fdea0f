// Timeshift benchmarks against the goals of issue "Timeshift and catch-up" (docs/benchmarks.md):
//   timeshift_bench window <segments> <requests>   per request: selectWindow + renderWindow on a
//                                                  built snapshot of <segments> 4 s segments,
//                                                  random starts; prints the median ms of to-live
//                                                  and of range requests
//   timeshift_bench cold <segments>                the BufferIndex's first snapshot of a store
//                                                  holding <segments> (one SQL read + build);
//                                                  prints its ms
//   timeshift_bench extend <segments> <rounds>     the snapshot after one new segment was
//                                                  committed (extend); prints the median ms
// 1,800 segments is a 2 h buffer, 21,600 a 24 h one.
#include "hls/SegmentStore.h"
#include "storage/Database.h"
#include "timeshift/BufferIndex.h"
#include "timeshift/Window.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace panelx;
using namespace panelx::timeshift;

namespace {

constexpr qint64 kChannel = 1;
constexpr qint64 kSegmentMs = 4000;
constexpr int kTargetMs = 4000;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double percentile99(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, values.size() * 99 / 100)];
}

// The buffer as the segmenter leaves it: 4 s segments ending now, an outage now and then.
SegmentInfo segmentAt(int i, qint64 firstStartUtcMs)
{
    SegmentInfo info;
    info.channelId = kChannel;
    info.sequence = 1000 + i;
    info.startUtcMs = firstStartUtcMs + i * kSegmentMs;
    info.durationMs = kSegmentMs;
    info.sizeBytes = 2'500'000;
    info.discontinuity = i % 1000 == 999;
    info.discontinuitySequence = (i + 1) / 1000;
    return info;
}

int window(int count, int requests)
{
    const qint64 nowUtcMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 firstStart = nowUtcMs - count * kSegmentMs;
    QList<SegmentInfo> segments;
    segments.reserve(count);
    for (int i = 0; i < count; ++i)
        segments.append(segmentAt(i, firstStart));
    const auto snapshot = BufferSnapshot::build(segments);
    QRandomGenerator random(42);
    std::vector<double> toLiveMs, rangeMs;
    qint64 bytes = 0;
    for (int r = 0; r < requests; ++r) {
        CatchupRequest request;
        request.channel = QStringLiteral("news");
        request.startUtcMs = firstStart + random.bounded(count * kSegmentMs);
        // Kodi's seek: a default of 4 h capped at now; a programme: an hour.
        const bool toLive = r % 2 == 0;
        request.kind = toLive ? WindowKind::ToLive : WindowKind::Range;
        request.endUtcMs = request.startUtcMs + (r % 4 == 1 ? 4 : 1) * 3'600'000;
        QElapsedTimer timer;
        timer.start();
        const Window selected = selectWindow(*snapshot, request, nowUtcMs, kTargetMs);
        const RenderedWindow rendered = renderWindow(*snapshot, selected, kTargetMs);
        const double ms = timer.nsecsElapsed() / 1e6;
        (toLive ? toLiveMs : rangeMs).push_back(ms);
        if (selected.status != 200)
            qFatal("%s", qPrintable(selected.error));
        bytes += rendered.header.size() + rendered.bodyLength + rendered.trailer.size();
    }
    std::printf("window over %d segments: to-live median %.4f ms (p99 %.4f), range median %.4f ms "
                "(p99 %.4f), %d requests, %lld bytes on average\n",
        count, median(toLiveMs), percentile99(toLiveMs), median(rangeMs), percentile99(rangeMs),
        requests, bytes / requests);
    return 0;
}

// A store whose index holds `count` segments ending now (rows only: building reads the index).
struct FilledStore {
    QTemporaryDir dir;
    Database db {dir.filePath(QStringLiteral("panelx.db"))};
    std::unique_ptr<SegmentStore> store;
    qint64 nowUtcMs = QDateTime::currentMSecsSinceEpoch();

    explicit FilledStore(int count)
    {
        QString error;
        if (!db.open(&error))
            qFatal("%s", qPrintable(error));
        store = std::make_unique<SegmentStore>(db, dir.filePath(QStringLiteral("segments")));
        Transaction transaction(db.connection());
        QSqlQuery insert(db.connection());
        insert.prepare(
            QStringLiteral("INSERT INTO segments (channel_id, rendition, sequence, "
                           "start_utc_ms, duration_ms, size_bytes, discontinuity, "
                           "discontinuity_sequence) VALUES (?, 'src', ?, ?, ?, ?, ?, ?)"));
        const qint64 firstStart = nowUtcMs - count * kSegmentMs;
        for (int i = 0; i < count; ++i) {
            const SegmentInfo info = segmentAt(i, firstStart);
            insert.bindValue(0, kChannel);
            insert.bindValue(1, info.sequence);
            insert.bindValue(2, info.startUtcMs);
            insert.bindValue(3, info.durationMs);
            insert.bindValue(4, info.sizeBytes);
            insert.bindValue(5, info.discontinuity ? 1 : 0);
            insert.bindValue(6, info.discontinuitySequence);
            if (!insert.exec())
                qFatal("cannot index a segment");
        }
        insert.finish();
        QSqlQuery counter(db.connection());
        counter.prepare(QStringLiteral("INSERT INTO sequence_counters (channel_id, rendition, "
                                       "next_sequence) VALUES (?, 'src', ?)"));
        counter.addBindValue(kChannel);
        counter.addBindValue(1000 + count);
        if (!counter.exec())
            qFatal("cannot set the sequence counter");
        if (!transaction.commit())
            qFatal("%s", qPrintable(transaction.errorText()));
    }
};

ChannelConfig channelFor(int count)
{
    ChannelConfig channel;
    channel.id = kChannel;
    channel.bufferMs = count * kSegmentMs;
    return channel;
}

int cold(int count)
{
    FilledStore filled(count);
    BufferIndex index(*filled.store);
    QElapsedTimer timer;
    timer.start();
    const auto snapshot = index.snapshot(channelFor(count), kSourceRendition, filled.nowUtcMs);
    const double ms = timer.nsecsElapsed() / 1e6;
    if (snapshot->size() != count)
        qFatal("the snapshot holds %d segments, not %d", snapshot->size(), count);
    std::printf("%.3f\n", ms);
    return 0;
}

int extend(int count, int rounds)
{
    FilledStore filled(count);
    BufferIndex index(*filled.store);
    const ChannelConfig channel = channelFor(count);
    index.snapshot(channel, kSourceRendition, filled.nowUtcMs);
    std::vector<double> ms;
    qint64 now = filled.nowUtcMs;
    for (int round = 0; round < rounds; ++round) {
        SegmentInfo info;
        info.channelId = kChannel;
        info.startUtcMs = now;
        info.durationMs = kSegmentMs;
        now += kSegmentMs;
        QString error;
        if (!filled.store->prepareTempPath(kChannel, info.rendition, &error))
            qFatal("%s", qPrintable(error));
        QFile file(filled.store->tempPath(kChannel, info.rendition));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(188, 'G')) != 188)
            qFatal("cannot write a segment");
        file.close();
        if (!filled.store->commit(info, &error))
            qFatal("%s", qPrintable(error));
        QElapsedTimer timer;
        timer.start();
        const auto snapshot = index.snapshot(channel, kSourceRendition, now);
        ms.push_back(timer.nsecsElapsed() / 1e6);
        if (snapshot->segments().last().sequence != info.sequence || snapshot->size() != count)
            qFatal("the snapshot did not follow the commit");
    }
    std::printf("%.3f\n", median(ms));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const int count = std::max(1, args.value(2, QStringLiteral("1800")).toInt());
    const int rounds = std::max(1, args.value(3, QStringLiteral("2000")).toInt());
    if (mode == QLatin1String("window"))
        return window(count, rounds);
    if (mode == QLatin1String("cold"))
        return cold(count);
    if (mode == QLatin1String("extend"))
        return extend(count, rounds);
    std::fprintf(
        stderr, "usage: timeshift_bench window|cold|extend <segments> [requests|rounds]\n");
    return 2;
}
