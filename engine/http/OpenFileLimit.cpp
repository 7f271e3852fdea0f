#include "http/OpenFileLimit.h"

#include <algorithm>
#include <sys/resource.h>

namespace panelx::http {

qint64 raiseOpenFileLimit()
{
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024; // the usual default; the cap then stays conservative
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? qint64(1) << 30 : qint64(limit.rlim_cur);
}

int connectionCap(int maxConnections, qint64 openFileLimit, int reserve)
{
    const qint64 available = openFileLimit - reserve;
    return int(std::max<qint64>(1, std::min<qint64>(maxConnections, available)));
}

} // namespace panelx::http
