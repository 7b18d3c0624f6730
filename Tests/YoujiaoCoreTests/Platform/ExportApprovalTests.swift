import Foundation
import Testing
@testable import YoujiaoCore

/// The two-person rule for exports with full ID numbers: who may ask, who may decide on whose
/// request, and when an approval allows its one download.
@Suite("Export approval rules")
struct ExportApprovalTests {
    static let city = AccessScope(role: .cityAdmin)
    static let huangpu = AccessScope(role: .districtAdmin, districtCode: "310101")
    static let xuhui = AccessScope(role: .districtAdmin, districtCode: "310104")
    static let school = AccessScope(role: .schoolAdmin, districtCode: "310101", schoolID: "3101010001")
    static let guardian = AccessScope(role: .guardian, guardianID: "g1")
    static let reason = "季度发放，财务系统导入"

    @Test(arguments: [
        // kind, parameters, scope, reason, expected refusal
        (ExportKind.paymentFile, ExportParameters(year: 2025), city, reason, nil),
        (.paymentFile, ExportParameters(year: 2025, districtCode: "310104"), city, reason, nil),
        (.paymentFile, ExportParameters(year: 2025, districtCode: "310101"), huangpu, reason, nil),
        (.paymentFile, ExportParameters(year: 2025), huangpu, reason, ExportRefusal.outsideScope),
        (.paymentFile, ExportParameters(year: 2025, districtCode: "310104"), huangpu, reason, .outsideScope),
        (.paymentFile, ExportParameters(year: 2025, districtCode: "310101"), school, reason, .notAllowedToRequest),
        (.paymentFile, ExportParameters(year: 2025), guardian, reason, .notAllowedToRequest),
        (.paymentFile, ExportParameters(year: 1999), city, reason, .outsideScope),
        (.paymentFile, ExportParameters(), city, reason, .outsideScope),
        (.paymentFile, ExportParameters(year: 2025, entity: "students"), city, reason, .outsideScope),
        (.paymentFile, ExportParameters(year: 2025), city, "", .reasonMissing),
        (.paymentFile, ExportParameters(year: 2025), city, " \n\t ", .reasonMissing),
        (.paymentFile, ExportParameters(year: 2025), city, String(repeating: "因", count: 500), nil),
        (.paymentFile, ExportParameters(year: 2025), city, String(repeating: "因", count: 501), .reasonTooLong),
        (.registryExport, ExportParameters(entity: "students"), city, reason, nil),
        (.registryExport, ExportParameters(entity: "guardians"), city, reason, nil),
        (.registryExport, ExportParameters(entity: "teachers"), city, reason, nil),
        (.registryExport, ExportParameters(entity: "districts"), city, reason, .outsideScope),
        (.registryExport, ExportParameters(entity: "nothing"), city, reason, .outsideScope),
        (.registryExport, ExportParameters(year: 2025, entity: "students"), city, reason, .outsideScope),
        (.registryExport, ExportParameters(entity: "students"), huangpu, reason, .notAllowedToRequest),
    ] as [(ExportKind, ExportParameters, AccessScope, String, ExportRefusal?)])
    func whoMayAsk(kind: ExportKind, parameters: ExportParameters, scope: AccessScope, reason: String, expected: ExportRefusal?) {
        #expect(ExportRules.requestRefusal(kind: kind, parameters: parameters, scope: scope, reason: reason) == expected)
    }

    @Test func aDistrictAdministratorsPaymentFileIsAlwaysTheirDistricts() {
        #expect(ExportParameters.paymentFile(year: 2025, askedDistrict: nil, scope: Self.huangpu) == ExportParameters(year: 2025, districtCode: "310101"))
        #expect(ExportParameters.paymentFile(year: 2025, askedDistrict: "", scope: Self.city) == ExportParameters(year: 2025))
        #expect(ExportParameters.paymentFile(year: 2025, askedDistrict: "310104", scope: Self.city).districtCode == "310104")
    }

    static func party(_ name: String, _ scope: AccessScope) -> ExportParty { ExportParty(username: name, scope: scope) }

    @Test(arguments: [
        // requester, approver, status, approving, note, expected refusal
        (party("hp1", huangpu), party("hp2", huangpu), ExportStatus.waiting, true, "", nil),
        (party("hp1", huangpu), party("city", city), .waiting, true, "", nil),
        (party("hp1", huangpu), party("hp1", huangpu), .waiting, true, "", ExportRefusal.ownRequest),
        (party("hp1", huangpu), party("xh1", xuhui), .waiting, true, "", .approverScopeTooNarrow),
        (party("hp1", huangpu), party("sch", school), .waiting, true, "", .approverScopeTooNarrow),
        (party("hp1", huangpu), party("par", guardian), .waiting, true, "", .approverScopeTooNarrow),
        (party("city", city), party("city2", city), .waiting, true, "", nil),
        (party("city", city), party("city", city), .waiting, true, "", .ownRequest),
        (party("city", city), party("hp2", huangpu), .waiting, true, "", .approverScopeTooNarrow),
        (party("hp1", huangpu), party("city", city), .approved, true, "", .notWaiting),
        (party("hp1", huangpu), party("city", city), .refused, false, "不需要", .notWaiting),
        (party("hp1", huangpu), party("city", city), .downloaded, true, "", .notWaiting),
        (party("hp1", huangpu), party("city", city), .waiting, false, "", .noteMissing),
        (party("hp1", huangpu), party("city", city), .waiting, false, "用途不明", nil),
        (party("hp1", huangpu), party("city", city), .waiting, false, String(repeating: "x", count: 501), .noteTooLong),
        (party("hp1", huangpu), party("city", city), .waiting, true, String(repeating: "x", count: 501), .noteTooLong),
        // A district administrator without a district on record decides nothing.
        (party("hp1", huangpu), party("lost", AccessScope(role: .districtAdmin)), .waiting, true, "", .approverScopeTooNarrow),
    ] as [(ExportParty, ExportParty, ExportStatus, Bool, String, ExportRefusal?)])
    func whoMayDecide(requester: ExportParty, approver: ExportParty, status: ExportStatus, approving: Bool, note: String, expected: ExportRefusal?) {
        let request = ExportRequestFacts(kind: .paymentFile, parameters: ExportParameters(year: 2025, districtCode: requester.scope.districtCode),
                                         requester: requester, status: status)
        #expect(ExportRules.decisionRefusal(request, approver: approver, approving: approving, note: note) == expected)
    }

    static let approvedAt = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: [
        // status, kind, parameters, downloader, seconds after approval, downloads today, expected refusal
        (ExportStatus.approved, ExportKind.paymentFile, ExportParameters(year: 2025, districtCode: "310101"), "hp1" as String?, 60.0, 0, nil as ExportRefusal?),
        (.approved, .paymentFile, ExportParameters(year: 2025, districtCode: "310101"), nil, 60.0, 0, nil),
        (.approved, .paymentFile, ExportParameters(year: 2025, districtCode: "310101"), "hp1", 60.0, 2, nil),
        (.approved, .paymentFile, ExportParameters(year: 2025, districtCode: "310101"), "hp1", 60.0, 3, .dailyCapReached),
        (.approved, .paymentFile, ExportParameters(year: 2025, districtCode: "310101"), "hp1", 24 * 3600 - 1, 0, nil),
        (.approved, .paymentFile, ExportParameters(year: 2025, districtCode: "310101"), "hp1", 24 * 3600, 0, .expired),
        (.approved, .paymentFile, ExportParameters(year: 2024, districtCode: "310101"), "hp1", 60.0, 0, .doesNotMatch),
        (.approved, .paymentFile, ExportParameters(year: 2025), "hp1", 60.0, 0, .doesNotMatch),
        (.approved, .registryExport, ExportParameters(year: 2025, districtCode: "310101"), nil, 60.0, 0, .doesNotMatch),
        (.approved, .paymentFile, ExportParameters(year: 2025, districtCode: "310101"), "hp2", 60.0, 0, .notRequester),
        (.waiting, .paymentFile, ExportParameters(year: 2025, districtCode: "310101"), "hp1", 60.0, 0, .notApproved),
        (.refused, .paymentFile, ExportParameters(year: 2025, districtCode: "310101"), "hp1", 60.0, 0, .refused),
        (.downloaded, .paymentFile, ExportParameters(year: 2025, districtCode: "310101"), "hp1", 60.0, 0, .alreadyDownloaded),
    ])
    func whenTheDownloadIsAllowed(status: ExportStatus, kind: ExportKind, parameters: ExportParameters, downloader: String?,
                                  after seconds: Double, downloadsToday: Int, expected: ExportRefusal?) {
        let request = ExportRequestFacts(kind: .paymentFile, parameters: ExportParameters(year: 2025, districtCode: "310101"),
                                         requester: Self.party("hp1", Self.huangpu), status: status,
                                         approvedAt: status == .waiting ? nil : Self.approvedAt)
        #expect(ExportRules.downloadRefusal(request, kind: kind, parameters: parameters, downloader: downloader,
                                            now: Self.approvedAt.addingTimeInterval(seconds), downloadsToday: downloadsToday) == expected)
    }

    @Test func theDailyCapCountsBeijingDays() {
        // 2026-12-06 15:59:59 UTC is 23:59:59 in Beijing; one second later a new Beijing day begins.
        let lastSecond = Date(timeIntervalSince1970: 1_796_572_799)
        #expect(ExportWatermark.beijingMinute(lastSecond) == "2026-12-06 23:59")
        #expect(ExportRules.beijingDayStart(of: lastSecond) == Date(timeIntervalSince1970: 1_796_572_800 - 86_400))
        #expect(ExportRules.beijingDayStart(of: lastSecond.addingTimeInterval(1)) == Date(timeIntervalSince1970: 1_796_572_800))
    }

    @Test func theWatermarkNamesBothPeopleTheBeijingTimeAndTheRequest() {
        let lines = ExportWatermark.lines(requester: "张三（zhangsan）", approver: "李四\n（lisi）", downloadedAt: Date(timeIntervalSince1970: 1_796_537_000),
                                          requestID: "r-1")
        #expect(lines == ["# 导出：张三（zhangsan） 申请，李四 （lisi） 批准，2026-12-06 14:03（北京时间），申请号 r-1",
                          "# export: requested by 张三（zhangsan）, approved by 李四 （lisi）, 2026-12-06 14:03 Beijing time, request r-1"])
        #expect(lines.allSatisfy { $0.hasPrefix("#") && !$0.contains("\n") }, "a name cannot end the comment early")
    }

    @Test func onlyEntitiesWithIDNumbersNeedARequest() {
        #expect(RegistryEntityKind.allCases.filter(\.carriesFullIDNumbers) == [.students, .guardians, .teachers, .appointments, .qualifications, .training, .rotations, .teacherHomes],
                "teacher-history files name teachers by their full ID number")
    }

    @Test func everyRefusalSaysWhyInBothLanguages() {
        let all: [ExportRefusal] = [.notAllowedToRequest, .outsideScope, .reasonMissing, .reasonTooLong, .noteMissing, .noteTooLong,
                                    .ownRequest, .approverScopeTooNarrow, .notWaiting, .notRequester, .notApproved, .expired,
                                    .alreadyDownloaded, .refused, .dailyCapReached, .doesNotMatch, .noRequest, .noSuchRequest]
        #expect(Set(all.map(\.zh)).count == all.count && Set(all.map(\.en)).count == all.count)
        #expect(ExportRefusal.noRequest.zh.contains("/exports") && ExportRefusal.noRequest.en.contains("/exports"))
    }
}
