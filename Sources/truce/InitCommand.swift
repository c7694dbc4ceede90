import TruceKit

/// `truce init`: start a new, empty log.
enum InitCommand {
  static let spec = CommandSpec(
    name: "init", abstract: "Start a new log with its format version and areas.",
    discussion: """
      Each --area is ID=ZONE with optional ,parent=ID ,name=NAME and ,alias=NAME parts, for \
      example: --area syria=Asia/Damascus --area "aleppo=Asia/Damascus,parent=syria,name=Aleppo". \
      Parents come before the areas inside them.
      """,
    options: [
      .option("log", help: "The log file to create (it must not exist).", isRequired: true),
      .option(
        "area", help: "An area: ID=ZONE[,parent=ID][,name=NAME][,alias=NAME]...", isRepeatable: true
      ),
      .option("title", help: "A title for the log."),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let path = parsed.value("log") ?? ""
    let header: JSONObject
    do {
      header = try LogInitializer.header(title: parsed.value("title"), areas: parsed.values("area"))
    } catch {
      return CommandSupport.usage(parsed.validationError(error.description))
    }
    do {
      let head = try LogInitializer.create(path: path, header: header)
      if parsed.flag("json") {
        let object: JSONValue = [
          "schema": "truce.init/1", "log": .string(path), "head": .string(head.hash.hex),
        ]
        StandardStreams.writeOut(object.serialized(pretty: true) + "\n")
      } else {
        StandardStreams.writeOut("Created \(path) (head \(head.hash.hex.prefix(12))…).\n")
      }
      return .success
    } catch {
      return CommandSupport.fail(error.description)
    }
  }
}
