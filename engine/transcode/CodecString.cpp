#include "transcode/CodecString.h"

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace panelx::codecstring {

namespace {

constexpr int kNalSps = 7;

QString avc1FromFields(quint8 profile, quint8 constraints, quint8 level)
{
    return QStringLiteral("avc1.%1%2%3")
        .arg(profile, 2, 16, QLatin1Char('0'))
        .arg(constraints, 2, 16, QLatin1Char('0'))
        .arg(level, 2, 16, QLatin1Char('0'));
}

// The first three bytes of a NAL unit's payload after `from`, emulation prevention bytes
// (00 00 03) removed; false when the unit is shorter.
bool firstPayloadBytes(const QByteArray &data, qsizetype from, quint8 out[3])
{
    int zeros = 0;
    int taken = 0;
    for (qsizetype i = from; i < data.size() && taken < 3; ++i) {
        const quint8 byte = quint8(data[i]);
        if (zeros >= 2 && byte == 3) {
            zeros = 0;
            continue;
        }
        zeros = byte == 0 ? zeros + 1 : 0;
        out[taken++] = byte;
    }
    return taken == 3;
}

} // namespace

QString avc1(const QByteArray &data)
{
    // avcC: configurationVersion 1, then profile, compatibility (constraint flags), level.
    if (data.size() >= 7 && quint8(data[0]) == 1)
        return avc1FromFields(quint8(data[1]), quint8(data[2]), quint8(data[3]));
    for (qsizetype i = 0; i + 3 < data.size(); ++i) {
        if (data[i] != 0 || data[i + 1] != 0 || data[i + 2] != 1)
            continue;
        const qsizetype header = i + 3;
        if ((quint8(data[header]) & 0x1f) != kNalSps)
            continue;
        quint8 fields[3];
        if (firstPayloadBytes(data, header + 1, fields))
            return avc1FromFields(fields[0], fields[1], fields[2]);
    }
    return {};
}

QString mp4a(int aacProfile)
{
    switch (aacProfile) {
    case FF_PROFILE_AAC_HE:
        return QStringLiteral("mp4a.40.5");
    case FF_PROFILE_AAC_HE_V2:
        return QStringLiteral("mp4a.40.29");
    default:
        return QStringLiteral("mp4a.40.2");
    }
}

} // namespace panelx::codecstring
