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
    ],
    targets: [
        // The only target that sees the C library; everything else imports DecuongMarkdown.
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "DecuongCore"),
        .target(name: "DecuongMarkdown", dependencies: ["DecuongCore", "CCmarkGFM"]),
        .executableTarget(
            name: "decuong",
            dependencies: [
                "DecuongCore",
                "DecuongMarkdown",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DecuongCoreTests", dependencies: ["DecuongCore"]),
        .testTarget(
            name: "DecuongMarkdownTests",
            dependencies: ["DecuongMarkdown", "DecuongCore"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
