import DecuongCore
import Foundation
import Testing

struct SourceLocationTests {
    @Test func keepsItsJSONShapeAndOrder() throws {
        let location = SourceLocation(line: 12, column: 3)
        let json = String(decoding: try JSONEncoder().encode(location), as: UTF8.self)
        #expect(json.contains("\"line\":12") && json.contains("\"column\":3"))
        #expect(try JSONDecoder().decode(SourceLocation.self, from: Data(json.utf8)) == location)
        #expect(SourceLocation(line: 1, column: 9) < SourceLocation(line: 2, column: 1))
        #expect(SourceLocation(line: 2, column: 1) < SourceLocation(line: 2, column: 2))
        // Positions past 32 bits (a file over 2 GiB) are clamped, not a crash.
        #expect(SourceLocation(line: Int.max, column: -5).line == Int(Int32.max))
    }
}
