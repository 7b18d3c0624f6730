import Testing
@testable import YoujiaoViews

/// The refusals that carry numbers read as sentences: grouped figures, years without a comma,
/// query values named in words.
@Suite("Refusal phrases")
struct RefusalPhraseTests {
    @Test func aPagePastTheEndSaysHowManyThereAre() {
        #expect(Phrase.refusal(.noSuchPage(7, of: 3)) == Phrase(zh: "没有第 7 页；共 3 页。", en: "There is no page 7; there are 3 pages."))
        #expect(Phrase.refusal(.noSuchPage(2, of: 1)).en == "There is no page 2; there is 1 page.")
        #expect(Phrase.refusal(.noSuchPage(1_000_000, of: 1_200)).zh == "没有第 1,000,000 页；共 1,200 页。")
    }

    @Test func pagingValuesAreNamedInWordsNotCodes() {
        #expect(Phrase.refusal(.notAWholeNumber(.perPage)) == Phrase(zh: "每页条数须为整数。", en: "The number of rows per page must be a whole number."))
        let range = Phrase.refusal(.outOfRange(.page, allowed: 1...1_000_000))
        #expect(range == Phrase(zh: "页码须在 1–1,000,000 之间。", en: "The page number must be from 1 to 1,000,000."))
        #expect(!range.zh.contains("page") && !range.zh.contains("per_page"))
    }

    @Test func knownYearsAreListedInOrderAsYears() {
        let years = Phrase.refusal(.unknownSupervisionYear(known: [2025, 2023, 2024]))
        #expect(years == Phrase(zh: "没有这一学年的督导数据（可选：2023、2024、2025）。",
                                en: "There are no figures for that school year (known: 2023, 2024, 2025)."))
        #expect(Phrase.refusal(.unknownSupervisionYear(known: [])) == .refusal(.noSupervisionFiguresForYear), "no empty brackets")
    }

    @Test func theSameRefusalIsOneKeyWhereverItIsSaid() {
        #expect(Phrase.refusal(.noSuchSchool) == Phrase(zh: "没有这所学校。", en: "No such school."))
        let sentences = Catalogue.Refusals.allCases.map(\.phrase)
        #expect(Set(sentences.map(\.zh)).count == sentences.count, "two keys say the same Chinese")
        #expect(Set(sentences.map(\.en)).count == sentences.count, "two keys say the same English")
    }
}
