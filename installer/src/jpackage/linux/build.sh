#!/usr/bin/env bash
# Builds the Linux app-image and .deb of Mailbench with its own trimmed Java runtime.
#   build.sh TARGET_DIR VERSION
# Called by `./mvnw -Pinstaller package` after the dependencies were copied to
#   TARGET_DIR/jpackage-input (the application's class path, JavaFX excluded) and
#   TARGET_DIR/javafx-modules (the platform JavaFX jars, linked into the runtime as modules).
set -euo pipefail

target=$1
version=${2%%-*}            # jpackage wants digits and dots: 0.1.0-SNAPSHOT -> 0.1.0
here=$(cd "$(dirname "$0")" && pwd)
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
jlink=$java_home/bin/jlink
jpackage=$java_home/bin/jpackage

runtime=$target/runtime
images=$target/jpackage
rm -rf "$runtime" "$images"
mkdir -p "$images"

# Only the JavaFX jars with natives (classifier linux) are modules jlink can use.
fx_path=$(find "$target/javafx-modules" -name 'javafx-*-linux*.jar' | sort | paste -sd:)
if [[ -z "$fx_path" ]]; then
    echo "no platform JavaFX jars found in $target/javafx-modules" >&2
    exit 1
fi

# The JDK modules the class path needs: mail and TLS (naming, crypto), logging, the desktop bits JavaFX
# uses, jdk.unsupported for JavaFX and picocli, jdk.crypto.ec for the EC curves of modern TLS.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,java.datatransfer,jdk.crypto.ec,jdk.unsupported,jdk.zipfs
modules=$modules,javafx.base,javafx.graphics,javafx.controls,javafx.web

echo "jlink: $modules"
# The JavaFX jars carry their native libraries as resources; they are put into lib/ below, so the module
# image need not hold a second copy (WebKit alone is some 120 MB).
"$jlink" --module-path "$fx_path" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress=2 \
    --exclude-resources='**.so' \
    --output "$runtime"

# The JavaFX natives go into the runtime's lib/, where JavaFX looks first: nothing is unpacked to
# ~/.openjfx/cache on first start, and the package's dependencies on GTK are visible to the .deb tooling.
for jar in ${fx_path//:/ }; do
    unzip -q -o -j "$jar" '*.so' -d "$runtime/lib" 2>/dev/null || true
done
# A class-data-sharing archive of the JDK's classes for a faster start.
"$runtime/bin/java" -Xshare:dump >/dev/null 2>&1 || true

main_jar=$(cd "$target/jpackage-input" && ls mailbench-app-*.jar | head -n 1)
common=(
    --name mailbench
    --app-version "$version"
    --vendor "Mailbench"
    --description "A workbench for talking SMTP and POP3 by hand"
)

echo "jpackage: app-image"
"$jpackage" --type app-image "${common[@]}" \
    --input "$target/jpackage-input" \
    --main-jar "$main_jar" \
    --main-class dev.mailbench.app.Launcher \
    --runtime-image "$runtime" \
    --icon "$here/mailbench.png" \
    --dest "$images"

# AppCDS: a class-data archive of what a start of the window loads, so later starts map those classes
# instead of loading and verifying them (about half a second less here). Made by starting the packaged
# app once, which needs a display: a real one, or Xvfb. Where the archive cannot be used (files moved
# or touched), the JVM silently loads classes as usual.
app_dir=$images/mailbench/lib/app
if [[ -n "${DISPLAY:-}" ]] || command -v xvfb-run >/dev/null; then
    run=(); [[ -z "${DISPLAY:-}" ]] && run=(xvfb-run -a -s "-screen 0 1280x800x24")
    JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$app_dir/mailbench.jsa -Xlog:cds*=off" MAILBENCH_STARTUP_PROBE=1 \
        XDG_DATA_HOME="$target/cds-home" XDG_CONFIG_HOME="$target/cds-home" \
        timeout 120 "${run[@]}" "$images/mailbench/bin/mailbench" >/dev/null 2>&1 || true
fi
if [[ -f "$app_dir/mailbench.jsa" ]]; then
    printf '%s\n' 'java-options=-XX:SharedArchiveFile=$APPDIR/mailbench.jsa' 'java-options=-Xlog:cds*=off' \
        >> "$app_dir/mailbench.cfg"
    echo "AppCDS archive: $(du -h "$app_dir/mailbench.jsa" | cut -f1)"
else
    echo "AppCDS archive: not made (no display and no xvfb-run)"
fi

# resources/mailbench.desktop replaces jpackage's desktop entry: its Exec passes the file (%f), so an .eml
# opened from the file manager opens in the MIME viewer, and its Name is the product's.
if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
    echo "jpackage: deb"
    "$jpackage" --type deb "${common[@]}" \
        --app-image "$images/mailbench" \
        --linux-package-name mailbench \
        --linux-menu-group "Network;Email;Education" \
        --linux-app-category net \
        --linux-shortcut \
        --resource-dir "$here/resources" \
        --file-associations "$here/eml.properties" \
        --icon "$here/mailbench.png" \
        --dest "$images"
else
    echo "dpkg-deb or fakeroot missing: no .deb built (apt-get install dpkg-dev fakeroot)" >&2
fi

echo "app-image size: $(du -sh "$images/mailbench" | cut -f1)"
for deb in "$images"/*.deb; do
    [[ -e "$deb" ]] && echo "deb: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
done
