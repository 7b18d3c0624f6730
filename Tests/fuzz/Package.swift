// swift-tools-version:6.1
// libFuzzer targets for YoujiaoCore's input parsers. A package of its own, so that the fuzzer and
// address sanitizer instrument only Core and these targets, never the server's Vapor build.
// Sources/YoujiaoCore is a relative symlink to the repository's Core sources: what is fuzzed is
// exactly what ships. Build and run through scripts/fuzz.
import PackageDescription

let package = Package(
    name: "youjiao-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .target(
            name: "YoujiaoCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "FuzzSupport", dependencies: ["YoujiaoCore"]),
        .executableTarget(name: "FuzzCSV", dependencies: ["YoujiaoCore", "FuzzSupport"]),
        .executableTarget(name: "FuzzTextDecoding", dependencies: ["YoujiaoCore"]),
        .executableTarget(name: "FuzzNationalID", dependencies: ["YoujiaoCore"]),
        .executableTarget(name: "FuzzRegistry", dependencies: ["YoujiaoCore", "FuzzSupport"]),
        .executableTarget(name: "FuzzEnrollment", dependencies: ["YoujiaoCore", "FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
