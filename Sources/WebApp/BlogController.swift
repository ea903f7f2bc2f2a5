import Core
import Foundation
import Knowledge
import Pages
import Programme
import Storage
import Vapor

/// Blog and news: public lists, posts and the Atom feed show only what is published and due; staff write, plan and
/// illustrate posts. A concept or scheduled post (and its images) is "not found" for everyone else.
struct BlogController: Sendable {
    let app: ProgrammeApp

    func register(_ routes: any RoutesBuilder) {
        routes.on(.blog) { try await list($0) }
        routes.on(.blogFeed) { try await feed($0) }
        routes.on(.blogNew) { try await editor($0, post: nil) }
        routes.on(.blogCreate) { try await save($0, slug: nil) }
        routes.on(.blogImage) { try await image($0) }
        routes.on(.blogPost) { try await show($0) }
        routes.on(.blogEdit) { request in
            try request.require(request.viewer.isStaff, "het schrijven van berichten")
            return try await editor(request, post: try await post(request))
        }
        routes.on(.blogUpdate) { try await save($0, slug: try $0.text("slug")) }
        routes.on(.blogAddImage) { try await upload($0) }.acceptingBodies(upTo: BodyLimit.image)
    }

    var posts: PostStore { PostStore(store: app.store) }
    static func now() -> Int { Clock.current.seconds }

    func list(_ request: Request) async throws -> Response {
        let now = Self.now()
        let tag = ((try? request.query.get(String.self, at: "tag")) ?? "").trimmingCharacters(in: .whitespaces)
        let kind = (try? request.query.get(String.self, at: "soort")).flatMap(Post.Kind.init(rawValue:))
        let visible = try await posts.posts(publicAt: now)
        let matching = visible.filter { post in
            (kind == nil || post.kind == kind)
                && (tag.isEmpty || post.tags.all.contains { $0.caseInsensitiveCompare(tag) == .orderedSame })
        }
        let unpublished = request.viewer.isStaff ? try await posts.posts().filter { !$0.isPublic(at: now) } : []
        let tags = Array(Set(visible.flatMap(\.tags.all))).sorted {
            $0.localizedCaseInsensitiveCompare($1) == .orderedAscending
        }
        return html(
            BlogPages.list(
                .init(
                    posts: matching, unpublished: unpublished, tags: tags, tag: tag, kind: kind, now: now,
                    isStaff: request.viewer.isStaff)))
    }

    func feed(_ request: Request) async throws -> Response {
        let xml = Feeds.atom(
            posts: Array(try await posts.posts(publicAt: Self.now()).prefix(50)), baseURL: app.publicURL)
        return Response(
            status: .ok, headers: ["Content-Type": "application/atom+xml; charset=utf-8"], body: .init(string: xml))
    }

    /// The post of the URL, if the viewer may see it: public ones for everyone, the rest for staff.
    func post(_ request: Request) async throws -> Post {
        guard let post = try await posts.post(slug: try request.text("slug")),
            post.isPublic(at: Self.now()) || request.viewer.isStaff
        else {
            throw Abort(.notFound, reason: "Dit bericht bestaat niet of is nog niet gepubliceerd.")
        }
        return post
    }

    func show(_ request: Request) async throws -> Response {
        html(
            BlogPages.post(
                .init(
                    post: try await post(request), now: Self.now(), isStaff: request.viewer.isStaff, csrf: request.csrf)
            ))
    }

    func editor(
        _ request: Request, post: Post?, typed: Post? = nil, problems: [String] = [], status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        try request.require(request.viewer.isStaff, "het schrijven van berichten")
        let shown = typed ?? post ?? Post(title: "", body: "", author: request.viewer.name, publishAt: Self.now())
        let images = try await post.asyncMap { try await posts.images(of: $0.id) } ?? []
        let notice: String? = (try? request.query.get(String.self, at: "ok")).map {
            $0 == "afbeelding" ? "De afbeelding is toegevoegd." : "Het bericht is opgeslagen."
        }
        return html(
            PostEditorPage.render(
                .init(
                    post: shown, images: images.map { .init(id: $0.id, fileName: $0.fileName, alt: $0.alt) },
                    session: request.sessionBar, csrf: request.csrf, problems: problems, notice: notice)),
            status: status)
    }

    func save(_ request: Request, slug: String?) async throws -> Response {
        try request.require(request.viewer.isStaff, "het schrijven van berichten")
        let existing = try await slug.asyncMap { _ in try await post(request) }
        let form = try request.form(PostForm.self)
        var problems: [String] = []
        let moment = PostTime.parse(form.moment)
        if moment == nil {
            problems.append("Publicatiemoment: vul een datum en tijd in, bijvoorbeeld 2026-12-01T09:00.")
        }
        var typed = existing ?? Post(title: "", body: "", author: "", publishAt: Self.now())
        typed.kind = Post.Kind(rawValue: form.kind) ?? .blog
        typed.title = form.title.trimmingCharacters(in: .whitespaces)
        typed.author = form.author.trimmingCharacters(in: .whitespaces)
        typed.body = form.body
        typed.tags = Post.Tags(
            themes: PostForm.list(form.themes), wijken: PostForm.list(form.wijken), cities: PostForm.list(form.cities))
        typed.state = Post.State(rawValue: form.state) ?? .draft
        typed.publishAt = moment ?? typed.publishAt
        typed.staffNote = form.note
        typed.version = form.version ?? 0
        problems = typed.problems() + Markdown.problems(in: typed.body, field: "Tekst") + problems
        let candidate = typed
        return try await WebApp.attempt(
            request,
            {
                guard problems.isEmpty else { throw ProgrammeError.invalid(problems) }
                let saved =
                    existing == nil
                    ? try await posts.create(candidate, actor: app.actor(request))
                    : try await posts.update(candidate, actor: app.actor(request))
                return SiteURL.blogEdit(saved.slug).path(query: ["ok": "opgeslagen"])
            }, otherwise: { try await editor(request, post: existing, typed: candidate, problems: $0, status: $1) })
    }

    func upload(_ request: Request) async throws -> Response {
        try request.require(request.viewer.isStaff, "afbeeldingen bij berichten")
        let post = try await post(request)
        guard let form = request.multipartForm, let file = form.file("bestand"), file.data.readableBytes > 0 else {
            throw Abort(.unprocessableEntity, reason: "Afbeelding: kies een bestand.")
        }
        let alt = InputText.clean(form.field("alt") ?? "", multiline: false).trimmingCharacters(in: .whitespaces)
        guard !alt.isEmpty else {
            throw Abort(
                .unprocessableEntity,
                reason:
                    "Alt-tekst: beschrijf wat er op de afbeelding staat; zonder alt-tekst kan een schermlezer haar niet voorlezen."
            )
        }
        let name = AttachmentRules.safeName(file.fileName ?? "")
        let bytes = Data(buffer: file.data)
        guard bytes.count <= 5 * 1_048_576 else {
            throw Abort(.payloadTooLarge, reason: "Afbeelding '\(name)': het maximum is 5 MB.")
        }
        guard case .success(let type) = AttachmentRules.check(fileName: name, bytes: bytes), type.hasPrefix("image/")
        else {
            throw Abort(
                .unprocessableEntity,
                reason: "Afbeelding '\(name)': alleen PNG en JPEG, en de inhoud moet bij de extensie passen.")
        }
        _ = try await posts.addImage(
            to: post.id, fileName: name, contentType: type, alt: alt, content: bytes, actor: app.actor(request))
        return request.redirect(
            to: SiteURL.blogEdit(post.slug).path(query: ["ok": "afbeelding"]), redirectType: .normal)
    }

    /// An image of a post the viewer may see; checked by content when uploaded, served with `nosniff`.
    func image(_ request: Request) async throws -> Response {
        guard let (image, data) = try await posts.image(id: try request.id("image")),
            let post = try await posts.post(id: image.postID),
            post.isPublic(at: Self.now()) || request.viewer.isStaff
        else {
            throw Abort(.notFound, reason: "Deze afbeelding bestaat niet.")
        }
        return Response(
            status: .ok,
            headers: [
                "Content-Type": image.contentType, "X-Content-Type-Options": "nosniff",
                "Cache-Control": "private, max-age=300",
            ], body: .init(data: data))
    }
}
