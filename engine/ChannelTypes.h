// Value types that describe channels, their live state and their segments. They cross threads
// by value (queued signals), so they are registered as metatypes in Engine.cpp.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace panelx {

inline constexpr int kDefaultSegmentDurationMs = 4000;
inline constexpr int kMinSegmentDurationMs = 1000;
inline constexpr int kMaxSegmentDurationMs = 10000;
// The longest segment the segmenter cuts for a target duration (a source with long or missing
// keyframes is cut without one there); live playlists declare it as EXT-X-TARGETDURATION, which
// must not change during a playlist's life (RFC 8216 6.2.1). See docs/decisions.md.
constexpr int longestSegmentMs(int targetDurationMs)
{
    return targetDurationMs * 3 / 2;
}
inline constexpr qint64 kDefaultBufferMs = 2LL * 3600 * 1000;
inline constexpr qint64 kMaxBufferMs = 24LL * 3600 * 1000;
inline constexpr quint16 kDefaultHttpPort = 8080;
// Connections one client address may hold on the viewer server (a TV or a phone needs a few; a
// reverse proxy carries every viewer on one address and needs more).
inline constexpr int kDefaultConnectionsPerAddress = 64;
inline constexpr int kMaxConnectionsPerAddress = 1024;
// The copy-mode rendition: the source's own packets, re-muxed.
inline const QString kSourceRendition = QStringLiteral("src");
// URL of the built-in test pattern (made by libav's lavfi, no network needed).
inline const QString kDemoSourceUrl = QStringLiteral("demo:");
// "demo:" as people also write it ("demo://", "DEMO:", with spaces around).
bool isDemoSourceUrl(const QString &url);

// A channel's adaptive-bitrate ladder (engine/transcode/Ladder.h names the rungs and presets).
// Off: the source is only re-muxed (the "src" rendition). On: the video is decoded once and
// encoded with libx264 at every listed rung the source is tall enough for, each rung a
// rendition of its own named like the rung ("720p"), under one master playlist.
struct AbrConfig {
    bool enabled = false;
    QStringList rungs = {QStringLiteral("1080p"), QStringLiteral("720p"), QStringLiteral("480p"),
        QStringLiteral("360p")};
    QString preset = QStringLiteral("veryfast"); // a libx264 preset

    bool operator==(const AbrConfig &) const = default;
};

struct ChannelConfig {
    qint64 id = 0; // 0 until stored
    QString name;
    QString slug; // URL-safe, unique; derived from the name when stored
    QString sourceUrl;
    bool enabled = true;
    int segmentDurationMs = kDefaultSegmentDurationMs;
    qint64 bufferMs = kDefaultBufferMs;
    AbrConfig abr;

    bool operator==(const ChannelConfig &) const = default;
};

enum class ChannelState { Invalid = 0, Stopped, Starting, Live, Reconnecting, Failed };

// Where one rung of a channel's ladder is.
enum class RungState {
    Invalid = 0,
    Starting, // planned, no segment yet
    Running, // keeping up with the source
    Behind, // slower than real time (speed < 1.0) for a while; see RungStatus::message
    Shed, // switched off by the transcoder because the machine could not keep up
    Skipped, // the source is not tall enough for it
};

QString rungStateName(RungState state);

// One rung's live figures, in the channel's status (highest rung first).
struct RungStatus {
    QString rendition; // the rung's name, also its rendition in the store ("720p")
    RungState state = RungState::Starting;
    int width = 0;
    int height = 0;
    double frameRate = 0; // of the encoded video
    qint64 targetBitrate = 0; // video, bits per second, as configured
    qint64 videoBitrate = 0; // video as encoded, bits per second, recent: against the target
    qint64 measuredBitrate = 0; // whole segments (video and audio), bits per second, recent
    double encodedFps = 0; // frames encoded per second, recent
    double speed = 0; // encoded media time per wall-clock time (1.0 = real time)
    qint64 framesDropped = 0; // since the ladder started
    QString message; // why it is Behind, Shed or Skipped, in words a person can act on

    bool operator==(const RungStatus &) const = default;
};

QString channelStateName(ChannelState state);

struct ChannelStatus {
    qint64 channelId = 0;
    ChannelState state = ChannelState::Stopped;
    QString message; // the last error or reason, in words a person can act on
    qint64 inputBitrate = 0; // bits per second, measured over the last few seconds
    double frameRate = 0;
    QString videoCodec; // empty for audio-only sources
    int width = 0;
    int height = 0;
    QString audioCodec; // empty for video-only sources
    int viewers = 0; // distinct viewer addresses in the last 30 s
    qint64 bufferBytes = 0; // this channel's segments on disk
    // Packets its consumers (segmenter, recorder, transcoder) lost by falling behind the source
    // since the ingest started; each loss is whole GOPs.
    qint64 packetsDropped = 0;
    QList<RungStatus> rungs; // empty when the channel's ladder is off
};

struct SegmentInfo {
    qint64 channelId = 0;
    QString rendition = kSourceRendition;
    qint64 sequence = 0; // never repeats for a channel+rendition, also across restarts
    qint64 startUtcMs = 0;
    qint64 durationMs = 0;
    qint64 sizeBytes = 0;
    bool discontinuity = false; // timestamps do not continue from the previous segment
    // Count of discontinuities from the channel's first segment up to and including this one;
    // the playlist's EXT-X-DISCONTINUITY-SEQUENCE is this value of its first segment.
    qint64 discontinuitySequence = 0;

    bool operator==(const SegmentInfo &) const = default;
};

} // namespace panelx

Q_DECLARE_METATYPE(panelx::ChannelConfig)
Q_DECLARE_METATYPE(panelx::ChannelStatus)
Q_DECLARE_METATYPE(panelx::SegmentInfo)
