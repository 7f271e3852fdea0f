// The headless program (PANELX_BINARY, defined for every test unit) run as its own process on a
// data folder and port, for tests that kill it and start it again. Header-only: the binary's path
// is a definition of the unit that includes it.
#pragma once

#include <QProcess>
#include <QString>

#include <csignal>

namespace panelx::test {

class HeadlessProcess {
public:
    // `timeZone` (an IANA id, e.g. "America/New_York"): the process's TZ; empty: this one's.
    HeadlessProcess(QString dataDir, quint16 port, QString timeZone = {})
        : m_dataDir(std::move(dataDir)), m_port(port), m_timeZone(std::move(timeZone))
    {
    }
    ~HeadlessProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool start()
    {
        m_process.setProcessChannelMode(QProcess::ForwardedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(
            QStringLiteral("XDG_CONFIG_HOME"), m_dataDir + QStringLiteral("/config"));
        if (!m_timeZone.isEmpty())
            environment.insert(QStringLiteral("TZ"), m_timeZone);
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(PANELX_BINARY),
            {QStringLiteral("--headless"), QStringLiteral("--data-dir"), m_dataDir,
                QStringLiteral("--port"), QString::number(m_port)});
        return m_process.waitForStarted(5000);
    }
    // Sends `number` (SIGKILL, SIGTERM) and waits for the process to end.
    void signal(int number)
    {
        ::kill(static_cast<pid_t>(m_process.processId()), number);
        m_process.waitForFinished(20000);
    }
    QProcess &process() { return m_process; }

private:
    QString m_dataDir;
    quint16 m_port;
    QString m_timeZone;
    QProcess m_process;
};

} // namespace panelx::test
