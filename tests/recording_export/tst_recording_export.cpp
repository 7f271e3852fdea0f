// Recording export: stored MPEG-TS segments remuxed into one MP4 or MPEG-TS file, checked with
// ffprobe and ffmpeg as independent readers: duration, codecs, timestamps that only increase
// across a reconnect and a 33-bit clock wrap, the moov atom in front, cancel and failures that
// leave no file, and parts that are missing or damaged (left out, listed, the rest exported).
#include "TestSupport.h"

#include "dvr/RecordingExport.h"
#include "hls/SegmentStore.h"
#include "hls/Segmenter.h"
#include "ingest/DemuxSource.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace panelx;

Q_DECLARE_METATYPE(panelx::ExportFormat)

namespace {

constexpr qint64 kSegmentMs = 1000;

// What ffprobe reads in an exported file.
struct Probe {
    double durationS = 0;
    QStringList codecs; // per stream, "h264/avc1"
    bool ok = false;
};

Probe probe(const QString &path)
{
    QByteArray out;
    Probe result;
    if (test::runProgram(QStringLiteral("ffprobe"),
            {"-v", "error", "-show_entries", "format=duration:stream=codec_name,codec_tag_string",
                "-of", "json", path},
            30000, &out)
        != 0)
        return result;
    const QJsonObject json = QJsonDocument::fromJson(out).object();
    result.durationS = json["format"].toObject()["duration"].toString().toDouble();
    for (const QJsonValue &stream : json["streams"].toArray()) {
        const QJsonObject object = stream.toObject();
        result.codecs << object["codec_name"].toString() + QLatin1Char('/')
                + object["codec_tag_string"].toString();
    }
    result.ok = true;
    return result;
}

// The decode timestamps of one stream ("v" or "a") in file order.
QList<double> decodeTimes(const QString &path, const QString &stream)
{
    QByteArray out;
    test::runProgram(QStringLiteral("ffprobe"),
        {"-v", "error", "-select_streams", stream, "-show_entries", "packet=dts_time", "-of",
            "csv=p=0", path},
        30000, &out);
    QList<double> times;
    for (const QByteArray &line : out.split('\n')) {
        const QByteArray value = line.split(',').first().trimmed(); // "0.04," from MPEG-TS
        if (!value.isEmpty())
            times << value.toDouble();
    }
    return times;
}

// The first step of decode time that goes back, stands still or leaps beyond `maxStepS`; empty
// if there is none.
QString timelineFault(const QList<double> &times, double maxStepS)
{
    for (qsizetype i = 1; i < times.size(); ++i) {
        const double step = times[i] - times[i - 1];
        if (step <= 0 || step > maxStepS)
            return QStringLiteral("packet %1: %2 s after %3 s")
                .arg(i)
                .arg(times[i])
                .arg(times[i - 1]);
    }
    return {};
}

// The top-level MP4 boxes in file order ("ftyp", "moov", "mdat" …).
QStringList topLevelBoxes(const QString &path)
{
    QFile file(path);
    QStringList boxes;
    if (!file.open(QIODevice::ReadOnly))
        return boxes;
    qint64 at = 0;
    while (at + 8 <= file.size() && boxes.size() < 16) {
        file.seek(at);
        const QByteArray header = file.read(16);
        quint64 size = qFromBigEndian<quint32>(header.constData());
        if (size == 1 && header.size() >= 16)
            size = qFromBigEndian<quint64>(header.constData() + 8);
        boxes << QString::fromLatin1(header.mid(4, 4));
        if (size < 8)
            break;
        at += qint64(size);
    }
    return boxes;
}

// Whether ffmpeg decodes the whole file without a complaint; if not, the complaint.
QByteArray decodeErrors(const QString &path)
{
    QByteArray err;
    const int code = test::runProgram(QStringLiteral("ffmpeg"),
        {"-v", "error", "-i", path, "-f", "null", "-"}, 60000, nullptr, &err);
    return code == 0 ? err : QByteArrayLiteral("ffmpeg failed: ") + err;
}

// `sentence` with its %1 (if it has one) replaced by `path`.
QString withPath(const QString &sentence, const QString &path)
{
    return sentence.contains(QLatin1String("%1")) ? sentence.arg(path) : sentence;
}

bool ffmpeg(const QStringList &args, QByteArray *err)
{
    return test::runProgram(QStringLiteral("ffmpeg"),
               QStringList {"-nostdin", "-hide_banner", "-loglevel", "error", "-y"} + args, 120000,
               nullptr, err)
        == 0;
}

} // namespace

class TestRecordingExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exportsOneFile_data();
    void exportsOneFile();
    void cancelLeavesNoFile_data();
    void cancelLeavesNoFile();
    void unwritableTargetIsExplained_data();
    void unwritableTargetIsExplained();
    void damagedPartsAreLeftOut_data();
    void damagedPartsAreLeftOut();
    void nothingToExportIsExplained_data();
    void nothingToExportIsExplained();

private:
    // Cuts the clips into 1 s segments as a channel does: the engine's copy segmenter into a
    // segment store, one ingest session per clip (a reconnect between them). Empty on success.
    QString segmentWithEngine(const QStringList &clips);
    // The parts named in `spec`: "a0".."a5" (one 6 s recording in 1 s segments), "b0".."b3"
    // (a second recording: its timestamps start again), "w0".."w5" (the first one with its
    // clock moved so the 33-bit clock wraps between w2 and w3); "|" before a name marks a
    // reconnect; "stored" is every segment of the engine's store with its own marks.
    QList<ExportPart> parts(const QStringList &spec) const;
    QString target(const QString &name) const { return m_out.filePath(name); }

    QTemporaryDir m_media;
    QTemporaryDir m_out;
    QList<ExportPart> m_stored; // what a recording of the engine's segments lists
};

void TestRecordingExport::initTestCase()
{
    if (!test::haveProgram(QStringLiteral("ffmpeg"))
        || !test::haveProgram(QStringLiteral("ffprobe")))
        QSKIP("ffmpeg and ffprobe are needed (installer/install-deps.sh --test)");
    QVERIFY(m_media.isValid() && m_out.isValid());
    const QDir media(m_media.path());
    QByteArray err;
    for (const auto &[name, seconds] : {std::pair {"a", 6}, std::pair {"b", 4}}) {
        const QString clip = media.filePath(QStringLiteral("%1.ts").arg(QLatin1String(name)));
        QVERIFY2((err = test::makeSmallClip(clip, seconds)).isEmpty(), err.constData());
        QVERIFY2(ffmpeg({"-i", clip, "-c", "copy", "-f", "segment", "-segment_time", "1",
                            media.filePath(QStringLiteral("%1%d.ts").arg(QLatin1String(name)))},
                     &err),
            err.constData());
    }
    const QString engineError = segmentWithEngine(
        {media.filePath(QStringLiteral("a.ts")), media.filePath(QStringLiteral("b.ts"))});
    QVERIFY2(engineError.isEmpty(), qPrintable(engineError));
    QCOMPARE(m_stored.size(), 10);
    QVERIFY(!m_stored[0].discontinuity && m_stored[6].discontinuity);
    // 95438.4 s on (plus the muxer's 1.4 s): w0 starts 2.5 s before the 33-bit clock (2^33 /
    // 90 kHz = 95443.7 s) wraps, w3 half a second after it.
    for (int i = 0; i < 6; ++i) {
        QVERIFY2(ffmpeg({"-copyts", "-i", media.filePath(QStringLiteral("a%1.ts").arg(i)), "-c",
                            "copy", "-output_ts_offset", "95438.4", "-f", "mpegts",
                            media.filePath(QStringLiteral("w%1.ts").arg(i))},
                     &err),
            err.constData());
    }
}

QString TestRecordingExport::segmentWithEngine(const QStringList &clips)
{
    constexpr qint64 kChannelId = 1;
    test::StoreFixture fixture;
    QString error = fixture.open(QDir(m_media.path()).filePath(QStringLiteral("store")));
    if (!error.isEmpty())
        return error;
    SegmenterOptions options;
    options.channelId = kChannelId;
    options.targetDurationMs = int(kSegmentMs);
    options.applyRetention = false;
    Segmenter segmenter(*fixture.store, options);
    int number = 0;
    for (const QString &clip : clips) {
        SourceControl control;
        SourceOptions sourceOptions;
        sourceOptions.paceFiles = false;
        DemuxSource source(clip, control, sourceOptions);
        if (!source.open(&error))
            return error;
        IngestSession session;
        session.channelId = kChannelId;
        session.url = clip;
        session.streams = source.streams();
        session.realTime = false;
        session.number = ++number;
        if (!segmenter.sessionStarted(session, &error))
            return error;
        AvPacketPtr packet = makeAvPacket();
        ReadResult result;
        while ((result = source.read(packet.get(), &error)) == ReadResult::Packet) {
            segmenter.packetReceived(*packet);
            av_packet_unref(packet.get());
        }
        segmenter.sessionEnded();
        if (result != ReadResult::Ended)
            return error;
    }
    for (const SegmentInfo &info : fixture.store->latest(kChannelId, kSourceRendition, 100)) {
        m_stored << ExportPart {
            fixture.store->segmentPath(kChannelId, kSourceRendition, info.sequence),
            info.discontinuity, info.durationMs};
    }
    return {};
}

QList<ExportPart> TestRecordingExport::parts(const QStringList &spec) const
{
    if (spec == QStringList {QStringLiteral("stored")})
        return m_stored;
    QList<ExportPart> result;
    for (QString name : spec) {
        ExportPart part;
        part.discontinuity = name.startsWith(QLatin1Char('|'));
        name.remove(QLatin1Char('|'));
        part.path = QDir(m_media.path()).filePath(name + QStringLiteral(".ts"));
        part.durationMs = kSegmentMs;
        result << part;
    }
    return result;
}

const QStringList kFirst = {"a0", "a1", "a2", "a3", "a4", "a5"};
const QStringList kSecond = {"b0", "b1", "b2", "b3"};
const QStringList kWrapping = {"w0", "w1", "w2", "w3", "w4", "w5"};

void TestRecordingExport::exportsOneFile_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QStringList>("spec");
    QTest::addColumn<double>("durationS");

    QTest::newRow("mp4") << ExportFormat::Mp4 << kFirst << 6.0;
    QTest::newRow("ts") << ExportFormat::Ts << kFirst << 6.0;
    QTest::newRow("mp4, reconnect marked")
        << ExportFormat::Mp4 << kFirst + QStringList {"|b0", "b1", "b2", "b3"} << 10.0;
    QTest::newRow("ts, reconnect marked")
        << ExportFormat::Ts << kFirst + QStringList {"|b0", "b1", "b2", "b3"} << 10.0;
    // The store may not know of a restart; the timestamps going back tell it.
    QTest::newRow("mp4, reconnect unmarked") << ExportFormat::Mp4 << kFirst + kSecond << 10.0;
    QTest::newRow("mp4, the engine's segments over a reconnect")
        << ExportFormat::Mp4 << QStringList {"stored"} << 10.0;
    QTest::newRow("ts, the engine's segments over a reconnect")
        << ExportFormat::Ts << QStringList {"stored"} << 10.0;
    QTest::newRow("mp4, 33-bit clock wraps") << ExportFormat::Mp4 << kWrapping << 6.0;
    QTest::newRow("ts, 33-bit clock wraps") << ExportFormat::Ts << kWrapping << 6.0;
}

void TestRecordingExport::exportsOneFile()
{
    QFETCH(ExportFormat, format);
    QFETCH(QStringList, spec);
    QFETCH(double, durationS);
    const QString path = target(format == ExportFormat::Mp4 ? "out.mp4" : "out.ts");
    QFile::remove(path);

    QList<double> progress;
    const ExportResult result = RecordingExport::run(
        parts(spec), path, format, [&](double fraction) { progress << fraction; });
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(!result.cancelled);
    QVERIFY2(result.skipped.isEmpty(), qPrintable(result.skipped.join('\n')));
    QVERIFY(QFile::exists(path));
    QVERIFY(!QFile::exists(path + ".part"));
    QCOMPARE(result.bytesWritten, QFileInfo(path).size());
    QVERIFY2(qAbs(result.durationMs / 1000.0 - durationS) <= 1.0,
        qPrintable(QString::number(result.durationMs)));

    // Progress only grows, ends at 1.0, and is told in steps, not per packet.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last(), 1.0);
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QVERIFY2(progress.size() <= 210, qPrintable(QString::number(progress.size())));

    const Probe probed = probe(path);
    QVERIFY(probed.ok);
    QVERIFY2(
        qAbs(probed.durationS - durationS) <= 1.0, qPrintable(QString::number(probed.durationS)));
    if (format == ExportFormat::Mp4) {
        QCOMPARE(probed.codecs, QStringList({"h264/avc1", "aac/mp4a"}));
        const QStringList boxes = topLevelBoxes(path);
        QVERIFY2(boxes.indexOf("moov") >= 0 && boxes.indexOf("moov") < boxes.indexOf("mdat"),
            qPrintable(boxes.join(' ')));
    } else {
        QCOMPARE(probed.codecs.size(), 2);
        QVERIFY(probed.codecs[0].startsWith("h264/"));
        QVERIFY(probed.codecs[1].startsWith("aac/"));
    }
    // Every packet of both streams (25 fps video; audio frames of 1024 samples at 44.1 kHz),
    // decode times only rising and without gaps where segments or recordings join (a few
    // frames at most), and it all decodes.
    const QList<double> video = decodeTimes(path, "v");
    const QList<double> audio = decodeTimes(path, "a");
    QVERIFY2(qAbs(video.size() - durationS * 25) <= 1, qPrintable(QString::number(video.size())));
    QVERIFY2(qAbs(audio.size() - durationS * 44100 / 1024) <= 30,
        qPrintable(QString::number(audio.size())));
    const QString videoFault = timelineFault(video, 0.2);
    QVERIFY2(videoFault.isEmpty(), qPrintable(videoFault));
    const QString audioFault = timelineFault(audio, 0.2);
    QVERIFY2(audioFault.isEmpty(), qPrintable(audioFault));
    const QByteArray errors = decodeErrors(path);
    QVERIFY2(errors.isEmpty(), errors.constData());
}

void TestRecordingExport::cancelLeavesNoFile_data()
{
    QTest::addColumn<bool>("beforeStart");
    QTest::newRow("before it starts") << true;
    QTest::newRow("while it runs") << false;
}

void TestRecordingExport::cancelLeavesNoFile()
{
    QFETCH(bool, beforeStart);
    const QString path = target("cancelled.mp4");
    std::atomic<bool> cancel {beforeStart};
    int progressCalls = 0;
    const ExportResult result = RecordingExport::run(
        parts(kFirst + kSecond), path, ExportFormat::Mp4,
        [&](double) {
            ++progressCalls;
            cancel = true;
        },
        &cancel);
    QVERIFY(!result.ok);
    QVERIFY(result.cancelled);
    QCOMPARE(result.error, QStringLiteral("the export was cancelled"));
    QCOMPARE(progressCalls, beforeStart ? 0 : 1);
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + ".part"));
}

void TestRecordingExport::unwritableTargetIsExplained_data()
{
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("expected"); // %1: the folder
    QTest::newRow("no such folder") << "missing"
                                    << "the folder %1 does not exist; choose an existing folder";
    QTest::newRow("read-only disk") << "read-only"
                                    << "the folder %1 cannot be written (Read-only file "
                                       "system); make it writable or choose another folder";
    QTest::newRow("full disk") << "full"
                               << "the disk of %1 is full; free space or choose another folder";
}

void TestRecordingExport::unwritableTargetIsExplained()
{
    QFETCH(QString, problem);
    QFETCH(QString, expected);
    QTemporaryDir mountPoint;
    QVERIFY(mountPoint.isValid());
    test::SmallDisk disk;
    QString folder = mountPoint.path();
    if (problem == "missing") {
        folder += "/not-there";
    } else {
        QByteArray why;
        if (!disk.mount(folder, 1, &why))
            QSKIP(qPrintable("cannot mount a small tmpfs (needs root): " + why));
        if (problem == "read-only") {
            QVERIFY(disk.remount(true));
        } else {
            // Leave less room than the export needs (its segments are ~50 kB each).
            QFile filler(QDir(folder).filePath("filler"));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const qint64 room = QStorageInfo(folder).bytesAvailable() - 64 * 1024;
            QVERIFY(room > 0);
            QCOMPARE(filler.write(QByteArray(room, 'x')), room);
            filler.close();
        }
    }

    const QString path = QDir(folder).filePath("out.mp4");
    const ExportResult result = RecordingExport::run(parts(kFirst), path, ExportFormat::Mp4);
    QVERIFY(!result.ok);
    QVERIFY(!result.cancelled);
    QCOMPARE(result.error, expected.arg(folder));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + ".part"));
}

void TestRecordingExport::damagedPartsAreLeftOut_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("expected"); // %1, if there: the part's path
    QTest::newRow("missing") << "missing"
                             << "segment 4 of 6 was left out: file not found: %1";
    QTest::newRow("not MPEG-TS") << "noise"
                                 << "segment 4 of 6 was left out: it holds no audio or video "
                                    "PanelX can export";
    QTest::newRow("empty") << "empty"
                           << "segment 4 of 6 was left out: it holds no audio or video PanelX "
                              "can export";
}

void TestRecordingExport::damagedPartsAreLeftOut()
{
    QFETCH(QString, damage);
    QFETCH(QString, expected);
    QList<ExportPart> recording = parts(kFirst);
    const QString damaged = m_out.filePath("damaged.ts");
    QFile::remove(damaged);
    if (damage != "missing") {
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray noise(100 * 1000, '\0');
        for (qsizetype i = 0; i < noise.size(); ++i)
            noise[i] = char((i * 7919) % 251);
        if (damage == "noise")
            file.write(noise);
    }
    recording[3].path = damaged;

    const QString path = target("damaged.mp4");
    const ExportResult result = RecordingExport::run(recording, path, ExportFormat::Mp4);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.skipped, QStringList {withPath(expected, damaged)});
    // The timeline closes over the lost second.
    QVERIFY2(
        qAbs(result.durationMs - 5000) <= 1000, qPrintable(QString::number(result.durationMs)));
    const Probe probed = probe(path);
    QVERIFY2(qAbs(probed.durationS - 5.0) <= 1.0, qPrintable(QString::number(probed.durationS)));
    const QString videoFault = timelineFault(decodeTimes(path, "v"), 0.2);
    QVERIFY2(videoFault.isEmpty(), qPrintable(videoFault));
    const QByteArray errors = decodeErrors(path);
    QVERIFY2(errors.isEmpty(), errors.constData());
}

void TestRecordingExport::nothingToExportIsExplained_data()
{
    QTest::addColumn<QStringList>("spec");
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no segments") << QStringList {} << int(ExportFormat::Mp4)
                                 << "the recording has no segments to export";
    QTest::newRow("all missing")
        << QStringList {"gone1", "gone2"} << int(ExportFormat::Mp4)
        << "none of the recording's 2 segments could be read (file not found: %1); its files "
           "are missing or damaged";
    QTest::newRow("no format") << kFirst << int(ExportFormat::Invalid)
                               << "no export format chosen; choose MP4 or MPEG-TS";
}

void TestRecordingExport::nothingToExportIsExplained()
{
    QFETCH(QStringList, spec);
    QFETCH(int, format);
    QFETCH(QString, expected);
    const QString path = target("nothing.mp4");
    const ExportResult result = RecordingExport::run(parts(spec), path, ExportFormat(format));
    QVERIFY(!result.ok);
    QCOMPARE(result.error, spec.isEmpty() ? expected : withPath(expected, parts(spec)[0].path));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!QFile::exists(path + ".part"));
}

QTEST_GUILESS_MAIN(TestRecordingExport)
#include "tst_recording_export.moc"
