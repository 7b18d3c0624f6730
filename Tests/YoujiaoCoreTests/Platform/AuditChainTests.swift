import Testing
@testable import YoujiaoCore

@Suite("Audit hash chain")
struct AuditChainTests {
    func chain(_ events: [[String]]) -> [AuditChain.Link] {
        var previous = AuditChain.genesis
        return events.enumerated().map { index, fields in
            let hash = AuditChain.hash(previous: previous, seq: index + 1, fields: fields)
            defer { previous = hash }
            return AuditChain.Link(seq: index + 1, fields: fields, previousHash: previous, rowHash: hash)
        }
    }

    let events = [["city", "view", "student-1"], ["huangpu", "reveal-id", "student-2"], ["school", "list", "student-3"]]

    @Test func anIntactChainVerifiesToItsHead() throws {
        let links = chain(events)
        let head = try AuditChain.verify(links)
        #expect(head.seq == 3 && head.hash == links[2].rowHash)
        #expect(try AuditChain.verify(links.dropFirst(), from: (1, links[0].rowHash)) == head, "verification can resume")
    }

    @Test func aChangedFieldIsFound() {
        var links = chain(events)
        links[1].fields[1] = "view"
        #expect(throws: AuditChain.Break.changed(seq: 2)) { try AuditChain.verify(links) }
    }

    @Test func aDeletedOrReorderedEventIsFound() {
        var links = chain(events)
        links.remove(at: 1)
        #expect(throws: AuditChain.Break.missing(afterSeq: 1)) { try AuditChain.verify(links) }
        var swapped = chain(events)
        swapped.swapAt(1, 2)
        #expect(throws: AuditChain.Break.missing(afterSeq: 1)) { try AuditChain.verify(swapped) }
    }

    @Test func rehashingAChangedEventStillBreaksTheNextLink() {
        var links = chain(events)
        links[1].fields[2] = "student-9"
        links[1].rowHash = AuditChain.hash(previous: links[1].previousHash, seq: 2, fields: links[1].fields)
        #expect(throws: AuditChain.Break.missing(afterSeq: 2)) { try AuditChain.verify(links) }
    }

    @Test func fieldBoundariesCannotBeShifted() {
        #expect(AuditChain.hash(previous: AuditChain.genesis, seq: 1, fields: ["ab", "c"])
                != AuditChain.hash(previous: AuditChain.genesis, seq: 1, fields: ["a", "bc"]))
    }
}
