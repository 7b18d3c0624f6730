enum EnrollmentBenchmark { static func run(arguments: [String]) throws {} }
