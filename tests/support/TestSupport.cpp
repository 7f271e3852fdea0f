#include "TestSupport.h"

#include "Engine.h"
#include "hls/SegmentStore.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUdpSocket>
#include <mutex>

namespace panelx::test {

bool haveProgram(const QString &program)
{
    return !QStandardPaths::findExecutable(program).isEmpty();
}

int runProgram(const QString &program, const QStringList &args, int timeoutMs, QByteArray *out,
    QByteArray *err)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForStarted(5000))
        return -1;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return -1;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (err)
        *err = process.readAllStandardError();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpReply httpRequest(const QString &url, const QByteArray &method,
    const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs, const QByteArray &body)
{
    QNetworkAccessManager manager;
    QNetworkRequest request {QUrl(url)};
    for (const auto &[key, value] : headers)
        request.setRawHeader(key, value);
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = body.isEmpty() ? manager.sendCustomRequest(request, method)
                                          : manager.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply result;
    if (reply->isFinished()) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
    }
    reply->abort();
    reply->deleteLater();
    return result;
}

QString EngineThread::start(const EngineOptions &options, int timeoutMs)
{
    stop();
    m_engine = new Engine(options);
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("engine"));
    m_engine->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread->start();
    QSignalSpy started(m_engine, &Engine::started);
    QSignalSpy failed(m_engine, &Engine::startFailed);
    QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
    if (!waitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, timeoutMs))
        return QStringLiteral("the engine did not start within %1 ms").arg(timeoutMs);
    return failed.isEmpty() ? QString() : failed.first().first().toString();
}

bool EngineThread::stop(int timeoutMs)
{
    if (!m_engine)
        return true;
    QSignalSpy stopped(m_engine, &Engine::stopped);
    QMetaObject::invokeMethod(m_engine, &Engine::stop, Qt::QueuedConnection);
    const bool inTime = waitFor([&] { return !stopped.isEmpty(); }, timeoutMs);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_engine = nullptr;
    return inTime;
}

} // namespace panelx::test

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace panelx::test {

ProbedMedia probeMedia(const QString &path)
{
    ProbedMedia media;
    QByteArray out;
    QByteArray err;
    if (runProgram(QStringLiteral("ffprobe"),
            {"-v", "error", "-show_entries", "stream=codec_type,codec_name,width,height", "-of",
                "json", path},
            30000, &out, &err)
        != 0)
        return media;
    media.errors = err.trimmed();
    const QJsonArray streams = QJsonDocument::fromJson(out).object().value("streams").toArray();
    for (const QJsonValue &value : streams) {
        const QJsonObject stream = value.toObject();
        if (stream.value("codec_type").toString() == "video" && media.videoCodec.isEmpty()) {
            media.videoCodec = stream.value("codec_name").toString();
            media.width = stream.value("width").toInt();
            media.height = stream.value("height").toInt();
        } else if (stream.value("codec_type").toString() == "audio" && media.audioCodec.isEmpty()) {
            media.audioCodec = stream.value("codec_name").toString();
        }
    }
    if (!media.videoCodec.isEmpty()) {
        out.clear();
        runProgram(QStringLiteral("ffprobe"),
            {"-v", "error", "-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries",
                "packet=flags", "-of", "csv=p=0", path},
            30000, &out);
        media.firstVideoPacketIsKey = out.trimmed().startsWith('K');
    }
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        // The SDT (PID 0x11) may come first; the PAT must precede any other packet.
        for (int i = 0; i < 8; ++i) {
            const QByteArray packet = file.read(188);
            if (packet.size() != 188 || quint8(packet[0]) != 0x47)
                break;
            const int pid = (quint8(packet[1]) & 0x1f) << 8 | quint8(packet[2]);
            if (pid == 0x11)
                continue;
            media.startsWithPat = pid == 0;
            break;
        }
    }
    media.ok = true;
    return media;
}

namespace {
QString hlsClientsScript()
{
    const QString tools = QProcessEnvironment::systemEnvironment().value(
        QStringLiteral("PANELX_HLS_CLIENTS"), QStringLiteral(PANELX_SHARED_TOOLS "/hls-clients"));
    return QDir(tools).filePath(QStringLiteral("check-hls.sh"));
}
} // namespace

QString hlsClientsMissing()
{
    if (QFileInfo(hlsClientsScript()).isExecutable())
        return {};
    return QStringLiteral("%1 not found: set PANELX_HLS_CLIENTS to the hls-clients folder to run "
                          "the independent players")
        .arg(hlsClientsScript());
}

HlsClientsRun runHlsClients(const QString &url, int seconds)
{
    HlsClientsRun run;
    QTemporaryDir logs;
    logs.setAutoRemove(false);
    QByteArray out, err;
    run.exitCode = runProgram(QStringLiteral("bash"),
        {hlsClientsScript(), url, QStringLiteral("--seconds"), QString::number(seconds),
            QStringLiteral("--logs"), logs.path()},
        280000, &out, &err);
    const int table = out.lastIndexOf("HLS client check:");
    run.table = table >= 0 ? out.mid(table) : out + err;
    if (run.exitCode == 0)
        logs.remove();
    else
        run.logs = logs.path();
    return run;
}

QByteArray makeSmallClip(const QString &path, int seconds, int gopFrames)
{
    QByteArray err;
    const int code = runProgram(QStringLiteral("ffmpeg"),
        {"-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
            "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440", "-t",
            QString::number(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-g",
            QString::number(gopFrames), "-b:v", "300k", "-c:a", "aac", "-b:a", "64k", "-f",
            "mpegts", path},
        120000, nullptr, &err);
    return code == 0 ? QByteArray() : (err.isEmpty() ? QByteArrayLiteral("ffmpeg failed") : err);
}

bool SmallDisk::mount(const QString &path, int sizeMb, QByteArray *why)
{
    if (runProgram(QStringLiteral("mount"),
            {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                QStringLiteral("size=%1m").arg(sizeMb), QStringLiteral("tmpfs"), path},
            10000, nullptr, why)
        != 0)
        return false;
    m_path = path;
    return true;
}

bool SmallDisk::remount(bool readOnly)
{
    return runProgram(QStringLiteral("mount"),
               {QStringLiteral("-o"),
                   readOnly ? QStringLiteral("remount,ro") : QStringLiteral("remount,rw"), m_path},
               10000)
        == 0;
}

SmallDisk::~SmallDisk()
{
    if (!m_path.isEmpty())
        runProgram(QStringLiteral("umount"), {m_path}, 10000);
}

namespace {
std::mutex g_logMutex;
QStringList g_logLines;
QtMessageHandler g_previousHandler = nullptr;
} // namespace

LogCapture::LogCapture()
{
    std::lock_guard lock(g_logMutex);
    g_logLines.clear();
    g_previousHandler = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            {
                std::lock_guard lock(g_logMutex);
                g_logLines << message;
            }
            g_previousHandler(type, context, message);
        });
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(g_previousHandler);
}

QStringList LogCapture::lines() const
{
    std::lock_guard lock(g_logMutex);
    return g_logLines;
}

int LogCapture::count(const QString &part) const
{
    int n = 0;
    for (const QString &line : lines())
        n += line.contains(part) ? 1 : 0;
    return n;
}

std::unique_ptr<QProcess> startUdpSender(quint16 port)
{
    auto sender = std::make_unique<QProcess>();
    sender->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    sender->start(QStringLiteral("ffmpeg"),
        {"-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i",
            "testsrc2=s=640x360:r=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25",
            "-keyint_min", "25", "-sc_threshold", "0", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a",
            "64k", "-f", "mpegts", QStringLiteral("udp://127.0.0.1:%1?pkt_size=1316").arg(port)});
    if (!sender->waitForStarted(5000))
        return nullptr;
    return sender;
}

quint16 freeUdpPort()
{
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

quint16 freeTcpPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

ChannelConfig makeChannel(qint64 id, const QString &url, int segmentDurationMs)
{
    ChannelConfig channel;
    channel.id = id;
    channel.name = QStringLiteral("Channel %1").arg(id);
    channel.slug = QStringLiteral("channel-%1").arg(id);
    channel.sourceUrl = url;
    channel.segmentDurationMs = segmentDurationMs;
    return channel;
}

StoreFixture::StoreFixture() = default;
StoreFixture::~StoreFixture() = default;

QString StoreFixture::open(const QString &folder)
{
    db = std::make_unique<Database>(folder + QStringLiteral("/panelx.db"));
    QString error;
    if (!db->open(&error))
        return error;
    store = std::make_unique<SegmentStore>(*db, folder + QStringLiteral("/segments"));
    return {};
}

QString commitSegment(SegmentStore &store, SegmentInfo &info, const QByteArray &bytes)
{
    QString error;
    if (!store.prepareTempPath(info.channelId, info.rendition, &error))
        return error;
    QFile file(store.tempPath(info.channelId, info.rendition));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
        return QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString());
    file.close();
    if (!store.commit(info, &error))
        return error;
    return {};
}

} // namespace panelx::test
