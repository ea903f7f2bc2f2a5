import DataImport
import Foundation

/// One reader per run, chosen by `WIJKRADAR_FUZZ_READER` (csv, xlsx, gzip, json): the bytes are offered to
/// `DataImporter.read` under a file name that sends them to that reader. Refusals (`ImportError`) are the expected
/// outcome; a crash, a hang (`-timeout`) or a run on memory (`-rss_limit_mb`) is a finding.
let reader = ProcessInfo.processInfo.environment["WIJKRADAR_FUZZ_READER"] ?? "csv"
let fileName =
    ["csv": "kwb-2023.csv", "xlsx": "kwb-2023.xlsx", "gzip": "kwb-2023.csv.gz", "json": "TypedDataSet-2024.json"][
        reader]
    ?? "kwb-2023.csv"
nonisolated(unsafe) var name = fileName

typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

/// libFuzzer's entry for programs that have their own `main` (SwiftPM gives an executable one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: Callback
) -> Int32

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(
    LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        _ = try? DataImporter.read(bytes, fileName: name)
        return 0
    })
