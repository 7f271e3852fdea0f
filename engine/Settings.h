// The user's preferences, as a value read from and written to QSettings; the window's Settings
// page, the admin API and the headless service all use it. The engine options (data folder,
// port, listen scope) take effect at the next start; the channel defaults are used by the
// add-channel dialog and the API straight away.
#pragma once

#include "ChannelTypes.h"
#include "Engine.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

class QSettings;

namespace panelx {

enum class UiLanguage { System = 0, English, German };
// Who can reach the viewer server: this computer only, the local network over IPv4, or the
// local network over IPv4 and IPv6 (every address of the machine, global IPv6 ones included).
enum class ListenScope { Loopback, Lan, LanIpv6 };

// Engine options the command line set for this run; the saved settings do not replace them.
struct CommandLineChoices {
    bool dataDir = false;
    bool port = false;
    bool publicUrl = false;
    bool listen = false;
};

class Settings {
    Q_DECLARE_TR_FUNCTIONS(Settings)
public:
    enum class Field {
        DataDir,
        HttpPort,
        PublicUrl,
        ConnectionsPerAddress,
        SegmentDuration,
        Buffer,
        Language,
        DvrQuota,
        DvrKeepDays,
        ScheduleMaxRecordings,
        ScheduleMaxTranscodes
    };
    struct Problem {
        Field field;
        QString message; // what is wrong and what to do, for the person at the form
    };

    QString dataDir = defaultDataDir();
    quint16 httpPort = kDefaultHttpPort;
    ListenScope listen = ListenScope::Lan;
    QString publicUrl; // empty: this computer's address; see EngineOptions::publicUrl
    int connectionsPerAddress = kDefaultConnectionsPerAddress;
    int segmentDurationMs = kDefaultSegmentDurationMs;
    qint64 bufferMs = kDefaultBufferMs;
    UiLanguage language = UiLanguage::System;
    bool remoteAdmin = false; // admin API calls from other computers; applies at once
    DvrSettings dvr; // applies at once
    ScheduleSettings schedules; // applies at once

    static constexpr qint64 kMinDvrQuotaBytes = 100'000'000; // 0.1 GB
    static constexpr int kMaxDvrKeepDays = 3650;

    static constexpr quint16 kMinHttpPort = 1024; // lower ones need administrator rights

    static QString defaultDataDir();
    // Values a hand-edited file got wrong fall back to their defaults, so PanelX still starts.
    static Settings load(QSettings &store);
    static Settings load(); // the application's QSettings
    void save(QSettings &store) const;
    void save() const;

    // Checks that need no disk: ranges and forms. Empty when everything is fine.
    QList<Problem> validate() const;
    // Can PanelX keep its data in `path`? Touches the disk (stat, a test file), so call it off
    // the GUI thread. Empty when fine, else a sentence that says what to do.
    static QString checkDataDir(const QString &path);

    // Names of the settings (in words) that differ from `running` and only take effect after a
    // restart.
    QStringList changesNeedingRestart(const Settings &running) const;
    // The same, as the admin API names them ("httpPort", "listen" …).
    QStringList restartKeys(const Settings &running) const;
    void applyTo(EngineOptions &options) const;

    // At start, before the window: loads the saved settings into `options` (except what the
    // command line already set) and records the result as what this run uses. Returns it.
    static Settings prepareStartup(EngineOptions &options, CommandLineChoices fromCommandLine);
    // What this run uses (Settings::load() if prepareStartup was not called).
    static Settings running();
    static CommandLineChoices fromCommandLine();

    static QString languageCode(UiLanguage language); // "", "en", "de"
    static UiLanguage languageFromCode(const QString &code);
    static QString listenScopeName(ListenScope scope); // "loopback", "lan", "lan-ipv6"
    // nullopt for a name that is none of those.
    static std::optional<ListenScope> listenScopeFromName(const QString &name);
    static QHostAddress listenAddress(ListenScope scope);

    bool operator==(const Settings &) const = default;
};

} // namespace panelx
