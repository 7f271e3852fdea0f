// Loads PanelX's language, for the window and for `panelx ctl` alike: PanelX's own catalogue
// (":/i18n/panelx_<lang>.qm", embedded in builds with the window; a headless-only build has
// none and stays English) and Qt's for its standard dialogs and command-line help. Call once after
// the application object exists and before any text is made; a language change takes effect at the
// next start.
#pragma once

#include "Settings.h"

#include <QLocale>

namespace panelx {

// The locale whose translations are used for `language` (System: the desktop's locale).
QLocale localeFor(UiLanguage language);
// Installs the translators on the application. Returns the language in effect as a code
// ("en" when no catalogue matched: the built-in English with its plural forms).
QString installTranslations(UiLanguage language);
// Languages PanelX ships a catalogue for ("de", "en").
QStringList availableTranslations();

} // namespace panelx
