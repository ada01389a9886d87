#!/usr/bin/env bash
# The preview benchmark (`make bench-preview`): a 1,000-document synthetic site, then
#  1. edit latency: file write → `reload` event → new page served, median of 20 edits, and RSS;
#  2. load: wrk, 64 connections, 30 s, on / and on a document page, loopback only, while the
#     benchmark keeps rebuilding (an edit every 0.5 s), with the errors wrk counts.
# Numbers vary with the machine and its load: compare runs made on one machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
decuong="${DECUONG:-$repo/.build/release/decuong}"
docs="${DOCS:-1000}"
work="${WORK:-$(mktemp -d /tmp/decuong-bench-preview.XXXXXX)}"

[ -x "$decuong" ] || { echo "build the release binary first: swift build -c release --product decuong" >&2; exit 1; }
echo "== corpus: $docs documents in $work"
python3 "$repo/Benchmarks/gen_corpus.py" --docs "$docs" --out "$work/corpus" --variants md >/dev/null
rm -rf "$work/site" && mkdir -p "$work/site/content"
cp "$work"/corpus/md/*.md "$work/site/content/"
printf 'title: "Văn bản kế hoạch (thử tải)"\nlanguage: vi\n' > "$work/site/content/site.yml"

echo "== edit latency"
python3 "$here/edit_latency.py" --decuong "$decuong" --root "$work/site" --edits 20

if command -v wrk >/dev/null; then
  echo "== load (wrk -t2 -c64 -d30s) while rebuilding"
  for target in / /doc-00500/; do
    python3 "$here/edit_latency.py" --decuong "$decuong" --root "$work/site" --edits 1 --hold 40 > "$work/hold.log" 2>&1 &
    holder=$!
    for _ in $(seq 1 6000); do grep -q '^PORT ' "$work/hold.log" 2>/dev/null && break; sleep 0.1; done
    port="$(sed -n 's/^PORT //p' "$work/hold.log")"
    [ -n "$port" ] || { cat "$work/hold.log"; exit 1; }
    # An edit every 0.5 s keeps the server rebuilding during the whole run.
    ( doc="$work/site/content/doc-00123.md"; cp "$doc" "$doc.orig"; i=0
      while kill -0 $holder 2>/dev/null; do i=$((i+1)); sed "s/Kế hoạch này được phổ biến/Kế hoạch này ($i) được phổ biến/" "$doc.orig" > "$doc"; sleep 0.5; done
      mv "$doc.orig" "$doc" ) &
    editor=$!
    echo "-- $target"
    wrk -t2 -c64 -d30s --latency "http://127.0.0.1:$port$target" | grep -E "Requests/sec|Non-2xx|Socket errors|requests in|Latency|50%|99%"
    kill -INT $holder 2>/dev/null || true
    wait $holder 2>/dev/null || true
    wait $editor 2>/dev/null || true
  done
else
  echo "wrk is not installed (apt-get install -y wrk); skipping the load test"
fi
echo "== work folder: $work (remove it when done)"
