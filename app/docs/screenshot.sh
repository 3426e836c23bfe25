#!/usr/bin/env bash
# Captures the Mailbench window to a PNG on a virtual X display, the way a user would see it.
#
#   app/docs/screenshot.sh [THEME] [OUTPUT.png] [SERVER-URI]
#
# The pictures in the README are made with:
#   SCREENSHOT_SETTLE=8 SCREENSHOT_SELECT=2 \
#   SCREENSHOT_COMMANDS='EHLO client.example.test;MAIL FROM:<alice@example.test>;RCPT TO:<someone@elsewhere.test>;RCPT TO:<bob@example.test>' \
#   app/docs/screenshot.sh light app/docs/mailbench-light.png
# (the same for dark; for projector, whose larger type moves the transcript, add SCREENSHOT_SELECT_AT=200,400)
#
# The pictures at a classroom's sizes: SCREENSHOT_SIZE=1024x768 makes the virtual screen that size (the window
# fills it, as it does any screen smaller than its usual 1200×800), and SCREENSHOT_ZOOM=200 zooms the text
# with View ▸ Zoom In (one of 110, 125, 150, 175, 200, 250) before the commands are typed:
#   SCREENSHOT_SIZE=1024x768 SCREENSHOT_SETTLE=8 SCREENSHOT_COMMANDS='EHLO client.example.test' \
#   app/docs/screenshot.sh light app/docs/mailbench-light-1024x768.png
# (the README's 1024×768 pictures add SCREENSHOT_SELECT=2 for light, and type the four commands above, as the 200 %
# one does without a selection: at 200 % the selecting click lands on a step button;
# run them in a network namespace of their own, see BUILD-NOTES, when another Mailbench holds port 2525)
#
# The lesson panel's pictures (README, "Lessons"): first-smtp after HELO and a RCPT before MAIL, one hint shown:
#   SCREENSHOT_SIZE=1024x768 SCREENSHOT_SETTLE=8 SCREENSHOT_LESSON=first-smtp SCREENSHOT_KEYS=alt+h \
#   SCREENSHOT_COMMANDS='HELO client.example.test;RCPT TO:<alice@example.test>' \
#   app/docs/screenshot.sh light app/docs/lesson-panel-light.png   (projector: add SCREENSHOT_COMMAND_AT=700)
# The ladder and state diagram pictures add SCREENSHOT_CLICKS on the Ladder and States toggles (README, Ladder).
#
# THEME: light (default), dark or projector. SERVER-URI, e.g. smtp://127.0.0.1:2525, opens the first
# session tab connected to it (mailbench --connect); without it the first tab connects to the practice
# server, which runs in a fresh temporary data directory.
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
    MAILBENCH_SCREENSHOT_INSIDE=1 exec xvfb-run -a -s "-screen 0 ${SCREENSHOT_SIZE:-1280x800}x24" "$0" "$theme" "$out" "$connect"
fi

cd "$root"
log=$(mktemp)
# A fresh user's data and settings (the practice server's mailboxes, recent servers), unless the caller
# names others: the picture shows what a new user sees, and no running server's ports are in the way.
scratch=$(mktemp -d)
export XDG_DATA_HOME=${XDG_DATA_HOME_FOR_SCREENSHOT:-$scratch/data} XDG_CONFIG_HOME=${XDG_CONFIG_HOME_FOR_SCREENSHOT:-$scratch/config}
# setsid: Maven and the java process it forks share one process group, stopped together below.
# SCREENSHOT_OPEN=FILE.eml opens a message (or a saved .mbsession) as the desktop does (mailbench FILE)
# SCREENSHOT_LESSON=ID opens the window on a lesson (mailbench --lesson ID)
# SCREENSHOT_NO_SERVER=1 starts without the practice server (mailbench --no-practice-server)
args="--theme=$theme${connect:+ --connect=$connect}"
args="$args${SCREENSHOT_LESSON:+ --lesson=$SCREENSHOT_LESSON}${SCREENSHOT_NO_SERVER:+ --no-practice-server}"
args="$args${SCREENSHOT_OPEN:+ $(realpath "$SCREENSHOT_OPEN")}"
# SCREENSHOT_OFFLINE=1: Maven works offline (a network namespace of its own has no network)
setsid ./mvnw -B -q ${SCREENSHOT_OFFLINE:+-o} -pl app -am javafx:run -Djavafx.args="$args" >"$log" 2>&1 &
app=$!
stop() { kill -- "-$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$log" "$scratch"; }
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

# SCREENSHOT_COMMANDS="EHLO x;MAIL FROM:<a@b>": typed into the command line, one after another, as a user
# types them; SCREENSHOT_SELECT=N then selects the transcript line N lines above the last, so that the
# explanation pane shows it (SCREENSHOT_SELECT_AT=X,Y: a point in the transcript to click first, where the
# theme's sizes put it elsewhere). There is no window manager, so the window sits at 0,0.
height=$(xwininfo -id "$window" | awk '/Height:/ {print $2}')
if [[ -n "${SCREENSHOT_ZOOM:-}" ]]; then
    case "$SCREENSHOT_ZOOM" in
        110) steps=1 ;; 125) steps=2 ;; 150) steps=3 ;; 175) steps=4 ;; 200) steps=5 ;; 250) steps=6 ;;
        *) echo "SCREENSHOT_ZOOM is one of 110, 125, 150, 175, 200, 250" >&2; exit 1 ;;
    esac
    xdotool mousemove --window "$window" 450 $((height - 19)) click 1   # the keys go to the window
    for ((i = 0; i < steps; i++)); do xdotool key ctrl+plus; sleep 0.3; done
    sleep 1
fi
if [[ -n "${SCREENSHOT_COMMANDS:-}" ]]; then
    # SCREENSHOT_COMMAND_AT=X: where the command line is, where the theme's sizes put it elsewhere (projector: 700)
    xdotool mousemove --window "$window" "${SCREENSHOT_COMMAND_AT:-450}" $((height - 19)) click 1
    IFS=';' read -ra commands <<<"$SCREENSHOT_COMMANDS"
    for command in "${commands[@]}"; do
        xdotool type --delay 20 "$command"
        xdotool key Return
        sleep 1
    done
fi
# SCREENSHOT_KEYS="alt+h alt+h": keys pressed once, after the commands (Alt+H is the lesson panel's Hint), or after
# the clicks when there are SCREENSHOT_CLICKS (below)
if [[ -n "${SCREENSHOT_KEYS:-}" && -z "${SCREENSHOT_CLICKS:-}" ]]; then
    for key in $SCREENSHOT_KEYS; do xdotool key "$key"; sleep 0.5; done
    sleep 1
fi
if [[ -n "${SCREENSHOT_SELECT:-}" ]]; then
    at=${SCREENSHOT_SELECT_AT:-120,260}   # a point inside the transcript
    xdotool mousemove --window "$window" "${at%,*}" "${at#*,}" click 1
    xdotool key ctrl+End
    for ((i = 0; i < SCREENSHOT_SELECT; i++)); do xdotool key Up; done
    sleep 1
fi
# SCREENSHOT_CLICKS="40,248 117,248": points clicked last, e.g. the Ladder and States toggles over the transcript;
# SCREENSHOT_KEYS="ctrl+l": keys pressed after them (SCREENSHOT_PAUSE seconds after each), as xdotool names them
if [[ -n "${SCREENSHOT_CLICKS:-}" ]]; then
    for point in $SCREENSHOT_CLICKS; do
        xdotool mousemove --window "$window" "${point%,*}" "${point#*,}" click 1
        sleep "${SCREENSHOT_PAUSE:-1}"   # a loaded machine needs longer to answer each
    done
fi
if [[ -n "${SCREENSHOT_KEYS:-}" && -n "${SCREENSHOT_CLICKS:-}" ]]; then
    for key in $SCREENSHOT_KEYS; do xdotool key "$key"; sleep "${SCREENSHOT_PAUSE:-1}"; done
fi
import -window "$window" "$out"
echo "$out ($(xwininfo -id "$window" | awk '/Width:/ {w=$2} /Height:/ {h=$2} END {print w "x" h}'))"
