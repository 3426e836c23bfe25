#!/usr/bin/env bash
# Runs the packaged launcher as a user would, without installing anything system-wide: a start that asks no
# package manager (launcher.sh),
# --version, serve (one message sent with Jakarta Mail and read back over POP3), inspect, the desktop entry,
# the class server's systemd unit (systemd-analyze verify) and the .deb's maintainer scripts on a machine
# without a desktop; then prints the app-image's size.
#   smoke-test.sh TARGET_DIR
set -euo pipefail
target=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
image=$target/jpackage/mailbench
launcher=$image/bin/mailbench
[[ -x "$launcher" ]] || { echo "no packaged launcher at $launcher" >&2; exit 1; }
work=$(mktemp -d)
server=
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "== mailbench --version"
"$launcher" --version | tee "$work/version.txt"
grep -q '^Mailbench ' "$work/version.txt"

echo "== the launcher asks no package manager"
# jpackage's own launcher runs rpm -qf and dpkg -S before every start; launcher.sh, which replaces it, reads the
# .cfg and starts the JVM
stubs=$work/package-managers
mkdir -p "$stubs"
for tool in dpkg dpkg-query rpm; do
    printf '#!/bin/sh\necho "%s $*" >> "%s"\n' "$tool" "$work/package-manager-calls" > "$stubs/$tool"
done
chmod +x "$stubs"/*
PATH="$stubs:$PATH" "$launcher" --version > /dev/null
[[ ! -e "$work/package-manager-calls" ]] \
    || { echo "the launcher ran: $(cat "$work/package-manager-calls")" >&2; exit 1; }
echo "no package manager run"

echo "== mailbench serve"
"$launcher" serve --data-dir "$work/data" --smtp-port 0 --pop3-port 0 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do grep -q 'Press Ctrl-C to stop' "$work/serve.log" && break; sleep 0.2; done
cat "$work/serve.log"
smtp=$(sed -n 's/^  SMTP  127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.log")
pop3=$(sed -n 's/^  POP3  127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.log")
[[ -n "$smtp" && -n "$pop3" ]] || { echo "the packaged server did not report its ports" >&2; exit 1; }
java -cp "$image/lib/app/*" "$here/SmokeClient.java" "$smtp" "$pop3"
kill -TERM "$server"; wait "$server" || true; server=
grep -q 'Practice server stopped.' "$work/serve.log"
echo "stopped cleanly on SIGTERM"

echo "== mailbench inspect"
# a file name with a space: the launcher passes each argument on whole
unzip -p "$image"/lib/app/mailbench-resources-*.jar dev/mailbench/samples/mixed-attachments.eml > "$work/a sample.eml"
"$launcher" inspect "$work/a sample.eml" | tee "$work/inspect.txt" | head -12
grep -q 'multipart/mixed' "$work/inspect.txt"
"$launcher" inspect "$work/a sample.eml" --json | grep -q '"contentType"'

echo "== the desktop entry in the .deb"
for deb in "$target"/jpackage/*.deb; do
    [[ -e "$deb" ]] || continue
    entry=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO ./opt/mailbench/lib/mailbench-mailbench.desktop)
    echo "$entry"
    # an .eml file opened from the file manager reaches the launcher, which opens it in the MIME viewer (a
    # .mbsession in a read-only session tab)
    grep -q '^Exec=/opt/mailbench/bin/mailbench %f$' <<<"$entry"
    grep -q '^MimeType=message/rfc822;application/x-mailbench-session;$' <<<"$entry"
    grep -q '^Name=Mailbench$' <<<"$entry"
done

echo "== the class server's systemd unit"
unit=$image/lib/systemd/mailbench-class.service
[[ -f "$unit" && -f "$image/lib/systemd/mailbench-class.default" ]] || { echo "no systemd unit in the app-image" >&2; exit 1; }
grep -q '^MAILBENCH_SERVE_ARGS="--bind 0.0.0.0 --allow-remote --data-dir /var/lib/mailbench"$' "$image/lib/systemd/mailbench-class.default"
if command -v systemd-analyze >/dev/null; then
    # the unit as installed names /opt/mailbench/bin/mailbench, which verify wants to exist: this image's launcher
    sed "s#/opt/mailbench/bin/mailbench#$launcher#" "$unit" > "$work/mailbench-class.service"
    systemd-analyze verify "$work/mailbench-class.service"
    echo "systemd-analyze verify: passed"
    systemd-analyze security --offline=yes "$work/mailbench-class.service" 2>/dev/null | tail -n 1 || true
else
    echo "systemd-analyze missing: the unit was not verified (apt-get install systemd)"
fi
echo "== the .deb's class data, installed"
# Unpacked as dpkg installs it, the launcher must be able to use the ahead-of-time cache (or AppCDS archive)
# it carries: -XX:AOTMode=on (-Xshare:on) turn the JVM's silent fallback into an error.
for deb in "$target"/jpackage/*.deb; do
    [[ -e "$deb" ]] || continue
    dpkg-deb -x "$deb" "$work/deb-files"
    app=$work/deb-files/opt/mailbench/lib/app
    if [[ -f "$app/mailbench.aot" ]]; then force=-XX:AOTMode=on
    elif [[ -f "$app/mailbench.jsa" ]]; then force=-Xshare:on
    else echo "no class data in the .deb"; continue; fi
    JAVA_TOOL_OPTIONS=$force "$work/deb-files/opt/mailbench/bin/mailbench" --version 2>&1 | tee "$work/deb-version.txt"
    grep -q '^Mailbench ' "$work/deb-version.txt" \
        || { echo "the installed launcher cannot use its class data ($force)" >&2; exit 1; }
    echo "the installed launcher starts with its class data ($force)"
    rm -rf "$work/deb-files"
done

echo "== the .deb's maintainer scripts on a machine without a desktop"
# The package's own postinst, prerm and postrm, run as dpkg runs them but under DPKG_ROOT (a scratch root whose
# /opt/mailbench is this app-image), with xdg-desktop-menu failing as it does where no menu directory exists,
# and the user and owner changes recorded instead of made: configuring must succeed with a warning.
for deb in "$target"/jpackage/*.deb; do
    [[ -e "$deb" ]] || continue
    scripts=$work/deb-control root=$work/deb-root stubs=$work/deb-stubs
    mkdir -p "$root/opt" "$stubs"
    dpkg-deb -e "$deb" "$scripts"
    ln -s "$image" "$root/opt/mailbench"
    printf '#!/bin/sh\necho "xdg-desktop-menu: No writable system menu directory found" >&2\nexit 3\n' > "$stubs/xdg-desktop-menu"
    for tool in xdg-mime xdg-icon-resource groupadd useradd chown systemctl; do
        printf '#!/bin/sh\necho "%s $*" >> "%s"\n' "$tool" "$work/deb-calls" > "$stubs/$tool"
    done
    printf '#!/bin/sh\nexit 2\n' > "$stubs/getent"     # no mailbench user or group yet
    chmod +x "$stubs"/*
    DPKG_ROOT=$root PATH="$stubs:$PATH" sh "$scripts/postinst" configure 2> "$work/postinst.err" \
        || { cat "$work/postinst.err" >&2; echo "postinst failed without a desktop" >&2; exit 1; }
    cat "$work/postinst.err"
    grep -q 'warning: no desktop menu entry' "$work/postinst.err"
    [[ -f "$root/lib/systemd/system/mailbench-class.service" && -f "$root/etc/default/mailbench-class" \
        && -d "$root/var/lib/mailbench" ]] || { echo "postinst did not put the class server in place" >&2; exit 1; }
    grep -q '^useradd --system --gid mailbench --home-dir /var/lib/mailbench' "$work/deb-calls"
    if grep -q '^systemctl enable' "$work/deb-calls"; then echo "postinst enabled the unit" >&2; exit 1; fi
    echo "postinst configure: exit 0, warned, unit installed (not enabled)"
    DPKG_ROOT=$root PATH="$stubs:$PATH" sh "$scripts/prerm" remove 2> "$work/prerm.err" \
        || { cat "$work/prerm.err" >&2; echo "prerm failed without a desktop" >&2; exit 1; }
    DPKG_ROOT=$root PATH="$stubs:$PATH" sh "$scripts/postrm" purge
    [[ ! -e "$root/lib/systemd/system/mailbench-class.service" && ! -e "$root/etc/default/mailbench-class" ]] \
        || { echo "postrm purge left the unit or its settings" >&2; exit 1; }
    echo "prerm remove, postrm purge: exit 0, unit and settings removed"
done

echo "== figures"
echo "app-image size: $(du -sh "$image" | cut -f1)"
for deb in "$target"/jpackage/*.deb; do [[ -e "$deb" ]] && echo "deb size: $(du -h "$deb" | cut -f1)"; done
# The start-up figures are printed by the build's next step (startup-figures.sh), with or without the tests.
echo "smoke test passed"
