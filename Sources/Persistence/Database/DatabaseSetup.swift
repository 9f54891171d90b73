import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Where the data lives: an embedded SQLite file (the default, zero set-up) or PostgreSQL (production).
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public var description: String {
        switch self {
        case .sqlite(let path): return "SQLite \(path)"
        case .postgres(let url):
            // Never log a password.
            guard var c = URLComponents(string: url) else { return "PostgreSQL" }
            if c.password != nil { c.password = "***" }
            return "PostgreSQL \(c.string ?? "")"
        }
    }
}

public enum DatabaseSetup {
    /// Registers the database and the migrations. Call `prepareConnections` after this, before serving.
    public static func configure(_ app: Application, location: DatabaseLocation) throws {
        switch location {
        case .sqlite(let path):
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            var config = try SQLPostgresConfiguration(url: url)
            config.searchPath = nil
            app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 8, sqlLogLevel: .trace), as: .psql)
        }
        app.migrations.add(MGNMigrations.all)
    }

    /// SQLite: WAL is a property of the file (set once); the busy timeout is per connection, and there
    /// is no connection-setup hook, so each event loop's single connection is visited here. A sleeping
    /// busy handler replaces sqlite-nio's spinning one (STACK-NOTES: ~2.5× faster under load).
    public static func prepareConnections(_ app: Application) async throws {
        guard let sql = app.db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        for loop in app.eventLoopGroup.makeIterator() {
            let db = app.databases.database(logger: app.logger, on: loop)!
            try await db.withConnection { conn in
                let c = conn as! any SQLDatabase
                try await c.raw("PRAGMA busy_timeout=5000").run()
                try await c.raw("PRAGMA foreign_keys=ON").run()
                try await c.raw("PRAGMA synchronous=NORMAL").run()
            }
        }
    }

    /// A consistent copy of a live SQLite database (WAL included) into a new file.
    public static func backupSQLite(_ db: any Database, to path: String) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else {
            throw BackupError.notSQLite
        }
        if FileManager.default.fileExists(atPath: path) { throw BackupError.targetExists(path) }
        try await sql.raw("VACUUM INTO \(bind: path)").run()
    }

    public enum BackupError: Error, CustomStringConvertible {
        case notSQLite
        case targetExists(String)
        public var description: String {
            switch self {
            case .notSQLite: "mgn backup copies the SQLite file; for PostgreSQL use pg_dump (see README)."
            case .targetExists(let p): "\(p) already exists; choose a new file name."
            }
        }
    }
}
