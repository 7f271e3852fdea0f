#include "AuthGuard.h"

#include <algorithm>

namespace panelx {

int AuthGuard::retryAfterSeconds(const QHostAddress &address, qint64 nowMs) const
{
    const auto it = m_records.constFind(address.toString());
    if (it == m_records.constEnd() || it->blockedUntilMs <= nowMs)
        return 0;
    return static_cast<int>((it->blockedUntilMs - nowMs + 999) / 1000);
}

void AuthGuard::recordFailure(const QHostAddress &address, qint64 nowMs)
{
    const QString key = address.toString();
    if (m_records.size() >= kMaxAddresses && !m_records.contains(key))
        forgetQuiet(nowMs);
    Record &record = m_records[key];
    record.failuresMs.removeIf([nowMs](qint64 at) { return at <= nowMs - kWindowMs; });
    record.failuresMs.append(nowMs);
    if (record.failuresMs.size() < kFailuresAllowed)
        return;
    record.blockedUntilMs = nowMs + record.nextBlockMs;
    record.nextBlockMs = std::min(record.nextBlockMs * 2, kLongestBlockMs);
    record.failuresMs.clear();
}

void AuthGuard::recordSuccess(const QHostAddress &address)
{
    m_records.remove(address.toString());
}

void AuthGuard::forgetQuiet(qint64 nowMs)
{
    m_records.removeIf([nowMs](const auto &entry) {
        const Record &record = entry.value();
        return record.blockedUntilMs <= nowMs
            && (record.failuresMs.isEmpty() || record.failuresMs.last() <= nowMs - kWindowMs);
    });
    // Still full of blocked addresses (a wide attack): forget the ones whose block ends first.
    while (m_records.size() >= kMaxAddresses) {
        auto oldest = std::min_element(m_records.begin(), m_records.end(),
            [](const Record &a, const Record &b) { return a.blockedUntilMs < b.blockedUntilMs; });
        m_records.erase(oldest);
    }
}

} // namespace panelx
