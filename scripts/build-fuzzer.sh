#!/usr/bin/env bash
# Builds the libFuzzer variant of decuong-fuzz into .build-fuzz. SwiftPM gives every
# executable its own entry point, so instead of -sanitize=fuzzer (which brings libFuzzer's
# main) we instrument with AddressSanitizer and libFuzzer's coverage, link the driver
# library without its main, and call LLVMFuzzerRunDriver from our own (Fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
swift="${SWIFT:-swift}"
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v "$swift")")")")
fuzzlib=$(ls "$toolchain"/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -n 1)
if [ -z "$fuzzlib" ]; then
  echo "decuong: libFuzzer (libclang_rt.fuzzer_no_main) is not in this Swift toolchain" >&2
  exit 1
fi
"$swift" build --scratch-path .build-fuzz --product decuong-fuzz \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
  -Xswiftc -DFUZZING -Xlinker "$fuzzlib" -Xlinker -lstdc++
