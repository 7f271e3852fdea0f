// The rungs a channel's ladder may have and the libx264 presets it may use: the catalogue that
// the channel validator, the admin API, `panelx ctl` and the Quality page all check against.
// Pure: no libav, no I/O.
#pragma once

#include "ChannelTypes.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace panelx {

struct FieldError;

// Field names of a channel's ladder as used in FieldError::field.
namespace channelfield {
inline const QString abrRungs = QStringLiteral("abr.rungs");
inline const QString abrPreset = QStringLiteral("abr.preset");
} // namespace channelfield

struct RungSpec {
    QString name; // "720p": also the rendition's name in the store and in URLs
    int height = 0; // lines of the encoded picture; the width follows the display aspect
    qint64 videoBitrate = 0; // bits per second, the encoder's target
    QString profile; // H.264 profile: "high" from 720p up, "main" below

    // VBV: maxrate about 1.1x and bufsize about 2x the target.
    qint64 maxRate() const { return videoBitrate * 11 / 10; }
    qint64 bufferSize() const { return videoBitrate * 2; }
};

namespace ladder {

inline constexpr qint64 kAudioBitrate = 128'000; // AAC-LC stereo, encoded once for every rung
inline constexpr int kAudioChannels = 2;

// Every rung there is, highest first: 1080p 5000k, 720p 2800k, 480p 1400k, 360p 800k.
const QList<RungSpec> &catalogue();
// The rung of that name ("720p", also "720" and "720P"), if there is one.
std::optional<RungSpec> rung(const QString &name);
// libx264's presets, fastest first.
const QStringList &presets();
inline const QString kDefaultPreset = QStringLiteral("veryfast");

// The rungs named, in catalogue order (highest first) without repeats, with their names
// normalised ("720" -> "720p"); unknown names are left out (validate() reports them).
QStringList normalisedRungs(const QStringList &names);
// "720p,480p" or "720p 480p" as a list of names (for forms and the command line).
QStringList parseRungList(const QString &text);

// Every problem of a ladder, each a sentence that says what to do: an unknown rung, no rung
// while the ladder is on, an unknown preset.
QList<FieldError> validate(const AbrConfig &abr);

} // namespace ladder
} // namespace panelx
