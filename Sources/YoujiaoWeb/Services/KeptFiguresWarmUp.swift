import FluentKit
import Synchronization
import Vapor
import YoujiaoCore
import YoujiaoStore

/// The figures the city's and the districts' monitoring pages keep (ComputedFigures), computed
/// one at a time right after the server starts. On a full city each takes seconds; computed
/// inside the first view of its page, it held up that view and every request of its event loop
/// (a fresh server under the registration-day read load answered at a p95 of 3 s). Meanwhile
/// `/readyz` says not ready, so that a load balancer sends a fresh instance traffic only once its
/// pages are quick.
enum KeptFiguresWarmUp {
    final class Progress: Sendable {
        private let running = Atomic<Bool>(false)
        var isRunning: Bool { running.load(ordering: .relaxed) }
        func set(running value: Bool) { running.store(value, ordering: .relaxed) }
    }

    /// Returns how many figures it computed; stops at the next figure when its task is cancelled.
    static func run(on database: any Database) async throws -> Int {
        let districts = try await RegistryStore(database).districts().map(\.code)
        var figures: [@Sendable () async throws -> Void] = [{ _ = try await RegistryStore(database).stageTotals() }]
        let year = try await SupervisionStore(database).defaultYear()
        for scope in [SupervisionScope.city] + districts.map(SupervisionScope.district) {
            figures.append { _ = try await SupervisionController.results(on: database, year: year, scope: scope) }
        }
        for filter in [CaseFileFilter.all] + districts.map(CaseFileFilter.district) {
            figures.append { _ = try await SpecialEducationStore(database).caseFiles(filter) }
        }
        for code in districts {
            figures.append { _ = try await TeacherHistoryStore(database).districtCareers(districtCode: code) }
        }
        for figure in figures {
            try Task.checkCancellation()
            try await figure()
        }
        return figures.count
    }
}

extension Application {
    /// Made while the routes are registered (`/readyz` reads it), before any request.
    var keptFiguresWarmUp: KeptFiguresWarmUp.Progress {
        if let progress = storage[KeptFiguresWarmUp.ProgressKey.self] { return progress }
        let progress = KeptFiguresWarmUp.Progress()
        storage[KeptFiguresWarmUp.ProgressKey.self] = progress
        return progress
    }
}

extension KeptFiguresWarmUp {
    struct ProgressKey: StorageKey { typealias Value = Progress }
}
