/// The version of Truce, printed by `truce --version`.
public let truceVersion = "0.1.0"
