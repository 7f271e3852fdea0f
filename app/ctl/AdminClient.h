// Blocking HTTP for `panelx ctl`: one call to PanelX's admin API, or one download from its viewer
// server; QNetworkAccessManager in a local event loop with a deadline.
#pragma once

#include "CtlCommand.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

class QSaveFile;

namespace panelx::ctl {

struct AdminReply {
    bool reached = false; // false: nothing answered at the URL (see `problem`)
    int status = 0;
    QByteArray body;
    QString problem; // why it was not reached, from Qt Network
};

// `base` is the server's root ("http://127.0.0.1:8080"); the call goes to base/api/v1/<path>.
AdminReply callAdminApi(
    const QUrl &base, const QByteArray &token, const ApiCall &call, int timeoutMs = 15000);

// GETs `url` (no token: the viewer server's media needs none) into `file`, opened for writing.
// Gives up when nothing arrives for idleTimeoutMs (a long recording may take a while, but keeps
// coming). `body` holds the answer when it is not 2xx; *bytes is what was written. A 2xx that
// was cut off or could not be written has `problem` set (file.error() tells which); the caller
// commits the file only without one.
AdminReply download(const QUrl &url, QSaveFile &file, qint64 *bytes, int idleTimeoutMs = 30000);

} // namespace panelx::ctl
