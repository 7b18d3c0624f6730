import Foundation

extension Student: RegistryCSVRecord {
    public static let csvColumns = [
        CSVColumn("national_id", "身份证号"), CSVColumn("name", "姓名"), CSVColumn("gender", "性别"),
        CSVColumn("birth_date", "出生日期"), CSVColumn("hukou", "户籍"), CSVColumn("zone", "居住施教区"),
        CSVColumn("school_id", "学校标识码"), CSVColumn("grade", "年级"), CSVColumn("class", "班级"),
    ]
    public static let csvKeyColumns = ["national_id"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> Student? {
        let id = reader.read { try $0.nationalID("national_id") }
        let name = reader.read { try $0.string("name") }
        let gender = reader.read { try $0.value("gender", as: Gender.self) }
        let birthDate = reader.read { try $0.isoDate("birth_date") }
        let hukou = reader.read { try $0.value("hukou", as: Hukou.self) }
        let zone = reader.read { row -> String? in
            guard let zone = row.optionalString("zone") else { return nil }
            guard references.zoneIDs.contains(zone) else { throw row.error("zone", "no catchment zone has the id \(zone)") }
            return zone
        }
        let school = reader.read { row in
            row.optionalString("school_id") == nil ? nil : try row.knownSchool("school_id", in: references)
        }
        let grade = reader.read { row in
            row.optionalString("grade") == nil ? nil : try row.value("grade", as: Grade.self)
        }
        let classNumber = reader.read { try $0.optionalInt("class", in: 1...99) }
        // Each cross-check runs as soon as its own fields are readable, whatever else is wrong in the row.
        if let id, let birthDate, birthDate != id.birthDate {
            reader.report("birth_date", "\(birthDate) differs from the birth date in national_id, \(id.birthDate)")
        }
        if let id, let gender, gender != id.gender {
            reader.report("gender", "\(gender.rawValue) (\(gender)) differs from the 17th digit of national_id, which gives \(id.gender.rawValue) (\(id.gender))")
        }
        if let school, let grade {
            switch (school, grade) {
            case (nil, _?): reader.report("school_id", "a grade is given without a school")
            case (_?, nil): reader.report("grade", "a school is given without a grade")
            case let (school?, grade?) where !school.stages.contains(where: { $0.grades.contains(grade) }):
                reader.report("grade", "school \(school.id) (\(CSVCell.stages(school.stages))) does not teach grade \(grade.rawValue)")
            default: break
            }
        }
        if case .some(.some) = classNumber, case .some(.none) = grade {
            reader.report("class", "a class is given without a school and grade")
        }
        guard let id, let name, let gender, let birthDate, let hukou, let zone, let school, let grade,
              let classNumber, reader.errors.isEmpty else { return nil }
        return Student(nationalID: id.value, name: name, gender: gender, birthDate: birthDate, hukou: hukou,
                       residenceZoneID: zone, schoolID: school?.id, grade: grade, classNumber: classNumber)
    }

    public var csvCells: [String] {
        [nationalID, name, gender.rawValue, birthDate, hukou.rawValue, CSVCell.optional(residenceZoneID),
         CSVCell.optional(schoolID), CSVCell.optional(grade?.rawValue), CSVCell.optional(classNumber)]
    }
}

extension CSVRow {
    /// yyyy-MM-dd, also yyyy/M/d and yyyyMMdd (what spreadsheets make of dates), as ISO yyyy-MM-dd.
    func isoDate(_ column: String) throws -> String {
        let text = try string(column)
        let parts = text.contains("-") || text.contains("/")
            ? text.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
            : text.count == 8 ? [String(text.prefix(4)), String(text.dropFirst(4).prefix(2)), String(text.suffix(2))] : []
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let date = NationalID.birthDate(fromDigits: parts[0] + pad(parts[1]) + pad(parts[2])) else {
            throw error(column, "'\(text)' is not a date (yyyy-MM-dd)")
        }
        return date
    }

    private func pad(_ part: String) -> String { part.count == 1 ? "0" + part : part }
}
