package io.dayuan.passes.service;

import io.dayuan.notifications.LocalizedText;
import io.dayuan.notifications.Notice;
import io.dayuan.passes.Pass;

/** The passes' texts that reach people: their notifications, in Chinese and English. */
final class PassTexts {

    private PassTexts() {
    }

    /** To the holder: an administrator revoked the pass. */
    static Notice revoked(Pass pass) {
        return new Notice("PASS_REVOKED", new LocalizedText("通行证已作废", "Pass revoked"),
                new LocalizedText("您的通行证（" + pass.holderName + "）已被管理员作废。",
                        "Your pass (" + pass.holderName + ") was revoked by an administrator."),
                "dayuan://passes/" + pass.id);
    }

    /** To guards and admins: offline scans let an admit-once pass in more than once. */
    static Notice admittedTwice(Pass pass, long admissions) {
        return new Notice("PASS_ADMITTED_TWICE", new LocalizedText("一次性通行证被重复放行",
                "Single-entry pass admitted twice"),
                new LocalizedText("通行证（" + pass.holderName + "）在离线扫码时被放行了 " + admissions + " 次，请核查。",
                        "The pass of " + pass.holderName + " was admitted " + admissions
                                + " times by offline scans; please check."),
                "dayuan://passes/" + pass.id);
    }
}
