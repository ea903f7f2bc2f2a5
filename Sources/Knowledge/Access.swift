import Core

/// Who may capture and change knowledge records: staff everything, a city's coordinator the records of their city.
extension Viewer {
    public var mayCapture: Bool { isStaff || role == .coordinator }

    public func mayEdit(_ item: Intervention) -> Bool {
        isStaff || (role == .coordinator && item.cityID != nil && item.cityID == cityID)
    }
}
