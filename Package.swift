// swift-tools-version:6.0
import PackageDescription

/// In release builds, a concrete type's metadata is reached through a direct accessor rather than
/// by demangling the type's name at its first use: a warm `truce at` spent about a twentieth of
/// its time there. Measured in the twenty-fourth step of issue 6 (100 runs each, interleaved):
/// `truce at 2016-11-04` on the bundled log 2.69 → 2.41 ms, a question about one area of a 1M
/// log 8.96 → 8.43 ms; the binary is 41 KB larger.
let releaseSettings: [SwiftSetting] = [
  .unsafeFlags(
    ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
    .when(configuration: .release))
]

let package = Package(
  name: "Truce",
  products: [
    .library(name: "TruceKit", targets: ["TruceKit"]),
    .executable(name: "truce", targets: ["truce"]),
    .executable(name: "truce-bench", targets: ["TruceBench"]),
  ],
  targets: [
    .target(name: "TruceKit", swiftSettings: releaseSettings),
    .executableTarget(name: "truce", dependencies: ["TruceKit"], swiftSettings: releaseSettings),
    .executableTarget(
      name: "TruceBench", dependencies: ["TruceKit"], swiftSettings: releaseSettings),
    .testTarget(name: "TruceKitTests", dependencies: ["TruceKit"]),
    .testTarget(name: "TruceCLITests", dependencies: ["TruceKit", "truce"]),
  ],
  swiftLanguageModes: [.v6]
)
