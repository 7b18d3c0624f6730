import Testing
import YoujiaoViews

/// Text and attribute values are escaped exactly once, multi-byte text passing through untouched.
@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test func specialCharactersAreEscapedAndEverythingElseKept() {
        #expect(HTMLEscaping.text(#"<b>"张三" & 'Li'</b>"#) == #"&lt;b&gt;"张三" &amp; 'Li'&lt;/b&gt;"#)
        #expect(HTMLEscaping.attribute(#"a"b'c&d<e>"#) == "a&quot;b&#39;c&amp;d&lt;e&gt;")
        #expect(HTMLEscaping.text("&lt;") == "&amp;lt;", "an entity-like text shows as typed")
        for plain in ["", "上海市黄浦区", "👨‍👩‍👧 family", "e\u{301}"] {
            #expect(HTMLEscaping.text(plain) == plain && HTMLEscaping.attribute(plain) == plain)
        }
        #expect(HTMLEscaping.attribute("👨‍👩‍👧<") == "👨‍👩‍👧&lt;")
    }
}
