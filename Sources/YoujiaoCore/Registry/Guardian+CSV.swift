import Foundation

extension Guardian: RegistryCSVRecord {
    public static let relations = ["father", "mother", "grandparent", "other"]

    public static let csvColumns = [
        CSVColumn("national_id", "身份证号"), CSVColumn("name", "姓名"), CSVColumn("phone", "联系电话"),
        CSVColumn("relation", "关系"), CSVColumn("children", "子女身份证号"),
    ]
    public static let csvKeyColumns = ["national_id"]

    public static func decodeCSVRow(_ reader: inout CSVRowReader, references: RegistryReferences) -> Guardian? {
        let id = reader.read { try $0.nationalID("national_id") }
        let name = reader.read { try $0.string("name") }
        let phone = reader.read { row in
            let text = try row.string("phone")
            // Mobile (13912345678), landline (021-64471234) or international (+852 2345 6789).
            let digitCount = text.filter(\.isASCIIDigitCharacter).count
            guard (7...15).contains(digitCount), text.dropFirst(text.hasPrefix("+") ? 1 : 0)
                    .allSatisfy({ $0.isASCIIDigitCharacter || $0 == "-" || $0 == " " }) else {
                throw row.error("phone", "'\(text)' is not a phone number (7–15 digits, spaces or hyphens, optional leading +)")
            }
            return text
        }
        let relation = reader.read { row in
            let text = try row.string("relation")
            guard relations.contains(text) else {
                throw row.error("relation", "'\(text)' is not one of \(relations.joined(separator: ", "))")
            }
            return text
        }
        let children = reader.read { row in
            try row.list("children").map { text in
                let child: NationalID
                do throws(NationalID.Problem) { child = try NationalID(text) } catch {
                    throw row.error("children", "\(NationalID.mask(text)): \(error.description)")
                }
                guard references.studentIDs.contains(child.value) else {
                    throw row.error("children", "no student has the ID \(child.masked)")
                }
                return child.value
            }
        }
        if let children, Set(children).count != children.count { reader.report("children", "a child is listed twice") }
        if let id, let children, children.contains(id.value) {
            reader.report("children", "the guardian is listed as their own child")
        }
        guard let id, let name, let phone, let relation, let children, reader.errors.isEmpty else { return nil }
        return Guardian(nationalID: id.value, name: name, phone: phone, relation: relation, childNationalIDs: children)
    }

    public var csvCells: [String] { [nationalID, name, phone, relation, childNationalIDs.joined(separator: ";")] }
}
