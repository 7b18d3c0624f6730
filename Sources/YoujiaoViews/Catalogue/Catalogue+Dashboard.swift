import YoujiaoCore

extension Catalogue {
    /// The city and district overviews.
    public enum Dashboard: PhraseBook {
        case cityTitle, districtCode, district, pupilsByDistrictChart, districtsTable, noDistricts
        case stage, schools, pupils, stagesTable, districtPlanning, districtSupervision

        public var phrase: Phrase {
            switch self {
            case .cityTitle: return Phrase(zh: "全市基础教育概览", en: "City overview")
            case .districtCode: return Phrase(zh: "区代码", en: "Code")
            case .district: return Phrase(zh: "区", en: "District")
            case .pupilsByDistrictChart: return Phrase(zh: "各区在校学生数（按学段）", en: "Pupils by district and stage")
            case .districtsTable: return Phrase(zh: "各区学校和学生数", en: "Schools and pupils by district")
            case .noDistricts: return Phrase(zh: "还没有导入任何区。", en: "No district has been imported yet.")
            case .stage: return Phrase(zh: "学段", en: "Stage")
            case .schools: return Phrase(zh: "学校数", en: "Schools")
            case .pupils: return Phrase(zh: "在校学生数", en: "Pupils")
            case .stagesTable: return Phrase(zh: "各学段学校和学生数", en: "Schools and pupils by stage")
            case .districtPlanning: return Phrase(zh: "本区学位规划", en: "School places of the district")
            case .districtSupervision: return Phrase(zh: "本区督导指标", en: "Supervision figures of the district")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.citySummary(districts: 16, pupils: 2_090_000), .stageSchools(.primary), .stagePupils(.junior),
             .districtSummary(schools: 120, pupils: 98_000), .districtPupilsChart("黄浦区"), .allSchoolsOfDistrict(120)]
        }
    }
}

extension Phrase {
    public static func citySummary(districts: Int, pupils: Int) -> Phrase {
        Phrase(zh: "全市 \(districts) 个区，\(Format.number(pupils)) 名在校学生（学前至高中、特殊教育）。",
               en: "\(districts) districts, \(Format.number(pupils)) pupils from kindergarten to senior high and special education.")
    }
    public static func districtSummary(schools: Int, pupils: Int) -> Phrase {
        Phrase(zh: "本区 \(Format.number(schools)) 所学校和幼儿园，\(Format.number(pupils)) 名在校学生。",
               en: "\(Format.number(schools)) schools and kindergartens, \(Format.number(pupils)) pupils.")
    }
    public static func districtPupilsChart(_ district: String) -> Phrase {
        Phrase(zh: "\(district)各学段在校学生数", en: "Pupils by stage in \(district)")
    }
    public static func allSchoolsOfDistrict(_ count: Int) -> Phrase {
        Phrase(zh: "本区全部 \(Format.number(count)) 所学校（可排序、筛选、下载）", en: "All \(Format.number(count)) schools of the district (sort, filter, download)")
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
