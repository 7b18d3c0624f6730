import ArgumentParser

extension YoujiaoCommand {
    /// The file-based engines (enrollment lottery, planning), which need no database.
    static let engineCommands: [any ParsableCommand.Type] = [EnrollCommand.self, ZhongkaoCommand.self, PlanCommand.self]
}
