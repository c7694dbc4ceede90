import Testing

@testable import TruceKit

@Suite("What the process may use: processors allowed and CPU quotas")
struct SystemTests {
  @Test(
    "The allowed processors are the bits of the Cpus_allowed mask",
    arguments: [
      ("Name:\ttruce\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n", 2),
      ("Cpus_allowed:\tff\n", 8), ("Cpus_allowed:\tffffffff,ffffffff\n", 64),
      ("Cpus_allowed:\t00000000,00000001\n", 1),
    ])
  func allowed(status: String, expected: Int) {
    #expect(System.allowedProcessors(status: status) == expected)
  }

  @Test("A status without the mask says nothing")
  func noMask() {
    #expect(System.allowedProcessors(status: "Name:\ttruce\nCpus_allowed_list:\t0-1\n") == nil)
  }

  @Test(
    "A cgroup quota allows its share of a period, rounded up; max is no quota",
    arguments: [
      ("max 100000\n", nil), ("150000 100000\n", 2), ("200000 100000", 2), ("50000 100000\n", 1),
      ("1000 100000\n", 1), ("", nil), ("100000 0\n", nil),
    ] as [(String, Int?)])
  func quota(cpuMax: String, expected: Int?) {
    #expect(System.quotaProcessors(cpuMax: cpuMax) == expected)
  }

  @Test("This process may use at least one core and no more than are online")
  func activeCores() {
    #expect(System.activeCores >= 1)
    #expect(System.activeCores <= System.onlineProcessors)
  }
}
