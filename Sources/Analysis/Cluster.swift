import Core

/// The four clusters of vulnerable wijken that RIGO and Platform31 used ("Kwetsbare wijken in beeld", 2017),
/// made reproducible on the Leefbaarometer's deviation from the national mean (`afw`, indicator `lbm_deviation`).
///
/// For a series of at least two measurements with first value `f`, last `l`, the one before the last `v`,
/// overall change `Δ = l − f` and latest change `δ = l − v`:
/// - a wijk that was never below the national mean gets no cluster: it is not vulnerable on this measure;
/// - **Terugval**: a clear fall, overall or in the latest period (`Δ ≤ −0,02` or `δ ≤ −0,02`);
/// - **Succes**: started below the mean and is now at or above it (`f < 0`, `l ≥ 0`);
/// - **Gestaag herstel**: still below the mean but clearly rising (`l < 0`, `Δ ≥ +0,02`);
/// - **Vroegsignalering**: below the mean and stagnating (`l < 0`, no clear rise or fall);
/// - otherwise (dipped below the mean in between, now at or above it without a fall): no cluster.
public enum Cluster: String, Sendable, CaseIterable, Codable {
    case success = "Succes"
    case steadyRecovery = "Gestaag herstel"
    case relapse = "Terugval"
    case earlyWarning = "Vroegsignalering"

    /// Smallest change counted as a rise or a fall, in Leefbaarometer points.
    public static let clearChange = 0.02

    public static func classify(_ series: [(period: Int, deviation: Double)]) -> Cluster? {
        let ordered = series.sorted { $0.period < $1.period }.map(\.deviation)
        guard ordered.count >= 2, let first = ordered.first, let last = ordered.last, ordered.min()! < 0 else {
            return nil
        }
        let change = last - first
        let latest = last - ordered[ordered.count - 2]
        if change <= -clearChange || latest <= -clearChange { return .relapse }
        if first < 0, last >= 0 { return .success }
        if last < 0, change >= clearChange { return .steadyRecovery }
        if last < 0 { return .earlyWarning }
        return nil
    }
}
