<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdminApi</name>
    <message>
        <location filename="../engine/api/AdminApi.cpp" line="+74"/>
        <source>Remote administration is off: call the admin API from the computer PanelX runs on, or switch on remote administration in the settings.</source>
        <translation>Die Fernverwaltung ist aus: Rufen Sie die Admin-API auf dem Computer auf, auf dem PanelX läuft, oder schalten Sie die Fernverwaltung in den Einstellungen ein.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Too many wrong admin tokens from your address: wait %n second(s), then try again with the token from the data folder&apos;s admin-token file.</source>
        <translation>
            <numerusform>Zu viele falsche Admin-Tokens von Ihrer Adresse: Warten Sie %n Sekunde und versuchen Sie es dann mit dem Token aus der Datei admin-token im Datenordner erneut.</numerusform>
            <numerusform>Zu viele falsche Admin-Tokens von Ihrer Adresse: Warten Sie %n Sekunden und versuchen Sie es dann mit dem Token aus der Datei admin-token im Datenordner erneut.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The admin token is wrong. Use the one in the admin-token file in PanelX&apos;s data folder (or shown in Settings); it changes when it is regenerated.</source>
        <translation>Das Admin-Token ist falsch. Verwenden Sie das aus der Datei admin-token im Datenordner von PanelX (oder aus den Einstellungen); es ändert sich, wenn es neu erzeugt wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The admin API needs a token: send the header &quot;Authorization: Bearer &lt;token&gt;&quot; with the token from the admin-token file in PanelX&apos;s data folder (or shown in Settings).</source>
        <translation>Die Admin-API braucht ein Token: Senden Sie den Header &quot;Authorization: Bearer &lt;token&gt;&quot; mit dem Token aus der Datei admin-token im Datenordner von PanelX (oder aus den Einstellungen).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>There is no admin API resource at %1. The resources are listed in PanelX&apos;s docs/api.md, under /api/v1.</source>
        <translation>Unter %1 gibt es keine Ressource der Admin-API. Die Ressourcen stehen in docs/api.md von PanelX, unter /api/v1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not allowed on %2; use %3.</source>
        <translation>%1 ist für %2 nicht erlaubt; verwenden Sie %3.</translation>
    </message>
</context>
<context>
    <name>AdminToken</name>
    <message>
        <location filename="../engine/api/AdminToken.cpp" line="+43"/>
        <source>The system gave no random numbers for the admin token (%1).</source>
        <translation>Das System lieferte keine Zufallszahlen für das Admin-Token (%1).</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>PanelX cannot write the admin token to %1 (%2): check that you may write to the data folder.</source>
        <translation>PanelX kann das Admin-Token nicht nach %1 schreiben (%2): Prüfen Sie, ob Sie in den Datenordner schreiben dürfen.</translation>
    </message>
</context>
<context>
    <name>BrowserCodecs</name>
    <message>
        <location filename="../ui/channels/BrowserCodecs.cpp" line="+12"/>
        <source>MPEG-2 video</source>
        <translation>MPEG-2-Video</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HEVC video</source>
        <translation>HEVC-Video</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>MP2 audio</source>
        <translation>MP2-Audio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AC-3 audio</source>
        <translation>AC-3-Audio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-AC-3 audio</source>
        <translation>E-AC-3-Audio</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Browsers and many phones cannot play %1; turn the ladder on to reach every device.</source>
        <translation>Browser und viele Handys können %1 nicht abspielen; schalten Sie die Qualitätsstufen ein, um jedes Gerät zu erreichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>ChannelState</name>
    <message>
        <location filename="../engine/ChannelTypes.cpp" line="+17"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting</source>
        <translation>Verbindet neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ChannelsApi</name>
    <message>
        <location filename="../engine/api/ChannelsApi.cpp" line="+213"/>
        <source>There is no channel “%1”. List the channels with GET /api/v1/channels and use an id or slug from there.</source>
        <translation>Es gibt keinen Kanal „%1“. Listen Sie die Kanäle mit GET /api/v1/channels auf und verwenden Sie eine ID oder einen Slug von dort.</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <location filename="../engine/schedule/Conflicts.cpp" line="+202"/>
        <location line="+22"/>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>%1 and others (%2 schedules in all)</source>
        <translation>%1 und weitere (insgesamt %2 Zeitpläne)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>%1 would stop and start %2 at the same time, at %3. Change one of the times, or let the stop begin after the other ends.</source>
        <translation>%1 würden %2 gleichzeitig stoppen und starten, am %3. Ändern Sie eine der Zeiten, oder lassen Sie das Stoppen erst beginnen, wenn das andere endet.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 recordings would run at once at %2, but at most %3 may: %4. Move one of them, or raise the maximum in Settings.</source>
        <translation>Am %2 würden %1 Aufnahmen gleichzeitig laufen, erlaubt sind höchstens %3: %4. Verschieben Sie eine davon, oder erhöhen Sie das Maximum in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 channels would transcode ABR at once at %2, but this machine is set up for at most %3: %4. Move one of them, or raise the maximum in Settings.</source>
        <translation>Am %2 würden %1 Kanäle gleichzeitig für ABR transkodieren, dieser Rechner ist aber für höchstens %3 eingerichtet: %4. Verschieben Sie einen davon, oder erhöhen Sie das Maximum in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The recordings of the coming 7 days need about %1, but only %2 of the DVR quota is free; from %3 on they do not fit: %4. Delete recordings you no longer need, record less, or raise the DVR quota in Settings.</source>
        <translation>Die Aufnahmen der kommenden 7 Tage brauchen etwa %1, vom DVR-Kontingent sind aber nur %2 frei; ab %3 passen sie nicht mehr: %4. Löschen Sie Aufnahmen, die Sie nicht mehr brauchen, nehmen Sie weniger auf, oder erhöhen Sie das DVR-Kontingent in den Einstellungen.</translation>
    </message>
</context>
<context>
    <name>CtlText</name>
    <message>
        <location filename="../app/ctl/Ctl.cpp" line="+31"/>
        <source>the server answered HTTP %1 with no reason</source>
        <translation>der Server antwortete mit HTTP %1, ohne einen Grund zu nennen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (field: %1)</source>
        <translation> (Feld: %1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>panelx ctl: cannot write %1 (%2); choose another file with --output.</source>
        <translation>panelx ctl: %1 kann nicht geschrieben werden (%2); wählen Sie mit --output eine andere Datei.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>panelx ctl: %1 (downloading %2)</source>
        <translation>panelx ctl: %1 (beim Herunterladen von %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>panelx ctl: the download from %1 stopped after %2 bytes (%3); try again.</source>
        <translation>panelx ctl: Der Download von %1 brach nach %2 Bytes ab (%3); versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>panelx ctl: --url needs PanelX&apos;s address such as http://127.0.0.1:8080, not “%1”.</source>
        <translation>panelx ctl: --url braucht die Adresse von PanelX, etwa http://127.0.0.1:8080, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>panelx ctl: cannot read the admin token from %1 (%2). PanelX writes it there when it starts; give its data folder with --data-dir, or the file with --token-file.</source>
        <translation>panelx ctl: Das Admin-Token kann nicht aus %1 gelesen werden (%2). PanelX schreibt es beim Start dorthin; geben Sie seinen Datenordner mit --data-dir an oder die Datei mit --token-file.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <location line="-55"/>
        <location line="+63"/>
        <source>PanelX is not running at %1 — start it with `panelx --headless` (%2).</source>
        <translation>PanelX läuft nicht unter %1 — starten Sie es mit `panelx --headless` (%2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>panelx ctl: %1</source>
        <translation>panelx ctl: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(add --force to save the schedule anyway)</source>
        <translation>(fügen Sie --force hinzu, um den Zeitplan trotzdem zu speichern)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the token came from %1; is it this PanelX&apos;s data folder?)</source>
        <translation>(das Token stammt aus %1; ist das der Datenordner dieses PanelX?)</translation>
    </message>
    <message>
        <location filename="../app/ctl/CtlCommand.cpp" line="+38"/>
        <source>Talk to PanelX at &lt;url&gt; (default: http://127.0.0.1:&lt;saved port&gt;).</source>
        <translation>Mit PanelX unter &lt;url&gt; sprechen (Standard: http://127.0.0.1:&lt;gespeicherter Port&gt;).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the admin token from &lt;dir&gt;/admin-token (default: the saved data folder).</source>
        <translation>Das Admin-Token aus &lt;dir&gt;/admin-token lesen (Standard: der gespeicherte Datenordner).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the admin token from &lt;file&gt;.</source>
        <translation>Das Admin-Token aus &lt;file&gt; lesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the server&apos;s JSON as it is, for scripts.</source>
        <translation>Das JSON des Servers unverändert ausgeben, für Skripte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Usage: %1 [options]%2
</source>
        <translation>Aufruf: %1 [Optionen]%2
</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 needs more arguments</source>
        <translation>%1 braucht weitere Argumente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected argument “%1”</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>panelx ctl: %1; see `%2 --help`.</source>
        <translation>panelx ctl: %1; siehe `%2 --help`.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>--%1 needs a number, not “%2”</source>
        <translation>--%1 braucht eine Zahl, nicht „%2“</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Lists every channel with its state, ordered by name.</source>
        <translation>Listet jeden Kanal mit seinem Zustand auf, nach Namen sortiert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Shows one channel and its state.</source>
        <translation>Zeigt einen Kanal und seinen Zustand.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switches a channel on: PanelX starts reading its source.</source>
        <translation>Schaltet einen Kanal ein: PanelX beginnt, seine Quelle zu lesen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switches a channel off: the source is left, the buffer stays.</source>
        <translation>Schaltet einen Kanal aus: Die Quelle wird nicht mehr gelesen, der Puffer bleibt erhalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletes a channel and its buffer.</source>
        <translation>Löscht einen Kanal und seinen Puffer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+218"/>
        <location line="+221"/>
        <location line="+94"/>
        <source>unknown verb “%1”</source>
        <translation>unbekanntes Verb „%1“</translation>
    </message>
    <message>
        <location line="-529"/>
        <source>Adds a channel; it starts at once unless --disabled.</source>
        <translation>Fügt einen Kanal hinzu; er startet sofort, außer mit --disabled.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+143"/>
        <location line="+117"/>
        <source>The channel&apos;s number or slug (see `panelx ctl channels list`).</source>
        <translation>Die Nummer oder der Slug des Kanals (siehe `panelx ctl channels list`).</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>The channel&apos;s name.</source>
        <translation>Der Name des Kanals.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the channel comes from (udp://, rtp://, rtsp://, http(s)://, a file, demo://). PanelX&apos;s own address goes before the command: `panelx ctl --url http://host:8080 channels ...`.</source>
        <translation>Woher der Kanal kommt (udp://, rtp://, rtsp://, http(s)://, eine Datei, demo://). Die Adresse von PanelX selbst steht vor dem Befehl: `panelx ctl --url http://host:8080 channels ...`.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Length of the HLS segments in seconds.</source>
        <translation>Länge der HLS-Segmente in Sekunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far back viewers can go, in minutes.</source>
        <translation>Wie weit Zuschauer zurückgehen können, in Minuten.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add the channel switched off; start it later with `channels start`.</source>
        <translation>Den Kanal ausgeschaltet hinzufügen; starten Sie ihn später mit `channels start`.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>a new channel needs --name and --url</source>
        <translation>ein neuer Kanal braucht --name und --url</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>Lists, adds, changes, starts, stops and removes channels.

Verbs:
  list                 every channel with its state
  show &lt;id|slug&gt;       one channel
  add --name N --url U [--disabled] [--segment-seconds S] [--buffer-minutes M]
      [--abr RUNGS|on|off] [--abr-preset P]
  edit &lt;id|slug&gt; [--name N] [--url U] [--segment-seconds S] [--buffer-minutes M]
      [--abr RUNGS|on|off] [--abr-preset P]
  start &lt;id|slug&gt;      switch a channel on
  stop &lt;id|slug&gt;       switch a channel off (its buffer stays)
  remove &lt;id|slug&gt;     delete a channel and its buffer
  buffer &lt;id|slug&gt;     what its timeshift buffer holds, and the catch-up URLs</source>
        <translation>Listet, erstellt, ändert, startet, stoppt und entfernt Kanäle.

Verben:
  list                 alle Kanäle mit ihrem Zustand
  show &lt;id|slug&gt;       einen Kanal
  add --name N --url U [--disabled] [--segment-seconds S] [--buffer-minutes M]
      [--abr RUNGS|on|off] [--abr-preset P]
  edit &lt;id|slug&gt; [--name N] [--url U] [--segment-seconds S] [--buffer-minutes M]
      [--abr RUNGS|on|off] [--abr-preset P]
  start &lt;id|slug&gt;      einen Kanal einschalten
  stop &lt;id|slug&gt;       einen Kanal ausschalten (sein Puffer bleibt erhalten)
  remove &lt;id|slug&gt;     einen Kanal und seinen Puffer löschen
  buffer &lt;id|slug&gt;     was sein Timeshift-Puffer enthält, und die Catch-up-URLs</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>list, show, add, edit, start, stop, remove or buffer.</source>
        <translation>list, show, add, edit, start, stop, remove oder buffer.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Shows what a channel&apos;s timeshift buffer holds: its oldest and newest moment (this computer&apos;s time), the gaps where the source was down, its size, and the catch-up URL templates IPTV apps are given.</source>
        <translation>Zeigt, was der Timeshift-Puffer eines Kanals enthält: seinen ältesten und neuesten Zeitpunkt (in der Zeit dieses Computers), die Lücken, in denen die Quelle ausgefallen war, seine Größe und die Catch-up-URL-Vorlagen, die IPTV-Apps erhalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Changes a channel&apos;s name, source, timing or ladder; what is not given stays.</source>
        <translation>Ändert Name, Quelle, Zeiten oder Leiter eines Kanals; was nicht angegeben ist, bleibt.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The adaptive-bitrate ladder: the rungs to encode, e.g. 720p,480p,360p (turns it on with those), or on or off (keeps the rungs). `panelx ctl channels show` prints each rung&apos;s figures.</source>
        <translation>Die Leiter für adaptive Bitraten: die zu kodierenden Stufen, z. B. 720p,480p,360p (schaltet sie mit diesen ein), oder on oder off (behält die Stufen). `panelx ctl channels show` gibt die Werte jeder Stufe aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The libx264 preset of the ladder (ultrafast … veryslow; faster ones use less CPU).</source>
        <translation>Das libx264-Preset der Leiter (ultrafast … veryslow; schnellere brauchen weniger CPU).</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>say what to change: --name, --url, --segment-seconds, --buffer-minutes, --abr or --abr-preset</source>
        <translation>geben Sie an, was sich ändern soll: --name, --url, --segment-seconds, --buffer-minutes, --abr oder --abr-preset</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Lists, records, stops, extends, removes and downloads recordings.

Verbs:
  list                 every recording, and the DVR&apos;s use of its quota
  show &lt;id&gt;            one recording
  add --channel C [--title T] [--minutes N] [--start S]
  stop &lt;id&gt;            end a running recording now
  extend &lt;id&gt; --minutes N
  remove &lt;id&gt;          delete a recording
  export &lt;id&gt; [--output FILE]   download it as one MP4 file</source>
        <translation>Listet, erstellt, beendet, verlängert und löscht Aufnahmen und lädt sie herunter.

Verben:
  list                 alle Aufnahmen und wie viel sie vom DVR-Kontingent belegen
  show &lt;id&gt;            eine Aufnahme
  add --channel C [--title T] [--minutes N] [--start S]
  stop &lt;id&gt;            eine laufende Aufnahme jetzt beenden
  extend &lt;id&gt; --minutes N
  remove &lt;id&gt;          eine Aufnahme löschen
  export &lt;id&gt; [--output FILE]   sie als eine MP4-Datei herunterladen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>list, show, add, stop, extend, remove or export.</source>
        <translation>list, show, add, stop, extend, remove oder export.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lists every recording, ordered by start, and how much of the DVR quota they use.</source>
        <translation>Listet jede Aufnahme nach Beginn sortiert auf und wie viel sie vom DVR-Kontingent belegen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Records a channel, from now or from --start, for --minutes (default 60, at most 720).</source>
        <translation>Nimmt einen Kanal auf, ab jetzt oder ab --start, für --minutes (Standard 60, höchstens 720).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The recording&apos;s title (default: the channel&apos;s name and the start).</source>
        <translation>Der Titel der Aufnahme (Standard: der Name des Kanals und der Beginn).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How long to record, in minutes.</source>
        <translation>Wie lange aufgenommen wird, in Minuten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When to start: &quot;2026-12-01 20:00&quot; (local time) schedules it, unix seconds too; &quot;-10m&quot; or &quot;-2h&quot; starts that long ago, from the channel&apos;s buffer (with --minutes 10: the last ten minutes). Default: now.</source>
        <translation>Wann sie beginnt: &quot;2026-12-01 20:00&quot; (Ortszeit) plant sie, Unix-Sekunden ebenso; &quot;-10m&quot; oder &quot;-2h&quot; beginnt so lange zuvor, aus dem Puffer des Kanals (mit --minutes 10: die letzten zehn Minuten). Standard: jetzt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>say which channel to record with --channel</source>
        <translation>geben Sie mit --channel an, welcher Kanal aufgenommen werden soll</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--start needs &quot;2026-12-01 20:00&quot; (local time), unix seconds or &quot;-10m&quot; (ten minutes ago), not “%1”</source>
        <translation>--start braucht &quot;2026-12-01 20:00&quot; (Ortszeit), Unix-Sekunden oder &quot;-10m&quot; (vor zehn Minuten), nicht „%1“</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Shows one recording.</source>
        <translation>Zeigt eine Aufnahme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ends a running recording now; it is finished a few seconds later, when the segment being written is stored.</source>
        <translation>Beendet eine laufende Aufnahme jetzt; sie ist einige Sekunden später fertig, wenn das gerade geschriebene Segment gespeichert ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Makes a scheduled or running recording longer.</source>
        <translation>Verlängert eine geplante oder laufende Aufnahme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deletes a recording (a running one stops); its segments go back to the channel&apos;s buffer.</source>
        <translation>Löscht eine Aufnahme (eine laufende wird beendet); ihre Segmente gehen zurück an den Puffer des Kanals.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Downloads a recording as one MP4 file from PanelX&apos;s viewer server.</source>
        <translation>Lädt eine Aufnahme als eine MP4-Datei vom Zuschauer-Server von PanelX herunter.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The recording&apos;s number (see `panelx ctl recordings list`).</source>
        <translation>Die Nummer der Aufnahme (siehe `panelx ctl recordings list`).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How many minutes to add (the whole recording lasts 720 at most).</source>
        <translation>Wie viele Minuten hinzukommen (die ganze Aufnahme dauert höchstens 720).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save it as &lt;file&gt; (default: recording-&lt;id&gt;.mp4 here).</source>
        <translation>Als &lt;file&gt; speichern (Standard: recording-&lt;id&gt;.mp4 hier).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>say how much longer with --minutes</source>
        <translation>geben Sie mit --minutes an, um wie viel länger</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The schedule&apos;s name.</source>
        <translation>Der Name des Zeitplans.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it does: record (default), start or stop the channel.</source>
        <translation>Was er tut: record (aufnehmen, Standard), start oder stop (den Kanal starten oder stoppen).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The recordings&apos; title (default: the channel&apos;s name and the start).</source>
        <translation>Der Titel der Aufnahmen (Standard: der Name des Kanals und der Beginn).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first start, &quot;2026-12-01 20:00&quot;, in the schedule&apos;s time zone.</source>
        <translation>Der erste Start, &quot;2026-12-01 20:00&quot;, in der Zeitzone des Zeitplans.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The zone the start is meant in, e.g. Europe/Berlin (default: this computer&apos;s, %1).</source>
        <translation>Die Zeitzone, in der der Start gemeint ist, z. B. Europe/Berlin (Standard: die dieses Computers, %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The zone the start is meant in, e.g. Europe/Berlin.</source>
        <translation>Die Zeitzone, in der der Start gemeint ist, z. B. Europe/Berlin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How long: a recording&apos;s length; how long a started or stopped channel stays so (0: leave it).</source>
        <translation>Wie lange: die Länge einer Aufnahme; wie lange ein gestarteter oder gestoppter Kanal so bleibt (0: so lassen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>once (default), daily or weekly.</source>
        <translation>once (einmal, Standard), daily (täglich) oder weekly (wöchentlich).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The days of a weekly schedule, e.g. mon,wed,fri.</source>
        <translation>Die Tage eines wöchentlichen Zeitplans, z. B. mon,wed,fri.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last date of a daily or weekly schedule, e.g. 2027-03-31; &quot;none&quot; for no end.</source>
        <translation>Das letzte Datum eines täglichen oder wöchentlichen Zeitplans, z. B. 2027-03-31; &quot;none&quot; für kein Ende.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Minutes a recording starts early (taken from the buffer).</source>
        <translation>Minuten, die eine Aufnahme früher beginnt (aus dem Puffer genommen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minutes a recording runs late.</source>
        <translation>Minuten, die eine Aufnahme länger läuft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save it even though it collides with other schedules.</source>
        <translation>Speichern, auch wenn er mit anderen Zeitplänen kollidiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add it switched off; switch it on with `schedules enable`.</source>
        <translation>Ausgeschaltet hinzufügen; schalten Sie ihn mit `schedules enable` ein.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--start needs a date and time such as &quot;2026-12-01 20:00&quot;, not “%1”</source>
        <translation>--start braucht Datum und Uhrzeit wie &quot;2026-12-01 20:00&quot;, nicht „%1“</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Lists, adds, changes, switches and removes schedules, and shows when they run.

Verbs:
  list                 every schedule: what, when, its next run, its last result
  show &lt;id&gt;            one schedule
  add --name N --channel C --start &quot;2026-12-01 20:00&quot; [--action A] [--time-zone Z]
      [--minutes N] [--repeat R] [--weekdays D] [--until DATE] [--title T]
      [--padding-before N] [--padding-after N] [--disabled] [--force]
  edit &lt;id&gt; [the options of add]
  enable &lt;id&gt;          switch a schedule on
  disable &lt;id&gt;         switch a schedule off (it stays, and does not run)
  remove &lt;id&gt;          delete a schedule
  next &lt;id&gt; [--count N]   its next runs, here and in its own time zone
  conflicts            the collisions among the schedules in the coming week</source>
        <translation>Listet, erstellt, ändert, schaltet und entfernt Zeitpläne und zeigt, wann sie laufen.

Verben:
  list                 alle Zeitpläne: was, wann, nächste Ausführung, letztes Ergebnis
  show &lt;id&gt;            einen Zeitplan
  add --name N --channel C --start &quot;2026-12-01 20:00&quot; [--action A] [--time-zone Z]
      [--minutes N] [--repeat R] [--weekdays D] [--until DATE] [--title T]
      [--padding-before N] [--padding-after N] [--disabled] [--force]
  edit &lt;id&gt; [die Optionen von add]
  enable &lt;id&gt;          einen Zeitplan einschalten
  disable &lt;id&gt;         einen Zeitplan ausschalten (er bleibt erhalten und läuft nicht)
  remove &lt;id&gt;          einen Zeitplan löschen
  next &lt;id&gt; [--count N]   seine nächsten Ausführungen, hier und in seiner eigenen Zeitzone
  conflicts            die Kollisionen zwischen den Zeitplänen in der kommenden Woche</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>list, show, add, edit, enable, disable, remove, next or conflicts.</source>
        <translation>list, show, add, edit, enable, disable, remove, next oder conflicts.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Lists every schedule, ordered by name, with its next run and last result; those that collide are marked.</source>
        <translation>Listet jeden Zeitplan nach Namen sortiert mit seiner nächsten Ausführung und seinem letzten Ergebnis auf; kollidierende sind markiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows the collisions among the enabled schedules in the coming week, each naming its schedules.</source>
        <translation>Zeigt die Kollisionen zwischen den aktivierten Zeitplänen in der kommenden Woche, jede mit den beteiligten Zeitplänen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Adds a schedule. One that collides with others is refused with the collisions named, unless --force.</source>
        <translation>Fügt einen Zeitplan hinzu. Einer, der mit anderen kollidiert, wird unter Nennung der Kollisionen abgelehnt, außer mit --force.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a new schedule needs --name, --channel and --start</source>
        <translation>ein neuer Zeitplan braucht --name, --channel und --start</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Shows one schedule, its runs and its next run.</source>
        <translation>Zeigt einen Zeitplan, seine Ausführungen und seine nächste Ausführung.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes a schedule; what is not given stays. A change that makes it collide is refused unless --force.</source>
        <translation>Ändert einen Zeitplan; was nicht angegeben ist, bleibt. Eine Änderung, durch die er kollidiert, wird abgelehnt, außer mit --force.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switches a schedule on.</source>
        <translation>Schaltet einen Zeitplan ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switches a schedule off: it stays, and does not run.</source>
        <translation>Schaltet einen Zeitplan aus: Er bleibt erhalten und läuft nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletes a schedule and its history.</source>
        <translation>Löscht einen Zeitplan und seinen Verlauf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shows a schedule&apos;s next runs in this computer&apos;s time and in its own time zone.</source>
        <translation>Zeigt die nächsten Ausführungen eines Zeitplans in der Zeit dieses Computers und in seiner eigenen Zeitzone.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The schedule&apos;s number (see `panelx ctl schedules list`).</source>
        <translation>Die Nummer des Zeitplans (siehe `panelx ctl schedules list`).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How many runs to show (default 5, at most 100).</source>
        <translation>Wie viele Ausführungen gezeigt werden (Standard 5, höchstens 100).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--count needs a whole number, not “%1”</source>
        <translation>--count braucht eine ganze Zahl, nicht „%1“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>say what to change, e.g. --start &quot;2026-12-01 21:00&quot; or --minutes 45 (`--help` lists every option)</source>
        <translation>geben Sie an, was sich ändern soll, z. B. --start &quot;2026-12-01 21:00&quot; oder --minutes 45 (`--help` listet jede Option auf)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Shows and changes PanelX&apos;s settings.

Verbs:
  get                       every setting
  set KEY=VALUE [...]       change some; says which take effect after a restart

Keys: dataDir, httpPort, listen (lan, loopback or lan-ipv6), publicUrl, connectionsPerAddress, segmentSeconds, bufferMinutes, remoteAdmin (true or false), language (system, en or de), dvr.quotaBytes (bytes recordings may keep, at least 100000000), dvr.keepDays (0 keeps recordings until deleted), dvr.autoCleanup (true or false), schedules.maxRecordings and schedules.maxTranscodes (how many recordings and ABR transcodes may run at once before schedules collide).</source>
        <translation>Zeigt und ändert die Einstellungen von PanelX.

Verben:
  get                       alle Einstellungen
  set KEY=VALUE [...]       einige ändern; sagt, welche erst nach einem Neustart gelten

Schlüssel: dataDir, httpPort, listen (lan, loopback oder lan-ipv6), publicUrl, connectionsPerAddress, segmentSeconds, bufferMinutes, remoteAdmin (true oder false), language (system, en oder de), dvr.quotaBytes (Bytes, die Aufnahmen belegen dürfen, mindestens 100000000), dvr.keepDays (0 behält Aufnahmen, bis sie gelöscht werden), dvr.autoCleanup (true oder false), schedules.maxRecordings und schedules.maxTranscodes (wie viele Aufnahmen und ABR-Transkodierungen gleichzeitig laufen dürfen, bevor Zeitpläne kollidieren).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>get or set.</source>
        <translation>get oder set.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shows every setting.</source>
        <translation>Zeigt jede Einstellung.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Changes settings, e.g. `panelx ctl settings set httpPort=8081 listen=loopback`.</source>
        <translation>Ändert Einstellungen, z. B. `panelx ctl settings set httpPort=8081 listen=loopback`.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One or more KEY=VALUE.</source>
        <translation>Ein oder mehrere KEY=VALUE.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is not KEY=VALUE</source>
        <translation>„%1“ ist nicht KEY=VALUE</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Controls a running PanelX (the window or `panelx --headless`) through its admin API.

Commands:
  status                    version, uptime, every channel&apos;s state, storage
  channels list|show|add|edit|start|stop|remove|buffer
  recordings list|show|add|stop|extend|remove|export
  schedules list|show|add|edit|enable|disable|remove|next|conflicts
  settings get|set

`panelx ctl &lt;command&gt; --help` tells more. Exit status: 0 done, 1 the server refused (its reason is printed), 2 a mistake on the command line or no token, 3 PanelX is not running.</source>
        <translation>Steuert ein laufendes PanelX (das Fenster oder `panelx --headless`) über seine Admin-API.

Befehle:
  status                    Version, Laufzeit, Zustand jedes Kanals, Speicher
  channels list|show|add|edit|start|stop|remove|buffer
  recordings list|show|add|stop|extend|remove|export
  schedules list|show|add|edit|enable|disable|remove|next|conflicts
  settings get|set

`panelx ctl &lt;command&gt; --help` erklärt mehr. Exit-Status: 0 erledigt, 1 der Server hat abgelehnt (sein Grund wird ausgegeben), 2 ein Fehler in der Befehlszeile oder kein Token, 3 PanelX läuft nicht.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>status, channels, recordings, schedules or settings.</source>
        <translation>status, channels, recordings, schedules oder settings.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Shows PanelX&apos;s version and uptime, every channel&apos;s state and the storage used.</source>
        <translation>Zeigt Version und Laufzeit von PanelX, den Zustand jedes Kanals und den belegten Speicher.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown command “%1”</source>
        <translation>unbekannter Befehl „%1“</translation>
    </message>
    <message>
        <location filename="../app/ctl/CtlOutput.cpp" line="+50"/>
        <source>No channels yet; add one with `panelx ctl channels add --name N --url U`.
</source>
        <translation>Noch keine Kanäle; fügen Sie einen mit `panelx ctl channels add --name N --url U` hinzu.
</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+161"/>
        <location line="+141"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-302"/>
        <location line="+302"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>SLUG</source>
        <translation>SLUG</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+44"/>
        <location line="+118"/>
        <source>STATE</source>
        <translation>ZUSTAND</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>VIEWERS</source>
        <translation>ZUSCHAUER</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SOURCE</source>
        <translation>QUELLE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>WATCH AT</source>
        <translation>ANSEHEN UNTER</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+126"/>
        <location line="+138"/>
        <source>id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <location line="-263"/>
        <location line="+264"/>
        <source>name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location line="-263"/>
        <source>slug:</source>
        <translation>Slug:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+281"/>
        <source>enabled:</source>
        <translation>Aktiviert:</translation>
    </message>
    <message>
        <location line="-280"/>
        <source>segments:</source>
        <translation>Segmente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+372"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="-371"/>
        <location line="+155"/>
        <source>buffer:</source>
        <translation>Puffer:</translation>
    </message>
    <message>
        <location line="-154"/>
        <location line="+372"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="-371"/>
        <source>watch at:</source>
        <translation>Ansehen unter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+121"/>
        <source>state:</source>
        <translation>Zustand:</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>video:</source>
        <translation>Video:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>audio:</source>
        <translation>Audio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>input:</source>
        <translation>Eingang:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>viewers:</source>
        <translation>Zuschauer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>buffered:</source>
        <translation>Gepuffert:</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>No recordings yet; record a channel with `panelx ctl recordings add --channel C`.
</source>
        <translation>Noch keine Aufnahmen; nehmen Sie einen Kanal mit `panelx ctl recordings add --channel C` auf.
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+142"/>
        <source>CHANNEL</source>
        <translation>KANAL</translation>
    </message>
    <message>
        <location line="-142"/>
        <location line="+215"/>
        <source>START</source>
        <translation>START</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>DURATION</source>
        <translation>DAUER</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+118"/>
        <source>SIZE</source>
        <translation>GRÖSSE</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>%1 kb/s</source>
        <translation>%1 kb/s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>on: %1 (preset %2)</source>
        <translation>an: %1 (Preset %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off (%1, preset %2)</source>
        <translation>aus (%1, Preset %2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>RUNG</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TARGET</source>
        <translation>ZIEL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MEASURED</source>
        <translation>GEMESSEN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FPS</source>
        <translation>FPS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VIDEO</source>
        <translation>VIDEO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPEED</source>
        <translation>TEMPO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DROPPED</source>
        <translation>VERWORFEN</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1, %2 packets dropped</source>
        <translation>%1, %2 Pakete verworfen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ladder:</source>
        <translation>Leiter:</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>
Recordings keep %1 of the DVR quota of %2.
</source>
        <translation>
Aufnahmen belegen %1 des DVR-Kontingents von %2.
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clean-up deletes these first when room is needed: %1
</source>
        <translation>Wird Platz gebraucht, löscht das Aufräumen zuerst diese: %1
</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+146"/>
        <source>title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <location line="-145"/>
        <location line="+139"/>
        <source>channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end:</source>
        <translation>Ende:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duration:</source>
        <translation>Dauer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+46"/>
        <source>size:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+42"/>
        <source>gaps:</source>
        <translation>Lücken:</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+42"/>
        <location line="+32"/>
        <location line="+74"/>
        <location line="+11"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>keep:</source>
        <translation>Behalten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>play at:</source>
        <translation>Abspielen unter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>download:</source>
        <translation>Download:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>empty: nothing stored within the channel&apos;s buffer time yet (is it switched on? `panelx ctl channels start %1`)</source>
        <translation>leer: innerhalb der Pufferzeit des Kanals noch nichts gespeichert (ist er eingeschaltet? `panelx ctl channels start %1`)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>oldest:</source>
        <translation>Ältester:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>newest:</source>
        <translation>Neuester:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>span:</source>
        <translation>Spanne:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 in %2 segments</source>
        <translation>%1 in %2 Segmenten</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>
Catch-up URL templates for IPTV apps ({utc}, {duration} … as Kodi fills them in):
</source>
        <translation>
Catch-up-URL-Vorlagen für IPTV-Apps ({utc}, {duration} … wie Kodi sie ausfüllt):
</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No schedules yet; add one with `panelx ctl schedules add --name N --channel C --start &quot;2026-12-01 20:00&quot;`.
</source>
        <translation>Noch keine Zeitpläne; fügen Sie einen mit `panelx ctl schedules add --name N --channel C --start &quot;2026-12-01 20:00&quot;` hinzu.
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ACTION</source>
        <translation>AKTION</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WHEN</source>
        <translation>WANN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NEXT RUN</source>
        <translation>NÄCHSTE AUSFÜHRUNG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ON</source>
        <translation>AN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAST RESULT</source>
        <translation>LETZTES ERGEBNIS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CONFLICT</source>
        <translation>KONFLIKT</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
Some schedules collide; `panelx ctl schedules conflicts` says how.
</source>
        <translation>
Einige Zeitpläne kollidieren; `panelx ctl schedules conflicts` zeigt, wie.
</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>when:</source>
        <translation>Wann:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first start:</source>
        <translation>Erster Start:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>minutes:</source>
        <translation>Minuten:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>padding:</source>
        <translation>Vor-/Nachlauf:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min before, %2 min after</source>
        <translation>%1 min vorher, %2 min nachher</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>next run:</source>
        <translation>Nächste Ausführung:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>runs:</source>
        <translation>Ausführungen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 failed</source>
        <translation>%1, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>last run:</source>
        <translation>Letzte Ausführung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflicts:</source>
        <translation>Konflikte:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes, see `panelx ctl schedules conflicts`</source>
        <translation>ja, siehe `panelx ctl schedules conflicts`</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The schedule does not run again.
</source>
        <translation>Der Zeitplan läuft nicht mehr.
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>END</source>
        <translation>ENDE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IN %1</source>
        <translation>IN %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>
* the clock springs forward over the start time that day: it runs at the first minute after the jump.
</source>
        <translation>
* Die Uhr springt an diesem Tag über die Startzeit hinweg vor: Er läuft in der ersten Minute nach dem Sprung.
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No schedules collide in the coming week.
</source>
        <translation>In der kommenden Woche kollidieren keine Zeitpläne.
</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PanelX %1, up %2, viewers at %3
</source>
        <translation>PanelX %1, läuft seit %2, Zuschauer unter %3
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data in %1: %2 of buffers, %3 free of %4

</source>
        <translation>Daten in %1: %2 Puffer, %3 frei von %4

</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Removed channel %1.
</source>
        <translation>Kanal %1 entfernt.
</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Removed recording %1.
</source>
        <translation>Aufnahme %1 entfernt.
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved recording %1 (“%2”) to %3.
</source>
        <translation>Aufnahme %1 („%2“) unter %3 gespeichert.
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Removed schedule %1.
</source>
        <translation>Zeitplan %1 entfernt.
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>
Takes effect when PanelX starts again: %1
</source>
        <translation>
Gilt, wenn PanelX neu startet: %1
</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <location filename="../ui/DesktopApp.cpp" line="+24"/>
        <source>PanelX</source>
        <translation>PanelX</translation>
    </message>
</context>
<context>
    <name>DvrPolicy</name>
    <message>
        <location filename="../engine/dvr/DvrPolicy.cpp" line="+12"/>
        <source>A recording lasts %1 to %2 minutes (12 hours); %3 is outside that. Choose a duration in that range, or make several recordings.</source>
        <translation>Eine Aufnahme dauert %1 bis %2 Minuten (12 Stunden); %3 liegt außerhalb. Wählen Sie eine Dauer in diesem Bereich oder machen Sie mehrere Aufnahmen.</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Delete finished recordings you no longer need (they hold %1), turn on automatic clean-up, or raise the DVR quota in Settings.</source>
        <translation>Löschen Sie fertige Aufnahmen, die Sie nicht mehr brauchen (sie belegen %1), schalten Sie das automatische Aufräumen ein oder erhöhen Sie das DVR-Kontingent in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete recordings you no longer need (recordings marked Keep are never removed automatically), record for a shorter time, or raise the DVR quota in Settings.</source>
        <translation>Löschen Sie Aufnahmen, die Sie nicht mehr brauchen (als „Behalten“ markierte Aufnahmen werden nie automatisch entfernt), nehmen Sie kürzer auf oder erhöhen Sie das DVR-Kontingent in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This recording needs about %1, but only %2 of the %3 DVR quota is free. %4</source>
        <translation>Diese Aufnahme braucht etwa %1, aber vom DVR-Kontingent von %3 sind nur %2 frei. %4</translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <location filename="../engine/InstanceLock.cpp" line="+33"/>
        <source>process %1</source>
        <translation>Prozess %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lock file %1</source>
        <translation>Sperrdatei %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PanelX is already running with this data folder (%1) — use that one, stop it first, or start this one with another folder (--data-dir).</source>
        <translation>PanelX läuft bereits mit diesem Datenordner (%1) — verwenden Sie diese Instanz, beenden Sie sie zuerst oder starten Sie diese mit einem anderen Ordner (--data-dir).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PanelX cannot create its lock file in %1: check that you may write to this folder, or choose another with --data-dir.</source>
        <translation>PanelX kann seine Sperrdatei in %1 nicht anlegen: Prüfen Sie, ob Sie in diesen Ordner schreiben dürfen, oder wählen Sie mit --data-dir einen anderen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PanelX could not lock its data folder %1 (is the disk full or read-only?).</source>
        <translation>PanelX konnte seinen Datenordner %1 nicht sperren (ist der Datenträger voll oder schreibgeschützt?).</translation>
    </message>
</context>
<context>
    <name>JsonBody</name>
    <message>
        <location filename="../engine/api/JsonBody.cpp" line="+18"/>
        <source>The field “%1” must be %2.</source>
        <translation>Das Feld „%1“ muss %2 sein.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The request body is not valid JSON (%1 at byte %2). Send one JSON object, for example {&quot;name&quot;: &quot;News&quot;}.</source>
        <translation>Der Anfragetext ist kein gültiges JSON (%1 bei Byte %2). Senden Sie ein JSON-Objekt, zum Beispiel {&quot;name&quot;: &quot;News&quot;}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The request body must be one JSON object, for example {&quot;name&quot;: &quot;News&quot;}.</source>
        <translation>Der Anfragetext muss ein JSON-Objekt sein, zum Beispiel {&quot;name&quot;: &quot;News&quot;}.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown field “%1”. Known fields here: %2.</source>
        <translation>Unbekanntes Feld „%1“. Bekannte Felder hier: %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>an object, for example {&quot;%1&quot;: {&quot;%2&quot;: …}}</source>
        <translation>ein Objekt, zum Beispiel {&quot;%1&quot;: {&quot;%2&quot;: …}}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>a list of strings, for example %1</source>
        <translation>eine Liste von Zeichenketten, zum Beispiel %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“%1” is a whole number of minutes, for example 90.</source>
        <translation>„%1“ ist eine ganze Zahl von Minuten, zum Beispiel 90.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>an id or a slug</source>
        <translation>eine ID oder ein Slug</translation>
    </message>
</context>
<context>
    <name>RecordingsApi</name>
    <message>
        <location filename="../engine/api/RecordingsApi.cpp" line="+72"/>
        <source>There is no recording “%1” (it may have been deleted). List the recordings with GET /api/v1/recordings and use an id from there.</source>
        <translation>Es gibt keine Aufnahme „%1“ (sie wurde vielleicht gelöscht). Listen Sie die Aufnahmen mit GET /api/v1/recordings auf und verwenden Sie eine ID von dort.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Say which channel to record, for example {&quot;channel&quot;: &quot;news&quot;}: an id or slug from GET /api/v1/channels.</source>
        <translation>Geben Sie an, welcher Kanal aufgenommen werden soll, zum Beispiel {&quot;channel&quot;: &quot;news&quot;}: eine ID oder ein Slug aus GET /api/v1/channels.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“start” is a time in unix seconds, for example 1767225600 for 1 January 2026 00:00 UTC; leave it out to start now.</source>
        <translation>„start“ ist eine Zeit in Unix-Sekunden, zum Beispiel 1767225600 für den 1. Januar 2026 00:00 UTC; lassen Sie es weg, um jetzt zu beginnen.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Say by how many minutes to extend the recording, for example {&quot;minutes&quot;: 30}.</source>
        <translation>Geben Sie an, um wie viele Minuten die Aufnahme verlängert werden soll, zum Beispiel {&quot;minutes&quot;: 30}.</translation>
    </message>
</context>
<context>
    <name>RecurrenceText</name>
    <message>
        <location filename="../engine/schedule/RecurrenceText.cpp" line="+11"/>
        <source>d MMM yyyy</source>
        <translation>d. MMM yyyy</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Once on %1 at %2</source>
        <translation>Einmal am %1 um %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>Daily at %1</source>
        <translation>Täglich um %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weekdays at %1</source>
        <translation>Montag bis Freitag um %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every %1 at %2</source>
        <translation>Jeden %1 um %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 until %2</source>
        <translation>%1 bis %2</translation>
    </message>
</context>
<context>
    <name>RungState</name>
    <message>
        <location filename="../engine/ChannelTypes.cpp" line="+7"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Falling behind</source>
        <translation>Fällt zurück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switched off</source>
        <translation>Abgeschaltet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
</context>
<context>
    <name>ScheduleExecutor</name>
    <message>
        <location filename="../engine/schedule/ScheduleExecutor.cpp" line="+17"/>
        <source>channel %1</source>
        <translation>Kanal %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>PanelX was not running at %1 (%2), or the clock jumped past it; missed runs are not made up later.</source>
        <translation>PanelX lief um %1 (%2) nicht, oder die Uhr sprang darüber hinweg; verpasste Ausführungen werden nicht nachgeholt.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Recording %1 of “%2”.</source>
        <translation>Aufnahme %1 von „%2“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Started “%1”.</source>
        <translation>„%1“ gestartet.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped “%1”.</source>
        <translation>„%1“ gestoppt.</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Starting “%1” again after %n minute(s) failed: %2</source>
        <translation>
            <numerusform>„%1“ nach %n Minute wieder zu starten ist fehlgeschlagen: %2</numerusform>
            <numerusform>„%1“ nach %n Minuten wieder zu starten ist fehlgeschlagen: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Stopping “%1” again after %n minute(s) failed: %2</source>
        <translation>
            <numerusform>„%1“ nach %n Minute wieder zu stoppen ist fehlgeschlagen: %2</numerusform>
            <numerusform>„%1“ nach %n Minuten wieder zu stoppen ist fehlgeschlagen: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScheduleJson</name>
    <message>
        <location filename="../engine/api/ScheduleJson.cpp" line="+77"/>
        <source>“%1” is not something a schedule does: use record, start or stop.</source>
        <translation>„%1“ ist nichts, was ein Zeitplan tut: Verwenden Sie record, start oder stop.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is not a way to repeat: use once, daily or weekly.</source>
        <translation>„%1“ ist keine Art der Wiederholung: Verwenden Sie once, daily oder weekly.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” is not a local date and time: give the first start as &quot;2026-12-01T20:00&quot;, with no offset (it is meant in &quot;timeZone&quot;).</source>
        <translation>„%1“ ist kein lokales Datum mit Uhrzeit: Geben Sie den ersten Start als &quot;2026-12-01T20:00&quot; an, ohne Versatz (er gilt in &quot;timeZone&quot;).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” is not a weekday: use mon, tue, wed, thu, fri, sat or sun.</source>
        <translation>„%1“ ist kein Wochentag: Verwenden Sie mon, tue, wed, thu, fri, sat oder sun.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” is not a date in the calendar: give the last date as &quot;2027-03-31&quot;, or null for no end.</source>
        <translation>„%1“ ist kein Datum im Kalender: Geben Sie das letzte Datum als &quot;2027-03-31&quot; an, oder null für kein Ende.</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>The schedule collides with others: %1 Change it, or send &quot;force&quot;: true to save it anyway.</source>
        <translation>Der Zeitplan kollidiert mit anderen: %1 Ändern Sie ihn, oder senden Sie &quot;force&quot;: true, um ihn trotzdem zu speichern.</translation>
    </message>
</context>
<context>
    <name>ScheduleValidator</name>
    <message>
        <location filename="../engine/schedule/Schedule.cpp" line="+120"/>
        <source>Give the schedule a name, for example “News at eight”, so the list and the history can show it.</source>
        <translation>Geben Sie dem Zeitplan einen Namen, zum Beispiel „Nachrichten um acht“, damit Liste und Verlauf ihn zeigen können.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A schedule&apos;s name has at most %1 characters; shorten it.</source>
        <translation>Der Name eines Zeitplans hat höchstens %1 Zeichen; kürzen Sie ihn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose what the schedule does: record a channel, start it or stop it.</source>
        <translation>Wählen Sie, was der Zeitplan tut: einen Kanal aufnehmen, starten oder stoppen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the channel the schedule acts on.</source>
        <translation>Wählen Sie den Kanal, auf den der Zeitplan wirkt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a first date that exists in the calendar, for example 2026-12-01.</source>
        <translation>Wählen Sie ein erstes Datum, das es im Kalender gibt, zum Beispiel 2026-12-01.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the start time as hours and minutes, for example 20:00.</source>
        <translation>Geben Sie die Startzeit in Stunden und Minuten ein, zum Beispiel 20:00.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the time zone the start time is meant in, for example Europe/Berlin.</source>
        <translation>Wählen Sie die Zeitzone, in der die Startzeit gemeint ist, zum Beispiel Europe/Berlin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not a time zone this system knows. Use an IANA name such as Europe/Berlin, America/New_York or UTC.</source>
        <translation>„%1“ ist keine Zeitzone, die dieses System kennt. Verwenden Sie einen IANA-Namen wie Europe/Berlin, America/New_York oder UTC.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A channel is started or stopped for 0 to %1 minutes (0: switch it and leave it); %2 is outside that.</source>
        <translation>Ein Kanal wird für 0 bis %1 Minuten gestartet oder gestoppt (0: umschalten und so lassen); %2 liegt außerhalb.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose how the schedule repeats: once, daily or weekly.</source>
        <translation>Wählen Sie, wie sich der Zeitplan wiederholt: einmal, täglich oder wöchentlich.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A schedule that runs once has no last date; make it daily or weekly, or leave the last date empty.</source>
        <translation>Ein Zeitplan, der einmal läuft, hat kein letztes Datum; machen Sie ihn täglich oder wöchentlich, oder lassen Sie das letzte Datum leer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tick at least one weekday for a weekly schedule.</source>
        <translation>Kreuzen Sie für einen wöchentlichen Zeitplan mindestens einen Wochentag an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The last date (%1) is before the first date (%2); choose a later one, or leave it empty to repeat without end.</source>
        <translation>Das letzte Datum (%1) liegt vor dem ersten (%2); wählen Sie ein späteres, oder lassen Sie es leer, um ohne Ende zu wiederholen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>None of the ticked weekdays falls between %1 and %2, so the schedule would never run; tick another weekday or choose a later last date.</source>
        <translation>Keiner der angekreuzten Wochentage liegt zwischen %1 und %2, der Zeitplan liefe also nie; kreuzen Sie einen anderen Wochentag an, oder wählen Sie ein späteres letztes Datum.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Only recordings have padding; set it to 0 for starting or stopping a channel.</source>
        <translation>Nur Aufnahmen haben Vor- und Nachlauf; setzen Sie ihn beim Starten oder Stoppen eines Kanals auf 0.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Padding before and after is 0 to %1 minutes each; for more, make the recording longer.</source>
        <translation>Vor- und Nachlauf betragen je 0 bis %1 Minuten; für mehr machen Sie die Aufnahme länger.</translation>
    </message>
</context>
<context>
    <name>ScheduleWords</name>
    <message>
        <location filename="../ui/schedules/ScheduleWords.cpp" line="+11"/>
        <source>Record</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ddd HH:mm</source>
        <translation>ddd HH:mm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 %3)</source>
        <translation>%1 (%2 %3)</translation>
    </message>
</context>
<context>
    <name>SchedulesApi</name>
    <message>
        <location filename="../engine/api/SchedulesApi.cpp" line="+75"/>
        <source>There is no schedule “%1” (it may have been deleted). List the schedules with GET /api/v1/schedules and use an id from there.</source>
        <translation>Es gibt keinen Zeitplan „%1“ (er wurde vielleicht gelöscht). Listen Sie die Zeitpläne mit GET /api/v1/schedules auf und verwenden Sie eine ID von dort.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Say which channel the schedule acts on, for example {&quot;channel&quot;: &quot;news&quot;}: an id or slug from GET /api/v1/channels.</source>
        <translation>Geben Sie an, für welchen Kanal der Zeitplan gilt, zum Beispiel {&quot;channel&quot;: &quot;news&quot;}: eine ID oder ein Slug aus GET /api/v1/channels.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>“count” is how many occurrences to list, a whole number from 1 to %1, for example ?count=10.</source>
        <translation>„count“ ist die Zahl der aufzulistenden Termine, eine ganze Zahl von 1 bis %1, zum Beispiel ?count=10.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../engine/Settings.cpp" line="+144"/>
        <source>Choose a folder for the data: PanelX keeps its database and the channels&apos; buffers there.</source>
        <translation>Wählen Sie einen Ordner für die Daten: PanelX legt dort seine Datenbank und die Puffer der Kanäle ab.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the full path of the data folder, starting with /, for example %1.</source>
        <translation>Geben Sie den vollständigen Pfad des Datenordners an, beginnend mit /, zum Beispiel %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ports below %1 need administrator rights. Choose a port from %1 to 65535, such as %2.</source>
        <translation>Ports unter %1 brauchen Administratorrechte. Wählen Sie einen Port von %1 bis 65535, etwa %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Each viewer address may hold from 1 to %1 connections; %2 suits TVs and phones, more a reverse proxy that carries every viewer.</source>
        <translation>Jede Zuschaueradresse darf 1 bis %1 Verbindungen halten; %2 genügt für Fernseher und Telefone, mehr braucht ein Reverse-Proxy, über den alle Zuschauer kommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Segments must last from %1 to %2 seconds.</source>
        <translation>Segmente müssen %1 bis %2 Sekunden lang sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The buffer can hold from 0 to %1 hours.</source>
        <translation>Der Puffer kann 0 bis %1 Stunden fassen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The DVR quota must be at least %1 GB; recordings of any length need room.</source>
        <translation>Das DVR-Kontingent muss mindestens %1 GB betragen; Aufnahmen jeder Länge brauchen Platz.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep recordings from 1 to %1 days, or 0 to keep them until you delete them.</source>
        <translation>Behalten Sie Aufnahmen 1 bis %1 Tage, oder 0, um sie zu behalten, bis Sie sie löschen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Schedules may record from 1 to %1 channels at once; count what the disk can write.</source>
        <translation>Zeitpläne dürfen 1 bis %1 Kanäle gleichzeitig aufnehmen; rechnen Sie mit dem, was die Festplatte schreiben kann.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Schedules may run from 1 to %1 ABR transcodes at once; count one per CPU core to spare.</source>
        <translation>Zeitpläne dürfen 1 bis %1 ABR-Transkodierungen gleichzeitig ausführen; rechnen Sie mit einer je freiem CPU-Kern.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is a file, not a folder. Choose a folder.</source>
        <translation>„%1“ ist eine Datei, kein Ordner. Wählen Sie einen Ordner.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PanelX cannot write to “%1”. Choose a folder you own, or change its permissions.</source>
        <translation>PanelX kann nicht in „%1“ schreiben. Wählen Sie einen Ordner, der Ihnen gehört, oder ändern Sie seine Berechtigungen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” does not exist and PanelX cannot create it inside “%2”. Choose a folder in your home folder.</source>
        <translation>„%1“ existiert nicht, und PanelX kann ihn in „%2“ nicht anlegen. Wählen Sie einen Ordner in Ihrem persönlichen Ordner.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>viewer port</source>
        <translation>Port für Zuschauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>who can watch</source>
        <translation>wer zuschauen darf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>public URL</source>
        <translation>öffentliche URL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connections per address</source>
        <translation>Verbindungen je Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../engine/api/SettingsApi.cpp" line="+143"/>
        <source>The port must be a whole number from %1 to 65535.</source>
        <translation>Der Port muss eine ganze Zahl von %1 bis 65535 sein.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>“%1” is not a listening scope: use loopback (this computer only), lan (the local network, IPv4) or lan-ipv6 (IPv4 and IPv6).</source>
        <translation>„%1“ ist kein Empfangsbereich: Verwenden Sie loopback (nur dieser Computer), lan (das lokale Netzwerk, IPv4) oder lan-ipv6 (IPv4 und IPv6).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1” is not a language PanelX speaks: use system, en or de.</source>
        <translation>„%1“ ist keine Sprache, die PanelX spricht: Verwenden Sie system, en oder de.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The settings could not be written to %1. Check that the disk is not full and that the file belongs to the user PanelX runs as.</source>
        <translation>Die Einstellungen konnten nicht nach %1 geschrieben werden. Prüfen Sie, ob die Festplatte voll ist und ob die Datei dem Benutzer gehört, unter dem PanelX läuft.</translation>
    </message>
</context>
<context>
    <name>ViewerAddress</name>
    <message>
        <location filename="../engine/ViewerAddress.cpp" line="+106"/>
        <source>Write the public URL as http://host or https://host, with a port if viewers need one, for example %1.</source>
        <translation>Schreiben Sie die öffentliche URL als http://host oder https://host, mit Port, falls Zuschauer einen brauchen, zum Beispiel %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The public URL is only a scheme, a host and a port (for example %1): PanelX adds /live/… and /playlist.m3u itself.</source>
        <translation>Die öffentliche URL besteht nur aus Schema, Host und Port (zum Beispiel %1): /live/… und /playlist.m3u hängt PanelX selbst an.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/main.cpp" line="+148"/>
        <source>PanelX Desktop: live channels to HLS for the devices on your network.</source>
        <translation>PanelX Desktop: Live-Kanäle als HLS für die Geräte in Ihrem Netzwerk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run the engine and the viewer server with no window.</source>
        <translation>Engine und Zuschauer-Server ohne Fenster ausführen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the database and segments in &lt;dir&gt;.</source>
        <translation>Datenbank und Segmente in &lt;dir&gt; ablegen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serve viewers on TCP port &lt;port&gt; (default 8080).</source>
        <translation>Zuschauer über TCP-Port &lt;port&gt; bedienen (Standard 8080).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give viewers URLs starting with &lt;url&gt; (http(s)://host[:port]) instead of this computer&apos;s network address, e.g. behind a port forward or a reverse proxy.</source>
        <translation>Zuschauern URLs geben, die mit &lt;url&gt; (http(s)://host[:port]) beginnen, statt mit der Netzwerkadresse dieses Computers, z. B. hinter einer Portweiterleitung oder einem Reverse-Proxy.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Serve viewers on &lt;address&gt; only: an address of this computer, 127.0.0.1, or 0.0.0.0 (every IPv4 address) or :: (IPv4 and IPv6). Overrides the saved setting.</source>
        <translation>Zuschauer nur über &lt;address&gt; bedienen: eine Adresse dieses Computers, 127.0.0.1, oder 0.0.0.0 (jede IPv4-Adresse) oder :: (IPv4 und IPv6). Hat Vorrang vor der gespeicherten Einstellung.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--port needs a number from 0 to 65535, not “%1”.</source>
        <translation>--port braucht eine Zahl von 0 bis 65535, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--listen needs an IP address of this computer, such as 127.0.0.1, 0.0.0.0 or ::, not “%1”.</source>
        <translation>--listen braucht eine IP-Adresse dieses Computers, etwa 127.0.0.1, 0.0.0.0 oder ::, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>panelx::AdminTokenPanel</name>
    <message>
        <location filename="../ui/settings/AdminTokenPanel.cpp" line="+23"/>
        <source>Shown once the server runs</source>
        <translation>Wird angezeigt, sobald der Server läuft</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+14"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regenerate…</source>
        <translation>Neu erzeugen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+1"/>
        <source>Regenerate the admin token?</source>
        <translation>Admin-Token neu erzeugen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programs and scripts that use the current token (panelx ctl reads it from the data folder) lose access until they are given the new one.</source>
        <translation>Programme und Skripte, die das aktuelle Token verwenden (panelx ctl liest es aus dem Datenordner), verlieren den Zugriff, bis sie das neue erhalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
</context>
<context>
    <name>panelx::BitrateChart</name>
    <message>
        <location filename="../ui/dashboard/BitrateChart.cpp" line="+50"/>
        <source>minutes ago</source>
        <translation>vor Minuten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mbit/s</source>
        <translation>Mbit/s</translation>
    </message>
</context>
<context>
    <name>panelx::ChannelDialog</name>
    <message>
        <location filename="../ui/channels/ChannelDialog.cpp" line="+30"/>
        <source>Start the channel now and whenever PanelX starts</source>
        <translation>Kanal jetzt und bei jedem Start von PanelX starten</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+31"/>
        <source>Add channel</source>
        <translation>Kanal hinzufügen</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Edit channel “%1”</source>
        <translation>Kanal „%1“ bearbeiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. News HD</source>
        <translation>z. B. Nachrichten HD</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>udp://@239.0.0.1:1234, rtsp://…, http://…/index.m3u8</source>
        <translation>udp://@239.0.0.1:1234, rtsp://…, http://…/index.m3u8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any source FFmpeg can open: udp, rtp, rtsp, rtmp, srt, http(s) and HLS, a file path, or demo: for a test pattern.</source>
        <translation>Jede Quelle, die FFmpeg öffnen kann: udp, rtp, rtsp, rtmp, srt, http(s) und HLS, ein Dateipfad oder demo: für ein Testbild.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorter segments start faster on viewers&apos; devices; longer ones are kinder to weak networks.</source>
        <translation>Kürzere Segmente starten auf den Geräten der Zuschauer schneller; längere schonen schwache Netzwerke.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far back viewers can rewind (timeshift and catch-up). The buffer takes disk space in the data folder.</source>
        <translation>Wie weit Zuschauer zurückspulen können (Timeshift und Catch-up). Der Puffer belegt Speicherplatz im Datenordner.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Source URL:</source>
        <translation>&amp;Quell-URL:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se&amp;gment duration:</source>
        <translation>Se&amp;gmentdauer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeshift &amp;buffer:</source>
        <translation>Timeshift-&amp;Puffer:</translation>
    </message>
</context>
<context>
    <name>panelx::ChannelTableModel</name>
    <message>
        <location filename="../ui/channels/ChannelTableModel.cpp" line="+188"/>
        <source>%1 %2×%3</source>
        <translation>%1 %2×%3</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Input</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Viewers</source>
        <translation>Zuschauer</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting</source>
        <translation>Verbindet neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 Mb/s</source>
        <translation>%1 Mb/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 kb/s</source>
        <translation>%1 kb/s</translation>
    </message>
</context>
<context>
    <name>panelx::ChannelsController</name>
    <message>
        <location filename="../ui/channels/ChannelsController.cpp" line="+20"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>This removes the channel “%1” and every segment buffered for it, so its timeshift and catch-up history is gone. Viewers watching it will lose the stream.</source>
        <translation>Damit werden der Kanal „%1“ und alle für ihn gepufferten Segmente entfernt; sein Timeshift- und Catch-up-Verlauf geht verloren. Zuschauer, die ihn gerade sehen, verlieren den Stream.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of disk space will be freed.</source>
        <translation>%1 Speicherplatz werden frei.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Delete channel “%1”?</source>
        <translation>Kanal „%1“ löschen?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete channel</source>
        <translation>Kanal löschen</translation>
    </message>
</context>
<context>
    <name>panelx::ChannelsPage</name>
    <message>
        <location filename="../ui/channels/ChannelsPage.cpp" line="+92"/>
        <source>No channels yet. Click “Add channel” and give it a source URL — or demo: for a test pattern.</source>
        <translation>Noch keine Kanäle. Klicken Sie auf „Kanal hinzufügen“ und geben Sie eine Quell-URL an – oder demo: für ein Testbild.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Add channel</source>
        <translation>Kanal hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a channel from a source URL</source>
        <translation>Einen Kanal aus einer Quell-URL hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the selected channel&apos;s settings</source>
        <translation>Die Einstellungen des gewählten Kanals ändern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start pulling the source and serving it</source>
        <translation>Die Quelle abrufen und ausliefern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop the channel; its buffer is kept</source>
        <translation>Den Kanal stoppen; sein Puffer bleibt erhalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watch</source>
        <translation>Ansehen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the channel in the built-in player (or double-click it)</source>
        <translation>Den Kanal im eingebauten Player abspielen (oder doppelklicken)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy viewer URL</source>
        <translation>Zuschauer-URL kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the address viewers&apos; devices open for this channel</source>
        <translation>Die Adresse kopieren, die Geräte der Zuschauer für diesen Kanal öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected channel and its buffer</source>
        <translation>Den gewählten Kanal und seinen Puffer löschen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>Turn the ladder on…</source>
        <translation>Qualitätsstufen einschalten…</translation>
    </message>
</context>
<context>
    <name>panelx::DashboardPage</name>
    <message>
        <location filename="../ui/dashboard/DashboardPage.cpp" line="+29"/>
        <source>%1 Mbit/s</source>
        <translation>%1 Mbit/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 kbit/s</source>
        <translation>%1 kbit/s</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnecting</source>
        <translation>Verbindet neu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Watch on your devices</source>
        <translation>Auf Ihren Geräten ansehen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scan with a phone on the same network to open the playlist.</source>
        <translation>Mit einem Telefon im selben Netzwerk scannen, um die Wiedergabeliste zu öffnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Playlist of all channels</source>
        <translation>Wiedergabeliste aller Kanäle</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+25"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Copy the playlist address to the clipboard.</source>
        <translation>Die Adresse der Wiedergabeliste in die Zwischenablage kopieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open this address in VLC, Kodi or an IPTV app on any device in your network, or scan the code with a phone.</source>
        <translation>Öffnen Sie diese Adresse in VLC, Kodi oder einer IPTV-App auf einem beliebigen Gerät in Ihrem Netzwerk, oder scannen Sie den Code mit einem Telefon.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk space in the data folder</source>
        <translation>Speicherplatz im Datenordner</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>CPU load of PanelX</source>
        <translation>CPU-Last von PanelX</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buffer storage used</source>
        <translation>Belegter Pufferspeicher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disk space the channel&apos;s buffer takes now, against what it takes when full.</source>
        <translation>Speicherplatz, den der Puffer des Kanals jetzt belegt, im Vergleich zu dem, was er voll belegt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Input now</source>
        <translation>Eingang jetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No channels yet. Add one on the Channels page.</source>
        <translation>Noch keine Kanäle. Fügen Sie auf der Seite „Kanäle“ einen hinzu.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Input bitrate, last %n minute(s)</source>
        <translation>
            <numerusform>Eingangsbitrate, letzte Minute</numerusform>
            <numerusform>Eingangsbitrate, letzte %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+107"/>
        <location line="+11"/>
        <source>Measuring…</source>
        <translation>Wird gemessen…</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>%1 used; the budget is known once the channel is live</source>
        <translation>%1 belegt; das Budget ist bekannt, sobald der Kanal live ist</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 (%3 %)</source>
        <translation>%1 von %2 (%3 %)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Budget = buffer length (%1) × average input bitrate over the last %2 (%3) = about %4. The buffer fills up to it, then the oldest segments are removed.</source>
        <translation>Budget = Pufferlänge (%1) × mittlere Eingangsbitrate der letzten %2 (%3) = etwa %4. Der Puffer füllt sich bis dahin, danach werden die ältesten Segmente entfernt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Budget = buffer length (%1) × input bitrate; the bitrate is measured while the channel is live.</source>
        <translation>Budget = Pufferlänge (%1) × Eingangsbitrate; die Bitrate wird gemessen, während der Kanal live ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segments on disk: %1.</source>
        <translation>Segmente auf der Festplatte: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Waiting for the engine to start…</source>
        <translation>Warten auf den Start der Engine…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 free of %2</source>
        <translation>%1 frei von %2</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%1 % of the machine&apos;s %n core(s)</source>
        <translation>
            <numerusform>%1 % des einen Kerns des Rechners</numerusform>
            <numerusform>%1 % der %n Kerne des Rechners</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PanelX used %1 % of one core over the last few seconds (all its threads, user and system time).</source>
        <translation>PanelX hat in den letzten Sekunden %1 % eines Kerns genutzt (alle Threads, Benutzer- und Systemzeit).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The address appears when the viewer server has started.</source>
        <translation>Die Adresse erscheint, sobald der Zuschauer-Server gestartet ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only this computer can open this address. To let other devices watch, choose “Devices on the local network” in Settings.</source>
        <translation>Nur dieser Computer kann diese Adresse öffnen. Damit andere Geräte zuschauen können, wählen Sie in den Einstellungen „Geräte im lokalen Netzwerk“.</translation>
    </message>
</context>
<context>
    <name>panelx::DvrUsageBar</name>
    <message>
        <location filename="../ui/recordings/DvrUsageBar.cpp" line="+34"/>
        <source>Recordings use:</source>
        <translation>Aufnahmen belegen:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Space the recordings take, against the DVR quota set in Settings. %1 free on the disk.</source>
        <translation>Platz, den die Aufnahmen belegen, gemessen am DVR-Kontingent aus den Einstellungen. %1 frei auf dem Datenträger.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Live buffers: %1 (outside the quota)</source>
        <translation>Live-Puffer: %1 (außerhalb des Kontingents)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When room is needed, clean-up removes next: “%1”.</source>
        <translation>Wird Platz gebraucht, entfernt das Aufräumen als Nächstes: „%1“.</translation>
    </message>
</context>
<context>
    <name>panelx::Engine</name>
    <message>
        <location filename="../engine/Engine.cpp" line="+292"/>
        <source>Cannot create the data folder %1: check that the disk is mounted and that you may write there, or choose another with --data-dir.</source>
        <translation>Der Datenordner %1 kann nicht angelegt werden: Prüfen Sie, ob der Datenträger eingehängt ist und Sie dort schreiben dürfen, oder wählen Sie mit --data-dir einen anderen.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Recovered the segment store: %1 segments re-indexed, %2 index entries without a file dropped, %3 unfinished files removed.</source>
        <translation>Segmentspeicher wiederhergestellt: %1 Segmente neu indiziert, %2 Indexeinträge ohne Datei verworfen, %3 unfertige Dateien entfernt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+317"/>
        <source>Adding channel “%1”</source>
        <translation>Kanal „%1“ hinzufügen</translation>
    </message>
    <message>
        <location line="-583"/>
        <location line="+490"/>
        <location line="+326"/>
        <source>The engine is not running.</source>
        <translation>Die Engine läuft nicht.</translation>
    </message>
    <message>
        <location line="-226"/>
        <location line="+17"/>
        <source>Saving channel “%1”</source>
        <translation>Kanal „%1“ speichern</translation>
    </message>
    <message>
        <location line="-94"/>
        <location line="+28"/>
        <location line="+35"/>
        <source>This channel no longer exists.</source>
        <translation>Diesen Kanal gibt es nicht mehr.</translation>
    </message>
    <message>
        <location line="-530"/>
        <source>This schedule no longer exists.</source>
        <translation>Diesen Zeitplan gibt es nicht mehr.</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Making a new admin token</source>
        <translation>Neues Admin-Token erzeugen</translation>
    </message>
    <message numerus="yes">
        <location line="+333"/>
        <source>“%1” has %n recording(s). Delete them on the Recordings page first; deleting the channel would delete what they recorded.</source>
        <translation>
            <numerusform>„%1“ hat %n Aufnahme. Löschen Sie sie zuerst auf der Seite Aufnahmen; das Löschen des Kanals würde löschen, was sie aufgenommen hat.</numerusform>
            <numerusform>„%1“ hat %n Aufnahmen. Löschen Sie sie zuerst auf der Seite Aufnahmen; das Löschen des Kanals würde löschen, was sie aufgenommen haben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>“%1” has %n schedule(s). Delete them on the Schedules page first; they would have no channel to run on.</source>
        <translation>
            <numerusform>„%1“ hat %n Zeitplan. Löschen Sie ihn zuerst auf der Seite Zeitpläne; er hätte sonst keinen Kanal, auf dem er laufen kann.</numerusform>
            <numerusform>„%1“ hat %n Zeitpläne. Löschen Sie sie zuerst auf der Seite Zeitpläne; sie hätten sonst keinen Kanal, auf dem sie laufen können.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Deleting a channel</source>
        <translation>Einen Kanal löschen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deleting channel “%1”</source>
        <translation>Kanal „%1“ löschen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Starting or stopping a channel</source>
        <translation>Einen Kanal starten oder stoppen</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>Channel %1 does not exist (it may have been deleted); choose one of the channels on the Channels page.</source>
        <translation>Kanal %1 gibt es nicht (vielleicht wurde er gelöscht); wählen Sie einen der Kanäle auf der Seite Kanäle.</translation>
    </message>
</context>
<context>
    <name>panelx::EngineClient</name>
    <message>
        <location filename="../ui/EngineClient.cpp" line="+340"/>
        <location line="+15"/>
        <location line="+21"/>
        <source>PanelX is shutting down; try again after it has started.</source>
        <translation>PanelX wird beendet; versuchen Sie es erneut, wenn es gestartet ist.</translation>
    </message>
</context>
<context>
    <name>panelx::LadderController</name>
    <message>
        <location filename="../ui/quality/LadderController.cpp" line="+38"/>
        <source>The ladder of “%1” was not saved: %2</source>
        <translation>Die Qualitätsstufen von „%1“ wurden nicht gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>panelx::LadderDialog</name>
    <message>
        <location filename="../ui/quality/LadderDialog.cpp" line="+37"/>
        <source>Quality ladder of “%1”</source>
        <translation>Qualitätsstufen von „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With the ladder on, PanelX decodes the source once and encodes every rung with H.264 and AAC, so phones on weak Wi-Fi and browsers that cannot play the source get a stream they hold. Rungs taller than the source are skipped; each rung costs CPU.</source>
        <translation>Mit eingeschalteten Qualitätsstufen dekodiert PanelX die Quelle einmal und kodiert jede Stufe mit H.264 und AAC, sodass Handys in schwachem WLAN und Browser, die die Quelle nicht abspielen können, einen Stream bekommen, den sie halten. Stufen, die höher als die Quelle sind, werden übersprungen; jede Stufe kostet Rechenleistung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Encode a quality ladder</source>
        <translation>Qualitätsstufen kodieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2 kbit/s)</source>
        <translation>%1 (%2 kbit/s)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Faster presets use less CPU for a little less picture quality at the same bitrate.</source>
        <translation>Schnellere Voreinstellungen brauchen weniger Rechenleistung, bei etwas geringerer Bildqualität zur selben Bitrate.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rungs:</source>
        <translation>Stufen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder preset:</source>
        <translation>Encoder-Voreinstellung:</translation>
    </message>
</context>
<context>
    <name>panelx::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+27"/>
        <source>PanelX</source>
        <translation>PanelX</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Player</source>
        <translation>Player</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recordings</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
</context>
<context>
    <name>panelx::PlayerControls</name>
    <message>
        <location filename="../ui/player/PlayerControls.cpp" line="+22"/>
        <source>Watch from the start of the buffer</source>
        <translation>Ab dem Anfang des Puffers ansehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>−30 s</source>
        <translation>−30 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back 30 seconds (Left arrow)</source>
        <translation>30 Sekunden zurück (Pfeil nach links)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>+30 s</source>
        <translation>+30 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward 30 seconds (Right arrow)</source>
        <translation>30 Sekunden vor (Pfeil nach rechts)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the live picture (End)</source>
        <translation>Zurück zum Live-Bild (Ende)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+85"/>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full screen (Esc or double-click to leave)</source>
        <translation>Vollbild (Esc oder Doppelklick zum Verlassen)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>−%1 behind live</source>
        <translation>−%1 hinter live</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unmute</source>
        <translation>Ton an</translation>
    </message>
</context>
<context>
    <name>panelx::PlayerPage</name>
    <message>
        <location filename="../ui/player/PlayerPage.cpp" line="+57"/>
        <source>Record selection</source>
        <translation>Auswahl aufnehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watch live</source>
        <translation>Live ansehen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The same address viewers&apos; devices use</source>
        <translation>Dieselbe Adresse, die die Geräte der Zuschauer nutzen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record the range selected on the timeline (Shift+drag to select); recordings are whole minutes</source>
        <translation>Den auf der Zeitleiste ausgewählten Bereich aufnehmen (mit Umschalt+Ziehen auswählen); Aufnahmen sind ganze Minuten lang</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>This moment cannot be played: %1</source>
        <translation>Dieser Moment kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The channel was deleted.</source>
        <translation>Der Kanal wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The recording was deleted.</source>
        <translation>Die Aufnahme wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a channel, or double-click one on the Channels page.</source>
        <translation>Wählen Sie einen Kanal, oder doppelklicken Sie einen auf der Seite „Kanäle“.</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+36"/>
        <source>The viewer server is not running, so there is nothing to play.</source>
        <translation>Der Zuschauer-Server läuft nicht, daher gibt es nichts abzuspielen.</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>“%1” is stopped. Start it on the Channels page to watch it live.</source>
        <translation>„%1“ ist gestoppt. Starten Sie ihn auf der Seite „Kanäle“, um ihn live zu sehen.</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+13"/>
        <location line="+126"/>
        <location line="+190"/>
        <source>Connecting to “%1”…</source>
        <translation>Verbinde mit „%1“…</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>The moment you paused at (%1) is no longer in the buffer; playing from the oldest moment kept (%2).</source>
        <translation>Der Moment, an dem Sie angehalten haben (%1), ist nicht mehr im Puffer; es wird ab dem ältesten gespeicherten Moment (%2) abgespielt.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>You were watching “%1” at %2.</source>
        <translation>Sie haben „%1“ zuletzt bei %2 angesehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume at %1</source>
        <translation>Bei %1 fortsetzen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The selection could not be recorded: %1</source>
        <translation>Die Auswahl konnte nicht aufgenommen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Recording %1–%2 (%n minute(s): recordings are whole minutes, so the selection was rounded up). It is on the Recordings page.</source>
        <translation>
            <numerusform>Aufnahme %1–%2 (%n Minute: Aufnahmen sind ganze Minuten lang, daher wurde die Auswahl aufgerundet). Sie steht auf der Seite Aufnahmen.</numerusform>
            <numerusform>Aufnahme %1–%2 (%n Minuten: Aufnahmen sind ganze Minuten lang, daher wurde die Auswahl aufgerundet). Sie steht auf der Seite Aufnahmen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Buffering…</source>
        <translation>Puffern…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Playing the recording “%1”</source>
        <translation>Spielt die Aufnahme „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Playing “%1” from its buffer</source>
        <translation>„%1“ wird aus dem Puffer abgespielt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playing “%1” live</source>
        <translation>„%1“ läuft live</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The recording “%1” has played to its end.</source>
        <translation>Die Aufnahme „%1“ ist bis zum Ende abgespielt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stream ended. Is the channel still live?</source>
        <translation>Der Stream ist zu Ende. Ist der Kanal noch live?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This stream cannot be played here: %1</source>
        <translation>Dieser Stream kann hier nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the format is not supported</source>
        <translation>das Format wird nicht unterstützt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The stream could not be loaded. Check that the channel is live.</source>
        <translation>Der Stream konnte nicht geladen werden. Prüfen Sie, ob der Kanal live ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system&apos;s media backend cannot decode this stream. On Debian, install gstreamer1.0-plugins-bad and gstreamer1.0-libav.</source>
        <translation>Das Medien-Backend des Systems kann diesen Stream nicht dekodieren. Installieren Sie unter Debian gstreamer1.0-plugins-bad und gstreamer1.0-libav.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The viewer server did not answer. Check that PanelX is serving.</source>
        <translation>Der Zuschauer-Server hat nicht geantwortet. Prüfen Sie, ob PanelX ausliefert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server refused access to the stream.</source>
        <translation>Der Server hat den Zugriff auf den Stream verweigert.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Playback failed. %1</source>
        <translation>Wiedergabe fehlgeschlagen. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playback failed: %1. %2</source>
        <translation>Wiedergabe fehlgeschlagen: %1. %2</translation>
    </message>
</context>
<context>
    <name>panelx::PositionSlider</name>
    <message>
        <location filename="../ui/player/PositionSlider.cpp" line="+22"/>
        <source>Drag to move through the recording</source>
        <translation>Ziehen, um sich in der Aufnahme zu bewegen</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>panelx::QualityPage</name>
    <message>
        <location filename="../ui/quality/QualityPage.cpp" line="+23"/>
        <location line="+99"/>
        <source>Edit ladder…</source>
        <translation>Qualitätsstufen bearbeiten…</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>No channels yet. Add one on the Channels page, then choose here which qualities PanelX encodes for it.</source>
        <translation>Noch keine Kanäle. Fügen Sie auf der Seite „Kanäle“ einen hinzu und wählen Sie dann hier, in welchen Qualitäten PanelX ihn kodiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each cell is one rung of a channel&apos;s ladder: its size, target / encoded video bitrate and speed × real time. Tick or untick a cell to switch a rung on or off.</source>
        <translation>Jede Zelle ist eine Qualitätsstufe eines Kanals: ihre Größe, Ziel- / kodierte Videobitrate und Geschwindigkeit × Echtzeit. Haken Sie eine Zelle an oder ab, um eine Stufe ein- oder auszuschalten.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Turn the selected channel&apos;s ladder on or off, choose its rungs and encoder preset</source>
        <translation>Die Qualitätsstufen des gewählten Kanals ein- oder ausschalten, seine Stufen und die Encoder-Voreinstellung wählen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Switch %1 off</source>
        <translation>%1 ausschalten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switch %1 on</source>
        <translation>%1 einschalten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>panelx::QualitySelector</name>
    <message>
        <location filename="../ui/player/QualitySelector.cpp" line="+16"/>
        <source>Quality:</source>
        <translation>Qualität:</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auto lets the player switch between the channel&apos;s qualities as the network allows; a fixed quality plays that rung only</source>
        <translation>Bei „Automatisch“ wechselt der Player zwischen den Qualitäten des Kanals, wie das Netz es erlaubt; eine feste Qualität spielt nur diese Stufe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This channel&apos;s ladder is off: it plays as the source sends it. Turn the ladder on on the Quality page for more qualities.</source>
        <translation>Die Qualitätsstufen dieses Kanals sind aus: Er spielt so, wie die Quelle ihn sendet. Schalten Sie die Qualitätsstufen auf der Seite „Qualität“ ein, um mehr Qualitäten zu bekommen.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Playing %1 · %2 Mbit/s</source>
        <translation>Spielt %1 · %2 Mbit/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Playing %1</source>
        <translation>Spielt %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Playing %1×%2</source>
        <translation>Spielt %1×%2</translation>
    </message>
</context>
<context>
    <name>panelx::QualityTableModel</name>
    <message>
        <location filename="../ui/quality/QualityTableModel.cpp" line="+83"/>
        <source>Ladder on, libx264 preset %1</source>
        <translation>Qualitätsstufen an, libx264-Voreinstellung %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ladder off: viewers get the source as it is</source>
        <translation>Qualitätsstufen aus: Zuschauer bekommen die Quelle, wie sie ist</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The ladder is off; turn it on with “Edit ladder…”.</source>
        <translation>Die Qualitätsstufen sind aus; schalten Sie sie mit „Qualitätsstufen bearbeiten…“ ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untick to stop encoding %1 for this channel.</source>
        <translation>Abhaken, um %1 für diesen Kanal nicht mehr zu kodieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tick to encode %1 for this channel.</source>
        <translation>Anhaken, um %1 für diesen Kanal zu kodieren.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>target %1 Mbit/s</source>
        <translation>Ziel %1 Mbit/s</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 / %2 Mbit/s</source>
        <translation>%1 / %2 Mbit/s</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2 Mbit/s)</source>
        <translation>%1 (%2 Mbit/s)</translation>
    </message>
</context>
<context>
    <name>panelx::RecordDialog</name>
    <message>
        <location filename="../ui/recordings/RecordDialog.cpp" line="+34"/>
        <source>Record the last minutes</source>
        <translation>Die letzten Minuten aufnehmen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record now</source>
        <translation>Jetzt aufnehmen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From %1 to %2 minutes (12 hours).</source>
        <translation>Von %1 bis %2 Minuten (12 Stunden).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Optional: the channel&apos;s name and the start time</source>
        <translation>Optional: Name des Kanals und Startzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Aufnehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last:</source>
        <translation>&amp;Letzte:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps what the channel&apos;s buffer already holds, from that many minutes ago until now.</source>
        <translation>Behält, was der Puffer des Kanals schon enthält, von so vielen Minuten zuvor bis jetzt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starts at once; you can stop or extend it on the Recordings page.</source>
        <translation>Beginnt sofort; auf der Seite Aufnahmen können Sie sie beenden oder verlängern.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Add a channel on the Channels page first.</source>
        <translation>Fügen Sie zuerst auf der Seite Kanäle einen Kanal hinzu.</translation>
    </message>
</context>
<context>
    <name>panelx::Recorder</name>
    <message>
        <location filename="../engine/dvr/Recorder.cpp" line="+127"/>
        <source>There is no channel %1; choose one of the channels PanelX has.</source>
        <translation>Es gibt keinen Kanal %1; wählen Sie einen der Kanäle, die PanelX hat.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+119"/>
        <source>A title has at most %1 characters; shorten it.</source>
        <translation>Ein Titel hat höchstens %1 Zeichen; kürzen Sie ihn.</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>The buffer of “%1” holds nothing yet, so a recording cannot start in the past. Start it now instead.</source>
        <translation>Der Puffer von „%1“ enthält noch nichts, daher kann eine Aufnahme nicht in der Vergangenheit beginnen. Starten Sie sie stattdessen jetzt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The buffer of “%1” begins at %2; a recording can start there at the earliest. Choose a later start.</source>
        <translation>Der Puffer von „%1“ beginnt um %2; dort kann eine Aufnahme frühestens beginnen. Wählen Sie einen späteren Beginn.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+63"/>
        <source>the DVR quota was full and “%1” needed room</source>
        <translation>das DVR-Kontingent war voll und „%1“ brauchte Platz</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+24"/>
        <location line="+36"/>
        <location line="+22"/>
        <source>There is no recording %1 (it may have been deleted).</source>
        <translation>Es gibt keine Aufnahme %1 (sie wurde vielleicht gelöscht).</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>“%1” has not started yet; delete it instead of stopping it.</source>
        <translation>„%1“ hat noch nicht begonnen; löschen Sie sie, statt sie zu beenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not recording any more.</source>
        <translation>„%1“ nimmt nicht mehr auf.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>“%1” has ended; only a recording that is running or scheduled can be extended.</source>
        <translation>„%1“ ist zu Ende; nur eine laufende oder geplante Aufnahme kann verlängert werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extend by at least one minute.</source>
        <translation>Verlängern Sie um mindestens eine Minute.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” would last %2 minutes; a recording lasts at most %3. Extend it by %4 minutes at most, or start a second recording after it.</source>
        <translation>„%1“ würde %2 Minuten dauern; eine Aufnahme dauert höchstens %3. Verlängern Sie sie um höchstens %4 Minuten oder starten Sie danach eine zweite Aufnahme.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A recording needs a title; type one.</source>
        <translation>Eine Aufnahme braucht einen Titel; geben Sie einen ein.</translation>
    </message>
    <message numerus="yes">
        <location line="+95"/>
        <source>it is older than %n day(s)</source>
        <translation>
            <numerusform>sie ist älter als %n Tag</numerusform>
            <numerusform>sie ist älter als %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The recording could not be protected from clean-up: %1</source>
        <translation>Die Aufnahme konnte nicht vor dem Aufräumen geschützt werden: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No media arrived from the channel during the recording; check its source on the Channels page.</source>
        <translation>Während der Aufnahme kamen vom Kanal keine Medien an; prüfen Sie seine Quelle auf der Seite Kanäle.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>disk full: the disk of the data folder has less than %1 free. Free space on it; what was recorded is kept.</source>
        <translation>Datenträger voll: Auf dem Datenträger des Datenordners sind weniger als %1 frei. Schaffen Sie dort Platz; was aufgenommen wurde, bleibt erhalten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the DVR quota was full while recording</source>
        <translation>das DVR-Kontingent war während einer Aufnahme voll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>quota full: the recordings use %1 of the %2 DVR quota. Delete recordings or raise the quota in Settings; what was recorded is kept.</source>
        <translation>Kontingent voll: Die Aufnahmen belegen %1 des DVR-Kontingents von %2. Löschen Sie Aufnahmen oder erhöhen Sie das Kontingent in den Einstellungen; was aufgenommen wurde, bleibt erhalten.</translation>
    </message>
</context>
<context>
    <name>panelx::RecordingExporter</name>
    <message>
        <location filename="../ui/recordings/RecordingExporter.cpp" line="+66"/>
        <source>Export “%1”</source>
        <translation>„%1“ exportieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MPEG transport stream (*.ts)</source>
        <translation>MPEG-Transportstrom (*.ts)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Exporting “%1”…</source>
        <translation>„%1“ wird exportiert …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Exporting “%1” failed: %2</source>
        <translation>Der Export von „%1“ ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Exporting “%1” failed: nothing of it is on the disk any more.</source>
        <translation>Der Export von „%1“ ist fehlgeschlagen: Davon ist nichts mehr auf dem Datenträger.</translation>
    </message>
</context>
<context>
    <name>panelx::RecordingTableModel</name>
    <message>
        <location filename="../ui/recordings/RecordingTableModel.cpp" line="+83"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 (kept)</source>
        <translation>%1 (behalten)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Kept: automatic clean-up never deletes it.</source>
        <translation>Behalten: Das automatische Aufräumen löscht sie nie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The source was lost during the recording; these parts are missing:
%1</source>
        <translation>Die Quelle fiel während der Aufnahme aus; diese Teile fehlen:
%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starts at %1</source>
        <translation>Beginnt am %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Records until %1</source>
        <translation>Nimmt auf bis %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording</source>
        <translation>Nimmt auf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partial</source>
        <translation>Lückenhaft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n gap(s), %1 missing</source>
        <translation>
            <numerusform>%n Lücke, %1 fehlen</numerusform>
            <numerusform>%n Lücken, %1 fehlen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Channel %1</source>
        <translation>Kanal %1</translation>
    </message>
</context>
<context>
    <name>panelx::RecordingsController</name>
    <message>
        <location filename="../ui/recordings/RecordingsController.cpp" line="+20"/>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Stopping the recording</source>
        <translation>Das Beenden der Aufnahme</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Extending the recording</source>
        <translation>Das Verlängern der Aufnahme</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keeping the recording</source>
        <translation>Das Behalten der Aufnahme</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete the recording “%1”?</source>
        <translation>Die Aufnahme „%1“ löschen?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It is still recording: recording stops and everything recorded so far is gone. This cannot be undone.</source>
        <translation>Sie nimmt noch auf: Die Aufnahme endet, und alles bisher Aufgenommene ist weg. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its media is released to the channel&apos;s buffer, which deletes it when the buffer moves on. This cannot be undone.</source>
        <translation>Ihre Medien gehen an den Puffer des Kanals zurück, der sie löscht, sobald er weiterrückt. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete recording</source>
        <translation>Aufnahme löschen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleting the recording</source>
        <translation>Das Löschen der Aufnahme</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>panelx::RecordingsPage</name>
    <message>
        <location filename="../ui/recordings/RecordingsPage.cpp" line="+35"/>
        <source>Automatic clean-up:</source>
        <translation>Automatisches Aufräumen:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>No recordings yet. Click “Record now” to record a channel from now on, or “Record the last minutes” to keep what its buffer already holds.</source>
        <translation>Noch keine Aufnahmen. Klicken Sie auf „Aufnehmen“, um einen Kanal ab jetzt aufzunehmen, oder auf „Rückwirkend“, um zu behalten, was sein Puffer schon enthält.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Record now…</source>
        <translation>Aufnehmen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record a channel from now on</source>
        <translation>Einen Kanal ab jetzt aufnehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the last minutes…</source>
        <translation>Rückwirkend …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep what a channel&apos;s buffer holds of the last minutes</source>
        <translation>Behalten, was der Puffer eines Kanals von den letzten Minuten enthält</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End the recording now; what it has is kept</source>
        <translation>Die Aufnahme jetzt beenden; was sie hat, bleibt erhalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>+%1 min</source>
        <translation>+%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record %1 minutes longer</source>
        <translation>%1 Minuten länger aufnehmen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play the recording in the built-in player (or double-click it)</source>
        <translation>Die Aufnahme im eingebauten Player abspielen (oder doppelklicken)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export…</source>
        <translation>Export …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the recording as one MP4 or MPEG-TS file</source>
        <translation>Die Aufnahme als eine MP4- oder MPEG-TS-Datei speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep it: automatic clean-up never deletes a kept recording</source>
        <translation>Behalten: Das automatische Aufräumen löscht eine behaltene Aufnahme nie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected recording</source>
        <translation>Die ausgewählte Aufnahme löschen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deleted “%1”: %2</source>
        <translation>„%1“ gelöscht: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>panelx::ScheduleDialog</name>
    <message>
        <location filename="../ui/schedules/ScheduleDialog.cpp" line="+61"/>
        <source>Edit schedule</source>
        <translation>Zeitplan bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New schedule</source>
        <translation>Neuer Zeitplan</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>For example “News at eight”</source>
        <translation>Zum Beispiel „Nachrichten um acht“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the channel</source>
        <translation>Den Kanal aufnehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the channel</source>
        <translation>Den Kanal starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the channel</source>
        <translation>Den Kanal stoppen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Optional: the channel&apos;s name and the start time</source>
        <translation>Optional: Name des Kanals und Startzeit</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The zone the start time is meant in; type part of its name to find it. Daylight saving time is followed.</source>
        <translation>Die Zeitzone, in der die Startzeit gemeint ist; tippen Sie einen Teil ihres Namens, um sie zu finden. Die Sommerzeit wird berücksichtigt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+30"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Once</source>
        <translation>Einmal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily</source>
        <translation>Täglich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly, on the days ticked</source>
        <translation>Wöchentlich, an den angehakten Tagen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Last on</source>
        <translation>Zuletzt am</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>before</source>
        <translation>vorher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after</source>
        <translation>nachher</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded before the start and after the end, in case the programme starts early or runs late.</source>
        <translation>Wird vor dem Beginn und nach dem Ende mit aufgenommen, falls die Sendung früher beginnt oder länger dauert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enabled: runs when due</source>
        <translation>Aktiviert: läuft, wenn es so weit ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First date and time:</source>
        <translation>&amp;Erstes Datum und Uhrzeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time &amp;zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On:</source>
        <translation>An:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends:</source>
        <translation>Endet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Padding:</source>
        <translation>&amp;Vor- und Nachlauf:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Next runs</source>
        <translation>Nächste Ausführungen</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Leave it</source>
        <translation>So lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From %1 to %2 minutes (12 hours).</source>
        <translation>Von %1 bis %2 Minuten (12 Stunden).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How long the channel runs before it is stopped again; 0 leaves it running.</source>
        <translation>Wie lange der Kanal läuft, bevor er wieder gestoppt wird; 0 lässt ihn laufen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the channel stays stopped before it is started again; 0 leaves it stopped.</source>
        <translation>Wie lange der Kanal gestoppt bleibt, bevor er wieder gestartet wird; 0 lässt ihn gestoppt.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking for conflicts…</source>
        <translation>Konflikte werden geprüft …</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Add a channel on the Channels page first.</source>
        <translation>Fügen Sie zuerst auf der Seite Kanäle einen Kanal hinzu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fix the fields marked in red to see when it runs.</source>
        <translation>Korrigieren Sie die rot markierten Felder, um zu sehen, wann er läuft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It would never run again: its last start has passed.</source>
        <translation>Er würde nie wieder laufen: sein letzter Start ist vorbei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — the clocks skip %2 that day, so it runs at the first minute after</source>
        <translation>%1 – die Uhr überspringt an diesem Tag %2, daher läuft er in der ersten Minute danach</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No conflicts in the coming week.</source>
        <translation>Keine Konflikte in der kommenden Woche.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Conflicts in the coming week:
%1</source>
        <translation>Konflikte in der kommenden Woche:
%1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This schedule conflicts with others (listed above). Change it, or click “Save anyway” to keep it as it is; the list will keep marking it.</source>
        <translation>Dieser Zeitplan steht in Konflikt mit anderen (oben aufgeführt). Ändern Sie ihn, oder klicken Sie auf „Trotzdem speichern“, um ihn so zu behalten; die Liste markiert ihn dann weiterhin.</translation>
    </message>
</context>
<context>
    <name>panelx::ScheduleTableModel</name>
    <message>
        <location filename="../ui/schedules/ScheduleTableModel.cpp" line="+155"/>
        <source>Channel %1 (removed)</source>
        <translation>Kanal %1 (entfernt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No more runs</source>
        <translation>Keine weiteren Ausführungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not run yet</source>
        <translation>Noch nicht ausgeführt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done, %1</source>
        <translation>Erledigt, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed, %1</source>
        <translation>Fehlgeschlagen, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missed, %1</source>
        <translation>Verpasst, %1</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n Ausführung</numerusform>
            <numerusform>%n Ausführungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n failed or missed</source>
        <translation>
            <numerusform>%n fehlgeschlagen oder verpasst</numerusform>
            <numerusform>%n fehlgeschlagen oder verpasst</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Untick to keep the schedule without running it</source>
        <translation>Abhaken aufheben, um den Zeitplan zu behalten, ohne ihn auszuführen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next run</source>
        <translation>Nächste Ausführung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last result</source>
        <translation>Letztes Ergebnis</translation>
    </message>
</context>
<context>
    <name>panelx::SchedulesController</name>
    <message>
        <location filename="../ui/schedules/SchedulesController.cpp" line="+68"/>
        <source>Delete the schedule “%1”?</source>
        <translation>Den Zeitplan „%1“ löschen?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>It will not run again, and its history goes with it. Recordings it made are kept. This cannot be undone.</source>
        <translation>Er läuft nicht mehr, und sein Verlauf wird mit gelöscht. Aufnahmen, die er gemacht hat, bleiben erhalten. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete schedule</source>
        <translation>Zeitplan löschen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleting the schedule</source>
        <translation>Das Löschen des Zeitplans</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enabling the schedule</source>
        <translation>Das Aktivieren des Zeitplans</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabling the schedule</source>
        <translation>Das Deaktivieren des Zeitplans</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>panelx::SchedulesPage</name>
    <message>
        <location filename="../ui/schedules/SchedulesPage.cpp" line="+58"/>
        <source>No schedules yet. Click “New schedule” to record a channel, or start or stop one, at a time of your choosing — once, daily or on chosen weekdays.</source>
        <translation>Noch keine Zeitpläne. Klicken Sie auf „Neuer Zeitplan“, um einen Kanal zu einer Zeit Ihrer Wahl aufzunehmen, zu starten oder zu stoppen – einmal, täglich oder an ausgewählten Wochentagen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The week before</source>
        <translation>Die Woche davor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The coming seven days</source>
        <translation>Die kommenden sieben Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The week after</source>
        <translation>Die Woche danach</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click a block to edit its schedule; double-click an empty hour for a new one.</source>
        <translation>Klicken Sie auf einen Block, um seinen Zeitplan zu bearbeiten; doppelklicken Sie auf eine freie Stunde für einen neuen.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>New schedule…</source>
        <translation>Neuer Zeitplan …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan a recording, or starting or stopping a channel</source>
        <translation>Eine Aufnahme planen oder das Starten oder Stoppen eines Kanals</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the selected schedule (or double-click it)</source>
        <translation>Den ausgewählten Zeitplan ändern (oder doppelklicken)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected schedule</source>
        <translation>Den ausgewählten Zeitplan löschen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>panelx::ScreenshotTour</name>
    <message>
        <location filename="../ui/ScreenshotTour.cpp" line="+46"/>
        <source>Cannot create the folder %1 for the screenshots.</source>
        <translation>Der Ordner %1 für die Bildschirmfotos kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Interview</source>
        <translation>Interview</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Evening news</source>
        <translation>Abendnachrichten</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Some screenshots could not be saved in %1.</source>
        <translation>Einige Bildschirmfotos konnten nicht in %1 gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Saved %n screenshot(s) in %1.</source>
        <translation>
            <numerusform>%n Bildschirmfoto in %1 gespeichert.</numerusform>
            <numerusform>%n Bildschirmfotos in %1 gespeichert.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-40"/>
        <source>News at eight</source>
        <translation>Nachrichten um acht</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Weekend sports</source>
        <translation>Sport am Wochenende</translation>
    </message>
</context>
<context>
    <name>panelx::ServerStatusBar</name>
    <message>
        <location filename="../ui/shell/ServerStatusBar.cpp" line="+19"/>
        <source>Open this address in VLC or an IPTV app to watch every channel</source>
        <translation>Diese Adresse in VLC oder einer IPTV-App öffnen, um alle Kanäle zu sehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the playlist address</source>
        <translation>Die Adresse der Wiedergabeliste kopieren</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Viewers: %1</source>
        <translation>Zuschauer: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 of %n channel(s) live</source>
        <translation>
            <numerusform>%1 von %n Kanal live</numerusform>
            <numerusform>%1 von %n Kanälen live</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server starting…</source>
        <translation>Server startet…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Serving on port %1</source>
        <translation>Liefert über Port %1 aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server not running: %1</source>
        <translation>Server läuft nicht: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server stopped</source>
        <translation>Server gestoppt</translation>
    </message>
</context>
<context>
    <name>panelx::SettingsController</name>
    <message>
        <location filename="../ui/settings/SettingsController.cpp" line="+55"/>
        <source>Restart PanelX to apply these changes: %1.</source>
        <translation>Starten Sie PanelX neu, damit diese Änderungen gelten: %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This run uses %1 from the command line; the values saved here apply when PanelX starts without it.</source>
        <translation>Dieser Lauf verwendet %1 von der Befehlszeile; die hier gespeicherten Werte gelten, wenn PanelX ohne diese Angabe startet.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The settings could not be written to %1. Check that the disk is not full and that the file is yours.</source>
        <translation>Die Einstellungen konnten nicht in %1 geschrieben werden. Prüfen Sie, ob der Datenträger voll ist und ob die Datei Ihnen gehört.</translation>
    </message>
</context>
<context>
    <name>panelx::SettingsPage</name>
    <message>
        <location filename="../ui/settings/SettingsPage.cpp" line="+44"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Admin token:</source>
        <translation>Admin-Token:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Programs such as panelx ctl manage PanelX over the admin API with this token. It is also in the file admin-token in the data folder.</source>
        <translation>Programme wie panelx ctl verwalten PanelX mit diesem Token über die Admin-API. Es steht auch in der Datei admin-token im Datenordner.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Storage</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data folder:</source>
        <translation>Datenordner:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database and every channel&apos;s buffer are kept here. Needs a restart.</source>
        <translation>Hier liegen die Datenbank und der Puffer jedes Kanals. Erfordert einen Neustart.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Viewers</source>
        <translation>Zuschauer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Viewer port:</source>
        <translation>Port für Zuschauer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Devices on the local network (TVs, phones, other computers)</source>
        <translation>Geräte im lokalen Netzwerk (Fernseher, Telefone, andere Computer)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Devices on the local network, over IPv4 and IPv6</source>
        <translation>Geräte im lokalen Netzwerk, über IPv4 und IPv6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every address of this computer, global IPv6 ones included.</source>
        <translation>Jede Adresse dieses Computers, auch globale IPv6-Adressen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer only (127.0.0.1)</source>
        <translation>Nur dieser Computer (127.0.0.1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Who can watch:</source>
        <translation>Wer zuschauen darf:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The port and who can watch take effect after a restart.</source>
        <translation>Port und Zuschauerkreis gelten nach einem Neustart.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic: this computer&apos;s network address</source>
        <translation>Automatisch: die Netzwerkadresse dieses Computers</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Public URL:</source>
        <translation>Öffentliche URL:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address in the QR code and the channel list, e.g. http://tv.example.com:8080 when viewers reach PanelX through a name, a port forward or a reverse proxy. Takes effect after a restart.</source>
        <translation>Die Adresse im QR-Code und in der Kanalliste, z. B. http://tv.example.com:8080, wenn Zuschauer PanelX über einen Namen, eine Portweiterleitung oder einen Reverse-Proxy erreichen. Gilt nach einem Neustart.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A TV or a phone needs a few. Raise it when viewers come through a reverse proxy, which carries them all on one address; the limit keeps one device from taking every connection.</source>
        <translation>Ein Fernseher oder ein Telefon braucht wenige. Erhöhen Sie den Wert, wenn Zuschauer über einen Reverse-Proxy kommen, der sie alle über eine Adresse führt; die Grenze hält ein einzelnes Gerät davon ab, alle Verbindungen zu belegen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connections per viewer address:</source>
        <translation>Verbindungen je Zuschaueradresse:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time zone:</source>
        <translation>Zeitzone:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This computer&apos;s zone. IPTV apps that ask for catch-up the Xtream way give the start as a time in this zone; set the same zone in the app.</source>
        <translation>Die Zeitzone dieses Computers. IPTV-Apps, die Catch-up auf die Xtream-Art anfordern, geben den Beginn als Uhrzeit in dieser Zone an; stellen Sie in der App dieselbe Zone ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New channels</source>
        <translation>Neue Kanäle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segment duration:</source>
        <translation>Segmentdauer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorter segments lower the delay before viewers see the picture.</source>
        <translation>Kürzere Segmente verringern die Verzögerung, bis Zuschauer das Bild sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Buffer length:</source>
        <translation>Pufferlänge:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far back viewers can pause and catch up; a longer buffer takes more disk.</source>
        <translation>Wie weit Zuschauer zurück pausieren und nachholen können; ein längerer Puffer belegt mehr Speicherplatz.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Used for channels you add from now on; each channel can change its own in its dialog.</source>
        <translation>Gilt für Kanäle, die Sie ab jetzt hinzufügen; jeder Kanal kann seine Werte in seinem Dialog ändern.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recordings (DVR)</source>
        <translation>Aufnahmen (DVR)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Storage quota:</source>
        <translation>Speicherkontingent:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recordings may take this much disk together; a new recording that does not fit is refused. The channels&apos; live buffers do not count.</source>
        <translation>So viel Platz dürfen alle Aufnahmen zusammen belegen; eine neue Aufnahme, die nicht passt, wird abgelehnt. Die Live-Puffer der Kanäle zählen nicht mit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forever</source>
        <translation>Für immer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep recordings:</source>
        <translation>Aufnahmen behalten:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished recordings older than this are deleted, except those marked Keep. 0 keeps them until you delete them.</source>
        <translation>Fertige Aufnahmen, die älter sind, werden gelöscht, außer den als „Behalten“ markierten. 0 behält sie, bis Sie sie löschen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete the oldest recordings when the quota is full</source>
        <translation>Die ältesten Aufnahmen löschen, wenn das Kontingent voll ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Automatic clean-up:</source>
        <translation>Automatisches Aufräumen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off: a recording that does not fit is refused instead. Recordings marked Keep are never deleted. These settings take effect at once.</source>
        <translation>Aus: Eine Aufnahme, die nicht passt, wird stattdessen abgelehnt. Als „Behalten“ markierte Aufnahmen werden nie gelöscht. Diese Einstellungen gelten sofort.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Window language:</source>
        <translation>Sprache des Fensters:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Takes effect after a restart.</source>
        <translation>Gilt nach einem Neustart.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allow administration from other computers</source>
        <translation>Verwaltung von anderen Computern aus erlauben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remote administration:</source>
        <translation>Fernverwaltung:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off: only programs on this computer may use the admin API. The token travels unencrypted, so allow other computers only on a network you trust. Takes effect at once.</source>
        <translation>Aus: Nur Programme auf diesem Computer dürfen die Admin-API verwenden. Das Token wird unverschlüsselt übertragen; erlauben Sie andere Computer daher nur in einem Netzwerk, dem Sie vertrauen. Wirkt sofort.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Discard changes</source>
        <translation>Änderungen verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Checking the data folder…</source>
        <translation>Datenordner wird geprüft…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the fields marked in red to save.</source>
        <translation>Korrigieren Sie die rot markierten Felder, um zu speichern.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved yet.</source>
        <translation>Noch nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the data folder</source>
        <translation>Datenordner wählen</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>Schedules</source>
        <translation>Zeitpläne</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recordings at once:</source>
        <translation>Aufnahmen gleichzeitig:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedules that would record more channels at the same time are marked as conflicts.</source>
        <translation>Zeitpläne, die mehr Kanäle gleichzeitig aufnehmen würden, werden als Konflikte markiert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ABR transcodes at once:</source>
        <translation>ABR-Transkodierungen gleichzeitig:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each channel with an adaptive-bitrate ladder keeps CPU cores busy while it runs; schedules that would run more at once are marked as conflicts. These settings take effect at once.</source>
        <translation>Jeder Kanal mit einer Leiter adaptiver Bitraten beschäftigt CPU-Kerne, solange er läuft; Zeitpläne, die mehr davon gleichzeitig laufen ließen, werden als Konflikte markiert. Diese Einstellungen gelten sofort.</translation>
    </message>
</context>
<context>
    <name>panelx::SourceTestPanel</name>
    <message>
        <location filename="../ui/channels/SourceTestPanel.cpp" line="+16"/>
        <source>&amp;Test source</source>
        <translation>Quelle &amp;testen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel test</source>
        <translation>Test abbrechen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the source once and show what it sends, without adding it</source>
        <translation>Die Quelle einmal öffnen und zeigen, was sie sendet, ohne sie hinzuzufügen</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Opening the source…</source>
        <translation>Quelle wird geöffnet…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The source could not be opened: %1</source>
        <translation>Die Quelle konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>video %1</source>
        <translation>Video %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> %1×%2</source>
        <translation> %1×%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 fps</source>
        <translation>, %1 fps</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>audio %1</source>
        <translation>Audio %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>, %n channel(s)</source>
        <translation>
            <numerusform>, %n Kanal</numerusform>
            <numerusform>, %n Kanäle</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 kHz</source>
        <translation>, %1 kHz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Works: %1</source>
        <translation>Funktioniert: %1</translation>
    </message>
</context>
<context>
    <name>panelx::TimelineBar</name>
    <message>
        <location filename="../ui/player/TimelineBar.cpp" line="+42"/>
        <source>Click or drag to watch from that moment; Shift+drag to select a range to record</source>
        <translation>Klicken oder ziehen, um ab diesem Moment anzusehen; Umschalt+Ziehen wählt einen Bereich zum Aufnehmen aus</translation>
    </message>
</context>
<context>
    <name>panelx::TrayIcon</name>
    <message>
        <location filename="../ui/shell/TrayIcon.cpp" line="+24"/>
        <source>Show PanelX</source>
        <translation>PanelX anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit (stop serving)</source>
        <translation>Beenden (Ausliefern stoppen)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>PanelX is still serving</source>
        <translation>PanelX liefert weiter aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your channels stay on the air while the window is closed. Open PanelX again from this icon, or choose Quit in its menu to stop serving.</source>
        <translation>Ihre Kanäle bleiben auf Sendung, während das Fenster geschlossen ist. Öffnen Sie PanelX wieder über dieses Symbol, oder wählen Sie „Beenden“ in seinem Menü, um das Ausliefern zu stoppen.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>PanelX — %1 of %n channel(s) live</source>
        <translation>
            <numerusform>PanelX – %1 von %n Kanal live</numerusform>
            <numerusform>PanelX – %1 von %n Kanälen live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>panelx::WeekView</name>
    <message>
        <location filename="../ui/schedules/WeekView.cpp" line="+96"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
</context>
</TS>
