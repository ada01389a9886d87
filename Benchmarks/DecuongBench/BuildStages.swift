import DecuongCore
import DecuongSite
import Foundation

/// `decuong-bench build PROJECT OUTPUT`: the code path of `decuong build` itself
/// (`SiteBuilder.build`: pages streamed to OUTPUT as they are made, the search index written
/// before the indexes are linked), with a line per stage as the build reports it: wall and
/// CPU time, RSS at the stage's end and its peak during the stage (the kernel's high-water
/// mark, reset as each stage begins), and jemalloc's own counters. `decuong-bench site`
/// times the same stages in another order (linked in one go, every page held until
/// written), so its memory lines are not the build's.
enum BuildStages {
    static func run(project: String, output: String) {
        let started = DispatchTime.now().uptimeNanoseconds
        var last = started
        var lastCPU = cpuMilliseconds()
        var current: String?
        func lap() {
            guard let name = current else { return }
            let now = DispatchTime.now().uptimeNanoseconds
            let cpu = cpuMilliseconds()
            let memory = ProcessMemory.now()
            print(String(format: "%-14@ %8.1f ms wall %8.1f ms cpu, RSS %4d MiB, stage peak %4d MiB; jemalloc allocated %4d, active %4d, resident %4d MiB",
                         name, Double(now - last) / 1_000_000, cpu - lastCPU, memory.rss, memory.peak,
                         memory.allocated, memory.active, memory.resident))
            last = now
            lastCPU = cpu
            ProcessMemory.resetPeak()
        }
        func enter(_ name: String) {
            guard name != current else { return }
            lap()
            current = name
        }
        // Each stage runs from the build's first report of it to its first report of the next.
        let report = SiteBuilder(root: URL(fileURLWithPath: project)).build(output: URL(fileURLWithPath: output)) { stage in
            switch stage {
            case .loading: enter("load, arrange")
            case .indexing: enter("search index")
            case .linking: enter("link, plan")
            case .rendering: enter("render")
            case .writing: enter("write")
            }
        }
        lap()
        print(String(format: "total          %8.1f ms; %d documents, %d pages, %d diagnostics%@",
                     Double(last - started) / 1_000_000, report.documentCount, report.pageCount,
                     report.diagnostics.count, report.wrote ? "" : "; nothing written"))
        // Ends as `decuong build` ends, with the site still in memory: releasing it object by
        // object (1.3 s at 10,000 documents, on one core) is not part of a build, and was 1.5 %
        // of the samples of a profile of this command.
        withExtendedLifetime(report) {
            fflush(nil)
            exit(0)
        }
    }
}

/// The process's memory now: RSS and its peak from `/proc/self/status`, and jemalloc's
/// statistics (zero where jemalloc is not the allocator).
struct ProcessMemory {
    var rss = 0
    var peak = 0
    var allocated = 0
    var active = 0
    var resident = 0

    static func now() -> ProcessMemory {
        var memory = ProcessMemory()
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard fields.count >= 2, let kilobytes = Int(fields[1]) else { continue }
                if fields[0] == "VmRSS:" { memory.rss = kilobytes / 1024 }
                if fields[0] == "VmHWM:" { memory.peak = kilobytes / 1024 }
            }
        }
        if let statistics = Jemalloc.statistics() {
            memory.allocated = statistics.allocated / 1_048_576
            memory.active = statistics.active / 1_048_576
            memory.resident = statistics.resident / 1_048_576
        }
        return memory
    }

    /// Sets the kernel's high-water mark (`VmHWM`) back to the RSS now (Linux: `5` written to
    /// `/proc/self/clear_refs`), so that the next peak read is the next stage's own; the
    /// process's peak is the highest of the stages'.
    static func resetPeak() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }
}
