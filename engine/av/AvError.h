// Turns libav error codes into messages a person can act on ("connection refused by
// 127.0.0.1:1234 — is the source running?") instead of libav's terse strerror text.
#pragma once

#include <QString>
#include <QtGlobal>
#include <chrono>

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
// prints it through Qt's message handler (at warning level unless a level was chosen),
// prefixed with the channel of the thread's AvLogChannelScope. A line that repeats for the
// same channel is printed once per repeat window, the next time with "(repeated N times)", so
// a corrupt source cannot flood the log. Idempotent and thread-safe.
void installAvLogCapture();
void clearLastAvLogError();
QString lastAvLogError();

inline constexpr std::chrono::milliseconds kDefaultAvLogRepeatWindow {30000};
// How long a repeated line stays quiet (tests shorten it).
void setAvLogRepeatWindow(std::chrono::milliseconds window);

// While it lives, libav's log lines from this thread are prefixed "Channel <id> (<name>): ".
// The ingest thread and each consumer thread of a channel hold one.
class AvLogChannelScope {
public:
    AvLogChannelScope(qint64 channelId, const QString &channelName);
    ~AvLogChannelScope();
    AvLogChannelScope(const AvLogChannelScope &) = delete;
    AvLogChannelScope &operator=(const AvLogChannelScope &) = delete;

private:
    qint64 m_previousId = 0;
    QString m_previousName;
};

} // namespace panelx
