/// A meeting's minutes as a searchable record (the text itself lives with the meeting).
public struct MinutesRecord: Sendable, Equatable, Codable {
    public var meetingID: Int
    public var meetingTitle: String
    public var link: String
    public var text: String

    public init(meetingID: Int, meetingTitle: String, link: String, text: String) {
        (self.meetingID, self.meetingTitle, self.link, self.text) = (meetingID, meetingTitle, link, text)
    }

    public var searchDocument: SearchDocument {
        SearchDocument(title: "Verslag: \(meetingTitle)", body: text, facets: [.kind: ["verslag"]])
    }
}
