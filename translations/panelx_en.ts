<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AdminApi</name>
    <message numerus="yes">
        <source>Too many wrong admin tokens from your address: wait %n second(s), then try again with the token from the data folder&apos;s admin-token file.</source>
        <translation>
            <numerusform>Too many wrong admin tokens from your address: wait %n second, then try again with the token from the data folder&apos;s admin-token file.</numerusform>
            <numerusform>Too many wrong admin tokens from your address: wait %n seconds, then try again with the token from the data folder&apos;s admin-token file.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleExecutor</name>
    <message numerus="yes">
        <source>Starting “%1” again after %n minute(s) failed: %2</source>
        <translation>
            <numerusform>Starting “%1” again after %n minute failed: %2</numerusform>
            <numerusform>Starting “%1” again after %n minutes failed: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopping “%1” again after %n minute(s) failed: %2</source>
        <translation>
            <numerusform>Stopping “%1” again after %n minute failed: %2</numerusform>
            <numerusform>Stopping “%1” again after %n minutes failed: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::DashboardPage</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Input bitrate, last %n minute(s)</source>
        <translation>
            <numerusform>Input bitrate, last minute</numerusform>
            <numerusform>Input bitrate, last %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 % of the machine&apos;s %n core(s)</source>
        <translation>
            <numerusform>%1 % of the machine&apos;s only core</numerusform>
            <numerusform>%1 % of the machine&apos;s %n cores</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::Engine</name>
    <message numerus="yes">
        <source>“%1” has %n recording(s). Delete them on the Recordings page first; deleting the channel would delete what they recorded.</source>
        <translation>
            <numerusform>“%1” has %n recording. Delete it on the Recordings page first; deleting the channel would delete what it recorded.</numerusform>
            <numerusform>“%1” has %n recordings. Delete them on the Recordings page first; deleting the channel would delete what they recorded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” has %n schedule(s). Delete them on the Schedules page first; they would have no channel to run on.</source>
        <translation>
            <numerusform>“%1” has %n schedule. Delete it on the Schedules page first; it would have no channel to run on.</numerusform>
            <numerusform>“%1” has %n schedules. Delete them on the Schedules page first; they would have no channel to run on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::PlayerPage</name>
    <message numerus="yes">
        <source>Recording %1–%2 (%n minute(s): recordings are whole minutes, so the selection was rounded up). It is on the Recordings page.</source>
        <translation>
            <numerusform>Recording %1–%2 (%n minute: recordings are whole minutes, so the selection was rounded up). It is on the Recordings page.</numerusform>
            <numerusform>Recording %1–%2 (%n minutes: recordings are whole minutes, so the selection was rounded up). It is on the Recordings page.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::Recorder</name>
    <message numerus="yes">
        <source>it is older than %n day(s)</source>
        <translation>
            <numerusform>it is older than %n day</numerusform>
            <numerusform>it is older than %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::RecordingTableModel</name>
    <message numerus="yes">
        <source>%n gap(s), %1 missing</source>
        <translation>
            <numerusform>%n gap, %1 missing</numerusform>
            <numerusform>%n gaps, %1 missing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::ScheduleTableModel</name>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed or missed</source>
        <translation>
            <numerusform>%n failed or missed</numerusform>
            <numerusform>%n failed or missed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::ScreenshotTour</name>
    <message numerus="yes">
        <source>Saved %n screenshot(s) in %1.</source>
        <translation>
            <numerusform>Saved %n screenshot in %1.</numerusform>
            <numerusform>Saved %n screenshots in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::ServerStatusBar</name>
    <message numerus="yes">
        <source>%1 of %n channel(s) live</source>
        <translation>
            <numerusform>%1 of %n channel live</numerusform>
            <numerusform>%1 of %n channels live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::SourceTestPanel</name>
    <message numerus="yes">
        <source>, %n channel(s)</source>
        <translation>
            <numerusform>, %n channel</numerusform>
            <numerusform>, %n channels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::TrayIcon</name>
    <message numerus="yes">
        <source>PanelX — %1 of %n channel(s) live</source>
        <translation>
            <numerusform>PanelX — %1 of %n channel live</numerusform>
            <numerusform>PanelX — %1 of %n channels live</numerusform>
        </translation>
    </message>
</context>
</TS>
