import Core

/// Wijkradar's own development typology from CBS figures, for wijken without Leefbaarometer series. It borrows the
/// idea of RIGO's clusters (where a wijk stands, and which way it moves) but not their measure or thresholds, and
/// is never shown as the Leefbaarometer's:
/// - **Achteruitgang**: at least `ChangeSignals.threshold` change rules fire, or the change score is ≥ 1;
/// - **Herstel**: a level signal, and a change score ≤ −0,5 (clearly better than most wijken over the same years);
/// - **Kwetsbaar zonder herstel**: a level signal, and no clear change either way;
/// - **Vroegsignaal**: no level signal, but one change rule fires or the change score is ≥ 0,5;
/// - otherwise no type: no level signal and no unfavourable change.
/// A type needs at least two change rules with a value.
public enum DevelopmentType: String, Sendable, CaseIterable, Codable {
    case decline = "Achteruitgang"
    case recovery = "Herstel"
    case vulnerable = "Kwetsbaar zonder herstel"
    case early = "Vroegsignaal"

    public static let clearScore = 0.5
    public static let strongScore = 1.0
    public static let minimumRules = 2

    /// - Parameters:
    ///   - levelSignal: whether the level rules give a signal (`EarlyWarning.Result.signal`), nil when unknown.
    public static func classify(levelSignal: Bool?, change: ChangeSignals.Result) -> DevelopmentType? {
        guard change.changes.count >= minimumRules else { return nil }
        let score = change.score ?? 0
        if change.fired >= ChangeSignals.threshold || score >= strongScore { return .decline }
        if levelSignal == true { return score <= -clearScore ? .recovery : .vulnerable }
        if change.fired >= 1 || score >= clearScore { return .early }
        return nil
    }

    public var explanation: String {
        switch self {
        case .decline: "meerdere cijfers gaan duidelijk achteruit ten opzichte van de meeste wijken"
        case .recovery: "kwetsbaar, maar de cijfers verbeteren duidelijk sneller dan in de meeste wijken"
        case .vulnerable: "kwetsbaar, en de cijfers veranderen niet duidelijk"
        case .early: "nog geen signaal, maar een cijfer gaat duidelijk achteruit"
        }
    }
}
