import Foundation
import Testing
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport

/// The demo's open campaigns (SQLite, or PostgreSQL when DATABASE_URL is set) on a small demo city:
/// grade 1 and K1 in 黄浦区, the K1 applicants the younger siblings of the K1 pupils, the demo
/// guardian's younger children left to register, and both draws running on kindergartens and schools.
@Suite("Demo campaigns")
struct CampaignDemoLoaderTests {
    @Test func gradeOneAndKindergartenCampaignsOpenAndDraw() async throws {
        try await TestDatabase.withStore { store in
            let city = try DemoCity(scale: 0.002, randomSeed: 7)
            _ = try await DemoLoader.load(city, into: store.registry) { _, _ in }
            let registry = store.registry
            // Closures stay out of #require and #expect here: with this one inside #require, the
            // `kindergartens` filter below returned this school (apparently a miscompile of closures
            // in macro arguments; Swift 6.3.1).
            let publicPrimary = city.schools.first { $0.districtCode == "310101" && $0.stages == [.primary] && $0.ownership == .public }
            let school = try #require(publicPrimary)
            let pupil = try #require(try await registry.students(schoolID: school.id, page: PageQuery(page: 1, perPage: 1, maxPerPage: 1_000)).items.first)
            let guardian = try #require(try await registry.guardians(ofStudent: pupil.id).first)
            let today = CaseDate.today()
            let summary = try await CampaignDemoLoader.load(into: registry, districtCode: "310101", siblingFor: guardian.id, randomSeed: 7, today: today)
            let year = DemoCity.currentYear + 1
            #expect(summary.campaigns.map(\.campaign.id) == ["demo-\(year)-g1-310101", "demo-\(year)-k1-310101"])
            let campaigns = CampaignStore(store.database)
            let k1 = try #require(summary.campaigns.last?.campaign)
            #expect(k1.grade == .k1 && k1.acceptsApplications(on: today))

            // One younger sibling per K1 family of the district, born in the K1 span, at home, sharing the guardians.
            let kindergartens = city.schools.filter { $0.districtCode == "310101" && $0.stages == [.kindergarten] }
            var k1Pupils: [StudentRecord] = []
            for kindergarten in kindergartens {
                k1Pupils += try await registry.students(schoolID: kindergarten.id, page: PageQuery(page: 1, perPage: 1_000, maxPerPage: 1_000)).items.filter { $0.grade == "K1" }
            }
            let applications = try await campaigns.applications(campaignID: k1.id)
            #expect(!k1Pupils.isEmpty && applications.count == k1Pupils.count && summary.campaigns.last?.applications == k1Pupils.count)
            let span = try #require(Campaign.birthSpan(grade: .k1, year: k1.year))
            for application in applications {
                let child = try #require(try await registry.student(id: application.studentId))
                #expect(child.schoolId == nil && CaseDate(child.birthDate).map(span.contains) == true)
                #expect(try await registry.guardians(ofStudent: child.id).isEmpty == false)
            }

            // The demo guardian's two younger children are eligible and not registered.
            let family = try await registry.children(ofGuardian: guardian.id)
            for (campaign, _) in summary.campaigns {
                let eligible = family.filter { child in
                    (try? campaign.checkEligible(birthDate: CaseDate(child.birthDate)!, currentGrade: nil)) != nil && child.schoolId == nil
                }
                #expect(eligible.count == 1, "\(campaign.id)")
                for child in eligible { #expect(try await campaigns.application(campaignID: campaign.id, studentID: child.id) == nil) }
            }

            // Both draw with the demo secret; K1 places children only in kindergartens, the catchment ones in their zone's.
            let zones = Dictionary(uniqueKeysWithValues: try await campaigns.zones(for: k1).map { ($0.id, $0) })
            for (campaign, _) in summary.campaigns {
                _ = try await campaigns.freeze(campaign.id)
                try await campaigns.draw(campaign.id, beaconValue: "beacon", notarySecret: summary.notarySecret)
            }
            let zoneOf = Dictionary(uniqueKeysWithValues: applications.map { ($0.applicantId, $0.zoneId) })
            let kindergartenIDs = Set(kindergartens.map(\.id))
            for result in try await campaigns.results(campaignID: k1.id) {
                if let placed = result.schoolId { #expect(kindergartenIDs.contains(placed)) }
                let catchment = zoneOf[result.applicantId].flatMap { zones[$0]?.kindergartenSchoolID }
                if result.route == "catchment" { #expect(result.schoolId == catchment) }
            }
        }
    }
}
