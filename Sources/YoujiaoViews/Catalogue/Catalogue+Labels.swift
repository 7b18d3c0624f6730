import YoujiaoCore

// Labels for every Core value a person sees. Each is an exhaustive switch, so a new case in Core
// does not compile until it has words in both languages.
extension Phrase {
    public static func role(_ role: Role) -> Phrase {
        switch role {
        case .cityAdmin: return Phrase(zh: "市级管理员", en: "City administrator")
        case .districtAdmin: return Phrase(zh: "区级管理员", en: "District administrator")
        case .schoolAdmin: return Phrase(zh: "学校管理员", en: "School administrator")
        case .teacher: return Phrase(zh: "教师", en: "Teacher")
        case .guardian: return Phrase(zh: "家长", en: "Parent or guardian")
        }
    }

    public static func stage(_ stage: Stage) -> Phrase {
        switch stage {
        case .kindergarten: return Phrase(zh: "幼儿园", en: "Kindergarten")
        case .primary: return Phrase(zh: "小学", en: "Primary")
        case .junior: return Phrase(zh: "初中", en: "Junior secondary")
        case .senior: return Phrase(zh: "高中", en: "Senior secondary")
        case .special: return Phrase(zh: "特殊教育", en: "Special education")
        }
    }

    public static func ownership(_ ownership: Ownership) -> Phrase {
        switch ownership {
        case .public: return Phrase(zh: "公办", en: "Public")
        case .private: return Phrase(zh: "民办", en: "Private")
        }
    }

    public static func grade(_ grade: Grade) -> Phrase {
        switch grade {
        case .k1: return Phrase(zh: "小班", en: "Nursery (K1)")
        case .k2: return Phrase(zh: "中班", en: "Lower kindergarten (K2)")
        case .k3: return Phrase(zh: "大班", en: "Upper kindergarten (K3)")
        case .g1, .g2, .g3, .g4, .g5, .g6, .g7, .g8, .g9, .g10, .g11, .g12:
            let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
            let number = grade.index - Grade.g1.index + 1
            return Phrase(zh: "\(numerals[number - 1])年级", en: "Grade \(number)")
        }
    }

    public static func gender(_ gender: Gender) -> Phrase {
        switch gender {
        case .male: return Phrase(zh: "男", en: "Male")
        case .female: return Phrase(zh: "女", en: "Female")
        }
    }

    public static func hukou(_ hukou: Hukou) -> Phrase {
        switch hukou {
        case .local: return Phrase(zh: "本市户籍", en: "Shanghai hukou")
        case .nonLocal: return Phrase(zh: "外省市户籍", en: "Hukou of another province")
        }
    }
}
