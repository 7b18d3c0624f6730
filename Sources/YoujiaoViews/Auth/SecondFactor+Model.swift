/// The second step of a staff sign-in: enrol an authenticator (QR code and key) or enter its code,
/// or a recovery code; and, once after enrolling, the recovery codes.
public enum SecondFactorPage {
    public struct Model: Sendable, Hashable {
        /// Set while enrolling: the key as Base32 and the QR code of its otpauth address (dark modules).
        public var enrolment: Enrolment?
        public var error: Phrase?
        /// The page to go to afterwards (a local path, already checked).
        public var next: String

        public init(enrolment: Enrolment? = nil, error: Phrase? = nil, next: String = "") {
            self.enrolment = enrolment; self.error = error; self.next = next
        }
    }

    public struct Enrolment: Sendable, Hashable {
        public var secret: String
        public var qrModules: [[Bool]]
        public init(secret: String, qrModules: [[Bool]]) { self.secret = secret; self.qrModules = qrModules }
    }
}

/// Shown once, right after enrolling.
public enum RecoveryCodesPage {
    public struct Model: Sendable, Hashable {
        public var codes: [String]
        public var next: String
        public init(codes: [String], next: String) { self.codes = codes; self.next = next }
    }
}
