// Slows down token guessing: an address that sent too many wrong tokens within a minute is
// refused (429) for a while, twice as long each time it does it again; a right token clears
// its record. Pure: the caller passes the time, so every case is testable without waiting.
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>

namespace panelx {

class AuthGuard {
public:
    static constexpr int kFailuresAllowed = 5; // within kWindowMs
    static constexpr qint64 kWindowMs = 60 * 1000;
    static constexpr qint64 kFirstBlockMs = 60 * 1000;
    static constexpr qint64 kLongestBlockMs = 60 * 60 * 1000;
    // Addresses remembered at most; the oldest quiet ones are forgotten first.
    static constexpr int kMaxAddresses = 4096;

    // Whole seconds `address` must wait before trying a token again; 0 when it may now.
    int retryAfterSeconds(const QHostAddress &address, qint64 nowMs) const;
    void recordFailure(const QHostAddress &address, qint64 nowMs);
    void recordSuccess(const QHostAddress &address);

private:
    struct Record {
        QList<qint64> failuresMs; // within the window, oldest first
        qint64 blockedUntilMs = 0;
        qint64 nextBlockMs = kFirstBlockMs;
    };
    void forgetQuiet(qint64 nowMs);

    QHash<QString, Record> m_records;
};

} // namespace panelx
