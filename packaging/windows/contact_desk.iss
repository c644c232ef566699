; The Windows installer of Contact Desk: per user (no administrator needed), a Start-menu
; shortcut, and an uninstaller in Settings > Apps. Build dist\contact-desk first
; (python dev.py build), then from the repository root:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\contact_desk.iss
;
; The installer lands in dist\installer\. Uninstalling removes the program only: the
; database and the logs stay in the user's AppData, so a reinstall finds every customer.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Contact Desk"
#define AppExe "contact-desk.exe"
#define Root "..\.."

[Setup]
; The AppId ties upgrades and the uninstaller to this app; never change it.
AppId={{839F6004-94C4-463F-BA68-BFC035A54156}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SetupIconFile={#Root}\build\icons\app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist\installer
OutputBaseFilename=ContactDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running desk holds its files open; ask to close it before files are replaced.
CloseApplications=yes

[Files]
Source: "{#Root}\dist\contact-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Every way to reach a customer"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
