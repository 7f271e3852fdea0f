// The value type of a schedule (record a channel, start one or stop one, once, daily or weekly
// at a local time in an IANA zone) and its validation. Pure: no clock, no I/O, so a form and the
// admin API show each message next to its field.
#pragma once

#include "ChannelValidator.h"
#include "dvr/Recording.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QTime>

namespace panelx {

enum class ScheduleAction {
    Invalid = 0,
    Record, // record the channel for durationMinutes, padded before and after
    Start, // start the channel (and stop it again after durationMinutes when not 0)
    Stop, // stop the channel (and start it again after durationMinutes when not 0)
};

enum class Recurrence { Invalid = 0, Once, Daily, Weekly };

// "record", "start", "stop" / "once", "daily", "weekly" (API and database); Invalid for others.
QString scheduleActionName(ScheduleAction action);
ScheduleAction scheduleActionFromName(const QString &name);
QString recurrenceName(Recurrence recurrence);
Recurrence recurrenceFromName(const QString &name);

// Whether a schedule may use the zone: an IANA name Qt knows ("Europe/Berlin", "UTC",
// "UTC+01:00"); not a name Qt would only read as a POSIX rule ("Berlin").
bool isKnownTimeZone(const QByteArray &ianaId);

// A set of weekdays, Qt::Monday (1) to Qt::Sunday (7).
class Weekdays {
public:
    constexpr Weekdays() = default;
    static constexpr Weekdays mondayToFriday() { return Weekdays(0b0011111); }
    static constexpr Weekdays all() { return Weekdays(0b1111111); }

    constexpr bool contains(int dayOfWeek) const
    {
        return dayOfWeek >= 1 && dayOfWeek <= 7 && (m_bits & (1 << (dayOfWeek - 1)));
    }
    constexpr Weekdays &add(int dayOfWeek)
    {
        if (dayOfWeek >= 1 && dayOfWeek <= 7)
            m_bits |= quint8(1 << (dayOfWeek - 1));
        return *this;
    }
    constexpr bool isEmpty() const { return m_bits == 0; }
    // Monday first.
    QList<int> days() const;
    // "mon", "tue", … "sun" (API), Monday first.
    QStringList names() const;
    // From those names (any case); names that are none of them go to `unknown` when given.
    static Weekdays fromNames(const QStringList &names, QStringList *unknown = nullptr);

    constexpr bool operator==(const Weekdays &) const = default;

private:
    constexpr explicit Weekdays(quint8 bits) : m_bits(bits) { }
    quint8 m_bits = 0; // bit 0 = Monday
};

// Field names as used in FieldError::field.
namespace schedulefield {
inline const QString name = QStringLiteral("name");
inline const QString action = QStringLiteral("action");
inline const QString channel = QStringLiteral("channel");
inline const QString start = QStringLiteral("start");
inline const QString timeZone = QStringLiteral("timeZone");
inline const QString minutes = QStringLiteral("minutes");
inline const QString repeat = QStringLiteral("repeat");
inline const QString weekdays = QStringLiteral("weekdays");
inline const QString until = QStringLiteral("until");
inline const QString padding = QStringLiteral("padding");
} // namespace schedulefield

struct Schedule {
    static constexpr int kMaxNameLength = 100;
    // Start and stop hold the channel's state for up to a day (0: switch it and leave it).
    static constexpr int kMaxSwitchMinutes = 24 * 60;
    // The live buffer covers the padding before; longer padding belongs in the duration.
    static constexpr int kMaxPaddingMinutes = 120;

    qint64 id = 0; // 0 until stored
    QString name;
    ScheduleAction action = ScheduleAction::Record;
    qint64 channelId = 0;
    QString title; // records: the recordings' title (empty: the channel's name and the time)
    QDate firstDate; // local, in timeZoneId
    QTime startTime; // local, in timeZoneId; whole seconds (stored without milliseconds)
    QByteArray timeZoneId; // IANA, e.g. "Europe/Berlin"
    int durationMinutes = kDefaultRecordingMinutes;
    Recurrence recurrence = Recurrence::Once;
    Weekdays weekdays; // Weekly only
    QDate lastDate; // Daily and Weekly: the last local date with an occurrence; null: none
    int paddingBeforeMinutes = 0; // records only
    int paddingAfterMinutes = 0; // records only
    bool enabled = true;
    qint64 createdUtcMs = 0;

    bool operator==(const Schedule &) const = default;
};

// How much may run at once before schedules conflict (Conflicts::find's limits).
struct ScheduleSettings {
    static constexpr int kMaxAtOnce = 64; // for either figure
    int maxRecordings = 4; // recordings at once
    int maxTranscodes = 1; // channels transcoding an ABR ladder at once (CPU-bound)

    bool operator==(const ScheduleSettings &) const = default;
};

class ScheduleValidator {
    Q_DECLARE_TR_FUNCTIONS(ScheduleValidator)
public:
    // Every problem of `schedule`, in field order; empty when it may be stored. The channel is
    // only checked for being set: whether it exists is the caller's to know.
    static QList<FieldError> validate(const Schedule &schedule);
};

} // namespace panelx

Q_DECLARE_METATYPE(panelx::Schedule)
Q_DECLARE_METATYPE(panelx::ScheduleSettings)
