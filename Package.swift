// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Vary",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vary", targets: ["vary"]),
        .library(name: "VaryKit", targets: ["VaryKit"]),
        .library(name: "Mustache", targets: ["Mustache"]),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // SHA-256's compression on the processor's SHA instructions, which Swift cannot reach (Emit/SHA256.swift).
        .target(name: "CSHA256"),
        .target(name: "Mustache"),
        .target(name: "DataFormats"),
        .target(name: "Intl"),
        .target(name: "VaryKit", dependencies: ["Mustache", "DataFormats", "Intl", "CLibXML2", "CSHA256"]),
        .executableTarget(name: "vary", dependencies: ["VaryKit"]),
        .executableTarget(name: "mustache-bench", dependencies: ["Mustache"]),
        .executableTarget(name: "vary-bench", dependencies: ["VaryKit", "DataFormats"]),
        .executableTarget(name: "vary-sim", dependencies: ["VaryKit", "Intl"], exclude: ["README.md"]),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache"]),
        .testTarget(name: "DataFormatsTests", dependencies: ["DataFormats"]),
        .testTarget(name: "IntlTests", dependencies: ["Intl"]),
        .testTarget(name: "VaryCLITests", dependencies: ["vary", "vary-bench"]),
        .testTarget(name: "VaryKitTests", dependencies: ["VaryKit", "Mustache", "DataFormats", "Intl"]),
    ]
)
