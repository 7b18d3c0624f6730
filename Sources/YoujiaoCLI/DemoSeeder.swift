import Foundation
import YoujiaoCore
import YoujiaoStore
import YoujiaoWeb

/// Seeds the demo city and creates one account per role with a random password, printed once.
enum DemoSeeder {
    /// Small enough to load in well under a minute here, large enough that every district has
    /// every stage (DemoCity guarantees one school of each stage per district at any scale).
    static let defaultScale = 0.02

    static func seed(_ runtime: YoujiaoRuntime, scale: Double, randomSeed: UInt64) async throws {
        let started = Date()
        print("Building the demo city (scale \(scale), random seed \(randomSeed)) …")
        let city = try DemoCity(scale: scale, randomSeed: randomSeed)
        let summary = try await DemoLoader.load(city, into: runtime.registry) { fraction, summary in
            print(String(format: "  %3.0f%%  %d pupils, %d guardians, %d teachers", fraction * 100, summary.students, summary.guardians, summary.teachers))
        }
        print(String(format: "Loaded %d districts, %d schools, %d zones, %d pupils, %d guardians, %d teachers in %.1f s.",
                     summary.districts, summary.schools, summary.zones, summary.students, summary.guardians, summary.teachers,
                     Date().timeIntervalSince(started)))
        var stepStarted = Date()
        /// Seconds since the last step ended, for the line that reports the step.
        func took() -> String {
            defer { stepStarted = Date() }
            return String(format: " (%.1f s)", Date().timeIntervalSince(stepStarted))
        }
        let parent = try await createAccounts(runtime, city: city)
        let campaigns = try await CampaignDemoLoader.load(into: runtime.registry, districtCode: city.districts[0].code, siblingFor: parent,
                                                          randomSeed: randomSeed, today: .today())
        for (campaign, applications) in campaigns.campaigns { print("Opened the demo campaign \(campaign.id) with \(applications) applications." + took()) }
        print("DEMO NOTARY SECRET=\(campaigns.notarySecret)")
        let zhongkao = try await ZhongkaoDemoLoader.load(into: runtime.registry, notarySecret: campaigns.notarySecret, familyOf: parent,
                                                         randomSeed: randomSeed, today: .today())
        print("Opened the demo 中考 admission \(zhongkao.campaign.id) with \(zhongkao.candidates) candidates." + took())
        if let school = zhongkao.quotaSchoolID, let record = try await runtime.registry.school(id: school) {
            try await createAccount(runtime, role: .schoolAdmin, username: "highschool", name: "\(record.name)管理员",
                                    districtCode: record.districtCode, schoolID: school, guardianID: nil)
        }
        print("Loaded \(try await SpecialEducationDemoLoader.load(into: runtime.registry.database, seed: randomSeed, today: .today())) special-education case files (一人一案)." + took())
        let (appointments, qualifications, training, rotations) = try await TeacherHistoryDemoLoader.load(into: runtime.registry, seed: randomSeed, today: .today())
        print("Loaded teachers' careers: \(appointments) appointments, \(qualifications) titles and key levels, \(training) training records, \(rotations) rotations." + took())
        // The demo district's own round, and the richest district's, where the plan has choices to make.
        var rotationDistricts = [city.districts[0].code]
        if let busiest = try await RotationRoundDemoLoader.busiestDistrict(runtime.registry), busiest != rotationDistricts[0] { rotationDistricts.append(busiest) }
        for code in rotationDistricts {
            let rotation = try await RotationRoundDemoLoader.load(into: runtime.registry, districtCode: code, today: .today())
            print("Opened the demo rotation round \(rotation.round.id) with \(rotation.needs) needs." + took())
        }
        let fees = try await KindergartenFeeDemoLoader.load(into: runtime.registry.database, seed: randomSeed)
        print("Published \(fees.items) kindergarten fee items and filed \(fees.complaints) demo fee complaints." + took())
        if let kindergarten = try await KindergartenFeeStore(runtime.registry.database).kindergartens(districtCode: city.districts[0].code)
            .first(where: { $0.school.ownership == .public }) {
            try await createAccount(runtime, role: .schoolAdmin, username: "kindergarten", name: "\(kindergarten.school.name)管理员",
                                    districtCode: kindergarten.school.districtCode, schoolID: kindergarten.school.id, guardianID: nil)
        }
        print("Loaded \(try await GrowthRecordDemoLoader.load(into: runtime.registry, seed: randomSeed, today: .today())) growth records (综合素质评价)." + took())
        let family = try await HomeVisitDemoLoader.load(into: runtime.registry, reportYear: DemoCity.currentYear, seed: randomSeed, today: .today())
        print("Loaded \(family.visits) home visits and \(family.activities) family-education activities." + took())
        try await AidDemoSeeder.seed(runtime, city: city)
        print(String(format: "Seeded the demo city in %.1f s.", Date().timeIntervalSince(started)))
    }

    /// Returns the demo guardian's id.
    private static func createAccounts(_ runtime: YoujiaoRuntime, city: DemoCity) async throws -> String? {
        let district = city.districts[0]
        guard let school = city.schools.first(where: { $0.districtCode == district.code && $0.stages.contains(.primary) && $0.ownership == .public }),
              let pupil = try await runtime.registry.students(schoolID: school.id, page: PageQuery(page: 1, perPage: 1)).items.first,
              let guardian = try await runtime.registry.guardians(ofStudent: pupil.id).first else {
            printError("the demo city has no public primary school with pupils in \(district.name); no demo accounts created")
            return nil
        }
        let accounts: [(Role, String, String, String?, String?, String?)] = [
            (.cityAdmin, "city", "市教委管理员", nil, nil, nil),
            (.districtAdmin, "district", "\(district.name)教育局管理员", district.code, nil, nil),
            (.schoolAdmin, "school", "\(school.name)管理员", district.code, school.id, nil),
            (.guardian, "parent", "\(guardian.name)（家长）", nil, nil, guardian.id),
        ]
        print("Demo accounts (random passwords, shown only now):")
        for (role, username, name, districtCode, schoolID, guardianID) in accounts {
            try await createAccount(runtime, role: role, username: username, name: name, districtCode: districtCode, schoolID: schoolID, guardianID: guardianID)
        }
        // A teacher of the demo school, to read their own record.
        if let teacher = try await runtime.registry.teachers(schoolID: school.id).first {
            let password = Passwords.random()
            try await runtime.accounts.create(UserRecord(username: "teacher", passwordHash: try Passwords.hash(password), role: .teacher,
                                                         displayName: teacher.name, districtCode: district.code, schoolId: school.id, teacherId: teacher.id))
            print("  DEMO ACCOUNT role=\(Role.teacher.rawValue) username=teacher password=\(password)")
        }
        return guardian.id
    }

    private static func createAccount(_ runtime: YoujiaoRuntime, role: Role, username: String, name: String, districtCode: String?,
                                      schoolID: String?, guardianID: String?) async throws {
        let password = Passwords.random()
        try await runtime.accounts.create(UserRecord(username: username, passwordHash: try Passwords.hash(password), role: role,
                                                     displayName: name, districtCode: districtCode, schoolId: schoolID, guardianId: guardianID))
        print("  DEMO ACCOUNT role=\(role.rawValue) username=\(username) password=\(password)")
    }
}
