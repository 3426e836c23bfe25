#!/usr/bin/env bash
# Captures the Mailbench window to a PNG on a virtual X display, the way a user would see it.
#
#   app/docs/screenshot.sh [THEME] [OUTPUT.png] [SERVER-URI]
#
# THEME: light (default), dark or projector. SERVER-URI, e.g. smtp://127.0.0.1:2525, opens the first
# session tab connected to it (mailbench --connect); without it the window shows its welcome.
#
# Needs: apt-get install -y xvfb libgtk-3-0 imagemagick x11-utils xdotool
# The app is started with `./mvnw -pl app -am javafx:run` under xvfb-run, the script waits for the
# window, captures it with ImageMagick's `import`, and stops the app. There is no window manager
# under Xvfb, so the capture has no title bar or frame.
set -euo pipefail

theme=${1:-light}
out=$(realpath -m "${2:-mailbench-$theme.png}")
connect=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
timeout_s=${SCREENSHOT_TIMEOUT:-180}

if [[ "${MAILBENCH_SCREENSHOT_INSIDE:-}" != 1 ]]; then
    # Re-run this script inside a fresh virtual display.
    MAILBENCH_SCREENSHOT_INSIDE=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$theme" "$out" "$connect"
fi

cd "$root"
log=$(mktemp)
# setsid: Maven and the java process it forks share one process group, stopped together below.
args="--theme=$theme${connect:+ --connect=$connect}"
setsid ./mvnw -B -q -pl app -am javafx:run -Djavafx.args="$args" >"$log" 2>&1 &
app=$!
stop() { kill -- "-$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -f "$log"; }
trap stop EXIT

window=
for ((i = 0; i < timeout_s * 2; i++)); do
    window=$(xdotool search --onlyvisible --name '^Mailbench$' 2>/dev/null | head -n 1 || true)
    [[ -n "$window" ]] && break
    if ! kill -0 "$app" 2>/dev/null; then
        echo "the app exited before its window appeared:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.5
done
if [[ -z "$window" ]]; then
    echo "no Mailbench window after ${timeout_s}s" >&2
    cat "$log" >&2
    exit 1
fi

sleep "${SCREENSHOT_SETTLE:-2}"   # the first frames are painted after the window is mapped
import -window "$window" "$out"
echo "$out ($(xwininfo -id "$window" | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}'))"
