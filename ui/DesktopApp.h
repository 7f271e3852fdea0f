// The desktop face: settings and language, the engine client and the main window.
#pragma once

#include "Engine.h"
#include "Settings.h"

#include <QString>

namespace panelx {

// Runs the window until Quit. Saved settings fill what the command line did not set;
// `screenshotsDir` (hidden option) saves a picture of every page there and quits.
int runDesktop(
    EngineOptions options, CommandLineChoices fromCommandLine, const QString &screenshotsDir);

} // namespace panelx
