import Fluent
import SQLKit
import Vapor
import YoujiaoStore

func routes(_ app: Application) throws {
    app.get("healthz") { req async throws -> Response in
        // 200 only when the database answers a query.
        guard let sql = req.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
        do {
            try await sql.raw("SELECT 1 AS ok").run()
        } catch {
            throw Abort(.serviceUnavailable, reason: "database not answering")
        }
        return Response(status: .ok, body: .init(string: "ok"))
    }
    // Ready to take traffic: a load balancer sends none to an instance that says otherwise.
    let warmUp = app.keptFiguresWarmUp
    app.get("readyz") { req async throws -> Response in
        var problems = await Readiness.problems(req.db, target: req.application.databaseTarget)
        if warmUp.isRunning { problems.append("the monitoring pages' figures are still being computed after the start") }
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: problems.isEmpty ? .ok : .serviceUnavailable, headers: headers,
                        body: .init(string: problems.isEmpty ? "ready\n" : problems.map { "not ready: \($0)\n" }.joined()))
    }
    AuthController().register(app)
    OIDCController().register(app)
    SecondFactorController().register(app)
    DashboardController().register(app)
    SchoolController().register(app)
    StudentController().register(app)
    AidController().register(app)
    ExportController().register(app)
    APIController().register(app)
    PlanningController().register(app)
    SpecialEducationController().register(app)
    SupervisionController().register(app)
    EnrollmentController().register(app)
    ZhongkaoController().register(app)
    TeacherController().register(app)
    RotationRoundController().register(app)
    KindergartenFeeController().register(app)
    HomeVisitController().register(app)
    MetricsExport.register(app)
    TeacherReviewController().register(app)
    GrowthController().register(app)
    CampaignAPIController().register(app)
}
