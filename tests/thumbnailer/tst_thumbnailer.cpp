// Thumbnailer: stills of segments made at run time with the ffmpeg CLI (HD, PAL with a 16:15
// sample aspect ratio, solid colours, audio only, garbage), decoded back with libav: their size
// and display aspect, their colour, the errors; and the worker: a cache hit answered at once
// without a decode, the least recently used still dropped, one decode for concurrent requests
// of one file, callers still waiting answered when it is destroyed, and a long queue that
// leaves out the requests made longest ago.
#include "TestSupport.h"

#include "av/AvHandles.h"
#include "timeshift/Thumbnailer.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <mutex>
#include <semaphore>
#include <thread>

using namespace panelx;
using timeshift::Thumbnailer;

namespace {

bool ffmpeg(const QStringList &args, QByteArray *err)
{
    return test::runProgram(QStringLiteral("ffmpeg"),
               QStringList {"-nostdin", "-hide_banner", "-loglevel", "error", "-y"} + args, 120000,
               nullptr, err)
        == 0;
}

// A few frames of the lavfi `source` (after the filters `filters`, if any) as an H.264 MPEG-TS
// segment starting with a keyframe, as the engine stores them.
QByteArray makeSegment(const QString &path, const QString &source, const QString &filters = {})
{
    QStringList args {"-f", "lavfi", "-i", source};
    if (!filters.isEmpty())
        args << "-vf" << filters;
    args << "-frames:v"
         << "5"
         << "-c:v"
         << "libx264"
         << "-preset"
         << "ultrafast"
         << "-pix_fmt"
         << "yuv420p"
         << "-f"
         << "mpegts" << path;
    QByteArray err;
    return ffmpeg(args, &err) ? QByteArray() : err;
}

// A JPEG decoded back: its size and its mean colour.
struct Picture {
    int width = 0;
    int height = 0;
    double red = 0, green = 0, blue = 0; // 0..255
};

std::optional<Picture> decodeJpeg(const QByteArray &jpeg)
{
    const AVCodec *codec = avcodec_find_decoder(AV_CODEC_ID_MJPEG);
    AvCodecContextPtr decoder(codec ? avcodec_alloc_context3(codec) : nullptr);
    AvPacketPtr packet = makeAvPacket();
    AvFramePtr frame = makeAvFrame();
    if (!decoder || !packet || !frame || avcodec_open2(decoder.get(), codec, nullptr) < 0)
        return std::nullopt;
    packet->data = reinterpret_cast<uint8_t *>(const_cast<char *>(jpeg.constData()));
    packet->size = int(jpeg.size());
    if (avcodec_send_packet(decoder.get(), packet.get()) < 0
        || avcodec_send_packet(decoder.get(), nullptr) < 0
        || avcodec_receive_frame(decoder.get(), frame.get()) < 0)
        return std::nullopt;
    const auto format = AVPixelFormat(frame->format);
    if (format != AV_PIX_FMT_YUVJ420P && format != AV_PIX_FMT_YUV420P)
        return std::nullopt;
    // The mean of each plane, then JPEG's full-range BT.601 to RGB.
    const auto mean = [&frame](int plane, int width, int height) {
        double sum = 0;
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                sum += frame->data[plane][y * frame->linesize[plane] + x];
        return sum / (double(width) * height);
    };
    const double luma = mean(0, frame->width, frame->height);
    const double cb = mean(1, (frame->width + 1) / 2, (frame->height + 1) / 2) - 128;
    const double cr = mean(2, (frame->width + 1) / 2, (frame->height + 1) / 2) - 128;
    return Picture {frame->width, frame->height, luma + 1.402 * cr,
        luma - 0.344136 * cb - 0.714136 * cr, luma + 1.772 * cb};
}

// Collects the answers of requests made from any thread.
class Answers {
public:
    Thumbnailer::Callback callback()
    {
        return [this](Thumbnailer::Result result) {
            std::lock_guard lock(m_mutex);
            m_results.append(std::move(result));
            m_threads.append(std::this_thread::get_id());
        };
    }
    int count() const
    {
        std::lock_guard lock(m_mutex);
        return int(m_results.size());
    }
    bool waitFor(int answers) const
    {
        return test::waitFor([&] { return count() >= answers; }, 30000);
    }
    QList<Thumbnailer::Result> results() const
    {
        std::lock_guard lock(m_mutex);
        return m_results;
    }
    std::thread::id thread(int answer) const
    {
        std::lock_guard lock(m_mutex);
        return m_threads.value(answer);
    }

private:
    mutable std::mutex m_mutex;
    QList<Thumbnailer::Result> m_results;
    QList<std::thread::id> m_threads;
};

} // namespace

class TestThumbnailer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void keepsDisplayAspect_data();
    void keepsDisplayAspect();
    void keepsColour_data();
    void keepsColour();
    void explainsFailure_data();
    void explainsFailure();
    void cacheHitNeedsNoDecode();
    void leastRecentlyUsedIsDropped();
    void failuresAreTriedAgain();
    void concurrentRequestsShareOneDecode();
    void destructionAnswersWaitingCallers();
    void longQueueLeavesOutTheOldest();

private:
    QString media(const QString &name) const { return QDir(m_dir.path()).filePath(name); }
    // `count` copies of the HD segment under names of their own: distinct cache keys.
    QStringList copies(const QString &prefix, int count) const;

    QTemporaryDir m_dir;
};

void TestThumbnailer::initTestCase()
{
    if (!test::haveProgram(QStringLiteral("ffmpeg")))
        QSKIP("ffmpeg is needed to make the test segments (installer/install-deps.sh --test)");
    QVERIFY(m_dir.isValid());
    const struct {
        const char *name;
        const char *source;
        const char *filters;
    } segments[] = {
        {"hd.ts", "testsrc2=s=1280x720:r=25", ""},
        {"pal.ts", "testsrc2=s=720x576:r=25", "setsar=16/15"},
        {"wide-pal.ts", "testsrc2=s=720x576:r=25", "setsar=64/45"},
        {"red.ts", "color=c=red:s=320x240:r=25", ""},
        {"blue.ts", "color=c=blue:s=320x240:r=25", ""},
        {"white.ts", "color=c=white:s=320x240:r=25", ""},
    };
    for (const auto &segment : segments) {
        const QByteArray err = makeSegment(media(QLatin1String(segment.name)),
            QLatin1String(segment.source), QLatin1String(segment.filters));
        QVERIFY2(err.isEmpty(), err.constData());
    }
    QByteArray err;
    // One red picture, then blue ones coded with B-frames: the decoder holds the first back.
    QVERIFY2(ffmpeg({"-f", "lavfi", "-i",
                        "color=c=red:s=320x240:r=25:d=0.04[a];color=c=blue:s=320x240:r=25:d=0.4[b];"
                        "[a][b]concat=n=2:v=1:a=0[out0]",
                        "-c:v", "libx264", "-preset", "medium", "-bf", "3", "-pix_fmt", "yuv420p",
                        "-f", "mpegts", media("red-then-blue.ts")},
                 &err),
        err.constData());
    QVERIFY2(ffmpeg({"-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", "-f",
                        "mpegts", media("audio.ts")},
                 &err),
        err.constData());
    QFile garbage(media("garbage.ts"));
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    QByteArray noise(64 * 1024, '\0');
    QRandomGenerator(42).fillRange(
        reinterpret_cast<quint32 *>(noise.data()), noise.size() / qsizetype(sizeof(quint32)));
    QVERIFY(garbage.write(noise) == noise.size());
}

QStringList TestThumbnailer::copies(const QString &prefix, int count) const
{
    QStringList files;
    for (int i = 0; i < count; ++i) {
        files << media(QStringLiteral("%1-%2.ts").arg(prefix).arg(i));
        if (!QFile::exists(files.last()))
            QFile::copy(media("hd.ts"), files.last());
    }
    return files;
}

void TestThumbnailer::keepsDisplayAspect_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("height");
    // 1280x720 square pixels: 16:9.
    QTest::newRow("HD") << "hd.ts" << 90;
    // 720x576 at 16:15 shows as 768x576, 4:3: not the 160x128 of its storage aspect.
    QTest::newRow("PAL 4:3") << "pal.ts" << 120;
    // 720x576 at 64:45 shows as 1024x576, 16:9.
    QTest::newRow("PAL 16:9") << "wide-pal.ts" << 90;
    QTest::newRow("320x240") << "red.ts" << 120;
}

void TestThumbnailer::keepsDisplayAspect()
{
    QFETCH(QString, file);
    QFETCH(int, height);
    const Thumbnailer::Result still = Thumbnailer::make(media(file));
    QVERIFY2(still.error.isEmpty(), qPrintable(still.error));
    QVERIFY(still.jpeg.startsWith("\xff\xd8\xff")); // a JPEG's start of image
    const std::optional<Picture> picture = decodeJpeg(still.jpeg);
    QVERIFY(picture);
    QCOMPARE(picture->width, Thumbnailer::kWidth);
    QCOMPARE(picture->height, height);
    QVERIFY2(still.jpeg.size() < 16 * 1024, QByteArray::number(still.jpeg.size()));
}

void TestThumbnailer::keepsColour_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("red");
    QTest::addColumn<double>("green");
    QTest::addColumn<double>("blue");
    QTest::newRow("red") << "red.ts" << 255.0 << 0.0 << 0.0;
    QTest::newRow("blue") << "blue.ts" << 0.0 << 0.0 << 255.0;
    QTest::newRow("the first picture") << "red-then-blue.ts" << 255.0 << 0.0 << 0.0;
    // The video's limited range (16..235) is stretched to JPEG's full range.
    QTest::newRow("white") << "white.ts" << 255.0 << 255.0 << 255.0;
}

void TestThumbnailer::keepsColour()
{
    QFETCH(QString, file);
    QFETCH(double, red);
    QFETCH(double, green);
    QFETCH(double, blue);
    const Thumbnailer::Result still = Thumbnailer::make(media(file));
    QVERIFY2(still.error.isEmpty(), qPrintable(still.error));
    const std::optional<Picture> picture = decodeJpeg(still.jpeg);
    QVERIFY(picture);
    const QByteArray seen = QStringLiteral("RGB %1 %2 %3")
                                .arg(picture->red, 0, 'f', 0)
                                .arg(picture->green, 0, 'f', 0)
                                .arg(picture->blue, 0, 'f', 0)
                                .toLatin1();
    constexpr double kTolerance = 24;
    QVERIFY2(std::abs(picture->red - red) < kTolerance, seen.constData());
    QVERIFY2(std::abs(picture->green - green) < kTolerance, seen.constData());
    QVERIFY2(std::abs(picture->blue - blue) < kTolerance, seen.constData());
}

void TestThumbnailer::explainsFailure_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("error"); // %1: the file's path
    QTest::newRow("audio only") << "audio.ts"
                                << "%1 holds no video stream (audio only, or not a video "
                                   "segment), so it has no picture to show";
    QTest::newRow("garbage") << "garbage.ts"
                             << "cannot open the segment: not a media stream PanelX can read "
                                "(invalid data) at %1";
    QTest::newRow("missing") << "missing.ts"
                             << "cannot open the segment: file not found: %1";
}

void TestThumbnailer::explainsFailure()
{
    QFETCH(QString, file);
    QFETCH(QString, error);
    const Thumbnailer::Result still = Thumbnailer::make(media(file));
    QVERIFY(still.jpeg.isEmpty());
    QCOMPARE(still.error, error.arg(media(file)));
}

void TestThumbnailer::cacheHitNeedsNoDecode()
{
    Thumbnailer thumbnailer;
    Answers answers;
    thumbnailer.request(media("hd.ts"), answers.callback());
    QVERIFY(answers.waitFor(1));
    QCOMPARE(thumbnailer.decodes(), 1u);
    QVERIFY(answers.thread(0) != std::this_thread::get_id()); // made on the worker

    thumbnailer.request(media("hd.ts"), answers.callback());
    QCOMPARE(answers.count(), 2); // answered before request() returned
    QCOMPARE(answers.thread(1), std::this_thread::get_id());
    QCOMPARE(thumbnailer.decodes(), 1u);
    const QList<Thumbnailer::Result> results = answers.results();
    QVERIFY2(results[0].error.isEmpty(), qPrintable(results[0].error));
    QVERIFY(!results[0].jpeg.isEmpty());
    QCOMPARE(results[1].jpeg, results[0].jpeg);
}

void TestThumbnailer::leastRecentlyUsedIsDropped()
{
    const QStringList files = copies(QStringLiteral("lru"), 3);
    Thumbnailer thumbnailer(2);
    Answers answers;
    int asked = 0;
    const auto ask = [&](const QString &file) {
        thumbnailer.request(file, answers.callback());
        return answers.waitFor(++asked);
    };
    QVERIFY(ask(files[0]) && ask(files[1]));
    QVERIFY(ask(files[0])); // a hit: files[1] is now the least recently used
    QCOMPARE(thumbnailer.decodes(), 2u);
    QVERIFY(ask(files[2])); // drops files[1]
    QCOMPARE(thumbnailer.decodes(), 3u);
    QVERIFY(ask(files[0]) && ask(files[2]));
    QCOMPARE(thumbnailer.decodes(), 3u);
    QVERIFY(ask(files[1]));
    QCOMPARE(thumbnailer.decodes(), 4u);
    for (const Thumbnailer::Result &result : answers.results())
        QVERIFY2(!result.jpeg.isEmpty(), qPrintable(result.error));
}

void TestThumbnailer::failuresAreTriedAgain()
{
    Thumbnailer thumbnailer;
    Answers answers;
    thumbnailer.request(media("garbage.ts"), answers.callback());
    QVERIFY(answers.waitFor(1));
    thumbnailer.request(media("garbage.ts"), answers.callback());
    QVERIFY(answers.waitFor(2));
    QCOMPARE(thumbnailer.decodes(), 2u);
    for (const Thumbnailer::Result &result : answers.results()) {
        QVERIFY(result.jpeg.isEmpty());
        QVERIFY(result.error.contains(QLatin1String("invalid data")));
    }
}

void TestThumbnailer::concurrentRequestsShareOneDecode()
{
    constexpr int kThreads = 4;
    constexpr int kRequestsEach = 5;
    Thumbnailer thumbnailer;
    Answers answers;
    std::atomic<int> ready {0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&] {
            // All start together, so the requests overlap the decode.
            ++ready;
            while (ready.load() < kThreads)
                std::this_thread::yield();
            for (int j = 0; j < kRequestsEach; ++j)
                thumbnailer.request(media("pal.ts"), answers.callback());
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QVERIFY(answers.waitFor(kThreads * kRequestsEach));
    QCOMPARE(answers.count(), kThreads * kRequestsEach);
    QCOMPARE(thumbnailer.decodes(), 1u);
    const QList<Thumbnailer::Result> results = answers.results();
    QVERIFY2(!results[0].jpeg.isEmpty(), qPrintable(results[0].error));
    for (const Thumbnailer::Result &result : results)
        QCOMPARE(result.jpeg, results[0].jpeg);
}

void TestThumbnailer::destructionAnswersWaitingCallers()
{
    const QStringList files = copies(QStringLiteral("pending"), 12);
    Answers answers;
    std::binary_semaphore release {0};
    bool started = false;
    {
        Thumbnailer thumbnailer;
        // The first still is under way, and its answer holds the worker until every other
        // request is queued.
        thumbnailer.request(files[0], [&](Thumbnailer::Result result) {
            release.acquire();
            answers.callback()(std::move(result));
        });
        started = test::waitFor([&] { return thumbnailer.decodes() == 1; }, 30000);
        for (qsizetype i = 1; i < files.size(); ++i)
            thumbnailer.request(files[i], answers.callback());
        release.release();
    }
    QVERIFY(started);
    // Every caller is answered exactly once, by the time the destructor returns.
    QCOMPARE(answers.count(), files.size());
    int stopped = 0;
    for (const Thumbnailer::Result &result : answers.results()) {
        if (result.jpeg.isEmpty()) {
            QCOMPARE(result.error,
                QStringLiteral("PanelX is stopping; ask for the still again when it runs"));
            ++stopped;
        }
    }
    QVERIFY2(!answers.results()[0].jpeg.isEmpty(), "the still under way is finished");
    QVERIFY(stopped > 0);
}

void TestThumbnailer::longQueueLeavesOutTheOldest()
{
    constexpr int kLeftOut = 3;
    Thumbnailer thumbnailer;
    std::binary_semaphore release {0};
    Answers first;
    thumbnailer.request(media("hd.ts"), [&](Thumbnailer::Result result) {
        release.acquire();
        first.callback()(std::move(result));
    });
    const bool started = test::waitFor([&] { return thumbnailer.decodes() == 1; }, 30000);
    // While the worker is held, more files than the queue takes (they need not exist: each is
    // answered, made or not), one of them asked for twice.
    std::mutex mutex;
    QHash<int, QList<QString>> errors; // by file, each answer's error
    const auto ask = [&](int file) {
        thumbnailer.request(
            media(QStringLiteral("queued-%1.ts").arg(file)), [&, file](Thumbnailer::Result result) {
                std::lock_guard lock(mutex);
                errors[file].append(result.error);
            });
    };
    for (int file = 0; file < Thumbnailer::kMaxQueued + kLeftOut; ++file) {
        ask(file);
        if (file == 0)
            ask(file);
    }
    const auto answered = [&] {
        std::lock_guard lock(mutex);
        int count = 0;
        for (const QList<QString> &answers : std::as_const(errors))
            count += int(answers.size());
        return count;
    };
    // The oldest were answered at once, while the worker was still held.
    const int answeredAtOnce = answered();
    release.release();
    QVERIFY(started);
    QCOMPARE(answeredAtOnce, kLeftOut + 1);
    QVERIFY(first.waitFor(1));
    QVERIFY(
        test::waitFor([&] { return answered() == Thumbnailer::kMaxQueued + kLeftOut + 1; }, 60000));
    const QString busy = QStringLiteral(
        "PanelX was asked for many stills at once and left this one out; ask for it again");
    for (int file = 0; file < Thumbnailer::kMaxQueued + kLeftOut; ++file) {
        const QList<QString> answers = errors.value(file);
        QCOMPARE(answers.size(), file == 0 ? 2 : 1);
        for (const QString &error : answers) {
            if (file < kLeftOut)
                QCOMPARE(error, busy);
            else
                QVERIFY2(error.startsWith(QLatin1String("cannot open the segment: file not found")),
                    qPrintable(error));
        }
    }
}

QTEST_GUILESS_MAIN(TestThumbnailer)
#include "tst_thumbnailer.moc"
