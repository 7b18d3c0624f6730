/// The exports page of a staff member: their own requests (with the download once approved) and
/// the requests of colleagues waiting for their decision.
public enum ExportQueuePage {
    public struct Model: Sendable, Hashable {
        public var mine: [Request]
        public var awaitingMe: [Request]
        /// The exports this viewer may ask for, each opening the request form.
        public var askLinks: [AskLink]
        public init(mine: [Request], awaitingMe: [Request], askLinks: [AskLink] = []) {
            self.mine = mine; self.awaitingMe = awaitingMe; self.askLinks = askLinks
        }
    }

    public struct AskLink: Sendable, Hashable {
        public var label: Phrase
        public var href: String
        public init(label: Phrase, href: String) { self.label = label; self.href = href }
    }

    /// One request, already labelled: times in Beijing time, names as people read them.
    public struct Request: Sendable, Hashable {
        public var id: String
        public var what: Phrase
        public var requester: String
        public var requestedAt: String
        public var reason: String
        public var status: Phrase
        public var decidedBy: String?
        public var note: String
        /// Present while the requester may still download (approved, unused, unexpired).
        public var downloadHref: String?
        /// Present on requests waiting for the viewer's decision.
        public var mayDecide: Bool

        public init(id: String, what: Phrase, requester: String, requestedAt: String, reason: String, status: Phrase,
                    decidedBy: String? = nil, note: String = "", downloadHref: String? = nil, mayDecide: Bool = false) {
            self.id = id; self.what = what; self.requester = requester; self.requestedAt = requestedAt; self.reason = reason
            self.status = status; self.decidedBy = decidedBy; self.note = note; self.downloadHref = downloadHref; self.mayDecide = mayDecide
        }

        public var approveHref: String { "/exports/\(PageAddress.encode(id))/approve" }
        public var refuseHref: String { "/exports/\(PageAddress.encode(id))/refuse" }
    }
}

/// The form that asks for an export: what it is, the rules, and the required reason.
public enum ExportRequestFormPage {
    public struct Model: Sendable, Hashable {
        public var what: Phrase
        /// The fields that name the export (kind, year, district), sent back with the reason.
        public var hiddenFields: [String: String]
        public var reason: String
        public var error: Phrase?
        public init(what: Phrase, hiddenFields: [String: String], reason: String = "", error: Phrase? = nil) {
            self.what = what; self.hiddenFields = hiddenFields; self.reason = reason; self.error = error
        }
    }
}

/// The confirm step of a decision on a colleague's request.
public enum ExportDecisionPage {
    public struct Model: Sendable, Hashable {
        public var request: ExportQueuePage.Request
        public var approving: Bool
        public var note: String
        public var error: Phrase?
        public init(request: ExportQueuePage.Request, approving: Bool, note: String = "", error: Phrase? = nil) {
            self.request = request; self.approving = approving; self.note = note; self.error = error
        }
    }
}
