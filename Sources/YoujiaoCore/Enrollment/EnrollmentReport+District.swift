import Foundation

extension EnrollmentReport {
    /// What a reviewer reads of a draw: the whole campaign, or one district's part of a city-wide one
    /// (a district admin sees their own district only).
    public struct Part: Sendable, Equatable {
        /// Children of the part per route.
        public var routes: RouteCounts
        public var coordinatedPlaced: Int
        public var totalDistanceM: Int
        /// Least total distance for the same placed children on the same free seats (rule 6).
        public var optimalTotalDistanceM: Int
        public var schools: [SchoolSummary]
    }

    /// The whole draw when `district` is nil; otherwise its applicants' routes and the coordinated
    /// distances of that district (coordination never crosses a district), and its schools.
    public func part(district: String?) -> Part {
        guard let district else {
            return Part(routes: routes, coordinatedPlaced: coordinated.placed, totalDistanceM: coordinated.totalDistanceM,
                        optimalTotalDistanceM: coordinated.optimalTotalDistanceM, schools: schools)
        }
        let summary = districts.first { $0.district == district }
        return Part(routes: summary?.routes ?? RouteCounts(), coordinatedPlaced: summary?.routes.coordinated ?? 0,
                    totalDistanceM: summary?.totalDistanceM ?? 0, optimalTotalDistanceM: summary?.optimalTotalDistanceM ?? 0,
                    schools: schools.filter { $0.district == district })
    }
}

extension EnrollmentReport.RouteCounts {
    /// The count of one route.
    public subscript(route: EnrollmentRoute) -> Int {
        switch route {
        case .private: return `private`
        case .catchment: return catchment
        case .coordinated: return coordinated
        case .unplaced: return unplaced
        }
    }
}
