#include "TimeshiftPlayback.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace panelx {

TimeshiftPlayback::TimeshiftPlayback(QMediaPlayer *player, QObject *parent)
    : QObject(parent), m_player(player), m_network(new QNetworkAccessManager(this))
{
    connect(player, &QMediaPlayer::mediaStatusChanged, this, &TimeshiftPlayback::onMediaStatus);
    connect(player, &QMediaPlayer::seekableChanged, this, &TimeshiftPlayback::moveToTarget);
}

void TimeshiftPlayback::playLive(const QUrl &liveUrl)
{
    m_live = true;
    m_targetUtcMs.reset();
    load(liveUrl);
}

void TimeshiftPlayback::playFrom(const QUrl &windowUrl, qint64 targetUtcMs)
{
    m_live = false;
    m_targetUtcMs = targetUtcMs;
    load(windowUrl);
}

void TimeshiftPlayback::reset()
{
    if (m_reply)
        m_reply->abort();
    m_active = false;
    m_live = true;
    m_mediaReady = false;
    m_windowStartUtcMs.reset();
    m_targetUtcMs.reset();
}

void TimeshiftPlayback::load(const QUrl &url)
{
    if (m_reply)
        m_reply->abort();
    m_active = true;
    m_mediaReady = false;
    m_windowStartUtcMs.reset();
    QNetworkReply *reply = m_network->get(QNetworkRequest(url));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        if (reply != m_reply || reply->error() == QNetworkReply::OperationCanceledError)
            return;
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError) {
            // The server's 404 says in a sentence what the buffer holds.
            const QString reason
                = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid()
                ? QString::fromUtf8(body).trimmed()
                : reply->errorString();
            emit failed(reason.isEmpty() ? reply->errorString() : reason);
            return;
        }
        m_windowStartUtcMs = firstProgramDateTime(body);
        moveToTarget();
    });
    m_player->setSource(url);
    m_player->play();
}

void TimeshiftPlayback::onMediaStatus(QMediaPlayer::MediaStatus status)
{
    if (!m_active)
        return;
    // Measured: BufferedMedia may come before LoadedMedia, with position() still 0; once loaded
    // the demuxer has placed the stream and the position counts from the playlist's start.
    if (status == QMediaPlayer::LoadedMedia)
        m_mediaReady = true;
    else if (status == QMediaPlayer::LoadingMedia || status == QMediaPlayer::NoMedia)
        m_mediaReady = false;
    moveToTarget();
}

void TimeshiftPlayback::moveToTarget()
{
    // A seek before the demuxer has its playlist and seek range is dropped (measured: at
    // LoadedMedia the player is not yet seekable).
    if (!m_targetUtcMs || !m_windowStartUtcMs || !m_mediaReady || !m_player->isSeekable())
        return;
    m_player->setPosition(std::max<qint64>(0, *m_targetUtcMs - *m_windowStartUtcMs));
    m_targetUtcMs.reset();
}

std::optional<qint64> TimeshiftPlayback::playingUtcMs() const
{
    if (!m_active)
        return std::nullopt;
    if (m_targetUtcMs)
        return m_targetUtcMs;
    if (!m_windowStartUtcMs || !m_mediaReady)
        return std::nullopt;
    return *m_windowStartUtcMs + m_player->position();
}

std::optional<qint64> TimeshiftPlayback::firstProgramDateTime(const QByteArray &playlist)
{
    static constexpr QByteArrayView kTag = "#EXT-X-PROGRAM-DATE-TIME:";
    const qsizetype at = playlist.indexOf(kTag);
    if (at < 0)
        return std::nullopt;
    const qsizetype from = at + kTag.size();
    qsizetype end = playlist.indexOf('\n', from);
    if (end < 0)
        end = playlist.size();
    const QDateTime time = QDateTime::fromString(
        QString::fromLatin1(playlist.mid(from, end - from)).trimmed(), Qt::ISODateWithMs);
    if (!time.isValid())
        return std::nullopt;
    return time.toMSecsSinceEpoch();
}

} // namespace panelx
