// Stills of moments in a channel's buffer for the timeline's hover preview: GET
// <viewer base>/thumb/<channel>/<unix s>.jpg, each fetched once and kept. A moment the server
// has no still for (404: outside the buffer, or a server without stills) is remembered as
// missing, so the preview shows just the time there.
#pragma once

#include <QCache>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;

namespace panelx {

class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailCache(QObject *parent = nullptr);

    // "http://host:port" without a trailing slash; a change forgets what was kept.
    void setBaseUrl(const QString &viewerBaseUrl);
    // The still, or a null pixmap while it is fetched (ready() follows) or when there is none.
    QPixmap thumbnail(qint64 channelId, qint64 utcSeconds);
    static QUrl url(const QString &viewerBaseUrl, qint64 channelId, qint64 utcSeconds);

signals:
    void ready(qint64 channelId, qint64 utcSeconds);

private:
    QNetworkAccessManager *m_network;
    QString m_baseUrl;
    QCache<QUrl, QPixmap> m_stills;
    QSet<QUrl> m_missing;
    QSet<QUrl> m_pending;
};

} // namespace panelx
