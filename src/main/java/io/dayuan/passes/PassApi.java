package io.dayuan.passes;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

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
import io.dayuan.passes.code.CodeMoment;
import io.dayuan.passes.code.PassCodes;
import io.dayuan.passes.code.PassCodes.CodeWindow;
import io.dayuan.passes.repository.PassRepository;
import io.dayuan.passes.service.PassService.NewPass;
import io.dayuan.passes.service.PassService;
import io.dayuan.passes.service.ScanService.OfflineScan;
import io.dayuan.passes.service.ScanService.ScanPass;
import io.dayuan.passes.service.ScanService;
import io.dayuan.people.Person;
import io.dayuan.people.repository.PersonRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.platform.graphql.SessionPerField;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.MembershipRepository;
import io.dayuan.sites.repository.MembershipRepository.Membership;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.sites.service.CallerSites;
import io.dayuan.visits.Visit;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@SessionPerField
public class PassApi {

    private static final String PASS_NOT_FOUND = "A pass of a site the caller does not act at (of every site it "
            + "admits to) is NOT_FOUND. ";

    @Inject
    PassService service;

    @Inject
    ScanService scanService;

    @Inject
    PassRepository repository;

    @Inject
    SiteRepository sites;

    @Inject
    GateRepository gates;

    @Inject
    PassCodes codes;

    @Inject
    CodeMoment moment;

    @Inject
    PersonRepository people;

    @Inject
    CallerSites callerSites;

    @Inject
    MembershipRepository memberships;

    /** FORBIDDEN unless the caller acts at every site the new passes name. */
    private Uni<Void> requireSites(List<NewPass> inputs) {
        return callerSites.requireSites(wellFormed(inputs.stream()
                .flatMap(input -> input.siteIds() == null ? Stream.empty() : input.siteIds().stream())));
    }

    /** The ids that are UUIDs; the service names the field of any other in its own VALIDATION. */
    private static List<UUID> wellFormed(Stream<String> ids) {
        return ids.map(PassApi::uuidOrNull).filter(Objects::nonNull).distinct().toList();
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** NOT_FOUND, as for a pass that does not exist, unless the caller acts at every site of the pass. */
    private Uni<Pass> visiblePass(String passId) {
        UUID id = Ids.parse("id", passId);
        return repository.require(id).chain(pass -> callerSites.requireVisibleAtAll(pass, pass.siteIds, "Pass", id));
    }

    /** NOT_FOUND, as for a gate that does not exist, unless the caller acts at the gate's site. */
    private Uni<Gate> visibleGate(UUID gateId) {
        return gates.require(gateId).chain(gate -> callerSites.requireVisible(gate, found -> found.siteId, "Gate", gateId));
    }

    /** NOT_FOUND for the first gate of another site; unknown gates are the service's to answer per scan. */
    private static void requireAll(List<Gate> found, List<Gate> visible) {
        found.stream().filter(gate -> gate != null && !visible.contains(gate)).findFirst().ifPresent(gate -> {
            throw ApiException.notFound("Gate", gate.id);
        });
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Issues a pass for a person or a vehicle, for sites and a window; its code is static (printed). "
            + "FORBIDDEN unless the caller acts at every site named. Role: admin.")
    public Uni<@NonNull Pass> issuePass(@Name("input") @NonNull @Valid NewPass input) {
        return requireSites(List.of(input)).chain(() -> service.issue(input));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Issues a batch of passes (a checkpoint's), all or none; errors name inputs.<index>.<field>. "
            + "Print them with GET /passes/sheet.svg?ids=... FORBIDDEN unless the caller acts at every site named. "
            + "Role: admin.")
    public Uni<@NonNull List<@NonNull Pass>> issuePasses(
            @Name("inputs") @NonNull @NotNull @Size(min = 1, max = PassService.MAX_BATCH) List<@NonNull @Valid NewPass> inputs) {
        return requireSites(inputs).chain(() -> service.issueBatch(inputs));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Re-issues a pass (lost or copied): a new code; the old code scans REVOKED. " + PASS_NOT_FOUND
            + "Role: admin.")
    public Uni<@NonNull Pass> reissuePass(@Name("id") @NonNull @Id String id) {
        return visiblePass(id).chain(() -> service.reissue(id));
    }

    @Mutation
    @RolesAllowed(Roles.ADMIN)
    @Description("Revokes a pass, at once for online scans (offline phones learn it from passVerificationKit); "
            + "revoking a revoked pass changes nothing. " + PASS_NOT_FOUND + "Role: admin.")
    public Uni<@NonNull Pass> revokePass(@Name("id") @NonNull @Id String id, @Name("reason") String reason) {
        return visiblePass(id).chain(() -> service.revoke(id, reason));
    }

    @Query
    @RolesAllowed(Roles.STAFF)
    @Description("The caller's own pass for the site, made on first request. Its code is short-lived "
            + "(2 minutes by default): the app asks again to refresh it. Its sites name the one site it admits to; "
            + "FORBIDDEN for a site the caller does not act at. Role: staff.")
    public Uni<@NonNull Pass> myPass(@Name("siteId") @NonNull @Id String siteId) {
        return callerSites.requireSite(Ids.parse("siteId", siteId)).chain(() -> service.myPass(siteId));
    }

    @Mutation
    @RolesAllowed(Roles.GUARD)
    @Description("Checks a scanned code at a gate and records the scan: ALLOW feeds the site's presence, DENY the "
            + "gate feed. A gate of a site the guard does not act at is NOT_FOUND. Role: guard.")
    public Uni<@NonNull ScanResult> scanPass(@Name("input") @NonNull @Valid ScanPass input) {
        return visibleGate(Ids.parse("gateId", input.gateId())).chain(() -> scanService.scan(input));
    }

    @Query
    @RolesAllowed({ Roles.GUARD, Roles.ADMIN })
    @Description("What a phone needs to verify codes offline at the site: keys, gates, and the revoked passes "
            + "(all, or the changes since sinceVersion). FORBIDDEN for a site the caller does not act at. "
            + "Roles: guard, admin.")
    public Uni<@NonNull VerificationKit> passVerificationKit(@Name("siteId") @NonNull @Id String siteId,
            @Name("sinceVersion") Integer sinceVersion) {
        return callerSites.requireSite(Ids.parse("siteId", siteId)).chain(() -> scanService.kit(siteId, sinceVersion));
    }

    @Mutation
    @RolesAllowed(Roles.GUARD)
    @Description("Uploads scans made offline. Idempotent by scan id; an admit-once pass admitted twice is flagged "
            + "to guards and admins. A gate of a site the guard does not act at is NOT_FOUND and nothing is recorded. "
            + "Role: guard.")
    public Uni<@NonNull OfflineUpload> uploadOfflineScans(
            @Name("scans") @NonNull @NotNull @Size(min = 1, max = ScanService.MAX_UPLOAD) List<@NonNull @Valid OfflineScan> scans) {
        List<UUID> gateIds = wellFormed(scans.stream().map(OfflineScan::gateId));
        return gates.inOrderOf(gateIds).chain(found -> callerSites.filter(found.stream().filter(Objects::nonNull)
                .toList(), gate -> gate.siteId).invoke(visible -> requireAll(found, visible)))
                .chain(() -> scanService.upload(scans));
    }

    @Query
    @RolesAllowed(Roles.ADMIN)
    @Description("The scans at a site, newest first, a page at a time. FORBIDDEN for a site the caller does not "
            + "act at. Role: admin.")
    public Uni<@NonNull ScanPage> scans(@Name("siteId") @NonNull @Id String siteId,
            @Name("first") @DefaultValue("50") int first, @Name("after") String after) {
        return callerSites.requireSite(Ids.parse("siteId", siteId))
                .chain(() -> scanService.page(siteId, first, after));
    }

    @Description("The exact text to put in the QR code; null for a revoked pass. A personal pass's code is valid "
            + "for a short time from now (codeValidFrom to codeValidUntil); other passes' codes are static.")
    public Uni<List<String>> code(@Source List<Pass> passes) {
        Instant now = moment.now();
        return Uni.createFrom().item(passes.stream().map(pass -> codes.codeFor(pass, now)).toList());
    }

    @Description("When the code in `code` starts to be valid, in whole seconds (the window the code itself "
            + "carries); null for a revoked pass. For a personal pass: when the code was made.")
    public Uni<List<OffsetDateTime>> codeValidFrom(@Source List<Pass> passes) {
        return Uni.createFrom().item(codeWindows(passes, CodeWindow::from));
    }

    @Description("When the code in `code` stops being valid, in whole seconds; null for a revoked pass. For a "
            + "personal pass 2 minutes (by default) after codeValidFrom, or the pass's end: the app fetches a new code by then.")
    public Uni<List<OffsetDateTime>> codeValidUntil(@Source List<Pass> passes) {
        return Uni.createFrom().item(codeWindows(passes, CodeWindow::until));
    }

    private List<OffsetDateTime> codeWindows(List<Pass> passes, Function<CodeWindow, Instant> end) {
        Instant now = moment.now();
        return passes.stream().map(pass -> codes.codeWindow(pass, now))
                .map(window -> window == null ? null : end.apply(window).atOffset(ZoneOffset.UTC)).toList();
    }

    @Description("The sites the pass admits to")
    public Uni<List<@NonNull List<@NonNull Site>>> sites(@Source List<Pass> passes) {
        List<UUID> all = passes.stream().flatMap(pass -> pass.siteIds.stream()).distinct().toList();
        return sites.inOrderOf(all).map(found -> passes.stream()
                .map(pass -> pass.siteIds.stream().map(id -> found.get(all.indexOf(id))).toList()).toList());
    }

    @Description("The sites the holder of a personal pass belongs to (where their roles count), by name; null for "
            + "other passes. A personal pass admits to the one site of `sites`.")
    public Uni<List<List<@NonNull Site>>> holderSites(@Source List<Pass> passes) {
        List<UUID> holders = passes.stream().filter(Pass::isPersonal).map(pass -> pass.personId).distinct().toList();
        return memberships.ofPeople(holders).chain(all -> sites.inOrderOf(all.stream().map(Membership::siteId)
                .distinct().toList()).map(found -> holderSites(passes, all, found)));
    }

    private static List<List<Site>> holderSites(List<Pass> passes, List<Membership> all, List<Site> found) {
        Map<UUID, Site> byId = found.stream().collect(Collectors.toMap(site -> site.id, site -> site));
        return passes.stream().map(pass -> pass.isPersonal() ? all.stream()
                .filter(membership -> membership.personId().equals(pass.personId))
                .map(membership -> byId.get(membership.siteId())).sorted(Comparator.comparing(site -> site.name))
                .toList() : null).toList();
    }

    @Description("The visit's pass: admits the visitor once during the arrival window, and out again")
    @Name("pass")
    public Uni<List<Pass>> visitPass(@Source List<Visit> visits) {
        return repository.forVisits(visits.stream().map(visit -> visit.id).toList());
    }

    @Description("The pass scanned, when the code was a valid pass code")
    public Uni<List<Pass>> pass(@Source List<PassScan> scans) {
        return repository.inOrderOf(scans.stream().map(scan -> scan.passId).toList());
    }

    @Description("The guard who scanned (or uploaded the offline scan)")
    public Uni<List<Person>> guard(@Source List<PassScan> scans) {
        return people.inOrderOf(scans.stream().map(scan -> scan.guardId).toList());
    }

    @NonNull
    @Description("The gate of the scan")
    public Uni<List<@NonNull Gate>> gate(@Source List<PassScan> scans) {
        return gates.inOrderOf(scans.stream().map(scan -> scan.gateId).toList());
    }
}
