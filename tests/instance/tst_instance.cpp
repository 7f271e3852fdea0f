// One process per data folder, with the real program: a second `panelx --headless` on a folder
// in use says who holds it and exits before touching the store; after kill -9 the stale lock is
// taken over.
#include "InstanceLock.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace panelx::test;

namespace {

// The demo channel, created on first start.
const QString kDemoSegmentDir = QStringLiteral("segments/1/src");

class Instance {
public:
    explicit Instance(const QString &dataDir)
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        // Port 0: any free port, so only the data folder is shared between instances.
        m_process.start(QStringLiteral(PANELX_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--data-dir"), dataDir,
                QStringLiteral("--port"), QStringLiteral("0")});
    }
    ~Instance()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QProcess &process() { return m_process; }
    QByteArray output() { return m_log += m_process.readAll(); }
    bool waitForServing()
    {
        return waitFor([this] { return output().contains("serving"); }, 20000);
    }

private:
    QProcess m_process;
    QByteArray m_log;
};

QStringList segmentFiles(const QString &dataDir)
{
    return QDir(QDir(dataDir).filePath(kDemoSegmentDir))
        .entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
}

} // namespace

class TestInstance : public QObject {
    Q_OBJECT
private slots:
    void secondInstanceOnTheSameFolderLeavesItAlone()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Instance first(dir.path());
        QVERIFY2(first.waitForServing(), first.output().constData());
        QVERIFY2(waitFor([&] { return !segmentFiles(dir.path()).isEmpty(); }, 30000),
            first.output().constData());

        // A segment the first instance is still writing, as the store names it: reconcile
        // deletes every such file it finds, so it shows whether the second one reconciled.
        const QString writing
            = QDir(dir.filePath(kDemoSegmentDir)).filePath(QStringLiteral("999999.ts.tmp"));
        {
            QFile file(writing);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(188, 'G'));
        }

        Instance second(dir.path());
        QVERIFY2(second.process().waitForFinished(20000), second.output().constData());
        const QByteArray log = second.output();
        QCOMPARE(second.process().exitStatus(), QProcess::NormalExit);
        QVERIFY2(second.process().exitCode() != 0, log.constData());
        const QByteArray expected
            = QByteArrayLiteral("PanelX is already running with this data folder (process ")
            + QByteArray::number(first.process().processId()) + ')';
        QVERIFY2(log.contains(expected), log.constData());
        QVERIFY2(!log.contains("Recovered the segment store"), log.constData());

        QVERIFY2(QFile::exists(writing), "the second instance deleted the first one's .tmp file");
        QCOMPARE(QFile(writing).size(), 188);
        QCOMPARE(first.process().state(), QProcess::Running);
    }

    void staleLockAfterKillIsTakenOver()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            Instance killed(dir.path());
            QVERIFY2(killed.waitForServing(), killed.output().constData());
            ::kill(static_cast<pid_t>(killed.process().processId()), SIGKILL);
            QVERIFY(killed.process().waitForFinished(10000));
        }
        QVERIFY(QFile::exists(panelx::InstanceLock::fileName(dir.path())));

        Instance next(dir.path());
        QVERIFY2(next.waitForServing(), next.output().constData());
        ::kill(static_cast<pid_t>(next.process().processId()), SIGTERM);
        QVERIFY(next.process().waitForFinished(20000));
        QCOMPARE(next.process().exitCode(), 0);
        // A clean stop leaves no lock behind.
        QVERIFY(!QFile::exists(panelx::InstanceLock::fileName(dir.path())));
    }
};

QTEST_GUILESS_MAIN(TestInstance)
#include "tst_instance.moc"
