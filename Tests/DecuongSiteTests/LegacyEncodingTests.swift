import DecuongCore
import DecuongSite
import Foundation
import Testing

/// Old Word files in VNI: the build names the encoding, the file and the line, and says how
/// to convert; the file is left out and the build fails.
@Suite struct LegacyEncodingTests {
    @Test func vniTextIsNamedWithItsPlace() throws {
        let project = try FixtureProject(Fixtures.project())
        defer { project.remove() }
        // "Kế hoạch công tác tuyên truyền" in VNI: each mark is a second byte after the vowel.
        let vni: [UInt8] = Array("Ke".utf8) + [0xE1] + Array(" hoa".utf8) + [0xEF]
            + Array("ch co".utf8) + [0xE2] + Array("ng ta".utf8) + [0xE1] + Array("c tuye".utf8) + [0xE2]
            + Array("n truye".utf8) + [0xE0] + Array("n\n".utf8)
        let file = project.root.appendingPathComponent("content/vni.md")
        try Data(Array("KE HOACH\n".utf8) + vni).write(to: file)
        let report = SiteBuilder(root: project.root).build(output: project.root.appendingPathComponent("site"))
        #expect(report.failed && !report.wrote)
        let error = try #require(report.diagnostics.first { $0.file == "content/vni.md" })
        #expect(error.code == "file.invalid-utf8")
        #expect(error.message.contains("VNI"), "\(error.message)")
        #expect(error.location?.line == 2)
        #expect(error.hint?.contains("Unikey") == true)
    }
}
