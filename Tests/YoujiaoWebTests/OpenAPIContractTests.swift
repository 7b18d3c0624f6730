import Foundation
import Testing
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoTestSupport
@testable import YoujiaoWeb

/// The API's answers checked against its OpenAPI document: every body of every GET, as each role,
/// successes and errors, must match the schema documented for its status. Objects are read as
/// closed: a field the document does not describe fails, as does a missing required one, so the
/// document and the code cannot drift apart in either direction.
extension CampaignWebTests {
    /// The errors of `value` against `schema` (a small JSON Schema reader: $ref, type, enum,
    /// properties, required, additionalProperties, items, pattern).
    static func violations(_ value: Any, _ schema: [String: Any], document: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let target = ref.dropFirst(2).split(separator: "/").reduce(document as Any?) { ($0 as? [String: Any])?[String($1)] }
            guard let resolved = target as? [String: Any] else { return ["\(path): unresolved \(ref)"] }
            return violations(value, resolved, document: document, at: path)
        }
        let types = (schema["type"] as? String).map { [$0] } ?? (schema["type"] as? [String]) ?? []
        func isType(_ type: String) -> Bool {
            switch type {
            case "null": return value is NSNull
            // JSONSerialization on Linux answers Swift's Bool, Int and Double.
            case "boolean": return value is Bool
            case "integer": return value is Int || (value as? Double).map { $0.rounded() == $0 } == true
            case "number": return value is Int || value is Double
            case "string": return value is String
            case "array": return value is [Any]
            case "object": return value is [String: Any]
            default: return false
            }
        }
        if !types.isEmpty, !types.contains(where: isType) { return ["\(path): \(value) is not \(types.joined(separator: " or "))"] }
        var problems: [String] = []
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            problems.append("\(path): \(text) is not one of \(allowed)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String, text.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): \(text) does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil { problems.append("\(path).\(name): required, missing") }
            for (name, member) in object {
                if let property = properties[name] {
                    problems += violations(member, property, document: document, at: "\(path).\(name)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    problems += violations(member, extra, document: document, at: "\(path).\(name)")
                } else {
                    problems.append("\(path).\(name): not in the document")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += violations(item, items, document: document, at: "\(path)[\(index)]") }
        }
        return problems
    }

    /// The documented schema of `path`'s GET answer with `status`, nil when that status is not documented.
    static func responseSchema(document: [String: Any], path: String, status: UInt) -> [String: Any]? {
        guard let paths = document["paths"] as? [String: [String: Any]] else { return nil }
        let concrete = path.split(separator: "?")[0].split(separator: "/")
        guard let template = paths.keys.first(where: { key in
            let parts = key.split(separator: "/")
            return parts.count == concrete.count && zip(parts, concrete).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }), let get = paths[template]?["get"] as? [String: Any], let responses = get["responses"] as? [String: Any],
              var response = responses[String(status)] as? [String: Any] else { return nil }
        if let ref = response["$ref"] as? String {
            response = ref.dropFirst(2).split(separator: "/").reduce(document as Any?) { ($0 as? [String: Any])?[String($1)] } as? [String: Any] ?? [:]
        }
        return ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
    }

    @Test func everyAnswerMatchesTheDocument() async throws {
        try await Self.with { h, youngA, youngB in
            let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
            let parentA = try await signedIn(h, "parent-a"), parentB = try await signedIn(h, "parent-b")
            #expect(try await post(parentA, "/enrollment/open/apply/\(youngA.id)",
                                   application(youngA, ["track": "private", "choice1": Self.privateSchool.id])).status == .seeOther)
            #expect(try await post(parentB, "/enrollment/open/apply/\(youngB.id)", application(youngB)).status == .seeOther)
            let clients = ["city": try await signedIn(h, "city"), "huangpu": try await signedIn(h, "huangpu"), "xuhui": try await signedIn(h, "xuhui"),
                           "school": try await signedIn(h, "school"), "parent-a": parentA, "anonymous": h.client()]
            let child = try #require(try await h.registry.student(nationalID: Fixture.childA.nationalID))
            let paths = ["/api/v1/districts", "/api/v1/districts/310101", "/api/v1/districts/999999", "/api/v1/schools", "/api/v1/schools?page=0",
                         "/api/v1/schools?stage=primary&per_page=2", "/api/v1/schools/\(Fixture.huangpuSchool.id)", "/api/v1/schools/0000000000",
                         "/api/v1/schools/\(Fixture.huangpuSchool.id)/students", "/api/v1/students/\(child.id)", "/api/v1/campaigns",
                         "/api/v1/campaigns/open", "/api/v1/campaigns/open/results", "/api/v1/campaigns/open/students/\(youngA.id)/result",
                         "/api/v1/campaigns/missing"]
            var checked = 0
            func checkAll(_ stage: String) async throws {
                for (name, client) in clients.sorted(by: { $0.key < $1.key }) {
                    for path in paths {
                        let response = try await client.send(.GET, path)
                        guard let schema = Self.responseSchema(document: document, path: path, status: response.status.code) else {
                            Issue.record("\(stage), \(name): GET \(path) answered \(response.status.code), which the document does not list")
                            continue
                        }
                        let body = try JSONSerialization.jsonObject(with: Data(response.body.string.utf8), options: [.fragmentsAllowed])
                        let problems = Self.violations(body, schema, document: document)
                        #expect(problems.isEmpty, "\(stage), \(name): GET \(path) → \(response.status.code): \(problems.prefix(5))")
                        checked += 1
                    }
                }
            }
            try await checkAll("open")
            let manager = clients["huangpu"]!
            #expect(try await post(manager, "/enrollment/open/freeze", ["confirmed": "yes", "reason": "测试提前截止报名"]).status == .seeOther)
            #expect(try await post(manager, "/enrollment/open/draw", ["confirmed": "yes", "beacon_value": "beacon", "notary_secret": Self.secret]).status == .seeOther)
            try await checkAll("drawn")
            #expect(try await post(manager, "/enrollment/open/publish", ["confirmed": "yes"]).status == .seeOther)
            try await checkAll("published")
            #expect(checked == 3 * clients.count * paths.count)
        }
    }

    @Test func theContractCheckCatchesDrift() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.json.utf8)) as? [String: Any])
        let schema: [String: Any] = ["$ref": "#/components/schemas/RouteCounts"]
        #expect(Self.violations(["private": 1, "catchment": 2, "coordinated": 0, "unplaced": 0], schema, document: document).isEmpty)
        #expect(Self.violations(["private": 1, "catchment": 2, "coordinated": 0], schema, document: document) == ["$.unplaced: required, missing"])
        #expect(Self.violations(["private": 1, "catchment": 2, "coordinated": 0, "unplaced": 0, "extra": 1], schema, document: document)
                == ["$.extra: not in the document"])
        #expect(!Self.violations(["private": "1", "catchment": 2, "coordinated": 0, "unplaced": 0], schema, document: document).isEmpty, "a string for an integer")
        #expect(!Self.violations(["route": "teleported"], ["type": "object", "properties": ["route": ["type": "string", "enum": ["private"]]]],
                                 document: document).isEmpty)
    }
}
