#include "ingest/PacketSource.h"

#include "ChannelTypes.h"
#include "ingest/DemoSource.h"
#include "ingest/DemuxSource.h"

namespace panelx {

std::unique_ptr<PacketSource> makePacketSource(
    const QString &url, SourceControl &control, const SourceOptions &options)
{
    if (isDemoSourceUrl(url))
        return std::make_unique<DemoSource>(control);
    return std::make_unique<DemuxSource>(url.trimmed(), control, options);
}

} // namespace panelx
