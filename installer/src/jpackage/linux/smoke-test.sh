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
echo "smoke test passed"
