import DecuongPreview
import Testing

@Suite struct ContentTypeTests {
    @Test func textIsUTF8AndUnknownIsBinary() {
        #expect(ContentType.forPath("ke-hoach/index.html") == "text/html; charset=utf-8")
        #expect(ContentType.forPath("assets/style.css") == "text/css; charset=utf-8")
        #expect(ContentType.forPath("tim-kiem/index-0.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.forPath("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(ContentType.forPath("MANIFEST.sha256") == "text/plain; charset=utf-8")
        #expect(ContentType.forPath("archive.bin") == "application/octet-stream")
    }
}
