// `panelx ctl ...`: a client of a running PanelX's admin API (it never opens the database).
// Called from main() before any QApplication exists.
#pragma once

namespace panelx::ctl {

// argv[1] is "ctl". Returns the exit status (see ExitCode in CtlCommand.h).
int runCtl(int argc, char **argv);

} // namespace panelx::ctl
