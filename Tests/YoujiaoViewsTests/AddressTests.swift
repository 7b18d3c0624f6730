import Testing
@testable import YoujiaoViews

@Suite("Page addresses, pages and sorts from the query")
struct AddressTests {
    @Test func queryDecodesAndEncodesBack() {
        let address = PageAddress(path: "/schools", rawQuery: "q=%E9%BB%84%E6%B5%A6+%E5%B0%8F%E5%AD%A6&district=310101&x=a%2Bb%26c")
        #expect(address.value("q") == "黄浦 小学")
        #expect(address.value("x") == "a+b&c")
        #expect(address.href == "/schools?q=%E9%BB%84%E6%B5%A6%20%E5%B0%8F%E5%AD%A6&district=310101&x=a%2Bb%26c")
        #expect(PageAddress(path: "/schools", rawQuery: address.href.split(separator: "?")[1].description) == address)
    }

    @Test func malformedPiecesAreDropped() {
        let address = PageAddress(path: "/p", rawQuery: "a=%zz&b=%E9%BB&=x&c&d=1")
        #expect(address.query == [.init("c", ""), .init("d", "1")])
        #expect(PageAddress(path: "/p", rawQuery: nil).href == "/p")
    }

    @Test func settingReplacesInPlaceAndRemoves() {
        let address = PageAddress(path: "/p", query: [.init("a", "1"), .init("page", "3"), .init("a", "2"), .init("b", "x")])
        #expect(address.setting("a", to: "9").href == "/p?a=9&page=3&b=x")
        #expect(address.setting("page", to: nil).href == "/p?a=1&a=2&b=x")
        #expect(address.setting("sort", to: "name").href == "/p?a=1&page=3&a=2&b=x&sort=name")
        #expect(address.moving(to: "/p.csv").path == "/p.csv")
    }

    @Test func sortComesOnlyFromSortableColumns() {
        let keys: Set = ["name", "seats"]
        let fallback = TableSort(key: "name")
        func sort(_ query: String) -> TableSort? {
            TableSort.requested(in: PageAddress(path: "/", rawQuery: query), sortableKeys: keys, fallback: fallback)
        }
        #expect(sort("") == fallback)
        #expect(sort("sort=seats&dir=desc") == TableSort(key: "seats", direction: .descending))
        #expect(sort("sort=seats") == TableSort(key: "seats", direction: .ascending))
        #expect(sort("sort=password_hash") == nil)
        #expect(sort("sort=seats&dir=sideways") == nil)
    }
}
