import Foundation

extension PlanningHistory {
    /// Demand against seats per district, projected year and stage (the order of `stageDemand`). Seats in a year are the latest
    /// capacity figure of that year or before, plus the scenario's openings and minus its closures
    /// from their years on. Returns no rows when no capacity was given.
    func seatGaps(for projection: Projection, scenario: PlanningScenario, capacitySource: TableSource,
                  standardSchoolSeats: [Stage: Int]) throws -> [SeatGap] {
        guard capacity.contains(where: { !$0.isEmpty }) else { return [] }
        let changes = try seatChanges(of: scenario)
        var gaps: [SeatGap] = []
        gaps.reserveCapacity(districts.count * projection.years * Projection.stages.count)
        var errors: [FieldError] = []
        for (district, code) in districts.enumerated() {
            // One message per district and stage, not one per year.
            var failed = Set<Stage>()
            for year in projection.projectedYears {
                for (stageIndex, stage) in Projection.stages.enumerated() where !failed.contains(stage) {
                    guard let figure = capacity[district][stage]?.last(where: { $0.year <= year }) else {
                        errors.append(FieldError(file: capacitySource.name, field: "year",
                            reason: "district \(code) has no \(stage.rawValue) seats for \(year) or any year before it"))
                        failed.insert(stage)
                        continue
                    }
                    let planned = changes[district][stage] ?? []
                    let seats = figure.seats + planned.filter { $0.year <= year }.reduce(0) { $0 + $1.seats }
                    if seats < 0 {
                        errors.append(FieldError(file: "scenario '\(scenario.name)'", field: "closures",
                            reason: "closures leave district \(code) with \(seats) \(stage.rawValue) seats in \(year)"))
                        failed.insert(stage)
                        continue
                    }
                    let demand = projection.stageTotal(district: district, year: year, stageIndex: stageIndex)
                    let shortfall = demand.projected - Double(seats)
                    let schoolSize = Double(standardSchoolSeats[stage] ?? 1)
                    gaps.append(SeatGap(districtCode: code, year: year, stage: stage, demand: demand.projected,
                                        demandLow: demand.low, demandHigh: demand.high, seats: seats,
                                        schoolsShort: shortfall > 0 ? Int((shortfall / schoolSize).rounded(.up)) : 0))
                }
            }
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
        return gaps
    }

    /// Openings (+seats) and closures (−seats) per district and stage, after checking each one.
    private func seatChanges(of scenario: PlanningScenario) throws -> [[Stage: [(year: Int, seats: Int)]]] {
        var index: [String: Int] = [:]
        for (position, code) in districts.enumerated() { index[code] = position }
        var changes = [[Stage: [(year: Int, seats: Int)]]](repeating: [:], count: districts.count)
        var errors: [FieldError] = []
        let source = "scenario '\(scenario.name)'"
        for (field, list, sign) in [("openings", scenario.openings, 1), ("closures", scenario.closures, -1)] {
            for (position, change) in list.enumerated() {
                let name = "\(field) #\(position + 1)" + (change.label.isEmpty ? "" : " (\(change.label))")
                guard let district = index[change.districtCode] else {
                    errors.append(FieldError(file: source, field: field,
                        reason: "\(name): unknown district '\(change.districtCode)'"))
                    continue
                }
                guard Projection.stages.contains(change.stage) else {
                    errors.append(FieldError(file: source, field: field,
                        reason: "\(name): '\(change.stage.rawValue)' is not a projected stage"))
                    continue
                }
                guard (1...SeatChange.maximumSeats).contains(change.seats) else {
                    errors.append(FieldError(file: source, field: field,
                        reason: "\(name): \(change.seats) seats; give a whole number from 1 to \(SeatChange.maximumSeats)"))
                    continue
                }
                changes[district][change.stage, default: []].append((change.year, sign * change.seats))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors: errors) }
        return changes
    }
}
