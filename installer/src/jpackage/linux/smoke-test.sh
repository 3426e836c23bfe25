#!/usr/bin/env bash
# Runs the packaged launcher as a user would, without installing anything system-wide.
#   smoke-test.sh TARGET_DIR
set -euo pipefail
target=$1
launcher=$target/jpackage/mailbench/bin/mailbench
[[ -x "$launcher" ]] || { echo "no packaged launcher at $launcher" >&2; exit 1; }

echo "== mailbench --version"
out=$("$launcher" --version)
echo "$out"
grep -q '^Mailbench ' <<<"$out"
echo "app-image size: $(du -sh "$target/jpackage/mailbench" | cut -f1)"

# Start-up: process start to first window frame, measured by the app itself (StartupProbe), on a virtual
# display when no real one is there.
if [[ -n "${DISPLAY:-}" ]]; then run=(); elif command -v xvfb-run >/dev/null; then run=(xvfb-run -a -s "-screen 0 1280x800x24"); else run=(none); fi
if [[ "${run[0]:-}" == none ]]; then
    echo "start-up: not measured (no display and no xvfb-run; apt-get install xvfb libgtk-3-0)"
else
    for i in 1 2 3; do
        line=$(MAILBENCH_STARTUP_PROBE=1 timeout 60 "${run[@]}" "$launcher" 2>/dev/null | grep '^first window shown' || true)
        echo "start-up run $i: ${line:-no window (is libgtk-3-0 installed?)}"
    done
fi
echo "smoke test passed"
