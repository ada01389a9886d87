#!/usr/bin/env bash
# Runs every test suite: swift test, then the checks in real tools (validator, browsers).
# Each suite prints its own results; the last line sums them all up for CI:
#   tests: N passed, M failed
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .build
swift="${SWIFT:-swift}"
python=.build/test-venv/bin/python
total_passed=0
total_failed=0
status=0

# The search tests compare search.js with Swift in node; in CI they must run, not skip.
DECUONG_REQUIRE_NODE=1 "$swift" test 2>&1 | tee .build/swift-test.log
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
# Swift Testing's closing line: "✔ Test run with 115 tests in 21 suites passed …" or
# "✘ Test run with 115 tests in 21 suites failed … with N issues".
run_line=$(grep -E '^. Test run with [0-9]+ tests? ' .build/swift-test.log | tail -n 1)
swift_total=$(sed -E 's/^. Test run with ([0-9]+) tests?.*/\1/' <<<"$run_line")
swift_failed=$(grep -cE '^✘ Test [^r].* failed after' .build/swift-test.log)
[ -n "$swift_total" ] || { swift_total=0; status=1; }
total_passed=$((total_passed + swift_total - swift_failed))
total_failed=$((total_failed + swift_failed))

built=1
"$swift" build --product decuong >/dev/null 2>&1 || { built=0; status=1; }
for suite in Tests/site-quality/check_site.py Tests/browser/test_search.py Tests/browser/test_live_reload.py; do
  [ -f "$suite" ] || continue
  if [ "$built" -eq 0 ]; then
    echo "✘ $suite: not run, decuong did not build"
    total_failed=$((total_failed + 1))
    continue
  fi
  "$python" "$suite" .build/debug/decuong . 2>&1 | tee .build/suite.log
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' .build/suite.log | tail -n 1)
  if [ -n "$line" ]; then
    total_passed=$((total_passed + $(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")))
    total_failed=$((total_failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")))
  else
    total_failed=$((total_failed + 1))
    status=1
  fi
done

# The fuzz target replays every kept input (corpus and past crashers); then, when the
# libFuzzer build works here, fuzzes for FUZZ_SECONDS (60 by default, 0 to skip).
if [ "$built" -eq 1 ] && "$swift" build --product decuong-fuzz >/dev/null 2>&1 \
   && .build/debug/decuong-fuzz Fuzz/corpus Fuzz/crashers; then
  echo "✔ fuzz replay"
  total_passed=$((total_passed + 1))
else
  echo "✘ fuzz replay: an input of Fuzz/corpus or Fuzz/crashers crashed decuong (or it did not build)"
  total_failed=$((total_failed + 1))
  status=1
fi
fuzz_seconds="${FUZZ_SECONDS:-60}"
if [ "$fuzz_seconds" -gt 0 ]; then
  if bash scripts/build-fuzzer.sh >.build/fuzz-build.log 2>&1; then
    work=$(mktemp -d)
    if .build-fuzz/debug/decuong-fuzz "$work" Fuzz/corpus -max_len=16384 -max_total_time="$fuzz_seconds" \
         -artifact_prefix=.build/fuzz- -print_final_stats=1 >.build/fuzz.log 2>&1; then
      echo "✔ libFuzzer: $(grep -E '^stat::number_of_executed_units' .build/fuzz.log | awk '{print $2}') runs in ${fuzz_seconds}s, no crash"
      total_passed=$((total_passed + 1))
    else
      echo "✘ libFuzzer found a crash; the input is in .build/fuzz-*; see .build/fuzz.log"
      tail -n 40 .build/fuzz.log
      total_failed=$((total_failed + 1))
      status=1
    fi
    rm -rf "$work"
  else
    echo "✘ the libFuzzer build failed; see .build/fuzz-build.log"
    tail -n 20 .build/fuzz-build.log
    total_failed=$((total_failed + 1))
    status=1
  fi
fi

echo "tests: $total_passed passed, $total_failed failed"
exit $status
