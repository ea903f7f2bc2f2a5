import HTML
import Programme

/// The blog and news: the list with filters by tag and kind, and one post.
public enum BlogPages {
    public struct ListModel: Sendable {
        /// Public posts matching the filters, newest first.
        public var posts: [Post]
        /// For staff: concepts and scheduled posts, which the public does not see.
        public var unpublished: [Post]
        public var tags: [String]
        public var tag: String
        public var kind: Post.Kind?
        public var now: Int
        public var isStaff: Bool

        public init(
            posts: [Post], unpublished: [Post], tags: [String], tag: String, kind: Post.Kind?, now: Int, isStaff: Bool
        ) {
            (self.posts, self.unpublished, self.tags, self.tag, self.kind, self.now, self.isStaff) = (
                posts, unpublished, tags, tag, kind, now, isStaff
            )
        }
    }

    public static func list(_ model: ListModel) -> Node {
        let heading = model.kind?.label ?? "Blog en nieuws"
        return Layout.page(
            .init(
                title: model.tag.isEmpty ? heading : "\(heading): \(model.tag)",
                description: "Blogs en nieuws van het kennisprogramma voor de wijkaanpak: wat de wijken doen en leren.",
                path: SiteURL.blog.path)
        ) {
            h1 { model.tag.isEmpty ? heading : "\(heading) over ‘\(model.tag)’" }
            p {
                a(.href(SiteURL.blogFeed.path), .rel("alternate"), .type("application/atom+xml")) { "Atom-feed" }
                " · "
                a(.href(SiteURL.blog.path)) { "Alles" }
                " · "
                a(.href(SiteURL.blog.path(query: ["soort": "blog"]))) { "Alleen blogs" }
                " · "
                a(.href(SiteURL.blog.path(query: ["soort": "nieuws"]))) { "Alleen nieuws" }
                if model.isStaff { " · "; a(.href(SiteURL.blogNew.path)) { "Nieuw bericht" } }
            }
            if !model.tags.isEmpty {
                nav(.aria("label", "Onderwerpen"), .class("tags")) {
                    "Onderwerpen: "
                    for (index, tag) in model.tags.enumerated() {
                        if index > 0 { ", " }
                        a(.href(SiteURL.blog.path(query: ["tag": tag]))) { tag }
                    }
                }
            }
            if model.posts.isEmpty { p { "Er zijn (nog) geen berichten." } }
            ul(.class("posts")) { for post in model.posts { li { summary(post) } } }
            if model.isStaff, !model.unpublished.isEmpty {
                section(.aria("labelledby", "niet-openbaar")) {
                    h2(.id("niet-openbaar")) { "Concepten en geplande berichten (alleen voor programmastaf)" }
                    ul(.class("posts")) {
                        for post in model.unpublished {
                            li {
                                summary(post); " "; span(.class("badge")) { post.status(at: model.now).rawValue }
                            }
                        }
                    }
                }
            }
        }
    }

    static func summary(_ post: Post) -> Node {
        .fragment([
            a(.href(SiteURL.blogPost(post.slug).path)) { post.title },
            " ",
            span(.class("meta")) { "\(post.kind.label) · \(PostTime.dutch(post.publishAt)) · \(post.author)" },
            p { Markdown.plainSummary(post.body) },
        ])
    }

    public struct PostModel: Sendable {
        public var post: Post
        public var now: Int
        public var isStaff: Bool
        public var csrf: String

        public init(post: Post, now: Int, isStaff: Bool, csrf: String) {
            (self.post, self.now, self.isStaff, self.csrf) = (post, now, isStaff, csrf)
        }
    }

    public static func post(_ model: PostModel) -> Node {
        let post = model.post
        return Layout.page(
            .init(
                title: post.title, description: Markdown.plainSummary(post.body, limit: 155),
                path: SiteURL.blogPost(post.slug).path)
        ) {
            p(.class("meta")) { a(.href(SiteURL.blog.path)) { "Blog en nieuws" } }
            HTML.article(.class("post")) {
                h1 { post.title }
                p(.class("meta")) { "\(post.kind.label) · \(PostTime.dutch(post.publishAt)) · \(post.author)" }
                if model.isStaff, post.status(at: model.now) != .published {
                    p(.class("notice")) { "Dit bericht is \(post.status(at: model.now).rawValue) en niet openbaar." }
                }
                Markdown.render(post.body)
                if !post.tags.all.isEmpty {
                    p(.class("tags")) {
                        "Onderwerpen: "
                        for (index, tag) in post.tags.all.enumerated() {
                            if index > 0 { ", " }
                            a(.href(SiteURL.blog.path(query: ["tag": tag]))) { tag }
                        }
                    }
                }
            }
            if model.isStaff {
                section(.class("staff")) {
                    h2 { "Voor de redactie" }
                    if !post.staffNote.isEmpty { p { "Notitie: \(post.staffNote)" } }
                    p { a(.href(SiteURL.blogEdit(post.slug).path)) { "Bewerken" } }
                }
            }
        }
    }
}
