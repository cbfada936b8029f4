package io.dayuan.visitorpages.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.passes.AdmitState;
import io.dayuan.passes.Pass;
import io.dayuan.passes.code.PassCodes;
import io.dayuan.passes.repository.PassRepository;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.ErrorCode;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.visitorpages.VisitPage;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitFace;
import io.dayuan.visits.VisitStatus;
import io.dayuan.visits.repository.VisitRepository;
import io.dayuan.visits.service.Secrets;
import io.dayuan.visits.service.VisitService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reads what the visitor's page shows, through the visits service's token rules; the pass code is the visit's
 * admit-once pass as the passes feature signs it.
 */
@ApplicationScoped
public class VisitorPageService {

    @Inject
    Clock clock;

    @Inject
    VisitService visits;

    @Inject
    VisitRepository visitRepository;

    @Inject
    SiteRepository sites;

    @Inject
    PersonRepository people;

    @Inject
    PassRepository passes;

    @Inject
    PassCodes codes;

    /** The page of an open visit; {@link VisitGone} for a closed or past one, NOT_FOUND for an unknown token. */
    public Uni<VisitPage> page(String token) {
        return Panache.withSession(() -> openVisit(token).chain(this::assemble));
    }

    /** The text of the visit's pass QR code, while the page shows the pass; NOT_FOUND otherwise. */
    public Uni<String> passCode(String token) {
        return page(token).chain(page -> {
            if (!page.passShown()) {
                return Uni.createFrom().failure(ApiException.notFound("Pass for token", "given"));
            }
            return passes.forVisit(page.visit().id).map(pass -> codes.codeFor(pass, clock.instant()));
        });
    }

    private Uni<Visit> openVisit(String token) {
        return visits.visitorView(token)
                .onFailure(ApiException.class).recoverWithUni(failure -> whyNotFound(token, (ApiException) failure))
                .map(visit -> {
                    if (!visit.status.open() && visit.status != VisitStatus.CHECKED_OUT) {
                        throw new VisitGone(visit.status);
                    }
                    return visit;
                });
    }

    /** A token that names a visit whose window has passed is gone (410), not unknown (404). */
    private Uni<Visit> whyNotFound(String token, ApiException failure) {
        if (failure.code() != ErrorCode.NOT_FOUND || token == null || token.isBlank() || token.length() > 100) {
            return Uni.createFrom().failure(failure);
        }
        return visitRepository.findByTokenHash(Secrets.hash(token.strip())).map(visit -> {
            if (visit == null) {
                throw failure;
            }
            throw new VisitGone(visit.status.open() ? VisitStatus.EXPIRED : visit.status);
        });
    }

    private Uni<VisitPage> assemble(Visit visit) {
        return sites.require(visit.siteId).chain(site -> hostName(visit)
                .chain(hostName -> assemble(visit, site, hostName)));
    }

    private Uni<String> hostName(Visit visit) {
        return visit.hostId == null ? Uni.createFrom().<String> nullItem()
                : people.findById(visit.hostId).map(host -> host == null ? null : host.name);
    }

    private Uni<VisitPage> assemble(Visit visit, Site site, String hostName) {
        return Panache.getSession().chain(session -> session.find(VisitFace.class, visit.id))
                .chain(face -> passes.forVisit(visit.id)
                        .map(pass -> new VisitPage(visit, site, hostName, face != null, showsPass(visit, pass))));
    }

    private static boolean showsPass(Visit visit, Pass pass) {
        boolean admissible = visit.status == VisitStatus.APPROVED || visit.status == VisitStatus.CHECKED_IN
                || visit.status == VisitStatus.CHECKED_OUT;
        return admissible && pass != null && pass.revokedAt == null && pass.admitState != AdmitState.USED;
    }
}
