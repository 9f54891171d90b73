// swift-tools-version: 6.0
// MGN — the platform of a regional Mentaal Gezondheidsnetwerk.
// Layers are targets so the compiler keeps them honest:
//   Domain (Foundation only) ← Persistence (Fluent, SQL) ← MGNApp (composition) → Web (Vapor, Leaf)
// Web sees Domain's repository protocols, never Fluent models.
import PackageDescription

let package = Package(
    name: "mgn",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mgn", targets: ["mgn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
    ],
    targets: [
        .target(name: "Domain"),
        .target(name: "Persistence", dependencies: [
            "Domain",
            .product(name: "Fluent", package: "fluent"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            .product(name: "SQLKit", package: "sql-kit"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Web", dependencies: [
            "Domain",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Leaf", package: "leaf"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], resources: [
            // Each feature keeps its templates in a lowercase folder beside its Swift files;
            // the folder name is the template's prefix ("login/login").
            .copy("Layout/layout"), .copy("Errors/errors"), .copy("Login/login"), .copy("Home/home"),
            .copy("Admin/admin"), .copy("Aanmelding/aanmelding"), .copy("Clienten/clienten"), .copy("Planning/planning"), .copy("Gesprek/gesprek"), .copy("Plan/plan"), .copy("Overdrachten/overdrachten"), .copy("Account/account"), .copy("SocialeKaart/kaart"), .copy("Casuistiek/casuistiek"), .copy("Feedback/feedback"), .copy("Puls/puls"), .copy("Afspraken/afspraken"), .copy("Dashboard/dashboard"), .copy("API/api"), .copy("Public"), .copy("Locales"),
        ]),
        // Delivering the outbox's mail: an SMTP client on SwiftNIO (plain, STARTTLS or TLS).
        .target(name: "Mail", dependencies: [
            "Domain",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "Demo", dependencies: ["Domain"]),
        .target(name: "MGNApp", dependencies: [
            "Domain", "Persistence", "Web", "Demo", "Mail",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Metrics", package: "swift-metrics"),
        ], resources: [
            // The instruments MGN ships (names and scales only); a region adds its own folder.
            .copy("Instruments"),
            // The client-feedback questionnaires (conversation, follow-up); a region may add its own.
            .copy("Feedback"),
        ]),
        .executableTarget(name: "mgn", dependencies: ["MGNApp"]),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "Demo"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "Domain"]),
        .testTarget(name: "AppTests", dependencies: [
            "MGNApp", "Domain", "Persistence", "Web",
            .product(name: "VaporTesting", package: "vapor"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
    ]
)
