import Plot
import YoujiaoCore

extension IndicatorSchoolsPage {
    public struct View: PageView {
        public var chrome: Chrome
        public var model: Model
        public var address: PageAddress

        public init(chrome: Chrome, model: Model, address: PageAddress) {
            self.chrome = chrome; self.model = model; self.address = address
        }

        public var title: Phrase {
            Phrase(zh: "\(model.districtName) · \(model.indicator.zh)", en: "\(model.districtName) · \(model.indicator.en)")
        }

        public var content: Component {
            let t = chrome.language, year = model.year.year
            let district = "/supervision/districts/\(PageAddress.encode(model.districtCode))"
            let base = "\(district)/indicators/\(PageAddress.encode(model.indicatorCode))"
            var facts = [FactList.Fact(.supervision(.indicator), .phrase(model.indicator)),
                         FactList.Fact(.supervision(.formula), .phrase(model.formula)),
                         FactList.Fact(.supervision(.schoolTarget), .phrase(model.schoolTarget)),
                         FactList.Fact(.supervision(.source), .text(model.source))]
            if let figure = model.districtFigure {
                facts.append(FactList.Fact(.supervision(.districtFigure), figure.cell))
                if let target = model.districtTarget { facts.append(FactList.Fact(.supervision(.target), .phrase(target))) }
                if !model.ratio.isEmpty { facts.append(FactList.Fact(.supervision(.numeratorDenominator), .text(model.ratio))) }
                if let missing = model.missing { facts.append(FactList.Fact(.supervision(.missingInputs), .phrase(missing))) }
            }
            return Node<HTML.BodyContext>.group(
                .p(.a(.attr("href", "\(district)?year=\(year)"), .words("← " + model.districtName)), .text(" · "),
                   .words(t(.schoolYearLabel(year)))),
                .component(FactList(facts, language: t)),
                .if(model.isDistrictFact,
                    .group(.h2(.words(t(.supervision(.districtReport)))),
                           .component(DataTable(IndicatorSchoolsPage.districtReportTable(model), address: address, language: t))),
                    else: .group(
                        .h2(.words(t(.schoolsBehind(model.schools.count)))),
                        .if(!model.schools.isEmpty, .component(DownloadLinks(for: address, csvPath: "\(base)/schools.csv",
                                                                             xlsxPath: "\(base)/schools.xlsx", language: t))),
                        .component(DataTable(IndicatorSchoolsPage.table(model), address: address, language: t))))
            )
        }
    }
}
