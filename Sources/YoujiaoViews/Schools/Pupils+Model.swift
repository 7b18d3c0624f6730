import YoujiaoCore

/// A school's pupil list for staff in scope. Every view of it is audited, and it shows no more of
/// a child than the list needs: the ID number masked and the age in whole years, never the birth
/// date (the masked digits ARE the birth date, so the two together give the number away).
public enum PupilsPage {
    public struct Model: Sendable, Hashable {
        public var schoolID: String
        public var schoolName: String
        /// The pupils of this page (or every matching pupil, for a download), in the store's order.
        public var pupils: [Pupil]
        /// How many pupils match the filters on every page.
        public var total: Int
        public var page: Int
        public var pageCount: Int
        public var filters: Filters
        /// The grades the grade filter offers, in school order.
        public var gradeChoices: [Grade]
        public var sort: TableSort

        /// `grades` are those the school teaches (`stages.flatMap(\.grades)`); a grade asked for
        /// outside them is offered too, so the select shows the filter that is applied.
        public init(schoolID: String, schoolName: String, pupils: [Pupil], total: Int, page: Int = 1, pageCount: Int = 1,
                    filters: Filters = Filters(), grades: [Grade], sort: TableSort = PupilsPage.defaultSort) {
            self.schoolID = schoolID; self.schoolName = schoolName; self.pupils = pupils; self.total = total
            self.page = page; self.pageCount = pageCount; self.filters = filters
            self.gradeChoices = Set(grades + [filters.grade].compactMap { $0 }).sorted()
            self.sort = sort
        }

        public var schoolHref: String { "/schools/\(PageAddress.encode(schoolID))" }
        public var href: String { schoolHref + "/students" }
    }

    /// What the filter form asked for (`name`, `grade`); empty and nil are "all".
    public struct Filters: Sendable, Hashable {
        /// Part of a pupil's name, as typed.
        public var name: String
        public var grade: Grade?

        public init(name: String = "", grade: Grade? = nil) {
            self.name = name; self.grade = grade
        }

        public var isEmpty: Bool { name.isEmpty && grade == nil }
    }

    public struct Pupil: Sendable, Hashable {
        public var id: String
        public var name: String
        /// The ID number as Core masks it (`NationalID.mask`).
        public var maskedID: String
        /// nil when the stored value is not a known code: the page says "not recorded" rather than guess.
        public var gender: Gender?
        /// Whole years (Core's `MaskedBirth.age`); nil for a date that does not parse or lies ahead.
        public var age: Int?
        public var grade: Grade?
        public var classNumber: Int?
        public var hukou: Hukou?

        public init(id: String, name: String, maskedID: String, gender: Gender?, age: Int?, grade: Grade?,
                    classNumber: Int?, hukou: Hukou?) {
            self.id = id; self.name = name; self.maskedID = maskedID; self.gender = gender
            self.age = age.flatMap { $0 >= 0 ? $0 : nil }
            self.grade = grade; self.classNumber = classNumber; self.hukou = hukou
        }

        /// A row from the registry's pupil: the number masked and the birth date turned into an
        /// age here, so neither the full number nor the date can reach the page.
        public init(id: String, _ student: Student, on today: CaseDate = .today()) {
            self.init(id: id, name: student.name, maskedID: NationalID.mask(student.nationalID), gender: student.gender,
                      age: MaskedBirth.age(birthDate: student.birthDate, on: today), grade: student.grade,
                      classNumber: student.classNumber, hukou: student.hukou)
        }

        public var href: String { "/students/\(PageAddress.encode(id))" }
    }

    /// The columns the store orders by (`sort=`): the name, the grade in school order (K1 … 12,
    /// not as text), the class number and the age (younger first when ascending, so by birth date
    /// descending). The store adds the pupil's id as the last key so that pages never overlap.
    public static let sortKeys: Set<String> = ["name", "grade", "class", "age"]
    /// Grade, then class, then name: the order of a school's own class lists.
    public static let defaultSort = TableSort(key: "grade")

    /// The table as shown, and as downloaded (CSV and XLSX) when the model holds every matching pupil.
    public static func table(_ model: Model) -> TableModel {
        let columns = [
            TableModel.Column(.schools(.pupilName), key: "name", isSortable: true),
            TableModel.Column(.schools(.idNumber), key: "id-number"),
            TableModel.Column(.schools(.gender), key: "gender"),
            TableModel.Column(.schools(.age), key: "age", isNumeric: true, isSortable: true),
            TableModel.Column(.schools(.grade), key: "grade", isSortable: true),
            TableModel.Column(.schools(.classNumber), key: "class", isNumeric: true, isSortable: true),
            TableModel.Column(.schools(.hukou), key: "hukou"),
        ]
        let notRecorded = TableModel.Cell.phrase(.common(.notRecorded))
        let rows: [[TableModel.Cell]] = model.pupils.map { pupil in
            [.link(pupil.name, href: pupil.href), .maskedID(pupil.maskedID),
             pupil.gender.map { .phrase(.gender($0)) } ?? notRecorded,
             pupil.age.map { .number($0) } ?? notRecorded,
             pupil.grade.map { .phrase(.grade($0)) } ?? notRecorded,
             pupil.classNumber.map { .number($0) } ?? notRecorded,
             pupil.hukou.map { .phrase(.hukou($0)) } ?? notRecorded]
        }
        return TableModel(id: "pupils", caption: .schools(.pupilsTable), columns: columns, rows: rows, sort: model.sort,
                          emptyState: model.filters.isEmpty ? .schools(.noPupilsInSchool) : .schools(.noPupilsMatch))
    }
}
