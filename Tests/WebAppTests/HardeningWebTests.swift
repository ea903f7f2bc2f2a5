import Core
import Foundation
import Programme
import Storage
import Testing
import Vapor
import VaporTesting
@testable import WebApp

/// Password resets, old password hashes, security headers and text from outside, through the web app.
@Suite struct HardeningWebTests {
    @Test func staffResetLinkIsShownOnceUsedOnceAndEndsOldSessions() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var coordinator = try await Visitor.signedIn(app, "coord@example.nl")
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let page = try await staff.post("/beheer/account/\(f.accountID("coord@example.nl"))/herstellink", [:])
            #expect(page.status == .ok)
            let link = try #require(
                page.text.firstMatch(of: /id="eenmalige-link">http:\/\/wijkradar.test(\/wachtwoord\/[A-Za-z0-9_-]+)</)
                    .map { String($0.1) })
            // The log names the link by the start of its hash only.
            let log = try await AuditLog(store: f.store).recent()
            let entry = try #require(log.first { $0.action == "herstellink gemaakt" })
            #expect(
                entry.subject == "coord@example.nl" && entry.detail.hasPrefix("link #")
                    && !entry.detail.contains(link.split(separator: "/").last!))
            #expect(try await staff.get("/beheer").text.contains(String(link.split(separator: "/").last!)) == false)

            var person = Visitor(app)
            #expect(try await person.get(link).text.contains("Kies een nieuw wachtwoord voor coord@example.nl"))
            let weak = try await person.post(link, ["wachtwoord": "coord@example.nl", "herhaling": "coord@example.nl"])
            #expect(weak.status == .unprocessableEntity && weak.text.contains("het bevat uw e-mailadres"))
            let done = try await person.post(
                link, ["wachtwoord": "een nieuwe zin voor Emmen", "herhaling": "een nieuwe zin voor Emmen"])
            #expect(done.status == .seeOther && done.headers.first(name: .location) == "/inloggen?ok=wachtwoord")
            #expect(try await person.get(link).status == .notFound)
            // The session that was open before the reset has ended.
            #expect(try await coordinator.get("/profiel").status == .seeOther)
            var again = Visitor(app)
            _ = try await again.get("/inloggen")
            #expect(
                try await again.post(
                    "/inloggen", ["email": "coord@example.nl", "wachtwoord": ProgrammeWebFixture.password]
                ).status == .unauthorized)
            #expect(
                try await again.post(
                    "/inloggen", ["email": "coord@example.nl", "wachtwoord": "een nieuwe zin voor Emmen"]
                ).status == .seeOther)
        }
        await f.store.close()
    }

    @Test func withoutAMailServerTheFormSaysWhoCanHelp() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var visitor = Visitor(app)
            let page = try await visitor.get("/wachtwoord-vergeten")
            #expect(page.text.contains("verstuurt geen e-mail") && page.text.contains("herstellink"))
            #expect(try await visitor.get("/inloggen").text.contains("href=\"/wachtwoord-vergeten\""))
        }
        await f.store.close()
    }

    /// Accounts made before the pre-hash still sign in, and are upgraded; their old weakness (Bcrypt stops at NUL and
    /// reads 72 bytes) no longer lets a shorter password in.
    @Test func oldHashesStillSignInAreUpgradedAndNeverMatchATruncation() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            let accounts = AccountStore(store: f.store)
            #expect(try await accounts.account(email: "coord@example.nl")!.passwordHash.hasPrefix("$2"))
            _ = try await Visitor.signedIn(app, "coord@example.nl")
            #expect(try await accounts.account(email: "coord@example.nl")!.passwordHash.hasPrefix("wr2$$2"))
            // An account whose old password held a NUL byte: Bcrypt saw only "ab".
            let staffID = f.accountID("staf@example.nl")
            try await accounts.upgradeHash(userID: staffID, hash: try Bcrypt.hash("ab\u{0}cdefghijklmn", cost: 4))
            var visitor = Visitor(app)
            _ = try await visitor.get("/inloggen")
            #expect(
                try await visitor.post("/inloggen", ["email": "staf@example.nl", "wachtwoord": "ab"]).status
                    == .unauthorized)
            #expect(
                try await visitor.post("/inloggen", ["email": "staf@example.nl", "wachtwoord": ""]).status
                    == .unauthorized)
            // New passwords: the policy is NIST's, the hash covers every byte.
            let passwords = try Passwords(cost: 4)
            let long = String(repeating: "lange zin ", count: 10)
            let hash = try await passwords.hash(long + "A")
            #expect(try await passwords.verify(long + "A", hash: hash).matches)
            #expect(try await !passwords.verify(long + "B", hash: hash).matches)
        }
        await f.store.close()
    }

    @Test func securityHeadersOnPagesAndErrors() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            for path in ["/programma", "/bestaat-niet", "/api/v1/regions/XX"] {
                let response = try await app.testing().sendRequest(.GET, path)
                let policy = response.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(
                    policy.contains("script-src 'self'") && !policy.contains("script-src 'self' 'unsafe-inline'"),
                    "\(path)")
                #expect(
                    policy.contains("style-src 'self'") && !policy.contains("unsafe-inline")
                        && policy.contains("frame-ancestors 'none'"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(response.headers.first(name: "Strict-Transport-Security") == nil)
            }
        }
        try await VaporTesting.withApp(configure: { app in
            var config = ProgrammeWebFixture.config()
            config.secureCookies = true
            try WebServer.configure(app, config: config, store: f.store)
        }) { app in
            let response = try await app.testing().sendRequest(.GET, "/programma")
            #expect(response.headers.first(name: "Strict-Transport-Security") == "max-age=31536000")
        }
        await f.store.close()
    }

    @Test func controlCharactersNeverReachStorage() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            for path in [
                "/kennis?q=%00", "/api/v1/knowledge?q=a%00b", "/regio/WK01%0A1443",
                "/inloggen?terug=/%09/evil.example/",
            ] {
                let response = try await app.testing().sendRequest(.GET, path)
                #expect(response.status == .badRequest, "\(path): \(response.status)")
                #expect(response.text.contains("teken dat niet in een adres hoort"), "\(path)")
            }
            var coordinator = try await Visitor.signedIn(app, "coord@example.nl")
            let saved = try await coordinator.post(
                "\(f.base)/stad/\(f.cityA.id)/deelnemers",
                [
                    "naam": "Nul\u{0}Byte", "email": "nul@example.nl", "organisatie": "Org1\n=cmd|' /C calc'!A0",
                    "discipline": "wonen\u{7}",
                    "rol": "trekker", "betrokken": "ja",
                ])
            #expect(saved.status == .seeOther)
            let person = try #require(
                try await ParticipantStore(store: f.store).participants(programmeID: f.programme.id, cityID: f.cityA.id)
                    .first { $0.email == "nul@example.nl" })
            #expect(person.name == "NulByte" && person.discipline == "wonen")
            var stranger = Visitor(app)
            let login = try await stranger.post(
                "/inloggen", ["email": "staf@example.nl\u{0}", "wachtwoord": "x\u{0}"], csrf: "")
            #expect(login.status == .forbidden)  // no session, no CSRF token: refused, not a 500
        }
        await f.store.close()
    }

    @Test func invitingForACityThatDoesNotExistIsAProblemNotACrash() async throws {
        let f = try await ProgrammeWebFixture.make()
        try await f.withApp { app in
            var staff = try await Visitor.signedIn(app, "staf@example.nl")
            let page = try await staff.post(
                "/beheer/uitnodigingen",
                [
                    "naam": "N", "email": "n@example.nl", "rol": Role.coordinator.rawValue,
                    "stad": "999999",
                ])
            #expect(page.status == .unprocessableEntity && page.text.contains("Stad: deze stad bestaat niet"))
        }
        await f.store.close()
    }
}

/// The review's findings on the request layer, as pure functions.
@Suite struct RequestLayerTests {
    @Test func fileNamesKeepTheirSemicolonsAndQuotes() {
        let value = #"form-data; name="bestand"; filename="verslag; def.pdf""#
        #expect(MultipartForm.parameter("filename", in: value) == "verslag; def.pdf")
        #expect(MultipartForm.parameter("name", in: value) == "bestand")
        #expect(MultipartForm.parameter("filename", in: #"form-data; name="b"; filename="a%22b.pdf""#) == "a\"b.pdf")
        #expect(MultipartForm.parameter("filename", in: "form-data; name=b") == nil)
    }

    @Test func aBoundaryInsideAFileIsPartOfTheFile() throws {
        let body =
            "--X\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc\r\n--X\r\nContent-Disposition: form-data; "
            + "name=\"bestand\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nregel --X zonder regeleinde ervoor\r\n--X--\r\n"
        let form = try #require(MultipartForm.parse(ByteBuffer(string: body), boundary: "X"))
        #expect(form.field("_csrf") == "abc")
        #expect(String(buffer: try #require(form.file("bestand")).data) == "regel --X zonder regeleinde ervoor")
        #expect(
            MultipartForm.parse(
                ByteBuffer(string: "--X\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nzonder einde"),
                boundary: "X") == nil)
    }

    @Test func controlCharactersAreFoundInTheDecodedBytes() {
        #expect(SessionMiddleware.hasControlBytes("/kennis?q=%00&x=%FF"))
        #expect(SessionMiddleware.hasControlBytes("/a%0D%0Ab"))
        #expect(SessionMiddleware.hasControlBytes("/a?b=%C2%85"))  // NEL, a C1 control, in UTF-8
        #expect(!SessionMiddleware.hasControlBytes("/kennis?q=caf%C3%A9%20wonen&x=%25"))
    }

    @Test func clientAddressesAreComparableAndIPv6CountsPerSlash64() {
        #expect(ClientKey.normalise("203.0.113.5:4711") == "203.0.113.5")
        #expect(ClientKey.normalise("[2001:db8::1]") == "2001:db8:0:0:0:0:0:1")
        #expect(ClientKey.normalise("::ffff:10.0.0.5") == "10.0.0.5")
        #expect(ClientKey.normalise("proxy.local") == nil)
        #expect(ClientKey.key("2001:db8:0:0:0:0:0:1") == ClientKey.key(ClientKey.normalise("2001:db8::ffff:1234")!))
        #expect(ClientKey.key("2001:db8:0:0:0:0:0:1") == "2001:db8:0:0::/64")
        #expect(AddressRange.contains("::1", ClientKey.normalise("::1")!))
        #expect(AddressRange.contains("10.0.0.0/8", ClientKey.normalise("::ffff:10.1.2.3")!))
    }
}
