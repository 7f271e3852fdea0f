// One source stream's parameters as its bitstream states them, to notice when they change
// mid-stream (a source switching from 720p to 1080p, from mono to stereo), which the demuxer
// does not report: its codec parameters are learnt once, at open.
#pragma once

#include "av/AvHandles.h"

namespace panelx {

class StreamParameters {
public:
    // Starts from what the demuxer learnt when it opened the stream.
    explicit StreamParameters(const AVCodecParameters &opened);

    // The stream's current parameters; a change gives a new object, the one before stays valid
    // until the next change (consumers of the previous session may still read it).
    const AVCodecParameters *parameters() const { return m_current.get(); }

    // Reads the parameters a packet of this stream carries (video keyframes, audio frames).
    // True when they differ from those the stream started with or last changed to;
    // parameters() then describes the new ones.
    bool update(const AVPacket &packet);

private:
    struct Seen {
        int width = 0;
        int height = 0;
        int sampleRate = 0;
        int channels = 0;
        bool operator==(const Seen &) const = default;
    };
    bool parse(const AVPacket &packet, Seen *seen);

    AvCodecParametersPtr m_current;
    AvCodecParametersPtr m_previous;
    AvCodecContextPtr m_parserContext;
    AvParserPtr m_parser;
    bool m_haveSeen = false;
    Seen m_seen; // the bitstream's values, compared with each other rather than with the
                 // demuxer's: a decoder reports HE-AAC at twice the header's sample rate
};

} // namespace panelx
