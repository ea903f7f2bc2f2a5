import Crypto
import Foundation
import Knowledge
import SQLKit

/// Files attached to a knowledge record: checked, stored as blobs, listed and served back.
extension KnowledgeStore {
    public struct Attachment: Sendable, Equatable {
        public var id: Int
        public var fileName: String
        public var contentType: String
        public var size: Int
    }

    /// Stores a checked file with a record; the upload is in the record's history and the audit log.
    public func attach(to id: Int, fileName: String, contentType: String, content: Data, actor: String) async throws
        -> Int
    {
        try await store.transaction { sql in
            guard let stored = try await Self.stored(sql, id: id), !stored.deleted else {
                throw ProgrammeError.notFound("Kennisrecord \(id)")
            }
            let digest = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
            let attachment = try await sql.insert(into: "knowledge_attachments")
                .columns("record_id", "file_name", "content_type", "size", "sha256", "content", "uploaded_by", "at")
                .values(
                    SQLBind(id), SQLBind(fileName), SQLBind(contentType), SQLBind(content.count), SQLBind(digest),
                    Blob.bind(content),
                    SQLBind(actor), SQLBind(now())
                )
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await AuditLog.record(
                sql, actor: actor, action: "bijlage toegevoegd", subject: stored.title,
                detail: "\(fileName) (\(content.count) bytes)")
            return attachment
        }
    }

    public func attachments(of id: Int) async throws -> [Attachment] {
        try await store.sql.select().column("id").column("file_name").column("content_type").column("size").from(
            "knowledge_attachments"
        )
        .where("record_id", .equal, id).orderBy("id").all().map {
            Attachment(
                id: try $0.decode(column: "id"), fileName: try $0.decode(column: "file_name"),
                contentType: try $0.decode(column: "content_type"), size: try $0.decode(column: "size"))
        }
    }

    public func attachmentContent(_ attachmentID: Int, of id: Int) async throws -> (Attachment, Data)? {
        guard
            let row = try await store.sql.select().column("*").from("knowledge_attachments").where(
                "id", .equal, attachmentID
            )
            .where("record_id", .equal, id).first()
        else { return nil }
        return (
            Attachment(
                id: attachmentID, fileName: try row.decode(column: "file_name"),
                contentType: try row.decode(column: "content_type"),
                size: try row.decode(column: "size")), try Blob.decode(row, column: "content")
        )
    }
}
