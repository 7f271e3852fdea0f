// The address in the URLs viewers' devices are given (QR code, channel list, live URLs): the
// operator's public URL if set, else this machine's address on the network its default route
// leads to. The choice is a pure function of the interfaces, so every case is a table row.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHostAddress>
#include <QList>
#include <QString>

namespace panelx {

class ViewerAddress {
    Q_DECLARE_TR_FUNCTIONS(ViewerAddress)
public:
    struct InterfaceAddress {
        QString interfaceName; // "eth0", "docker0", "tun0"
        QHostAddress address;
    };

    // The interface of the default route in Linux's /proc/net/route (the one with the lowest
    // metric if there are several); empty when there is none.
    static QString defaultRouteInterface(const QByteArray &procNetRoute);
    // An IPv4 address of the default route's interface. Without one (no default route, an
    // offline LAN), the first address of an interface that is not a container bridge or a
    // tunnel, then any. Loopback and link-local addresses never: other devices cannot use
    // them. Null when nothing qualifies.
    static QHostAddress choose(
        const QList<InterfaceAddress> &addresses, const QString &defaultRouteInterface);
    // choose() over the interfaces that are up now.
    static QHostAddress current();

    // "http(s)://host[:port]" as the operator typed it, normalised (lower-case scheme and host,
    // no trailing slash). Empty with *problem set to a sentence when it is not one.
    static QString normalizePublicUrl(const QString &text, QString *problem);
};

} // namespace panelx
