/// Lower-case hexadecimal text of bytes (digests, keys, blind indexes).
/// Not `String(format: "%02x")`: on Linux that goes through Foundation's formatter and took a
/// third of the full-city seed's time in the blind index alone.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
