// Plays a live channel, live or from a moment of its buffer, and knows the wall-clock time of
// what is playing. That time is the window's real start, the first EXT-X-PROGRAM-DATE-TIME of
// the playlist asked for (fetched here as well), plus QMediaPlayer::position(): GStreamer's HLS
// demuxer counts the position from the first segment of the playlist it loaded, live or not,
// and keeps counting as a live playlist slides or an EVENT one grows. It starts any playlist
// without ENDLIST (live, and timeshift's EVENT windows) three segments before its end, as it
// would live, so a window is moved to the moment asked for once it is buffered and seekable.
#pragma once

#include <QMediaPlayer>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace panelx {

class TimeshiftPlayback : public QObject {
    Q_OBJECT
public:
    explicit TimeshiftPlayback(QMediaPlayer *player, QObject *parent = nullptr);

    void playLive(const QUrl &liveUrl);
    // `windowUrl` is an EVENT playlist from the segment that covers `targetUtcMs` to live.
    void playFrom(const QUrl &windowUrl, qint64 targetUtcMs);
    // Forgets the window (the player is given other media, or stopped).
    void reset();

    bool isActive() const { return m_active; }
    bool isLive() const { return m_live; }
    // The moment playing now: the target while a window is being moved there; nullopt until
    // the window's start and the media are known.
    std::optional<qint64> playingUtcMs() const;
    // "First EXT-X-PROGRAM-DATE-TIME" of a playlist, in UTC ms; nullopt when it has none.
    static std::optional<qint64> firstProgramDateTime(const QByteArray &playlist);

signals:
    // The playlist could not be read: the server's sentence (or the network's) in words.
    void failed(const QString &reason);

private:
    void load(const QUrl &url);
    void onMediaStatus(QMediaPlayer::MediaStatus status);
    void moveToTarget();

    QMediaPlayer *m_player;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    bool m_active = false;
    bool m_live = true;
    bool m_mediaReady = false; // the current source is loaded: position() is its own
    std::optional<qint64> m_windowStartUtcMs;
    std::optional<qint64> m_targetUtcMs; // a window not yet moved to its moment
};

} // namespace panelx
