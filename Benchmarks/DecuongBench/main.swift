import DecuongContent
import DecuongCore
import DecuongMarkdown
import DecuongStructure
import Foundation

// Stage timings for one file, in-process, release build: parse (cmark + conversion),
// recognize (everything after parsing), and the whole load → recognize path.
// Usage: decuong-bench FILE [RUNS]   Prints medians; never used by tests.
//        decuong-bench site PROJECT [OUTPUT]   Times the stages of one full build.
//        decuong-bench load PROJECT [RUNS]   The load stage alone: each run's wall time and the median.
//        decuong-bench build PROJECT OUTPUT   `decuong build` itself, with time and memory per stage.
//        decuong-bench census PROJECT   What the loaded model's arrays and strings hold, by field.

let arguments = CommandLine.arguments
if arguments.count >= 3, arguments[1] == "site" {
    SiteStages.run(project: arguments[2], output: arguments.count > 3 ? arguments[3] : nil)
    exit(0)
}
if arguments.count >= 4, arguments[1] == "build" {
    BuildStages.run(project: arguments[2], output: arguments[3])
    exit(0)
}
if arguments.count >= 3, arguments[1] == "census" {
    ModelCensus.run(project: arguments[2])
    exit(0)
}
if arguments.count >= 3, arguments[1] == "load" {
    SiteStages.load(project: arguments[2], runs: arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5)
    exit(0)
}
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: decuong-bench FILE [RUNS]\n".utf8))
    exit(2)
}
let path = arguments[1]
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
    exit(1)
}
let bytes = [UInt8](data)

func median(_ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    return times.sorted()[times.count / 2]
}

guard let source = try? SourceFileLoader.load(bytes: bytes, displayPath: path) else {
    FileHandle.standardError.write(Data("\(path) does not load\n".utf8))
    exit(1)
}
let markdown = MarkdownParser().parse(source.body)
let recognizer = Recognizer()
var sink = 0
let load = median { sink &+= (try? SourceFileLoader.load(bytes: bytes, displayPath: path))?.body.utf8.count ?? 0 }
let parse = median { sink &+= MarkdownParser().parse(source.body).blocks.count }
let recognize = median { sink &+= recognizer.recognize(markdown, source: source).sections.count }
let whole = median { sink &+= recognizer.recognize(source).sections.count }
print(String(format: "%@: %d bytes; median of %d runs: load %.2f ms, parse %.2f ms, recognize %.2f ms, load+parse+recognize %.2f ms",
             path, bytes.count, runs, load, parse, recognize, whole + load))
if sink == 42 { print("") }
