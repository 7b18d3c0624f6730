import YoujiaoCore

/// One school's page: its facts from the registry, its pupils by grade and, for staff who may
/// list them, the way to its pupil list.
public enum SchoolPage {
    public struct Model: Sendable, Hashable {
        public var id: String
        public var name: String
        public var districtCode: String
        public var districtName: String
        /// Whether the viewer may open the district's page; its name is a link only then.
        public var mayOpenDistrict: Bool
        public var stages: [Stage]
        public var ownership: Ownership
        /// 普惠 (public kindergartens always, private ones when flagged); said only of a school
        /// with a kindergarten stage.
        public var isInclusive: Bool
        public var boarding: Bool
        /// Seats offered in each entry grade.
        public var entrySeats: [Grade: Int]
        /// 学区 / 集团 name, empty when none.
        public var schoolGroup: String
        public var pupilsByGrade: [Grade: Int]
        public var teachers: Int
        /// Whether the viewer is staff allowed to list the pupils (Core's `canListPupils`).
        public var mayListPupils: Bool
        /// The published school-entry campaigns that admitted children here, for staff who may read the lists.
        public var admissionLists: [AdmissionList] = []
        /// The school's home visits, for those who may read them (set by the controller).
        public var homeVisitsHref: String?

        public init(id: String, name: String, districtCode: String, districtName: String, mayOpenDistrict: Bool,
                    stages: [Stage], ownership: Ownership, isInclusive: Bool, boarding: Bool, entrySeats: [Grade: Int],
                    schoolGroup: String, pupilsByGrade: [Grade: Int], teachers: Int, mayListPupils: Bool) {
            self.id = id; self.name = name; self.districtCode = districtCode; self.districtName = districtName
            self.mayOpenDistrict = mayOpenDistrict; self.stages = stages.sorted(); self.ownership = ownership
            self.isInclusive = isInclusive; self.boarding = boarding; self.entrySeats = entrySeats
            self.schoolGroup = schoolGroup; self.pupilsByGrade = pupilsByGrade; self.teachers = teachers
            self.mayListPupils = mayListPupils
        }

        /// The page of a registry school, with what the store counted and what the viewer may open.
        public init(_ school: School, districtName: String, pupilsByGrade: [Grade: Int], teachers: Int,
                    mayOpenDistrict: Bool, mayListPupils: Bool) {
            self.init(id: school.id, name: school.name, districtCode: school.districtCode, districtName: districtName,
                      mayOpenDistrict: mayOpenDistrict, stages: school.stages, ownership: school.ownership,
                      isInclusive: school.countsAsInclusive, boarding: school.boarding, entrySeats: school.entrySeats,
                      schoolGroup: school.schoolGroup, pupilsByGrade: pupilsByGrade, teachers: teachers,
                      mayListPupils: mayListPupils)
        }

        /// Pupil counts come from COUNT(*) of one school, far inside Int.
        public var pupils: Int { pupilsByGrade.values.reduce(0, +) }

        /// The grades the school teaches, and any other grade that has pupils (a record to correct
        /// shows rather than vanishes), in school order.
        public var grades: [Grade] {
            Set(stages.flatMap(\.grades)).union(pupilsByGrade.keys).sorted()
        }

        public var href: String { "/schools/\(PageAddress.encode(id))" }
        public var districtHref: String { "/districts/\(PageAddress.encode(districtCode))" }
        public var pupilListHref: String { href + "/students" }
    }

    /// The facts as shown beside each other, in the order an official reads a school's card.
    public static func facts(_ model: Model) -> [FactList.Fact] {
        let dash = TableModel.Cell.text("—")
        let seats = model.entrySeats.sorted { $0.key < $1.key }.map { Phrase.seatsInGrade($0.key, $0.value) }
        let inclusive: Phrase = !model.stages.contains(.kindergarten) ? .schools(.notAKindergarten)
            : model.isInclusive ? .common(.yes) : .common(.no)
        return [
            .init(.schools(.schoolID), .text(model.id)),
            .init(.schools(.district), model.mayOpenDistrict ? .link(model.districtName, href: model.districtHref) : .text(model.districtName)),
            .init(.schools(.stages), .phrase(.list(model.stages.map(Phrase.stage)))),
            .init(.schools(.ownership), .phrase(.ownership(model.ownership))),
            .init(.schools(.inclusive), .phrase(inclusive)),
            .init(.schools(.boarding), .phrase(model.boarding ? .common(.yes) : .common(.no))),
            .init(.schools(.entrySeats), seats.isEmpty ? dash : .phrase(.list(seats))),
            .init(.schools(.schoolGroup), model.schoolGroup.isEmpty ? dash : .text(model.schoolGroup)),
            .init(.schools(.pupils), .number(model.pupils)),
            .init(.schools(.teachers), .number(model.teachers)),
        ]
    }

    /// Pupils in each grade with the school's total; a sentence instead when it has no pupils.
    public static func gradeTable(_ model: Model) -> TableModel {
        let rows: [[TableModel.Cell]] = model.pupils == 0 ? []
            : model.grades.map { [.phrase(.grade($0)), .number(model.pupilsByGrade[$0] ?? 0)] }
        return TableModel(
            id: "grades", caption: .schools(.pupilsByGrade),
            columns: [TableModel.Column(.schools(.grade), key: "grade"),
                      TableModel.Column(.schools(.pupilCount), key: "pupils", isNumeric: true)],
            rows: rows, totals: [.phrase(.tables(.total)), .number(model.pupils)],
            emptyState: .schools(.noPupilsInSchool))
    }

    /// One campaign's list of the children admitted to the school (a CSV with masked numbers, audited).
    public struct AdmissionList: Sendable, Hashable {
        public var campaign: Phrase
        public var href: String
        public init(campaign: Phrase, href: String) { self.campaign = campaign; self.href = href }
    }
}
