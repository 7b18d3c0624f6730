import YoujiaoCore

/// The same step tried several times at once: how many succeeded, how many were refused with a
/// sentence (`CampaignProblem`), and any other error (which a test expects never to see).
public enum ConcurrentAttempts {
    public static func outcomes(_ times: Int = 8, _ step: @escaping @Sendable () async throws -> Void) async -> (won: Int, refused: Int, other: [String]) {
        await withTaskGroup(of: String.self) { group in
            for _ in 0..<times {
                group.addTask {
                    do { try await step(); return "won" } catch is CampaignProblem { return "refused" } catch { return String(describing: error) }
                }
            }
            var result = (won: 0, refused: 0, other: [String]())
            for await outcome in group {
                switch outcome {
                case "won": result.won += 1
                case "refused": result.refused += 1
                default: result.other.append(outcome)
                }
            }
            return result
        }
    }
}
