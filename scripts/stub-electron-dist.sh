#!/usr/bin/env bash
# Create a fake unpacked Electron distribution so electron-builder can package offline:
#   npx electron-builder --linux dir -c.electronDist=<dir>
# It proves the config, the file globs, the asar packing and the layout. The resulting app is
# NOT runnable (the "electron" binary is a shell stub), so the afterPack hook skips the fuses
# when SIGNIN_STUB_ELECTRON=1. Usage: stub-electron-dist.sh [DIR] [ELECTRON_VERSION]
set -euo pipefail
D=${1:-.ci-tmp/electron-stub}
V=${2:-$(node -p "require('electron/package.json').version")}
rm -rf "$D"; mkdir -p "$D/resources" "$D/locales"
printf '#!/bin/sh\necho "stub electron $0 $*"\n' > "$D/electron"; chmod +x "$D/electron"
echo "$V" > "$D/version"; : > "$D/LICENSE"; : > "$D/LICENSES.chromium.html"
echo "$D"
