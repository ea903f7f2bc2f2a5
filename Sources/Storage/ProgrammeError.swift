/// What went wrong with a programme change, in Dutch, naming the field or record. Nothing is written when thrown.
public enum ProgrammeError: Error, CustomStringConvertible, Equatable {
    case notFound(String)
    /// The record changed since the editor opened it; the edit is refused instead of overwriting.
    case conflict(String)
    case invalid([String])
    case duplicate(String)
    /// A programme rule says no; the reason explains which.
    case refused(String)

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) bestaat niet."
        case .conflict(let what):
            "\(what) is intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen; laad de pagina opnieuw en breng haar opnieuw aan."
        case .invalid(let problems): problems.joined(separator: " ")
        case .duplicate(let what): what
        case .refused(let reason): reason
        }
    }
}
