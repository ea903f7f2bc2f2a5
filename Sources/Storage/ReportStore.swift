import Foundation
import SQLKit

/// Versions of the programme's reports. There is at most one concept per report; publishing freezes it: the whole
/// document is stored as it was, so later data never changes a published version. A new concept starts from the
/// editors' text of the newest published version.
public struct ReportStore: Sendable {
    /// An editor's text in one slot between the generated parts.
    public struct EditorText: Sendable, Equatable, Codable {
        public var title: String
        public var markdown: String

        public init(title: String, markdown: String) { (self.title, self.markdown) = (title, markdown) }
    }

    public struct Version: Sendable, Equatable {
        public var id: Int
        public var programmeID: Int
        public var kind: String
        /// Nil for the concept.
        public var number: Int?
        public var sections: [String: EditorText]
        public var staffNote: String
        /// The frozen document (JSON) of a published version.
        public var document: String?
        public var version: Int
        public var updatedAt: Int
        public var updatedBy: String
        public var publishedAt: Int?

        public var isPublished: Bool { number != nil }
    }

    let store: Store

    public init(store: Store) { self.store = store }

    /// Published versions newest (highest number) first, then the concept if there is one; without their frozen
    /// documents, which only `published` reads.
    /// Every version of every report (without the frozen documents), newest number first per report: one query.
    public func allVersions() async throws -> [Version] {
        try await store.sql.select().columns(Self.listColumns.map { SQLIdentifier($0) }).from("report_versions").all()
            .map(Self.decode).sorted { ($0.number ?? 0) > ($1.number ?? 0) }
    }

    public func versions(programmeID: Int, kind: String) async throws -> [Version] {
        let rows = try await store.sql.select().columns(Self.listColumns.map { SQLIdentifier($0) }).from(
            "report_versions"
        )
        .where("programme_id", .equal, programmeID).where("kind", .equal, kind).all().map(Self.decode)
        return rows.filter(\.isPublished).sorted { ($0.number ?? 0) > ($1.number ?? 0) }
            + rows.filter { !$0.isPublished }
    }

    static let listColumns = [
        "id", "programme_id", "kind", "number", "sections", "staff_note", "version", "updated_at", "updated_by",
        "published_at",
    ]

    public func concept(programmeID: Int, kind: String) async throws -> Version? {
        try await versions(programmeID: programmeID, kind: kind).first { !$0.isPublished }
    }

    /// A published version with its frozen document (the newest when `number` is nil).
    public func published(programmeID: Int, kind: String, number: Int? = nil) async throws -> Version? {
        guard
            var version = try await versions(programmeID: programmeID, kind: kind).first(where: {
                $0.isPublished && (number == nil || $0.number == number)
            })
        else { return nil }
        version.document =
            try await store.sql.select().column("document").from("report_versions").where("id", .equal, version.id)
            .first(decodingColumn: "document", as: String?.self) ?? nil
        return version
    }

    /// The concept, made when there is none from the newest published version's text and editors' note.
    public func startConcept(programmeID: Int, kind: String, actor: String) async throws -> Version {
        if let concept = try await concept(programmeID: programmeID, kind: kind) { return concept }
        let previous = try await published(programmeID: programmeID, kind: kind)
        let sections = try ProgrammeStore.json(previous?.sections ?? [:])
        return try await store.transaction { sql in
            // Checked again in the transaction: a double click makes one concept, not two.
            if let existing = try await sql.select().column("id").from("report_versions").where(
                "programme_id", .equal, programmeID
            )
            .where("kind", .equal, kind).where("number", .is, SQLLiteral.null).first(decodingColumn: "id", as: Int.self)
            {
                return try await Self.version(sql, id: existing)!
            }
            let time = now()
            let id = try await sql.insert(into: "report_versions")
                .columns(
                    "programme_id", "kind", "sections", "staff_note", "version", "created_at", "updated_at",
                    "updated_by"
                )
                .values(
                    SQLBind(programmeID), SQLBind(kind), SQLBind(sections), SQLBind(previous?.staffNote ?? ""),
                    SQLBind(1), SQLBind(time), SQLBind(time), SQLBind(actor)
                )
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await AuditLog.record(sql, actor: actor, action: "rapportconcept gemaakt", subject: kind)
            return try await Self.version(sql, id: id)!
        }
    }

    /// Saves one slot's text (empty text removes it) over the version the editor read; returns the new version.
    public func save(id: Int, expectedVersion: Int, slot: String, text: EditorText, actor: String) async throws -> Int {
        try await change(
            id: id, expectedVersion: expectedVersion, actor: actor, action: "rapporttekst gewijzigd", detail: slot
        ) { current in
            var sections = current.sections
            sections[slot] =
                text.markdown.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && text.title.isEmpty ? nil : text
            return ["sections": try ProgrammeStore.json(sections)]
        }
    }

    public func saveNote(id: Int, expectedVersion: Int, note: String, actor: String) async throws -> Int {
        try await change(
            id: id, expectedVersion: expectedVersion, actor: actor, action: "rapportnotitie gewijzigd", detail: ""
        ) { _ in
            ["staff_note": note]
        }
    }

    /// Freezes the concept with its document (made for the number it gets, so it can say "Versie 3") and gives it
    /// the next number; returns that number.
    public func publish(
        id: Int, expectedVersion: Int, actor: String, document: @escaping @Sendable (Int) throws -> String
    ) async throws -> Int {
        try await store.transaction { sql in
            guard let current = try await Self.version(sql, id: id), !current.isPublished else {
                throw ProgrammeError.notFound("Het rapportconcept")
            }
            let highest =
                try await sql.select().column("number").from("report_versions").where(
                    "programme_id", .equal, current.programmeID
                )
                .where("kind", .equal, current.kind).where("number", .isNot, SQLLiteral.null).all()
                .map { try $0.decode(column: "number", as: Int.self) }.max() ?? 0
            let number = highest + 1
            let document = try document(number)
            let time = now()
            let rows = try await sql.update("report_versions").set("number", to: SQLBind(number)).set(
                "document", to: SQLBind(document)
            )
            .set("published_at", to: SQLBind(time)).set("version", to: SQLBind(expectedVersion + 1)).set(
                "updated_at", to: SQLBind(time)
            )
            .set("updated_by", to: SQLBind(actor)).where("id", .equal, id).where("version", .equal, expectedVersion)
            .returning("id").all()
            guard !rows.isEmpty else { throw ProgrammeError.conflict("Het rapportconcept") }
            try await AuditLog.record(
                sql, actor: actor, action: "rapport gepubliceerd", subject: current.kind, detail: "versie \(number)")
            return number
        }
    }

    func change(
        id: Int, expectedVersion: Int, actor: String, action: String, detail: String,
        _ columns: @escaping @Sendable (Version) throws -> [String: String]
    ) async throws -> Int {
        try await store.transaction { sql in
            guard let current = try await Self.version(sql, id: id) else {
                throw ProgrammeError.notFound("Het rapportconcept")
            }
            guard !current.isPublished else {
                throw ProgrammeError.refused("Een gepubliceerde versie verandert niet meer; maak een nieuw concept.")
            }
            let update = sql.update("report_versions").set("version", to: SQLBind(expectedVersion + 1)).set(
                "updated_at", to: SQLBind(now())
            )
            .set("updated_by", to: SQLBind(actor))
            for (column, value) in try columns(current) { update.set(SQLIdentifier(column), to: SQLBind(value)) }
            let rows = try await update.where("id", .equal, id).where("version", .equal, expectedVersion).returning(
                "id"
            ).all()
            guard !rows.isEmpty else { throw ProgrammeError.conflict("Het rapportconcept") }
            try await AuditLog.record(sql, actor: actor, action: action, subject: current.kind, detail: detail)
            return expectedVersion + 1
        }
    }

    static func version(_ sql: any SQLDatabase, id: Int) async throws -> Version? {
        try await sql.select().column("*").from("report_versions").where("id", .equal, id).first().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> Version {
        Version(
            id: try row.decode(column: "id"), programmeID: try row.decode(column: "programme_id"),
            kind: try row.decode(column: "kind"),
            number: try row.decode(column: "number", as: Int?.self),
            sections: try JSONDecoder().decode(
                [String: EditorText].self, from: Data(try row.decode(column: "sections", as: String.self).utf8)),
            staffNote: try row.decode(column: "staff_note"),
            document: row.contains(column: "document") ? try row.decode(column: "document", as: String?.self) : nil,
            version: try row.decode(column: "version"), updatedAt: try row.decode(column: "updated_at"),
            updatedBy: try row.decode(column: "updated_by"),
            publishedAt: try row.decode(column: "published_at", as: Int?.self))
    }
}
