#include "ThumbnailCache.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace panelx {

namespace {
// 160 px wide JPEGs of a few KiB: an afternoon of hovering at one still per segment.
constexpr int kMaxStills = 500;
} // namespace

ThumbnailCache::ThumbnailCache(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this)), m_stills(kMaxStills)
{
}

void ThumbnailCache::setBaseUrl(const QString &viewerBaseUrl)
{
    if (viewerBaseUrl == m_baseUrl)
        return;
    m_baseUrl = viewerBaseUrl;
    m_stills.clear();
    m_missing.clear();
}

QUrl ThumbnailCache::url(const QString &viewerBaseUrl, qint64 channelId, qint64 utcSeconds)
{
    return QUrl(
        QStringLiteral("%1/thumb/%2/%3.jpg").arg(viewerBaseUrl).arg(channelId).arg(utcSeconds));
}

QPixmap ThumbnailCache::thumbnail(qint64 channelId, qint64 utcSeconds)
{
    if (m_baseUrl.isEmpty())
        return {};
    const QUrl address = url(m_baseUrl, channelId, utcSeconds);
    if (const QPixmap *still = m_stills.object(address))
        return *still;
    if (m_missing.contains(address) || m_pending.contains(address))
        return {};
    m_pending.insert(address);
    QNetworkReply *reply = m_network->get(QNetworkRequest(address));
    connect(reply, &QNetworkReply::finished, this, [this, reply, address, channelId, utcSeconds] {
        reply->deleteLater();
        m_pending.remove(address);
        QPixmap still;
        if (reply->error() != QNetworkReply::NoError || !still.loadFromData(reply->readAll())) {
            // A moment the server has no still of (404, or an answer that is no picture) stays
            // missing; a busy server (503 with Retry-After) or a lost connection is asked again
            // at the next hover.
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 404 || status == 200)
                m_missing.insert(address);
            return;
        }
        m_stills.insert(address, new QPixmap(still));
        emit ready(channelId, utcSeconds);
    });
    return {};
}

} // namespace panelx
