// Attribute helpers. Values are escaped at render time; URL-valued ones are also checked for unsafe schemes.

extension Attribute {
    public static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    public static func id(_ value: String) -> Attribute { Attribute("id", value) }
    public static func href(_ value: String) -> Attribute { Attribute("href", value) }
    public static func src(_ value: String) -> Attribute { Attribute("src", value) }
    public static func alt(_ value: String) -> Attribute { Attribute("alt", value) }
    public static func lang(_ value: String) -> Attribute { Attribute("lang", value) }
    public static func title(_ value: String) -> Attribute { Attribute("title", value) }
    public static func name(_ value: String) -> Attribute { Attribute("name", value) }
    public static func value(_ value: String) -> Attribute { Attribute("value", value) }
    public static func type(_ value: String) -> Attribute { Attribute("type", value) }
    public static func action(_ value: String) -> Attribute { Attribute("action", value) }
    public static func method(_ value: String) -> Attribute { Attribute("method", value) }
    public static func `for`(_ value: String) -> Attribute { Attribute("for", value) }
    public static func rel(_ value: String) -> Attribute { Attribute("rel", value) }
    public static func content(_ value: String) -> Attribute { Attribute("content", value) }
    public static func charset(_ value: String) -> Attribute { Attribute("charset", value) }
    public static func role(_ value: String) -> Attribute { Attribute("role", value) }
    public static func scope(_ value: String) -> Attribute { Attribute("scope", value) }
    public static func placeholder(_ value: String) -> Attribute { Attribute("placeholder", value) }
    public static func aria(_ name: String, _ value: String) -> Attribute { Attribute("aria-" + name, value) }
    public static func data(_ name: String, _ value: String) -> Attribute { Attribute("data-" + name, value) }
    public static var selected: Attribute { Attribute("selected", nil) }
    public static var required: Attribute { Attribute("required", nil) }
    public static var checked: Attribute { Attribute("checked", nil) }
    public static func svg(_ name: String, _ value: String) -> Attribute { Attribute(name, value) }
}
