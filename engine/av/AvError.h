// Turns libav error codes into messages a person can act on ("connection refused by
// 127.0.0.1:1234 — is the source running?") instead of libav's terse strerror text.
#pragma once

#include <QString>

namespace panelx {

// libav's own words for an error code, e.g. "Connection refused".
QString avErrorString(int error);

// What a URL points at, for messages: "127.0.0.1:1234" for network URLs, the path for files,
// the URL without user name or password otherwise.
QString describeUrlTarget(const QString &url);
// True for plain paths and file: URLs.
bool isFileUrl(const QString &url);
// The local path of a file URL (the URL itself when it is a plain path).
QString filePathOfUrl(const QString &url);

// An error from opening or reading `url`, in words that say what went wrong and what to check.
QString describeAvError(int error, const QString &url);
// An operation on `url` that the interrupt callback ended at its deadline.
QString describeTimeout(const QString &url, int timeoutMs);

// Routes libav's log through a callback that remembers, per thread, the last error line
// libav printed (some failures, such as an unknown host name, are only told there) and then
// prints as libav would (at warning level unless a level was chosen). Idempotent and
// thread-safe.
void installAvLogCapture();
void clearLastAvLogError();
QString lastAvLogError();

} // namespace panelx
