import Vapor

/// Decodes a form (field → text, already cleaned by `formFields`) into a `Decodable` type whose coding keys are the
/// form's field names. As browsers send forms: a missing text field is empty, a missing checkbox is false, and a
/// number that is not one is a Dutch problem naming the field.
struct FormDecoder {
    struct Problem: AbortError {
        let field: String
        let text: String
        var status: HTTPResponseStatus { .unprocessableEntity }
        var reason: String { "\(field): '\(text)' is geen getal." }
    }

    static func decode<T: Decodable>(_ type: T.Type, from fields: [String: String]) throws -> T {
        try T(from: Fields(values: fields))
    }

    private struct Fields: Decoder {
        let values: [String: String]
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            KeyedDecodingContainer(Container(values: values))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch(
                [String].self, .init(codingPath: [], debugDescription: "Een formulier heeft alleen velden."))
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            throw DecodingError.typeMismatch(
                String.self, .init(codingPath: [], debugDescription: "Een formulier heeft alleen velden."))
        }
    }

    private struct Container<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let values: [String: String]
        var codingPath: [any CodingKey] { [] }
        var allKeys: [Key] { values.keys.compactMap(Key.init(stringValue:)) }

        func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }
        func text(_ key: Key) -> String { values[key.stringValue] ?? "" }

        func decodeNil(forKey key: Key) throws -> Bool {
            text(key).trimmingCharacters(in: .whitespaces).isEmpty
        }

        func decode(_ type: String.Type, forKey key: Key) throws -> String { text(key) }

        /// A checkbox: ticked when sent with "ja" (or "on", a browser's default value).
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
            ["ja", "on", "true", "1"].contains(text(key))
        }

        func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
            let value = text(key).trimmingCharacters(in: .whitespaces)
            guard let number = Int(value) else { throw Problem(field: key.stringValue, text: value) }
            return number
        }

        func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
            let value = text(key).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard let number = Double(value) else { throw Problem(field: key.stringValue, text: text(key)) }
            return number
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            if let raw = T.self as? any RawRepresentable.Type, let value = Self.raw(raw, text(key)) as? T {
                return value
            }
            throw DecodingError.typeMismatch(
                T.self, .init(codingPath: [key], debugDescription: "Veld \(key.stringValue)"))
        }

        static func raw<R: RawRepresentable>(_ type: R.Type, _ text: String) -> R? {
            (text as? R.RawValue).flatMap(R.init(rawValue:))
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "Geen geneste velden"))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            throw DecodingError.typeMismatch([String].self, .init(codingPath: [key], debugDescription: "Geen lijsten"))
        }

        func superDecoder() throws -> any Decoder { Fields(values: values) }
        func superDecoder(forKey key: Key) throws -> any Decoder { Fields(values: values) }
    }
}

extension Request {
    /// The form of this request as `T` (fields cleaned by `InputText` first).
    func form<T: Decodable>(_ type: T.Type) throws -> T { try FormDecoder.decode(T.self, from: try formFields(self)) }
}
