package io.dayuan.visits.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

import io.dayuan.notifications.LocalizedText;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Cursor;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.SiteMembers;
import io.dayuan.visits.BlocklistEntry;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitStatus;
import io.dayuan.visits.VisitsConfig.RequestLimit;
import io.dayuan.visits.VisitsConfig;
import io.dayuan.visits.repository.BlocklistRepository;
import io.dayuan.visits.repository.VisitRepository;
import io.dayuan.visits.service.NewVisit.Checked;
import io.dayuan.visits.service.NewVisit.Typed;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A visit from invitation or request to its end, as its host and its visitor see it: every write is one
 * transaction, checked before it starts. Decisions ({@link VisitDecisions}) and the gate ({@link VisitGate}) have
 * their own classes.
 */
@ApplicationScoped
public class VisitService {

    @Description("A visitor invited by their host")
    public record Invitation(@NotNull @Id String siteId, @NotBlank @Size(max = 100) String visitorName,
            @NotBlank @Size(max = 40) String visitorPhone, @Size(max = 500) String purpose,
            @NotNull OffsetDateTime arriveFrom, @NotNull OffsetDateTime arriveUntil, @Size(max = 20) String plate,
            @Description("Optional; stored only as a keyed hash and its last four characters")
            @Size(max = 30) String visitorIdCard,
            List<String> companionNames, @Min(0) @Max(20) Integer companionCount) {
    }

    @Description("A visit asked for by the visitor, naming the host by phone")
    public record VisitRequest(@NotNull @Id String siteId, @NotBlank @Size(max = 40) String hostPhone,
            @NotBlank @Size(max = 100) String visitorName, @NotBlank @Size(max = 40) String visitorPhone,
            @Size(max = 500) String purpose, @NotNull OffsetDateTime arriveFrom, @NotNull OffsetDateTime arriveUntil,
            @Size(max = 20) String plate,
            @Description("Optional; stored only as a keyed hash and its last four characters")
            @Size(max = 30) String visitorIdCard,
            List<String> companionNames, @Min(0) @Max(20) Integer companionCount) {
    }

    @Inject
    VisitRepository visits;

    @Inject
    SiteRepository sites;

    @Inject
    SiteMembers siteMembers;

    @Inject
    BlocklistRepository blocklist;

    @Inject
    Clock clock;

    @Inject
    VisitCrypto crypto;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    VisitorMessages messages;

    @Inject
    VisitSteps steps;

    @Inject
    DeviceJobs deviceJobs;

    @Inject
    Faces faces;

    @Inject
    Notifier notifier;

    @Inject
    VisitsConfig config;

    // ------------------------------------------------------------------ booking

    /** A staff host invites a visitor: approved at once. A blocklisted visitor is refused and the guards alerted. */
    public Uni<Visit> invite(Person host, Invitation input) {
        OffsetDateTime now = clock.now();
        Checked checked = NewVisit.check(Typed.of(input), now, crypto);
        return sites.require(checked.siteId()).chain(site -> screened(host, checked, site.zone(), now));
    }

    /** Invited, or refused when the visitor is blocklisted. */
    private Uni<Visit> screened(Person host, Checked checked, ZoneId zone, OffsetDateTime now) {
        return blocklist.match(checked.phone(), checked.idHash(), checked.plate()).chain(blocked -> blocked == null
                ? invited(host, checked, zone, now) : refused(host, checked, blocked, now));
    }

    /** The alert is committed before the refusal answers. */
    private Uni<Visit> refused(Person host, Checked checked, BlocklistEntry blocked, OffsetDateTime now) {
        return alertRefused(host, checked, blocked, now)
                .chain(() -> Uni.createFrom().failure(ApiException.forbidden("The visitor may not be invited")));
    }

    @WithTransaction
    Uni<Void> alertRefused(Person host, Checked checked, BlocklistEntry blocked, OffsetDateTime now) {
        return steps.alertBlocked(checked, blocked, now, "invited by " + host.name);
    }

    private Uni<Visit> invited(Person host, Checked checked, ZoneId zone, OffsetDateTime now) {
        String token = Secrets.newToken();
        Visit visit = NewVisit.visit(checked, token);
        visit.hostId = host.id;
        visit.status = VisitStatus.APPROVED;
        visit.decidedBy = host.id;
        LocalizedText text = VisitTexts.invited(host.name, visit, zone, messages.link(token));
        return storeInvited(visit, text, now).map(ignored -> {
            visit.visitorToken = token;
            return visit;
        });
    }

    @WithTransaction
    Uni<Void> storeInvited(Visit visit, LocalizedText text, OffsetDateTime now) {
        return Panache.getSession().chain(session -> session.persist(visit))
                .chain(() -> messages.send(visit, "VISIT_INVITED", text))
                .chain(() -> steps.approved(visit, now));
    }

    /**
     * A visitor asks for a visit. The answer is the same whether the host phone belongs to someone or not, and
     * whether the visitor is blocklisted or not: such requests are parked (kept, never shown to anyone to approve,
     * expired at the end of their window) and the guards are told about a blocklisted one.
     */
    public Uni<Visit> request(VisitRequest input, String client) {
        OffsetDateTime now = clock.now();
        RequestLimit limit = config.requestLimit();
        return rateLimiter.hit("client:" + client, limit.perClient(), limit.window(), now).chain(() -> {
            Checked checked = NewVisit.check(Typed.of(input), now, crypto);
            String hostPhone = VisitorInput.mobile("hostPhone", input.hostPhone());
            return rateLimiter.hit("phone:" + checked.phone(), limit.perPhone(), limit.window(), now)
                    .chain(() -> rateLimiter.hit("host:" + hostPhone, limit.perPhone() * 4, limit.window(), now))
                    .chain(() -> sites.require(checked.siteId()))
                    .chain(() -> visits.staffByPhone(hostPhone))
                    // a host who does not act at the visit's site is no host there (parked as an unknown phone)
                    .chain(host -> siteMembers.actingAt(host, checked.siteId()))
                    .chain(host -> requested(checked, host, now));
        });
    }

    private Uni<Visit> requested(Checked checked, Person host, OffsetDateTime now) {
        return blocklist.match(checked.phone(), checked.idHash(), checked.plate())
                .chain(blocked -> createRequest(checked, host, blocked, now));
    }

    @WithTransaction
    Uni<Visit> createRequest(Checked checked, Person host, BlocklistEntry blocked, OffsetDateTime now) {
        String token = Secrets.newToken();
        Visit visit = NewVisit.visit(checked, token);
        visit.status = VisitStatus.REQUESTED;
        if (blocked != null) {
            visit.parkedReason = "BLOCKLISTED";
        } else if (host == null) {
            visit.parkedReason = "UNKNOWN_HOST";
        } else {
            visit.hostId = host.id;
        }
        // the same statements whether the host phone is staff's or not (nothing in the answer's timing tells
        // them apart): the host hears of the request from HostNotices, after the answer
        return Panache.getSession().chain(session -> session.persist(visit))
                .chain(() -> blocked == null ? Uni.createFrom().voidItem()
                        : steps.alertBlocked(checked, blocked, now, "asked for a visit"))
                .chain(() -> messages.send(visit, "VISIT_REQUESTED", VisitTexts.requested(messages.link(token))))
                .replaceWith(visit);
    }

    // ------------------------------------------------------------------ cancelling

    @WithTransaction
    public Uni<Visit> cancelByHost(Person caller, boolean admin, UUID id, String reason) {
        OffsetDateTime now = clock.now();
        return steps.hosted(caller, admin, id).chain(visit -> cancel(visit, reason, now)
                .chain(() -> steps.zoneOf(visit))
                .chain(zone -> messages.send(visit, "VISIT_CANCELLED", VisitTexts.cancelledByHost(visit, zone)))
                .replaceWith(visit));
    }

    @WithTransaction
    public Uni<Visit> cancelByVisitor(String token) {
        OffsetDateTime now = clock.now();
        return byToken(token, now).chain(visit -> cancel(visit, "cancelled by visitor", now)
                .chain(() -> tellHostCancelled(visit)).replaceWith(visit));
    }

    private Uni<Void> tellHostCancelled(Visit visit) {
        return visit.hostId == null ? Uni.createFrom().voidItem() : steps.zoneOf(visit)
                .chain(zone -> notifier.notify(visit.hostId, VisitTexts.cancelledByVisitor(visit, zone)));
    }

    private Uni<Void> cancel(Visit visit, String reason, OffsetDateTime now) {
        if (visit.status != VisitStatus.REQUESTED && visit.status != VisitStatus.APPROVED) {
            throw ApiException.conflict("A " + visit.status + " visit cannot be cancelled");
        }
        visit.status = VisitStatus.CANCELLED;
        visit.cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
        return steps.closed(visit, now, "CANCELLED");
    }

    // ------------------------------------------------------------------ the visitor's link

    /** The visit of a visitor link token, while the visit lasts; NOT_FOUND otherwise. */
    public Uni<Visit> byToken(String token, OffsetDateTime now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Uni.createFrom().failure(ApiException.notFound("Visit for token", "given"));
        }
        return visits.findByTokenHash(Secrets.hash(token.strip())).map(visit -> {
            if (visit == null || !visit.arriveUntil.isAfter(now)) {
                throw ApiException.notFound("Visit for token", "given");
            }
            return visit;
        });
    }

    @WithSession
    public Uni<Visit> visitorView(String token) {
        return byToken(token, clock.now());
    }

    public Uni<Visit> giveConsent(String token, String version) {
        if (version == null || version.isBlank() || version.length() > 50) {
            throw ApiException.validation("consentTextVersion", "consentTextVersion is 1 to 50 characters");
        }
        return consent(token, version.strip());
    }

    @WithTransaction
    Uni<Visit> consent(String token, String version) {
        OffsetDateTime now = clock.now();
        return byToken(token, now).map(visit -> {
            if (visit.status != VisitStatus.REQUESTED && visit.status != VisitStatus.APPROVED) {
                throw ApiException.conflict("A " + visit.status + " visit takes no consent");
            }
            visit.faceConsentAt = now;
            visit.faceConsentVersion = version;
            return visit;
        });
    }

    /** Withdrawn consent: the photo is deleted, and devices that had it get the visitor again without it. */
    @WithTransaction
    public Uni<Visit> withdrawConsent(String token) {
        OffsetDateTime now = clock.now();
        return byToken(token, now).chain(visit -> {
            visit.faceConsentAt = null;
            visit.faceConsentVersion = null;
            return faces.delete(visit.id, "WITHDRAWN", now).chain(() -> deviceJobs.repushFaces(visit, now))
                    .replaceWith(visit);
        });
    }

    /** The face photo of PUT /visits/{id}/face: checked before anything is written. */
    public Uni<Void> enrolFace(UUID visitId, String token, byte[] image) {
        if (token == null || token.isBlank()) {
            throw new ApiException(io.dayuan.platform.ErrorCode.UNAUTHENTICATED, "X-Visitor-Token is required",
                    null);
        }
        return storeFace(visitId, token, image, Faces.check(image));
    }

    @WithTransaction
    Uni<Void> storeFace(UUID visitId, String token, byte[] image, String contentType) {
        OffsetDateTime now = clock.now();
        return byToken(token, now).chain(visit -> {
            if (!visit.id.equals(visitId)) {
                throw ApiException.forbidden("The visitor token is not for this visit");
            }
            if (!visit.status.open() || visit.parked()) {
                throw ApiException.conflict("A " + visit.status + " visit takes no photo");
            }
            if (visit.faceConsentAt == null) {
                throw ApiException.forbidden("Face recognition needs the visitor's consent first");
            }
            return faces.store(visit, image, contentType, now).chain(() -> deviceJobs.repushFaces(visit, now));
        });
    }

    // ------------------------------------------------------------------ lists

    public Uni<List<Visit>> hostedBy(Person host, int first, Cursor after) {
        return visits.hostedBy(host.id, first, after);
    }

    public Uni<List<Visit>> expected(UUID siteId, LocalDate date) {
        return sites.require(siteId).chain(site -> {
            ZoneId zone = site.zone();
            OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
            return visits.expected(siteId, from, to);
        });
    }

    // ------------------------------------------------------------------ expiry

    /** Visits not used by the end of their window expire. One statement: safe with several replicas. */
    @WithTransaction
    public Uni<Integer> expire(OffsetDateTime now) {
        return visits.expire(now);
    }
}
