// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "decuong",
    products: [
        .executable(name: "decuong", targets: ["decuong"]),
        .library(name: "DecuongMarkdown", targets: ["DecuongMarkdown"]),
        .library(name: "DecuongCore", targets: ["DecuongCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // The only target that sees the C library; everything else imports DecuongMarkdown.
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // A hint to the processor that a table slot will be read soon (one static inline
        // function; no library).
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),
        // Byte scans of UTF-8 text sixteen bytes at a time (SSE2; static inline, no library).
        .systemLibrary(name: "CTextScan", path: "Sources/CTextScan"),
        .target(name: "DecuongCore", dependencies: ["CTextScan"]),
        .target(name: "DecuongMarkdown", dependencies: ["DecuongCore", "CCmarkGFM"]),
        // Loading: files, front matter, site.yml.
        .target(name: "DecuongContent", dependencies: ["DecuongCore", .product(name: "Yams", package: "Yams")]),
        // The recognizer: Markdown tree → StructuredDocument.
        .target(name: "DecuongStructure", dependencies: ["DecuongCore", "DecuongMarkdown", "DecuongContent"]),
        // Site model, rendering with the Mustache theme, output sinks, the build driver.
        .target(
            name: "DecuongSite",
            dependencies: [
                "DecuongCore", "DecuongMarkdown", "DecuongContent", "DecuongStructure", "CPrefetch",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Offline bundles: deterministic zips, manifests, Ed25519 signatures, verification.
        .target(
            name: "DecuongBundle",
            dependencies: [
                "DecuongCore", "DecuongMarkdown", "DecuongSite",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The preview server: in-memory builds, file watching, live reload.
        .target(
            name: "DecuongPreview",
            dependencies: [
                "DecuongCore", "DecuongMarkdown", "DecuongSite",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // Stage timings on one file (make bench); not part of the product.
        .executableTarget(
            name: "decuong-bench",
            dependencies: ["DecuongCore", "DecuongMarkdown", "DecuongContent", "DecuongStructure", "DecuongSite"],
            path: "Benchmarks/DecuongBench",
            // The allocator `decuong` has, so that the stages' time and memory are the build's.
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        // The fuzz target (Fuzz/README.md): libFuzzer with -D FUZZING, a corpus replayer without.
        .executableTarget(
            name: "decuong-fuzz",
            dependencies: ["DecuongCore", "DecuongMarkdown", "DecuongContent", "DecuongStructure"],
            path: "Fuzz/DecuongFuzz",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
        .executableTarget(
            name: "decuong",
            dependencies: [
                "DecuongCore",
                "DecuongMarkdown",
                "DecuongContent",
                "DecuongStructure",
                "DecuongSite",
                "DecuongBundle",
                "DecuongPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc in place of glibc's malloc: a build makes and frees millions of small
            // objects; at 10,000 documents it is 6 % faster and holds 35 MiB less (BENCHMARKS.md).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(name: "DecuongCoreTests", dependencies: ["DecuongCore"]),
        .testTarget(name: "DecuongContentTests", dependencies: ["DecuongContent", "DecuongCore"]),
        .testTarget(
            name: "DecuongStructureTests",
            dependencies: ["DecuongStructure", "DecuongContent", "DecuongMarkdown", "DecuongCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DecuongMarkdownTests",
            dependencies: ["DecuongMarkdown", "DecuongCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DecuongSiteTests",
            dependencies: ["DecuongSite", "DecuongStructure", "DecuongContent", "DecuongMarkdown", "DecuongCore"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "DecuongBundleTests", dependencies: ["DecuongBundle", "DecuongSite", "DecuongCore"]),
        .testTarget(name: "DecuongPreviewTests", dependencies: ["DecuongPreview", "DecuongSite", "DecuongCore"]),
    ],
    swiftLanguageModes: [.v6]
)
