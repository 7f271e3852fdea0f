// The admin API under /api/v1: who may call (loopback unless remote administration is on, a
// bearer token, back-off for wrong tokens), then which route answers (404, 405). The routes
// themselves live in one file per resource.
#pragma once

#include "ApiRoute.h"
#include "AuthGuard.h"

#include <QCoreApplication>

namespace panelx {

class AdminToken;

class AdminApi {
    Q_DECLARE_TR_FUNCTIONS(AdminApi)
public:
    AdminApi(Engine &engine, const AdminToken &token);

    // Every route, for the documentation check and for dispatch.
    static QList<api::Route> routes();

    // Answers one request; call on the engine's thread. `nowMs` is a steady clock's time.
    http::ApiResponse handle(const http::ApiRequest &request, qint64 nowMs);

private:
    http::ApiResponse route(const http::ApiRequest &request);

    Engine &m_engine;
    const AdminToken &m_token;
    const QList<api::Route> m_routes;
    AuthGuard m_guard;
};

} // namespace panelx
