/// Who may do what with a school-entry campaign. A district campaign belongs to its district's
/// bureau; a city-wide one to the city, and each district bureau reads its own district's part of
/// it. Schools and families never see a campaign as staff do: a school reads its own admitted list
/// once the results are published, a family its own child's result.
public enum CampaignAccess {
    /// City admins see every campaign; district admins their district's and (their part of) city-wide ones.
    public static func canSee(_ scope: AccessScope, _ campaign: Campaign) -> Bool {
        switch scope.role {
        case .cityAdmin: return true
        case .districtAdmin: return campaign.districtCode == nil || campaign.districtCode == scope.districtCode
        case .schoolAdmin, .teacher, .guardian: return false
        }
    }

    /// Each level runs only its own campaigns: the steps, the seats, the dates.
    public static func canManage(_ scope: AccessScope, _ campaign: Campaign) -> Bool {
        switch scope.role {
        case .cityAdmin: return campaign.districtCode == nil
        case .districtAdmin: return campaign.districtCode != nil && campaign.districtCode == scope.districtCode
        case .schoolAdmin, .teacher, .guardian: return false
        }
    }

    /// The district a viewer reads the campaign through: a district admin sees only their own
    /// district's schools, applications and results of a city-wide campaign; nil: all of it.
    public static func narrowedDistrict(_ scope: AccessScope, _ campaign: Campaign) -> String? {
        scope.role == .districtAdmin && campaign.districtCode == nil ? scope.districtCode : nil
    }

    /// The district of a campaign this viewer creates (nil: city-wide), or nil when they may not create one.
    public static func creatableScope(_ scope: AccessScope) -> (district: String?, allowed: Bool) {
        switch scope.role {
        case .cityAdmin: return (nil, true)
        case .districtAdmin: return (scope.districtCode, scope.districtCode != nil)
        case .schoolAdmin, .teacher, .guardian: return (nil, false)
        }
    }

    /// One school's admitted children (masked): once drawn, the campaign's staff for schools in
    /// their scope; once published, also the school's own staff. The school must be in the
    /// campaign's district (any district for a city-wide campaign).
    public static func canExportAdmittedList(_ scope: AccessScope, _ campaign: Campaign, schoolID: String, schoolDistrict: String) -> Bool {
        guard campaign.status == .drawn || campaign.status == .published else { return false }
        guard campaign.districtCode == nil || campaign.districtCode == schoolDistrict,
              scope.canSeeSchool(id: schoolID, districtCode: schoolDistrict) else { return false }
        return canSee(scope, campaign) || campaign.status == .published
    }
}
