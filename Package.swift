// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "astercdr",
    products: [
        .executable(name: "astercdr", targets: ["astercdr"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // The only place that sees <sqlite3.h>: Debian's libsqlite3-dev.
        .systemLibrary(name: "CSQLite3", providers: [.apt(["libsqlite3-dev"])]),
        // A thin wrapper over the C API: Database, Statement, SQLiteError, Migrator.
        .target(name: "SQLite", dependencies: ["CSQLite3"]),
        // The SQL files of migrations/, compiled into the binary.
        .target(
            name: "Migrations",
            path: "migrations",
            resources: [.embedInCode("0001_initial.sql")]
        ),
        // Wire formats -> parsed events; event times. Pure, no I/O.
        .target(name: "CallEvents"),
        // One session's events -> a call record and its parties. Pure, no I/O.
        .target(name: "CallAssembly"),
        // The schema and every write: events, duplicates, estimates, call records, cursors.
        .target(name: "CallStore", dependencies: ["SQLite", "Migrations", "CallEvents", "CallAssembly"]),
        // Where events come from: files and standard input.
        .target(name: "Ingest", dependencies: ["CallStore", "CallEvents"]),
        .executableTarget(
            name: "astercdr",
            dependencies: [
                "Ingest", "CallStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the test targets share (temporary folders, the repository's root).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "TestSupport"]),
        .testTarget(name: "CallEventsTests", dependencies: ["CallEvents"]),
        .testTarget(name: "CallAssemblyTests", dependencies: ["CallAssembly"]),
        .testTarget(name: "CallStoreTests", dependencies: ["CallStore", "CallEvents", "SQLite", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "CallStore", "SQLite", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SQLite", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
