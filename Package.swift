// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Truce",
  products: [
    .library(name: "TruceKit", targets: ["TruceKit"]),
    .executable(name: "truce", targets: ["truce"]),
  ],
  targets: [
    .target(name: "TruceKit"),
    .executableTarget(name: "truce", dependencies: ["TruceKit"]),
    .testTarget(name: "TruceKitTests", dependencies: ["TruceKit"]),
    .testTarget(name: "TruceCLITests", dependencies: ["TruceKit", "truce"]),
  ],
  swiftLanguageModes: [.v6]
)
