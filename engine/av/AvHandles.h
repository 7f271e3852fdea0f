// RAII handles for libav objects: one deleter template and one alias per type, so business
// logic never calls an av_*_free function. Handles are move-only (std::unique_ptr): a copyable
// handle would free the same object twice.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavformat/avio.h>
#include <libavutil/dict.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <memory>
#include <type_traits>

namespace panelx {

// Calls Free with a T** when the free function wants one (it also nulls the pointer), else
// with the T*. Either way it is safe on nullptr.
template<auto Free> struct AvDeleter {
    template<typename T> void operator()(T *object) const
    {
        if (!object)
            return;
        if constexpr (std::is_invocable_v<decltype(Free), T **>)
            Free(&object);
        else
            Free(object);
    }
};

namespace detail {
// An output context owns its AVIOContext only when the muxer writes to a file of its own.
inline void closeOutputContext(AVFormatContext *context)
{
    if (context->oformat && !(context->oformat->flags & AVFMT_NOFILE))
        avio_closep(&context->pb);
    avformat_free_context(context);
}
// A custom AVIOContext (avio_alloc_context) owns neither its buffer nor its opaque.
inline void freeCustomIo(AVIOContext *io)
{
    av_freep(&io->buffer);
    avio_context_free(&io);
}
} // namespace detail

using AvInputContextPtr = std::unique_ptr<AVFormatContext, AvDeleter<avformat_close_input>>;
using AvOutputContextPtr = std::unique_ptr<AVFormatContext, AvDeleter<detail::closeOutputContext>>;
using AvIoContextPtr = std::unique_ptr<AVIOContext, AvDeleter<avio_closep>>; // avio_open2
using AvCustomIoPtr = std::unique_ptr<AVIOContext, AvDeleter<detail::freeCustomIo>>;
using AvCodecContextPtr = std::unique_ptr<AVCodecContext, AvDeleter<avcodec_free_context>>;
using AvCodecParametersPtr = std::unique_ptr<AVCodecParameters, AvDeleter<avcodec_parameters_free>>;
using AvPacketPtr = std::unique_ptr<AVPacket, AvDeleter<av_packet_free>>;
using AvParserPtr = std::unique_ptr<AVCodecParserContext, AvDeleter<av_parser_close>>;
using AvFramePtr = std::unique_ptr<AVFrame, AvDeleter<av_frame_free>>;
using AvFilterGraphPtr = std::unique_ptr<AVFilterGraph, AvDeleter<avfilter_graph_free>>;
using AvFilterInOutPtr = std::unique_ptr<AVFilterInOut, AvDeleter<avfilter_inout_free>>;
using SwrContextPtr = std::unique_ptr<SwrContext, AvDeleter<swr_free>>;
using SwsContextPtr = std::unique_ptr<SwsContext, AvDeleter<sws_freeContext>>;

// Dictionaries start as nullptr and are created by av_dict_set, which needs an AVDictionary**:
// keep a raw pointer inside this owner and hand out its address.
class AvDictionary {
public:
    AvDictionary() = default;
    ~AvDictionary() { av_dict_free(&m_dict); }
    AvDictionary(const AvDictionary &) = delete;
    AvDictionary &operator=(const AvDictionary &) = delete;
    AvDictionary(AvDictionary &&other) noexcept : m_dict(other.m_dict) { other.m_dict = nullptr; }
    AvDictionary &operator=(AvDictionary &&other) noexcept
    {
        if (this != &other) {
            av_dict_free(&m_dict);
            m_dict = other.m_dict;
            other.m_dict = nullptr;
        }
        return *this;
    }

    void set(const char *key, const char *value) { av_dict_set(&m_dict, key, value, 0); }
    void set(const char *key, int64_t value) { av_dict_set_int(&m_dict, key, value, 0); }
    const char *get(const char *key) const
    {
        const AVDictionaryEntry *entry = av_dict_get(m_dict, key, nullptr, 0);
        return entry ? entry->value : nullptr;
    }
    int count() const { return av_dict_count(m_dict); }
    AVDictionary *get() const { return m_dict; }
    // For functions that take (and may replace) the dictionary, e.g. avformat_open_input.
    AVDictionary **address() { return &m_dict; }

private:
    AVDictionary *m_dict = nullptr;
};

inline AvPacketPtr makeAvPacket()
{
    return AvPacketPtr(av_packet_alloc());
}
inline AvFramePtr makeAvFrame()
{
    return AvFramePtr(av_frame_alloc());
}

} // namespace panelx
