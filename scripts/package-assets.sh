#!/usr/bin/env bash
# Builds the release binary and writes what a package installs besides it:
# the manual pages (gzipped, one per command) and the completion scripts, into
# target/assets. Then `cargo deb --no-build` packs them (see README, "Packaging").
set -euo pipefail
cd "$(dirname "$0")/.."

"${CARGO:-cargo}" build --release --locked
bin=target/release/ccvet
out=target/assets
rm -rf "$out"
mkdir -p "$out/man" "$out/completions"

"$bin" man --dir "$out/man" >/dev/null
gzip -9n "$out"/man/*.1

"$bin" completions bash >"$out/completions/ccvet"
"$bin" completions zsh >"$out/completions/_ccvet"
"$bin" completions fish >"$out/completions/ccvet.fish"
"$bin" completions powershell >"$out/completions/ccvet.ps1"
"$bin" completions elvish >"$out/completions/ccvet.elv"

echo "assets in $out:"
find "$out" -type f | sort
