import Foundation
import Logging
import Synchronization
import Testing
@testable import YoujiaoWeb

/// `--log-format json`: every record one line that a JSON parser reads back exactly, whatever the
/// message holds.
@Suite("JSON log")
struct JSONLogHandlerTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
    }

    func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "\(line)")
    }

    @Test func awkwardTextStaysOneLineOfValidJSON() throws {
        let message = "引号\"反斜杠\\ 换行\n回车\r制表\t NUL\u{0} ESC\u{1B} DEL\u{7F} NEL\u{85} 分隔\u{2028}\u{2029} 王小雨 申请已保存 ✓ 🎒"
        let line = JSONLogHandler.line(time: Date(timeIntervalSince1970: 1_779_238_923.456), level: .error, label: "codes.vapor.application",
                                       source: "YoujiaoWeb", message: message, metadata: ["学校": .string("黄浦\"一中\"\n")])
        for separator in ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"] { #expect(!line.contains(separator), "no raw line separator") }
        #expect(line.unicodeScalars.allSatisfy { $0.value >= 0x20 }, "no raw control character")
        #expect(line.contains("王小雨 申请已保存 ✓ 🎒"), "Chinese text stays as it is, not \\u-escaped")
        let json = try object(line)
        #expect(json["message"] as? String == message)
        #expect((json["metadata"] as? [String: Any])?["学校"] as? String == "黄浦\"一中\"\n")
        #expect(json["time"] as? String == "2026-05-20T01:02:03.456Z", "ISO 8601 in UTC with milliseconds")
        #expect(json["level"] as? String == "error" && json["label"] as? String == "codes.vapor.application" && json["source"] as? String == "YoujiaoWeb")
    }

    @Test func metadataNestsAsObjectsAndArraysOfStrings() throws {
        let line = JSONLogHandler.line(time: Date(), level: .info, label: "l", source: "s", message: "m", metadata: [
            "request-id": "r-1",
            "count": .stringConvertible(42),
            "nested": .dictionary(["inner": .dictionary(["deep": "d\"q"]), "list": .array(["a", .stringConvertible(7), .array([])])]),
        ])
        let metadata = try #require(try object(line)["metadata"] as? [String: Any])
        #expect(metadata["request-id"] as? String == "r-1")
        #expect(metadata["count"] as? String == "42", "every value is a string")
        let nested = try #require(metadata["nested"] as? [String: Any])
        #expect((nested["inner"] as? [String: Any])?["deep"] as? String == "d\"q")
        let list = try #require(nested["list"] as? [Any])
        #expect(list.count == 3 && list[0] as? String == "a" && list[1] as? String == "7" && (list[2] as? [Any])?.isEmpty == true)
        #expect(try object(JSONLogHandler.line(time: Date(), level: .info, label: "l", source: "s", message: "m", metadata: [:]))["metadata"] == nil,
                "no metadata, no field")
    }

    @Test func aLoggerWritesOneLineARecordWithItsMergedMetadata() throws {
        let sink = Lines()
        var logger = Logger(label: "youjiao.test") { label in
            JSONLogHandler(label: label, metadataProvider: nil) { line in sink.lines.withLock { $0.append(line) } }
        }
        logger.logLevel = .info
        logger[metadataKey: "request-id"] = "abc"
        logger[metadataKey: "database-id"] = "sqlite"
        logger.debug("below the level")
        logger.notice("first\nsecond", metadata: ["database-id": "psql", "step": "freeze"])
        logger.info("plain")
        let lines = sink.all
        try #require(lines.count == 2, "the debug record is below the level")
        #expect(lines.allSatisfy { $0.hasSuffix("}\n") && $0.filter { $0 == "\n" }.count == 1 })
        let first = try object(lines[0])
        #expect(first["level"] as? String == "notice" && first["label"] as? String == "youjiao.test" && first["message"] as? String == "first\nsecond")
        #expect(first["metadata"] as? [String: String] == ["request-id": "abc", "database-id": "psql", "step": "freeze"],
                "the record's metadata over the logger's")
        #expect(try object(lines[1])["metadata"] as? [String: String] == ["request-id": "abc", "database-id": "sqlite"])
    }
}
