import DecuongSite
import Foundation

/// `decuong-bench site PROJECT [OUTPUT]`: one full build with the wall time of each stage,
/// to see where a build's time goes without a profiler.
enum SiteStages {
    static func run(project: String, output: String?) {
        let root = URL(fileURLWithPath: project)
        var last = DispatchTime.now().uptimeNanoseconds
        let first = last
        func lap(_ name: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            print(String(format: "%-10@ %8.1f ms", name, Double(now - last) / 1_000_000))
            last = now
        }
        let loaded = ContentLoader(root: root, recognize: SiteBuilder.defaultRecognize).load()
        lap("load")
        let site = SiteLinker().link(config: loaded.config, files: loaded.files, diagnostics: loaded.diagnostics)
        lap("link")
        let (templates, _) = SiteTemplates.load(root: root)
        let renderer = SiteRenderer(templates: templates)
        let plan = renderer.plan(site)
        lap("plan")
        let result = renderer.render(site, plan: plan)
        lap("render")
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
