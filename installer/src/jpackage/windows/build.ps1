# Builds the Windows installer (.msi) of Mailbench with its own trimmed runtime. Runs only on Windows,
# with the WiX Toolset 3 on the PATH (jpackage needs it for .msi):  .\mvnw.cmd -Pinstaller package
#   build.ps1 TARGET_DIR VERSION
param([string]$Target, [string]$Version)
$ErrorActionPreference = "Stop"
$version = $Version -replace '-.*$', ''
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$javaHome = if ($env:JAVA_HOME) { $env:JAVA_HOME } else { Split-Path -Parent (Split-Path -Parent (Get-Command javac).Source) }
$runtime = Join-Path $Target "runtime"
$images = Join-Path $Target "jpackage"
Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $runtime, $images
New-Item -ItemType Directory -Force $images | Out-Null

$fxPath = (Get-ChildItem (Join-Path $Target "javafx-modules") -Filter "javafx-*-win*.jar" | Sort-Object Name | ForEach-Object FullName) -join ";"
$modules = "java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,java.datatransfer,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,javafx.base,javafx.graphics,javafx.controls,javafx.web"
& "$javaHome\bin\jlink" --module-path $fxPath --add-modules $modules --strip-debug --no-header-files --no-man-pages --compress=2 --output $runtime

$mainJar = (Get-ChildItem (Join-Path $Target "jpackage-input") -Filter "mailbench-app-*.jar" | Select-Object -First 1).Name
& "$javaHome\bin\jpackage" --type msi --name Mailbench --app-version $version --vendor Mailbench `
    --description "A workbench for talking SMTP and POP3 by hand" `
    --input (Join-Path $Target "jpackage-input") --main-jar $mainJar --main-class dev.mailbench.app.Launcher `
    --runtime-image $runtime `
    --win-menu --win-menu-group Mailbench --win-shortcut --win-dir-chooser --win-console `
    --file-associations (Join-Path $here "..\linux\eml.properties") `
    --dest $images
Get-ChildItem $images
