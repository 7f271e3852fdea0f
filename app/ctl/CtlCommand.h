// `panelx ctl` command lines turned into one admin API call (docs/api.md) and the way to print
// its answer: one QCommandLineParser per level (NOUN, then VERB), `--help` on each. No I/O here.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace panelx::ctl {

// The context of ctl's messages for lupdate (they are English unless a translator is loaded).
class CtlText {
    Q_DECLARE_TR_FUNCTIONS(CtlText)
};

// Exit statuses of `panelx ctl` (the API contract's).
enum ExitCode { kExitOk = 0, kExitRefused = 1, kExitUsage = 2, kExitNotRunning = 3 };

// How the answer is shown to a person (--json prints the server's body as it is instead).
enum class Output {
    Status,
    ChannelList,
    Channel,
    Removed,
    Buffer, // a channel's timeshift buffer
    Settings,
    SettingsChanged,
    RecordingList,
    Recording,
    RecordingRemoved,
    // The answer is a recording whose MP4 is then downloaded to CtlCommand::outputFile.
    Export,
    ScheduleList,
    Schedule,
    ScheduleRemoved,
    Occurrences,
    ScheduleConflicts,
};

struct ApiCall {
    QByteArray method = "GET";
    QString path; // under the API base, e.g. "/channels/demo/stop"
    QString query; // without the '?', e.g. "count=5"
    QJsonObject body;
    bool hasBody = false;
};

struct CtlCommand {
    // >= 0 when no request is to be made: `text` is the help (exit 0, to stdout) or what is
    // wrong with the command line (kExitUsage, to stderr).
    int exitCode = -1;
    QString text;

    QString url; // empty: http://127.0.0.1:<saved port>
    QString dataDir; // empty: the saved data folder
    QString tokenFile; // empty: <data dir>/admin-token
    bool json = false;
    ApiCall call;
    Output output = Output::Status;
    QString subject; // the channel or recording named on the command line, for messages
    QString outputFile; // Export: where the MP4 goes
};

// `arguments` are those after "ctl" (`panelx ctl channels list` -> {"channels", "list"}).
CtlCommand parseCommand(const QStringList &arguments);

} // namespace panelx::ctl
