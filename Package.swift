// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "audit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "audit", targets: ["audit"]),
        .library(name: "AuditKit", targets: ["AuditKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libyaml's C event parser, found through pkg-config.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // SHA-256 compression with the x86-64 SHA extensions; AuditKit falls back to its own
        // Swift compression on CPUs without them.
        .target(name: "CSHA256"),
        .target(
            name: "AuditKit",
            dependencies: ["CYAML", "CSHA256"]
        ),
        .executableTarget(
            name: "audit",
            dependencies: [
                "AuditKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "FuzzChecklist",
            dependencies: ["AuditKit"]
        ),
        .testTarget(
            name: "AuditKitTests",
            dependencies: ["AuditKit"],
            exclude: ["Fixtures", "Goldens"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
