import DecuongCore
import Foundation

/// One thing found under `content/`: a Markdown file to load, or something that should
/// have been one and cannot be (a link out of the project, a folder that cannot be listed,
/// two names that differ only in their Unicode form). Problems travel as entries so that
/// loading an entry, in a build or in the preview, reports them where the file would be.
struct ContentEntry: Sendable, Hashable {
    /// Path components under `content/`, as the names are on disk (they may be NFD).
    var components: [String]
    var problem: Diagnostic?
}

/// The walk over `content/`. Names are compared in NFC, the form decuong normalizes text
/// to: a file copied from macOS may carry a decomposed (NFD) name, and is the same document
/// as its composed twin. Two names in one folder that differ only in form are an error
/// naming both, since either could be the one the user meant; neither is loaded.
struct ContentTree: Sendable {
    let files: ProjectFiles
    let contentURL: URL
    /// Folders with at least this many names are classified on every core (`classifyAll`).
    var parallelFrom = 256

    static func display(_ components: [String]) -> String {
        ([ContentLoader.contentFolder] + components.map(CanonicalForms.nfc)).joined(separator: "/")
    }

    /// Every entry, depth first, in an order that does not depend on the file system.
    func scan() -> [ContentEntry] {
        var out: [ContentEntry] = []
        let contentReal = ProjectFiles.realPath(contentURL)
        guard let contentReal else { return [] }  // no content/ folder: the loader says so
        walk(contentURL, [], real: contentReal, chain: [contentReal], into: &out)
        return out
    }

    /// The entry for one path, with the same checks `scan` makes: its folder is listed again
    /// for a twin, its ancestors resolved for a loop. Nil when the path is a folder that
    /// `scan` would walk into, or something `scan` ignores.
    func entry(for components: [String]) -> ContentEntry? {
        guard let name = components.last else {
            // `content/` itself, listed by `scan` when it cannot be read.
            guard case .failure(let problem) = files.list(contentURL, display: Self.display([])) else { return nil }
            return ContentEntry(components: [], problem: problem.diagnostic)
        }
        let parent = Array(components.dropLast())
        let parentURL = url(of: parent)
        var chain: Set<String> = []
        for depth in 0...parent.count {
            if let real = ProjectFiles.realPath(url(of: Array(parent.prefix(depth)))) { chain.insert(real) }
        }
        var twins: [String] = []
        if case .success(let names) = files.list(parentURL, display: Self.display(parent)) {
            twins = Self.twins(of: name, among: names.filter { !$0.hasPrefix(".") })
        }
        switch classify(name, parent: parent, chain: chain, twins: twins) {
        case .entry(let entry): return entry
        case .ignore: return nil
        case .descend:
            // A folder that `scan` lists as an entry only when it cannot be listed.
            guard case .failure(let problem) = files.list(url(of: components), display: Self.display(components)) else {
                return nil
            }
            return ContentEntry(components: components, problem: problem.diagnostic)
        }
    }

    func url(of components: [String]) -> URL {
        Self.url(of: components, under: contentURL)
    }

    static func url(of components: [String], under contentURL: URL) -> URL {
        // `isDirectory` given, whatever the entry is: without it Foundation stats each step.
        components.reduce(contentURL) { $0.appendingPathComponent($1, isDirectory: false) }
    }

    // MARK: Walking

    private enum Outcome: Sendable {
        case entry(ContentEntry)
        case descend(realPath: String)
        case ignore
    }

    private func walk(_ folder: URL, _ prefix: [String], real: String, chain: Set<String>, into out: inout [ContentEntry]) {
        let names: [String]
        switch files.list(folder, display: Self.display(prefix)) {
        case .success(let listed): names = listed.filter { !$0.hasPrefix(".") }
        case .failure(let problem):
            out.append(ContentEntry(components: prefix, problem: problem.diagnostic))
            return
        }
        let twins = Self.twinGroups(names)
        let ordered = Self.ordered(names)
        let outcomes = classifyAll(ordered, parent: prefix, realParent: real, chain: chain, twins: twins)
        for (name, outcome) in zip(ordered, outcomes) {
            switch outcome {
            case .entry(let entry): out.append(entry)
            case .descend(let real):
                walk(folder.appendingPathComponent(name, isDirectory: true), prefix + [name], real: real, chain: chain.union([real]),
                     into: &out)
            case .ignore: break
            }
        }
    }

    /// `classify` of each of a folder's names, in order. A large folder's names are classified
    /// on every core: each is an `lstat` and a few paths, and the 10,000 documents of one folder
    /// took 50 ms of one core before the first file was read.
    private func classifyAll(_ names: [String], parent: [String], realParent: String, chain: Set<String>,
                             twins: [[UInt8]: [String]]) -> [Outcome] {
        @Sendable func one(_ name: String) -> Outcome {
            classify(name, parent: parent, realParent: realParent, chain: chain, twins: twins[Self.key(name)] ?? [])
        }
        guard names.count >= parallelFrom else { return names.map(one) }
        let chunks = ProcessInfo.processInfo.activeProcessorCount * 4
        let size = (names.count + chunks - 1) / chunks
        @Sendable func chunkNames(_ chunk: Int) -> ArraySlice<String> {
            names[min(names.count, chunk * size)..<min(names.count, (chunk + 1) * size)]
        }
        let results = ChunkResults<[Outcome]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in results.set(chunk, chunkNames(chunk).map(one)) }
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(names.count)
        for chunk in 0..<chunks { outcomes += results.value(chunk) ?? chunkNames(chunk).map(one) }
        return outcomes
    }

    /// What to do with one name in a folder. `twins` are the names of the folder that equal
    /// this one in NFC (itself included); more than one is an error.
    private func classify(_ name: String, parent: [String], realParent: String? = nil, chain: Set<String>,
                          twins: [String]) -> Outcome {
        let components = parent + [name]
        let display = Self.display(components)
        let isMarkdown = name.lowercased().hasSuffix(".md")
        let located = files.locate(url(of: components), display: display, inRealFolder: realParent)
        let isFolder = if case .success(let found) = located { found.kind == .folder } else { false }
        if twins.count > 1 {
            guard isMarkdown || isFolder else { return .ignore }
            return .entry(ContentEntry(components: components, problem: twinProblem(parent: parent, names: twins)))
        }
        switch located {
        case .failure(let problem):
            // A broken link or an unreadable entry matters when it was meant to be a document.
            return isMarkdown ? .entry(ContentEntry(components: components, problem: problem.diagnostic)) : .ignore
        case .success(let found):
            guard isMarkdown || found.kind == .folder else { return .ignore }
            guard files.isInside(found.realPath) else {
                return .entry(ContentEntry(components: components, problem: ProjectFiles.outside(display, realPath: found.realPath)))
            }
            switch found.kind {
            case .folder:
                guard !chain.contains(found.realPath) else {
                    return .entry(ContentEntry(components: components, problem: .warning(
                        "file.link-loop", "\(display) links to a folder that contains it; it is not followed", file: display,
                        hint: "remove the link: a folder cannot hold itself")))
                }
                return .descend(realPath: found.realPath)
            case .file:
                return .entry(ContentEntry(components: components, problem: nil))
            case .other(let what):
                return .entry(ContentEntry(components: components, problem: ProjectFiles.notAFile(display, what)))
            }
        }
    }

    private func twinProblem(parent: [String], names: [String]) -> Diagnostic {
        let shown = Self.ordered(names).map { "\(Self.display(parent + [$0])) (\(Self.form(of: $0)))" }
        let display = Self.display(parent + [names[0]])
        return .error("content.unicode-twins",
                      "\(shown.joined(separator: " and ")) have the same name written in different Unicode forms; "
                          + "decuong would see one document twice, so it loads neither",
                      file: display,
                      hint: "keep one of them and delete or rename the others (files copied from a Mac often have "
                          + "decomposed, NFD, names)")
    }

    // MARK: Names

    /// The NFC form as bytes: Swift compares strings by canonical equivalence, so a
    /// dictionary keyed by the names themselves would merge twins without a word. A name
    /// already in NFC (nearly every name) skips Foundation's normalizer: the walk is serial,
    /// and at 10,000 documents normalizing every name took half of it.
    static func key(_ name: String) -> [UInt8] {
        Array(CanonicalForms.nfc(name).utf8)
    }

    /// `twinGroups(names)[key(name)] ?? []` for one name, without grouping every name of
    /// the folder: the preview asks once per save, in folders of thousands of documents.
    static func twins(of name: String, among names: [String]) -> [String] {
        let target = CanonicalForms.nfc(name)
        let group = names.filter { CanonicalForms.nfc($0).utf8.elementsEqual(target.utf8) }
        return group.count > 1 ? group : []
    }

    static func twinGroups(_ names: [String]) -> [[UInt8]: [String]] {
        var groups: [[UInt8]: [String]] = [:]
        for name in names { groups[key(name), default: []].append(name) }
        return groups.filter { $0.value.count > 1 }
    }

    /// Sorted by NFC, then by the bytes on disk, so twins come in a fixed order.
    static func ordered(_ names: [String]) -> [String] {
        // Keys once per name, not per comparison: Foundation's NFC for every comparison made
        // sorting a folder of 1,000 documents a noticeable, serial part of loading.
        let keyed = names.map { (name: $0, key: key($0), bytes: Array($0.utf8)) }
        return keyed.sorted { left, right in
            left.key != right.key ? left.key.lexicographicallyPrecedes(right.key) : left.bytes.lexicographicallyPrecedes(right.bytes)
        }.map(\.name)
    }

    static func form(of name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        if scalars == Array(name.precomposedStringWithCanonicalMapping.unicodeScalars) { return "NFC" }
        if scalars == Array(name.decomposedStringWithCanonicalMapping.unicodeScalars) { return "NFD" }
        return "mixed Unicode form"
    }
}
