import HTML

/// Form parts shared by the programme pages: every field labelled, every form with its CSRF token, errors
/// announced to screen readers and listed by field.
public enum Forms {
    /// The fields of a form the server refused, while its page is drawn again: text fields, text areas and choices
    /// show what was sent instead of what was stored, so nothing typed is lost. Passwords are never echoed.
    @TaskLocal public static var submitted: [String: String]?

    /// A form of the page that was not the one sent: drawn with its own values, not the sent ones (two forms on one
    /// page can share field names).
    public static func unechoed(_ form: () -> Node) -> Node { $submitted.withValue(nil) { form() } }

    /// What a field shows: what was just sent, if this page answers a refused submission that had the field.
    static func shown(_ name: String, _ value: String) -> String { submitted?[name] ?? value }

    public static func csrf(_ token: String) -> Node { input(.type("hidden"), .name("_csrf"), .value(token)) }

    public static func errors(_ problems: [String]) -> Node {
        guard !problems.isEmpty else { return .empty }
        return div(.class("errors"), .role("alert")) {
            p { strong { problems.count == 1 ? "Niet opgeslagen:" : "Niet opgeslagen (\(problems.count) punten):" } }
            ul { for problem in problems { li { problem } } }
        }
    }

    public static func notice(_ text: String?) -> Node {
        guard let text, !text.isEmpty else { return .empty }
        return p(.class("notice"), .role("status")) { text }
    }

    public static func text(
        _ title: String, name: String, value: String, type: String = "text", required: Bool = false, hint: String? = nil
    ) -> Node {
        div(.class("field")) {
            label(.for("f-\(name)")) {
                title; if required { span(.class("meta")) { " (verplicht)" } }
            }
            if let hint { span(.class("hint meta"), .id("h-\(name)")) { hint } }
            element(
                "input",
                [.type(type), .name(name), .id("f-\(name)"), .value(type == "password" ? "" : shown(name, value))]
                    + (required ? [.required] : []) + (hint == nil ? [] : [.aria("describedby", "h-\(name)")]))
        }
    }

    public static func area(
        _ title: String, name: String, value: String, hint: String? = nil, required: Bool = false
    ) -> Node {
        div(.class("field")) {
            label(.for("f-\(name)")) {
                title; if required { span(.class("meta")) { " (verplicht)" } }
            }
            if let hint { span(.class("hint meta"), .id("h-\(name)")) { hint } }
            element(
                "textarea",
                [.name(name), .id("f-\(name)"), Attribute("rows", "3")]
                    + (required ? [.required] : []) + (hint == nil ? [] : [.aria("describedby", "h-\(name)")])
            ) { shown(name, value) }
        }
    }

    public static func choice(
        _ title: String, name: String, options: [(value: String, label: String)], selected: String
    ) -> Node {
        div(.class("field")) {
            label(.for("f-\(name)")) { title }
            select(.name(name), .id("f-\(name)")) {
                for option in options {
                    Components.choice(option.value, option.label, selected: option.value == shown(name, selected))
                }
            }
        }
    }

    public static func checkbox(_ title: String, name: String, checked: Bool, value: String = "ja") -> Node {
        div(.class("field check")) {
            element(
                "input",
                [.type("checkbox"), .name(name), .id("f-\(name)"), .value(value)] + (checked ? [.checked] : []))
            label(.for("f-\(name)")) { title }
        }
    }

    /// A one-button form (cancel, publish, send): POST with the token. With `confirm`, the site script asks that
    /// question before the form goes (deleting, publishing, revoking).
    public static func button(
        _ title: String, action: String, csrf token: String, fields: [(String, String)] = [], secondary: Bool = false,
        confirm: String? = nil
    ) -> Node {
        element(
            "form",
            [.method("post"), .action(action), .class("inline")] + (confirm.map { [.data("confirm", $0)] } ?? [])
        ) {
            csrf(token)
            for (name, value) in fields { input(.type("hidden"), .name(name), .value(value)) }
            element("button", [.type("submit")] + (secondary ? [.class("secondary")] : [])) { title }
        }
    }
}
