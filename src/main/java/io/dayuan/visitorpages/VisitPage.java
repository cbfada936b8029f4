package io.dayuan.visitorpages;

import io.dayuan.sites.Site;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitStatus;

/**
 * What the visitor's page shows of an open visit. A request looks the same whether its host phone was known or not
 * (no host name, no face section) until the host approves it: the page must not tell who a phone belongs to.
 */
public record VisitPage(Visit visit, Site site, String hostName, boolean faceEnrolled, boolean passShown) {

    public boolean awaitingApproval() {
        return visit.status == VisitStatus.REQUESTED;
    }

    /** A request still waiting, or a visit not yet over, may still be cancelled by the visitor. */
    public boolean cancellable() {
        return visit.status == VisitStatus.REQUESTED || visit.status == VisitStatus.APPROVED;
    }

    /** Consent and a photo once the visit is approved, while the visitor may still come in. */
    public boolean faceOffered() {
        return visit.status == VisitStatus.APPROVED || visit.status == VisitStatus.CHECKED_IN;
    }

    public boolean hostShown() {
        return hostName != null && visit.status != VisitStatus.REQUESTED;
    }

    public boolean consented() {
        return visit.faceConsentAt != null;
    }
}
