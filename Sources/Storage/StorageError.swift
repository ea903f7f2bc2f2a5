/// Storage problems, told in Dutch.
public enum StorageError: Error, CustomStringConvertible, Equatable {
    case unsupportedURL(String)
    case datasetNotFound(String)
    case damagedRow(dataset: String, region: String)
    /// Raised on purpose by tests to prove that an interrupted import leaves nothing behind.
    case injectedFailure(afterRows: Int)
    case backup(String)

    public var description: String {
        switch self {
        case .unsupportedURL(let url):
            "DATABASE_URL '\(url)' wordt niet herkend; gebruik sqlite:///pad/naar/bestand.sqlite of postgres://gebruiker:wachtwoord@host:5432/database"
        case .datasetNotFound(let slug): "dataset '\(slug)' bestaat niet (zie 'wijkradar datasets list')"
        case .damagedRow(let dataset, let region):
            "opgeslagen waarden van \(region) in dataset \(dataset) zijn beschadigd"
        case .injectedFailure(let rows): "import opzettelijk afgebroken na \(rows) rijen (test)"
        case .backup(let message): message
        }
    }
}
