/// A guardian's page: their children, what to register now, school-entry results and aid.
public enum FamilyPage {
    public struct Model: Sendable, Hashable {
        public var children: [Child]
        /// Campaigns open now for which a child is eligible and not yet registered.
        public var registrations: [Registration]
        public var entryResults: [EntryResult]
        public var aidNotices: [AidNotice]
        /// Visits to the children and their schools' family-education activities.
        public var familyEducation: FamilyEducationSection

        public init(children: [Child], registrations: [Registration] = [], entryResults: [EntryResult] = [], aidNotices: [AidNotice] = [],
                    familyEducation: FamilyEducationSection = FamilyEducationSection()) {
            self.familyEducation = familyEducation
            self.children = children
            self.registrations = registrations
            self.entryResults = entryResults
            self.aidNotices = aidNotices
        }
    }

    public struct Child: Sendable, Hashable {
        public var name: String
        /// The child's record page.
        public var href: String
        /// The ID number as Core masks it.
        public var maskedID: String
        /// The age from `Format.age`, never the birth date (the masked digits are the birth date).
        public var age: Phrase?
        public var school: SchoolLink?
        public var grade: Phrase?

        public init(name: String, href: String, maskedID: String, age: Phrase?, school: SchoolLink?, grade: Phrase?) {
            self.name = name; self.href = href; self.maskedID = maskedID; self.age = age; self.school = school; self.grade = grade
        }
    }

    public struct SchoolLink: Sendable, Hashable {
        public var name: String
        public var href: String
        public init(name: String, href: String) { self.name = name; self.href = href }
    }

    public struct Registration: Sendable, Hashable {
        public var childName: String
        public var campaign: Phrase
        /// The application form for this child and campaign.
        public var applyHref: String
        /// The last day, yyyy-MM-dd.
        public var closesOn: String

        public init(childName: String, campaign: Phrase, applyHref: String, closesOn: String) {
            self.childName = childName; self.campaign = campaign; self.applyHref = applyHref; self.closesOn = closesOn
        }
    }

    public struct EntryResult: Sendable, Hashable {
        public var childName: String
        public var campaign: Phrase
        /// The campaign id, for its public verification page.
        public var campaignID: String
        public var applicantID: String
        /// The one-sentence reason for the placement (Core's `PlacementReason`).
        public var reason: Phrase

        public init(childName: String, campaign: Phrase, campaignID: String, applicantID: String, reason: Phrase) {
            self.childName = childName; self.campaign = campaign; self.campaignID = campaignID
            self.applicantID = applicantID; self.reason = reason
        }

        /// The public page from which anyone can download the draw's inputs and re-run it.
        public var verificationHref: String { "/public/enrollment/\(PageAddress.encode(campaignID))" }
    }

    public struct AidNotice: Sendable, Hashable {
        public var grantID: String
        public var childName: String
        public var policy: Phrase
        /// Whole yuan.
        public var amount: Int
        /// The first calendar year of the school year (2026 for 2026–27).
        public var schoolYear: Int
        public var declined: Bool

        public init(grantID: String, childName: String, policy: Phrase, amount: Int, schoolYear: Int, declined: Bool) {
            self.grantID = grantID; self.childName = childName; self.policy = policy; self.amount = amount
            self.schoolYear = schoolYear; self.declined = declined
        }

        /// Where the decline form posts.
        public var declineAction: String { "/aid/grants/\(PageAddress.encode(grantID))/decline" }
    }
}
