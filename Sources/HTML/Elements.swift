// Helpers for the elements Wijkradar's pages and charts use. Each takes attributes first and children in a builder.

public func html(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("html", attributes, content)
}
public func head(@NodeBuilder content: () -> [Node]) -> Node { element("head", [], content) }
public func body(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("body", attributes, content)
}
public func title(_ text: String) -> Node { element("title", []) { text } }
public func meta(_ attributes: Attribute...) -> Node { element("meta", attributes) }
public func link(_ attributes: Attribute...) -> Node { element("link", attributes) }
public func style(_ css: StaticString) -> Node { element("style", []) { Node.raw(css.description) } }
public func header(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("header", attributes, content)
}
public func footer(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("footer", attributes, content)
}
public func nav(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("nav", attributes, content)
}
public func main(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("main", attributes, content)
}
public func section(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("section", attributes, content)
}
public func article(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("article", attributes, content)
}
public func aside(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("aside", attributes, content)
}
public func div(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("div", attributes, content)
}
public func span(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("span", attributes, content)
}
public func h1(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("h1", attributes, content)
}
public func h2(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("h2", attributes, content)
}
public func h3(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("h3", attributes, content)
}
public func h4(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("h4", attributes, content)
}
public func p(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("p", attributes, content)
}
public func a(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("a", attributes, content)
}
public func strong(@NodeBuilder content: () -> [Node]) -> Node { element("strong", [], content) }
public func em(@NodeBuilder content: () -> [Node]) -> Node { element("em", [], content) }
public func small(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("small", attributes, content)
}
public func ul(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("ul", attributes, content)
}
public func ol(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("ol", attributes, content)
}
public func li(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("li", attributes, content)
}
public func dl(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("dl", attributes, content)
}
public func dt(@NodeBuilder content: () -> [Node]) -> Node { element("dt", [], content) }
public func dd(@NodeBuilder content: () -> [Node]) -> Node { element("dd", [], content) }
public func table(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("table", attributes, content)
}
public func caption(@NodeBuilder content: () -> [Node]) -> Node { element("caption", [], content) }
public func thead(@NodeBuilder content: () -> [Node]) -> Node { element("thead", [], content) }
public func tbody(@NodeBuilder content: () -> [Node]) -> Node { element("tbody", [], content) }
public func tr(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("tr", attributes, content)
}
public func th(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("th", attributes, content)
}
public func td(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("td", attributes, content)
}
public func form(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("form", attributes, content)
}
public func label(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("label", attributes, content)
}
public func input(_ attributes: Attribute...) -> Node { element("input", attributes) }
public func button(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("button", attributes, content)
}
public func textarea(_ attributes: Attribute..., text: String) -> Node { element("textarea", attributes) { text } }
public func fieldset(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("fieldset", attributes, content)
}
public func legend(@NodeBuilder content: () -> [Node]) -> Node { element("legend", [], content) }
public func select(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("select", attributes, content)
}
public func option(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("option", attributes, content)
}
public func figure(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("figure", attributes, content)
}
public func figcaption(@NodeBuilder content: () -> [Node]) -> Node { element("figcaption", [], content) }
public func abbr(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("abbr", attributes, content)
}
public func sup(@NodeBuilder content: () -> [Node]) -> Node { element("sup", [], content) }
public func br() -> Node { element("br", []) }

// SVG
public func svg(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("svg", [Attribute("xmlns", "http://www.w3.org/2000/svg")] + attributes, content)
}
public func g(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    element("g", attributes, content)
}
public func path(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    element("path", attributes, content)
}
public func line(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    element("line", attributes, content)
}
public func rect(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    element("rect", attributes, content)
}
public func circle(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    element("circle", attributes, content)
}
public func polyline(_ attributes: Attribute..., @NodeBuilder content: () -> [Node] = { [] }) -> Node {
    element("polyline", attributes, content)
}
public func svgText(_ attributes: Attribute..., @NodeBuilder content: () -> [Node]) -> Node {
    element("text", attributes, content)
}
public func svgTitle(_ text: String) -> Node { element("title", []) { text } }
public func desc(_ text: String) -> Node { element("desc", []) { text } }
