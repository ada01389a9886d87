import DecuongBundle
import Testing

@Suite struct ManifestTests {
    @Test func linesAreSortedShaSumLines() {
        let manifest = Manifest(files: ["b.html": Array("b".utf8), "a/index.html": Array("".utf8)])
        #expect(manifest.text == """
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a/index.html
            3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.html

            """)
    }

    @Test func parsingRoundTripsAndRejectsGarbage() {
        let manifest = Manifest(files: ["x.css": Array("body{}".utf8)])
        #expect(Manifest.parse(manifest.text) == manifest)
        #expect(Manifest.parse("not a manifest\n") == nil)
        #expect(Manifest.parse("abc  x.css\n") == nil)
    }
}
