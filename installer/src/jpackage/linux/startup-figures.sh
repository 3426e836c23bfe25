#!/usr/bin/env bash
# Start-up figures: process start to the first frame of the window, measured by each program itself
# (MAILBENCH_STARTUP_PROBE), for the packaged Mailbench and the hello-world packaged on the same runtime
# by build.sh, started in turn, RUNS times each (default 5), on a virtual display when no real one is there.
#   startup-figures.sh TARGET_DIR [RUNS]
# Prints each run, then: Mailbench first frame: median X ms; hello-world: median Y ms; ratio Z
# and the same for the processor time each had used by then, which other work on the machine disturbs less;
# Mailbench's first session ready (its first tab connected to the practice server, the greeting read and drawn:
# when a user can type), from the same runs; and the classes each had loaded before its first frame (one more run
# each with -Xlog:class+load and the ahead-of-time cache off), a figure the machine's load cannot change.
set -euo pipefail
target=$1
runs=${2:-5}
images=$target/jpackage
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -n "${DISPLAY:-}" ]]; then run=(); elif command -v xvfb-run >/dev/null; then run=(xvfb-run -a -s "-screen 0 1280x800x24"); else
    echo "start-up: not measured (no display and no xvfb-run; apt-get install xvfb libgtk-3-0)"
    exit 0
fi
[[ -x "$images/hello-world/bin/hello-world" ]] || { echo "start-up: no hello-world at $images/hello-world" >&2; exit 1; }

# "WALL CPU [READY_WALL READY_CPU]": the milliseconds a program's probe printed (to the first frame, and of
# processor time; with MODE ready, then the same to its first session ready), or nothing
first_frame() {
    MAILBENCH_STARTUP_PROBE=${2:-1} XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/xdg" timeout 60 \
        ${run[@]+"${run[@]}"} "$1" 2>/dev/null \
        | sed -n 's/^\(first window shown\|first session ready\) \([0-9]*\) ms after process start (\([0-9]*\) ms of processor time)$/\2 \3/p' \
        | tr '\n' ' ' || true
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$runs"); do
    read -r m mc r rc <<<"$(first_frame "$images/mailbench/bin/mailbench" ready)" || true
    read -r h hc <<<"$(first_frame "$images/hello-world/bin/hello-world")" || true
    echo "start-up run $i: Mailbench ${m:-no window (is libgtk-3-0 installed?)} ms (processor ${mc:-?} ms)," \
         "first session ready ${r:-never} ms (processor ${rc:-?} ms), hello-world ${h:-no window} ms (processor ${hc:-?} ms)"
    [[ -n "$m" ]] && { echo "$m" >> "$work/mailbench"; echo "$mc" >> "$work/mailbench-cpu"; }
    [[ -n "${r:-}" ]] && { echo "$r" >> "$work/ready"; echo "$rc" >> "$work/ready-cpu"; }
    [[ -n "$h" ]] && { echo "$h" >> "$work/hello"; echo "$hc" >> "$work/hello-cpu"; }
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
side_by_side() {
    local m h
    m=$(median < "$work/$2" 2>/dev/null || true)
    h=$(median < "$work/$3" 2>/dev/null || true)
    if [[ -n "$m" && -n "$h" ]]; then
        echo "$1: median $m ms; hello-world: median $h ms; ratio $(awk -v m="$m" -v h="$h" 'BEGIN { printf "%.2f", m / h }')"
    else
        echo "$1: median ${m:-none} ms; hello-world: median ${h:-none} ms"
    fi
}
side_by_side "Mailbench first frame" mailbench hello
side_by_side "Mailbench processor time to the first frame" mailbench-cpu hello-cpu
echo "Mailbench first session ready: median $(median < "$work/ready" 2>/dev/null || true) ms (processor time" \
     "$(median < "$work/ready-cpu" 2>/dev/null || true) ms)"

# the lines the JVM logs for each class loaded, on standard output before the probe's line; with the
# ahead-of-time cache off (JDK 25 loads all of a cache's classes at once, whatever the start needs; JDK 17
# ignores the option), so that the count is the start's own work
classes_before_first_frame() {
    JAVA_TOOL_OPTIONS="-XX:+IgnoreUnrecognizedVMOptions -XX:AOTMode=off -Xlog:class+load=info:stdout" MAILBENCH_STARTUP_PROBE=1 \
        XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/xdg" timeout 60 ${run[@]+"${run[@]}"} "$1" 2>/dev/null \
        | awk '/^first window shown / { print n; found = 1; exit } / source: / { n++ } END { if (!found) print "" }' || true
}
m=$(classes_before_first_frame "$images/mailbench/bin/mailbench")
h=$(classes_before_first_frame "$images/hello-world/bin/hello-world")
echo "Classes loaded before the first frame: Mailbench ${m:-?}; hello-world: ${h:-?}"
