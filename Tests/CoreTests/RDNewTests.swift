import Foundation
import Testing

@testable import Core

/// RD New → WGS84 against cited reference points, to within a metre.
@Suite struct RDNewTests {
    /// The RDNAPTRANS™ self-test points as PDOK publishes them in its Java port: github PDOK/rdnaptrans-java,
    /// src/test/java/rdnaptrans/ConversionTest.java (commit 0603d0c5): name, RD x, RD y, ETRS89 latitude, longitude.
    static let points: [(String, Double, Double, Double, Double)] = [
        ("Texel", 117_380.12, 575_040.34, 53.160753042, 4.824761912),
        ("Noord-Groningen", 247_380.56, 604_580.78, 53.419482050, 6.776726674),
        ("Amersfoort", 155_000, 463_000, 52.155172897, 5.387203657),
        ("Zeeuws-Vlaanderen", 16_460.91, 377_380.23, 51.368607152, 3.397588595),
        ("Zuid-Limburg", 182_260.45, 311_480.67, 50.792584916, 5.773795548),
        ("Maasvlakte", 64_640.89, 440_700.0101, 51.947393898, 4.072887101),
        ("edge_rd", 50_000.45, 335_999.67, 51.003976532, 3.891247830),
    ]

    static func metres(latitude: Double, longitude: Double, from other: (Double, Double)) -> Double {
        let dy = (latitude - other.1) * 111_320
        let dx = (longitude - other.0) * 111_320 * cos(latitude * .pi / 180)
        return (dx * dx + dy * dy).squareRoot()
    }

    @Test func amersfoortIsTheOriginOfTheFormulas() {
        let (longitude, latitude) = RDNew.toWGS84(x: 155_000, y: 463_000)
        #expect(abs(latitude - 52.15517440) < 1e-9)
        #expect(abs(longitude - 5.38720621) < 1e-9)
    }

    @Test(arguments: points) func withinAMetreOfRDNAPTRANS(point: (String, Double, Double, Double, Double)) {
        let (name, x, y, latitude, longitude) = point
        let converted = RDNew.toWGS84(x: x, y: y)
        let error = Self.metres(latitude: latitude, longitude: longitude, from: converted)
        #expect(error < 1, "\(name): \(error) m")
    }

    @Test(arguments: points) func backToRDWithinAMetre(point: (String, Double, Double, Double, Double)) {
        let (name, x, y, latitude, longitude) = point
        let back = RDNew.fromWGS84(longitude: longitude, latitude: latitude)
        let error = ((back.x - x) * (back.x - x) + (back.y - y) * (back.y - y)).squareRoot()
        #expect(error < 1, "\(name): \(error) m")
    }

    @Test func knowsWhereRDIsDefined() {
        #expect(RDNew.contains(x: 155_000, y: 463_000))
        // Degrees read as metres (a WGS84 file declared as RD) and swapped axes lie outside.
        #expect(!RDNew.contains(x: 5.387, y: 52.155))
        #expect(!RDNew.contains(x: 463_000, y: 155_000))
    }
}
