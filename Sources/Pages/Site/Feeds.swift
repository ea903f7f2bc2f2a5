import Foundation
import HTML
import Programme

/// The Atom feed of public posts (RFC 4287) and the sitemap (sitemaps.org 0.9), as XML text.
public enum Feeds {
    public static func atom(posts: [Post], baseURL: String) -> String {
        let updated = posts.map { max($0.publishAt, $0.updatedAt) }.max() ?? 0
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
              <title>Wijkradar — blog en nieuws van het kennisprogramma</title>
              <id>\(escape(baseURL))/blog</id>
              <link rel="self" type="application/atom+xml" href="\(escape(baseURL))/blog/feed.xml"/>
              <link rel="alternate" type="text/html" href="\(escape(baseURL))/blog"/>
              <updated>\(PostTime.rfc3339(updated))</updated>
              <author><name>Kennisprogramma wijkaanpak</name></author>
              <generator>Wijkradar</generator>

            """
        for post in posts {
            let link = "\(baseURL)/blog/\(post.slug)"
            xml += """
                  <entry>
                    <title>\(escape(post.title))</title>
                    <id>\(escape(link))</id>
                    <link rel="alternate" type="text/html" href="\(escape(link))"/>
                    <published>\(PostTime.rfc3339(post.publishAt))</published>
                    <updated>\(PostTime.rfc3339(max(post.publishAt, post.updatedAt)))</updated>
                    <author><name>\(escape(post.author))</name></author>

                """
            for tag in post.tags.all { xml += "    <category term=\"\(escape(tag))\"/>\n" }
            xml += "    <summary>\(escape(Markdown.plainSummary(post.body)))</summary>\n"
            xml +=
                "    <content type=\"html\" xml:base=\"\(escape(baseURL))/\">\(escape(Markdown.render(post.body).render()))</content>\n"
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    public static func sitemap(_ urls: [(path: String, modified: Int?)], baseURL: String) -> String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls {
            xml +=
                "  <url><loc>\(escape(baseURL + url.path))</loc>"
                + (url.modified.map { "<lastmod>\(PostTime.rfc3339($0))</lastmod>" } ?? "") + "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// Escapes markup and drops the control characters XML 1.0 does not allow, so the feed always parses.
    static func escape(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        )
        .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
