/// The sign-in page.
public enum SignInPage {
    public struct Model: Sendable, Hashable {
        /// What the person typed, kept after a failed attempt (never the password).
        public var userName: String
        /// Why the last attempt failed.
        public var error: Phrase?
        /// The page to return to after signing in (already checked to be a local path).
        public var next: String
        /// Where the 一网通办 (city single sign-on) sign-in starts; nil when it is not configured.
        public var identityProviderHref: String?

        public init(userName: String = "", error: Phrase? = nil, next: String = "", identityProviderHref: String? = nil) {
            self.userName = userName
            self.error = error
            self.next = next
            self.identityProviderHref = identityProviderHref
        }
    }
}
