import Testing
import YoujiaoCore
@testable import YoujiaoViews

@Suite("Catalogue")
struct CatalogueTests {
    /// Latin words a Chinese sentence may carry: formats and abbreviations people know as such.
    /// Names that stay Latin in Chinese text: file formats, the hash algorithm the public checks
    /// against, and the command people type to check a draw.
    static let latinAllowedInChinese: Set<String> = ["CSV", "XLSX", "Excel", "ID", "SHA", "youjiao", "Python", "drand", "quicknet", "YJF"]
    /// Chinese an English sentence may carry: the names of city services.
    /// None: even the city's service is named in pinyin on English pages.
    static let chineseAllowedInEnglish: Set<String> = []

    static func latinWords(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
    }

    static func hanRuns(_ text: String) -> [String] {
        text.split(whereSeparator: { !$0.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } }).map(String.init)
    }

    static var everyPhrase: [(String, Phrase)] {
        Catalogue.allBooks.flatMap { book in
            book.keys.map { ("\(book.name).\($0.key)", $0.phrase) } + book.examples.enumerated().map { ("\(book.name).example\($0.offset)", $0.element) }
        }
    }

    @Test func everyKeyHasBothLanguages() {
        #expect(Self.everyPhrase.count > 80)
        for (key, phrase) in Self.everyPhrase {
            #expect(!phrase.zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) has no Chinese")
            #expect(!phrase.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) has no English")
            #expect(phrase.zh != phrase.en, "\(key) is not translated")
        }
    }

    @Test func chineseTextHasNoEnglishWords() {
        for (key, phrase) in Self.everyPhrase {
            let stray = Self.latinWords(phrase.zh).filter { !Self.latinAllowedInChinese.contains($0) }
            #expect(stray.isEmpty, "\(key): \(phrase.zh)")
        }
    }

    @Test func englishTextHasNoChineseExceptServiceNames() {
        for (key, phrase) in Self.everyPhrase where !key.contains("example") {
            let stray = Self.hanRuns(phrase.en).filter { !Self.chineseAllowedInEnglish.contains($0) }
            #expect(stray.isEmpty, "\(key): \(phrase.en)")
        }
    }

    @Test func theCheckItselfCatchesAnUntranslatedPhrase() {
        #expect(Self.latinWords("请下载 CSV 或 file") == ["CSV", "file"])
        #expect(Self.hanRuns("Sign in with 一网通办 or 登录") == ["一网通办", "登录"])
    }

    /// Every case a person can see has words in both languages, and no two cases share them.
    @Test func everyCoreValueIsLabelled() {
        func check<Value: CaseIterable>(_ values: Value.AllCases, _ label: (Value) -> Phrase) {
            let phrases = values.map(label)
            for phrase in phrases {
                #expect(!phrase.zh.isEmpty && !phrase.en.isEmpty)
                #expect(Self.latinWords(phrase.zh).filter { !Self.latinAllowedInChinese.contains($0) }.isEmpty, "\(phrase.zh)")
            }
            #expect(Set(phrases.map(\.zh)).count == phrases.count, "two values share a Chinese label")
            #expect(Set(phrases.map(\.en)).count == phrases.count, "two values share an English label")
        }
        check(Role.allCases, Phrase.role)
        check(Stage.allCases, Phrase.stage)
        check(Ownership.allCases, Phrase.ownership)
        check(Grade.allCases, Phrase.grade)
        check(Gender.allCases, Phrase.gender)
        check(Hukou.allCases, Phrase.hukou)
        #expect(Phrase.grade(.g1).zh == "一年级")
        #expect(Phrase.grade(.g12) == Phrase(zh: "十二年级", en: "Grade 12"))
    }

    @Test func listsAndNamesReadInEachLanguage() {
        #expect(Phrase.list([.stage(.primary), .stage(.junior)]) == Phrase(zh: "小学、初中", en: "Primary, Junior secondary"))
        #expect(Phrase.list([]) == Phrase(zh: "", en: ""))
        #expect(Phrase.verbatim("黄浦区第一中心小学").text(.en) == "黄浦区第一中心小学")
        #expect(Language.zh(.auth(.signIn)) == "登录")
        #expect(Language.allCases.map(\.htmlLang) == ["zh-CN", "en"])
    }

    @Test func numbersInPhrasesAreGroupedAndCounted() {
        #expect(Phrase.pupils(1) == Phrase(zh: "1 名学生", en: "1 pupil"))
        #expect(Phrase.pupils(12_345).en == "12,345 pupils")
        #expect(Phrase.pageOf(2, 1_200) == Phrase(zh: "第 2 / 1,200 页", en: "Page 2 of 1,200"))
        #expect(Phrase.schoolYear(2009).en == "school year 2009–10")
        #expect(Phrase.schoolYear(2099).zh == "2099–00 学年")
    }
}
