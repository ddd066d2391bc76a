#!/bin/sh
# NAM Desktop installer for Linux (ships inside the release tarball).
#
#   ./install.sh                  install for this user (~/.local), no root needed
#   ./install.sh --system         install for everyone (/opt, /usr/local), run as root
#   ./install.sh --portable DIR   copy onto a USB stick: DIR/nam-desktop/, data stays beside
#                                 it, nothing is registered with this computer
#   ./install.sh --uninstall [--system]
#                                 remove the program (vaults are NOT touched)
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
APP_ID="org.nam.Desktop"
MODE="user"
ACTION="install"
TARGET=""
while [ $# -gt 0 ]; do
    case "$1" in
        --system) MODE="system" ;;
        --portable) ACTION="portable"; TARGET="${2:?--portable needs a folder}"; shift ;;
        --uninstall) ACTION="uninstall" ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done

if [ "$ACTION" = "portable" ]; then
    [ -d "$TARGET" ] || { echo "no such folder: $TARGET" >&2; exit 1; }
    DEST="$TARGET/nam-desktop"
    [ ! -e "$DEST" ] || { echo "$DEST already exists; remove it first (keep its nam-data/!)" >&2; exit 1; }
    # -L: FAT/exFAT sticks cannot hold symbolic links, so they are copied as files.
    cp -RL "$HERE/nam-desktop" "$DEST"
    : >"$DEST/nam-portable"
    sync
    echo "Portable copy ready: $DEST/nam-desktop"
    echo "Vaults, settings and logs will be kept in $DEST/nam-data/."
    echo "Read README.txt: the computer you run it on may still record that a USB stick was used."
    exit 0
fi

if [ "$MODE" = "system" ]; then
    [ "$(id -u)" = 0 ] || { echo "--system needs root (sudo ./install.sh --system)" >&2; exit 1; }
    PREFIX="/usr/local"; APPDIR="/opt/nam-desktop"
else
    PREFIX="$HOME/.local"
    APPDIR="$PREFIX/opt/nam-desktop"
fi
BIN="$PREFIX/bin/nam-desktop"
DESKTOP="$PREFIX/share/applications/$APP_ID.desktop"
METAINFO="$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
ICON="$PREFIX/share/icons/hicolor/scalable/apps/$APP_ID.svg"

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/share/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" 2>/dev/null || true
}

if [ "$ACTION" = "uninstall" ]; then
    rm -rf "$APPDIR"
    rm -f "$BIN" "$DESKTOP" "$METAINFO" "$ICON"
    refresh
    echo "NAM Desktop removed. Vaults were not touched (default place: ~/.local/share/nam-desktop)."
    exit 0
fi

umask 022
mkdir -p "$(dirname "$APPDIR")" "$PREFIX/bin" "$(dirname "$DESKTOP")" "$(dirname "$METAINFO")" "$(dirname "$ICON")"
rm -rf "$APPDIR.new"
cp -a "$HERE/nam-desktop" "$APPDIR.new"
rm -f "$APPDIR.new/nam-portable"   # an installed copy is never portable
rm -rf "$APPDIR"
mv "$APPDIR.new" "$APPDIR"
ln -sf "$APPDIR/nam-desktop" "$BIN"
sed -e "s|^Exec=.*|Exec=\"$APPDIR/nam-desktop\"|" -e "s|^TryExec=.*|TryExec=$APPDIR/nam-desktop|" \
    "$HERE/share/applications/$APP_ID.desktop" >"$DESKTOP"
cp "$HERE/share/metainfo/$APP_ID.metainfo.xml" "$METAINFO"
cp "$HERE/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$ICON"
refresh
echo "NAM Desktop installed in $APPDIR"
echo "Start it from the applications menu, or run: $BIN"
case ":$PATH:" in *":$PREFIX/bin:"*) ;; *) echo "(note: $PREFIX/bin is not on your PATH)";; esac
