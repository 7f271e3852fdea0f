// One blocking call to PanelX's admin API over HTTP, for `panelx ctl`: QNetworkAccessManager in
// a local event loop with a deadline.
#pragma once

#include "CtlCommand.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

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

} // namespace panelx::ctl
