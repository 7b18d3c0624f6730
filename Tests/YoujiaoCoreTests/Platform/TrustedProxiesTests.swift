import Testing
import YoujiaoCore

@Suite("Trusted proxies")
struct TrustedProxiesTests {
    let proxies = try! TrustedProxies.parse("10.0.0.5, 10.0.0.6,fd00::1")

    @Test func theClientIsTheRightMostAddressNoTrustedProxyWrote() {
        #expect(proxies.clientAddress(connection: "10.0.0.5", forwardedFor: ["203.0.113.9"]) == "203.0.113.9")
        // The client may send its own header: entries left of the first untrusted one are its inventions.
        #expect(proxies.clientAddress(connection: "10.0.0.5", forwardedFor: ["1.1.1.1, 203.0.113.9, 10.0.0.6"]) == "203.0.113.9")
        #expect(proxies.clientAddress(connection: "10.0.0.5", forwardedFor: ["1.1.1.1", "203.0.113.9"]) == "203.0.113.9")
        #expect(proxies.clientAddress(connection: "fd00::1", forwardedFor: ["2001:db8::7"]) == "2001:db8::7")
    }

    @Test func withoutATrustedProxyTheHeaderIsIgnored() {
        #expect(proxies.clientAddress(connection: "198.51.100.2", forwardedFor: ["203.0.113.9"]) == "198.51.100.2")
        #expect(TrustedProxies().clientAddress(connection: "10.0.0.5", forwardedFor: ["203.0.113.9"]) == "10.0.0.5")
    }

    @Test func aMissingOrGarbledHeaderFallsBackToTheProxy() {
        #expect(proxies.clientAddress(connection: "10.0.0.5", forwardedFor: []) == "10.0.0.5")
        #expect(proxies.clientAddress(connection: "10.0.0.5", forwardedFor: ["10.0.0.6"]) == "10.0.0.5")
        #expect(proxies.clientAddress(connection: "10.0.0.5", forwardedFor: ["evil, <script>"]) == "10.0.0.5")
        #expect(proxies.clientAddress(connection: nil, forwardedFor: ["203.0.113.9"]) == nil)
    }

    @Test func theVariableTakesAddressesOnly() throws {
        #expect(try TrustedProxies.parse(nil) == TrustedProxies())
        #expect(try TrustedProxies.parse(" ") == TrustedProxies())
        #expect(try TrustedProxies.parse("127.0.0.1,::1").addresses == ["127.0.0.1", "::1"])
        for bad in ["proxy.example", "10.0.0.256", "10.0.0", "1::2::3", "10.0.0.0/8", "12345::1"] {
            #expect(throws: TrustedProxiesError.self, "\(bad)") { try TrustedProxies.parse(bad) }
        }
    }
}
