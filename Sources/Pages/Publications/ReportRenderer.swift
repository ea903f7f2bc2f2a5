import HTML
import Pages

/// A report as HTML: the article for the site (with a form per editor slot in a concept), and a stand-alone print
/// document for the PDF engine with a title page, a table of contents with page numbers, running headers, and the
/// sources beneath every table and figure.
public enum ReportRenderer {
    /// Draws the form (or the empty-slot notice) of an editor slot in a concept: (slot, title, markdown).
    public typealias SlotEditor = @Sendable (String, String, String) -> Node

    /// Section numbers as in the table of contents: "2", "2.3".
    static func numbers(_ sections: [ReportDocument.Section]) -> [String] {
        var chapter = 0, paragraph = 0
        return sections.map { section in
            if section.level == 1 {
                chapter += 1
                paragraph = 0
                return "\(chapter)"
            }
            paragraph += 1
            return "\(chapter).\(paragraph)"
        }
    }

    /// A chapter that holds only an empty editor slot (such as "Tot slot" before anyone wrote it) is left out of a
    /// document that is read, and kept where editors can fill it.
    static func shown(_ document: ReportDocument, editing: Bool) -> ReportDocument {
        guard !editing else { return document }
        var document = document
        document.sections.removeAll { section in
            section.blocks.allSatisfy {
                if case .editorial(_, let title, let markdown) = $0 { title.isEmpty && markdown.isEmpty } else { false }
            }
        }
        return document
    }

    /// The article for the site.
    public static func article(_ document: ReportDocument, editor: SlotEditor? = nil) -> Node {
        let document = shown(document, editing: editor != nil)
        let numbers = numbers(document.sections)
        let sections = document.sections.enumerated().map {
            render($1, number: numbers[$0], notes: document.notes, editor: editor)
        }
        return HTML.article(.class("report")) {
            header(.class("report-title")) {
                p(.class("meta")) { "\(document.programme) · \(document.organiser)" }
                h1 { document.title }
                p(.class("meta")) { "\(document.versionLabel) · \(document.date)" }
            }
            toc(document, numbers: numbers, pages: false)
            sections
            notesList(document)
            colophon(document)
        }
    }

    /// The stand-alone print document (A4) the PDF is made from.
    public static func print(_ document: ReportDocument) -> Node {
        let document = shown(document, editing: false)
        let numbers = numbers(document.sections)
        let sections = document.sections.enumerated().map {
            render($1, number: numbers[$0], notes: document.notes, editor: nil)
        }
        return html(.lang("nl")) {
            head {
                meta(.charset("utf-8"))
                title("\(document.title) — \(document.programme)")
                meta(.name("description"), .content(document.kind.summary))
                element("style", []) { Node.raw(PrintStylesheet.css) }
            }
            body(.class("print")) {
                section(.class("title-page")) {
                    p(.class("programme")) { document.programme }
                    h1(.class("report-title")) { document.title }
                    p(.class("meta")) { document.organiser }
                    p(.class("meta")) { "\(document.versionLabel) · \(document.date)" }
                    p(.class("meta")) {
                        "Cijfers: open data (Bron: CBS en anderen; zie colofon). Gegevensversie \(document.dataVersion)."
                    }
                }
                toc(document, numbers: numbers, pages: true)
                sections
                notesList(document)
                colophon(document)
            }
        }
    }

    static func toc(_ document: ReportDocument, numbers: [String], pages: Bool) -> Node {
        nav(.class("toc"), .aria("labelledby", "inhoud-titel")) {
            h2(.id("inhoud-titel")) { "Inhoud" }
            ol {
                for (index, section) in document.sections.enumerated() {
                    li(.class("toc-\(section.level)")) {
                        a(.href("#\(section.id)")) { "\(numbers[index]) \(section.title)" }
                    }
                }
                li(.class("toc-1")) { a(.href("#noten")) { "Bronnen en noten" } }
                li(.class("toc-1")) { a(.href("#colofon")) { "Colofon" } }
            }
        }
    }

    static func render(_ section: ReportDocument.Section, number: String, notes: [String], editor: SlotEditor?) -> Node
    {
        var children: [Node] = [
            section.level == 1
                ? h2(.id(section.id), .class("chapter")) { "\(number) \(section.title)" }
                : h3(.id(section.id)) { "\(number) \(section.title)" }
        ]
        for block in section.blocks { children.append(render(block, notes: notes, editor: editor)) }
        return .element(name: "section", attributes: [Attribute("class", "level-\(section.level)")], children: children)
    }

    static func render(_ block: ReportDocument.Block, notes: [String], editor: SlotEditor?) -> Node {
        switch block {
        case .text(let text, let numbers):
            return p {
                text; Footnotes.calls(numbers)
            }
        case .bullets(let items):
            return ul { for item in items { li { item } } }
        case .editorial(let slot, let title, let markdown):
            if let editor { return editor(slot, title, markdown) }
            guard !markdown.isEmpty || !title.isEmpty else { return .empty }
            return div(.class("editorial")) {
                if !title.isEmpty { h4 { title } }
                Markdown.render(markdown)
            }
        case .table(let t):
            return div(.class("table-wrap")) {
                table(.class("report-table")) {
                    caption {
                        "Tabel \(t.number). \(t.caption)"; Footnotes.calls(t.notes)
                    }
                    thead {
                        tr {
                            for (i, h) in t.header.enumerated() {
                                th(.scope("col"), .class(t.numeric.contains(i) ? "num" : "")) { h }
                            }
                        }
                    }
                    tbody {
                        for row in t.rows {
                            tr {
                                for (i, cell) in row.enumerated() {
                                    if i == 0 {
                                        th(.scope("row")) { cell }
                                    } else {
                                        td(.class(t.numeric.contains(i) ? "num" : "")) { cell }
                                    }
                                }
                            }
                        }
                    }
                }
                Footnotes.sourceNote(t.notes, notes: notes)
            }
        case .figure(let f):
            return figure(.class("report-figure")) {
                // Drawn by Wijkradar's chart code when the report was assembled (text in it was escaped then).
                Node.raw(f.svg)
                figcaption {
                    "Figuur \(f.number). \(f.caption) "; span(.class("figure-description")) { f.description };
                    Footnotes.calls(f.notes)
                }
                Footnotes.sourceNote(f.notes, notes: notes)
            }
        }
    }

    static func notesList(_ document: ReportDocument) -> Node {
        section(.class("notes"), .aria("labelledby", "noten")) {
            h2(.id("noten"), .class("chapter")) { "Bronnen en noten" }
            ol {
                for (index, note) in document.notes.enumerated() { li(.id("noot-\(index + 1)")) { note } }
            }
        }
    }

    static func colophon(_ document: ReportDocument) -> Node {
        section(.class("colophon"), .aria("labelledby", "colofon")) {
            h2(.id("colofon"), .class("chapter")) { "Colofon" }
            for line in document.colophon { p { line } }
        }
    }
}

/// Footnote calls: a superscript number linking to the numbered list at the end. Tables and figures also print
/// their sources right beneath them, as a statistical table's footnote does, on screen and on paper alike.
enum Footnotes {
    static func calls(_ numbers: [Int]) -> Node {
        guard !numbers.isEmpty else { return .empty }
        return sup {
            for (index, n) in numbers.enumerated() {
                if index > 0 { ", " }
                a(.href("#noot-\(n)"), .class("footnote"), .aria("label", "noot \(n)")) { String(n) }
            }
        }
    }

    static func sourceNote(_ numbers: [Int], notes: [String]) -> Node {
        let lines = numbers.filter { $0 <= notes.count }
        guard !lines.isEmpty else { return .empty }
        return div(.class("source-note")) {
            for n in lines {
                p {
                    sup { String(n) }; " "; notes[n - 1]
                }
            }
        }
    }
}
