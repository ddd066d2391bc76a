# Smoke test of the FROZEN Windows build (the folder, the installed app or the portable zip).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\smoke_test.ps1 [-Bundle dist\nam-desktop] [-Portable]
#
# The same steps as packaging/smoke_test.sh, chosen so that a file written in text mode
# (review B1-B5: every "\n" byte written as "\r\n") fails here:
#   1. bundle contents (Qt plugins, FFmpeg, print support, translations)
#   2. --version
#   3. media clean IN OUT and --out-dir with two files, inspected again (B5, B4)
#   4. vault init, testimony add, attach, vault check, wrong passphrase -> exit 4
#   5. selftest: atomic write, attachment, a recording written and one recovered (B1)
#   6. summary + summary verify (B3)
#   7. export -> HQ import -> HQ vault check, every imported file authenticated (B2)
#   8. the GUI starts offscreen and quits cleanly (Start-Process -Wait: a windowed exe)
#   9. -Portable: data lands in nam-data\ beside the exe, nothing in %LOCALAPPDATA%,
#      %APPDATA% or the QtProject registry key
# Exit code 0 when nothing failed. Throwaway data only. The file is ASCII on purpose
# (Windows PowerShell 5.1 reads a script without BOM in the ANSI code page): Cyrillic and
# other letters are made from their code points.
param(
    [string]$Bundle = "dist\nam-desktop",
    [switch]$Portable
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Bundle = (Resolve-Path $Bundle).Path
$Cli = Join-Path $Bundle "nam-desktop-cli.exe"
$Gui = Join-Path $Bundle "nam-desktop.exe"
$script:Failed = 0
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8  # the CLI always writes UTF-8
$Cyrillic = -join [char[]](0x0441, 0x0432, 0x0435, 0x0434, 0x0447, 0x0430, 0x043D, 0x043D, 0x0435)
$Passphrase = "smoke-test passphrase 'quoted' " + [char]0x00FC

function Pass([string]$what) { Write-Host "PASS  $what" }
function Fail([string]$what) { Write-Host "FAIL  $what"; $script:Failed++ }

# Runs the console executable; returns its exit code (output kept in $script:Out).
function Run-Cli {
    $ErrorActionPreference = "Continue"  # PS 5.1 turns redirected stderr into errors
    $script:Out = & $Cli @args 2>&1 | Out-String
    return $LASTEXITCODE
}

$Work = Join-Path $env:TEMP ("nam-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $Work | Out-Null
$Saved = @{ NAM_HOME = $env:NAM_HOME; NAM_PASSPHRASE = $env:NAM_PASSPHRASE; QT_QPA_PLATFORM = $env:QT_QPA_PLATFORM }
if (-not $Portable) { $env:NAM_HOME = "$Work\home" }
$env:NAM_PASSPHRASE = $Passphrase
$env:QT_QPA_PLATFORM = "offscreen"
try {
    # 1. bundle contents --------------------------------------------------------------
    $missing = @()
    foreach ($name in "qwindows.dll", "qoffscreen.dll", "ffmpegmediaplugin.dll", "windowsmediaplugin.dll",
                      "windowsprintersupport.dll", "qsvg.dll", "qsvgicon.dll", "nam_ru.qm", "nam_be.qm",
                      "nam_en.qm", "violations.json", "DejaVuSans.ttf", "0001_initial.sql") {
        if (-not (Get-ChildItem -Path $Bundle -Recurse -Filter $name -ErrorAction SilentlyContinue | Select-Object -First 1)) {
            $missing += $name
        }
    }
    if (-not (Get-ChildItem -Path $Bundle -Recurse -Filter "avcodec-*.dll" | Select-Object -First 1)) { $missing += "avcodec-*.dll" }
    if (Get-ChildItem -Path $Bundle -Recurse -Filter "Qt6WebEngineCore.dll" | Select-Object -First 1) { $missing += "UNWANTED Qt6WebEngineCore.dll" }
    if ($missing.Count -eq 0) { Pass "bundle contents" } else { Fail "bundle contents: $($missing -join ', ')" }

    # 2. version ----------------------------------------------------------------------
    $Version = (Select-String -Path "$Root\nam_desktop\__init__.py" -Pattern '^__version__ = "(.*)"').Matches[0].Groups[1].Value
    $got = (& $Cli --version | Out-String).Trim()
    if ($got -eq "nam-desktop $Version") { Pass "--version" } else { Fail "--version printed '$got'" }

    # 3. media clean (a JPEG with GPS made by the build venv's Pillow) ------------------
    $Py = if ($env:NAM_BUILD_PYTHON) { $env:NAM_BUILD_PYTHON } else { "$Root\.venv-win\Scripts\python.exe" }
    $Gps = "$Work\gps.jpg"
    & $Py -c "import sys; from PIL import Image; e = Image.Exif(); e[0x010F] = 'SmokeCam'; g = e.get_ifd(0x8825); g.update({1: 'N', 2: (53.0, 54.0, 0.0), 3: 'E', 4: (27.0, 33.0, 0.0)}); Image.new('RGB', (64, 48), (10, 10, 200)).save(sys.argv[1], exif=e)" $Gps
    if ($LASTEXITCODE) { throw "could not make the sample JPEG" }
    if ((Run-Cli media inspect $Gps) -eq 0 -and $script:Out -match "GPSLatitude") { Pass "media inspect finds GPS" } else { Fail "media inspect: $script:Out" }
    if ((Run-Cli media clean $Gps "$Work\clean.jpg") -eq 0 -and (Run-Cli media inspect "$Work\clean.jpg") -eq 0 -and
        $script:Out -match "format: jpeg" -and $script:Out -notmatch "GPSLatitude") {
        Pass "media clean IN OUT, inspected again"
    } else { Fail "media clean IN OUT: $script:Out" }
    Copy-Item $Gps "$Work\second.jpg"
    $code = Run-Cli media clean $Gps "$Work\second.jpg" --out-dir "$Work\cleaned"
    $a = (Get-FileHash "$Work\cleaned\second.jpg" -ErrorAction SilentlyContinue).Hash
    $b = (Get-FileHash "$Work\cleaned\gps.jpg" -ErrorAction SilentlyContinue).Hash
    $c = (Get-FileHash "$Work\clean.jpg").Hash
    if ($code -eq 0 -and $a -eq $c -and $b -eq $c) { Pass "media clean --out-dir, two files, same bytes as IN OUT" } else { Fail "media clean --out-dir: $script:Out" }

    # 4. vault, testimony, attachment ------------------------------------------------
    $Vault = "$Work\vault"
    '{"title": "Smoke \u2014 \u0441\u0432\u0435\u0434\u0447\u0430\u043d\u043d\u0435", "interview": {"date": "2025-03-14"}, "witness": {"pseudonym": "W-1"}, "consent": {"hq_documentation": true}, "narrative": "Synthetic text."}' |
        Set-Content -Encoding utf8 "$Work\t.json"
    if ((Run-Cli vault init $Vault --fast-kdf) -ne 0) { throw "vault init failed: $script:Out" }
    if ((Run-Cli testimony add $Vault --json "$Work\t.json") -ne 0) { throw "testimony add failed: $script:Out" }
    $Tid = ($script:Out.Trim() -split "`r?`n")[-1].Trim()
    if ((Run-Cli attach $Vault $Tid $Gps) -eq 0) { Pass "attach" } else { Fail "attach: $script:Out" }
    if ((Run-Cli vault check $Vault) -eq 0) { Pass "vault check" } else { Fail "vault check: $script:Out" }
    $env:NAM_PASSPHRASE = "not the passphrase"
    $code = Run-Cli testimony list $Vault
    $env:NAM_PASSPHRASE = $Passphrase
    if ($code -eq 4) { Pass "wrong passphrase -> exit 4" } else { Fail "wrong passphrase: exit $code" }
    $code = Run-Cli testimony list $Vault --json
    if ($code -eq 0 -and $script:Out.Contains($Cyrillic)) { Pass "JSON output carries Cyrillic (UTF-8)" } else { Fail "testimony list --json: $script:Out" }

    # 5. selftest ---------------------------------------------------------------------
    if ((Run-Cli selftest "$Work\selftest") -eq 0) { Pass "selftest (recording written and recovered)" } else { Fail "selftest: $script:Out" }

    # 6. summary ----------------------------------------------------------------------
    if ((Run-Cli summary $Vault $Tid --out "$Work\summary.pdf") -eq 0 -and (Run-Cli summary verify "$Work\summary.pdf") -eq 0) {
        Pass "summary + summary verify"
    } else { Fail "summary: $script:Out" }

    # 7. export -> HQ import -> HQ check --------------------------------------------------
    $Hq = "$Work\hq"
    New-Item -ItemType Directory "$Work\usb" | Out-Null
    $ok = (Run-Cli testimony finalize $Vault $Tid) -eq 0 -and (Run-Cli hq init $Hq --fast-kdf) -eq 0 -and
          (Run-Cli hq keycard $Hq --out "$Work\card.json") -eq 0 -and (Run-Cli keycard import $Vault "$Work\card.json" --yes) -eq 0
    if ($ok) {
        Run-Cli vault fingerprint $Vault | Out-Null
        $Fpr = [regex]::Match($script:Out, "[A-Z2-7]{4}(-[A-Z2-7]{4}){5}").Value
        $ok = (Run-Cli hq register $Hq $Fpr --name Smoke) -eq 0 -and (Run-Cli export $Vault --to "$Work\usb") -eq 0
        $BundleFile = (Get-ChildItem "$Work\usb" -Filter "*.age" | Select-Object -First 1).FullName
        if ($ok -and $BundleFile -and (Run-Cli hq import $Hq $BundleFile) -eq 0 -and (Run-Cli vault check $Hq) -eq 0) {
            Pass "export -> HQ import -> HQ vault check"
        } else { Fail "export/import: $script:Out" }
    } else { Fail "export preparation: $script:Out" }

    # 8 + 9. GUI (a windowed exe: wait for it explicitly) ------------------------------------
    $env:NAM_QUIT_AFTER_STARTUP_MS = "1500"
    $LocalBefore = Test-Path "$env:LOCALAPPDATA\nam-desktop"
    $RoamingBefore = Test-Path "$env:APPDATA\nam-desktop"
    $proc = Start-Process -FilePath $Gui -PassThru -Wait -WindowStyle Hidden
    Remove-Item Env:NAM_QUIT_AFTER_STARTUP_MS
    if ($proc.ExitCode -eq 0) { Pass "GUI starts offscreen and quits cleanly" } else { Fail "GUI exit code $($proc.ExitCode)" }
    if ($Portable) {
        if (Test-Path (Join-Path $Bundle "nam-data\config")) { Pass "portable: nam-data beside the exe" } else { Fail "portable: no nam-data beside the exe" }
        $trace = @()
        if (-not $LocalBefore -and (Test-Path "$env:LOCALAPPDATA\nam-desktop")) { $trace += "%LOCALAPPDATA%\nam-desktop" }
        if (-not $RoamingBefore -and (Test-Path "$env:APPDATA\nam-desktop")) { $trace += "%APPDATA%\nam-desktop" }
        if (Test-Path "HKCU:\Software\QtProject\OrganizationDefaults\FileDialog") { $trace += "HKCU\Software\QtProject\...\FileDialog" }
        if (Get-ChildItem $env:TEMP -Filter "_MEI*" -ErrorAction SilentlyContinue) { $trace += "%TEMP%\_MEI*" }
        if ($trace.Count -eq 0) { Pass "portable: no trace on the host" } else { Fail "portable: left $($trace -join ', ')" }
    }
} finally {
    foreach ($k in $Saved.Keys) {
        if ($Saved[$k]) { Set-Item "Env:$k" -Value $Saved[$k] } else { Remove-Item "Env:$k" -ErrorAction SilentlyContinue }
    }
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}
Write-Host "smoke test: $script:Failed failed"
exit $script:Failed
