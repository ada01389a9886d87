import DecuongSite
import Foundation

/// `decuong-bench site PROJECT [OUTPUT]`: one full build with the wall time of each stage,
/// to see where a build's time goes without a profiler.
enum SiteStages {
    static func run(project: String, output: String?) {
        let root = URL(fileURLWithPath: project)
        var last = DispatchTime.now().uptimeNanoseconds
        var lastCPU = cpuMilliseconds()
        let first = last
        // Wall time and CPU time (all threads): on a busy machine the CPU time is the steadier.
        func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            let cpu = cpuMilliseconds()
            print(String(format: "%-10@ %8.1f ms wall %8.1f ms cpu, RSS %6.0f MiB, peak %6.0f MiB", name,
                         Double(now - last) / 1_000_000, cpu - lastCPU, currentMiB(), peakMiB()))
            last = now
            lastCPU = cpu
        }
        let loaded = ContentLoader(root: root, recognize: SiteBuilder.defaultRecognize).load()
        lap("load")
        let site = SiteLinker().link(config: loaded.config, files: loaded.files, diagnostics: loaded.diagnostics)
        lap("link")
        let (templates, _) = SiteTemplates.load(root: root)
        let renderer = SiteRenderer(templates: templates)
        var plan = renderer.plan(site)
        // DECUONG_BENCH_ONLY=document,theme renders only the pages of those templates (for profiling).
        if let only = ProcessInfo.processInfo.environment["DECUONG_BENCH_ONLY"] {
            let names = Set(only.split(separator: ",").map(String.init))
            plan = SitePlan(pages: plan.pages.filter { names.contains($0.template ?? "(file)") })
        }
        lap("plan")
        let result = renderer.render(site, plan: plan)
        lap("render")
        if ProcessInfo.processInfo.environment["DECUONG_BENCH_TEMPLATES"] != nil {
            let groups = Dictionary(grouping: plan.pages, by: { $0.template ?? "(file)" })
            for (template, pages) in groups.sorted(by: { $0.key < $1.key }) {
                _ = renderer.render(site, plan: SitePlan(pages: pages))
                lap("  \(template) ×\(pages.count)")
            }
        }
        let out = URL(fileURLWithPath: output ?? NSTemporaryDirectory() + "decuong-bench-site")
        do {
            try DirectorySink(output: out).write(result.site)
        } catch {
            print("write failed: \(error)")
        }
        lap("write")
        let bytes = result.site.files.values.reduce(0) { $0 + $1.count }
        print(String(format: "total      %8.1f ms; %d documents, %d files, %.1f MiB", Double(last - first) / 1_000_000,
                     site.allDocuments.count, result.site.files.count, Double(bytes) / 1_048_576))
    }

    /// The load stage alone, `runs` times: quicker to compare than a full build.
    static func load(project: String, runs: Int) {
        let root = URL(fileURLWithPath: project)
        var times: [Double] = []
        var documents = 0
        for _ in 0..<max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            let loaded = ContentLoader(root: root, recognize: SiteBuilder.defaultRecognize).load()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            documents = loaded.files.count
        }
        print("load runs (ms): " + times.map { String(format: "%.1f", $0) }.joined(separator: " "))
        print(String(format: "load median %.1f ms; %d documents", times.sorted()[times.count / 2], documents))
    }
}

func cpuMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec) / 1000
    let system = Double(usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_stime.tv_usec) / 1000
    return user + system
}

private func peakMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// Resident memory now, from /proc/self/statm (pages).
private func currentMiB() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
          let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
    return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
}
