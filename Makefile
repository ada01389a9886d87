# decuong: the two commands of the README, plus helpers.
#   make site   build the release binary and the site from content/ into site/
#   make test   run every test
SHELL := /bin/bash
SWIFT ?= swift
DEBIAN_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev pkg-config

.PHONY: site test deps release clean

# Installs the Debian packages the build needs, once, when they are missing.
deps:
	@bash scripts/apt-install.sh $(DEBIAN_PACKAGES)

release: deps
	$(SWIFT) build -c release --product decuong

site: release
	.build/release/decuong build --root . --output site

# Runs every test: swift test, the Nu validator, axe-core and phone-width checks in
# Chromium; installs what they need. The last line sums them up: "tests: N passed, M failed".
test: deps
	@bash scripts/test-tools.sh
	@bash scripts/run-tests.sh

clean:
	rm -rf .build site
