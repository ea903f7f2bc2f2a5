import Foundation
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
import Testing

/// The command line as a user types it: real binary, real SQLite file in a data directory.
@Suite(.serialized) struct CLITests {
    @Test func importListShowRegionAndRemove() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }

        let migrate = try cli.run("migrate")
        #expect(migrate.status == 0)
        #expect(migrate.stdout.contains("M008_CreateFocusAreas"))

        let empty = try cli.run("datasets", "list")
        #expect(empty.stdout.contains("Nog geen datasets"))

        let imported = try cli.run("import", "--bundled")
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Dataset cbs-kwb-2022-wijken: 3340 rijen"))
        // Every column of every bundled CBS file is in the catalogue.
        #expect(!imported.stdout.contains("Niet herkende kolommen"), "\(imported.stdout)")

        // Every year of the gemeenten on the indeling of 2024; the series written as a Dutch CSV.
        let csv = cli.dataDirectory.appendingPathComponent("reeksen.csv")
        let harmonised = try cli.run("harmoniseer", "--naar", "2024", "--niveau", "gemeente", "-o", csv.path)
        #expect(harmonised.status == 0, "\(harmonised.stderr)")
        #expect(harmonised.stdout.contains("2013: 342 regio's, 39 omgerekend; van 2014: omgerekend"))
        #expect(
            try String(contentsOf: csv, encoding: .utf8).contains(
                "GM0014;Groningen;2013;2024;population;225165,71;berekend;ja;\"CBS / Kadaster"))
        #expect(try cli.run("harmoniseer", "--naar", "2020").stderr.contains("niet 2020"))

        let list = try cli.run("datasets", "list")
        #expect(list.stdout.contains("cbs-statline-85984ned-2024"))
        #expect(list.stdout.contains("85984NED"))

        let region = try cli.run("region", "WK011443")
        #expect(region.status == 0)
        #expect(region.stdout.contains("Wijk 43 Angelslo (WK011443, wijk in gemeente GM0114)"))
        let populationLines = region.stdout.split(separator: "\n").filter { $0.hasPrefix("Aantal inwoners ") }
        #expect(
            populationLines.contains {
                $0.contains("7.685") && $0.contains("2022") && $0.contains("cbs-kwb-2022-wijken")
            })
        #expect(
            populationLines.contains {
                $0.contains("7.695") && $0.contains("2024") && $0.contains("cbs-statline-85984ned-2024")
            })
        #expect(region.stdout.contains("Bron: CBS"))

        let byName = try cli.run("region", "angelslo")
        #expect(byName.stdout.contains("WK011443"))
        // Same accent-insensitive search as the web app.
        #expect(try cli.run("region", "maximapark").stdout.hasPrefix("Máximapark (BU03441014"))

        let show = try cli.run("datasets", "show", "cbs-kwb-2023-utrecht")
        #expect(show.stdout.contains("Waarden:       13.664 (5.569 geheim)"))
        #expect(show.stdout.contains("SHA-256:"))

        let removed = try cli.run("datasets", "remove", "cbs-kwb-2023-utrecht")
        #expect(removed.status == 0)
        let gone = try cli.run("region", "BU03441014")
        #expect(gone.status != 0)
        #expect(gone.stderr.contains("staat niet in de database"))
    }

    @Test func badFileIsRefusedWithPlaceAndExitCode() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let file = cli.dataDirectory.appendingPathComponent("kwb-2023.csv")
        try "gwb_code_10,regio,recs,a_inw\nWK011443,Angelslo,Wijk,veel\n".write(
            to: file, atomically: true, encoding: .utf8)
        let result = try cli.run("import", file.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Import geweigerd, er is niets opgeslagen."))
        #expect(result.stderr.contains("kwb-2023.csv, regel 2, kolom a_inw: 'veel' is geen getal"))
        let list = try cli.run("datasets", "list")
        #expect(list.stdout.contains("Nog geen datasets"))
    }

    @Test func indicatorCatalogueAndHelp() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let indicators = try cli.run("indicators", "--domain", "housing")
        #expect(indicators.stdout.contains("woz_value"))
        #expect(!indicators.stdout.contains("population "))
        let all = try cli.run("indicators")
        #expect(
            all.stdout.split(separator: "\n").contains {
                $0.hasPrefix("origin_non_western_pct") && $0.contains("nooit in scores")
            })
        let help = try cli.run("--help")
        for command in ["serve", "migrate", "import", "datasets", "indicators", "region"] {
            #expect(help.stdout.contains("  \(command)"), "\(command)")
        }
    }

    @Test func serveStartsWithTheBundledDataOnAnEmptyDatabase() async throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let port = Int.random(in: 20_000..<40_000)
        let server = try cli.serve(port: port)
        defer { server.terminate(); server.waitUntilExit() }
        var health: [String: Any]?
        for _ in 0..<120 where health == nil {
            try await Task.sleep(for: .milliseconds(500))
            if let (data, _) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/health")!)
            {
                health = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            }
        }
        let body = try #require(health)
        #expect(body["status"] as? String == "ok")
        #expect(body["datasets"] as? Int == 9)
        let (data, response) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/api/v1/regions/WK011443")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        let region = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(region["name"] as? String == "Wijk 43 Angelslo")
        let (_, bad) = try await URLSession.shared.data(
            from: URL(string: "http://127.0.0.1:\(port)/api/v1/regions/XX12")!)
        #expect((bad as? HTTPURLResponse)?.statusCode == 400)
        #expect(
            FileManager.default.fileExists(atPath: cli.dataDirectory.appendingPathComponent("wijkradar.sqlite").path))
    }
}

/// The national radar, recomputed independently in Python from the same CSV (bench/crosscheck.py).
@Suite struct CrossCheckTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
                || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")))
    func radarAgreesWithAnIndependentComputation() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("import", "--bundled").status == 0)
        let radar = cli.dataDirectory.appendingPathComponent("radar.csv")
        let run = try cli.run("radar", "-o", radar.path)
        #expect(run.status == 0, "\(run.stderr)")
        let changes = cli.dataDirectory.appendingPathComponent("veranderingen.csv")
        let harmonised = try cli.run("harmoniseer", "--niveau", "gemeente", "--veranderingen", changes.path)
        #expect(harmonised.status == 0, "\(harmonised.stderr)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.repository.appendingPathComponent("bench/crosscheck.py").path, radar.path, changes.path,
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("kruiscontrole: 3340 wijken, 0 verschillen"), "\(text)")
        // Change signals and development types, from the 2022, 2023 (Utrecht) and 2024 wijk files.
        #expect(text.contains("veranderingen: 2773 wijken met een verandering, 0 verschillen"), "\(text)")
        // The gemeenten: every year converted with the bundled herindelingen, then the same rules.
        #expect(text.contains("gemeenten: 342 met een verandering, 0 verschillen"), "\(text)")
    }
}

@Suite struct ReportCommandTests {
    @Test func printableWijkanalyseAndPDFWhenAnEngineIsInstalled() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("import", "--bundled").status == 0)
        let html = cli.dataDirectory.appendingPathComponent("angelslo.html")
        #expect(try cli.run("report", "wijkanalyse", "WK011443", "-o", html.path).status == 0)
        let text = try String(contentsOf: html, encoding: .utf8)
        #expect(text.contains("<h1>Wijk 43 Angelslo</h1>"))
        #expect(text.contains("Figuur 1."))
        #expect(text.contains("@page { size: A4"))
        #expect(text.contains("Bron: CBS, Kerncijfers wijken en buurten 2022"))

        let pdf = cli.dataDirectory.appendingPathComponent("angelslo.pdf")
        let result = try cli.run("report", "wijkanalyse", "WK011443", "--pdf", "-o", pdf.path)
        let engineInstalled = ["/usr/bin/weasyprint", "/usr/bin/chromium", "/usr/local/bin/weasyprint"]
            .contains { FileManager.default.isExecutableFile(atPath: $0) }
        if engineInstalled {
            #expect(result.status == 0, "\(result.stderr)")
            let bytes = try Data(contentsOf: pdf)
            #expect(bytes.starts(with: Array("%PDF".utf8)))
        } else {
            #expect(result.status == 3)
            #expect(result.stderr.contains("Geen PDF-programma gevonden"))
        }
        let unknown = try cli.run("report", "wijkanalyse", "WK999999")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("heeft geen cijfers"))
        #expect(!unknown.stderr.contains("Usage"))
    }

    /// In CI the PDF engine is installed by `.ci/run`, so there the test must run; elsewhere it needs WeasyPrint.
    static let weasyprint = ["/usr/bin/weasyprint", "/usr/local/bin/weasyprint"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(.enabled(if: weasyprint || ProcessInfo.processInfo.environment["CI"] != nil))
    func bothProgrammeReportsAsPDF() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("import", "--bundled").status == 0)
        for (report, title) in [
            ("programme-1", "Opgaven van nu en straks"), ("programme-2", "Advies per thema en per wijk"),
        ] {
            let pdf = cli.dataDirectory.appendingPathComponent("\(report).pdf")
            let result = try cli.run("report", report, "--pdf", "-o", pdf.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("PDF (weasyprint)"))
            let pages =
                try Self.tool("pdfinfo", pdf.path).split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
            #expect(pages > 1, "\(report): \(pages) pages")
            let text = try Self.tool("pdftotext", "-layout", pdf.path, "-")
            #expect(text.contains(title))
            #expect(text.contains("Inhoud"))
            #expect(text.contains("Bron: CBS"))
            #expect(text.contains("Pagina 2 van \(pages)"), "running footer with page numbers")
        }
        let missing = try cli.run("report", "programme-1", "--versie", "7")
        #expect(missing.status != 0 && missing.stderr.contains("geen versie 7 gepubliceerd"))
    }

    static func tool(_ name: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func programmeAccountsAndRemindersFromTheCommandLine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let programmes = try cli.run("programma")
        #expect(programmes.status == 0, "\(programmes.stderr)")
        #expect(
            programmes.stdout.contains(
                "Nieuwe perspectieven voor stedelijke vernieuwing (nieuwe-perspectieven-2016), 2016-12-01 – 2017-04-30")
        )
        #expect(
            programmes.stdout.contains("Emmen") && programmes.stdout.contains("Angelslo")
                && programmes.stdout.contains("GM0114"))
        let invite = try cli.run("account", "invite", "--email", "staf@example.nl", "--name", "Staf")
        #expect(invite.status == 0)
        #expect(
            invite.stdout.range(
                of: #"^http://127\.0\.0\.1:8080/uitnodiging/[A-Za-z0-9_-]{43}\n$"#, options: .regularExpression) != nil)
        let again = try cli.run("account", "invite", "--email", "x@example.nl", "--name", "X", "--role", "deelnemer")
        #expect(again.status != 0)
        #expect(again.stderr.contains("--role moet 'programmastaf' of 'stadscoordinator' zijn"))
        let coordinator = try cli.run(
            "account", "invite", "--email", "c@example.nl", "--name", "C", "--role", "stadscoordinator")
        #expect(coordinator.status != 0)
        #expect(coordinator.stderr.contains("Stad: een stadscoördinator hoort bij een stad."))
        // No account exists until the link is used.
        #expect(try cli.run("account", "list").stdout.contains("Nog geen accounts"))
        let reminders = try cli.run("programma", "herinneringen")
        #expect(reminders.status != 0)
        #expect(reminders.stderr.contains("Zet SMTP_HOST"))
    }

    @Test func focusAreasFromTheCommandLine() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("import", "--bundled").status == 0)
        let created = try cli.run(
            "focus", "create", "twee-buurten", "--name", "Twee buurten", "--regions", "BU03440224,BU03441014")
        #expect(created.status == 0, "\(created.stderr)")
        let shown = try cli.run("focus", "show", "twee-buurten")
        #expect(
            shown.stdout.split(separator: "\n").contains { $0.hasPrefix("Aantal inwoners ") && $0.contains("3.815*") })
        #expect(shown.stdout.contains("Bron: CBS, Kerncijfers wijken en buurten 2023"))
        #expect(try cli.run("focus", "edit", "twee-buurten", "--name", "A", "--expect-version", "1").status == 0)
        let stale = try cli.run("focus", "edit", "twee-buurten", "--name", "B", "--expect-version", "1")
        #expect(stale.status != 0)
        #expect(stale.stderr.contains("intussen gewijzigd"))
    }
}

/// The hostile corpus through the real binary, as a user would try it: each file refused with a Dutch message and
/// exit code 2, within 10 seconds and 500 MB of memory (bounds, not speed measurements: a bomb that got through
/// would take minutes and gigabytes), and nothing stored.
@Suite(.serialized) struct HostileImportTests {
    static var corpus: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../DataImportTests/Fixtures/hostile")
    }

    static func files() throws -> [String] {
        try String(contentsOf: corpus.appendingPathComponent("EXPECTED.tsv"), encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.map { String($0.split(separator: "\t")[0]) }
    }

    @Test func hostileFilesAreRefusedQuicklyAndStoreNothing() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        #expect(try cli.run("migrate").status == 0)
        let files = try Self.files()
        #expect(files.count >= 18)
        for file in files {
            let run = try cli.runMeasured(["import", Self.corpus.appendingPathComponent(file).path], timeout: 10)
            #expect(!run.timedOut, "\(file): still running after 10 s")
            #expect(run.status == 2, "\(file): exit \(run.status) \(run.stderr)")
            #expect(
                run.stderr.contains("Import geweigerd, er is niets opgeslagen.") && run.stderr.contains(file),
                "\(file): \(run.stderr)")
            #expect(run.peakBytes < 500 << 20, "\(file): \(run.peakBytes >> 20) MB")
        }
        #expect(try cli.run("datasets", "list").stdout.contains("Nog geen datasets"))
    }
}
