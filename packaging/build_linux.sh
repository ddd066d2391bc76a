#!/usr/bin/env bash
# Build the Linux release: frozen one-folder app -> dist/nam-desktop-VERSION-linux-ARCH.tar.gz
#
#   packaging/build_linux.sh [--no-freeze]
#
# Run from a clean checkout with the build venv in .venv (`make venv`), on the OLDEST
# distribution the release must support (the bundle uses the build machine's glibc).
# `make package` runs this, then packaging/smoke_test.sh.
#
# Environment:
#   PYTHON=.venv/bin/python   interpreter of the build venv
#   NICE="nice -n 10"         prefix for the heavy PyInstaller step (shared machines)
#   STRICT_I18N=1             fail when a .ts catalogue is stale or unfinished (release)
#   SOURCE_DATE_EPOCH=...     timestamps inside the tarball (default: last commit)
#   PYI_FLAGS=--clean         extra PyInstaller flags (release: --clean)
# --no-freeze reuses dist/nam-desktop from an earlier PyInstaller run.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
NICE="${NICE:-}"
APP_ID="org.nam.Desktop"
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' nam_desktop/__init__.py)"
ARCH="$(uname -m)"
NAME="nam-desktop-$VERSION-linux-$ARCH"
STAGE="$ROOT/build/$NAME"
TARBALL="$ROOT/dist/$NAME.tar.gz"
LINUX="$ROOT/packaging/linux"
[ -n "$VERSION" ] || { echo "cannot read __version__ from nam_desktop/__init__.py" >&2; exit 1; }

step() { printf '\n== %s\n' "$*"; }
START=$(date +%s)

step "translations (.ts -> .qm is done by the spec; here: are the catalogues complete?)"
if "$PYTHON" -m nam_desktop.gui.i18n_build --check; then
    echo "catalogues up to date"
elif [ "${STRICT_I18N:-0}" = 1 ]; then
    echo "stale or unfinished translations: run 'make translations' and commit" >&2; exit 1
else
    echo "WARNING: stale or unfinished translations (set STRICT_I18N=1 to fail the build)"
fi

step "validate desktop entry and AppStream metainfo"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$LINUX/$APP_ID.desktop" && echo "desktop-file-validate: ok"
else
    echo "desktop-file-validate not installed (Debian: desktop-file-utils): skipped"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$LINUX/$APP_ID.metainfo.xml"
else
    echo "appstreamcli not installed (Debian: appstream): skipped"
fi

if [ "${1:-}" != "--no-freeze" ]; then
    step "PyInstaller (one folder)"
    # PYI_FLAGS=--clean on release machines: no cached analysis from an earlier build.
    $NICE "$PYTHON" -m PyInstaller --noconfirm ${PYI_FLAGS:-} packaging/nam_desktop.spec
fi
[ -x dist/nam-desktop/nam-desktop ] || { echo "dist/nam-desktop/nam-desktop missing" >&2; exit 1; }

step "remove debug information (the Python interpreter, sqlcipher3, Pillow: ~33 MiB)"
# Only sections named .debug_* go (strip --strip-debug): symbols stay, so dynamic
# linking is unchanged; files without debug information (Qt's, ffmpeg's) are not touched.
if command -v strip >/dev/null && command -v readelf >/dev/null; then
    saved=0
    while IFS= read -r -d '' lib; do
        # (read all of readelf's output: with pipefail, `grep -q` closing the pipe early
        # would fail the test on large files)
        if [ "$(readelf -S "$lib" 2>/dev/null | grep -c '\.debug_info')" -gt 0 ]; then
            before=$(stat -c %s "$lib")
            strip --strip-debug "$lib"
            saved=$((saved + before - $(stat -c %s "$lib")))
        fi
    done < <(find dist/nam-desktop -type f \( -name '*.so' -o -name '*.so.*' \) -print0)
    echo "debug information removed: $((saved / 1048576)) MiB"
else
    echo "strip or readelf not installed (Debian: binutils): debug information kept"
fi
[ ! -e dist/nam-desktop/nam-portable ] || { echo "dist/nam-desktop/nam-portable must not ship in the installable tarball" >&2; exit 1; }

step "assemble $NAME"
rm -rf "$STAGE"
mkdir -p "$STAGE/share/applications" "$STAGE/share/metainfo" \
         "$STAGE/share/icons/hicolor/scalable/apps"
cp -a dist/nam-desktop "$STAGE/nam-desktop"
cp "$LINUX/$APP_ID.desktop" "$STAGE/share/applications/"
cp "$LINUX/$APP_ID.metainfo.xml" "$STAGE/share/metainfo/"
cp "$LINUX/$APP_ID.svg" "$STAGE/share/icons/hicolor/scalable/apps/"
cp "$LINUX/install.sh" "$STAGE/install.sh"
cp "$LINUX/README.txt" "$STAGE/README.txt"
cp CHANGELOG.md "$STAGE/CHANGELOG.md"
chmod 755 "$STAGE/install.sh" "$STAGE/nam-desktop/nam-desktop"
# Build metadata for reviewers: versions of everything that went in.
{
    echo "nam-desktop $VERSION built $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(uname -srm)"
    echo "commit $(git rev-parse HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (working tree modified)')"
    ldd --version 2>/dev/null | sed -n '1s/^/glibc: /p'  # sed reads all: no SIGPIPE
    "$PYTHON" -m pip freeze --exclude-editable 2>/dev/null
} >"$STAGE/BUILD-INFO.txt"
(cd "$STAGE" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum) >"$STAGE/SHA256SUMS"

step "tarball"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
    -C "$ROOT/build" -cf - "$NAME" | gzip -n -6 >"$TARBALL.part"
mv "$TARBALL.part" "$TARBALL"
(cd dist && sha256sum "$NAME.tar.gz" >"$NAME.tar.gz.sha256")

step "done in $(( $(date +%s) - START )) s"
echo "folder:  $(du -sh dist/nam-desktop | cut -f1)  dist/nam-desktop"
echo "tarball: $(du -h "$TARBALL" | cut -f1)  $TARBALL"
cat "dist/$NAME.tar.gz.sha256"
