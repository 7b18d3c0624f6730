extension Catalogue {
    /// Forms, saved and failed messages, and the confirm step before an irreversible action.
    public enum Forms: PhraseBook {
        case save, cancel, confirm, required, saved, fixBelow, reason, reasonHint, whatWillHappen, cannotBeUndone
        case stepDone, stepCurrent, stepToDo, progress

        public var phrase: Phrase {
            switch self {
            case .save: return Phrase(zh: "保存", en: "Save")
            case .cancel: return Phrase(zh: "取消", en: "Cancel")
            case .confirm: return Phrase(zh: "确认", en: "Confirm")
            case .required: return Phrase(zh: "必填", en: "required")
            case .saved: return Phrase(zh: "已保存。", en: "Saved.")
            case .fixBelow: return Phrase(zh: "未保存：请更正下面标出的内容。", en: "Not saved: please correct the fields marked below.")
            case .reason: return Phrase(zh: "理由", en: "Reason")
            case .reasonHint: return Phrase(zh: "理由将与您的姓名、时间一起记入日志。", en: "The reason is logged with your name and the time.")
            case .whatWillHappen: return Phrase(zh: "确认后将发生：", en: "What will happen:")
            case .cannotBeUndone: return Phrase(zh: "此操作不可撤销。", en: "This cannot be undone.")
            case .stepDone: return Phrase(zh: "已完成", en: "done")
            case .stepCurrent: return Phrase(zh: "当前步骤", en: "current step")
            case .stepToDo: return Phrase(zh: "待办", en: "to do")
            case .progress: return Phrase(zh: "进度", en: "Progress")
            }
        }

        public static var parameterisedExamples: [Phrase] { [] }
    }
}
