// Checks a channel's settings before they are stored or started: pure, no I/O, so a form can
// show each message next to its field while the user types.
#pragma once

#include "ChannelTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace panelx {

// Field names as used in FieldError::field.
namespace channelfield {
inline const QString name = QStringLiteral("name");
inline const QString sourceUrl = QStringLiteral("sourceUrl");
inline const QString segmentDurationMs = QStringLiteral("segmentDurationMs");
inline const QString bufferMs = QStringLiteral("bufferMs");
} // namespace channelfield

struct FieldError {
    QString field;
    QString message; // a sentence that says what to do
    // The value clashes with another stored channel (a name already taken) rather than being
    // invalid in itself: the admin API answers 409 instead of 422.
    bool conflict = false;

    bool operator==(const FieldError &) const = default;
};

class ChannelValidator {
public:
    static constexpr int kMaxNameLength = 100;

    // Every problem of `channel`, in field order; empty when it may be stored. `existing` are
    // the stored channels; the one with channel.id (when not 0) is the channel itself.
    static QList<FieldError> validate(
        const ChannelConfig &channel, const QList<ChannelConfig> &existing);

    // Empty if the source URL can be opened by this build, else why not.
    static QString checkSourceUrl(const QString &url);
    // URL schemes this libav build can open: input protocols and demuxers that open their own
    // URL (rtsp), sorted.
    static QStringList inputProtocols();
};

} // namespace panelx
