import YoujiaoCore

/// One pupil's record, as staff in scope or the child's guardians see it. The ID number is masked
/// unless a staff member pressed "show" (audited); the age stands in for the birth date.
public enum PupilPage {
    public struct Guardian: Sendable, Hashable {
        public var name: String
        public var relation: Phrase
        public init(name: String, relation: Phrase) { self.name = name; self.relation = relation }
    }

    public struct Model: Sendable, Hashable {
        public var name: String
        /// Masked, or the full number after an audited reveal.
        public var idNumber: String
        public var isRevealed: Bool
        /// The reveal button's target, for staff who have not revealed yet.
        public var revealAction: String?
        public var gender: Gender?
        public var age: Phrase?
        public var hukou: Hukou?
        public var school: (name: String, href: String)?
        public var grade: Grade?
        public var classNumber: Int?
        public var zone: Phrase?
        public var guardians: [Guardian]
        /// The pupil's 综合素质评价 report.
        public var growthHref: String?

        public init(name: String, idNumber: String, isRevealed: Bool, revealAction: String?, gender: Gender?, age: Phrase?, hukou: Hukou?,
                    school: (name: String, href: String)?, grade: Grade?, classNumber: Int?, zone: Phrase?, guardians: [Guardian]) {
            self.name = name; self.idNumber = idNumber; self.isRevealed = isRevealed; self.revealAction = revealAction
            self.gender = gender; self.age = age; self.hukou = hukou; self.school = school; self.grade = grade
            self.classNumber = classNumber; self.zone = zone; self.guardians = guardians
        }

        public static func == (a: Model, b: Model) -> Bool {
            a.name == b.name && a.idNumber == b.idNumber && a.isRevealed == b.isRevealed && a.revealAction == b.revealAction
                && a.gender == b.gender && a.age == b.age && a.hukou == b.hukou && a.school?.name == b.school?.name
                && a.school?.href == b.school?.href && a.grade == b.grade && a.classNumber == b.classNumber && a.zone == b.zone
                && a.guardians == b.guardians
        }

        public func hash(into hasher: inout Hasher) { hasher.combine(name); hasher.combine(idNumber); hasher.combine(isRevealed) }
    }

    static func facts(_ model: Model) -> [FactList.Fact] {
        let none = TableModel.Cell.phrase(.common(.notRecorded))
        return [
            .init(.schools(.pupilName), .text(model.name)),
            // Masked or revealed, an ID number is set apart the same way (never translated, kept whole).
            .init(.schools(.idNumber), .maskedID(model.idNumber)),
            .init(.schools(.gender), model.gender.map { .phrase(.gender($0)) } ?? none),
            .init(.schools(.age), model.age.map { .phrase($0) } ?? none),
            .init(.schools(.hukou), model.hukou.map { .phrase(.hukou($0)) } ?? none),
            .init(.schools(.school), model.school.map { .link($0.name, href: $0.href) } ?? none),
            .init(.schools(.grade), model.grade.map { .phrase(.grade($0)) } ?? none),
            .init(.schools(.classNumber), model.classNumber.map { .number($0) } ?? none),
            .init(.schools(.catchmentZone), model.zone.map { .phrase($0) } ?? none),
            .init(.schools(.guardians), model.guardians.isEmpty ? none
                  : .phrase(Phrase.joined(model.guardians.map { .guardianWithRelation($0.name, $0.relation) }))),
        ]
    }
}

extension Phrase {
    public static func guardianWithRelation(_ name: String, _ relation: Phrase) -> Phrase {
        Phrase(zh: "\(name)（\(relation.zh)）", en: "\(name) (\(relation.en))")
    }

    /// Phrases one after another, with the language's list separator.
    public static func joined(_ parts: [Phrase]) -> Phrase {
        Phrase(zh: parts.map(\.zh).joined(separator: "，"), en: parts.map(\.en).joined(separator: ", "))
    }

    /// A guardian's relation to the child, as the registry stores it.
    public static func guardianRelation(_ code: String) -> Phrase {
        switch code {
        case "father": return Phrase(zh: "父亲", en: "father")
        case "mother": return Phrase(zh: "母亲", en: "mother")
        case "grandparent": return Phrase(zh: "祖辈", en: "grandparent")
        default: return Phrase(zh: "其他监护人", en: "other guardian")
        }
    }

    /// A catchment zone, named by the primary school it serves.
    public static func catchmentZone(servedBy schoolName: String?, districtName: String) -> Phrase {
        guard let schoolName else { return Phrase(zh: "\(districtName)施教区", en: "a catchment zone of \(districtName)") }
        return Phrase(zh: "\(schoolName)施教区", en: "catchment zone of \(schoolName)")
    }
}
