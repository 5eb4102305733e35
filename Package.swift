// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "astercdr",
    products: [
        .executable(name: "astercdr", targets: ["astercdr"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
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
            resources: [
                .embedInCode("0001_initial.sql"), .embedInCode("0002_views.sql"),
                .embedInCode("0003_sessions_in_arrival_order.sql"), .embedInCode("0004_agent_states.sql"),
                .embedInCode("0005_agent_intervals_by_start_covering.sql"),
            ]
        ),
        // Wire formats -> parsed events; event times. Pure, no I/O.
        .target(name: "CallEvents"),
        // One session's events -> a call record and its parties. Pure, no I/O.
        .target(name: "CallAssembly"),
        // One agent's agent-state events -> its intervals, the ACW of its calls, its time and its
        // state at a moment. Pure, no I/O.
        .target(name: "AgentStates", dependencies: ["CallAssembly"]),
        // A simulated call centre's traffic, and the call record each call should give. Pure, no I/O.
        .target(name: "CallSimulation", dependencies: ["CallEvents"]),
        // The schema and every write: events, duplicates, estimates, call records, cursors.
        .target(name: "CallStore", dependencies: ["SQLite", "Migrations", "CallEvents", "CallAssembly", "AgentStates"]),
        // What astercdr's HTTP servers share: JSON answers, the bearer token and the browser's sign-in
        // cookie (an HMAC of it, through swift-crypto), the paths never stored as events.
        .target(
            name: "HTTPBasics",
            dependencies: [
                "CallEvents",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Where events come from: files, standard input, the HTTP receiver, push-channel
        // subscriptions; and the one writer they all feed, as services of one ServiceGroup. It counts
        // what the writer commits through swift-metrics, with whichever factory it is handed.
        .target(
            name: "Ingest",
            dependencies: [
                "CallStore", "CallEvents", "CallAssembly", "HTTPBasics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // What supervisors ask: call listings, one call, and reports, as table, CSV, JSON or an HTML page.
        .target(name: "Reports", dependencies: ["SQLite", "CallStore", "CallEvents", "CallAssembly", "AgentStates"]),
        // The live view over HTTP (`/wallboard`, `/metrics`, `/api/now`) for both `ingest --listen` and
        // `serve`: the floor read on a read-only connection of its own, the registry exported as
        // Prometheus text, the wallboard's page (Wallboard/, compiled in) and its sign-in.
        .target(
            name: "LiveView",
            dependencies: [
                "Reports", "CallStore", "CallEvents", "AgentStates", "HTTPBasics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [
                .embedInCode("Wallboard/wallboard.html"), .embedInCode("Wallboard/wallboard.css"),
                .embedInCode("Wallboard/wallboard.js"), .embedInCode("Wallboard/sign-in.html"),
            ]
        ),
        .executableTarget(
            name: "astercdr",
            dependencies: [
                "Ingest", "LiveView", "CallStore", "Reports", "CallSimulation", "CallEvents",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // Fuzzing (scripts/fuzz): the invariants both fuzz targets check, shared with FuzzRegressionTests,
        // which replays the committed inputs of Fuzz/corpus. Each target also runs as a plain replayer.
        .target(name: "FuzzChecks", dependencies: ["CallEvents", "CallStore", "SQLite"], path: "Fuzz/FuzzChecks"),
        .executableTarget(name: "FuzzParser", dependencies: ["FuzzChecks"], path: "Fuzz/FuzzParser"),
        .executableTarget(name: "FuzzIngest", dependencies: ["FuzzChecks"], path: "Fuzz/FuzzIngest"),
        // Helpers the test targets share (temporary folders and databases, SQL rows as text, the repository's root,
        // events written as an ingest writes them, a hand-worked agent's shift).
        .target(name: "TestSupport", dependencies: ["SQLite", "CallStore"], path: "Tests/TestSupport"),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzChecks", "TestSupport"]),
        // The command line's parsing, through the executable's own commands (@testable import astercdr).
        .testTarget(
            name: "CommandLineTests",
            dependencies: ["astercdr", "TestSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "SQLiteTests", dependencies: ["SQLite", "TestSupport"]),
        .testTarget(name: "HTTPBasicsTests", dependencies: ["HTTPBasics"]),
        .testTarget(name: "CallEventsTests", dependencies: ["CallEvents"]),
        .testTarget(name: "CallAssemblyTests", dependencies: ["CallAssembly"]),
        .testTarget(name: "AgentStatesTests", dependencies: ["AgentStates"]),
        .testTarget(name: "CallSimulationTests", dependencies: ["CallSimulation", "CallEvents"]),
        .testTarget(name: "CallStoreTests", dependencies: ["CallStore", "CallEvents", "CallAssembly", "SQLite", "Migrations", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "CallStore", "SQLite", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "CallStore", "SQLite", "TestSupport"]),
        .testTarget(
            name: "SubscriberTests",
            dependencies: [
                "Ingest", "CallStore", "SQLite", "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Fixtures/ holds a database an earlier version made (its SQL dump) and the files it read.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["SQLite", "TestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
