import Foundation

// A campaign's seats per school: the owner edits them while registration has not been frozen
// (the frozen schools.csv carries them into the draw), and sees them against the applications.

/// One school's seats changed on the seats form.
public struct CampaignSeatChange: Sendable, Hashable, Codable {
    public var schoolID: String
    public var old: Int
    public var new: Int
    public init(schoolID: String, old: Int, new: Int) { self.schoolID = schoolID; self.old = old; self.new = new }
}

/// Seats against applications in one district of a campaign: the gap a district must close.
public struct SeatBalance: Sendable, Hashable, Codable {
    public var districtCode: String
    public var publicSeats = 0
    public var privateSeats = 0
    public var applications = 0
    public var privateTrackApplications = 0
    public init(districtCode: String) { self.districtCode = districtCode }

    public var seats: Int { publicSeats + privateSeats }
    /// Seats left over (positive) or children without a seat (negative) if every seat were filled.
    public var gap: Int { seats - applications }
}

extension Campaign {
    /// Seats may change until the list is frozen: the draw reads them from the frozen schools.csv.
    public var acceptsSeatChanges: Bool { status == .draft || status == .open }
}

public enum CampaignSeats {
    /// More entry seats than any school of the city has (the largest take about 20 classes of 45):
    /// a larger number is a typing error.
    public static let maximum = 2_000

    /// The form field of a school's seats.
    public static func field(_ schoolID: String) -> String { "seats-\(schoolID)" }

    /// The changes a seats form asks for. Every `seats-ID` field must name a school of the campaign
    /// and hold a whole number 0…`maximum`; a school whose field is absent or unchanged keeps its
    /// seats (a number already above the maximum, e.g. from the registry, may stay as it is).
    /// - Parameter schools: the campaign's schools with their current seats (`capacity`).
    public static func changes(schools: [EnrollmentSchool], form: [String: String]) throws(CampaignProblem) -> [CampaignSeatChange] {
        let prefix = field("")
        let known = Set(schools.map(\.id))
        // A field for a school outside the campaign is refused: it would otherwise be silently dropped.
        if let stray = form.keys.filter({ $0.hasPrefix(prefix) && !known.contains(String($0.dropFirst(prefix.count))) }).sorted().first {
            throw CampaignProblem(stray, zh: "学校 \(stray.dropFirst(prefix.count)) 不在本次招生的学校名单中。",
                                  en: "\(stray.dropFirst(prefix.count)) is not a school of this campaign")
        }
        var changes: [CampaignSeatChange] = []
        for school in schools {
            guard let text = form[field(school.id)]?.trimmingCharacters(in: .whitespaces) else { continue }
            let refused = CampaignProblem(field(school.id), zh: "\(school.name)的学位数须为 0–\(maximum) 的整数，收到“\(text)”。",
                                          en: "seats of \(school.name) must be a whole number 0–\(maximum), not “\(text)”")
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let seats = Int(text) else { throw refused }
            guard seats != school.capacity else { continue }
            guard seats <= maximum else { throw refused }
            changes.append(CampaignSeatChange(schoolID: school.id, old: school.capacity, new: seats))
        }
        return changes
    }

    /// Seats and applications per district (a city-wide campaign has several), ordered by district.
    /// - Parameter applications: each application's district and track.
    public static func balance(schools: [EnrollmentSchool], applications: [(district: String, track: EnrollmentTrack)]) -> [SeatBalance] {
        var byDistrict: [String: SeatBalance] = [:]
        for school in schools {
            switch school.ownership {
            case .public: byDistrict[school.districtCode, default: SeatBalance(districtCode: school.districtCode)].publicSeats += school.capacity
            case .private: byDistrict[school.districtCode, default: SeatBalance(districtCode: school.districtCode)].privateSeats += school.capacity
            }
        }
        for application in applications {
            byDistrict[application.district, default: SeatBalance(districtCode: application.district)].applications += 1
            if application.track == .private { byDistrict[application.district]!.privateTrackApplications += 1 }
        }
        return byDistrict.values.sorted { $0.districtCode < $1.districtCode }
    }
}
