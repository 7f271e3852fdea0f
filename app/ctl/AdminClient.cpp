#include "AdminClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QTimer>

namespace panelx::ctl {

AdminReply callAdminApi(
    const QUrl &base, const QByteArray &token, const ApiCall &call, int timeoutMs)
{
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/v1") + call.path, QUrl::TolerantMode);
    url.setQuery(call.query);

    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token);
    request.setRawHeader("Accept", "application/json");
    // The server may be any PanelX the user points at; a redirect elsewhere would carry the token.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QByteArray body;
    if (call.hasBody) {
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        body = QJsonDocument(call.body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = network.sendCustomRequest(request, call.method, body);
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    AdminReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.reached = result.status != 0;
    result.body = reply->readAll();
    if (!result.reached)
        result.problem = deadline.isActive()
            ? reply->errorString()
            : QStringLiteral("no answer within %1 s").arg(timeoutMs / 1000);
    delete reply;
    return result;
}

AdminReply download(const QUrl &url, QSaveFile &file, qint64 *bytes, int idleTimeoutMs)
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QTimer idle;
    idle.setSingleShot(true);
    bool timedOut = false;
    bool writeFailed = false;
    *bytes = 0;
    QObject::connect(&idle, &QTimer::timeout, reply, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [&] {
        idle.start(idleTimeoutMs);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status >= 300)
            return; // an error's body, read at the end
        const QByteArray chunk = reply->readAll();
        if (file.write(chunk) != chunk.size()) {
            writeFailed = true;
            reply->abort();
            return;
        }
        *bytes += chunk.size();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    idle.start(idleTimeoutMs);
    if (!reply->isFinished())
        loop.exec();

    AdminReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.reached = result.status != 0;
    result.body = reply->readAll();
    const bool ok = result.status >= 200 && result.status < 300;
    if (ok && !writeFailed) {
        writeFailed = file.write(result.body) != result.body.size();
        *bytes += result.body.size();
        result.body.clear();
    }
    // `problem` with `reached`: the answer was good but did not all arrive or could not be saved.
    if (writeFailed)
        result.problem = file.errorString();
    else if (timedOut)
        result.problem = QStringLiteral("nothing arrived for %1 s").arg(idleTimeoutMs / 1000);
    else if (!result.reached || (ok && reply->error() != QNetworkReply::NoError))
        result.problem = reply->errorString();
    delete reply;
    return result;
}

} // namespace panelx::ctl
