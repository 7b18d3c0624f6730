import Foundation
import YoujiaoCore

enum PlanningBenchmark {
    static func run(arguments: [String]) throws {}
}
