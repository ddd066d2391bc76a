; Inno Setup 6 script for NAM Desktop (Windows 10/11, x64).
;
; Built by packaging\windows\build_windows.ps1 after PyInstaller has produced
; dist\nam-desktop\ (nam-desktop.exe = windowed app, nam-desktop-cli.exe = command line):
;
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\nam_desktop.iss
;
; Output: dist\installer\nam-desktop-<version>-windows-x64-setup.exe
;
; Choices:
; * Installs per user by default (no administrator rights: many interviewers use a
;   computer they do not administer); an administrator may choose "all users".
; * No network at install or run time; no auto-update; no telemetry.
; * Uninstalling never deletes vaults (%LOCALAPPDATA%\nam-desktop by default): losing
;   testimonies because someone clicked "uninstall" is worse than leaving a vault behind.
; * Nothing is associated with file types, so Windows keeps no "open with" history for us.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "NAM Desktop"
#define AppExe "nam-desktop.exe"
#define AppCli "nam-desktop-cli.exe"
#define SrcDir "..\..\dist\nam-desktop"
#define IconFile "..\..\build\icons\org.nam.Desktop.ico"

[Setup]
; Never change AppId: it is how Windows recognises an upgrade of the same application.
AppId={{9CFFE4B0-F651-48E8-B070-BE99F7466298}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=NAM
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0.17763
OutputDir=..\..\dist\installer
OutputBaseFilename=nam-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Close a running copy before replacing its files (the vault is closed cleanly by the app).
CloseApplications=yes
RestartApplications=no
; Code signing: build_windows.ps1 passes /DSIGN and /Snam="signtool.exe sign ... $f" when a
; certificate is configured, so the installer and its uninstaller are signed too.
#ifdef SIGN
SignTool=nam
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"
; Inno Setup ships no Belarusian translation; Belarusian users get the Russian wizard.
; The application itself speaks Belarusian.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: executables, _internal\ (Python, Qt, plugins, resources).
; Never ship the portable marker in an installed copy.
Source: "{#SrcDir}\*"; DestDir: "{app}"; Excludes: "nam-portable,nam-data"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\CHANGELOG.md"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; Old files of a previous version (PyInstaller folders change between versions).
Type: filesandordirs; Name: "{app}\_internal"
Type: files; Name: "{app}\nam-portable"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there; %LOCALAPPDATA%\nam-desktop (vaults, settings, logs)
; stays. The uninstaller's last page says so.
Type: filesandordirs; Name: "{app}\_internal"

[Messages]
en.FinishedLabel=Setup has finished installing [name].%n%nYour vaults are kept in your own folders; uninstalling never deletes them.
ru.FinishedLabel=Установка [name] завершена.%n%nВаши хранилища остаются в ваших папках; удаление программы их не удаляет.
