package io.dayuan.visitorpages.service;

import io.dayuan.visits.VisitStatus;

/** The link names a visit that is over: cancelled, rejected or past its window (HTTP 410). */
public class VisitGone extends RuntimeException {

    private final VisitStatus status;

    public VisitGone(VisitStatus status) {
        super("the visit is " + status, null, false, false);
        this.status = status;
    }

    public VisitStatus status() {
        return status;
    }
}
