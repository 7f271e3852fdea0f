#include "Ctl.h"

#include "AdminClient.h"
#include "CtlCommand.h"
#include "CtlOutput.h"
#include "Settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
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

int execute(const CtlCommand &command, QTextStream &out, QTextStream &err)
{
    // The same saved settings PanelX itself starts from.
    const Settings saved = Settings::load();
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
        if (reply.status == 401)
            err << CtlText::tr("(the token came from %1; is it this PanelX's data folder?)")
                       .arg(QDir::toNativeSeparators(tokenFile))
                << Qt::endl;
        return kExitRefused;
    }
    if (command.json)
        out << QString::fromUtf8(reply.body);
    else
        out << formatAnswer(command, QJsonDocument::fromJson(reply.body).object());
    return kExitOk;
}

} // namespace

int runCtl(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
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
    return execute(command, out, err);
}

} // namespace panelx::ctl
