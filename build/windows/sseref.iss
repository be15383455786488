; Inno Setup script of SSE Ref's Windows installer (built by .github/workflows/bundles.yml):
;
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\...\pyi-dist\sseref /DOutputDir=C:\...\dist sseref.iss
;
; Installs the one-folder PyInstaller bundle without administrator rights (per user, in
; %LOCALAPPDATA%\Programs\SSE Ref) unless the person chooses "for all users" (or passes
; /ALLUSERS); adds a Start-menu entry (and, if asked, a desktop icon) for the windowed
; sseref.exe (sseref-cli.exe is its console twin for the command line and the self-test), and
; an uninstaller that removes every installed file. User data lives in the user's AppData
; folders, never in {app}, so it survives upgrades and uninstalls.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\pyi-dist\sseref"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
AppId={{6B0F3A52-3C1E-4B7A-9C55-5E5E0F0A5E11}
AppName=SSE Ref
AppVersion={#AppVersion}
AppVerName=SSE Ref {#AppVersion}
AppPublisher=SSE Ref contributors
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\SSE Ref
DefaultGroupName=SSE Ref
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=sseref-{#AppVersion}-windows-setup
SetupIconFile=..\icons\sseref.ico
UninstallDisplayIcon={app}\sseref.exe
UninstallDisplayName=SSE Ref
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\SSE Ref"; Filename: "{app}\sseref.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\SSE Ref"; Filename: "{app}\sseref.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\sseref.exe"; Description: "{cm:LaunchProgram,SSE Ref}"; Flags: nowait postinstall skipifsilent

