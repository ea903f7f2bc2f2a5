import Foundation

/// What may be attached to a record: common document and image types, checked by their first bytes (not by the
/// name or the browser's word for it), at most 10 MB.
public enum AttachmentRules {
    public static let maximumBytes = 10 * 1024 * 1024

    public struct Kind: Sendable, Equatable {
        public var contentType: String
        public var extensions: [String]
    }

    static let kinds: [(magic: [UInt8], kind: Kind)] = [
        ([0x25, 0x50, 0x44, 0x46, 0x2D], Kind(contentType: "application/pdf", extensions: ["pdf"])),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Kind(contentType: "image/png", extensions: ["png"])),
        ([0xFF, 0xD8, 0xFF], Kind(contentType: "image/jpeg", extensions: ["jpg", "jpeg"])),
        (
            [0x50, 0x4B, 0x03, 0x04],
            Kind(contentType: "application/octet-stream", extensions: ["docx", "xlsx", "pptx", "odt", "ods", "odp"])
        ),
    ]

    static let officeTypes = [
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "odp": "application/vnd.oasis.opendocument.presentation",
    ]

    /// The content type to store and serve, or a Dutch reason why the file is refused.
    public static func check(fileName: String, bytes: Data) -> Result<String, AttachmentError> {
        guard !bytes.isEmpty else { return .failure(.empty(fileName)) }
        guard bytes.count <= maximumBytes else { return .failure(.tooLarge(fileName, bytes.count)) }
        let ext = (fileName as NSString).pathExtension.lowercased()
        let head = [UInt8](bytes.prefix(8))
        guard let match = kinds.first(where: { head.starts(with: $0.magic) }), match.kind.extensions.contains(ext)
        else {
            return .failure(.type(fileName))
        }
        return .success(officeTypes[ext] ?? match.kind.contentType)
    }

    /// A file name safe to show and to send in a header: no path, no control or quote characters.
    public static func safeName(_ name: String) -> String {
        let base = (name as NSString).lastPathComponent
        let cleaned = base.unicodeScalars.filter {
            !CharacterSet.controlCharacters.contains($0) && !"\"\\/:*?<>|".unicodeScalars.contains($0)
        }
        let result = String(String.UnicodeScalarView(cleaned)).trimmingCharacters(in: .whitespaces)
        return result.isEmpty ? "bijlage" : String(result.prefix(120))
    }
}

public enum AttachmentError: Error, Equatable, CustomStringConvertible {
    case empty(String), tooLarge(String, Int), type(String)

    public var description: String {
        switch self {
        case .empty(let name): "Bijlage '\(name)': het bestand is leeg."
        case .tooLarge(let name, let size):
            "Bijlage '\(name)': \(size / 1_048_576) MB is te groot; het maximum is 10 MB."
        case .type(let name):
            "Bijlage '\(name)': alleen PDF, PNG, JPEG en Office- of OpenDocument-bestanden (docx, xlsx, pptx, odt, ods, odp), en de inhoud moet bij de extensie passen."
        }
    }
}
