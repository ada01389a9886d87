# decuong: the two commands of the README, plus helpers.
#   make site   build the release binary and the site from content/ into site/
#   make test   run every test
SHELL := /bin/bash
SWIFT ?= swift
DEBIAN_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev pkg-config

.PHONY: site test deps release clean

# Installs the Debian packages the build needs, once, when they are missing.
deps:
	@if ! pkg-config --exists libcmark-gfm 2>/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then \
	  echo "decuong: installing Debian packages: $(DEBIAN_PACKAGES)"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else \
	    echo "decuong: need root or sudo to run: apt-get install -y $(DEBIAN_PACKAGES)" >&2; exit 1; fi; \
	  ( $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEBIAN_PACKAGES) ) \
	    || { echo "decuong: could not install $(DEBIAN_PACKAGES) (no network or no apt?). Install them by hand and run make again." >&2; exit 1; }; \
	fi

release: deps
	$(SWIFT) build -c release --product decuong

site: release
	.build/release/decuong build --root . --output site

# Runs every test; the last line sums them up ("tests: N passed, N failed") for CI.
test: deps
	@mkdir -p .build
	@set -o pipefail; $(SWIFT) test 2>&1 | tee .build/test.log; status=$$?; \
	  passed=$$(grep -cE '^✔ Test .*(passed|with [0-9]+ test cases passed)' .build/test.log); \
	  failed=$$(grep -cE '^✘ Test .* failed' .build/test.log); \
	  echo "tests: $$passed passed, $$failed failed"; exit $$status

clean:
	rm -rf .build site
