import Foundation

/// Bulk exports that carry full national ID numbers (the aid payment file, the operator's export of
/// pupils, guardians or teachers) follow a two-person rule: one staff member asks, with a reason;
/// another of the same or a wider scope approves; the approval is good for one download within
/// 24 hours; and each requester downloads at most `dailyDownloadCap` such files a Beijing day.
public enum ExportKind: String, Sendable, CaseIterable, Codable {
    case paymentFile = "payment-file"
    case registryExport = "registry-export"
}

/// Where a request stands. An approved request past its 24 hours is expired (derived, not stored).
public enum ExportStatus: String, Sendable, CaseIterable, Codable {
    case waiting, approved, refused, downloaded
}

/// What a request exports: the payment file of a school year (the whole city, or one district),
/// or one registry entity. Compared whole: a download must ask for exactly what was approved.
public struct ExportParameters: Sendable, Hashable, Codable {
    public var year: Int?
    public var districtCode: String?
    public var entity: String?

    public init(year: Int? = nil, districtCode: String? = nil, entity: String? = nil) {
        self.year = year; self.districtCode = districtCode; self.entity = entity
    }

    /// The payment file as the scope sees it: a district administrator's file is always their own
    /// district's (as the file itself is), so a request and its download name the same thing.
    public static func paymentFile(year: Int, askedDistrict: String?, scope: AccessScope) -> ExportParameters {
        let district = scope.role == .districtAdmin ? scope.districtCode : askedDistrict.flatMap { $0.isEmpty ? nil : $0 }
        return ExportParameters(year: year, districtCode: district)
    }

    public static func registryExport(_ entity: RegistryEntityKind) -> ExportParameters {
        ExportParameters(entity: entity.rawValue)
    }
}

extension RegistryEntityKind {
    /// The entities whose export holds full national ID numbers and so needs an approved request.
    public var carriesFullIDNumbers: Bool {
        switch self {
        case .students, .guardians, .teachers, .appointments, .qualifications, .training, .rotations, .teacherHomes: return true
        case .districts, .zones, .schools, .enrollment, .births: return false
        }
    }
}

/// A person in the rules: who they are and the scope they act in.
public struct ExportParty: Sendable, Equatable {
    public var username: String
    public var scope: AccessScope
    public init(username: String, scope: AccessScope) { self.username = username; self.scope = scope }
}

/// The facts of a stored request the rules look at.
public struct ExportRequestFacts: Sendable, Equatable {
    public var kind: ExportKind
    public var parameters: ExportParameters
    public var requester: ExportParty
    public var status: ExportStatus
    public var approvedAt: Date?

    public init(kind: ExportKind, parameters: ExportParameters, requester: ExportParty, status: ExportStatus, approvedAt: Date? = nil) {
        self.kind = kind; self.parameters = parameters; self.requester = requester; self.status = status; self.approvedAt = approvedAt
    }
}

/// Why a step of an export request was refused, in both languages.
public enum ExportRefusal: Error, Sendable, Hashable {
    case notAllowedToRequest, outsideScope, reasonMissing, reasonTooLong, noteMissing, noteTooLong
    case ownRequest, approverScopeTooNarrow, notWaiting
    case notRequester, notApproved, expired, alreadyDownloaded, refused, dailyCapReached, doesNotMatch, noRequest, noSuchRequest

    public var zh: String {
        switch self {
        case .notAllowedToRequest: return "您的角色不能申请含完整身份证件号的导出。"
        case .outsideScope: return "所申请的数据不在您的管理范围内。"
        case .reasonMissing: return "请填写申请理由。"
        case .reasonTooLong: return "申请理由不超过 \(ExportRules.reasonMaxLength) 字。"
        case .noteMissing: return "不予批准时请填写说明。"
        case .noteTooLong: return "说明不超过 \(ExportRules.reasonMaxLength) 字。"
        case .ownRequest: return "不能批准或驳回自己的导出申请，须由另一位工作人员审批。"
        case .approverScopeTooNarrow: return "只有同区的其他管理员或市级管理员可以审批这项申请。"
        case .notWaiting: return "这项申请已经审批过了。"
        case .notRequester: return "只有申请人本人可以下载已批准的文件。"
        case .notApproved: return "这项申请尚未获批，请等待另一位工作人员在“导出审批”页批准。"
        case .expired: return "批准已超过 24 小时失效，请在“导出审批”页（/exports）重新申请。"
        case .alreadyDownloaded: return "每次批准只能下载一次，这份文件已经下载过；如需再次导出，请在“导出审批”页（/exports）重新申请。"
        case .refused: return "这项申请未获批准。"
        case .dailyCapReached: return "您今天已下载 \(ExportRules.dailyDownloadCap) 份含完整身份证件号的文件，已达每日上限，请明天再试。"
        case .doesNotMatch: return "所下载的内容与批准的申请不一致（种类、学年、区或数据项不同）。"
        case .noRequest:
            return "含完整身份证件号的导出须先申请，并经另一位工作人员批准：请在“导出审批”页（/exports）提出申请，获批后从该页下载。"
        case .noSuchRequest: return "没有这项导出申请。"
        }
    }

    public var en: String {
        switch self {
        case .notAllowedToRequest: return "Your role may not ask for exports with full ID numbers."
        case .outsideScope: return "The data asked for is outside your scope."
        case .reasonMissing: return "Give the reason for the request."
        case .reasonTooLong: return "The reason is at most \(ExportRules.reasonMaxLength) characters."
        case .noteMissing: return "Say why when you refuse."
        case .noteTooLong: return "The note is at most \(ExportRules.reasonMaxLength) characters."
        case .ownRequest: return "You cannot approve or refuse your own export request: another staff member decides."
        case .approverScopeTooNarrow: return "Only another administrator of the same district, or a city administrator, may decide on this request."
        case .notWaiting: return "This request has already been decided."
        case .notRequester: return "Only the person who asked may download the approved file."
        case .notApproved: return "This request is not approved yet: another staff member approves it on the Exports page."
        case .expired: return "The approval expired after 24 hours: ask again on the Exports page (/exports)."
        case .alreadyDownloaded: return "Each approval allows one download and this file was already downloaded: ask again on the Exports page (/exports)."
        case .refused: return "This request was refused."
        case .dailyCapReached: return "You have downloaded \(ExportRules.dailyDownloadCap) files with full ID numbers today, the daily limit; try again tomorrow."
        case .doesNotMatch: return "The download does not match the approved request (kind, school year, district or entity differ)."
        case .noRequest:
            return "Exports with full ID numbers need a request approved by a second staff member: ask on the Exports page (/exports) and download from there once approved."
        case .noSuchRequest: return "No such export request."
        }
    }
}

/// The rules of the two-person export, asked by the web pages and the command line alike.
public enum ExportRules {
    /// How long an approval may wait for its one download.
    public static let approvalLifetime: TimeInterval = 24 * 3600
    /// Approved downloads per requester and Beijing day.
    public static let dailyDownloadCap = 3
    public static let reasonMaxLength = 500

    /// Whether `scope` may ask for this export; nil when it may.
    public static func requestRefusal(kind: ExportKind, parameters: ExportParameters, scope: AccessScope, reason: String) -> ExportRefusal? {
        switch kind {
        case .paymentFile:
            guard scope.canExportAidPayments else { return .notAllowedToRequest }
            guard let year = parameters.year, (2000...2100).contains(year), parameters.entity == nil else { return .outsideScope }
            if scope.role == .districtAdmin && parameters.districtCode != scope.districtCode { return .outsideScope }
            if let district = parameters.districtCode, !scope.canSeeDistrict(district) { return .outsideScope }
        case .registryExport:
            // The operator's export is the whole city's registry.
            guard scope.role == .cityAdmin else { return .notAllowedToRequest }
            guard let entity = parameters.entity.flatMap(RegistryEntityKind.init(rawValue:)), entity.carriesFullIDNumbers,
                  parameters.year == nil, parameters.districtCode == nil else { return .outsideScope }
        }
        return textRefusal(reason, missing: .reasonMissing, tooLong: .reasonTooLong)
    }

    /// Whether `approver` may approve or refuse the request; nil when they may. A refusal needs a note.
    public static func decisionRefusal(_ request: ExportRequestFacts, approver: ExportParty, approving: Bool, note: String) -> ExportRefusal? {
        guard approver.username != request.requester.username else { return .ownRequest }
        guard approver.scope.canExportAidPayments else { return .approverScopeTooNarrow }
        switch (approver.scope.role, request.requester.scope.role) {
        case (.cityAdmin, _): break
        case (.districtAdmin, .districtAdmin) where approver.scope.districtCode != nil
            && approver.scope.districtCode == request.requester.scope.districtCode: break
        default: return .approverScopeTooNarrow
        }
        guard request.status == .waiting else { return .notWaiting }
        if approving { return note.count > reasonMaxLength ? .noteTooLong : nil }
        return textRefusal(note, missing: .noteMissing, tooLong: .noteTooLong)
    }

    /// Whether the request allows this download now; nil when it does. `downloader` is nil on the
    /// command line, where the operator presents the request's id instead of signing in.
    public static func downloadRefusal(_ request: ExportRequestFacts, kind: ExportKind, parameters: ExportParameters,
                                       downloader: String?, now: Date, downloadsToday: Int) -> ExportRefusal? {
        guard request.kind == kind, request.parameters == parameters else { return .doesNotMatch }
        if let downloader, downloader != request.requester.username { return .notRequester }
        switch request.status {
        case .waiting: return .notApproved
        case .refused: return .refused
        case .downloaded: return .alreadyDownloaded
        case .approved: break
        }
        guard let approvedAt = request.approvedAt, !isExpired(approvedAt: approvedAt, now: now) else { return .expired }
        return downloadsToday >= dailyDownloadCap ? .dailyCapReached : nil
    }

    public static func isExpired(approvedAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(approvedAt) >= approvalLifetime
    }

    /// The start of the Beijing day (UTC+8, no daylight saving) that holds `date`: the daily cap counts from here.
    public static func beijingDayStart(of date: Date) -> Date {
        let offset: TimeInterval = 8 * 3600
        let local = date.timeIntervalSince1970 + offset
        return Date(timeIntervalSince1970: (local / 86_400).rounded(.down) * 86_400 - offset)
    }

    private static func textRefusal(_ text: String, missing: ExportRefusal, tooLong: ExportRefusal) -> ExportRefusal? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return missing }
        return trimmed.count > reasonMaxLength ? tooLong : nil
    }
}

/// The comment lines that open an approved export file, before its header: who asked, who approved,
/// when it was downloaded (Beijing time) and the request's id. Finance systems that skip lines
/// starting with `#` read the file as before; a leaked copy says where it came from.
public enum ExportWatermark {
    public static func lines(requester: String, approver: String, downloadedAt: Date, requestID: String) -> [String] {
        let when = beijingMinute(downloadedAt)
        return ["# 导出：\(clean(requester)) 申请，\(clean(approver)) 批准，\(when)（北京时间），申请号 \(clean(requestID))",
                "# export: requested by \(clean(requester)), approved by \(clean(approver)), \(when) Beijing time, request \(clean(requestID))"]
    }

    /// The lines joined, each ended by a line break, ready to go before the CSV header.
    public static func text(requester: String, approver: String, downloadedAt: Date, requestID: String) -> String {
        lines(requester: requester, approver: approver, downloadedAt: downloadedAt, requestID: requestID).map { $0 + "\n" }.joined()
    }

    /// "yyyy-MM-dd HH:mm" in Beijing.
    static func beijingMinute(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// A name on one comment line: no line breaks, so the header stays the first line that is not a comment.
    private static func clean(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
