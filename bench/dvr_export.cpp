// Recording export benchmark driver: remuxes the segments an HLS media playlist lists (as a
// recording's stored segments, EXT-X-DISCONTINUITY marking reconnects) into one file with
// RecordingExport. bench/dvr_export.sh compares its CPU time with
// `ffmpeg -i <playlist> -c copy -movflags +faststart out.mp4`.
#include "av/AvError.h"
#include "dvr/RecordingExport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <cstdio>
#include <sys/resource.h>

using namespace panelx;

namespace {

// The segments of a media playlist, with their discontinuity marks and durations.
QList<ExportPart> readPlaylist(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const QDir folder = QFileInfo(path).absoluteDir();
    QList<ExportPart> parts;
    ExportPart next;
    QTextStream lines(&file);
    while (!lines.atEnd()) {
        const QString line = lines.readLine().trimmed();
        if (line.startsWith(QLatin1String("#EXTINF:"))) {
            next.durationMs
                = qRound64(line.mid(8).section(QLatin1Char(','), 0, 0).toDouble() * 1000);
        } else if (line == QLatin1String("#EXT-X-DISCONTINUITY")) {
            next.discontinuity = true;
        } else if (!line.isEmpty() && !line.startsWith(QLatin1Char('#'))) {
            next.path = folder.filePath(line);
            parts << next;
            next = {};
        }
    }
    if (parts.isEmpty())
        *error = QStringLiteral("%1 lists no segments").arg(path);
    return parts;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    installAvLogCapture(); // as the application does: libav's warnings and errors only
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: %s PLAYLIST.m3u8 OUTPUT [mp4|ts]\n", argv[0]);
        return 2;
    }
    const ExportFormat format
        = args.size() > 3 && args[3] == QLatin1String("ts") ? ExportFormat::Ts : ExportFormat::Mp4;
    QString error;
    const QList<ExportPart> parts = readPlaylist(args[1], &error);
    if (parts.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    QElapsedTimer wall;
    wall.start();
    const ExportResult result = RecordingExport::run(parts, args[2], format);
    if (!result.ok) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error));
        return 1;
    }
    for (const QString &skipped : result.skipped)
        std::fprintf(stderr, "%s\n", qPrintable(skipped));

    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("parts %lld duration %.3f s bytes %lld wall %.3f s user %.3f s sys %.3f s\n",
        qint64(parts.size()), result.durationMs / 1000.0, result.bytesWritten,
        wall.elapsed() / 1000.0, usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6,
        usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6);
    return 0;
}
