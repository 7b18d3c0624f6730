extension Catalogue {
    /// Why a request was refused (the error page's sentence): the controllers' reasons, and the
    /// problems of a query they cannot answer (an unknown year, a page past the end).
    public enum Refusals: PhraseBook {
        // Anywhere: the session, the form, the table.
        case staffOnly, formExpired, cannotSortByColumn
        // Districts, schools and pupils.
        case noSuchDistrict, districtOutsideScope, noSuchSchool, schoolOutsideScope, schoolsOfOtherDistrict, directoryStaffOnly
        case noSuchGrade, noSuchPupil, pupilOutsideScope, noSuchSchoolYear, noSuchTeacher
        // Staff accounts.
        case accountsCityAdminOnly, noSuchStaffAccount
        // Enrollment campaigns.
        case noSuchCampaign, campaignOutsideScope, campaignSeatsOwnerOnly, campaignManagerOnly, campaignsDistrictAndCityOnly
        case admissionListOutsideScope, guardiansRegisterOnly, ownChildrenOnly, listNotPublished, noSuchFile
        // Supervision.
        case noSuchIndicator, noSuchLevel, supervisionOfOtherDistrict, schoolSupervisionOutsideScope, schoolHasNoSupervisionFigures
        case noSupervisionFiguresForYear, schoolReportSubmitters, qualityBalanceStagesOnly, cityFiguresCityOnly
        // Special education.
        case caseFilesOfOtherDistrict, cityFiguresOnlyForCaseFiles, caseFileOpeners, noSuchCaseFile, caseFileOutsideScope
        case caseFileContentsHidden, caseFileEditors
        // Student aid.
        case aidOfOtherDistrict, aidTotalsBy, schoolAidOutsideScope, noSuchReviewStatus, noSuchReviewReason, noSuchEligibilityList
        case noSuchReviewItem, reviewItemOutsideScope, onlyNameMismatchConfirmed, onlyGuardiansChildGranted, paymentFileStaffOnly
        case declineGuardianOnly, noSuchGrant, grantNotForYourChild
        // Exports.
        case noSuchExport, exportRequestEntities

        public var phrase: Phrase {
            switch self {
            case .staffOnly: return Phrase(zh: "此页面仅对工作人员开放。", en: "This page is for staff only.")
            case .formExpired:
                return Phrase(zh: "表单已过期或缺少安全令牌，请刷新页面后重试。",
                              en: "The form has expired or lacks its security token; reload the page and try again.")
            case .cannotSortByColumn: return Phrase(zh: "无法按该列排序。", en: "The table cannot be sorted by that column.")

            case .noSuchDistrict: return Phrase(zh: "没有这个区。", en: "No such district.")
            case .districtOutsideScope: return Phrase(zh: "您无权查看其他区的数据。", en: "You may not see another district.")
            case .noSuchSchool: return Phrase(zh: "没有这所学校。", en: "No such school.")
            case .schoolOutsideScope: return Phrase(zh: "您无权查看这所学校。", en: "This school is outside your scope.")
            case .schoolsOfOtherDistrict: return Phrase(zh: "您无权查看其他区的学校。", en: "You may not list another district's schools.")
            case .directoryStaffOnly: return Phrase(zh: "学校名录仅对市、区管理员开放。", en: "The directory is for city and district staff.")
            case .noSuchGrade: return Phrase(zh: "没有这个年级。", en: "No such grade.")
            case .noSuchPupil: return Phrase(zh: "没有这名学生。", en: "No such pupil.")
            case .noSuchTeacher: return Phrase(zh: "没有这名教师。", en: "No such teacher.")
            case .pupilOutsideScope: return Phrase(zh: "您无权查看这名学生的信息。", en: "This pupil is outside your scope.")
            case .noSuchSchoolYear: return Phrase(zh: "学年无效。", en: "No such school year.")

            case .accountsCityAdminOnly: return Phrase(zh: "仅市级管理员可管理账号。", en: "Only city administrators manage accounts.")
            case .noSuchStaffAccount: return Phrase(zh: "没有这个工作人员账号。", en: "No such staff account.")

            case .noSuchCampaign: return Phrase(zh: "没有这次招生。", en: "No such campaign.")
            case .campaignOutsideScope: return Phrase(zh: "这次招生不在您的管辖范围内。", en: "This campaign is outside your scope.")
            case .campaignManagerOnly: return Phrase(zh: "只有负责本次招生的教育局可以操作。", en: "Only the authority running this campaign may do this.")
            case .campaignSeatsOwnerOnly: return Phrase(zh: "只有负责本次招生的教育局可以修改学位。", en: "Only the authority running this campaign may change its seats.")
            case .campaignsDistrictAndCityOnly: return Phrase(zh: "招生由区、市教育局管理。", en: "Campaigns are run by the district and city.")
            case .admissionListOutsideScope: return Phrase(zh: "您无权导出这所学校的录取名单。", en: "You may not export this school's list.")
            case .guardiansRegisterOnly: return Phrase(zh: "只有家长可以为孩子报名。", en: "Only guardians register their children.")
            case .ownChildrenOnly: return Phrase(zh: "您只能为自己的孩子报名。", en: "You may register only your own children.")
            case .listNotPublished: return Phrase(zh: "名单尚未公布。", en: "The list is not published yet.")
            case .noSuchFile: return Phrase(zh: "没有这个文件。", en: "No such file.")

            case .noSuchIndicator: return Phrase(zh: "没有这个指标。", en: "No such indicator.")
            case .noSuchLevel: return Phrase(zh: "没有这个层级。", en: "No such level.")
            case .supervisionOfOtherDistrict:
                return Phrase(zh: "您无权查看其他区的督导数据。", en: "You may not see another district's supervision figures.")
            case .schoolSupervisionOutsideScope:
                return Phrase(zh: "您无权查看这所学校的督导数据。", en: "This school's supervision figures are outside your scope.")
            case .schoolHasNoSupervisionFigures: return Phrase(zh: "这所学校没有督导数据。", en: "This school has no supervision figures.")
            case .noSupervisionFiguresForYear: return Phrase(zh: "没有这一学年的督导数据。", en: "There are no figures for that school year.")
            case .schoolReportSubmitters:
                return Phrase(zh: "学校填报由本校或本区管理员提交。", en: "School reports are submitted by the school or its district.")
            case .qualityBalanceStagesOnly:
                return Phrase(zh: "优质均衡只评估小学和初中。", en: "The quality-balance assessment covers primary and junior schools only.")
            case .cityFiguresCityOnly: return Phrase(zh: "全市数据仅对市级管理员开放。", en: "City figures are for city staff.")

            case .caseFilesOfOtherDistrict:
                return Phrase(zh: "您无权查看其他区的特殊教育档案。", en: "You may not see another district's case files.")
            case .cityFiguresOnlyForCaseFiles:
                return Phrase(zh: "市级管理员只能查看汇总数据（见监测 CSV）。", en: "City admins see the figures only (monitoring CSV).")
            case .caseFileOpeners:
                return Phrase(zh: "只有区特殊教育指导中心（区级管理员）和学校管理员可以建档。",
                              en: "Only the district centre (district admins) and school admins open files.")
            case .noSuchCaseFile: return Phrase(zh: "没有这份档案。", en: "No such case file.")
            case .caseFileOutsideScope: return Phrase(zh: "您无权查看这份档案。", en: "This case file is outside your scope.")
            case .caseFileContentsHidden: return Phrase(zh: "您无权查看这份档案的内容。", en: "You may not see what this file holds.")
            case .caseFileEditors:
                return Phrase(zh: "只有该生学校的指定人员和区特殊教育指导中心可以修改档案。",
                              en: "Only the named staff of the child's school and the district centre may add to the file.")

            case .aidOfOtherDistrict: return Phrase(zh: "您无权查看其他区的资助数据。", en: "You may not see another district's aid.")
            case .aidTotalsBy: return Phrase(zh: "请选择按区、按学校或按政策汇总。", en: "Choose totals by district, by school or by policy.")
            case .schoolAidOutsideScope: return Phrase(zh: "您无权查看这所学校的资助名单。", en: "This school's aid list is outside your scope.")
            case .noSuchReviewStatus: return Phrase(zh: "没有这个状态。", en: "No such status.")
            case .noSuchReviewReason: return Phrase(zh: "没有这个原因。", en: "No such reason.")
            case .noSuchEligibilityList: return Phrase(zh: "没有这个名单。", en: "No such list.")
            case .noSuchReviewItem: return Phrase(zh: "没有这条待审核记录。", en: "No such review item.")
            case .reviewItemOutsideScope: return Phrase(zh: "这条记录不在您的管理范围内。", en: "This item is outside your scope.")
            case .onlyNameMismatchConfirmed:
                return Phrase(zh: "只有“姓名与学籍不符”的记录可以确认后资助；其他问题请先更正名单或学籍。",
                              en: "Only a name that differs from the registry can be confirmed and granted; correct other problems in the list or the registry.")
            case .onlyGuardiansChildGranted:
                return Phrase(zh: "只能资助名单上这位监护人在读的孩子。", en: "Only a child at school of the guardian on the list can be granted.")
            case .paymentFileStaffOnly: return Phrase(zh: "发放清单仅对市、区管理员开放。", en: "The payment file is for city and district staff.")
            case .declineGuardianOnly: return Phrase(zh: "只有学生的监护人可以放弃资助。", en: "Only the child's guardian may decline aid.")
            case .noSuchGrant: return Phrase(zh: "没有这项资助。", en: "No such grant.")
            case .grantNotForYourChild: return Phrase(zh: "这项资助不属于您的孩子。", en: "This grant is not for your child.")

            case .noSuchExport: return Phrase(zh: "没有这种导出。", en: "No such export.")
            case .exportRequestEntities:
                return Phrase(zh: "只有学生、监护人和教师的导出需要申请。", en: "Only exports of pupils, guardians and teachers need a request.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.refusal(.noSuchPage(7, of: 3)), .refusal(.noSuchPage(2, of: 1)), .refusal(.notAWholeNumber(.page)), .refusal(.notAWholeNumber(.perPage)),
             .refusal(.outOfRange(.perPage, allowed: 1...200)), .refusal(.outOfRange(.page, allowed: 1...1_000_000)),
             .refusal(.nameSearchTooLong(maximum: 50)), .refusal(.unknownSupervisionYear(known: [2024, 2025])),
             .refusal(.unknownSupervisionYear(known: []))]
        }
    }

    /// The refusals that carry numbers: the page asked for, the bounds of a query value, the years known.
    public enum RefusalsText: Sendable, Hashable {
        case noSuchPage(Int, of: Int)
        case notAWholeNumber(PagingParameter), outOfRange(PagingParameter, allowed: ClosedRange<Int>)
        case nameSearchTooLong(maximum: Int)
        case unknownSupervisionYear(known: [Int])

        var phrase: Phrase {
            switch self {
            case .noSuchPage(let page, let pageCount):
                return Phrase(zh: "没有第 \(Format.number(page)) 页；共 \(Format.number(pageCount)) 页。",
                              en: "There is no page \(Format.number(page)); " + (pageCount == 1 ? "there is 1 page." : "there are \(Format.number(pageCount)) pages."))
            case .notAWholeNumber(let parameter):
                return Phrase(zh: "\(parameter.name.zh)须为整数。", en: "\(parameter.name.en) must be a whole number.")
            case .outOfRange(let parameter, let allowed):
                let low = Format.number(allowed.lowerBound), high = Format.number(allowed.upperBound)
                return Phrase(zh: "\(parameter.name.zh)须在 \(low)–\(high) 之间。", en: "\(parameter.name.en) must be from \(low) to \(high).")
            case .nameSearchTooLong(let maximum):
                return Phrase(zh: "姓名不超过 \(maximum) 个字。", en: "A name has at most \(maximum) characters.")
            case .unknownSupervisionYear(let known):
                // Years are written as years, without a thousands comma.
                let years = known.sorted().map(String.init)
                guard !years.isEmpty else { return Catalogue.Refusals.noSupervisionFiguresForYear.phrase }
                return Phrase(zh: "没有这一学年的督导数据（可选：\(years.joined(separator: "、"))）。",
                              en: "There are no figures for that school year (known: \(years.joined(separator: ", "))).")
            }
        }
    }

    /// The query values of a paged list, named as a person reads them rather than by their codes.
    public enum PagingParameter: Sendable, Hashable {
        case page, perPage

        var name: Phrase {
            switch self {
            case .page: return Phrase(zh: "页码", en: "The page number")
            case .perPage: return Phrase(zh: "每页条数", en: "The number of rows per page")
            }
        }
    }
}

extension Phrase {
    public static func refusal(_ key: Catalogue.Refusals) -> Phrase { key.phrase }
    public static func refusal(_ text: Catalogue.RefusalsText) -> Phrase { text.phrase }
}
