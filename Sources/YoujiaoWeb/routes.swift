import Fluent
import SQLKit
import Vapor

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
    CampaignAPIController().register(app)
}
