#!/usr/bin/env bash
# Runs the packaged launcher as a user would, without installing anything system-wide:
# --version, serve (one message sent with Jakarta Mail and read back over POP3), inspect; then prints
# the app-image's size and its start-up time.
#   smoke-test.sh TARGET_DIR
set -euo pipefail
target=$1
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
unzip -p "$image"/lib/app/mailbench-resources-*.jar dev/mailbench/samples/mixed-attachments.eml > "$work/sample.eml"
"$launcher" inspect "$work/sample.eml" | tee "$work/inspect.txt" | head -12
grep -q 'multipart/mixed' "$work/inspect.txt"
"$launcher" inspect "$work/sample.eml" --json | grep -q '"contentType"'

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

echo "== figures"
echo "app-image size: $(du -sh "$image" | cut -f1)"
for deb in "$target"/jpackage/*.deb; do [[ -e "$deb" ]] && echo "deb size: $(du -h "$deb" | cut -f1)"; done
# Start-up: process start to the first frame of the window, Mailbench beside the hello-world on the same
# runtime, measured by each program itself, on a virtual display when no real one is there.
bash "$here/startup-figures.sh" "$target" 5
echo "smoke test passed"
