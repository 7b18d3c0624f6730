import Plot
import YoujiaoCore

/// The school year on view and the years with figures: a GET form that reloads the page for another year.
public struct SupervisionYear: Sendable, Hashable {
    public var year: Int
    /// Every school year with figures, newest first in the select.
    public var known: [Int]
    public init(year: Int, known: [Int]) { self.year = year; self.known = known.sorted(by: >) }
}

struct SupervisionYearPicker: Component {
    var choice: SupervisionYear
    var address: PageAddress
    var language: Language

    var body: Component {
        let t = language
        // The page's other parameters ride along; a new year starts again at page 1.
        let kept = address.query.filter { !["year", "page"].contains($0.name) }
        let field = FormField(name: "year", label: .supervision(.schoolYear),
                              kind: .select(choice.known.map { Choice(value: String($0), label: .schoolYearLabel($0)) }),
                              value: String(choice.year), language: t)
        return Node<HTML.BodyContext>.form(
            .attr("method", "get"), .attr("action", address.path), .class("filters"), .attr("aria-label", t(.supervision(.schoolYear))),
            .forEach(kept) { .input(.attr("type", "hidden"), .attr("name", $0.name), .attr("value", $0.value)) },
            .component(field),
            .button(.attr("type", "submit"), .words(t(.supervision(.show))))
        )
    }
}

/// Links in a line, separated by dots (the related pages of a supervision page).
struct SupervisionLinkLine: Component {
    var links: [(Phrase, String)]
    var language: Language

    var body: Component {
        Node<HTML.BodyContext>.p(
            .class("related"),
            .forEach(Array(links.enumerated())) { index, link in
                .group(.if(index > 0, .text(" · ")), .a(.attr("href", link.1), .words(language(link.0))))
            }
        )
    }
}

/// The three statuses in their colours, so a reader of a coloured table knows what each colour says.
struct SupervisionStatusLegend: Component {
    var language: Language
    var body: Component {
        Node<HTML.BodyContext>.p(
            .class("legend"),
            .forEach(IndicatorStatus.allCases) { status in
                .group(.span(.class("badge badge-\(SupervisionFigures.tone(status).rawValue)"), .words(language(SupervisionFigures.status(status)))), .text(" "))
            }
        )
    }
}


/// Sentences in a row, as each language writes them (Chinese without a space after "。").
func supervisionSentences(_ language: Language, _ parts: Phrase...) -> String {
    parts.map { language($0) }.joined(separator: language == .zh ? "" : " ")
}
