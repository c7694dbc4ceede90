import Testing
@testable import TruceKit

@Test("The version is set")
func versionIsSet() { #expect(!truceVersion.isEmpty) }
