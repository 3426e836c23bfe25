#!/usr/bin/env bash
# Builds the macOS app bundle and .dmg of Mailbench with its own trimmed runtime. Runs only on macOS
# (jpackage builds for the system it runs on):  ./mvnw -Pinstaller package   (the profile picks this script)
#   build.sh TARGET_DIR VERSION
set -euo pipefail
target=$1
version=${2%%-*}
# macOS bundle versions (CFBundleVersion) must start above zero, and jpackage refuses 0.x there: a 0.x
# pre-release is packaged as 1.x with the same minor and patch numbers.
[[ "$version" == 0.* ]] && version=1.${version#0.}
here=$(cd "$(dirname "$0")" && pwd)
java_home=${JAVA_HOME:-$(/usr/libexec/java_home)}
runtime=$target/runtime
images=$target/jpackage
rm -rf "$runtime" "$images"
mkdir -p "$images"

fx_path=$(find "$target/javafx-modules" -name 'javafx-*-mac*.jar' | sort | paste -sd: -)
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,java.datatransfer,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,javafx.base,javafx.graphics,javafx.controls,javafx.web
"$java_home/bin/jlink" --module-path "$fx_path" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$runtime"

main_jar=$(cd "$target/jpackage-input" && ls mailbench-app-*.jar | head -n 1)
"$java_home/bin/jpackage" --type dmg --name Mailbench --app-version "$version" --vendor Mailbench \
    --description "A workbench for talking SMTP and POP3 by hand" \
    --input "$target/jpackage-input" --main-jar "$main_jar" --main-class dev.mailbench.app.Launcher \
    --runtime-image "$runtime" \
    --mac-package-identifier dev.mailbench.app --mac-package-name Mailbench \
    --file-associations "$here/../linux/eml.properties" \
    --dest "$images"
ls -l "$images"
