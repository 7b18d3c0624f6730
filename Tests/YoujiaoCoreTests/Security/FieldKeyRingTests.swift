import Crypto
import Foundation
import Testing
import YoujiaoCore

@Suite("Field key ring")
struct FieldKeyRingTests {
    let number = "31010120170305001X"

    @Test func sealedValuesOpenAndHideTheirTextAndLength() throws {
        let ring = FieldKeyRing.generate(keyID: "k1")
        let a = try ring.seal(number), b = try ring.seal(number)
        #expect(a != b, "a fresh nonce each time: equal numbers do not look equal on disk")
        #expect(a.hasPrefix("v1.k1.") && !a.contains(number) && !a.contains("310101"))
        #expect(try ring.open(a) == number && ring.open(b) == number)
        #expect(ring.isSealedUnderCurrentKey(a))
    }

    @Test func blindIndexFindsEqualValuesOnlyUnderTheSameIndexKey() throws {
        let ring = FieldKeyRing.generate(), other = FieldKeyRing.generate()
        #expect(ring.blindIndex(number) == ring.blindIndex(number))
        #expect(ring.blindIndex(number).count == 64)
        #expect(ring.blindIndex(number) != ring.blindIndex("310101201703050028"))
        #expect(ring.blindIndex(number) != other.blindIndex(number), "the index key is secret: the index cannot be computed without it")
    }

    /// Stored indexes must keep matching: the index is HMAC-SHA256 in lower-case hex, checked against
    /// a value computed outside Swift (Python's hmac module, key bytes 0…31).
    @Test func blindIndexIsHMACSHA256InLowerCaseHex() throws {
        let ring = try FieldKeyRing.parse(dataKeys: "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                                          indexKey: "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        #expect(ring.blindIndex("310101201703050011") == "f6a8699c473e009e35d4ada42983cf928fab41b1fcdd30c68735a65569571cac")
        #expect(Hex.lowercase([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
    }

    @Test func anOlderKeyStillOpensAndAnUnknownOneIsNamed() throws {
        let old = FieldKeyRing.generate(keyID: "old")
        let sealedByOld = try old.seal(number)
        let rotated = try old.adding(FieldKeyRing.DataKey(id: "new", key: SymmetricKey(size: .bits256)))
        #expect(rotated.current.id == "new")
        #expect(try rotated.open(sealedByOld) == number)
        #expect(!rotated.isSealedUnderCurrentKey(sealedByOld))
        #expect(rotated.blindIndex(number) == old.blindIndex(number), "adding a data key keeps the index key")
        let stranger = FieldKeyRing.generate(keyID: "other")
        #expect(throws: FieldKeyError.unknownKey("old")) { try stranger.open(sealedByOld) }
        #expect(throws: FieldKeyError.duplicateKeyID("new")) {
            try rotated.adding(FieldKeyRing.DataKey(id: "new", key: SymmetricKey(size: .bits256)))
        }
    }

    @Test func aChangedSealedValueDoesNotOpen() throws {
        let ring = FieldKeyRing.generate(keyID: "k1")
        let sealed = try ring.seal(number)
        var bytes = Data(base64Encoded: String(sealed.dropFirst("v1.k1.".count)))!
        bytes[bytes.count / 2] ^= 0x01
        #expect(throws: FieldKeyError.unreadable) { try ring.open("v1.k1." + bytes.base64EncodedString()) }
        #expect(throws: FieldKeyError.notSealed) { try ring.open(number) }
        #expect(throws: FieldKeyError.notSealed) { try ring.open("v2.k1.AAAA") }
        #expect(throws: FieldKeyError.unreadable) { try ring.open("v1.k1.not base64") }
    }

    @Test func theEnvironmentFormReadsBackAndMalformedValuesNameTheVariableNotTheValue() throws {
        let ring = try FieldKeyRing.generate(keyID: "a").adding(FieldKeyRing.generate(keyID: "b").current)
        let form = Dictionary(uniqueKeysWithValues: ring.environmentForm.map { ($0.variable, $0.value) })
        let data = try #require(form[FieldKeyRing.dataKeysVariable]), index = try #require(form[FieldKeyRing.indexKeyVariable])
        let parsed = try FieldKeyRing.parse(dataKeys: data, indexKey: index)
        #expect(parsed.current.id == "b")
        let sealed = try ring.seal(number)
        #expect(try parsed.open(sealed) == number && parsed.blindIndex(number) == ring.blindIndex(number))

        let secret = Data(repeating: 7, count: 31).base64EncodedString()
        for (keys, indexKey) in [("k1:\(secret)", index), ("k1", index), ("bad id!:\(index)", index), ("", index),
                                 ("k1:\(index),k1:\(index)", index), ("k1:\(index)", secret), ("k1:\(index)", "***")] {
            do {
                _ = try FieldKeyRing.parse(dataKeys: keys, indexKey: indexKey)
                Issue.record("accepted \(keys)")
            } catch let error as FieldKeyError {
                let text = error.description
                #expect(text.contains("YOUJIAO_"), "names the variable: \(text)")
                #expect(!text.contains(secret) && !text.contains(index), "never prints a key: \(text)")
            }
        }
    }
}
