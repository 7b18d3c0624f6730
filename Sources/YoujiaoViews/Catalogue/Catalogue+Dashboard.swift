import YoujiaoCore

extension Catalogue {
    /// The city and district overviews.
    public enum Dashboard: PhraseBook {
        case cityTitle, districtCode, district, pupilsByDistrictChart, districtsTable, noDistricts

        public var phrase: Phrase {
            switch self {
            case .cityTitle: return Phrase(zh: "全市基础教育概览", en: "City overview")
            case .districtCode: return Phrase(zh: "区代码", en: "Code")
            case .district: return Phrase(zh: "区", en: "District")
            case .pupilsByDistrictChart: return Phrase(zh: "各区在校学生数（按学段）", en: "Pupils by district and stage")
            case .districtsTable: return Phrase(zh: "各区学校和学生数", en: "Schools and pupils by district")
            case .noDistricts: return Phrase(zh: "还没有导入任何区。", en: "No district has been imported yet.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.citySummary(districts: 16, pupils: 2_090_000), .stageSchools(.primary), .stagePupils(.junior)]
        }
    }
}

extension Phrase {
    public static func citySummary(districts: Int, pupils: Int) -> Phrase {
        Phrase(zh: "全市 \(districts) 个区，\(Format.number(pupils)) 名在校学生（学前至高中、特殊教育）。",
               en: "\(districts) districts, \(Format.number(pupils)) pupils from kindergarten to senior high and special education.")
    }
    public static func stageSchools(_ stage: Stage) -> Phrase {
        let label = Phrase.stage(stage)
        return Phrase(zh: label.zh + "学校", en: label.en + " schools")
    }
    public static func stagePupils(_ stage: Stage) -> Phrase {
        let label = Phrase.stage(stage)
        return Phrase(zh: label.zh + "学生", en: label.en + " pupils")
    }
}
