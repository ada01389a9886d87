import DecuongContent
import DecuongCore
import DecuongMarkdown
import DecuongStructure

/// One fuzz input through the whole front half of decuong: load (encoding checks, front
/// matter), Markdown parse, both renderers' paths, recognize, and the inspect outputs.
/// Anything that traps here is a crash a user could trigger with a file in content/.
enum FuzzTarget {
    static func run(_ bytes: [UInt8]) {
        let markdown = (try? MarkdownParser().parse(bytes: bytes)) ?? MarkdownParser().parse(String(decoding: bytes, as: UTF8.self))
        _ = HTMLRenderer().render(markdown)
        _ = HTMLRenderer(rawHTML: .allow(tagFilter: true)).render(markdown)
        guard let source = try? SourceFileLoader.load(bytes: bytes, displayPath: "fuzz.md") else { return }
        let document = Recognizer(organizations: ["Ban Tổ chức Thành ủy"]).recognize(source)
        _ = InspectReport.json(document)
        _ = OutlineTree.render(document)
    }
}

import Foundation

#if FUZZING
/// libFuzzer's driver, from `libclang_rt.fuzzer_no_main` (linked by the fuzz build, see
/// Fuzz/README.md). SwiftPM gives executables their own entry point, so libFuzzer's
/// `main` cannot be used; ours hands over to the driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
            return 0
        }
        exit(status)
    }
}
#else
/// Without libFuzzer: replays files or folders (the kept corpus and crashers), so that
/// every crasher found once stays a regression test.
@main
struct FuzzReplay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                FuzzTarget.run([UInt8](data))
                count += 1
            }
        }
        print("fuzz replay: \(count) inputs, no crash")
    }
}
#endif
