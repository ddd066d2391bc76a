#!/usr/bin/env bash
# Build the macOS release of NAM Desktop (run on the macOS release machine).
#
#   packaging/macos/build_macos.sh
#
# Needs: macOS of the target architecture (Apple silicon for arm64: macOS 14+; Intel for
# x86_64: macOS 13+; the wheels in packaging/requirements/macos-ARCH.txt decide),
# Python 3.11 from python.org, Xcode command line tools (codesign, hdiutil, xcrun).
# The app's LSMinimumSystemVersion is derived from the bundled binaries by the spec and
# checked here (packaging/macos/macho_minos.py).
# Optional, for a release that opens without Gatekeeper warnings:
#   NAM_CODESIGN_IDENTITY="Developer ID Application: ... (TEAMID)"
#   NAM_NOTARY_PROFILE=profile-name   (created once with `xcrun notarytool store-credentials`)
# Produces dist/NAM Desktop.app and dist/nam-desktop-VERSION-macos-ARCH.dmg.
# Not buildable on the Linux CI; see docs/packaging.md and packaging/macos/Info.plist.md.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' nam_desktop/__init__.py)"
ARCH="$(uname -m)"
APP="dist/NAM Desktop.app"
DMG="dist/nam-desktop-$VERSION-macos-$ARCH.dmg"
echo "== NAM Desktop $VERSION ($ARCH)"

# 1. Clean build venv from the hashed, binary-only lock of this architecture (the same
#    wheels every time, never an sdist compiled here), then the app itself.
LOCK="packaging/requirements/macos-$ARCH.txt"
[ -f "$LOCK" ] || { echo "no lock file $LOCK" >&2; exit 1; }
rm -rf .venv-mac
"${PYTHON:-python3.11}" -m venv .venv-mac
PY="$ROOT/.venv-mac/bin/python"
"$PY" -m pip install --quiet --upgrade pip
"$PY" -m pip install --quiet --require-hashes --only-binary=:all: -r "$LOCK"
"$PY" -m pip install --quiet --no-deps --no-build-isolation -e .

# 2. Translations complete; icons (.icns); frozen app. The spec reads
#    NAM_CODESIGN_IDENTITY and signs every binary with the hardened runtime and
#    packaging/macos/entitlements.plist.
"$PY" -m nam_desktop.gui.i18n_build --check
"$PY" packaging/make_icons.py build/icons
"$PY" -m PyInstaller --noconfirm --clean packaging/nam_desktop.spec
[ -d "$APP" ] || { echo "$APP was not built" >&2; exit 1; }

# 3. The plist is valid and promises no older macOS than the bundled binaries need;
#    then the frozen smoke test inside the bundle (CLI, media, summary, export/import,
#    selftest, GUI offscreen, portable mode leaves no trace).
plutil -lint "$APP/Contents/Info.plist"
"$PY" packaging/macos/macho_minos.py check "$APP" --arch "$ARCH"
packaging/smoke_test.sh "$APP"

# 4. Sign the bundle as a whole (deep signing of the parts was done by PyInstaller).
if [ -n "${NAM_CODESIGN_IDENTITY:-}" ]; then
    codesign --force --options runtime --timestamp \
        --entitlements packaging/macos/entitlements.plist \
        --sign "$NAM_CODESIGN_IDENTITY" "$APP"
    codesign --verify --deep --strict --verbose=2 "$APP"
    # The hardened runtime blocks the microphone without this entitlement.
    codesign -d --entitlements - "$APP" 2>/dev/null | grep -q "com.apple.security.device.audio-input" \
        || { echo "the signed app lacks the audio-input entitlement" >&2; exit 1; }
fi

# 5. DMG: the app and a link to /Applications, compressed read-only (UDZO).
STAGE="build/dmg"
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
ditto "$APP" "$STAGE/NAM Desktop.app"
ln -s /Applications "$STAGE/Applications"
cp CHANGELOG.md "$STAGE/CHANGELOG.md"
hdiutil create -volname "NAM Desktop $VERSION" -srcfolder "$STAGE" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$DMG"

# 6. Notarise and staple (needs the Developer ID signature above).
if [ -n "${NAM_CODESIGN_IDENTITY:-}" ] && [ -n "${NAM_NOTARY_PROFILE:-}" ]; then
    codesign --sign "$NAM_CODESIGN_IDENTITY" --timestamp "$DMG"
    xcrun notarytool submit "$DMG" --keychain-profile "$NAM_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature -v "$DMG"
fi

shasum -a 256 "$DMG" | tee "$DMG.sha256"
