package io.dayuan.visits.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Ids;
import io.dayuan.visits.Visit;
import io.dayuan.visits.service.VisitService.Invitation;
import io.dayuan.visits.service.VisitService.VisitRequest;

/** A visitor's details as typed in an invitation or a request, checked and normalised, and the visit they make. */
final class NewVisit {

    private NewVisit() {
    }

    /** The details as typed, whichever form they came in. */
    record Typed(String siteId, String name, String phone, String purpose, OffsetDateTime from,
            OffsetDateTime until, String plate, String idCard, List<String> companionNames, Integer companionCount) {

        static Typed of(Invitation input) {
            return new Typed(input.siteId(), input.visitorName(), input.visitorPhone(), input.purpose(),
                    input.arriveFrom(), input.arriveUntil(), input.plate(), input.visitorIdCard(),
                    input.companionNames(), input.companionCount());
        }

        static Typed of(VisitRequest input) {
            return new Typed(input.siteId(), input.visitorName(), input.visitorPhone(), input.purpose(),
                    input.arriveFrom(), input.arriveUntil(), input.plate(), input.visitorIdCard(),
                    input.companionNames(), input.companionCount());
        }
    }

    /** What the visitor typed, checked and normalised. */
    record Checked(UUID siteId, String name, String phone, String purpose, OffsetDateTime from,
            OffsetDateTime until, String plate, String idHash, String idLast4, List<String> companionNames,
            int companionCount) {
    }

    /** VALIDATION naming the field for what is malformed; the ID card number only as its keyed hash and last four. */
    static Checked check(Typed typed, OffsetDateTime now, VisitCrypto crypto) {
        UUID site = Ids.parse("siteId", typed.siteId());
        if (typed.name() == null || typed.name().isBlank()) {
            throw ApiException.validation("visitorName", "visitorName is required");
        }
        String mobile = VisitorInput.mobile("visitorPhone", typed.phone());
        VisitorInput.window(now, typed.from(), typed.until());
        String plate = VisitorInput.plate("plate", typed.plate());
        String id = VisitorInput.idCard("visitorIdCard", typed.idCard());
        List<String> names = VisitorInput.companionNames(typed.companionNames());
        int count = VisitorInput.companionCount(typed.companionCount(), names);
        String purpose = typed.purpose() == null || typed.purpose().isBlank() ? null : typed.purpose().strip();
        return new Checked(site, typed.name().strip(), mobile, purpose, typed.from(), typed.until(), plate,
                id == null ? null : crypto.idCardHash(id), id == null ? null : id.substring(14), names, count);
    }

    /** The new visit of the checked details, reachable by the visitor with the token. */
    static Visit visit(Checked checked, String token) {
        Visit visit = new Visit();
        visit.siteId = checked.siteId();
        visit.visitorName = checked.name();
        visit.visitorPhone = checked.phone();
        visit.purpose = checked.purpose();
        visit.arriveFrom = checked.from();
        visit.arriveUntil = checked.until();
        visit.plate = checked.plate();
        visit.idCardHash = checked.idHash();
        visit.idCardLast4 = checked.idLast4();
        visit.companionNames = checked.companionNames();
        visit.companionCount = checked.companionCount();
        visit.tokenHash = Secrets.hash(token);
        return visit;
    }
}
