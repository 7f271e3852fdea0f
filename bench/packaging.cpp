// Packaging benchmark driver: runs the engine's copy-mode Segmenter over a media file as fast
// as possible (no pacing) into a fresh segment store, the same work a live channel does per
// packet. bench/packaging.sh compares its CPU time with `ffmpeg -c copy -f hls`.
#include "hls/SegmentStore.h"
#include "hls/Segmenter.h"
#include "ingest/DemuxSource.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <cstdio>
#include <sys/resource.h>

using namespace panelx;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: %s INPUT OUTPUT_DIR [SEGMENT_MS]\n", argv[0]);
        return 2;
    }
    const QString input = args[1];
    const QString outputDir = args[2];
    const int segmentMs = args.size() > 3 ? args[3].toInt() : kDefaultSegmentDurationMs;
    QDir().mkpath(outputDir);

    Database db(QDir(outputDir).filePath("panelx.db"));
    QString error;
    if (!db.open(&error)) {
        std::fprintf(stderr, "database: %s\n", qPrintable(error));
        return 1;
    }
    SegmentStore store(db, QDir(outputDir).filePath("segments"));

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
    SegmenterOptions options;
    options.channelId = 1;
    options.targetDurationMs = segmentMs;
    options.applyRetention = false; // everything is kept, as ffmpeg's hls_list_size 0 does
    Segmenter segmenter(store, options);
    IngestSession session;
    session.channelId = 1;
    session.url = input;
    session.streams = source.streams();
    session.realTime = false;
    session.number = 1;
    if (!segmenter.sessionStarted(session, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    AvPacketPtr packet = makeAvPacket();
    qint64 packets = 0;
    ReadResult result;
    while ((result = source.read(packet.get(), &error)) == ReadResult::Packet
        || result == ReadResult::StreamsChanged) {
        if (result == ReadResult::StreamsChanged) {
            segmenter.sessionEnded();
            session.streams = source.streams();
            if (!segmenter.sessionStarted(session, &error)) {
                std::fprintf(stderr, "%s\n", qPrintable(error));
                return 1;
            }
            continue;
        }
        segmenter.packetReceived(*packet);
        av_packet_unref(packet.get());
        ++packets;
    }
    segmenter.sessionEnded();
    if (result == ReadResult::Failed) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("packets %lld segments %lld dropped %lld wall %.3f s user %.3f s sys %.3f s\n",
        packets, segmenter.segmentsCommitted(), segmenter.packetsDropped(), wall.elapsed() / 1000.0,
        usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6,
        usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6);
    return 0;
}
