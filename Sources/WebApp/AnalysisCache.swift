import Reports
import Wijkanalyse
import Storage

/// Keeps the analysis snapshot of the current data and rebuilds it when a dataset is imported, replaced or removed.
/// The data version is checked at most once a second (and at once after a write here); the tables themselves load
/// once per version.
actor AnalysisCache {
    let store: Store
    private var current: AnalysisSnapshot?
    private var loading: (version: String, task: Task<AnalysisSnapshot, any Error>)?

    init(store: Store) { self.store = store }

    func snapshot() async throws -> AnalysisSnapshot {
        let version = try await AnalysisStore(store: store).recentDataVersion()
        if let current, current.version == version { return current }
        if let loading, loading.version == version { return try await loading.task.value }
        let store = self.store
        let task = Task { try await AnalysisSnapshot.load(store) }
        loading = (version, task)
        let snapshot = try await task.value
        current = snapshot
        loading = nil
        return snapshot
    }
}
