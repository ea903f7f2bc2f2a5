import Core

/// Who may capture and change knowledge records: staff everything, a city's coordinator the records of their city.
extension Viewer {
    public var mayCapture: Bool { isStaff || isCoordinator }

    public func mayEdit(_ item: Intervention) -> Bool {
        isStaff || item.cityID.map(coordinatedCities.contains) == true
    }
}
