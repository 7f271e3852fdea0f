// Loads the window's language: PanelX's own catalogue (embedded as ":/i18n/panelx_<lang>.qm")
// and Qt's for its standard dialogs. Call once after the QApplication exists and before any
// widget is made; a language change takes effect at the next start.
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
