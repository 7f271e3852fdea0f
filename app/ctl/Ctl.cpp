#include "Ctl.h"

#include "AdminClient.h"
#include "CtlCommand.h"
#include "CtlOutput.h"
#include "Settings.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstring>

namespace panelx::ctl {

namespace {

// The body's "error" sentence (and the field at fault), or the body as text.
QString serverError(const AdminReply &reply)
{
    const QJsonObject error = QJsonDocument::fromJson(reply.body).object();
    QString sentence = error.value(QStringLiteral("error")).toString();
    if (sentence.isEmpty())
        sentence = QString::fromUtf8(reply.body).trimmed();
    if (sentence.isEmpty())
        sentence = CtlText::tr("the server answered HTTP %1 with no reason").arg(reply.status);
    const QString field = error.value(QStringLiteral("field")).toString();
    if (!field.isEmpty() && !sentence.contains(field))
        sentence += CtlText::tr(" (field: %1)").arg(field);
    return sentence;
}

// Downloads the MP4 of the recording in `answer` to command.outputFile; an exit status.
int exportRecording(
    const CtlCommand &command, const QUrl &base, const QJsonObject &answer, QTextStream &err)
{
    // From the server just reached, not the address in mp4Url: that is the one viewers are
    // given (a public URL, the network address), which this computer may not reach.
    QUrl source = base;
    source.setPath(QUrl(answer.value(QStringLiteral("mp4Url")).toString()).path());
    QSaveFile file(command.outputFile);
    const auto cannotWrite = [&] {
        err << CtlText::tr("panelx ctl: cannot write %1 (%2); choose another file with --output.")
                   .arg(QDir::toNativeSeparators(command.outputFile), file.errorString())
            << Qt::endl;
        return kExitUsage;
    };
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite();
    qint64 bytes = 0;
    const AdminReply reply = download(source, file, &bytes);
    if (!reply.reached) {
        file.cancelWriting();
        err << CtlText::tr("PanelX is not running at %1 — start it with `panelx --headless` (%2).")
                   .arg(base.toString(), reply.problem)
            << Qt::endl;
        return kExitNotRunning;
    }
    if (reply.status < 200 || reply.status >= 300) {
        file.cancelWriting();
        err << CtlText::tr("panelx ctl: %1 (downloading %2)")
                   .arg(serverError(reply), source.toString())
            << Qt::endl;
        return kExitRefused;
    }
    if (file.error() != QFileDevice::NoError)
        return cannotWrite();
    if (!reply.problem.isEmpty()) {
        file.cancelWriting();
        err << CtlText::tr("panelx ctl: the download from %1 stopped after %2 bytes (%3); try "
                           "again.")
                   .arg(source.toString())
                   .arg(bytes)
                   .arg(reply.problem)
            << Qt::endl;
        return kExitRefused;
    }
    return file.commit() ? kExitOk : cannotWrite();
}

int execute(const CtlCommand &command, const Settings &saved, QTextStream &out, QTextStream &err)
{
    const QString url = command.url.isEmpty()
        ? QStringLiteral("http://127.0.0.1:%1").arg(saved.httpPort)
        : command.url;
    const QUrl base = QUrl::fromUserInput(url);
    if (!base.isValid() || (base.scheme() != QLatin1String("http"))) {
        err << CtlText::tr(
            "panelx ctl: --url needs PanelX's address such as http://127.0.0.1:8080, not "
            "“%1”.")
                   .arg(url)
            << Qt::endl;
        return kExitUsage;
    }
    const QString tokenFile = !command.tokenFile.isEmpty()
        ? command.tokenFile
        : QDir(command.dataDir.isEmpty() ? saved.dataDir : command.dataDir)
              .filePath(QStringLiteral("admin-token"));
    QFile file(tokenFile);
    QByteArray token;
    if (file.open(QIODevice::ReadOnly))
        token = file.readAll().trimmed();
    if (token.isEmpty()) {
        err << CtlText::tr(
            "panelx ctl: cannot read the admin token from %1 (%2). PanelX writes it there "
            "when it starts; give its data folder with --data-dir, or the file with "
            "--token-file.")
                   .arg(QDir::toNativeSeparators(tokenFile),
                       file.error() == QFile::NoError ? CtlText::tr("the file is empty")
                                                      : file.errorString())
            << Qt::endl;
        return kExitUsage;
    }

    const AdminReply reply = callAdminApi(base, token, command.call);
    if (!reply.reached) {
        err << CtlText::tr("PanelX is not running at %1 — start it with `panelx --headless` (%2).")
                   .arg(base.toString(), reply.problem)
            << Qt::endl;
        return kExitNotRunning;
    }
    if (reply.status < 200 || reply.status >= 300) {
        err << CtlText::tr("panelx ctl: %1").arg(serverError(reply)) << Qt::endl;
        if (reply.status == 409 && command.output == Output::Schedule)
            err << CtlText::tr("(add --force to save the schedule anyway)") << Qt::endl;
        if (reply.status == 401)
            err << CtlText::tr("(the token came from %1; is it this PanelX's data folder?)")
                       .arg(QDir::toNativeSeparators(tokenFile))
                << Qt::endl;
        return kExitRefused;
    }
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    if (command.output == Output::Export)
        if (const int status = exportRecording(command, base, answer, err); status != kExitOk)
            return status;
    if (command.json)
        out << QString::fromUtf8(reply.body);
    else
        out << formatAnswer(command, answer);
    return kExitOk;
}

} // namespace

int runCtl(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The same saved settings PanelX itself starts from, and the window's language.
    const Settings saved = Settings::load();
    installTranslations(saved.language);
    QStringList arguments = QCoreApplication::arguments().mid(2);
    const CtlCommand command = parseCommand(arguments);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (command.exitCode >= 0) {
        (command.exitCode == kExitOk ? out : err) << command.text;
        if (!command.text.endsWith(QLatin1Char('\n')))
            (command.exitCode == kExitOk ? out : err) << Qt::endl;
        return command.exitCode;
    }
    return execute(command, saved, out, err);
}

} // namespace panelx::ctl
