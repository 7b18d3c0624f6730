import Foundation
import Testing
@testable import YoujiaoCore

/// The real check of the encoder: symbols drawn as images are read back by zbar, an independent decoder,
/// and compared byte for byte; and symbols are compared module for module with libqrencode's.
@Suite("QR codes read back by zbarimg and compared with qrencode")
struct QRCodeReadBackTests {
    static let enrolmentURI: String = {
        let secret = try! TOTPSecret(base32: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
        return TOTP(secret: secret).otpauthURI(account: "zhang.wei.xuhui", issuer: "优教 Youjiao")
    }()

    /// Each payload names the version it must land in at level M.
    static let textPayloads: [(text: String, version: Int)] = [
        ("hello", 1),
        (enrolmentURI, 9),
        ("优教 Youjiao — 教师二维码登录 ✓", 4),
        (sampleText(length: 84, seed: 5), 5),
        (sampleText(length: 213, seed: 10), 10),
        (sampleText(length: 214, seed: 11), 11),
    ]

    @Test func theEnrolmentURIIsASCIIAndFitsVersion9AtLevelM() throws {
        // The percent-encoded issuer appears twice, so the URI is about 170 bytes: 53 × 53 modules.
        #expect(Self.enrolmentURI.utf8.count <= QRCode.byteCapacity(version: 9, errorCorrection: .medium))
        #expect(Self.enrolmentURI.allSatisfy { $0.isASCII })
    }

    @Test(arguments: textPayloads.indices)
    func textReadsBackExactly(index: Int) throws {
        guard let zbarimg = ExternalQRTools.locate("zbarimg", package: "zbar-tools") else { return }  // not installed
        let payload = Self.textPayloads[index]
        let code = try QRCode(text: payload.text)
        #expect(code.version == payload.version)
        let read = try #require(try ExternalQRTools.zbarRead(code.modules, zbarimg: zbarimg), "zbar found no QR code")
        #expect(String(decoding: read, as: UTF8.self) == payload.text)
    }

    @Test(arguments: Array(QRCode.versions))
    func everyVersionFilledToCapacityReadsBack(version: Int) throws {
        guard let zbarimg = ExternalQRTools.locate("zbarimg", package: "zbar-tools") else { return }  // not installed
        // Level M with the mask the penalty rules choose; then another level, in turn, with the masks
        // in turn, so that every level meets many block layouts and every mask many versions.
        let other: [QRCode.ErrorCorrection] = [.low, .quartile, .high]
        let cases: [(QRCode.ErrorCorrection, QRCode.Mask?)] = [(.medium, nil), (other[version % 3], QRCode.Mask(rawValue: version % 8))]
        for (level, mask) in cases {
            let text = sampleText(length: QRCode.byteCapacity(version: version, errorCorrection: level), seed: UInt64(version))
            let code = try QRCode(text: text, errorCorrection: level, mask: mask)
            #expect(code.version == version && code.errorCorrection == level)
            let read = try ExternalQRTools.zbarRead(code.modules, zbarimg: zbarimg)
            #expect(read.map { String(decoding: $0, as: UTF8.self) } == text, "v\(version) \(level)")
        }
    }

    @Test(arguments: QRCode.Mask.allCases)
    func everyMaskReadsBack(mask: QRCode.Mask) throws {
        guard let zbarimg = ExternalQRTools.locate("zbarimg", package: "zbar-tools") else { return }  // not installed
        let code = try QRCode(text: Self.enrolmentURI, mask: mask)
        #expect(code.mask == mask)
        let read = try ExternalQRTools.zbarRead(code.modules, zbarimg: zbarimg)
        #expect(read.map { String(decoding: $0, as: UTF8.self) } == Self.enrolmentURI)
    }

    @Test func everyByteValueReadsBackAsBytes() throws {
        guard let zbarimg = ExternalQRTools.locate("zbarimg", package: "zbar-tools") else { return }  // not installed
        let bytes = (0...255).map(UInt8.init) + (0...255).reversed().map(UInt8.init)
        let code = try QRCode(bytes: bytes, errorCorrection: .low)
        let read = try ExternalQRTools.zbarRead(code.modules, zbarimg: zbarimg, exactBytes: true)
        #expect(read == Data(bytes))
    }

    @Test func anImageWithoutASymbolReadsAsNothing() throws {
        // Guards the check itself: a broken symbol must not pass as read.
        guard let zbarimg = ExternalQRTools.locate("zbarimg", package: "zbar-tools") else { return }  // not installed
        let code = try QRCode(text: "hello")
        let mangled = try QRCode(text: "hello", mask: code.mask == .pattern0 ? .pattern1 : .pattern0)
        // The format information of one mask over the data masked by another: the data cannot be read.
        var modules = code.modules
        for (row, column) in [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8),
                              (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)] {
            modules[row][column] = mangled.modules[row][column]
        }
        let size = code.size
        for index in 0..<8 { modules[8][size - 1 - index] = mangled.modules[8][size - 1 - index] }
        for index in 0..<7 { modules[size - 1 - index][8] = mangled.modules[size - 1 - index][8] }
        #expect(try ExternalQRTools.zbarRead(modules, zbarimg: zbarimg) == nil)
        #expect(try ExternalQRTools.zbarRead(code.modules, zbarimg: zbarimg) == Data("hello".utf8))
    }

    @Test(arguments: [1, 2, 6, 7, 10, 14, 21, 27, 33, 40])
    func matchesQrencodeModuleForModule(version: Int) throws {
        guard let qrencode = ExternalQRTools.locate("qrencode", package: "qrencode") else { return }  // not installed
        for level in QRCode.ErrorCorrection.allCases {
            let text = sampleText(length: QRCode.byteCapacity(version: version, errorCorrection: level) - 1, seed: UInt64(version) + 100)
            let reference = try ExternalQRTools.qrencodeModules(text, level: level, qrencode: qrencode)
            #expect(reference.count == 17 + 4 * version, "v\(version) \(level): qrencode chose size \(reference.count)")
            // Masks may differ legitimately (penalty details); with qrencode's mask the symbols are identical.
            let referenceMask = try #require(QRCode.Mask(rawValue: ((formatBits(reference).topLeft ^ 0x5412) >> 10) & 7))
            let code = try QRCode(text: text, errorCorrection: level, mask: referenceMask)
            #expect(code.version == version)
            #expect(code.modules == reference, "v\(version) \(level) mask \(referenceMask)")
        }
    }
}
