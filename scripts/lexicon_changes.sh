#!/usr/bin/env bash
# Rebuilds the modified lexicons of fixtures/lexicon-changes/ from lexicons/geopolitics.toml and
# the edits in fixtures/lexicon-changes/edits/*.patch, after an edit of the bundled lexicon, and
# then the patches themselves (so that their context follows the lexicon). Then regenerate the
# seed report and copy it and its geopolitics copy into fixtures/lexicon-changes/baseline/:
#   cargo run --release -- analyze fixtures/seeds -q
#   cp reports/seeds/report.json fixtures/lexicon-changes/baseline/
#   cp reports/seeds/lexicons/02-geopolitics.toml fixtures/lexicon-changes/baseline/lexicons/
# and run `cargo test --release --test it regress`.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=fixtures/lexicon-changes
for p in "$dir"/edits/*.patch; do
  name=$(basename "$p" .patch)
  patch --quiet --forward -o "$dir/$name.toml" lexicons/geopolitics.toml "$p"
  diff -u --label lexicons/geopolitics.toml --label "$name.toml" \
    lexicons/geopolitics.toml "$dir/$name.toml" > "$p" || true
  echo "$dir/$name.toml"
done
