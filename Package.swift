// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "youjiao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "youjiao", targets: ["youjiao"]),
        .executable(name: "youjiao-bench", targets: ["YoujiaoBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        // Named for its event loops as the Swift concurrency executor (Entry.swift); Vapor brings it anyway.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // 4.x: JWTKit (OpenID Connect ID tokens) requires it.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        // Domain values and rules: Foundation and Crypto only, never Vapor or Fluent.
        .target(
            name: "YoujiaoCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // Pages as plain models and Plot views, the string catalogue (zh-Hans, en), CSV and XLSX
        // downloads. No Vapor and no store: a view renders only its model.
        .target(
            name: "YoujiaoViews",
            dependencies: [
                "YoujiaoCore",
                .product(name: "Plot", package: "Plot"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "YoujiaoStore",
            dependencies: [
                "YoujiaoCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                // Lock waits, exported by the web layer's Prometheus backend.
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "YoujiaoWeb",
            dependencies: [
                "YoujiaoCore", "YoujiaoStore", "YoujiaoViews",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            resources: [.copy("Public")]
        ),
        .target(
            name: "YoujiaoCLI",
            dependencies: [
                "YoujiaoCore", "YoujiaoStore", "YoujiaoWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "youjiao", dependencies: [
            "YoujiaoCLI", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        // Benchmarks of Core against peers; Core only, so a release build takes about a minute.
        .executableTarget(name: "YoujiaoBench", dependencies: ["YoujiaoCore"]),
        .testTarget(name: "YoujiaoCoreTests", dependencies: ["YoujiaoCore"]),
        .testTarget(
            name: "YoujiaoViewsTests",
            dependencies: [
                "YoujiaoViews", "YoujiaoCore",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        // Fresh databases for store and web tests: a temporary SQLite file, or a new database on the
        // PostgreSQL server named by DATABASE_URL.
        .target(
            name: "YoujiaoTestSupport",
            dependencies: [
                "YoujiaoStore", "YoujiaoCore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .testTarget(
            name: "YoujiaoStoreTests",
            dependencies: ["YoujiaoStore", "YoujiaoCore", "YoujiaoTestSupport"]
        ),
        .testTarget(
            name: "YoujiaoWebTests",
            dependencies: [
                "YoujiaoWeb", "YoujiaoStore", "YoujiaoCore", "YoujiaoCLI", "YoujiaoTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
