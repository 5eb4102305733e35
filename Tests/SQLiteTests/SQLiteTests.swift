import Foundation
import SQLite
import Testing
import TestSupport


@Suite struct DatabaseTests {
    @Test func statementsAreReusedWithNewBindings() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data BLOB) STRICT")
            let insert = try db.prepare("INSERT INTO t (name, data) VALUES (?, ?)")
            for name in ["alpha", "βeta", ""] {
                try insert.bind(name, at: 1)
                try [UInt8]([0xFF, 0x00, 0x41]).withUnsafeBytes { bytes throws -> Void in try insert.bindBlob(bytes, at: 2) }
                try insert.run()
            }
            try insert.bind(nil as String?, at: 1)
            try insert.bindBlob(nil, at: 2)
            try insert.run()

            let select = try db.prepare("SELECT name, data FROM t ORDER BY id")
            var rows: [(String?, [UInt8]?)] = []
            while try select.step() { rows.append((select.text(at: 0), select.blob(at: 1))) }
            #expect(rows.map(\.0) == ["alpha", "βeta", "", nil])
            #expect(rows.map(\.1) == [[0xFF, 0x00, 0x41], [0xFF, 0x00, 0x41], [0xFF, 0x00, 0x41], nil])
            #expect(insert.lastInsertedRowID == 4)
        }
    }

    @Test func errorsCarryExtendedCodeMessageAndSQL() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE) STRICT")
            try db.execute("INSERT INTO t (name) VALUES ('a')")
            let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t (name) VALUES ('a')") }
            #expect(error?.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error?.primaryCode == 19)
            #expect(error?.message == "UNIQUE constraint failed: t.name")
            #expect(error?.sql == "INSERT INTO t (name) VALUES ('a')")

            let syntax = #expect(throws: SQLiteError.self) { try db.prepare("SELEKT 1") }
            #expect(syntax?.message == #"near "SELEKT": syntax error"#)
            #expect(syntax?.sql == "SELEKT 1")
        }
    }

    @Test func openFailureNamesTheReason() throws {
        let error = #expect(throws: SQLiteError.self) {
            try Database(path: "/nonexistent-astercdr-dir/x.db")
        }
        #expect(error?.primaryCode == 14)  // SQLITE_CANTOPEN
        #expect(error?.message == "unable to open database file")
    }

    @Test func transactionRollsBackWhenTheBodyThrows() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            try db.execute("CREATE TABLE t (x INTEGER) STRICT")
            let error = #expect(throws: SQLiteError.self) {
                try db.transaction { () throws(SQLiteError) in
                    try db.execute("INSERT INTO t VALUES (1)")
                    try db.execute("INSERT INTO no_such_table VALUES (1)")
                }
            }
            #expect(error?.message == "no such table: no_such_table")
            try db.transaction { () throws(SQLiteError) in try db.execute("INSERT INTO t VALUES (2)") }
            #expect(try db.scalarText("SELECT group_concat(x) FROM t") == "2")
        }
    }
}

@Suite struct MigratorTests {
    let migrations = [
        Migration(version: 2, name: "0002_more", sql: "ALTER TABLE a ADD COLUMN y TEXT"),
        Migration(version: 1, name: "0001_first", sql: "CREATE TABLE a (x INTEGER) STRICT"),
    ]

    @Test func appliesInOrderOnceAndRecordsEach() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            let migrator = Migrator(migrations)
            try migrator.migrate(db)
            try migrator.migrate(db)
            #expect(try migrator.appliedVersion(of: db) == 2)
            #expect(try db.scalarText("SELECT group_concat(name, ',') FROM (SELECT name FROM schema_migrations ORDER BY version)") == "0001_first,0002_more")
            try db.execute("INSERT INTO a (x, y) VALUES (1, 'z')")
        }
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            let broken = Migrator([migrations[1], Migration(version: 2, name: "0002_broken", sql: "CREATE TABLE b (x INTEGER); SELEKT")])
            #expect(throws: MigrationError.self) { try broken.migrate(db) }
            #expect(try broken.appliedVersion(of: db) == 1)
            #expect(try !db.tableExists("b"))
        }
    }

    @Test func aNewerDatabaseIsRefused() throws {
        try withTemporaryDirectory { dir in
            let db = try Database(path: dir.appendingPathComponent("t.db").path)
            try Migrator(migrations).migrate(db)
            let older = Migrator([migrations[1]])
            let error = #expect(throws: MigrationError.self) { try older.migrate(db) }
            #expect(error?.description == "its schema version is 2, newer than this program understands (1); use a newer astercdr")
        }
    }
}
