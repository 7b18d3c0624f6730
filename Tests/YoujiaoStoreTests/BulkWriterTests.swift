import Foundation
import NIOCore
import Testing
import YoujiaoCore
@testable import YoujiaoStore
import YoujiaoTestSupport

/// The bulk path's encoder and COPY lines; the rows' round trip through both databases is in
/// `RegistryImportTests.freshRowsKeepEveryValueInItsColumn` and every store test that inserts.
@Suite("Bulk writer")
struct BulkWriterTests {
    enum Colour: String, Encodable { case red }
    struct Row: Encodable {
        var id: String
        var note: String?
        var count: Int?
        var share: Double
        var flag: Bool
        var colour: Colour
        @Sealed var secret: String
    }
    struct Dated: Encodable { var id: String; var at: Date }
    struct Nested: Encodable { var id: String; var tags: [String] }

    @Test func flatRowsBecomeOneValuePerColumnInOrderNilsIncluded() throws {
        FieldProtection.installIfAbsent { FieldKeyRing.generate() }
        let values = try BulkRowEncoder.values(of: Row(id: "a", note: nil, count: nil, share: 0.25, flag: true, colour: .red, secret: "x"))
        #expect(values.count == 7)
        #expect(Array(values.prefix(6)) == [.text("a"), .null, .null, .double(0.25), .boolean(true), .text("red")])
        guard case .text(let sealed) = values[6] else { Issue.record("the sealed value is text"); return }
        #expect(sealed != "x")
        #expect(try FieldProtection.open(sealed) == "x")
    }

    @Test func datesAndNestedValuesAreLeftToSQLKit() throws {
        #expect(throws: BulkRowEncoder.Unsupported.self) { try BulkRowEncoder.values(of: Dated(id: "a", at: Date())) }
        #expect(throws: BulkRowEncoder.Unsupported.self) { try BulkRowEncoder.values(of: Nested(id: "a", tags: ["x"])) }
        #expect(throws: BulkRowEncoder.Unsupported.self) {
            try BulkRowEncoder.values(of: Row(id: "a", share: .infinity, flag: false, colour: .red, secret: ""))
        }
        #expect(try BulkRows(table: "t", columns: ["id", "at"], encoding: [Dated(id: "a", at: Date())]) == nil)
    }

    @Test func copyLinesEscapeWhatTextFormatReserves() {
        var buffer = ByteBuffer()
        BulkWriter.appendCopyLine([.text("a\tb\nc\\d\re"), .null, .integer(-3), .boolean(false), .double(1.5), .text("\\N")], to: &buffer)
        #expect(buffer.readString(length: buffer.readableBytes) == "a\\tb\\nc\\\\d\\re\t\\N\t-3\tf\t1.5\t\\\\N\n")
    }
}
