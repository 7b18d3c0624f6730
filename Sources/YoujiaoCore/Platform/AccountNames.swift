import Foundation

/// Usernames officials choose for the accounts they issue.
public enum AccountNames {
    public static let lengths = 3...40

    /// 3–40 lower-case ASCII letters, digits, dots, underscores and hyphens.
    public static func isValid(_ name: String) -> Bool {
        lengths.contains(name.count) && name.unicodeScalars.allSatisfy { s in
            ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "." || s == "_" || s == "-"
        }
    }

    /// "t-" and the last ten hex digits of the teacher's registry id: unique in practice (a
    /// collision is refused by the unique username and the official picks another). The last
    /// digits, because bulk-loaded ids count up in their first half and share their first digits.
    public static func suggestion(forTeacherID id: String) -> String {
        "t-" + String(id.lowercased().filter(\.isHexDigit).suffix(10))
    }
}
