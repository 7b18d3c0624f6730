import Plot
import YoujiaoCore

extension TeacherReviewsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress
        public init(chrome: Chrome, model: Model, address: PageAddress) { self.chrome = chrome; self.model = model; self.address = address }

        public var title: Phrase { .teacherReviews(.pageTitle(model.districtName)) }

        public var content: Component {
            let t = chrome.language
            return Node<HTML.BodyContext>.group(
                .dl(.class("facts"),
                    .dt(.words(t(.teacherReviews(.poachingCount)))), .dd(.strong(.id("poaching-count"), .words(Format.number(model.poaching.count)))),
                    .dt(.words(t(.teacherReviews(.lackingCount)))),
                    .dd(.strong(.id("lacking-count"), .words(Format.number(model.promotions.filter(\.lacksRotation).count)))),
                    .dt(.words(t(.teacherReviews(.appraisalCount)))), .dd(.span(.id("appraisal-count"), .words(Format.number(model.appraisal.count))))),
                section(.poaching, heading: .teacherReviews(.poachingHeading),
                        intro: [.teacherReviews(.poachingIntro), .teacherReviews(.windowNote(since: model.hiredSince))], filter: provinceField),
                section(.promotion, heading: .teacherReviews(.promotionHeading), intro: [.teacherReviews(.promotionIntro(days: model.requiredDays))],
                        filter: promotionField),
                section(.appraisal, heading: .teacherReviews(.appraisalHeading), intro: [.teacherReviews(.appraisalIntro)], filter: standingField),
                .p(.a(.attr("href", "/districts/\(PageAddress.encode(model.districtCode))"), .words(t(.teacherReviews(.backToDistrict)))))
            )
        }

        /// One list: what it is, its filter (keeping the other lists' filters and the sort), its downloads and its table.
        private func section(_ table: Table, heading: Phrase, intro: [Phrase], filter: FormField) -> Node<HTML.BodyContext> {
            let t = chrome.language
            let kept = [("province", model.filters.province), ("promotion", model.filters.promotion?.rawValue), ("standing", model.filters.standing?.rawValue)]
                .compactMap { name, value in value.map { (name, $0) } }.filter { $0.0 != filter.name }
                .map { FormField(name: $0.0, label: .verbatim($0.0), kind: .hidden, value: $0.1, language: t) }
            let tableModel = TeacherReviewsPage.table(table, model)
            return .section(
                .id(table.rawValue),
                .h2(.words(t(heading))),
                .forEach(intro) { .p(.class("summary"), .words(t($0))) },
                .component(FilterForm(action: model.href + "#\(table.rawValue)", fields: [filter] + kept,
                                      keptSort: address.value("sort") == nil ? nil : model.sort, language: t)),
                .if(!tableModel.rows.isEmpty, .component(DownloadLinks(for: address, csvPath: "\(model.href)/\(table.rawValue).csv",
                                                                      xlsxPath: "\(model.href)/\(table.rawValue).xlsx", language: t))),
                .component(DataTable(tableModel, address: address, language: t))
            )
        }

        private var provinceField: FormField {
            var provinces = Dictionary(model.poaching.map { ($0.province.code, $0.province) }, uniquingKeysWith: { a, _ in a })
            if let code = model.filters.province, provinces[code] == nil, let province = Province.named(code) { provinces[code] = province }
            let choices = [Choice(value: "", label: .teacherReviews(.allProvinces))]
                + provinces.values.sorted { $0.code < $1.code }.map { Choice(value: $0.code, label: Phrase(zh: $0.nameZH, en: $0.nameEN)) }
            return FormField(name: "province", label: .teacherReviews(.province), kind: .select(choices), value: model.filters.province ?? "",
                             id: "province-filter", language: chrome.language)
        }

        private var promotionField: FormField {
            let choices = [Choice(value: "", label: .teacherReviews(.allProposals)), Choice(value: "lacking", label: .teacherReviews(.lackingOnly)),
                           Choice(value: "meeting", label: .teacherReviews(.meetingOnly))]
            return FormField(name: "promotion", label: .teacherReviews(.rotationCheck), kind: .select(choices),
                             value: model.filters.promotion?.rawValue ?? "", id: "promotion-filter", language: chrome.language)
        }

        private var standingField: FormField {
            let choices = [Choice(value: "", label: .teacherReviews(.allStandings))]
                + TeacherReviews.AppraisalStanding.allCases.map { Choice(value: $0.rawValue, label: .teacherReviews(.standingName($0))) }
            return FormField(name: "standing", label: .teacherReviews(.standing), kind: .select(choices),
                             value: model.filters.standing?.rawValue ?? "", id: "standing-filter", language: chrome.language)
        }
    }
}
