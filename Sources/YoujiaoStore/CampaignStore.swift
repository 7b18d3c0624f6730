import Crypto
import FluentKit
import Foundation
import SQLKit
import YoujiaoCore

/// A campaign row (dates and enums as strings).
struct CampaignRecord: Codable, Sendable {
    var id: String
    var year: Int
    var grade: String
    var districtCode: String?
    var opensOn: String
    var closesOn: String
    var status: String
    var listHash: String?
    var beaconRound: String
    var beaconSource: String?
    var beaconRoundNumber: Int64?
    var frozenAt: String?
    var beaconValue: String?
    var notaryCommitment: String
    var notarySecret: String?
    var seed: String?

    init(_ c: Campaign) {
        id = c.id; year = c.year; grade = c.grade.rawValue; districtCode = c.districtCode
        opensOn = c.opensOn.description; closesOn = c.closesOn.description; status = c.status.rawValue
        listHash = c.listHash; beaconRound = c.beaconRound; beaconValue = c.beaconValue
        beaconSource = c.beaconSourceID; beaconRoundNumber = c.beaconRoundNumber; frozenAt = c.frozenAt.map { Timestamp.string($0) }
        notaryCommitment = c.notaryCommitment; notarySecret = c.notarySecret; seed = c.seed
    }

    var campaign: Campaign {
        Campaign(id: id, year: year, grade: Grade(rawValue: grade) ?? .g1, districtCode: districtCode,
                 opensOn: CaseDate(opensOn) ?? CaseDate(year: year, month: 1, day: 1),
                 closesOn: CaseDate(closesOn) ?? CaseDate(year: year, month: 1, day: 1),
                 status: CampaignStatus(rawValue: status) ?? .draft, listHash: listHash, beaconRound: beaconRound,
                 beaconSourceID: beaconSource, beaconRoundNumber: beaconRoundNumber, frozenAt: frozenAt.flatMap(Timestamp.date),
                 beaconValue: beaconValue, notaryCommitment: notaryCommitment, notarySecret: notarySecret, seed: seed)
    }
}

/// One family's application as stored.
public struct ApplicationRecord: Codable, Sendable, Hashable {
    public var id: String
    public var campaignId: String
    public var studentId: String
    @Sealed public var studentNationalId: String
    public var guardianId: String?
    /// Pseudonymous: published with the inputs, the lottery number derives from it.
    public var applicantId: String
    public var districtCode: String
    public var zoneId: String
    public var lat: Double
    public var lon: Double
    public var track: String
    public var choices: String
    public var tier: Int
    public var years: Int
    public var updatedAt: String

    public var choice: ApplicationChoice {
        ApplicationChoice(track: EnrollmentTrack(rawValue: track) ?? .public, choices: choices.split(separator: ";").map(String.init),
                          tier: tier, yearsAtAddress: years, zone: zoneId)
    }

    /// The engine's view: no name, no ID number.
    public var applicant: Applicant {
        Applicant(id: applicantId, districtCode: districtCode, zone: zoneId, latitude: lat, longitude: lon,
                  track: choice.track, choices: choice.choices, tier: tier, yearsAtAddress: years)
    }
}

public struct ApplicationChangeRecord: Codable, Sendable, Hashable {
    public var id: String
    public var applicationId: String
    public var at: String
    public var actorId: String?
    public var actorName: String
    public var action: String
    public var detail: String

    /// What a change stores: the application's choices after it, as `key=value` pairs.
    static func detail(of choice: ApplicationChoice) -> String {
        "track=\(choice.track.rawValue) choices=\(choice.choices.joined(separator: ";")) tier=\(choice.tier) years=\(choice.yearsAtAddress) zone=\(choice.zone)"
    }

    /// The application's choices as this change left them; nil for a detail the app did not write.
    public var choice: ApplicationChoice? {
        var values: [String: String] = [:]
        for pair in detail.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        guard let track = values["track"].flatMap(EnrollmentTrack.init(rawValue:)), let tier = values["tier"].flatMap({ Int($0) }),
              let years = values["years"].flatMap({ Int($0) }), let zone = values["zone"] else { return nil }
        let choices = (values["choices"] ?? "").split(separator: ";").map(String.init)
        return ApplicationChoice(track: track, choices: choices, tier: tier, yearsAtAddress: years, zone: zone)
    }
}

/// One placement of the draw as stored.
public struct ResultRecord: Codable, Sendable, Hashable {
    public var campaignId: String
    public var applicantId: String
    public var schoolId: String?
    public var route: String
    public var choiceRank: Int?
    public var distanceM: Int?
    public var lottery: String

    init(campaignID: String, _ p: Placement) {
        campaignId = campaignID; applicantId = p.applicantID; schoolId = p.schoolID; route = p.route.rawValue
        choiceRank = p.choiceRank; distanceM = p.distanceMetres; lottery = Lottery.hex(p.lottery)
    }

    public var placement: Placement {
        Placement(applicantID: applicantId, schoolID: schoolId, route: EnrollmentRoute(rawValue: route) ?? .unplaced,
                  choiceRank: choiceRank, distanceMetres: distanceM, lottery: UInt64(lottery, radix: 16) ?? 0)
    }
}

/// One logged edit of a school's seats in a campaign.
/// One change to a campaign's dates or beacon round (`campaign_changes`).
public struct ScheduleChangeRecord: Codable, Sendable, Hashable {
    public var id: String
    public var campaignId: String
    public var at: String
    public var actorId: String?
    public var actorName: String
    /// A `CampaignSchedule.Field` raw value.
    public var field: String
    public var oldValue: String
    public var newValue: String
    /// Empty for a change made before registration opened.
    public var reason: String
}

public struct SeatChangeRecord: Codable, Sendable, Hashable {
    public var id: String
    public var campaignId: String
    public var schoolId: String
    public var at: String
    public var actorId: String?
    public var actorName: String
    public var oldSeats: Int
    public var newSeats: Int
}

/// A placement with the applicant's district, for reads scoped to a district.
public struct DistrictResultRecord: Codable, Sendable, Hashable {
    public var applicantId: String
    public var districtCode: String
    public var schoolId: String?
    public var route: String
    public var choiceRank: Int?
    public var distanceM: Int?
    public var lottery: String
}

/// Who made a change, for the application change log.
public struct ApplicationActor: Sendable {
    public var id: String?
    public var name: String
    public init(id: String?, name: String) { self.id = id; self.name = name }
}

/// Campaigns, applications and draws. Every multi-row write (freeze, draw, publish) is one transaction.
/// The zones and schools of a campaign's application form (`CampaignStore.formChoices`).
public struct CampaignFormChoices: Sendable {
    public var zones: [CatchmentZone]
    public var schools: [EnrollmentSchool]
    public var schoolNames: [String: String]
    /// The name of the campaign's district (nil: a city-wide campaign, or a code the registry lacks).
    public var districtName: String?
}

public struct CampaignStore: DatabaseStore {
    public let database: any Database
    public init(_ database: any Database) { self.database = database }

    /// The published file names, as `youjiao enroll` expects them.
    /// The inputs (published at freezing), and what the draw produced (results.csv published with the
    /// results; report.json kept for the review and public pages, which never recompute the draw).
    public enum File: String, Sendable, CaseIterable {
        case schools = "schools.csv", applicants = "applicants.csv", results = "results.csv", report = "report.json"
        public static let inputs: [File] = [.schools, .applicants]
    }

    // MARK: Campaigns

    /// Stores a new campaign with the registry's entry seats of every school of its scope and stage.
    public func create(_ campaign: Campaign) async throws {
        try await transaction { tx in
            try await tx.sql.insert(into: "campaigns").model(CampaignRecord(campaign), with: Self.encoder).run()
            try await tx.sql.insertBatched(into: "campaign_seats", try await tx.registrySeats(for: campaign).map {
                SeatRow(campaignId: campaign.id, schoolId: $0.key, seats: $0.value)
            })
        }
    }

    public func campaigns() async throws -> [Campaign] {
        try await sql.all("SELECT * FROM campaigns ORDER BY year DESC, grade, district_code, id", as: CampaignRecord.self).map(\.campaign)
    }

    public func campaign(id: String) async throws -> Campaign? {
        try await sql.all("SELECT * FROM campaigns WHERE id = \(bind: id)", as: CampaignRecord.self).first?.campaign
    }

    /// Moves a campaign one step (draft → open, drawn → published); freeze and draw have their own writes.
    public func advance(_ id: String, to status: CampaignStatus) async throws {
        try await transaction { tx in
            // Two managers pressing the same step: the second waits here, then finds the step taken and is refused.
            try await tx.lock(id)
            guard let campaign = try await tx.campaign(id: id) else { throw CampaignProblem("campaign", zh: "没有这次招生。", en: "no such campaign") }
            try campaign.checkStep(to: status)
            try await tx.sql.update("campaigns").set("status", to: status.rawValue).where("id", .equal, id).run()
        }
    }

    /// A `campaign_seats` row.
    private struct SeatRow: Codable, Sendable { var campaignId: String; var schoolId: String; var seats: Int }

    /// Seats per school, editable while the campaign is a draft or open.
    public func seats(campaignID: String) async throws -> [String: Int] {
        struct Row: Decodable { var schoolId: String; var seats: Int }
        let rows = try await sql.all("SELECT school_id, seats FROM campaign_seats WHERE campaign_id = \(bind: campaignID)", as: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.schoolId, $0.seats) })
    }

    /// The registry's entry seats of the campaign's schools: what the campaign started from.
    public func registrySeats(for campaign: Campaign) async throws -> [String: Int] {
        Dictionary(uniqueKeysWithValues: try await registrySchools(for: campaign).compactMap { school in
            school.entrySeats[campaign.grade].map { (school.id, $0) }
        })
    }

    /// Applies a seats form (`CampaignSeats.changes`) to a draft or open campaign and logs each
    /// change; one transaction, so a refused field stores nothing. Returns the changes made.
    @discardableResult
    public func updateSeats(campaignID: String, form: [String: String], actor: ApplicationActor, at: Date = Date()) async throws -> [CampaignSeatChange] {
        try await transaction { tx in
            try await tx.lock(campaignID)
            guard let campaign = try await tx.campaign(id: campaignID) else { throw CampaignProblem("campaign", zh: "没有这次招生。", en: "no such campaign") }
            guard campaign.acceptsSeatChanges else {
                throw CampaignProblem("status", zh: "名单已冻结，学位不能再修改。", en: "the list is frozen; seats can no longer change")
            }
            let changes = try CampaignSeats.changes(schools: try await tx.enrollmentSchools(for: campaign), form: form)
            try await tx.sql.insertBatched(into: "campaign_seats", changes.map { SeatRow(campaignId: campaignID, schoolId: $0.schoolID, seats: $0.new) },
                                           upsertOn: ["campaign_id", "school_id"])
            try await tx.sql.insertBatched(into: "campaign_seat_changes", changes.map {
                SeatChangeRecord(id: UUID().uuidString.lowercased(), campaignId: campaignID, schoolId: $0.schoolID, at: Timestamp.string(at),
                                 actorId: actor.id, actorName: actor.name, oldSeats: $0.old, newSeats: $0.new)
            })
            return changes
        }
    }

    /// Changes the campaign's window or beacon round (until it is frozen), logged for families.
    public func updateSchedule(campaignID: String, request: CampaignSchedule.Request, reason: String, actor: ApplicationActor,
                               at: Date = Date()) async throws -> [CampaignSchedule.Change] {
        try await transaction { tx in
            try await tx.lock(campaignID)
            guard let campaign = try await tx.campaign(id: campaignID) else { throw CampaignProblem("campaign", zh: "没有这次招生。", en: "no such campaign") }
            let (updated, changes, reason) = try CampaignSchedule.apply(request, to: campaign, reason: reason, now: at)
            guard !changes.isEmpty else { return [] }
            try await tx.sql.update("campaigns").set("opens_on", to: updated.opensOn.description).set("closes_on", to: updated.closesOn.description)
                .set("beacon_source", to: updated.beaconSourceID).set("beacon_round_number", to: updated.beaconRoundNumber)
                .set("beacon_round", to: updated.beaconRound).where("id", .equal, campaignID).run()
            try await tx.sql.insertBatched(into: "campaign_changes", changes.map {
                ScheduleChangeRecord(id: UUID().uuidString.lowercased(), campaignId: campaignID, at: Timestamp.string(at), actorId: actor.id,
                                     actorName: actor.name, field: $0.field.rawValue, oldValue: $0.old, newValue: $0.new, reason: reason)
            })
            return changes
        }
    }

    /// The changes to a campaign's dates and round, oldest first.
    public func scheduleChanges(campaignID: String) async throws -> [ScheduleChangeRecord] {
        try await sql.all("SELECT * FROM campaign_changes WHERE campaign_id = \(bind: campaignID) ORDER BY at, id", as: ScheduleChangeRecord.self)
    }

    /// The seat edits of a campaign, oldest first.
    public func seatChanges(campaignID: String) async throws -> [SeatChangeRecord] {
        try await sql.all("SELECT * FROM campaign_seat_changes WHERE campaign_id = \(bind: campaignID) ORDER BY at, id", as: SeatChangeRecord.self)
    }

    /// Takes the campaign row's lock until the transaction ends, so that seat edits, applications
    /// and freezing wait for each other (PostgreSQL row lock; SQLite's write lock): the frozen
    /// files hold the seats the edit log shows and every application that was accepted.
    func lock(_ campaignID: String) async throws {
        try await takeLock(.campaign, "UPDATE campaigns SET status = status WHERE id = \(bind: campaignID)")
    }

    /// The lock an application takes: on PostgreSQL a share lock on the campaign row, which lets
    /// applications run side by side but waits for (and holds off) freezing and seat edits, plus
    /// a lock of this child's application alone, so that two submissions for one child take turns.
    /// SQLite has one writer at a time, so the campaign's write lock serves both. Returns the
    /// campaign's status as the lock found it (nil: no such campaign), read by the same statement.
    func lockForApplication(_ campaignID: String, studentID: String) async throws -> CampaignStatus? {
        struct Row: Decodable { var status: String }
        let rows: [any SQLRow]
        if sql.dialect.name == "sqlite" {
            rows = try await takeLock(.campaign, "UPDATE campaigns SET status = status WHERE id = \(bind: campaignID) RETURNING status")
        } else {
            rows = try await takeLock(.campaign, "SELECT status FROM campaigns WHERE id = \(bind: campaignID) FOR SHARE")
            // Two keys (a fixed number for applications, a hash of the pair): apart from the one-key locks of the audit chain and exports.
            try await takeLock(.application, "SELECT pg_advisory_xact_lock(744713, hashtext(\(bind: campaignID + "/" + studentID)))")
        }
        return try rows.first.flatMap { CampaignStatus(rawValue: try $0.decode(model: Row.self).status) }
    }

    /// The registry's schools of the campaign's scope that teach its stage.
    func registrySchools(for campaign: Campaign) async throws -> [School] {
        let registry = RegistryStore(database)
        let page = try await registry.schools(SchoolFilter(districtCode: campaign.districtCode, stage: campaign.stage), page: .everything)
        return page.items
    }

    /// The zones of the campaign's scope that a public school of its stage serves (the engine
    /// refuses an applicant of any other zone, e.g. one without a kindergarten yet).
    public func zones(for campaign: Campaign) async throws -> [CatchmentZone] {
        let zones = if let district = campaign.districtCode { try await RegistryStore(database).zones(districtCode: district) }
            else { try await sql.all("SELECT * FROM zones ORDER BY id", as: ZoneRecord.self).map(\.zone) }
        return zones.filter { $0.servingSchoolID(for: campaign.grade) != nil }
    }

    /// What a campaign's application form offers: the zones of its scope, its schools, the name
    /// of every school a zone or a choice may name, and its district's name. Kept per data version: a family's status page
    /// shows them on every view (a fifth of its cost was decoding the district's schools and zones),
    /// and they change only with the registry, the zones or the campaign's seats.
    public func formChoices(for campaign: Campaign) async throws -> CampaignFormChoices {
        let key = "enrollment.formChoices.\(campaign.id).\(campaign.grade.rawValue).\(campaign.districtCode ?? "city")"
        return try await ComputedFigures.shared.value(key, reading: [.registry, .enrollmentSetup], on: database) { database in
            let store = CampaignStore(database)
            let zones = try await store.zones(for: campaign)
            let schools = try await store.enrollmentSchools(for: campaign, zones: zones)
            var names = Dictionary(schools.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            for zone in zones {
                if let id = zone.servingSchoolID(for: campaign.grade), names[id] == nil { names[id] = try await RegistryStore(database).school(id: id)?.name }
            }
            var districtName: String?
            if let code = campaign.districtCode { districtName = try await RegistryStore(database).district(code: code)?.name }
            return CampaignFormChoices(zones: zones, schools: schools, schoolNames: names, districtName: districtName)
        }
    }

    /// One zone, if it is among `zones(for:)`.
    public func zone(_ id: String, of campaign: Campaign) async throws -> CatchmentZone? {
        guard let zone = try await RegistryStore(database).zone(id: id),
              campaign.districtCode.map({ $0 == zone.districtCode }) ?? true,
              zone.servingSchoolID(for: campaign.grade) != nil else { return nil }
        return zone
    }

    /// The schools as the engine sees them: the campaign's seats, and for a public school the zones it serves at this stage.
    public func enrollmentSchools(for campaign: Campaign) async throws -> [EnrollmentSchool] {
        try await enrollmentSchools(for: campaign, zones: try await zones(for: campaign))
    }

    /// The same, given the campaign's `zones(for:)` already read.
    public func enrollmentSchools(for campaign: Campaign, zones: [CatchmentZone]) async throws -> [EnrollmentSchool] {
        let seats = try await seats(campaignID: campaign.id)
        var served: [String: [String]] = [:]
        for zone in zones {
            if let school = zone.servingSchoolID(for: campaign.grade) { served[school, default: []].append(zone.id) }
        }
        return try await registrySchools(for: campaign).compactMap { school in
            guard let capacity = seats[school.id] else { return nil }
            return EnrollmentSchool(id: school.id, name: school.name, districtCode: school.districtCode, ownership: school.ownership,
                                    boarding: school.boarding, capacity: capacity, latitude: school.latitude, longitude: school.longitude,
                                    zones: school.ownership == .public ? served[school.id] ?? [] : [])
        }
    }

    // MARK: Applications

    public func application(campaignID: String, studentID: String) async throws -> ApplicationRecord? {
        try await sql.all("SELECT * FROM applications WHERE campaign_id = \(bind: campaignID) AND student_id = \(bind: studentID)",
                          as: ApplicationRecord.self).first
    }

    public func applications(campaignID: String) async throws -> [ApplicationRecord] {
        try await sql.all("SELECT * FROM applications WHERE campaign_id = \(bind: campaignID) ORDER BY applicant_id", as: ApplicationRecord.self)
    }

    public func changes(applicationID: String) async throws -> [ApplicationChangeRecord] {
        try await sql.all("SELECT * FROM application_changes WHERE application_id = \(bind: applicationID) ORDER BY at, id",
                          as: ApplicationChangeRecord.self)
    }

    /// Which application a submission means to change.
    public enum Editing: Sendable, Equatable {
        /// A new application: the child must not have one yet.
        case none
        /// This application, as the form showed it.
        case application(String)
        /// Whatever the child has (the demo's loader and imports).
        case any
    }

    /// Registers or changes a child's application and logs the change, in one transaction.
    /// The caller has checked the child, the window and the choice (`Campaign`, `ApplicationChoice`);
    /// a campaign that is no longer open (frozen meanwhile) refuses it, and so does a child whose
    /// application is not the one `editing` names (two guardians registering the child at once:
    /// the first is stored, the second told so).
    @discardableResult
    public func saveApplication(campaignID: String, student: StudentRecord, guardianID: String?, choice: ApplicationChoice,
                                zone: CatchmentZone, actor: ApplicationActor, editing: Editing = .any,
                                applicantID: String = CampaignStore.newApplicantID(), at: Date = Date()) async throws -> ApplicationRecord {
        try await transaction { tx in
            // Registration and freezing wait for each other: an application is in the frozen list or refused.
            guard try await tx.lockForApplication(campaignID, studentID: student.id) == .open else {
                throw CampaignProblem("status", zh: "本次招生不在报名期内，不能报名或修改。", en: "registration is closed for this campaign")
            }
            let existing = try await tx.application(campaignID: campaignID, studentID: student.id)
            // A resubmission of the same choices (a double click, a retry after a time-out) changes nothing and logs nothing.
            if let existing, existing.choice == choice, existing.zoneId == zone.id { return existing }
            if let existing, editing != .any, editing != .application(existing.id) {
                throw CampaignProblem("student", zh: "该儿童已报名本次招生，请修改原报名。", en: "the child has already applied; edit that application")
            }
            let record = ApplicationRecord(
                id: existing?.id ?? UUID().uuidString.lowercased(), campaignId: campaignID, studentId: student.id,
                studentNationalId: student.nationalId, guardianId: existing?.guardianId ?? guardianID,
                applicantId: existing?.applicantId ?? applicantID, districtCode: zone.districtCode, zoneId: zone.id,
                lat: zone.latitude, lon: zone.longitude, track: choice.track.rawValue, choices: choice.choices.joined(separator: ";"),
                tier: choice.tier, years: choice.yearsAtAddress, updatedAt: Timestamp.string(at))
            if existing != nil {
                try await tx.sql.update("applications").set(model: record, with: Self.encoder).where("id", .equal, record.id).run()
            } else {
                try await tx.sql.insert(into: "applications").model(record, with: Self.encoder).run()
            }
            let detail = ApplicationChangeRecord.detail(of: record.choice)
            try await tx.sql.insert(into: "application_changes").model(
                ApplicationChangeRecord(id: UUID().uuidString.lowercased(), applicationId: record.id, at: Timestamp.string(at),
                                        actorId: actor.id, actorName: actor.name, action: existing == nil ? "create" : "update", detail: detail),
                with: Self.encoder).run()
            return record
        }
    }

    /// A random pseudonymous applicant id (it reveals nothing about the child).
    public static func newApplicantID() -> String {
        "A" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).uppercased()
    }

    // MARK: Freeze, draw, publish

    /// Closes registration, snapshots schools.csv and applicants.csv (the canonical list), and
    /// records the list's SHA-256; returns it.
    public func freeze(_ id: String, at now: Date = Date()) async throws -> String {
        try await transaction { tx in
            try await tx.lock(id)
            guard let campaign = try await tx.campaign(id: id) else { throw CampaignProblem("campaign", zh: "没有这次招生。", en: "no such campaign") }
            try campaign.checkStep(to: .frozen)
            try campaign.checkRoundStillAhead(now: now)
            let applicants = try await tx.applications(campaignID: id).map(\.applicant)
            let list = EnrollmentCSV.canonicalApplicantList(applicants)
            let hash = Hex.lowercase(SHA256.hash(data: Array(list.utf8)))
            let schools = EnrollmentCSV.schoolsDocument(try await tx.enrollmentSchools(for: campaign))
            struct FileRow: Codable, Sendable { var campaignId: String; var name: String; var content: String }
            try await tx.sql.insertBatched(into: "campaign_files", [FileRow(campaignId: id, name: File.schools.rawValue, content: schools),
                                                                    FileRow(campaignId: id, name: File.applicants.rawValue, content: list)])
            try await tx.sql.update("campaigns").set("status", to: CampaignStatus.frozen.rawValue).set("list_hash", to: hash)
                .set("frozen_at", to: Timestamp.string(now)).where("id", .equal, id).run()
            return hash
        }
    }

    public func file(_ file: File, campaignID: String) async throws -> String? {
        struct Row: Decodable { var content: String }
        return try await sql.all("SELECT content FROM campaign_files WHERE campaign_id = \(bind: campaignID) AND name = \(bind: file.rawValue)",
                                 as: Row.self).first?.content
    }

    /// Runs the engine on the frozen files with the seed from the beacon value and the notary's
    /// secret, and stores every placement; one transaction.
    @discardableResult
    public func draw(_ id: String, beaconValue: String, notarySecret: String,
                     settings: EnrollmentSettings = EnrollmentSettings()) async throws -> EnrollmentReport {
        try await transaction { tx in
            // One draw: a second one waits for the first to commit, then finds the campaign drawn and is refused.
            try await tx.lock(id)
            guard let campaign = try await tx.campaign(id: id) else { throw CampaignProblem("campaign", zh: "没有这次招生。", en: "no such campaign") }
            try campaign.checkStep(to: .drawn)
            let seed = try campaign.seed(beaconValue: beaconValue, notarySecret: notarySecret)
            let output = try await tx.compute(campaignID: id, seed: seed, settings: settings)
            try await tx.sql.insertBatched(into: "campaign_results", output.outcome.placements.map { ResultRecord(campaignID: id, $0) })
            struct FileRow: Codable, Sendable { var campaignId: String; var name: String; var content: String }
            try await tx.sql.insertBatched(into: "campaign_files", [
                FileRow(campaignId: id, name: File.results.rawValue,
                        content: String(decoding: EnrollmentCSV.resultsDocument(output.outcome.placements), as: UTF8.self)),
                FileRow(campaignId: id, name: File.report.rawValue, content: String(decoding: try output.report.json(), as: UTF8.self)),
            ])
            try await tx.sql.update("campaigns").set("status", to: CampaignStatus.drawn.rawValue).set("beacon_value", to: beaconValue)
                .set("notary_secret", to: notarySecret).set("seed", to: seed.hex).where("id", .equal, id).run()
            return output.report
        }
    }

    /// The draw's figures as stored when it ran (recomputed from the stored files only for a campaign
    /// drawn before reports were stored).
    public func report(_ campaign: Campaign, settings: EnrollmentSettings = EnrollmentSettings()) async throws -> EnrollmentReport? {
        guard let hex = campaign.seed else { return nil }
        if let json = try await file(.report, campaignID: campaign.id) { return try EnrollmentReport.decode(Data(json.utf8)) }
        return try await compute(campaignID: campaign.id, seed: LotterySeed(hex: hex), settings: settings).report
    }

    private func compute(campaignID: String, seed: LotterySeed, settings: EnrollmentSettings) async throws -> EnrollmentJob.Output {
        guard let schools = try await file(.schools, campaignID: campaignID), let applicants = try await file(.applicants, campaignID: campaignID) else {
            throw CampaignProblem("status", zh: "名单尚未冻结。", en: "the list is not frozen yet")
        }
        return try EnrollmentJob.compute(schoolsCSV: schools, applicantsCSV: applicants, seed: seed, settings: settings)
    }

    public func results(campaignID: String) async throws -> [ResultRecord] {
        try await sql.all("SELECT * FROM campaign_results WHERE campaign_id = \(bind: campaignID) ORDER BY applicant_id", as: ResultRecord.self)
    }

    public func result(campaignID: String, applicantID: String) async throws -> ResultRecord? {
        try await sql.all("SELECT * FROM campaign_results WHERE campaign_id = \(bind: campaignID) AND applicant_id = \(bind: applicantID)",
                          as: ResultRecord.self).first
    }

    /// A page of the placements, in applicant id order; with `district`, only children of that
    /// district or placed at its schools; with `school`, only that school's.
    public func results(campaignID: String, district: String?, school: String?, page: PageQuery) async throws -> Page<DistrictResultRecord> {
        var from: SQLQueryString = """
            FROM campaign_results r JOIN applications a ON a.campaign_id = r.campaign_id AND a.applicant_id = r.applicant_id
            LEFT JOIN schools s ON s.id = r.school_id WHERE r.campaign_id = \(bind: campaignID)
            """
        if let district { from += " AND (a.district_code = \(bind: district) OR s.district_code = \(bind: district))" }
        if let school { from += " AND r.school_id = \(bind: school)" }
        let total = try await sql.raw("SELECT COUNT(*) AS n \(from)").first(decoding: CountRow.self)?.n ?? 0
        let query: SQLQueryString = """
            SELECT r.applicant_id, a.district_code, r.school_id, r.route, r.choice_rank, r.distance_m, r.lottery \(from) ORDER BY r.applicant_id LIMIT \(literal: page.perPage) OFFSET \(literal: page.offset)
            """
        return Page(items: try await sql.all(query, as: DistrictResultRecord.self), total: total, request: page)
    }

    /// The last lottery number each school admitted by lottery (its cut-off).
    public func privateCutoffs(campaignID: String) async throws -> [String: UInt64] {
        struct Row: Decodable { var schoolId: String; var lottery: String }
        let rows = try await sql.all("""
            SELECT school_id, MAX(lottery) AS lottery FROM campaign_results
            WHERE campaign_id = \(bind: campaignID) AND route = 'private' GROUP BY school_id
            """, as: Row.self)
        return Dictionary(uniqueKeysWithValues: rows.compactMap { row in UInt64(row.lottery, radix: 16).map { (row.schoolId, $0) } })
    }

    /// results.csv as `youjiao enroll run` writes it.
    public func resultsDocument(campaignID: String) async throws -> Data {
        if let stored = try await file(.results, campaignID: campaignID) { return Data(stored.utf8) }
        return EnrollmentCSV.resultsDocument(try await results(campaignID: campaignID).map(\.placement))
    }

    static let encoder = SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)

}
