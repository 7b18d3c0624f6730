import Foundation

// Every figure the demo city is calibrated on, from published Shanghai statistics (the 7th census,
// the education statistics yearbooks, the births series), each marked "found" (published),
// "derived" (computed from published figures) or "assumption" (no published source found).

/// One district row of districts.csv (7th census, 2020-11-01; status found) plus an approximate
/// centre used to place schools.
struct DistrictCalibration: Sendable {
    let code: String
    let name: String
    let zoneKind: DistrictZoneKind
    let population: Int
    let age0: Int
    let age1to4: Int
    let age5to9: Int
    let age10to14: Int
    let age15to19: Int
    let fromOtherProvinces: Int
    /// Approximate centre of the built-up area (not a surveyed centroid) and the radius, in
    /// degrees, within which schools are scattered; approximate, for maps only.
    let latitude: Double
    let longitude: Double
    let radius: Double

    /// Children aged 5–14 in the census: the weight for special schools.
    var schoolAgeChildren: Int { age5to9 + age10to14 }
    /// Share of residents who came from other provinces (census 外省市来沪).
    var migrantShare: Double { Double(fromOtherProvinces) / Double(population) }

    /// The census band holding children of a birth year, counted at the census (Nov 2020).
    /// Cohorts born after 2020 use the age-0 band; cohorts older than 19 the 15–19 band.
    func children(bornIn year: Int) -> Int {
        switch DemoCalibration.censusYear - year {
        case ...0: return age0
        case 1...4: return age1to4
        case 5...9: return age5to9
        case 10...14: return age10to14
        default: return age15to19
        }
    }
}

enum DemoCalibration {
    static let censusYear = 2020
    /// School year of the registry (DESIGN.md §4: a year is named by its autumn start).
    static let currentYear = 2025
    static let historyYears = 2016...2025
    static let birthYears = 2007...2024

    /// districts.csv rows 310101…310151 (found). Zone kinds: central = zone column "central";
    /// 嘉定 松江 青浦 奉贤 = 五个新城 (new_town_5 column); 宝山 金山 = 南北转型 (north_south column);
    /// 闵行 崇明 = outer. 浦东 is mapped to new-city: 南汇新城 (临港), the fifth new city, lies in it
    /// (new_town_5 column), and its children grow like a new city's — census age 0–4 per year of
    /// age is 1.33× its 10–14 per year (42,544 vs 31,954) against 1.29× for the city.
    /// Centres and radii are approximate (author's estimate from the map), not from a file.
    static let districts: [DistrictCalibration] = [
        .init(code: "310101", name: "黄浦区", zoneKind: .central, population: 662_030, age0: 2_259, age1to4: 14_475,
              age5to9: 21_868, age10to14: 18_820, age15to19: 19_715, fromOtherProvinces: 285_329,
              latitude: 31.223, longitude: 121.480, radius: 0.018),
        .init(code: "310104", name: "徐汇区", zoneKind: .central, population: 1_113_078, age0: 4_506, age1to4: 27_680,
              age5to9: 42_573, age10to14: 34_257, age15to19: 30_072, fromOtherProvinces: 344_376,
              latitude: 31.180, longitude: 121.437, radius: 0.030),
        .init(code: "310105", name: "长宁区", zoneKind: .central, population: 693_051, age0: 2_970, age1to4: 16_435,
              age5to9: 23_751, age10to14: 18_431, age15to19: 18_212, fromOtherProvinces: 221_304,
              latitude: 31.214, longitude: 121.400, radius: 0.025),
        .init(code: "310106", name: "静安区", zoneKind: .central, population: 975_707, age0: 4_056, age1to4: 24_384,
              age5to9: 34_933, age10to14: 27_477, age15to19: 24_091, fromOtherProvinces: 256_445,
              latitude: 31.255, longitude: 121.455, radius: 0.025),
        .init(code: "310107", name: "普陀区", zoneKind: .central, population: 1_239_800, age0: 5_523, age1to4: 31_972,
              age5to9: 44_975, age10to14: 33_954, age15to19: 29_320, fromOtherProvinces: 366_405,
              latitude: 31.255, longitude: 121.395, radius: 0.028),
        .init(code: "310109", name: "虹口区", zoneKind: .central, population: 757_498, age0: 2_729, age1to4: 16_471,
              age5to9: 23_653, age10to14: 19_179, age15to19: 18_735, fromOtherProvinces: 204_788,
              latitude: 31.270, longitude: 121.490, radius: 0.020),
        .init(code: "310110", name: "杨浦区", zoneKind: .central, population: 1_242_548, age0: 5_027, age1to4: 30_235,
              age5to9: 42_943, age10to14: 31_597, age15to19: 39_718, fromOtherProvinces: 311_249,
              latitude: 31.285, longitude: 121.525, radius: 0.025),
        .init(code: "310112", name: "闵行区", zoneKind: .outer, population: 2_653_489, age0: 14_330, age1to4: 85_203,
              age5to9: 109_187, age10to14: 79_537, age15to19: 75_970, fromOtherProvinces: 1_242_924,
              latitude: 31.100, longitude: 121.410, radius: 0.070),
        .init(code: "310113", name: "宝山区", zoneKind: .northSouth, population: 2_235_218, age0: 10_999, age1to4: 68_316,
              age5to9: 84_754, age10to14: 59_577, age15to19: 60_280, fromOtherProvinces: 905_776,
              latitude: 31.370, longitude: 121.450, radius: 0.060),
        .init(code: "310114", name: "嘉定区", zoneKind: .newCity, population: 1_834_258, age0: 10_245, age1to4: 61_049,
              age5to9: 65_675, age10to14: 42_970, age15to19: 50_338, fromOtherProvinces: 1_036_925,
              latitude: 31.360, longitude: 121.260, radius: 0.080),
        .init(code: "310115", name: "浦东新区", zoneKind: .newCity, population: 5_681_512, age0: 31_328, age1to4: 181_390,
              age5to9: 223_122, age10to14: 159_771, age15to19: 161_361, fromOtherProvinces: 2_419_995,
              latitude: 31.150, longitude: 121.640, radius: 0.150),
        .init(code: "310116", name: "金山区", zoneKind: .northSouth, population: 822_776, age0: 3_844, age1to4: 23_004,
              age5to9: 27_439, age10to14: 21_559, age15to19: 26_414, fromOtherProvinces: 309_579,
              latitude: 30.800, longitude: 121.250, radius: 0.090),
        .init(code: "310117", name: "松江区", zoneKind: .newCity, population: 1_909_713, age0: 11_876, age1to4: 67_431,
              age5to9: 76_185, age10to14: 49_119, age15to19: 60_923, fromOtherProvinces: 1_114_610,
              latitude: 31.030, longitude: 121.230, radius: 0.090),
        .init(code: "310118", name: "青浦区", zoneKind: .newCity, population: 1_271_424, age0: 6_593, age1to4: 39_179,
              age5to9: 39_894, age10to14: 27_035, age15to19: 34_612, fromOtherProvinces: 724_106,
              latitude: 31.150, longitude: 121.100, radius: 0.100),
        .init(code: "310120", name: "奉贤区", zoneKind: .newCity, population: 1_140_872, age0: 6_280, age1to4: 34_261,
              age5to9: 37_933, age10to14: 27_398, age15to19: 44_981, fromOtherProvinces: 589_305,
              latitude: 30.920, longitude: 121.470, radius: 0.100),
        .init(code: "310151", name: "崇明区", zoneKind: .outer, population: 637_921, age0: 2_101, age1to4: 11_348,
              age5to9: 15_137, age10to14: 14_094, age15to19: 15_442, fromOtherProvinces: 146_536,
              latitude: 31.620, longitude: 121.500, radius: 0.150),
    ]

    /// births.csv, births_resident_changzhu 2007–2024 (found; 2011's row is marked CONFLICT and its
    /// 162,000 series value is used, as the series is the only complete one).
    static let cityBirths: [Int: Int] = [
        2007: 183_000, 2008: 187_000, 2009: 188_000, 2010: 159_000, 2011: 162_000, 2012: 226_100,
        2013: 198_000, 2014: 205_000, 2015: 185_000, 2016: 218_400, 2017: 197_000, 2018: 174_000,
        2019: 169_000, 2020: 127_600, 2021: 116_000, 2022: 108_000, 2023: 98_000, 2024: 118_000,
    ]

    /// Births of a year. Assumption: years before 2007 (needed for the oldest grades of the early
    /// history years) repeat 2007's 183,000 — no found figure exists before 2007; later years than
    /// 2024 (never asked for: this year's K1 was born in 2022) would repeat 2024.
    static func births(in year: Int) -> Int {
        cityBirths[year] ?? cityBirths[year < birthYears.lowerBound ? birthYears.lowerBound : birthYears.upperBound]!
    }

    // MARK: Pupils per birth (cohort arithmetic)

    /// Kindergarten pupils per birth: schools_by_stage.csv 2020 kindergarten enrolment 571,499
    /// (found) ÷ births of 2015–2017 (185,000 + 218,400 + 197,000, births.csv) = 0.952 (derived).
    static let kindergartenPerBirth = 571_499.0 / 600_400.0
    /// Primary pupils per birth: schools_by_stage.csv 2016 grade-1 eligible applicants ≈160,000
    /// (found) ÷ births of 2010, 159,000 (births.csv) = 1.006 (derived).
    static let primaryPerBirth = 160_000.0 / 159_000.0
    /// Junior pupils per birth: districts.csv city pop_age10_14 664,775 (found) ÷ births of
    /// 2006–2010, taking 2006 as the 2007–2010 mean (assumption) = 664,775 ÷ (717,000 × 5/4) = 0.742.
    /// Non-local children leave for their home provinces before junior high.
    static let juniorPerBirth = 664_775.0 / (717_000.0 * 5 / 4)
    /// Share of the junior cohort in general senior high. Assumption: 55%; the rest go to
    /// vocational schools (中职), which the registry does not hold. No found figure.
    static let generalSeniorShareOfJunior = 0.55

    static func pupilsPerBirth(_ grade: Grade) -> Double {
        switch grade.stage {
        case .kindergarten: return kindergartenPerBirth
        case .primary: return primaryPerBirth
        case .junior: return juniorPerBirth
        case .senior, .special: return juniorPerBirth * generalSeniorShareOfJunior
        }
    }

    /// Birth year of a grade's cohort: K1 in year t was born in t−3, grade 1 in t−6 (issue 2).
    static func birthYear(of grade: Grade, inSchoolYear year: Int) -> Int { year - 3 - grade.index }

    /// Migration drift, per year since the 2020 census, of a district's share of each cohort.
    /// Assumption (no found figure): new-city districts gain 2% a year, central districts lose 2%,
    /// the rest stay; shares are renormalised so city totals still follow the births.
    static func migrationDrift(_ kind: DistrictZoneKind) -> Double {
        switch kind {
        case .central: return -0.02
        case .newCity: return 0.02
        case .northSouth, .outer: return 0
        }
    }

    // MARK: Schools

    /// Schools per stage at scale 1. Kindergartens: schools_by_stage.csv 2022-09
    /// schools_total_implied 1,692 (derived from found). Special: 2017 special_education schools 30
    /// (found). Primary 680, junior 620 and senior 260 are the targets; schools_by_stage.csv
    /// has them only as "from memory (unverified)" rows, so they are targets, not calibration.
    static let kindergartens = 1_692
    static let primarySchools = 680
    static let juniorSchools = 620
    static let seniorSchools = 260
    static let specialSchools = 30
    /// Assumption: about a quarter of the schools teaching junior grades are nine-year schools
    /// (九年一贯制) and about 30% of the senior schools are complete secondary schools (完全中学).
    static let nineYearShareOfJunior = 0.24
    static let completeShareOfSenior = 0.30

    /// Share of schools that are private, per kind of school.
    /// Kindergartens: indicators.csv 公办幼儿园覆盖率 2018 61.7% (found) → 38.3% private.
    /// Others are assumptions: private schools are smaller than public ones, so their share of
    /// schools exceeds their share of pupils.
    static func privateShareOfSchools(_ kind: DemoSchoolKind) -> Double {
        switch kind {
        case .kindergarten: return 1 - 0.617
        case .primary: return 0.08
        case .nineYear: return 0.20
        case .junior: return 0.12
        case .complete: return 0.10
        case .senior: return 0.15
        case .special: return 0
        }
    }

    /// Assumption: every district has at least one private school of each kind a campaign admits
    /// to (K1, grade 1, grade 6), beside the public one serving its zones, so that each district's
    /// draw has a private lottery at every scale. The shares above already give every district one
    /// at scale 1, so this only adds schools at small scales (DemoCityTests checks both).
    static func minimumPrivateSchools(_ kind: DemoSchoolKind) -> Int {
        switch kind {
        case .kindergarten, .primary, .junior: return 1
        case .nineYear, .complete, .senior, .special: return 0
        }
    }

    /// 普惠 share of private kindergartens: indicators.csv 普惠 coverage target 85% of children
    /// and 公办园在园幼儿占比 70% (both found) → (85 − 70) / 30 = half of private places (derived).
    static let inclusiveShareOfPrivateKindergartens = 0.5

    /// Share of a grade's pupils in private schools, by the year the cohort entered the stage.
    /// Kindergarten: indicators.csv 公办园在园幼儿占比 70% (found, 2018) → 30%.
    /// Grade 1: 6.1% (indicators.csv 民办小学 share 2016, found) until the 2020 reform (公民同招,
    /// 超额摇号), 4% after (assumption; the national cap of ~5% of compulsory pupils is unverified).
    /// Grade 6: 11.6% (indicators.csv 2016, found) before 2020, 6% after (assumption).
    /// Senior: 10% (assumption, no figure).
    static func privateShareOfPupils(_ grade: Grade, inSchoolYear year: Int) -> Double {
        let entryYear = year - (grade.index - grade.stage.entryGrade.index)
        switch grade.stage {
        case .kindergarten: return 0.30
        case .primary: return entryYear < 2020 ? 0.061 : 0.04
        case .junior: return entryYear < 2020 ? 0.116 : 0.06
        case .senior, .special: return 0.10
        }
    }

    /// Assumption: boarding is offered by a quarter of private junior/senior schools and a fifth
    /// of public senior schools (many municipal key high schools board); no found figure.
    static func boardingShare(_ kind: DemoSchoolKind, ownership: Ownership) -> Double {
        switch (kind, ownership) {
        case (.junior, .private), (.nineYear, .private), (.complete, .private), (.senior, .private): return 0.25
        case (.senior, .public), (.complete, .public): return 0.20
        default: return 0
        }
    }

    /// indicators.csv 学区化集团化办学 2022-10: 275 groups cover ~85% of compulsory schools (found).
    static let schoolGroupsAtFullScale = 275
    static let groupedShareOfCompulsorySchools = 0.85
    /// Assumptions (indicators.csv has no found count): 新优质学校 for 15% of public compulsory
    /// schools; 强校工程 for 20% of the other public schools teaching junior grades (about 90 at
    /// scale 1; the unverified round-1 figure is 120).
    static let newQualityShare = 0.15
    static let strengtheningShare = 0.20

    // MARK: Classes

    /// Legal class-size caps. Kindergarten 25 / 30 / 35 (幼儿园工作规程, 教育部 2016); primary 45,
    /// junior 50, senior 50 (national 义务教育/普通高中 standard class sizes). Special 12 (特殊教育
    /// 学校建设标准, 培智 class). National standards, not files.
    static func classCap(_ grade: Grade, special: Bool) -> Int {
        if special { return 12 }
        switch grade {
        case .k1: return 25
        case .k2: return 30
        case .k3: return 35
        default: return grade.stage == .primary ? 45 : 50
        }
    }

    /// Size schools aim for when they form classes. Assumption, chosen so kindergartens average
    /// ≈28 children a class as in schools_by_stage.csv 2020 (571,499 children / 20,573 classes).
    static func targetClassSize(_ grade: Grade, special: Bool) -> Int {
        if special { return 8 }
        switch grade {
        case .k1: return 24
        case .k2: return 28
        case .k3: return 32
        default:
            switch grade.stage {
            case .primary: return 38
            case .junior: return 40
            default: return 42
            }
        }
    }

    /// Assumption: a few grades run classes over the cap — 3% in new-city districts (where pupils
    /// outgrow seats), 1% elsewhere — so supervision has something to find.
    static func overCapChance(_ kind: DistrictZoneKind) -> Double { kind == .newCity ? 0.03 : 0.01 }

    /// Special schools: schools_by_stage.csv 2017 special_education classes 488 in 30 schools
    /// (found) ≈ 16 classes a school; 8 pupils a class (assumption) over grades 1–9.
    static let specialClassesPerSchool = 488 / 30
    static let specialPupilsPerClass = 8

    // MARK: People

    /// births.csv 2023 and 2024 rows: sex ratio at birth 107.3 and 107.2 (found) → 107.25 boys per 100 girls.
    static let maleShareAtBirth = 107.25 / 207.25

    /// Non-local hukou share of a district's children: the district's census share of residents
    /// from other provinces (districts.csv, found) × 40.8 / 42.1, where 40.8% = 1 − 129,200 hukou
    /// births / 218,400 births in 2016 (births.csv, found) and 42.1% the city migrant share
    /// (indicators.csv, found). Assumption: non-local children leave before senior high, so the
    /// share is 80% of that in junior and 50% in senior grades.
    static func nonLocalShare(of district: DistrictCalibration, stage: Stage) -> Double {
        let base = district.migrantShare * (1 - 129_200.0 / 218_400.0) / 0.421
        switch stage {
        case .junior: return base * 0.8
        case .senior: return base * 0.5
        default: return base
        }
    }

    /// Pupils per teacher: 中央编办 2014 统一城乡中小学教职工编制标准 (senior 1:12.5, junior 1:13.5,
    /// primary 1:19; staff norms, used here as teacher counts). Special: 1:3 (assumption after
    /// common 特教 staffing norms). Kindergartens use `kindergartenTeachersPerClass`.
    static func pupilsPerTeacher(_ stage: Stage) -> Double {
        switch stage {
        case .primary: return 19
        case .junior: return 13.5
        case .senior: return 12.5
        case .special: return 3
        case .kindergarten: preconditionFailure("kindergartens are staffed per class")
        }
    }

    /// 幼儿园教职工配备标准（暂行）, 教育部 2013: 2 teachers and 1 carer per full-day class. Carers
    /// (保育员) are not teachers and are not generated.
    static let kindergartenTeachersPerClass = 2

    /// Assumption: 85% of primary/secondary/special schools have a full-time psychology teacher
    /// (a second one from 1,500 pupils); kindergartens have none.
    static let fullTimePsychologyShare = 0.85

    /// Assumptions (no found figures): share of teachers who are district-or-above key teachers —
    /// higher in central districts — and of municipal ones among them.
    static func keyTeacherShare(_ kind: DistrictZoneKind) -> Double { kind == .central ? 0.22 : 0.16 }
    static let municipalShareOfKeyTeachers = 0.12
    static let schoolLevelKeyTeacherShare = 0.10
}

/// The kinds of school record the demo builds; a nine-year school teaches primary and junior
/// grades, a complete secondary school junior and senior grades.
enum DemoSchoolKind: Int, CaseIterable, Sendable {
    case kindergarten = 1, primary, nineYear, junior, complete, senior, special

    var stages: [Stage] {
        switch self {
        case .kindergarten: return [.kindergarten]
        case .primary: return [.primary]
        case .nineYear: return [.primary, .junior]
        case .junior: return [.junior]
        case .complete: return [.junior, .senior]
        case .senior: return [.senior]
        case .special: return [.special]
        }
    }

    var grades: [Grade] { stages.flatMap(\.grades) }
}
