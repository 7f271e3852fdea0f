// One route of the admin API: a method, a path pattern and the function that answers it. Each
// resource (status, channels, settings) has a file with a table of these; AdminApi joins them.
#pragma once

#include "http/ApiExchange.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

namespace panelx {

class Engine;

namespace api {

inline constexpr char kBasePath[] = "/api/v1";

// What a route's function is given. Runs on the engine's thread.
struct RouteCall {
    Engine &engine;
    const http::ApiRequest &request;
    QString parameter; // the path segment a "{…}" in the pattern matched (decoded), or empty
};

struct Route {
    QByteArray method;
    // Under kBasePath, "/channels/{channel}/start": one "{…}" stands for one path segment.
    QString pattern;
    std::function<http::ApiResponse(const RouteCall &)> answer;
};

} // namespace api
} // namespace panelx
