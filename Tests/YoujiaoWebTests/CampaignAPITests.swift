import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// /api/v1/campaigns per role: the caller's campaigns, one campaign, its results (pseudonymous),
/// a guardian's own child's result, the published files; 401, 403, 404 and 400 as JSON errors;
/// and every /api/v1 route described by the OpenAPI document.
extension CampaignWebTests {
    func json(_ response: WebHarness.Response) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(response.body.string.utf8))
    }

    func errorCode(_ response: WebHarness.Response) -> String? {
        (((try? json(response)) as? [String: Any])?["error"] as? [String: Any])?["code"] as? String
    }

    @Test func campaignAPIPerRole() async throws {
        try await Self.with { h, youngA, youngB in
            let parentA = try await signedIn(h, "parent-a"), parentB = try await signedIn(h, "parent-b")
            #expect(try await post(parentA, "/enrollment/open/apply/\(youngA.id)",
                                   application(youngA, ["track": "private", "choice1": Self.privateSchool.id])).status == .seeOther)
            #expect(try await post(parentB, "/enrollment/open/apply/\(youngB.id)", application(youngB)).status == .seeOther)
            #expect(try await h.client().send(.GET, "/metrics").body.string.contains("youjiao_submissions_total{outcome=\"saved\"}"),
                    "submissions are counted for the operators")
            let city = try await signedIn(h, "city"), xuhui = try await signedIn(h, "xuhui"), school = try await signedIn(h, "school")
            // A system client of the district with a bearer token.
            let token = try await h.apiToken("huangpu", scope: .campaignsRead)
            var bearer = HTTPHeaders()
            bearer.bearerAuthorization = BearerAuthorization(token: token)
            let district = h.client()
            func get(_ path: String) async throws -> WebHarness.Response { try await district.send(.GET, path, headers: bearer) }

            // Unauthenticated: 401 everywhere but the published files.
            let anonymous = h.client()
            for path in ["/api/v1/campaigns", "/api/v1/campaigns/open", "/api/v1/campaigns/open/results", "/api/v1/campaigns/open/students/\(youngA.id)/result"] {
                let response = try await anonymous.send(.GET, path)
                #expect(response.status == .unauthorized && errorCode(response) == "unauthorized", "\(path)")
            }
            #expect(try await anonymous.send(.GET, "/api/v1/campaigns/open/files/applicants.csv").status == .notFound, "nothing public before freezing")

            // Lists in the caller's scope.
            func ids(_ response: WebHarness.Response) throws -> [String] { ((try json(response) as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } }
            #expect(try ids(try await get("/api/v1/campaigns")) == ["closed", "open"])
            #expect(try ids(try await city.send(.GET, "/api/v1/campaigns")) == ["closed", "open"])
            #expect(try ids(try await xuhui.send(.GET, "/api/v1/campaigns")).isEmpty, "another district's campaigns are not listed")
            #expect(try ids(try await school.send(.GET, "/api/v1/campaigns")).isEmpty, "a school sees a campaign once published")
            #expect(try ids(try await parentA.send(.GET, "/api/v1/campaigns")) == ["closed", "open"], "families see open campaigns")

            let other = try await xuhui.send(.GET, "/api/v1/campaigns/open")
            #expect(other.status == .forbidden && errorCode(other) == "forbidden")
            #expect(try await xuhui.send(.GET, "/api/v1/campaigns/open/results").status == .forbidden)
            let missing = try await get("/api/v1/campaigns/no-such-campaign")
            #expect(missing.status == .notFound && errorCode(missing) == "not_found")
            #expect(try await get("/api/v1/campaigns/%2E%2E%2Fopen").status == .notFound, "a malformed id is a JSON 404")

            // Run the draw and publish it.
            let manager = try await signedIn(h, "huangpu")
            #expect(try await post(manager, "/enrollment/open/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"]).status == .seeOther)
            #expect(try await post(manager, "/enrollment/open/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": Self.secret]).status == .seeOther)

            let drawn = try #require(try json(try await get("/api/v1/campaigns/open")) as? [String: Any])
            #expect(drawn["status"] as? String == "drawn" && (drawn["seed"] as? String)?.count == 64 && (drawn["listHash"] as? String)?.count == 64)
            let routes = try #require(drawn["routes"] as? [String: Int])
            #expect(routes == ["private": 1, "catchment": 1, "coordinated": 0, "unplaced": 0])
            #expect(drawn["applications"] as? Int == 2 && (drawn["schools"] as? [[String: Any]])?.count == 2)
            let guardianView = try #require(try json(try await parentA.send(.GET, "/api/v1/campaigns/open")) as? [String: Any])
            #expect(guardianView["seed"] == nil && guardianView["routes"] == nil && guardianView["applications"] == nil, "families wait for publication")

            let results = try await get("/api/v1/campaigns/open/results")
            let page = try JSONDecoder().decode(APIController.PageJSON<CampaignAPIController.ResultJSON>.self, from: Data(results.body.string.utf8))
            #expect(page.total == 2 && Set(page.items.map(\.route)) == ["private", "catchment"])
            for text in [youngA.name, youngB.name, youngA.nationalId, youngB.nationalId, NationalID.mask(youngA.nationalId)] {
                #expect(!results.body.string.contains(text), "pseudonymous ids only")
            }
            let onePage = try JSONDecoder().decode(APIController.PageJSON<CampaignAPIController.ResultJSON>.self,
                                                   from: Data(try await get("/api/v1/campaigns/open/results?per_page=1&page=2").body.string.utf8))
            #expect(onePage.items.count == 1 && onePage.total == 2 && onePage.items.first?.applicantId == page.items.last?.applicantId)
            let bySchool = try JSONDecoder().decode(APIController.PageJSON<CampaignAPIController.ResultJSON>.self,
                                                    from: Data(try await get("/api/v1/campaigns/open/results?school=\(Self.privateSchool.id)").body.string.utf8))
            #expect(bySchool.items.map(\.route) == ["private"])
            for (query, field) in [("page=0", "page"), ("per_page=abc", "per_page"), ("per_page=100000", "per_page"), ("school=12", "school")] {
                let bad = try await get("/api/v1/campaigns/open/results?\(query)")
                let error = (try json(bad) as? [String: Any])?["error"] as? [String: Any]
                #expect(bad.status == .badRequest && error?["field"] as? String == field, "\(query)")
            }
            #expect(try await get("/api/v1/campaigns/open/results?school=3101049999").status == .notFound)
            #expect(try await get("/api/v1/campaigns/open/results?school=\(Fixture.xuhuiSchool.id)").status == .forbidden)
            #expect(try await school.send(.GET, "/api/v1/campaigns/open/results").status == .forbidden, "a school waits for publication")
            #expect(try await parentA.send(.GET, "/api/v1/campaigns/open/results").status == .forbidden, "families read only their own child")

            // The guardian's own child.
            let pending = try #require(try json(try await parentA.send(.GET, "/api/v1/campaigns/open/students/\(youngA.id)/result")) as? [String: Any])
            #expect(pending["campaignStatus"] as? String == "drawn" && pending["result"] == nil && pending["applicantId"] is String)
            #expect(try await post(manager, "/enrollment/open/publish", ["confirmed": "yes"]).status == .seeOther)
            let own = try await parentA.send(.GET, "/api/v1/campaigns/open/students/\(youngA.id)/result")
            let result = try #require((try json(own) as? [String: Any])?["result"] as? [String: Any])
            let reason = try #require(result["reason"] as? [String: String])
            #expect(["private", "catchment"].contains(result["route"] as? String) && (result["lottery"] as? String)?.count == 16)
            #expect(reason["zh"]?.contains(result["route"] as? String == "private" ? "电脑派位录取" : "民办未录取，按施教区对口入学") == true
                    && reason["en"]?.isEmpty == false, "the reason sentence in both languages")
            #expect(try await parentA.send(.GET, "/api/v1/campaigns/open/students/\(youngB.id)/result").status == .forbidden, "another family's child")
            #expect(try await parentA.send(.GET, "/api/v1/campaigns/open/students/no-such-child/result").status == .forbidden, "an unknown child: refused like another family's")
            let childA = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))
            #expect(try await parentA.send(.GET, "/api/v1/campaigns/open/students/\(childA.id)/result").status == .notFound, "no application")
            #expect(try await get("/api/v1/campaigns/open/students/\(youngA.id)/result").status == .forbidden, "staff read /results")

            // Published: the school's own placements, the public counts, the files.
            let schoolResults = try JSONDecoder().decode(APIController.PageJSON<CampaignAPIController.ResultJSON>.self,
                                                         from: Data(try await school.send(.GET, "/api/v1/campaigns/open/results").body.string.utf8))
            #expect(schoolResults.total == 1 && schoolResults.items.allSatisfy { $0.schoolId == Fixture.huangpuSchool.id })
            #expect(try await school.send(.GET, "/api/v1/campaigns/open/results?school=\(Self.privateSchool.id)").status == .forbidden)
            let published = try #require(try json(try await parentB.send(.GET, "/api/v1/campaigns/open")) as? [String: Any])
            #expect(published["notarySecret"] as? String == Self.secret && published["routes"] != nil && published["schools"] == nil)
            for file in ["schools.csv", "applicants.csv", "results.csv"] {
                let download = try await anonymous.send(.GET, "/api/v1/campaigns/open/files/\(file)")
                let page = try await anonymous.send(.GET, "/public/enrollment/open/\(file)")
                #expect(download.status == .ok && download.body.string == page.body.string, "\(file) as on the public page")
            }
            let unknown = try await anonymous.send(.GET, "/api/v1/campaigns/open/files/secrets.csv")
            #expect(unknown.status == .notFound && errorCode(unknown) == "not_found")
        }
    }

    @Test func districtAdminReadsTheirPartOfACityCampaignThroughTheAPI() async throws {
        try await Self.with { h, youngA, youngB in
            try await h.registry.upsert(zones: [Self.xuhuiZone])
            let store = CampaignStore(h.app.db)
            var campaign = Self.campaign()
            campaign.id = "city"
            campaign.districtCode = nil
            try await store.create(campaign)
            let guardians = [try await h.registry.guardianIDs(ofStudent: youngA.id).first, try await h.registry.guardianIDs(ofStudent: youngB.id).first]
            for (child, zone, guardian) in [(youngA, Fixture.zoneA, guardians[0]), (youngB, Self.xuhuiZone, guardians[1])] {
                try await store.saveApplication(campaignID: "city", student: child, guardianID: guardian, choice: ApplicationChoice(
                    track: .public, choices: [], tier: 1, yearsAtAddress: 2, zone: zone.id), zone: zone, actor: ApplicationActor(id: nil, name: "test"))
            }
            _ = try await store.freeze("city")
            try await store.draw("city", beaconValue: "beacon", notarySecret: Self.secret)

            let huangpu = try await signedIn(h, "huangpu"), xuhui = try await signedIn(h, "xuhui")
            let part = try #require(try json(try await huangpu.send(.GET, "/api/v1/campaigns/city")) as? [String: Any])
            #expect(part["figuresFor"] as? String == "310101" && part["applications"] as? Int == 1 && part["district"] == nil)
            #expect(part["routes"] as? [String: Int] == ["private": 0, "catchment": 1, "coordinated": 0, "unplaced": 0])
            #expect(((part["schools"] as? [[String: Any]]) ?? []).allSatisfy { $0["district"] as? String == "310101" })
            for (client, district) in [(huangpu, "310101"), (xuhui, "310104")] {
                let page = try JSONDecoder().decode(APIController.PageJSON<CampaignAPIController.ResultJSON>.self,
                                                    from: Data(try await client.send(.GET, "/api/v1/campaigns/city/results").body.string.utf8))
                #expect(page.total == 1 && page.items.first?.district == district, "\(district) reads its own children only")
            }
            let whole = try #require(try json(try await signedIn(h, "city").send(.GET, "/api/v1/campaigns/city")) as? [String: Any])
            #expect(whole["figuresFor"] == nil && whole["applications"] as? Int == 2)
        }
    }

    @Test func everyAPIRouteIsDocumented() async throws {
        try await WebHarness.with { h in
            let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let routes = h.app.routes.all.filter { $0.path.first?.description == "api" && $0.method != .HEAD }
            #expect(routes.count >= 11)
            for route in routes {
                let path = "/" + route.path.map { component in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                #expect(path == "/api/v1/openapi.json" || paths[path]?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is documented")
            }
        }
    }
}
