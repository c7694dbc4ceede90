#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the machine and the process offer.
enum System {
  /// The cores this process may use, quotas included, asked once: the processors it may run on
  /// (`Cpus_allowed`, its affinity), fewer when its control group's CPU quota (`cpu.max`, cgroup
  /// v2) allows less. For work that runs long.
  static let activeCores: Int = {
    var cores = onlineProcessors
    if let status = try? FileIO.readAll(path: "/proc/self/status"),
      let allowed = allowedProcessors(status: String(decoding: status, as: UTF8.self)), allowed > 0
    {
      cores = min(cores, allowed)
    }
    if let limit = try? FileIO.readAll(path: "/sys/fs/cgroup/cpu.max"),
      let quota = quotaProcessors(cpuMax: String(decoding: limit, as: UTF8.self))
    {
      cores = min(cores, quota)
    }
    return cores
  }()

  /// The processors online, asked of the system at once: for deciding, in a short-lived
  /// process, whether a second thread can help at all.
  static var onlineProcessors: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  /// How many processors `/proc/self/status` allows the process (the bits of its
  /// `Cpus_allowed` mask, hexadecimal in groups of eight digits), if it says.
  static func allowedProcessors(status: String) -> Int? {
    guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") })
    else { return nil }
    return line.dropFirst("Cpus_allowed:".count).reduce(0) { count, character in
      count + (character.hexDigitValue?.nonzeroBitCount ?? 0)
    }
  }

  /// The whole processors (rounded up, at least one) a cgroup v2 `cpu.max` ("quota period")
  /// allows; `nil` when it sets no quota ("max").
  static func quotaProcessors(cpuMax: String) -> Int? {
    let fields = cpuMax.split(whereSeparator: \.isWhitespace)
    guard fields.count >= 2, let quota = Int(fields[0]), let period = Int(fields[1]), period > 0
    else { return nil }
    return max(1, (quota + period - 1) / period)
  }

  /// The value of an environment variable, if it is set.
  static func environmentValue(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  /// The working directory, if it can be read.
  static var currentDirectory: String? {
    guard let path = getcwd(nil, 0) else { return nil }
    defer { free(path) }
    return String(cString: path)
  }

  /// The running executable's path, symbolic links resolved (from `/proc/self/exe`).
  static var executablePath: String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else {
      return CommandLine.arguments.first.map(FileIO.resolved)
    }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
