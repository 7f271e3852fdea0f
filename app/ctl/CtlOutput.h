// What `panelx ctl` prints for people: the admin API's JSON answers as aligned tables and
// "key: value" lines (with --json the answer is printed as it is instead).
#pragma once

#include "CtlCommand.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace panelx::ctl {

// Rows of cells as columns padded to their widest cell, the first row being the heading.
QString formatTable(const QList<QStringList> &rows);
// 1536 -> "1.5 KiB".
QString formatBytes(qint64 bytes);
// 3725 -> "1 h 2 min".
QString formatDuration(qint64 seconds);

// The answer to `command` (the parsed JSON body; empty for 204) as text for a person.
QString formatAnswer(const CtlCommand &command, const QJsonObject &answer);

} // namespace panelx::ctl
