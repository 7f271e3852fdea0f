// RFC 6381 codec strings for master playlists (CODECS="avc1.64001f,mp4a.40.2"), read from the
// streams themselves.
#pragma once

#include <QByteArray>
#include <QString>

namespace panelx::codecstring {

// "avc1.PPCCLL" (profile_idc, constraint flags, level_idc in hex) from the first H.264 SPS in
// `data`: Annex B (start codes, as in a keyframe packet or Annex B extradata) or an avcC
// record (MP4 extradata). Empty when no SPS is found.
QString avc1(const QByteArray &data);
// "mp4a.40.<audio object type>" for an AAC profile as libavcodec numbers it
// (FF_PROFILE_AAC_*): 2 for LC, 5 for HE-AAC, 29 for HE-AAC v2. LC when unknown.
QString mp4a(int aacProfile);

} // namespace panelx::codecstring
