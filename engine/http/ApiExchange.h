// What the viewer HTTP server hands to the admin API for every request under /api/, and what it
// sends back: plain values, so the API can be answered on another thread (the engine's) and be
// tested without sockets.
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>
#include <string_view>

namespace panelx::http {

inline constexpr std::string_view kApiPrefix = "/api/";
// Request bodies above this get 413 before the API sees them.
inline constexpr qint64 kMaxApiBodyBytes = 1024 * 1024;

struct ApiRequest {
    QByteArray method; // "GET", "POST", "PATCH", "DELETE", ...
    QByteArray path; // as sent, without the query string: "/api/v1/channels/3"
    QByteArray query; // without the '?'
    QByteArray authorization; // the Authorization header, empty when absent
    QByteArray contentType;
    QByteArray body;
    QHostAddress peer; // the client's address (IPv4-mapped IPv6 addresses given as IPv4)
};

struct ApiResponse {
    int status = 200;
    QByteArray body; // JSON
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. Retry-After, Location
};

// An error as the API answers it: {"error": "<sentence>", "field": "<name>"} (field only when one
// field is at fault).
inline ApiResponse apiError(int status, const QString &sentence, const QString &field = {})
{
    QJsonObject body {{QStringLiteral("error"), sentence}};
    if (!field.isEmpty())
        body.insert(QStringLiteral("field"), field);
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact) + '\n', {}};
}

// Called on an HTTP thread; calls `reply` exactly once, from any thread. A reply that comes
// after the client left, or after the server stopped, is dropped.
using ApiReply = std::function<void(ApiResponse)>;
using ApiHandler = std::function<void(ApiRequest, ApiReply)>;

} // namespace panelx::http
