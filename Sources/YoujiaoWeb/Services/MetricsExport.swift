import Metrics
import Prometheus
import Vapor

/// `/metrics` in Prometheus's text format. Vapor itself counts every request and times it by route
/// pattern (`http_requests_total`, `http_request_duration_seconds`, labelled `/schools/:id`, never
/// with ids); the platform adds sign-ins and enrollment submissions by outcome, the waits for a
/// database connection (`PoolWaitMetrics`) and for the stores' explicit locks (YoujiaoStore's
/// `takeLock`). Nothing personal is labelled, but the route belongs on the operators' network only
/// (docs/operations.md).
enum MetricsExport {
    /// swift-metrics has one backend per process, bootstrapped on first use (every app of a test
    /// process shares it).
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        // Waits are mostly well under the default histogram's first bucket (5 ms); the last one
        // is PostgreSQL's connection timeout (30 s, StoreSetup).
        let waits: [Duration] = [.microseconds(100), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(10),
                                 .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(10), .seconds(30)]
        factory.durationHistogramBuckets = [PoolWaitMetrics.waitLabel: waits, "youjiao_lock_wait_seconds": waits]
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    static func register(_ routes: any RoutesBuilder) {
        // Bootstrapped now, so that the requests before the first scrape are counted too.
        let registry = registry
        routes.get("metrics") { _ -> Response in
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
            headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return Response(status: .ok, headers: headers, body: .init(string: registry.emitToString()))
        }
    }

    /// A sign-in step by its audited outcome (sign-in, password-accepted, sign-in-failed …).
    static func signIn(_ outcome: String) {
        Counter(label: "youjiao_sign_ins_total", dimensions: [("outcome", outcome)]).increment()
    }

    /// An enrollment application form submitted: saved, or refused with a sentence.
    static func submission(saved: Bool) {
        Counter(label: "youjiao_submissions_total", dimensions: [("outcome", saved ? "saved" : "refused")]).increment()
    }
}
