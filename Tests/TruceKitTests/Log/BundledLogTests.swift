import Foundation
import Testing

@testable import TruceKit

@Suite("Finding the bundled history when no log is named")
struct BundledLogTests {
  static let root = TestLog.repositoryRoot.path
  static let elsewhere = FileManager.default.temporaryDirectory.path

  @Test("TRUCE_LOG comes first, when it is set and not empty")
  func environmentFirst() {
    #expect(
      BundledLog.locate(
        environment: ["TRUCE_LOG": "/some/log.jsonl"], executablePath: "/nowhere/truce",
        currentDirectory: Self.root) == "/some/log.jsonl")
    #expect(
      BundledLog.locate(
        environment: ["TRUCE_LOG": ""], executablePath: "/nowhere/truce",
        currentDirectory: Self.root) == BundledLog.relativePath)
  }

  @Test("The checkout's log is found from its folder, then from above the executable")
  func currentDirectoryThenExecutable() {
    #expect(
      BundledLog.locate(
        environment: [:], executablePath: "/nowhere/truce", currentDirectory: Self.root)
        == BundledLog.relativePath)
    let executable = Self.root + "/.build/release/truce"
    #expect(
      BundledLog.locate(
        environment: [:], executablePath: executable, currentDirectory: Self.elsewhere)
        == Self.root + "/" + BundledLog.relativePath)
    // A relative executable path is taken from the working directory.
    #expect(
      BundledLog.locate(
        environment: [:], executablePath: ".build/release/truce", currentDirectory: Self.root)
        == BundledLog.relativePath)
  }

  @Test("With no candidate, the relative path is given, to fail with a clear error")
  func noCandidate() {
    #expect(
      BundledLog.locate(
        environment: [:], executablePath: "/nowhere/bin/truce", currentDirectory: Self.elsewhere)
        == BundledLog.relativePath)
    #expect(
      BundledLog.locate(environment: [:], executablePath: "truce", currentDirectory: "/")
        == BundledLog.relativePath)
  }
}
