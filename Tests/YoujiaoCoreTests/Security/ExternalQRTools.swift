import Foundation
import Testing
import YoujiaoCore

/// The programs that check the QR encoder from outside: `zbarimg` (Debian zbar-tools) reads a symbol
/// back from an image, `qrencode` (Debian qrencode) draws a reference symbol.
///
/// With YOUJIAO_REQUIRE_TOOLS=1 (CI, where they are installed) a missing program is a test failure;
/// elsewhere the test that needs it returns early, so a fresh checkout still runs the other tests.
enum ExternalQRTools {
    static var toolsRequired: Bool { ProcessInfo.processInfo.environment["YOUJIAO_REQUIRE_TOOLS"] == "1" }

    /// The program's path on PATH; nil (recording a failure when tools are required) if it is not there.
    static func locate(_ name: String, package: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        if toolsRequired {
            Issue.record("\(name) is not installed (apt-get install \(package)) and YOUJIAO_REQUIRE_TOOLS=1",
                         sourceLocation: sourceLocation)
        }
        return nil
    }

    struct Run {
        var status: Int32
        var output: Data
        var errors: String
    }

    static func run(_ program: URL, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a full pipe would otherwise block the program forever.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: outputData,
                   errors: String(decoding: errorData, as: UTF8.self))
    }

    /// The symbol as a binary PBM (P4) image: a light quiet zone of 4 modules around it, each module
    /// `scale` pixels square; rows of bits, most significant first, 1 for black, padded to whole bytes.
    static func pbm(_ modules: [[Bool]], scale: Int = 4, quietZone: Int = 4) -> Data {
        let size = modules.count
        let side = (size + 2 * quietZone) * scale
        let bytesPerRow = (side + 7) / 8
        var image = Array("P4\n\(side) \(side)\n".utf8)
        let header = image.count
        image += [UInt8](repeating: 0, count: bytesPerRow * side)
        for row in 0..<size {
            for column in 0..<size where modules[row][column] {
                for pixelRow in ((row + quietZone) * scale)..<((row + quietZone + 1) * scale) {
                    for pixel in ((column + quietZone) * scale)..<((column + quietZone + 1) * scale) {
                        image[header + pixelRow * bytesPerRow + pixel / 8] |= 0x80 >> UInt8(pixel % 8)
                    }
                }
            }
        }
        return Data(image)
    }

    /// What zbarimg reads from the symbol drawn as an image; nil when it finds no QR code.
    ///
    /// As text (the default), zbar converts the bytes to UTF-8 by the character set the symbol declares,
    /// guessing when there is none; `exactBytes` asks for the bytes as encoded instead.
    static func zbarRead(_ modules: [[Bool]], zbarimg: URL, exactBytes: Bool = false) throws -> Data? {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("youjiao-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let image = directory.appendingPathComponent("symbol.pbm")
        try pbm(modules).write(to: image)
        let mode = exactBytes ? ["-Sbinary"] : []
        let run = try run(zbarimg, ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"] + mode + [image.path])
        guard run.status == 0 else { return nil }
        // As text each symbol ends with a newline; in binary mode nothing is added.
        return exactBytes || run.output.last != UInt8(ascii: "\n") ? run.output : run.output.dropLast()
    }

    /// qrencode's symbol for `text` in byte mode, without quiet zone, as rows of dark (true) modules.
    static func qrencodeModules(_ text: String, level: QRCode.ErrorCorrection, qrencode: URL) throws -> [[Bool]] {
        let levelName = switch level {
        case .low: "L"
        case .medium: "M"
        case .quartile: "Q"
        case .high: "H"
        }
        let run = try run(qrencode, ["-t", "ASCII", "-8", "-l", levelName, "-m", "0", text])
        #expect(run.status == 0, "qrencode failed: \(run.errors)")
        return parseTwoCharacterArt(String(decoding: run.output, as: UTF8.self))
    }

    /// qrencode's ASCII art: each module two characters wide, "##" dark and "  " light.
    static func parseTwoCharacterArt(_ art: String) -> [[Bool]] {
        art.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            let characters = Array(line)
            return stride(from: 0, to: characters.count, by: 2).map { characters[$0] == "#" }
        }
    }
}
