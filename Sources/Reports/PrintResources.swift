import Foundation
import Programme
import Storage

/// Makes a print document self-contained before a PDF engine sees it: the site's own images (blog images placed in
/// report text) are embedded as `data:` addresses, and every other image address — another site, an internal
/// address someone typed in Markdown — is removed, so the engine has nothing to fetch. The engines are also run
/// without network (`PDFEngine`); this is what makes the images appear at all.
public enum PrintResources {
    /// `src="…"` as the HTML builder writes it (attribute values escaped, so a value holds no `"`).
    static var source: Regex<(Substring, Substring)> { #/ src="([^"]*)"/# }
    static var imagePath: Regex<(Substring, Substring)> { #/^\/blog\/afbeelding\/([0-9]{1,12})$/# }

    /// The document with site images embedded (those the public may see) and every other image source emptied.
    public static func embed(_ html: String, posts: PostStore, now: Date) async throws -> String {
        var images: [String: String] = [:]
        for match in html.matches(of: source) {
            let address = String(match.1)
            guard images[address] == nil, let id = address.wholeMatch(of: imagePath).flatMap({ Int($0.1) }),
                let (image, data) = try await posts.image(id: id), let post = try await posts.post(id: image.postID),
                post.isPublic(at: Int(now.timeIntervalSince1970))
            else { continue }
            images[address] = "data:\(image.contentType);base64,\(data.base64EncodedString())"
        }
        return embed(html, images: images)
    }

    /// The pure part: replaces each image source by its embedded form, or by an empty image.
    public static func embed(_ html: String, images: [String: String]) -> String {
        html.replacing(source) { match in
            let address = String(match.1)
            if address.hasPrefix("data:") { return String(match.0) }
            return " src=\"\(images[address] ?? "data:,")\""
        }
    }
}
