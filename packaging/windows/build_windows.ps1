# Build the Windows release of NAM Desktop (run on the Windows release machine).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
#
# Needs: Windows 10/11 x64, Python 3.11 x64 from python.org (py launcher), Inno Setup 6
# (ISCC.exe on PATH or in its default folder), optionally signtool (Windows SDK) and a
# code-signing certificate. Produces in dist\:
#   nam-desktop\                                   the one-folder app (tested below)
#   installer\nam-desktop-VERSION-windows-x64-setup.exe   Inno Setup installer
#   nam-desktop-VERSION-windows-x64-portable.zip   the folder + nam-portable marker
#   SHA256SUMS-windows.txt
# Not buildable on the Linux CI; see docs/packaging.md.

$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root

$Version = (Select-String -Path "nam_desktop\__init__.py" -Pattern '^__version__ = "(.*)"').Matches[0].Groups[1].Value
Write-Host "== NAM Desktop $Version"

# 1. Clean build venv with exactly the project's dependencies and the tested PyInstaller.
if (Test-Path .venv-win) { Remove-Item -Recurse -Force .venv-win }
py -3.11 -m venv .venv-win
$Py = "$Root\.venv-win\Scripts\python.exe"
& $Py -m pip install --quiet --upgrade pip
& $Py -m pip install --quiet -e . "pyinstaller==6.22.3"
if ($LASTEXITCODE) { throw "pip failed" }

# 2. Translations must be complete for a release.
& $Py -m nam_desktop.gui.i18n_build --check
if ($LASTEXITCODE) { throw "stale or unfinished translations: run 'make translations' and commit" }

# 3. Icons (.ico for the executables and the installer), then the frozen folder.
& $Py packaging\make_icons.py build\icons
& $Py -m PyInstaller --noconfirm --clean packaging\nam_desktop.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

# 4. Smoke test of the frozen command line (throwaway vault; the GUI is tested by hand).
$Tmp = Join-Path $env:TEMP ("nam-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $Tmp | Out-Null
$env:NAM_HOME = "$Tmp\home"; $env:NAM_PASSPHRASE = "smoke-test passphrase"
$Cli = "dist\nam-desktop\nam-desktop-cli.exe"
$got = & $Cli --version
if ($got -ne "nam-desktop $Version") { throw "--version printed '$got'" }
& $Cli vault init "$Tmp\vault" --fast-kdf; if ($LASTEXITCODE) { throw "vault init failed" }
'{"title": "Smoke", "witness": {"pseudonym": "W-1"}}' | Set-Content -Encoding utf8 "$Tmp\t.json"
& $Cli testimony add "$Tmp\vault" --json "$Tmp\t.json"; if ($LASTEXITCODE) { throw "testimony add failed" }
Remove-Item -Recurse -Force $Tmp
Remove-Item Env:NAM_HOME, Env:NAM_PASSPHRASE

# 5. Sign the executables (if a certificate is configured), then the installer.
if ($env:NAM_SIGN_CERT_SHA1) {
    Get-ChildItem dist\nam-desktop -Recurse -Include *.exe, *.dll, *.pyd |
        ForEach-Object { signtool sign /sha1 $env:NAM_SIGN_CERT_SHA1 /fd sha256 /tr $env:NAM_TIMESTAMP_URL /td sha256 $_.FullName }
}
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" packaging\windows\nam_desktop.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }

# 6. Portable zip: the same folder with the marker (no installer, nothing registered).
$Stage = "build\portable\nam-desktop"
if (Test-Path build\portable) { Remove-Item -Recurse -Force build\portable }
Copy-Item -Recurse dist\nam-desktop $Stage
New-Item -ItemType File "$Stage\nam-portable" | Out-Null
Copy-Item packaging\windows\PORTABLE.txt "$Stage\README-PORTABLE.txt"
$Zip = "dist\nam-desktop-$Version-windows-x64-portable.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
Compress-Archive -Path $Stage -DestinationPath $Zip

Get-FileHash -Algorithm SHA256 "dist\installer\nam-desktop-$Version-windows-x64-setup.exe", $Zip |
    ForEach-Object { "{0}  {1}" -f $_.Hash.ToLower(), (Split-Path $_.Path -Leaf) } |
    Set-Content dist\SHA256SUMS-windows.txt
Get-Content dist\SHA256SUMS-windows.txt
