import Foundation
import Programme
import SQLKit

/// Blog and news posts with their images. Edits carry the version the editor started from; a stale one is refused.
/// Nothing is hard-deleted.
public struct PostStore: Sendable {
    public struct Image: Sendable, Equatable {
        public var id: Int
        public var postID: Int
        public var fileName: String
        public var contentType: String
        public var alt: String
    }

    let store: Store

    public init(store: Store) { self.store = store }

    public func create(_ post: Post, actor: String) async throws -> Post {
        let tags = try ProgrammeStore.json(post.tags)
        return try await store.transaction { sql in
            let base = Post.slug(from: post.title)
            var slug = base
            var counter = 1
            while try await sql.select().column("id").from("posts").where("slug", .equal, slug).first() != nil {
                counter += 1
                slug = "\(base)-\(counter)"
            }
            let time = now()
            let id = try await sql.insert(into: "posts")
                .columns(
                    "slug", "kind", "title", "body", "author", "tags", "state", "publish_at", "staff_note", "version",
                    "deleted",
                    "created_at", "updated_at", "updated_by"
                )
                .values(
                    SQLBind(slug), SQLBind(post.kind.rawValue), SQLBind(post.title), SQLBind(post.body),
                    SQLBind(post.author), SQLBind(tags),
                    SQLBind(post.state.rawValue), SQLBind(post.publishAt), SQLBind(post.staffNote), SQLBind(1),
                    SQLBind(false),
                    SQLBind(time), SQLBind(time), SQLBind(actor)
                )
                .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await AuditLog.record(
                sql, actor: actor, action: "bericht aangemaakt", subject: post.title, detail: post.state.rawValue)
            var saved = post
            (saved.id, saved.slug, saved.version, saved.updatedAt) = (id, slug, 1, time)
            return saved
        }
    }

    /// Saves the post over the version it was read at; the address (slug) stays, so links keep working.
    public func update(_ post: Post, actor: String) async throws -> Post {
        let tags = try ProgrammeStore.json(post.tags)
        return try await store.transaction { sql in
            let time = now()
            let rows = try await sql.update("posts").set("kind", to: SQLBind(post.kind.rawValue)).set(
                "title", to: SQLBind(post.title)
            )
            .set("body", to: SQLBind(post.body)).set("author", to: SQLBind(post.author)).set("tags", to: SQLBind(tags))
            .set("state", to: SQLBind(post.state.rawValue)).set("publish_at", to: SQLBind(post.publishAt))
            .set("staff_note", to: SQLBind(post.staffNote)).set("version", to: SQLBind(post.version + 1))
            .set("updated_at", to: SQLBind(time)).set("updated_by", to: SQLBind(actor))
            .where("id", .equal, post.id).where("version", .equal, post.version).where(
                "deleted", .equal, SQLBind(false)
            )
            .returning("id").all()
            guard !rows.isEmpty else {
                guard try await Self.post(sql, where: ("id", post.id)) != nil else {
                    throw ProgrammeError.notFound("Bericht \(post.id)")
                }
                throw ProgrammeError.conflict("Het bericht ‘\(post.title)’")
            }
            try await AuditLog.record(
                sql, actor: actor, action: "bericht gewijzigd", subject: post.title, detail: post.state.rawValue)
            var saved = post
            (saved.version, saved.updatedAt) = (post.version + 1, time)
            return saved
        }
    }

    public func remove(id: Int, expectedVersion: Int, actor: String) async throws {
        try await store.transaction { sql in
            let rows = try await sql.update("posts").set("deleted", to: SQLBind(true)).set(
                "version", to: SQLBind(expectedVersion + 1)
            )
            .set("updated_at", to: SQLBind(now())).set("updated_by", to: SQLBind(actor))
            .where("id", .equal, id).where("version", .equal, expectedVersion).returning("title").all()
            guard let title = try rows.first?.decode(column: "title", as: String.self) else {
                throw ProgrammeError.conflict("Het bericht")
            }
            try await AuditLog.record(sql, actor: actor, action: "bericht verwijderd", subject: title)
        }
    }

    public func post(slug: String) async throws -> Post? { try await Self.post(store.sql, where: ("slug", slug)) }

    public func post(id: Int) async throws -> Post? { try await Self.post(store.sql, where: ("id", id)) }

    /// Every live post, newest publication time first; `publicAt` keeps only those public at that moment.
    public func posts(publicAt time: Int? = nil) async throws -> [Post] {
        let query = store.sql.select().column("*").from("posts").where("deleted", .equal, SQLBind(false))
        if let time {
            query.where("state", .equal, Post.State.published.rawValue).where(
                "publish_at", .lessThanOrEqual, SQLBind(time))
        }
        return try await query.orderBy("publish_at", .descending).orderBy("id", .descending).all().map(Self.decode)
    }

    // MARK: Images

    public func addImage(
        to postID: Int, fileName: String, contentType: String, alt: String, content: Data, actor: String
    ) async throws -> Int {
        try await store.transaction { sql in
            guard let post = try await Self.post(sql, where: ("id", postID)) else {
                throw ProgrammeError.notFound("Bericht \(postID)")
            }
            let id = try await sql.insert(into: "post_images").columns(
                "post_id", "file_name", "content_type", "alt", "content", "uploaded_by", "at"
            )
            .values(
                SQLBind(postID), SQLBind(fileName), SQLBind(contentType), SQLBind(alt), Blob.bind(content),
                SQLBind(actor), SQLBind(now())
            )
            .returning("id").first(decodingColumn: "id", as: Int.self)!
            try await AuditLog.record(
                sql, actor: actor, action: "afbeelding toegevoegd", subject: post.title, detail: "\(fileName): \(alt)")
            return id
        }
    }

    public func images(of postID: Int) async throws -> [Image] {
        try await store.sql.select().column("id").column("post_id").column("file_name").column("content_type").column(
            "alt"
        ).from("post_images")
            .where("post_id", .equal, postID).orderBy("id").all().map(Self.decodeImage)
    }

    public func image(id: Int) async throws -> (Image, Data)? {
        guard let row = try await store.sql.select().column("*").from("post_images").where("id", .equal, id).first()
        else { return nil }
        return (try Self.decodeImage(row), try Blob.decode(row, column: "content"))
    }

    // MARK: Rows

    static func post(_ sql: any SQLDatabase, where filter: (String, any Encodable & Sendable)) async throws -> Post? {
        try await sql.select().column("*").from("posts").where(SQLIdentifier(filter.0), .equal, SQLBind(filter.1))
            .where("deleted", .equal, SQLBind(false)).first().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> Post {
        Post(
            id: try row.decode(column: "id"), slug: try row.decode(column: "slug"),
            kind: Post.Kind(rawValue: try row.decode(column: "kind")) ?? .blog, title: try row.decode(column: "title"),
            body: try row.decode(column: "body"), author: try row.decode(column: "author"),
            tags: try JSONDecoder().decode(
                Post.Tags.self, from: Data(try row.decode(column: "tags", as: String.self).utf8)),
            state: Post.State(rawValue: try row.decode(column: "state")) ?? .draft,
            publishAt: try row.decode(column: "publish_at"),
            staffNote: try row.decode(column: "staff_note"), version: try row.decode(column: "version"),
            updatedAt: try row.decode(column: "updated_at"))
    }

    static func decodeImage(_ row: any SQLRow) throws -> Image {
        Image(
            id: try row.decode(column: "id"), postID: try row.decode(column: "post_id"),
            fileName: try row.decode(column: "file_name"),
            contentType: try row.decode(column: "content_type"), alt: try row.decode(column: "alt"))
    }
}
