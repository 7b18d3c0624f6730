import ArgumentParser
public struct YoujiaoCommand: AsyncParsableCommand {
    public init() {}
    public func run() async throws {}
}
