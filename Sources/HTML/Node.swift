/// A piece of an HTML or SVG document. Text and attribute values are escaped when rendered, in `render` and nowhere
/// else; `raw` is for output of Wijkradar's own renderers only (never for user or data text).
public indirect enum Node: Sendable, Equatable {
    case element(name: String, attributes: [Attribute], children: [Node])
    case text(String)
    /// Trusted markup, emitted as is.
    case raw(String)
    case fragment([Node])

    public static let empty = Node.fragment([])

    /// Elements that have no end tag in HTML.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr",
    ]
}

/// One attribute. Boolean attributes (`hidden`, `required`) have a nil value.
public struct Attribute: Sendable, Equatable {
    public var name: String
    public var value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }
}

extension Node: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .text(value) }
}

/// Builds children with Swift's result-builder syntax: `div { h1 { "Titel" }; if x { p { y } } }`.
@resultBuilder
public enum NodeBuilder {
    public static func buildExpression(_ node: Node) -> [Node] { [node] }
    public static func buildExpression(_ nodes: [Node]) -> [Node] { nodes }
    public static func buildExpression(_ text: String) -> [Node] { [.text(text)] }
    public static func buildBlock(_ parts: [Node]...) -> [Node] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Node]?) -> [Node] { part ?? [] }
    public static func buildEither(first: [Node]) -> [Node] { first }
    public static func buildEither(second: [Node]) -> [Node] { second }
    public static func buildArray(_ parts: [[Node]]) -> [Node] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [Node]) -> [Node] { part }
}

/// Any element by name; the named helpers in `Elements.swift` call this.
public func element(_ name: String, _ attributes: [Attribute], @NodeBuilder _ content: () -> [Node] = { [] }) -> Node {
    .element(name: name, attributes: attributes, children: content())
}
