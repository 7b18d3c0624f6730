import Foundation
import Testing
@testable import YoujiaoCore

@Suite("Recovery codes")
struct RecoveryCodesTests {
    @Test func tenDistinctCodesOfTwoGroupsFromTheUnambiguousAlphabet() {
        let batch = RecoveryCodes.generate()
        #expect(batch.codes.count == 10)
        #expect(batch.hashes.count == 10)
        #expect(Set(batch.codes).count == 10)
        for code in batch.codes {
            let groups = code.split(separator: "-", omittingEmptySubsequences: false)
            #expect(groups.count == 2 && groups.allSatisfy { $0.count == 4 }, "\(code)")
            #expect(code.filter { $0 != "-" }.allSatisfy { "23456789abcdefghjkmnpqrstuvwxyz".contains($0) }, "\(code)")
        }
    }

    @Test func theAlphabetHasNoLookAlikes() {
        for confusable in "0oO1lIi" { #expect(!RecoveryCodes.alphabet.contains(confusable)) }
        #expect(RecoveryCodes.alphabet.count == 31)
        #expect(Set(RecoveryCodes.alphabet).count == 31)
    }

    @Test func codesUseTheWholeAlphabetAndDifferBetweenBatches() {
        let batches = (0..<50).map { _ in RecoveryCodes.generate() }
        let used = Set(batches.flatMap(\.codes).joined().filter { $0 != "-" })
        #expect(used == Set(RecoveryCodes.alphabet))
        #expect(Set(batches.flatMap(\.codes)).count == 500)
    }

    @Test func storedHashesAreSHA256HexOfTheNormalisedCode() throws {
        // Hashes computed independently (Python hashlib) of the normalised codes.
        #expect(RecoveryCodes.hash("abcd-efgh") == "9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab")
        #expect(RecoveryCodes.hash("7XK9 MQ2P") == "0eb0306e3aae922818a16e1432388220b6256db1f4cee4d80c019eab7ae7cc92")
        let batch = RecoveryCodes.generate()
        for (code, hash) in zip(batch.codes, batch.hashes) {
            #expect(RecoveryCodes.hash(code) == hash)
            #expect(hash.count == 64 && hash.allSatisfy { "0123456789abcdef".contains($0) })
            #expect(!hash.contains(code.filter { $0 != "-" }))
        }
    }

    @Test func matchFindsTheCodeHoweverItIsTyped() throws {
        let batch = RecoveryCodes.generate()
        for (index, code) in batch.codes.enumerated() {
            let plain = code.filter { $0 != "-" }
            let spaced = " " + code.prefix(4) + " " + code.suffix(4) + "\n"
            for typed in [code, code.uppercased(), plain, plain.uppercased(), spaced, "-" + code + "-", "\t\(code) "] {
                #expect(RecoveryCodes.match(typed, storedHashes: batch.hashes) == index, "\(typed.debugDescription)")
            }
        }
    }

    @Test func matchRefusesOtherAndMalformedCodes() {
        let batch = RecoveryCodes.generate()
        let stored = batch.hashes
        let first = batch.codes[0]
        let otherBatch = RecoveryCodes.generate()
        #expect(RecoveryCodes.match(otherBatch.codes[0], storedHashes: stored) == nil)
        let malformed = [
            "", "-", "    ", String(first.dropLast()), first + "2", first + "-" + first,
            "0000-0000", "oooo-llll", "1111-iiii", "abcd_efgh", "abcd.efgh", "abcd–efgh",
            "ａｂｃｄ-ｅｆｇｈ", "优教优教-优教优教", String(repeating: "a", count: 100_000),
        ]
        for input in malformed {
            #expect(RecoveryCodes.match(input, storedHashes: stored) == nil, "\(input.prefix(20).debugDescription)")
            #expect(RecoveryCodes.hash(input) == nil, "\(input.prefix(20).debugDescription)")
        }
        #expect(RecoveryCodes.match(first, storedHashes: []) == nil)
        #expect(RecoveryCodes.match(first, storedHashes: ["", "not a hash", stored[0].uppercased()]) == nil)
    }

    @Test func aUsedCodeRemovedByTheCallerNoLongerMatches() throws {
        let batch = RecoveryCodes.generate()
        var stored = batch.hashes
        let index = try #require(RecoveryCodes.match(batch.codes[3], storedHashes: stored))
        stored.remove(at: index)
        #expect(RecoveryCodes.match(batch.codes[3], storedHashes: stored) == nil)
        #expect(RecoveryCodes.match(batch.codes[4], storedHashes: stored) == 3)
    }
}
