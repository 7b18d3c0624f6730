import Plot

/// Small parts every form page repeats: the refusal said at the top, a field's own error, and the
/// CSRF token of a POST form.
func problemSummary(_ problem: CampaignPage.Problem?, _ t: Language) -> Node<HTML.BodyContext> {
    .unwrap(problem) { problem in
        .div(.class("error-summary"), .attr("role", "alert"), .p(.class("error"), .attr("data-field", problem.field), .words(t(problem.message))))
    }
}

/// The problem's message when it names `field`.
func fieldError(_ problem: CampaignPage.Problem?, _ field: String) -> Phrase? {
    problem?.field == field ? problem?.message : nil
}

func csrfField(_ token: String) -> Node<HTML.FormContext> {
    .input(.attr("type", "hidden"), .attr("name", "_csrf"), .attr("value", token))
}
