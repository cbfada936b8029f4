package io.dayuan.visits;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.dayuan.gates.Gate;
import io.dayuan.gates.repository.GateRepository;
import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ClientAddress;
import io.dayuan.platform.Cursor;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Page;
import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.CallerSites;
import io.dayuan.visits.repository.AccessDeviceRepository;
import io.dayuan.visits.repository.BlocklistRepository;
import io.dayuan.visits.repository.VisitFaceRepository;
import io.dayuan.visits.repository.VisitRepository;
import io.dayuan.visits.service.BlocklistService.NewBlock;
import io.dayuan.visits.service.BlocklistService;
import io.dayuan.visits.service.DeviceJobs;
import io.dayuan.visits.service.DeviceService.NewDevice;
import io.dayuan.visits.service.DeviceService;
import io.dayuan.visits.service.VisitService.Invitation;
import io.dayuan.visits.service.VisitService.VisitRequest;
import io.dayuan.visits.service.VisitDecisions;
import io.dayuan.visits.service.VisitGate;
import io.dayuan.visits.service.VisitService;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class VisitApi {

    @Inject
    VisitService service;

    @Inject
    VisitDecisions decisions;

    @Inject
    VisitFaceRepository faces;

    @Inject
    VisitGate visitGate;

    @Inject
    DeviceService deviceService;

    @Inject
    BlocklistService blocklistService;

    @Inject
    DeviceJobs deviceJobs;

    @Inject
    Caller caller;

    @Inject
    PersonRepository people;

    @Inject
    SiteRepository sites;

    @Inject
    GateRepository gates;

    @Inject
    AccessDeviceRepository devices;

    @Inject
    CallerSites callerSites;

    @Inject
    BlocklistRepository blocklist;

    @Inject
    VisitRepository visits;

    @Inject
    CurrentVertxRequest request;

    @Inject
    ClientAddress clientAddress;

    /**
     * The visit when the caller hosts it (their own, wherever it is) or, with {@code ownAnywhere} false or as
     * someone else, acts at its site; NOT_FOUND otherwise, as for a visit that does not exist.
     */
    private Uni<Visit> visibleVisit(UUID id, boolean ownAnywhere) {
        return visits.require(id).chain(visit -> ownAnywhere
                ? callerSites.requireOwnOrVisible(visit, visit.hostId, visit.siteId, "Visit", id)
                : callerSites.requireVisible(visit, found -> found.siteId, "Visit", id));
    }

    /** NOT_FOUND, as for a gate that does not exist, unless the caller acts at the gate's site. */
    private Uni<Gate> visibleGate(String field, String gateId) {
        UUID id = Ids.parse(field, gateId);
        return gates.require(id).chain(gate -> callerSites.requireVisible(gate, found -> found.siteId, "Gate", id));
    }

    // ------------------------------------------------------------------ booking

    @Mutation
    @RolesAllowed(Roles.STAFF)
    @Description("Invites a visitor; the visit is approved at once and the visitor gets a text with their link. "
            + "A blocklisted visitor is refused (FORBIDDEN) and the guards alerted. FORBIDDEN for a site the caller "
            + "does not act at. Role: staff (the host).")
    public Uni<@NonNull Visit> inviteVisitor(@Name("input") @NonNull @Valid Invitation input) {
        return callerSites.requireSite(Ids.parse("siteId", input.siteId()))
                .chain(() -> caller.person()).chain(host -> service.invite(host, input));
    }

    @Mutation
    @PermitAll
    @Description("A visitor asks for a visit, naming the host by phone; the host (or an admin) decides and the "
            + "visitor gets a text with their link. The answer is the same whoever the phone belongs to. "
            + "Rate-limited per client and per phone (RATE_LIMITED). No token needed.")
    public Uni<@NonNull Visit> requestVisit(@Name("input") @NonNull @Valid VisitRequest input) {
        return service.request(input, clientAddress());
    }

    private String clientAddress() {
        var context = request.getCurrent();
        return context == null ? "unknown" : clientAddress.of(context.request());
    }

    @Mutation
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("Approves a requested visit; the visitor is told. The host's own visit wherever it is; another's visit of a site the caller does not act at is NOT_FOUND. "
            + "Role: the visit's host (staff) or admin.")
    public Uni<@NonNull Visit> approveVisit(@Name("id") @NonNull @Id String id) {
        UUID visitId = Ids.parse("id", id);
        return visibleVisit(visitId, true).chain(() -> caller.person()).chain(person -> caller.hasRole(Roles.ADMIN)
                .chain(admin -> decisions.approve(person, admin, visitId)));
    }

    @Mutation
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("Rejects a requested visit; the visitor is told. The host's own visit wherever it is; another's visit of a site the caller does not act at is NOT_FOUND. "
            + "Role: the visit's host (staff) or admin.")
    public Uni<@NonNull Visit> rejectVisit(@Name("id") @NonNull @Id String id, @Name("reason") String reason) {
        UUID visitId = Ids.parse("id", id);
        return visibleVisit(visitId, true).chain(() -> caller.person()).chain(person -> caller.hasRole(Roles.ADMIN)
                .chain(admin -> decisions.reject(person, admin, visitId, reason)));
    }

    @Mutation
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("Cancels a requested or approved visit; the visitor is told, devices forget them, their face "
            + "photo is deleted. The host's own visit wherever it is; another's visit of a site the caller does not act at is NOT_FOUND. "
            + "Role: the visit's host (staff) or admin.")
    public Uni<@NonNull Visit> cancelVisit(@Name("id") @NonNull @Id String id, @Name("reason") String reason) {
        UUID visitId = Ids.parse("id", id);
        return visibleVisit(visitId, true).chain(() -> caller.person()).chain(person -> caller.hasRole(Roles.ADMIN)
                .chain(admin -> service.cancelByHost(person, admin, visitId, reason)));
    }

    @Query
    @RolesAllowed({ Roles.STAFF, Roles.ADMIN })
    @Description("The visits the caller hosts, latest arrival first; pages of `first` (default 100, at most 500) "
            + "going on `after` the cursor of the last visit of the page. Roles: staff, admin.")
    public Uni<@NonNull List<@NonNull Visit>> myVisits(@Name("first") @DefaultValue("100") int first,
            @Name("after") String after) {
        Cursor position = Cursor.decode("after", after);
        int size = Page.Size.LONG.of("first", first);
        return caller.person().chain(host -> service.hostedBy(host, size, position));
    }

    @Query
    @RolesAllowed({ Roles.GUARD, Roles.ADMIN })
    @Description("The visits of a site whose window touches the date (in the site's time zone), with their status "
            + "and device state. FORBIDDEN for a site the caller does not act at. Roles: guard, admin.")
    public Uni<@NonNull List<@NonNull Visit>> expectedVisits(@Name("siteId") @NonNull @Id String siteId,
            @Name("date") @NonNull LocalDate date) {
        UUID site = Ids.parse("siteId", siteId);
        return callerSites.requireSite(site).chain(() -> service.expected(site, date));
    }

    // ------------------------------------------------------------------ the visitor's link (no account)

    @Query
    @PermitAll
    @Description("The visit of a visitor link token, while the visit lasts. No token needed: the link is the key.")
    public Uni<@NonNull Visit> visitorVisit(@Name("token") @NonNull String token) {
        return service.visitorView(token);
    }

    @Mutation
    @PermitAll
    @Description("The visitor cancels their visit with their link token; the host is told. No token needed.")
    public Uni<@NonNull Visit> cancelVisitAsVisitor(@Name("token") @NonNull String token) {
        return service.cancelByVisitor(token);
    }

    @Mutation
    @PermitAll
    @Description("The visitor consents to face recognition for this visit (time and consent text version are "
            + "recorded); needed before PUT /visits/{id}/face. No token needed: the link token is the key.")
    public Uni<@NonNull Visit> giveFaceConsent(@Name("token") @NonNull String token,
            @Name("consentTextVersion") @NonNull String consentTextVersion) {
        return service.giveConsent(token, consentTextVersion);
    }

    @Mutation
    @PermitAll
    @Description("The visitor withdraws consent: the face photo is deleted (with a deletion record) and the "
            + "devices get the visitor without it. No token needed: the link token is the key.")
    public Uni<@NonNull Visit> withdrawFaceConsent(@Name("token") @NonNull String token) {
        return service.withdrawConsent(token);
    }

    // ------------------------------------------------------------------ at the gate

    @Mutation
    @RolesAllowed({ Roles.GUARD, Roles.ADMIN })
    @Description("A guard lets an approved visitor in by hand (the first entry tells the host). A visit or gate of a "
            + "site the caller does not act at is NOT_FOUND. Roles: guard, admin.")
    public Uni<@NonNull Visit> checkInVisit(@Name("id") @NonNull @Id String id,
            @Name("gateId") @NonNull @Id String gateId) {
        UUID visitId = Ids.parse("id", id);
        return visibleVisit(visitId, false).chain(() -> visibleGate("gateId", gateId))
                .chain(gate -> caller.person().chain(guard -> visitGate.checkInByGuard(guard, visitId, gate.id)));
    }

    @Mutation
    @RolesAllowed({ Roles.GUARD, Roles.ADMIN })
    @Description("A guard lets a visitor out by hand. A visit or gate of a site the caller does not act at is "
            + "NOT_FOUND. Roles: guard, admin.")
    public Uni<@NonNull Visit> checkOutVisit(@Name("id") @NonNull @Id String id,
            @Name("gateId") @NonNull @Id String gateId) {
        UUID visitId = Ids.parse("id", id);
        return visibleVisit(visitId, false).chain(() -> visibleGate("gateId", gateId))
                .chain(gate -> caller.person().chain(guard -> visitGate.checkOutByGuard(guard, visitId, gate.id)));
    }

    // ------------------------------------------------------------------ administration

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Registers a face terminal or plate camera at a gate. The answer carries the device's event "
            + "secret, once. A gate of a site the caller does not act at is NOT_FOUND. Role: admin.")
    public Uni<@NonNull AccessDevice> registerAccessDevice(@Name("input") @NonNull @Valid NewDevice input) {
        return visibleGate("gateId", input.gateId()).chain(() -> deviceService.register(input));
    }

    @Query
    @RolesAllowed(Roles.ADMIN)
    @Description("The access devices of a site. FORBIDDEN for a site the caller does not act at. Role: admin.")
    public Uni<@NonNull List<@NonNull AccessDevice>> accessDevices(@Name("siteId") @NonNull @Id String siteId) {
        UUID site = Ids.parse("siteId", siteId);
        return callerSites.requireSite(site).chain(() -> devices.bySite(site));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Blocklists a phone, ID card or plate: matching invitations are refused, requests parked, and "
            + "guards alerted. The blocklist holds for every site, so only a global administrator keeps it (FORBIDDEN "
            + "for an admin of sites). Role: admin.")
    public Uni<@NonNull BlocklistEntry> blockVisitor(@Name("input") @NonNull @Valid NewBlock input) {
        return callerSites.requireEverySite().chain(() -> caller.person())
                .chain(admin -> blocklistService.block(admin.id, input));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Removes a blocklist entry. Only a global administrator (FORBIDDEN for an admin of sites). Role: "
            + "admin.")
    public Uni<@NonNull Boolean> unblockVisitor(@Name("id") @NonNull @Id String id) {
        UUID entry = Ids.parse("id", id);
        return callerSites.requireEverySite().chain(() -> blocklistService.unblock(entry));
    }

    @Query
    @RolesAllowed(Roles.ADMIN)
    @Description("The blocklist, latest first. Only a global administrator (FORBIDDEN for an admin of sites). Role: "
            + "admin.")
    public Uni<@NonNull List<@NonNull BlocklistEntry>> visitBlocklist() {
        return callerSites.requireEverySite().chain(() -> blocklist.all());
    }

    // ------------------------------------------------------------------ batch resolvers

    @Description("Who the visitor visits; null for callers without a token (the visitor's own page)")
    public Uni<List<Person>> host(@Source List<Visit> visits) {
        return caller.identity().chain(identity -> {
            if (identity.isAnonymous()) {
                return Uni.createFrom().item(visits.stream().map(visit -> (Person) null).toList());
            }
            return people.inOrderOf(visits.stream().map(visit -> visit.hostId).toList());
        });
    }

    @NonNull
    @Description("The site visited")
    public Uni<List<@NonNull Site>> site(@Source List<Visit> visits) {
        return sites.inOrderOf(visits.stream().map(visit -> visit.siteId).toList());
    }

    @NonNull
    @Description("How far the site's access devices have got with this visit; FAILED means a guard may have to "
            + "let the visitor in by hand")
    public Uni<List<@NonNull DeviceState>> deviceState(@Source List<Visit> visits) {
        return deviceJobs.states(visits);
    }

    @NonNull
    @Description("Whether a face photo is enrolled (the photo itself is never served)")
    public Uni<List<@NonNull Boolean>> faceEnrolled(@Source List<Visit> visits) {
        List<UUID> ids = visits.stream().map(visit -> visit.id).toList();
        return faces.enrolledAmong(ids).map(found -> {
            Set<UUID> enrolled = Set.copyOf(found);
            return ids.stream().map(enrolled::contains).toList();
        });
    }

    @NonNull
    @Description("The gate the device stands at")
    public Uni<List<@NonNull Gate>> gate(@Source List<AccessDevice> devices) {
        return gates.inOrderOf(devices.stream().map(device -> device.gateId).toList());
    }
}
