// What each channel's ladder renditions are (picture, frame rate, codecs, configured
// bandwidth), for master playlists. The transcoder publishes a channel's live rungs as it
// starts, sheds or stops them; each one is also kept in SQLite, so master playlists of
// timeshift windows and recordings can describe renditions the ladder no longer makes (after
// a restart, or once the ladder is off). Thread-safe: published on transcoder threads, read on
// HTTP threads (from memory after a channel's first read).
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <mutex>
#include <optional>

namespace panelx {

class Database;

struct RenditionInfo {
    QString rendition; // "720p"
    int width = 0;
    int height = 0;
    double frameRate = 0;
    QString codecs; // RFC 6381, from the streams themselves: "avc1.64001f,mp4a.40.2"
    // Configured bits per second, video and audio: the BANDWIDTH a master playlist gives
    // before enough segments exist to measure.
    qint64 bandwidth = 0;

    bool operator==(const RenditionInfo &) const = default;
};

class RenditionDirectory {
public:
    explicit RenditionDirectory(Database &db);
    RenditionDirectory(const RenditionDirectory &) = delete;
    RenditionDirectory &operator=(const RenditionDirectory &) = delete;

    // The renditions the channel's ladder makes now, highest first; empty turns it to copy
    // only. Each is also stored (replacing what was known of that rendition). False with a
    // reason when storing failed; the live list is set anyway.
    bool setLive(
        qint64 channelId, const QList<RenditionInfo> &renditions, QString *error = nullptr);
    // Highest first; empty when the channel has no ladder running.
    QList<RenditionInfo> live(qint64 channelId) const;
    // Every rendition known for the channel (live or stored), highest first.
    QList<RenditionInfo> known(qint64 channelId) const;
    // Forgets a deleted channel's renditions, live and stored.
    void removeChannel(qint64 channelId);

private:
    QList<RenditionInfo> &loaded(qint64 channelId) const; // with m_mutex held

    Database &m_db;
    mutable std::mutex m_mutex;
    QHash<qint64, QList<RenditionInfo>> m_live;
    mutable QHash<qint64, QList<RenditionInfo>> m_known; // loaded on first read
};

} // namespace panelx
