package io.dayuan.visits.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

import io.dayuan.gates.Direction;
import io.dayuan.gates.Gate;
import io.dayuan.gates.GateEvent;
import io.dayuan.gates.GateEventKind;
import io.dayuan.gates.PassageSource;
import io.dayuan.gates.SubjectKind;
import io.dayuan.gates.repository.GateRepository;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.gates.service.GatePassages;
import io.dayuan.gates.service.GatePassages.Passage;
import io.dayuan.notifications.LocalizedText;
import io.dayuan.notifications.Notice;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Cursor;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.SiteMembers;
import io.dayuan.visits.BlocklistEntry;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitApproved;
import io.dayuan.visits.VisitClosed;
import io.dayuan.visits.VisitStatus;
import io.dayuan.visits.repository.BlocklistRepository;
import io.dayuan.visits.repository.VisitRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A visit from invitation or request to its end: every write is one transaction, checked before it starts. */
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

    /** What the visitor typed, checked and normalised. */
    record Checked(UUID siteId, String name, String phone, String purpose, OffsetDateTime from,
            OffsetDateTime until, String plate, String idHash, String idLast4, List<String> companionNames,
            int companionCount) {
    }

    @Inject
    VisitRepository visits;

    @Inject
    PersonRepository people;

    @Inject
    SiteRepository sites;

    @Inject
    SiteMembers siteMembers;

    @Inject
    GateRepository gates;

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
    DeviceJobs deviceJobs;

    @Inject
    Faces faces;

    @Inject
    Notifier notifier;

    @Inject
    GateEvents gateEvents;

    @Inject
    GatePassages passages;

    @Inject
    Event<VisitApproved> approvedEvents;

    @Inject
    Event<VisitClosed> closedEvents;

    @Inject
    @ConfigProperty(name = "dayuan.visits.request-limit.per-client")
    int perClient;

    @Inject
    @ConfigProperty(name = "dayuan.visits.request-limit.per-phone")
    int perPhone;

    @Inject
    @ConfigProperty(name = "dayuan.visits.request-limit.window")
    Duration limitWindow;

    @Inject
    @ConfigProperty(name = "dayuan.visits.push-lead")
    Duration pushLead;

    // ------------------------------------------------------------------ booking

    /** A staff host invites a visitor: approved at once. A blocklisted visitor is refused and the guards alerted. */
    public Uni<Visit> invite(Person host, Invitation input) {
        OffsetDateTime now = clock.now();
        Checked checked = check(now, input.siteId(), input.visitorName(), input.visitorPhone(), input.purpose(),
                input.arriveFrom(), input.arriveUntil(), input.plate(), input.visitorIdCard(),
                input.companionNames(), input.companionCount());
        return sites.require(checked.siteId())
                .chain(() -> blocklist.match(checked.phone(), checked.idHash(), checked.plate()))
                .chain(blocked -> {
                    if (blocked != null) {
                        return Panache.withTransaction(() -> alertBlocked(checked, blocked, now,
                                "invited by " + host.name)).chain(() -> Uni.createFrom().failure(
                                        ApiException.forbidden("The visitor may not be invited")));
                    }
                    String token = Secrets.newToken();
                    return Panache.withTransaction(() -> {
                        Visit visit = newVisit(checked, token);
                        visit.hostId = host.id;
                        visit.status = VisitStatus.APPROVED;
                        visit.decidedBy = host.id;
                        return Panache.getSession().chain(session -> session.persist(visit))
                                .chain(() -> messages.send(visit, "VISIT_INVITED",
                                        host.name + " 邀请您于 " + window(visit) + " 来访。查看、取消或登记人脸："
                                                + messages.link(token),
                                        host.name + " invites you to visit " + window(visit)
                                                + ". View, cancel or enrol your face: " + messages.link(token)))
                                .chain(() -> approved(visit, now))
                                .map(ignored -> {
                                    visit.visitorToken = token;
                                    return visit;
                                });
                    });
                });
    }

    /**
     * A visitor asks for a visit. The answer is the same whether the host phone belongs to someone or not, and
     * whether the visitor is blocklisted or not: such requests are parked (kept, never shown to anyone to approve,
     * expired at the end of their window) and the guards are told about a blocklisted one.
     */
    public Uni<Visit> request(VisitRequest input, String client) {
        OffsetDateTime now = clock.now();
        return rateLimiter.hit("client:" + client, perClient, limitWindow, now).chain(() -> {
            Checked checked = check(now, input.siteId(), input.visitorName(), input.visitorPhone(), input.purpose(),
                    input.arriveFrom(), input.arriveUntil(), input.plate(), input.visitorIdCard(),
                    input.companionNames(), input.companionCount());
            String hostPhone = VisitorInput.mobile("hostPhone", input.hostPhone());
            return rateLimiter.hit("phone:" + checked.phone(), perPhone, limitWindow, now)
                    .chain(() -> rateLimiter.hit("host:" + hostPhone, perPhone * 4, limitWindow, now))
                    .chain(() -> sites.require(checked.siteId()))
                    .chain(() -> host(hostPhone))
                    .chain(host -> siteMembers.actingAt(host, checked.siteId()))
                    .chain(host -> blocklist.match(checked.phone(), checked.idHash(), checked.plate())
                            .chain(blocked -> createRequest(checked, host, blocked, now)));
        });
    }

    private Uni<Visit> createRequest(Checked checked, Person host, BlocklistEntry blocked, OffsetDateTime now) {
        String token = Secrets.newToken();
        return Panache.withTransaction(() -> {
            Visit visit = newVisit(checked, token);
            visit.status = VisitStatus.REQUESTED;
            if (blocked != null) {
                visit.parkedReason = "BLOCKLISTED";
            } else if (host == null) {
                visit.parkedReason = "UNKNOWN_HOST";
            } else {
                visit.hostId = host.id;
            }
            Uni<Void> alert = blocked == null ? Uni.createFrom().voidItem()
                    : alertBlocked(checked, blocked, now, "asked for a visit");
            // the same statements whether the host phone is staff's or not (nothing in the answer's timing tells
            // them apart): the host hears of the request from HostNotices, after the answer
            return Panache.getSession().chain(session -> session.persist(visit))
                    .chain(() -> alert)
                    .chain(() -> messages.send(visit, "VISIT_REQUESTED",
                            "您的来访申请已提交，审批后将短信通知您。查看或取消：" + messages.link(token),
                            "Your visit request was received; you will get a text when it is decided. View or "
                                    + "cancel: " + messages.link(token)))
                    .replaceWith(visit);
        });
    }

    /**
     * A staff member whose phone is the given number (as E.164 or as the national number); one who does not act at
     * the visit's site is no host there (the request is parked as for an unknown phone).
     */
    private Uni<Person> host(String e164) {
        String national = e164.startsWith("+86") ? e164.substring(3) : e164;
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT * FROM person WHERE phone IN (:a, :b, :c) AND :role = ANY (roles) "
                        + "ORDER BY created_at LIMIT 1", Person.class)
                .setParameter("a", e164).setParameter("b", national).setParameter("c", "86" + national)
                .setParameter("role", Roles.STAFF).getResultList()))
                .map(found -> found.isEmpty() ? null : found.get(0));
    }


    private Checked check(OffsetDateTime now, String siteId, String name, String phone, String purpose,
            OffsetDateTime from, OffsetDateTime until, String plate, String idCard, List<String> companionNames,
            Integer companionCount) {
        UUID site = Ids.parse("siteId", siteId);
        if (name == null || name.isBlank()) {
            throw ApiException.validation("visitorName", "visitorName is required");
        }
        String mobile = VisitorInput.mobile("visitorPhone", phone);
        VisitorInput.window(now, from, until);
        String normalisedPlate = VisitorInput.plate("plate", plate);
        String id = VisitorInput.idCard("visitorIdCard", idCard);
        List<String> names = VisitorInput.companionNames(companionNames);
        int count = VisitorInput.companionCount(companionCount, names);
        return new Checked(site, name.strip(), mobile, purpose == null || purpose.isBlank() ? null : purpose.strip(),
                from, until, normalisedPlate, id == null ? null : crypto.idCardHash(id),
                id == null ? null : id.substring(14), names, count);
    }

    private static Visit newVisit(Checked checked, String token) {
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

    private Uni<Void> alertBlocked(Checked checked, BlocklistEntry blocked, OffsetDateTime now, String how) {
        String detail = "Blocklisted visitor (" + blocked.kind + ") " + how;
        return gateEvents.publish(new GateEvent(GateEventKind.ALERT, checked.siteId().toString(), null, null,
                checked.name(), checked.plate(), detail, now))
                .chain(() -> notifier.notifyRole(Roles.GUARD, checked.siteId(), new Notice("VISITOR_BLOCKED",
                        new LocalizedText("黑名单访客", "Blocklisted visitor"),
                        new LocalizedText("黑名单中的访客 " + checked.name() + " 试图预约来访",
                                "Blocklisted visitor " + checked.name() + " tried to book a visit"),
                        null)));
    }

    // ------------------------------------------------------------------ decisions

    public Uni<Visit> approve(Person caller, boolean admin, UUID id) {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> decidable(caller, admin, id, now).chain(visit -> {
            visit.status = VisitStatus.APPROVED;
            visit.decidedBy = caller.id;
            return messages.send(visit, "VISIT_APPROVED",
                    "您于 " + window(visit) + " 的来访申请已获批准。", "Your visit " + window(visit) + " is approved.")
                    .chain(() -> approved(visit, now)).replaceWith(visit);
        }));
    }

    public Uni<Visit> reject(Person caller, boolean admin, UUID id, String reason) {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> decidable(caller, admin, id, now).chain(visit -> {
            visit.status = VisitStatus.REJECTED;
            visit.decidedBy = caller.id;
            visit.rejectReason = reason == null || reason.isBlank() ? null : reason.strip();
            return messages.send(visit, "VISIT_REJECTED",
                    "很抱歉，您于 " + window(visit) + " 的来访申请未获批准。",
                    "Sorry, your visit " + window(visit) + " was not approved.")
                    .chain(() -> closed(visit, now, "REJECTED")).replaceWith(visit);
        }));
    }

    private Uni<Visit> decidable(Person caller, boolean admin, UUID id, OffsetDateTime now) {
        return hosted(caller, admin, id).map(visit -> {
            if (visit.status != VisitStatus.REQUESTED) {
                throw ApiException.conflict("The visit is " + visit.status + ", not REQUESTED");
            }
            if (!visit.arriveUntil.isAfter(now)) {
                throw ApiException.conflict("The visit's window is over");
            }
            return visit;
        });
    }

    /** The visit, if the caller is its host or an admin. */
    private Uni<Visit> hosted(Person caller, boolean admin, UUID id) {
        return visits.require(id).map(visit -> {
            if (!admin && !caller.id.equals(visit.hostId)) {
                throw ApiException.forbidden("Only the visit's host or an admin may do this");
            }
            return visit;
        });
    }

    /** Devices get the visit, and other features (passes) hear of it, in the approving transaction. */
    private Uni<Void> approved(Visit visit, OffsetDateTime now) {
        VisitApproved event = new VisitApproved(visit.id, visit.siteId, visit.visitorName, visit.plate,
                visit.arriveFrom, visit.arriveUntil);
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> deviceJobs.schedule(visit, now))
                .chain(() -> {
                    approvedEvents.fire(event);
                    return followUps(event.followUps());
                });
    }

    private Uni<Void> closed(Visit visit, OffsetDateTime now, String reason) {
        VisitClosed event = new VisitClosed(visit.id, visit.status);
        return faces.delete(visit.id, reason, now)
                .chain(() -> deviceJobs.withdraw(visit, now))
                .chain(() -> {
                    closedEvents.fire(event);
                    return followUps(event.followUps());
                });
    }

    private static Uni<Void> followUps(List<Supplier<Uni<?>>> work) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<?>> step : work) {
            chain = chain.chain(() -> step.get()).replaceWithVoid();
        }
        return chain;
    }

    // ------------------------------------------------------------------ cancelling

    public Uni<Visit> cancelByHost(Person caller, boolean admin, UUID id, String reason) {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> hosted(caller, admin, id).chain(visit -> cancel(visit, reason, now)
                .chain(() -> messages.send(visit, "VISIT_CANCELLED",
                        "您于 " + window(visit) + " 的来访已被接待人取消。",
                        "Your visit " + window(visit) + " was cancelled by your host."))
                .replaceWith(visit)));
    }

    public Uni<Visit> cancelByVisitor(String token) {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> byToken(token, now).chain(visit -> cancel(visit, "cancelled by visitor",
                now)
                .chain(() -> visit.hostId == null ? Uni.createFrom().voidItem()
                        : notifier.notify(visit.hostId, new Notice("VISIT_CANCELLED",
                                new LocalizedText("访客取消来访", "Visit cancelled"),
                                new LocalizedText(visit.visitorName + " 取消了 " + window(visit) + " 的来访",
                                        visit.visitorName + " cancelled the visit " + window(visit)),
                                "dayuan://visits/" + visit.id)))
                .replaceWith(visit)));
    }

    private Uni<Void> cancel(Visit visit, String reason, OffsetDateTime now) {
        if (visit.status != VisitStatus.REQUESTED && visit.status != VisitStatus.APPROVED) {
            throw ApiException.conflict("A " + visit.status + " visit cannot be cancelled");
        }
        visit.status = VisitStatus.CANCELLED;
        visit.cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
        return closed(visit, now, "CANCELLED");
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

    public Uni<Visit> visitorView(String token) {
        return Panache.withSession(() -> byToken(token, clock.now()));
    }

    public Uni<Visit> giveConsent(String token, String version) {
        if (version == null || version.isBlank() || version.length() > 50) {
            throw ApiException.validation("consentTextVersion", "consentTextVersion is 1 to 50 characters");
        }
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> byToken(token, now).map(visit -> {
            if (visit.status != VisitStatus.REQUESTED && visit.status != VisitStatus.APPROVED) {
                throw ApiException.conflict("A " + visit.status + " visit takes no consent");
            }
            visit.faceConsentAt = now;
            visit.faceConsentVersion = version.strip();
            return visit;
        }));
    }

    /** Withdrawn consent: the photo is deleted, and devices that had it get the visitor again without it. */
    public Uni<Visit> withdrawConsent(String token) {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> byToken(token, now).chain(visit -> {
            visit.faceConsentAt = null;
            visit.faceConsentVersion = null;
            return faces.delete(visit.id, "WITHDRAWN", now).chain(() -> deviceJobs.repushFaces(visit, now))
                    .replaceWith(visit);
        }));
    }

    /** The face photo of PUT /visits/{id}/face: checked before anything is written. */
    public Uni<Void> enrolFace(UUID visitId, String token, byte[] image) {
        if (token == null || token.isBlank()) {
            throw new ApiException(io.dayuan.platform.ErrorCode.UNAUTHENTICATED, "X-Visitor-Token is required",
                    null);
        }
        String contentType = Faces.check(image);
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> byToken(token, now).chain(visit -> {
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
        }));
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

    // ------------------------------------------------------------------ at the gate

    /** A guard lets a visitor in by hand. */
    public Uni<Visit> checkInByGuard(Person guard, UUID id, UUID gateId) {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> visits.require(id)
                .chain(visit -> gateOf(visit, gateId).chain(gate -> enter(visit, gate.id, PassageSource.GUARD,
                        guard.id, now, true))));
    }

    public Uni<Visit> checkOutByGuard(Person guard, UUID id, UUID gateId) {
        OffsetDateTime now = clock.now();
        return Panache.withTransaction(() -> visits.require(id)
                .chain(visit -> gateOf(visit, gateId).chain(gate -> leave(visit, gate.id, PassageSource.GUARD,
                        guard.id, now, true))));
    }

    private Uni<Gate> gateOf(Visit visit, UUID gateId) {
        return gates.findById(gateId).map(gate -> {
            if (gate == null) {
                throw ApiException.notFound("Gate", gateId);
            }
            if (!gate.siteId.equals(visit.siteId)) {
                throw ApiException.validation("gateId", "the gate is not at the visit's site");
            }
            return gate;
        });
    }

    /**
     * The visitor comes in: the first entry checks the visit in and tells the host; a re-entry after leaving is
     * a passage again. Inside the caller's transaction. {@code strict} refuses (CONFLICT) what a device event
     * merely records as denied.
     */
    public Uni<Visit> enter(Visit visit, UUID gateId, PassageSource source, UUID recordedBy, OffsetDateTime at,
            boolean strict) {
        boolean admissible = (visit.status == VisitStatus.APPROVED || visit.status == VisitStatus.CHECKED_OUT)
                && !at.isBefore(visit.arriveFrom.minus(pushLead)) && at.isBefore(visit.arriveUntil);
        if (!admissible) {
            if (strict) {
                throw ApiException.conflict("A " + visit.status + " visit cannot enter now");
            }
            return gateEvents.publish(new GateEvent(GateEventKind.DENIED, visit.siteId.toString(),
                    gateId.toString(), Direction.IN, visit.visitorName, visit.plate,
                    "Visit " + visit.status + " is not admissible now", at)).replaceWith(visit);
        }
        boolean first = visit.checkedInAt == null;
        visit.status = VisitStatus.CHECKED_IN;
        if (first) {
            visit.checkedInAt = at;
        }
        return passages.record(passage(visit, gateId, Direction.IN, source, recordedBy, at))
                .chain(() -> first ? notifier.notify(visit.hostId, new Notice("VISITOR_ARRIVED",
                        new LocalizedText("访客已到达", "Your visitor has arrived"),
                        new LocalizedText(visit.visitorName + " 已进入大院", visit.visitorName + " has come in"),
                        "dayuan://visits/" + visit.id)) : Uni.createFrom().voidItem())
                .replaceWith(visit);
    }

    /** The visitor goes out: the visit is checked out (they may come in again within the window). */
    public Uni<Visit> leave(Visit visit, UUID gateId, PassageSource source, UUID recordedBy, OffsetDateTime at,
            boolean strict) {
        if (visit.status != VisitStatus.CHECKED_IN) {
            if (strict) {
                throw ApiException.conflict("A " + visit.status + " visit is not inside");
            }
            return Uni.createFrom().item(visit);
        }
        visit.status = VisitStatus.CHECKED_OUT;
        visit.checkedOutAt = at;
        return passages.record(passage(visit, gateId, Direction.OUT, source, recordedBy, at)).replaceWith(visit);
    }

    private static Passage passage(Visit visit, UUID gateId, Direction direction, PassageSource source,
            UUID recordedBy, OffsetDateTime at) {
        return new Passage(visit.siteId, gateId, direction, source, SubjectKind.VISITOR, "visit:" + visit.id,
                visit.visitorName, visit.plate, null, visit.id, null, recordedBy, at);
    }

    // ------------------------------------------------------------------ expiry

    /** Visits not used by the end of their window expire. One statement: safe with several replicas. */
    public Uni<Integer> expire(OffsetDateTime now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                "UPDATE visit SET status = 'EXPIRED' WHERE status IN ('REQUESTED', 'APPROVED') AND arrive_until <= :now")
                .setParameter("now", now).executeUpdate()));
    }

    static String window(Visit visit) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        return visit.arriveFrom.atZoneSameInstant(zone).toLocalDateTime().toString().replace('T', ' ') + " – "
                + visit.arriveUntil.atZoneSameInstant(zone).toLocalDateTime().toString().replace('T', ' ');
    }
}
