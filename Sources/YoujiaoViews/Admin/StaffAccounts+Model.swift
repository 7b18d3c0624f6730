/// The city administrator's list of staff accounts, with each one's two-step sign-in and a reset.
public enum StaffAccountsPage {
    public struct Model: Sendable, Hashable {
        public var accounts: [Account]
        public init(accounts: [Account]) { self.accounts = accounts }
    }

    public struct Account: Sendable, Hashable {
        public var username: String
        public var displayName: String
        public var role: Phrase
        public var secondFactorEnrolled: Bool
        public init(username: String, displayName: String, role: Phrase, secondFactorEnrolled: Bool) {
            self.username = username; self.displayName = displayName; self.role = role; self.secondFactorEnrolled = secondFactorEnrolled
        }
        public var resetAction: String { "/admin/users/\(PageAddress.encode(username))/reset-second-factor" }
    }
}
