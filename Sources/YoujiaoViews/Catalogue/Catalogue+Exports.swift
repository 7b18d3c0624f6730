import YoujiaoCore

extension Catalogue {
    /// Exports with full ID numbers: the request, the second person's decision, the one download.
    public enum Exports: PhraseBook {
        case title, ask, requestTitle, rules, reasonHint, sendRequest, requestPaymentFile
        case myRequests, awaitingMe, noMyRequests, noAwaiting
        case what, requester, requestedAt, reason, status, decidedBy, note, requestNumber
        case paymentFile, registryExport, wholeCity
        case waiting, approved, refused, downloaded, expired
        case approve, refuse, download
        case approveHeading, approveWhoMayDownload, approveWatermark, refuseHeading, refuseConsequence, noteHint, refusalNoteHint
        case requested, approvedDone, refusedDone

        public var phrase: Phrase {
            switch self {
            case .title: return Phrase(zh: "导出审批", en: "Exports")
            case .ask: return Phrase(zh: "申请导出", en: "Ask for an export")
            case .requestTitle: return Phrase(zh: "申请导出含完整身份证件号的文件", en: "Ask for an export with full ID numbers")
            case .rules:
                return Phrase(zh: "这份文件含学生完整身份证件号。须说明理由，并由另一位工作人员（同区的其他管理员或市级管理员）批准；批准后 24 小时内可由申请人下载一次，每人每天最多 \(ExportRules.dailyDownloadCap) 份。每一步都记入审计日志。",
                              en: "This file holds pupils' full ID numbers. Say why you need it; another staff member (another administrator of your district, or a city administrator) approves it; then you may download it once within 24 hours, at most \(ExportRules.dailyDownloadCap) files a day. Every step is logged.")
            case .reasonHint:
                return Phrase(zh: "例如：本学年第一批资助发放，导入财务系统。不超过 \(ExportRules.reasonMaxLength) 字，将与您的姓名、时间一起记入日志。",
                              en: "For example: the first aid payment of the year, for the finance system. At most \(ExportRules.reasonMaxLength) characters, logged with your name and the time.")
            case .sendRequest: return Phrase(zh: "提交申请", en: "Send the request")
            case .requestPaymentFile: return Phrase(zh: "申请下载发放清单（财务）", en: "Request the payment file (finance)")
            case .myRequests: return Phrase(zh: "我的申请", en: "My requests")
            case .awaitingMe: return Phrase(zh: "待我审批", en: "Waiting for my decision")
            case .noMyRequests: return Phrase(zh: "您还没有导出申请。", en: "You have not asked for any export.")
            case .noAwaiting: return Phrase(zh: "没有等待您审批的申请。", en: "Nothing is waiting for your decision.")
            case .what: return Phrase(zh: "导出内容", en: "Export")
            case .requester: return Phrase(zh: "申请人", en: "Asked by")
            case .requestedAt: return Phrase(zh: "申请时间", en: "Asked at")
            case .reason: return Phrase(zh: "申请理由", en: "Reason")
            case .status: return Phrase(zh: "状态", en: "Status")
            case .decidedBy: return Phrase(zh: "审批人", en: "Decided by")
            case .note: return Phrase(zh: "审批说明", en: "Note")
            case .requestNumber: return Phrase(zh: "申请号", en: "Request number")
            case .paymentFile: return Phrase(zh: "资助发放清单（财务）", en: "Aid payment file (finance)")
            case .registryExport: return Phrase(zh: "学籍数据导出（运维）", en: "Registry export (operator)")
            case .wholeCity: return Phrase(zh: "全市", en: "whole city")
            case .waiting: return Phrase(zh: "待审批", en: "waiting")
            case .approved: return Phrase(zh: "已批准，可下载", en: "approved: ready to download")
            case .refused: return Phrase(zh: "未批准", en: "refused")
            case .downloaded: return Phrase(zh: "已下载", en: "downloaded")
            case .expired: return Phrase(zh: "已失效（批准超过 24 小时）", en: "expired (approved over 24 hours ago)")
            case .approve: return Phrase(zh: "批准", en: "Approve")
            case .refuse: return Phrase(zh: "不予批准", en: "Refuse")
            case .download: return Phrase(zh: "下载", en: "Download")
            case .approveHeading: return Phrase(zh: "批准这项导出申请", en: "Approve this export request")
            case .approveWhoMayDownload:
                return Phrase(zh: "申请人可在 24 小时内下载一次这份含完整身份证件号的文件。", en: "The person who asked may download this file with full ID numbers once within 24 hours.")
            case .approveWatermark:
                return Phrase(zh: "文件开头写明申请人、批准人（您）、下载时间和申请号。", en: "The file opens with the names of the person who asked and of you as approver, the time of the download and the request number.")
            case .refuseHeading: return Phrase(zh: "不予批准这项导出申请", en: "Refuse this export request")
            case .refuseConsequence:
                return Phrase(zh: "申请人会看到您的说明；如仍需导出，须重新申请。", en: "The person who asked sees your note; to export after all, they must ask again.")
            case .noteHint: return Phrase(zh: "可选，不超过 \(ExportRules.reasonMaxLength) 字。", en: "Optional, at most \(ExportRules.reasonMaxLength) characters.")
            case .refusalNoteHint: return Phrase(zh: "请说明理由，不超过 \(ExportRules.reasonMaxLength) 字。", en: "Say why, in at most \(ExportRules.reasonMaxLength) characters.")
            case .requested: return Phrase(zh: "申请已提交，请等待另一位工作人员批准。", en: "Request sent: another staff member decides on it.")
            case .approvedDone: return Phrase(zh: "已批准：申请人现在可以下载一次。", en: "Approved: the person who asked may now download the file once.")
            case .refusedDone: return Phrase(zh: "已不予批准，申请人会看到您的说明。", en: "Refused: the person who asked sees your note.")
            }
        }

        public static var parameterisedExamples: [Phrase] {
            [.paymentFileOf(schoolYear: 2025, districtName: "黄浦区"), .paymentFileOf(schoolYear: 2025, districtName: nil),
             .registryExportOf("students"), .registryExportOf("guardians"), .registryExportOf("teachers"),
             .registryExportOf("appointments"), .registryExportOf("qualifications"), .registryExportOf("training"), .registryExportOf("rotations")]
        }
    }
}

extension Phrase {
    public static func exports(_ key: Catalogue.Exports) -> Phrase { key.phrase }

    /// "资助发放清单（财务）：2025–26 学年，黄浦区" / "Aid payment file (finance): school year 2025–26, 黄浦区".
    public static func paymentFileOf(schoolYear year: Int, districtName: String?) -> Phrase {
        let kind = Catalogue.Exports.paymentFile.phrase, span = Phrase.schoolYear(year)
        let scope = districtName.map(Phrase.verbatim) ?? Catalogue.Exports.wholeCity.phrase
        return Phrase(zh: "\(kind.zh)：\(span.zh)，\(scope.zh)", en: "\(kind.en): \(span.en), \(scope.en)")
    }

    /// The operator's export of one registry entity.
    public static func registryExportOf(_ entity: String) -> Phrase {
        let kind = Catalogue.Exports.registryExport.phrase
        let name: Phrase
        switch entity {
        case "students": name = Phrase(zh: "学生", en: "pupils")
        case "guardians": name = Phrase(zh: "监护人", en: "guardians")
        case "teachers": name = Phrase(zh: "教师", en: "teachers")
        case "appointments": name = Phrase(zh: "教师任职经历", en: "teachers' appointments")
        case "qualifications": name = Phrase(zh: "教师职称与骨干级别", en: "teachers' titles and key levels")
        case "training": name = Phrase(zh: "教师研训记录", en: "teachers' training")
        case "rotations": name = Phrase(zh: "教师交流轮岗", en: "teachers' rotations")
        case "teacher-homes": name = Phrase(zh: "教师住址", en: "teachers' homes")
        default: name = .verbatim(entity)
        }
        return Phrase(zh: "\(kind.zh)：\(name.zh)", en: "\(kind.en): \(name.en)")
    }

    /// The label of a request's state; an approval past its 24 hours reads as expired.
    public static func exportStatus(_ status: ExportStatus, expired: Bool) -> Phrase {
        if expired { return .exports(.expired) }
        switch status {
        case .waiting: return .exports(.waiting)
        case .approved: return .exports(.approved)
        case .refused: return .exports(.refused)
        case .downloaded: return .exports(.downloaded)
        }
    }
}
