import Testing
@testable import YoujiaoCore

@Suite("Base32 (RFC 4648)")
struct Base32Tests {
    /// RFC 4648 §10, with the padding the RFC shows.
    static let rfcVectors: [(text: String, padded: String)] = [
        ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="),
        ("foob", "MZXW6YQ="), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
    ]

    @Test func encodesTheRFCVectorsWithoutPadding() {
        for vector in Self.rfcVectors {
            let unpadded = vector.padded.filter { $0 != "=" }
            #expect(Base32.encode(Array(vector.text.utf8)) == unpadded, "\(vector.text)")
        }
    }

    @Test func decodesTheRFCVectorsPaddedUnpaddedAndLowerCase() throws {
        for vector in Self.rfcVectors {
            let bytes = Array(vector.text.utf8)
            #expect(try Base32.decode(vector.padded) == bytes)
            #expect(try Base32.decode(vector.padded.filter { $0 != "=" }) == bytes)
            #expect(try Base32.decode(vector.padded.lowercased()) == bytes)
        }
    }

    @Test func toleratesSpacesBetweenGroupsAndAroundTheText() throws {
        #expect(try Base32.decode(" mzxw 6ytb oi== \n") == Array("foobar".utf8))
        #expect(try Base32.decode("MZXW\t6YTB\r\nOI") == Array("foobar".utf8))
        #expect(try Base32.decode("   ") == [])
    }

    @Test func roundTripsEveryLengthOfRandomBytes() throws {
        var generator = SplitMix64(seed: 4648)
        for length in 0...41 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let encoded = Base32.encode(bytes)
            #expect(encoded.count == (length * 8 + 4) / 5)
            #expect(try Base32.decode(encoded) == bytes)
        }
    }

    @Test func namesTheFirstInvalidCharacterAndItsPosition() {
        #expect(throws: Base32.DecodingError.invalidCharacter("1", position: 2)) { try Base32.decode("MZ1W6YQ") }
        #expect(throws: Base32.DecodingError.invalidCharacter("0", position: 0)) { try Base32.decode("0MZX") }
        #expect(throws: Base32.DecodingError.invalidCharacter("8", position: 4)) { try Base32.decode("MZXW8") }
        #expect(throws: Base32.DecodingError.invalidCharacter("优", position: 3)) { try Base32.decode("MZX优") }
        #expect(throws: Base32.DecodingError.invalidCharacter("-", position: 4)) { try Base32.decode("MZXW-6YTB") }
        // Padding belongs at the end only.
        #expect(throws: Base32.DecodingError.invalidCharacter("=", position: 2)) { try Base32.decode("MZ==XW6YQ") }
        // A full-width letter is not the ASCII one.
        #expect(throws: Base32.DecodingError.invalidCharacter("Ｍ", position: 0)) { try Base32.decode("ＭZXW6YQ") }
    }

    @Test func refusesLengthsThatEncodeNoWholeNumberOfBytes() {
        for text in ["M", "MZX", "MZXW6Y", "MZXW6YTBO", "MZXW6YTBOI5"] {
            let count = text.count
            #expect(throws: Base32.DecodingError.invalidLength(count), "\(text)") { try Base32.decode(text) }
        }
    }

    @Test func errorsReadWellInALog() {
        #expect(Base32.DecodingError.invalidCharacter("1", position: 2).description
            == "base32: character \"1\" at position 2 is not one of A–Z, 2–7")
        #expect(Base32.DecodingError.invalidLength(3).description == "base32: 3 characters cannot encode whole bytes")
    }
}
