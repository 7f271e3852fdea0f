#include "ViewerAddress.h"

#include <QFile>
#include <QNetworkInterface>
#include <QUrl>
#include <limits>

namespace panelx {

namespace {

constexpr quint16 kRouteUp = 0x1; // RTF_UP

// Docker, libvirt, LXC and VPN interfaces carry addresses only this machine (or the tunnel's
// far end) can reach.
bool looksVirtual(const QString &name)
{
    static const QStringList prefixes {QStringLiteral("docker"), QStringLiteral("br-"),
        QStringLiteral("veth"), QStringLiteral("virbr"), QStringLiteral("lxcbr"),
        QStringLiteral("lxdbr"), QStringLiteral("vboxnet"), QStringLiteral("vmnet"),
        QStringLiteral("tun"), QStringLiteral("tap"), QStringLiteral("wg"),
        QStringLiteral("tailscale"), QStringLiteral("zt")};
    for (const QString &prefix : prefixes)
        if (name.startsWith(prefix))
            return true;
    return false;
}

bool usable(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback()
        && !address.isLinkLocal();
}

} // namespace

QString ViewerAddress::defaultRouteInterface(const QByteArray &procNetRoute)
{
    QString best;
    qint64 bestMetric = std::numeric_limits<qint64>::max();
    const QList<QByteArray> lines = procNetRoute.split('\n');
    // Columns: Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT.
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
        if (fields.size() < 8)
            continue;
        bool destinationOk = false, flagsOk = false, metricOk = false, maskOk = false;
        const quint32 destination = fields.at(1).toUInt(&destinationOk, 16);
        const quint16 flags = fields.at(3).toUShort(&flagsOk, 16);
        const qint64 metric = fields.at(6).toLongLong(&metricOk);
        const quint32 mask = fields.at(7).toUInt(&maskOk, 16);
        if (!destinationOk || !flagsOk || !metricOk || !maskOk || destination != 0 || mask != 0
            || !(flags & kRouteUp))
            continue;
        if (metric < bestMetric) {
            bestMetric = metric;
            best = QString::fromLatin1(fields.at(0));
        }
    }
    return best;
}

QHostAddress ViewerAddress::choose(
    const QList<InterfaceAddress> &addresses, const QString &defaultRouteInterface)
{
    const InterfaceAddress *firstReal = nullptr;
    const InterfaceAddress *first = nullptr;
    for (const InterfaceAddress &candidate : addresses) {
        if (!usable(candidate.address))
            continue;
        if (!defaultRouteInterface.isEmpty() && candidate.interfaceName == defaultRouteInterface)
            return candidate.address;
        if (!first)
            first = &candidate;
        if (!firstReal && !looksVirtual(candidate.interfaceName))
            firstReal = &candidate;
    }
    if (firstReal)
        return firstReal->address;
    return first ? first->address : QHostAddress();
}

QHostAddress ViewerAddress::current()
{
    QList<InterfaceAddress> addresses;
    for (const QNetworkInterface &interface : QNetworkInterface::allInterfaces()) {
        const auto flags = interface.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning))
            continue;
        for (const QNetworkAddressEntry &entry : interface.addressEntries())
            addresses.append({interface.name(), entry.ip()});
    }
    QFile routes(QStringLiteral("/proc/net/route"));
    const QByteArray table = routes.open(QIODevice::ReadOnly) ? routes.readAll() : QByteArray();
    return choose(addresses, defaultRouteInterface(table));
}

QString ViewerAddress::normalizePublicUrl(const QString &text, QString *problem)
{
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const QString example = QStringLiteral("http://tv.example.com:8080");
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || url.host().isEmpty() || url.port() == 0) {
        *problem = tr("Write the public URL as http://host or https://host, with a port if "
                      "viewers need one, for example %1.")
                       .arg(example);
        return {};
    }
    if (!url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != QLatin1String("/"))
        || url.hasQuery() || url.hasFragment()) {
        *problem = tr("The public URL is only a scheme, a host and a port (for example %1): "
                      "PanelX adds /live/… and /playlist.m3u itself.")
                       .arg(example);
        return {};
    }
    QUrl normal;
    normal.setScheme(scheme);
    normal.setHost(url.host());
    normal.setPort(url.port());
    return normal.toString(QUrl::FullyEncoded);
}

} // namespace panelx
