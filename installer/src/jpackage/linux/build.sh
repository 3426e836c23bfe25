#!/usr/bin/env bash
# Builds the Linux app-image and .deb of Mailbench with its own trimmed Java runtime, and beside it a JavaFX
# hello-world on the same runtime, the yardstick of the start-up figures (it is not packaged).
#   build.sh TARGET_DIR VERSION
# Called by `./mvnw -Pinstaller package` after the dependencies were copied to
#   TARGET_DIR/jpackage-input (the application's class path, JavaFX excluded) and
#   TARGET_DIR/javafx-modules (the platform JavaFX jars, linked into the runtime as modules).
#
# The runtime is linked from JDK 25 or later when one is found (MAILBENCH_RUNTIME_JDK, else the newest
# /usr/lib/jvm/*-2[5-9]*), with an ahead-of-time cache trained by a start of the window (JEP 483, 514, 515);
# otherwise from the JDK the build runs on, with an AppCDS archive. The classes stay compiled for Java 17.
# MAILBENCH_RUNTIME_JDK=build forces the second way.
set -euo pipefail

target=$1
version=${2%%-*}            # jpackage wants digits and dots: 0.1.0-SNAPSHOT -> 0.1.0
here=$(cd "$(dirname "$0")" && pwd)
build_jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}

feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
runtime_jdk=${MAILBENCH_RUNTIME_JDK:-}
if [[ -z "$runtime_jdk" ]]; then
    for candidate in $(ls -d /usr/lib/jvm/*-2[5-9]* /usr/lib/jvm/*-[3-9][0-9]* 2>/dev/null | sort -rV); do
        if [[ -x "$candidate/bin/jlink" && -x "$candidate/bin/jpackage" ]] && (( $(feature "$candidate") >= 25 )); then
            runtime_jdk=$candidate
            break
        fi
    done
fi
[[ -z "$runtime_jdk" || "$runtime_jdk" == build ]] && runtime_jdk=$build_jdk
runtime_version=$(feature "$runtime_jdk")
if (( runtime_version >= 25 )); then class_data=aot; else class_data=cds; fi
echo "runtime: JDK $runtime_version from $runtime_jdk, $( [[ $class_data == aot ]] && echo 'ahead-of-time cache' || echo 'AppCDS archive')"
jlink=$runtime_jdk/bin/jlink
jpackage=$runtime_jdk/bin/jpackage

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
# uses, jdk.unsupported for JavaFX and picocli, jdk.crypto.ec for the EC curves of modern TLS (an empty
# module since JDK 22, where java.base has them).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,java.datatransfer,jdk.unsupported,jdk.zipfs
(( runtime_version < 22 )) && modules=$modules,jdk.crypto.ec
modules=$modules,javafx.base,javafx.graphics,javafx.controls,javafx.web
# The module image is left uncompressed: the .deb's xz packs raw classes into less than half of what it
# makes of zip-compressed ones (the .deb 17 MB smaller, the installed runtime 42 MB larger; see the README).
if (( runtime_version >= 21 )); then compress=zip-0; else compress=0; fi

echo "jlink: $modules"
# The JavaFX jars carry their native libraries as resources; they are put into lib/ below, so the module
# image need not hold a second copy (WebKit alone is some 120 MB).
"$jlink" --module-path "$fx_path" --add-modules "$modules" \
    --strip-debug --no-header-files --no-man-pages --compress="$compress" \
    --exclude-resources='**.so' \
    --output "$runtime"

# The JavaFX natives go into the runtime's lib/, where JavaFX looks first: nothing is unpacked to
# ~/.openjfx/cache on first start, and the package's dependencies on GTK are visible to the .deb tooling.
for jar in ${fx_path//:/ }; do
    unzip -q -o -j "$jar" '*.so' -d "$runtime/lib" 2>/dev/null || true
done
# A class-data-sharing archive of the JDK's classes, the base the AppCDS archive is layered on. An
# ahead-of-time cache holds the JDK's classes itself and the JVM then never reads this one: not made there.
[[ $class_data == cds ]] && { "$runtime/bin/java" -Xshare:dump >/dev/null 2>&1 || true; }

# Options of both programs.
# - The JIT compiles with its first tier only (C1, -XX:TieredStopAtLevel=1): the second (C2) spends a core on
#   compiling during the start, which a 2-core machine takes from the window (first frame 772 → 662 ms, processor
#   time 610 → 440 ms, median of 9). What it would buy later, faster code for long computations, a desktop window
#   rarely needs: the classroom benchmark's reply p99 went from 6.9 to 7.7 ms (README, "Start-up").
# - From JDK 24 on, JavaFX's native libraries and its use of sun.misc.Unsafe are allowed explicitly, or the JVM
#   warns on every start (JEP 472, JEP 498).
java_options=(--java-options '-XX:TieredStopAtLevel=1')
if (( runtime_version >= 24 )); then
    java_options+=(--java-options '--enable-native-access=ALL-UNNAMED,javafx.graphics,javafx.web'
                   --java-options '--sun-misc-unsafe-memory-access=allow')
fi

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
    ${java_options[@]+"${java_options[@]}"} \
    --icon "$here/mailbench.png" \
    --dest "$images"

# Each program starts through launcher.sh, which reads the .cfg jpackage wrote as jpackage's own launcher does,
# without that launcher's search for the package that owns it (rpm -qf, dpkg -S: some 0.1 s of every start).
use_launcher() {
    install -m 0755 "$here/launcher.sh" "$images/$1/bin/$1"
}
use_launcher mailbench

# The class server's systemd unit and its settings, inside the application; the .deb's postinst puts them in
# place (/lib/systemd/system, /etc/default), installed but not enabled (resources/postinst).
install -D -m 0644 "$here/systemd/mailbench-class.service" "$images/mailbench/lib/systemd/mailbench-class.service"
install -D -m 0644 "$here/systemd/mailbench-class.default" "$images/mailbench/lib/systemd/mailbench-class.default"

# The hello-world, compiled for Java 17 like Mailbench, packaged on the same runtime with the same options.
hello=$target/hello-world
rm -rf "$hello" && mkdir -p "$hello/classes" "$hello/input"
"$build_jdk/bin/javac" --release 17 --module-path "$fx_path" --add-modules javafx.controls \
    -d "$hello/classes" "$here/hello-world/HelloWorld.java"
"$build_jdk/bin/jar" --create --file "$hello/input/hello-world.jar" -C "$hello/classes" .
echo "jpackage: hello-world app-image"
"$jpackage" --type app-image --name hello-world --app-version "$version" \
    --input "$hello/input" \
    --main-jar hello-world.jar \
    --main-class HelloWorld \
    --runtime-image "$runtime" \
    ${java_options[@]+"${java_options[@]}"} \
    --dest "$images"
use_launcher hello-world

# The class data a start of the window needs, made by starting the packaged program once with the startup
# probe (which quits once the first frame is drawn); that needs a display: a real one, or Xvfb.
# - JDK 25 and later: an ahead-of-time cache (-XX:AOTCacheOutput on the training run, -XX:AOTCache later)
#   holds the classes loaded and linked, and the method profiles of the training run (JEP 483, 515).
# - Before: an AppCDS archive (-XX:ArchiveClassesAtExit, -XX:SharedArchiveFile), the classes only.
# Where the cache or archive cannot be used (files moved or touched), the JVM silently loads classes as usual.
# The training start ends at its first frame (the probe ends the program there), so the cache holds that start
# only: JDK 25 loads all of a cache's classes when the JVM starts. MAILBENCH_TRAIN_UNTIL=ready trains Mailbench on
# a start that goes on to its first session ready instead (its data directory made by a start before): the first
# frame comes later, the first session sooner (README, "Start-up: class data for the first frame").
train_until=${MAILBENCH_TRAIN_UNTIL:-first-frame}
case $train_until in first-frame) probe=1 ;; ready) probe=ready ;;
    *) echo "MAILBENCH_TRAIN_UNTIL must be first-frame or ready, not $train_until" >&2; exit 2 ;; esac
train() {
    local name=$1 app_dir=$images/$1/lib/app file training use
    if [[ $class_data == aot ]]; then
        file=$name.aot
        training="-XX:AOTCacheOutput=$app_dir/$file -Xlog:aot*=off -Xlog:cds*=off"
        use=("-XX:AOTCache=\$APPDIR/$file" '-Xlog:aot*=off' '-Xlog:cds*=off')
    else
        file=$name.jsa
        training="-XX:ArchiveClassesAtExit=$app_dir/$file -Xlog:cds*=off"
        use=("-XX:SharedArchiveFile=\$APPDIR/$file" '-Xlog:cds*=off')
    fi
    if [[ -n "${DISPLAY:-}" ]] || command -v xvfb-run >/dev/null; then
        local run=(); [[ -z "${DISPLAY:-}" ]] && run=(xvfb-run -a -s "-screen 0 1280x800x24")
        if [[ $name == mailbench && $probe == ready ]]; then
            MAILBENCH_STARTUP_PROBE=ready XDG_DATA_HOME="$target/cds-home" XDG_CONFIG_HOME="$target/cds-home" \
                timeout 180 "${run[@]}" "$images/$name/bin/$name" >/dev/null 2>&1 || true
        fi
        JAVA_TOOL_OPTIONS="$training" MAILBENCH_STARTUP_PROBE=$( [[ $name == mailbench ]] && echo "$probe" || echo 1 ) \
            XDG_DATA_HOME="$target/cds-home" XDG_CONFIG_HOME="$target/cds-home" \
            timeout 180 "${run[@]}" "$images/$name/bin/$name" >/dev/null 2>&1 || true
    fi
    if [[ -f "$app_dir/$file" ]]; then
        printf 'java-options=%s\n' "${use[@]}" >> "$app_dir/$name.cfg"
        echo "$name: $( [[ $class_data == aot ]] && echo 'ahead-of-time cache' || echo 'AppCDS archive') $(du -h "$app_dir/$file" | cut -f1)," \
             "trained until $( [[ $name == mailbench ]] && echo "$train_until" || echo first-frame )"
    else
        echo "$name: no class-data file made (no display and no xvfb-run)"
    fi
}
train mailbench
train hello-world

# resources/mailbench.desktop replaces jpackage's desktop entry: its Exec passes the file (%f), so an .eml
# opened from the file manager opens in the MIME viewer (a .mbsession in a read-only session tab), and its Name
# is the product's. resources/postinst, prerm and postrm replace jpackage's maintainer scripts: the desktop
# integration is best effort (a machine without a desktop gets a warning, not a half-configured package), and
# the class server's unit is put in place.
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
        --file-associations "$here/mbsession.properties" \
        --icon "$here/mailbench.png" \
        --dest "$images"
    # jpackage copies the app-image into the package with new modification times, and the class-data file
    # checks each jar's time against the one it was trained with: installed, it went unused (the JVM then
    # starts without class data, and says nothing). The package's files get the app-image's times back.
    for deb in "$images"/*.deb; do
        tree=$target/deb-tree
        rm -rf "$tree"
        dpkg-deb -R "$deb" "$tree"
        (cd "$images/mailbench" && find . -type f) | while IFS= read -r file; do
            [[ -e "$tree/opt/mailbench/$file" ]] && touch -r "$images/mailbench/$file" "$tree/opt/mailbench/$file"
        done
        fakeroot dpkg-deb -b "$tree" "$deb" >/dev/null
        rm -rf "$tree"
    done
else
    echo "dpkg-deb or fakeroot missing: no .deb built (apt-get install dpkg-dev fakeroot)" >&2
fi

echo "runtime: JDK $runtime_version, $( [[ $class_data == aot ]] && echo 'ahead-of-time cache' || echo 'AppCDS archive')"
echo "app-image size: $(du -sh "$images/mailbench" | cut -f1)"
for deb in "$images"/*.deb; do
    [[ -e "$deb" ]] && echo "deb: $(basename "$deb") ($(du -h "$deb" | cut -f1), $(stat -c %s "$deb") bytes)"
done
