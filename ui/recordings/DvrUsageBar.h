// How full the DVR quota is: a bar with "3.2 GB of 10 GB", the channels' live buffers (which
// do not count against the quota) beside it, and which recording automatic clean-up would
// delete next.
#pragma once

#include "dvr/Recording.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace panelx {

class EngineClient;

class DvrUsageBar : public QWidget {
    Q_OBJECT
public:
    explicit DvrUsageBar(EngineClient *client, QWidget *parent = nullptr);

    QString usageText() const; // "3.2 GB of 10 GB"
    QString cleanupText() const; // empty when clean-up would delete nothing

    // "3.2 GB of 10 GB"
    static QString quotaText(qint64 usedBytes, qint64 quotaBytes);

private:
    void refresh();

    EngineClient *m_client;
    QProgressBar *m_bar;
    QLabel *m_buffer;
    QLabel *m_cleanup;
};

} // namespace panelx
