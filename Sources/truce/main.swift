import TruceKit

AllocatorArenas.limitToOnePerProcessor()
StandardStreams.ignoreBrokenPipeSignal()
let parsed = CommandLineParser.parseOrExit(root: TruceCommand.spec)
let code: ExitCode
switch parsed.path.first {
case "at": code = AtCommand.run(parsed)
case "areas": code = AreasCommand.run(parsed)
case "init": code = InitCommand.run(parsed)
case "append": code = AppendCommand.run(parsed)
case "verify": code = VerifyCommand.run(parsed)
case "index": code = IndexCommand.run(parsed)
case "generate": code = GenerateCommand.run(parsed)
case "replay": code = ReplayCommand.run(parsed)
case "timeline": code = TimelineCommand.run(parsed)
case "log": code = LogCommand.run(parsed)
case "show": code = ShowCommand.run(parsed)
case "disputes": code = DisputesCommand.run(parsed)
case "check": code = ScenarioCommands.check(parsed)
case "diff": code = ScenarioCommands.diff(parsed)
default: code = .failure
}
StandardStreams.exit(code)
