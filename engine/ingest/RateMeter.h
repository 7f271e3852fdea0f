// An input rate over a sliding window of received bytes, so a source that stops sending shows
// a falling rate at once instead of its last measurement until the read time-out.
#pragma once

#include <QtGlobal>
#include <algorithm>
#include <array>
#include <chrono>

namespace panelx {

class RateMeter {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kBucket {250};
    static constexpr int kBuckets = 12; // a 3 s window

    void add(qint64 bytes, Clock::time_point now)
    {
        Bucket &bucket = bucketFor(now);
        bucket.bytes += bytes;
    }

    // Bits per second over the window that ends `now`; 0 with no bytes in it.
    qint64 bitsPerSecond(Clock::time_point now) const
    {
        const qint64 index = indexOf(now);
        qint64 bytes = 0;
        for (const Bucket &bucket : m_buckets) {
            if (bucket.index > index - kBuckets)
                bytes += bucket.bytes;
        }
        // The window is not full before kBuckets have passed since the first byte.
        const qint64 spanBuckets = m_firstIndex < 0
            ? kBuckets
            : std::clamp<qint64>(index - m_firstIndex + 1, 1, kBuckets);
        return bytes * 8 * 1000 / (spanBuckets * kBucket.count());
    }

    void reset() { *this = RateMeter(); }

private:
    struct Bucket {
        qint64 index = -1; // time slot it counts, in kBucket units since the epoch of Clock
        qint64 bytes = 0;
    };

    static qint64 indexOf(Clock::time_point now)
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()
            / kBucket.count();
    }

    Bucket &bucketFor(Clock::time_point now)
    {
        const qint64 index = indexOf(now);
        if (m_firstIndex < 0)
            m_firstIndex = index;
        Bucket &bucket = m_buckets[size_t(index % kBuckets)];
        if (bucket.index != index)
            bucket = {index, 0};
        return bucket;
    }

    std::array<Bucket, kBuckets> m_buckets {};
    qint64 m_firstIndex = -1;
};

} // namespace panelx
