// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Truce",
  products: [
    .library(name: "TruceKit", targets: ["TruceKit"]),
    .executable(name: "truce", targets: ["truce"]),
    .executable(name: "truce-bench", targets: ["TruceBench"]),
  ],
  targets: [
    .target(name: "TruceKit"),
    .executableTarget(name: "truce", dependencies: ["TruceKit"]),
    .executableTarget(name: "TruceBench", dependencies: ["TruceKit"]),
    .testTarget(name: "TruceKitTests", dependencies: ["TruceKit"]),
    .testTarget(name: "TruceCLITests", dependencies: ["TruceKit", "truce"]),
  ],
  swiftLanguageModes: [.v6]
)
