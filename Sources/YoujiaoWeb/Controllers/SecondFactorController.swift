import Foundation
import Vapor
import YoujiaoCore
import YoujiaoStore
import YoujiaoViews

/// Staff sign in in two steps: after the password, a TOTP code (RFC 6238) from an authenticator
/// enrolled at the first sign-in with a QR code drawn here, or one of the recovery codes given then.
/// The city administrator can reset a colleague's second factor; that is audited.
struct SecondFactorController {
    static let issuer = "优教 Youjiao"

    func register(_ routes: any RoutesBuilder) {
        routes.get("login", "second-factor", use: form)
        routes.post("login", "second-factor", use: verify)
        routes.get("admin", "users", use: staffAccounts)
        routes.post("admin", "users", ":username", "reset-second-factor", use: reset)
    }

    /// The session that has passed the password and waits for its second factor, or a redirect to sign in.
    private func pending(_ req: Request) throws -> (WebSessionRecord, UserRecord) {
        guard let pending = req.pendingSecondFactor else { throw Abort.redirect(to: "/login") }
        return pending
    }

    @Sendable func form(req: Request) async throws -> Response {
        let (session, user) = try pending(req)
        return try await page(req, session: session, user: user, error: nil, status: .ok)
    }

    private func page(_ req: Request, session: WebSessionRecord, user: UserRecord, error: Phrase?, status: HTTPStatus) async throws -> Response {
        var enrolment: SecondFactorPage.Enrolment?
        if user.totpSecret == nil {
            // The secret proposed to this session, kept until a code from it is confirmed.
            let secret = try session.enrolmentSecret.map { try TOTPSecret(base32: $0) } ?? TOTPSecret.generate()
            if session.enrolmentSecret == nil { try await req.accounts.setEnrolmentSecret(idHash: session.idHash, secret: secret.base32) }
            let uri = TOTP(secret: secret).otpauthURI(account: user.username, issuer: Self.issuer)
            enrolment = SecondFactorPage.Enrolment(secret: secret.base32, qrModules: try QRCode(text: uri).modules)
        }
        let next = SafeRedirect.localPath(req.query[String.self, at: "next"]) ?? ""
        return req.page(SecondFactorPage.View(chrome: req.chrome(), model: SecondFactorPage.Model(enrolment: enrolment, error: error, next: next)),
                        status: status)
    }

    struct CodeForm: Content { var code: String?; var recovery: String?; var next: String? }

    @Sendable func verify(req: Request) async throws -> Response {
        let (session, user) = try pending(req)
        let form = try req.content.decode(CodeForm.self)
        let now = Date()
        // Wrong codes are slowed down like wrong passwords.
        let key = SignInPolicy.secondFactorKey(user.username)
        if case .wait(let seconds) = try await req.accounts.reserveSignInAttempt(key: key, freeAttempts: SignInPolicy.freeAttemptsPerAccount,
                                                                                 now: now.timeIntervalSince1970) {
            return try await page(req, session: session, user: user, error: .tooManySignIns(minutes: max(1, Int((seconds / 60).rounded(.up)))),
                                  status: .tooManyRequests)
        }
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces)
        var passed = false
        var recoveryCodes: [String]?
        var method = "authenticator code"
        if let stored = user.totpSecret {
            if !code.isEmpty, let step = TOTP(secret: try TOTPSecret(base32: stored)).verify(code: code, at: now, lastUsedStep: user.totpLastStep) {
                passed = try await req.accounts.claimTOTPStep(userID: user.id, step: step)
            } else if let recovery = form.recovery, !recovery.isEmpty {
                let hashes = user.recoveryHashList
                if let used = RecoveryCodes.match(recovery, storedHashes: hashes) {
                    var remaining = hashes
                    remaining.remove(at: used)
                    method = "recovery code, \(remaining.count) left"
                    passed = try await req.accounts.consumeRecoveryCode(userID: user.id, expected: hashes, remaining: remaining)
                }
            }
        } else if let proposed = session.enrolmentSecret, let step = TOTP(secret: try TOTPSecret(base32: proposed)).verify(code: code, at: now, lastUsedStep: nil) {
            let batch = RecoveryCodes.generate()
            try await req.accounts.enrolSecondFactor(userID: user.id, secret: proposed, step: step, recoveryHashes: batch.hashes)
            recoveryCodes = batch.codes
            method = "authenticator enrolled"
            passed = true
        }
        guard passed else {
            req.logger.notice("wrong second factor for \(user.username)")
            try await Audit.signIn(req, action: "second-factor-failed", user: user)
            return try await page(req, session: session, user: user, error: .auth(.wrongCode), status: .unauthorized)
        }
        try await Audit.signIn(req, action: "sign-in", user: user, detail: method)
        try await req.accounts.clearSignInAttempts(key: key)
        try await req.accounts.completeSecondFactor(idHash: session.idHash)
        let next = SafeRedirect.localPath(form.next) ?? AuthController().home(for: user)
        if let recoveryCodes {
            req.viewer = Viewer(user: user)
            return req.page(RecoveryCodesPage.View(chrome: req.chrome(), model: RecoveryCodesPage.Model(codes: recoveryCodes, next: next)))
        }
        return req.redirect(to: next)
    }

    @Sendable func staffAccounts(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .cityAdmin else { throw Abort(.forbidden, reason: req.t(.refusal(.accountsCityAdminOnly))) }
        let accounts = try await req.accounts.users().filter { $0.roleValue.isEmployee }.map {
            StaffAccountsPage.Account(username: $0.username, displayName: $0.displayName, role: .role($0.roleValue),
                                      secondFactorEnrolled: $0.totpSecret != nil)
        }
        let saved = req.query[String.self, at: "reset"] != nil
        return req.page(StaffAccountsPage.View(chrome: req.chrome(flash: saved ? .success(.auth(.resetSecondFactorDone)) : nil),
                                               model: StaffAccountsPage.Model(accounts: accounts)))
    }

    @Sendable func reset(req: Request) async throws -> Response {
        let viewer = try req.requireViewer()
        guard viewer.scope.role == .cityAdmin else { throw Abort(.forbidden, reason: req.t(.refusal(.accountsCityAdminOnly))) }
        let username = req.parameters.get("username") ?? ""
        guard let colleague = try await req.accounts.user(username: username), colleague.roleValue.isEmployee else {
            throw Abort(.notFound, reason: req.t(.refusal(.noSuchStaffAccount)))
        }
        _ = try await req.accounts.resetSecondFactor(username: colleague.username)
        try await Audit.record(req, action: "reset-second-factor", subjectKind: "user", subjectIDs: [colleague.id],
                               detail: { _ in colleague.username })
        return req.redirect(to: "/admin/users?reset=1")
    }
}
