import HTML
import Pages

/// The wijkanalyse as an A4 document: the same model and view as the web page, with a title block and the print
/// stylesheet inlined, so `wijkradar report` and a PDF engine need no server.
public enum WijkanalyseDocument {
    public static func render(_ model: RegionPage.Model) -> Node {
        let page = RegionPage.render(model)
        guard case .element(let name, let attributes, var children) = page, name == "html" else { return page }
        // Inline the stylesheet so the file stands alone; keep the link for the web version.
        if case .element(let headName, let headAttributes, var headChildren) = children[0], headName == "head" {
            headChildren.append(element("style", []) { Node.raw(Stylesheet.css) })
            children[0] = .element(name: headName, attributes: headAttributes, children: headChildren)
        }
        return .element(name: name, attributes: attributes, children: children)
    }
}
