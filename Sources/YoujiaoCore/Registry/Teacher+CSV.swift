import Foundation

extension Teacher: RegistryCSVRecord {
    public static let csvColumns = [
        CSVColumn("national_id", "身份证号"), CSVColumn("name", "姓名"), CSVColumn("school_id", "学校标识码"),
        CSVColumn("subject", "任教学科"), CSVColumn("title", "职称"), CSVColumn("degree", "学历"),
        CSVColumn("key_level", "骨干教师级别"), CSVColumn("specialism", "专长"),
        CSVColumn("full_time_psychology", "专职心理教师"),
    ]
    public static let csvKeyColumns = ["national_id"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> Teacher? {
        let id = reader.read { try $0.nationalID("national_id") }
        let name = reader.read { try $0.string("name") }
        let school = reader.read { try $0.knownSchool("school_id", in: references).id }
        let subject = reader.read { try $0.string("subject") }
        let title = reader.read { try $0.value("title", as: TeacherTitle.self) }
        let degree = reader.read { try $0.value("degree", as: Degree.self) }
        let keyLevel = reader.read { try $0.value("key_level", as: KeyTeacherLevel.self) }
        let specialism = reader.read { try $0.value("specialism", as: Specialism.self) }
        let fullTimePsychology = reader.read { try $0.optionalBool("full_time_psychology") }
        if let fullTimePsychology, let specialism, fullTimePsychology && specialism != .psychology {
            reader.report("full_time_psychology", "a full-time psychology teacher has specialism psychology, not \(specialism.rawValue)")
        }
        guard let id, let name, let school, let subject, let title, let degree, let keyLevel, let specialism,
              let fullTimePsychology, reader.errors.isEmpty else { return nil }
        return Teacher(nationalID: id.value, name: name, schoolID: school, subject: subject, title: title,
                       degree: degree, keyTeacherLevel: keyLevel, specialism: specialism,
                       fullTimePsychology: fullTimePsychology)
    }

    public var csvCells: [String] {
        [nationalID, name, schoolID, subject, title.rawValue, degree.rawValue, keyTeacherLevel.rawValue,
         specialism.rawValue, CSVCell.bool(fullTimePsychology)]
    }
}
