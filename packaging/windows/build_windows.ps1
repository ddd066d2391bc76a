# Build the Windows release of NAM Desktop (the release machine, or CI: .github/workflows).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
#
# Needs: Windows 10/11 x64, Python 3.11 x64 from python.org (py launcher, or $env:PYTHON),
# Inno Setup 6 (ISCC.exe on PATH or in its default folder), optionally signtool (Windows
# SDK) and a code-signing certificate (NAM_SIGN_CERT_SHA1, NAM_TIMESTAMP_URL). Produces in dist\:
#   nam-desktop\                                   the one-folder app (tested below)
#   installer\nam-desktop-VERSION-windows-x64-setup.exe   Inno Setup installer
#   nam-desktop-VERSION-windows-x64-portable.zip   the folder + nam-portable marker
#   SHA256SUMS-windows.txt
# Every native command is followed by a $LASTEXITCODE check: PowerShell does not stop on
# a failing program by itself.

$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root

function Check([string]$what) { if ($LASTEXITCODE) { throw "$what failed (exit $LASTEXITCODE)" } }

$Version = (Select-String -Path "nam_desktop\__init__.py" -Pattern '^__version__ = "(.*)"').Matches[0].Groups[1].Value
Write-Host "== NAM Desktop $Version"

# 1. Clean build venv from the hashed, binary-only lock (the same wheels every time,
#    never an sdist compiled here), then the app itself without dependencies.
if (Test-Path .venv-win) { Remove-Item -Recurse -Force .venv-win }
if ($env:PYTHON) { & $env:PYTHON -m venv .venv-win } else { py -3.11 -m venv .venv-win }
Check "venv"
$Py = "$Root\.venv-win\Scripts\python.exe"
& $Py -m pip install --quiet --upgrade pip; Check "pip upgrade"
& $Py -m pip install --quiet --require-hashes --only-binary=:all: -r packaging\requirements\windows-x64.txt
Check "pip install (lock)"
& $Py -m pip install --quiet --no-deps --no-build-isolation -e .; Check "pip install (app)"

# 2. Translations must be complete for a release.
& $Py -m nam_desktop.gui.i18n_build --check
if ($LASTEXITCODE) { throw "stale or unfinished translations: run 'make translations' and commit" }

# 3. Icons (.ico for the executables and the installer), then the frozen folder.
& $Py packaging\make_icons.py build\icons; Check "make_icons"
& $Py -m PyInstaller --noconfirm --clean packaging\nam_desktop.spec; Check "PyInstaller"

# 4. Smoke test of the frozen folder (CLI, media cleaning, selftest, summary, export and
#    HQ import, GUI offscreen): every path that text-mode writes would corrupt.
$env:NAM_BUILD_PYTHON = $Py
& powershell -ExecutionPolicy Bypass -File packaging\windows\smoke_test.ps1 -Bundle dist\nam-desktop
Check "smoke test"

# 5. Sign the executables and libraries (if a certificate is configured).
$Sign = [bool]$env:NAM_SIGN_CERT_SHA1
if ($Sign) {
    Get-ChildItem dist\nam-desktop -Recurse -Include *.exe, *.dll, *.pyd | ForEach-Object {
        signtool sign /sha1 $env:NAM_SIGN_CERT_SHA1 /fd sha256 /tr $env:NAM_TIMESTAMP_URL /td sha256 $_.FullName
        Check "signtool ($($_.Name))"
    }
} else {
    Write-Host "NAM_SIGN_CERT_SHA1 not set: unsigned build (SmartScreen will warn; Smart App Control blocks it)"
}

# 6. Installer (signed with its uninstaller when a certificate is configured).
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
$IsccArgs = @("/DAppVersion=$Version")
if ($Sign) {
    $IsccArgs += "/DSIGN"
    $IsccArgs += "/Snam=signtool.exe sign /sha1 $env:NAM_SIGN_CERT_SHA1 /fd sha256 /tr $env:NAM_TIMESTAMP_URL /td sha256 `$f"
}
& $Iscc @IsccArgs packaging\windows\nam_desktop.iss; Check "Inno Setup"

# 7. Portable zip: the same folder with the marker (no installer, nothing registered).
#    tar (bsdtar, Windows 10+) rather than Compress-Archive: no 2 GB limit, "/" in names.
$Stage = "build\portable\nam-desktop"
if (Test-Path build\portable) { Remove-Item -Recurse -Force build\portable }
Copy-Item -Recurse dist\nam-desktop $Stage
New-Item -ItemType File "$Stage\nam-portable" | Out-Null
Copy-Item packaging\windows\PORTABLE.txt "$Stage\README-PORTABLE.txt"
$Zip = "dist\nam-desktop-$Version-windows-x64-portable.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
tar -a -c -f $Zip -C build\portable nam-desktop; Check "tar (portable zip)"

Get-FileHash -Algorithm SHA256 "dist\installer\nam-desktop-$Version-windows-x64-setup.exe", $Zip |
    ForEach-Object { "{0}  {1}" -f $_.Hash.ToLower(), (Split-Path $_.Path -Leaf) } |
    Set-Content dist\SHA256SUMS-windows.txt
Get-Content dist\SHA256SUMS-windows.txt
