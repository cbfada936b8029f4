package io.dayuan.passes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import io.dayuan.passes.code.PassCodes;
import io.dayuan.passes.repository.PassRepository;
import io.dayuan.passes.service.QrCodes;
import io.dayuan.passes.service.QrCodes.Label;
import io.dayuan.people.Caller;
import io.dayuan.people.Person;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Roles;
import io.dayuan.sites.Site;
import io.dayuan.sites.service.CallerSites;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Printable passes: {@code GET /passes/{id}/qr.png}, {@code /passes/{id}/qr.svg} (admins, and the holder of the
 * pass), and {@code GET /passes/sheet.svg?ids=a,b,...} (admins), a sheet of labelled codes to print for a
 * checkpoint. Images are drawn on a worker thread, off the event loop. Bearer token as for GraphQL; errors are JSON shaped as GraphQL errors, with the HTTP status.
 */
@Path("/passes")
public class PassResource {

    @Inject
    Clock clock;

    static final int MAX_SHEET = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Caller caller;

    @Inject
    PassRepository repository;

    @Inject
    PassCodes codes;

    @Inject
    QrCodes qr;

    @Inject
    CallerSites callerSites;

    @GET
    @Path("{id}/qr.png")
    public Uni<Response> png(@PathParam("id") String id) {
        return codeOfAuthorised(id).emitOn(Infrastructure.getDefaultWorkerPool()).map(code -> Response.ok(qr.png(code, 8), "image/png")
                .header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("{id}/qr.svg")
    public Uni<Response> svg(@PathParam("id") String id) {
        return codeOfAuthorised(id).emitOn(Infrastructure.getDefaultWorkerPool()).map(code -> Response.ok(qr.svg(code), "image/svg+xml")
                .header("Cache-Control", "no-store").build());
    }

    @GET
    @Path("sheet.svg")
    public Uni<Response> sheet(@QueryParam("ids") String ids) {
        Set<UUID> wanted = new LinkedHashSet<>();
        if (ids == null || ids.isBlank()) {
            throw ApiException.validation("ids", "ids lists the passes to print, separated by commas");
        }
        for (String id : ids.split(",")) {
            wanted.add(Ids.parse("ids", id.strip()));
        }
        if (wanted.size() > MAX_SHEET) {
            throw ApiException.validation("ids", "a sheet has at most " + MAX_SHEET + " passes");
        }
        return signedIn().chain(() -> caller.hasRole(Roles.ADMIN)).chain(admin -> {
            if (!admin) {
                throw ApiException.forbidden("Only admins print sheets of passes");
            }
            return caller.person();
        }).chain(person -> repository.findByIds(wanted).call(passes -> callerSites.scope()
                .invoke(scope -> passes.forEach(pass -> scope.requireVisible(pass.siteIds, "Pass", pass.id))))
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(passes -> {
            if (passes.size() != wanted.size()) {
                UUID missing = wanted.stream().filter(id -> passes.stream().noneMatch(pass -> pass.id.equals(id)))
                        .findFirst().orElseThrow();
                throw ApiException.notFound("Pass", missing);
            }
            boolean english = person.locale != null && person.locale.startsWith("en");
            Instant now = clock.instant();
            List<Label> labels = new ArrayList<>();
            for (Pass pass : passes) {
                String code = codes.codeFor(pass, now);
                if (code == null) {
                    throw ApiException.conflict("Pass " + pass.id + " is revoked");
                }
                labels.add(new Label(code, label(pass, english)));
            }
            return Response.ok(qr.sheet(english ? "Passes" : "通行证", labels), "image/svg+xml")
                    .header("Cache-Control", "no-store").build();
        }));
    }

    private static List<String> label(Pass pass, boolean english) {
        ZoneId zone = ZoneId.of(Site.DEFAULT_TIME_ZONE);
        List<String> lines = new ArrayList<>();
        String kind = pass.kind == PassKind.VEHICLE ? (english ? "Vehicle pass" : "车辆通行证")
                : (english ? "Personnel pass" : "人员通行证");
        lines.add(kind + " · " + pass.holderName);
        if (pass.plate != null) {
            lines.add((english ? "Plate " : "车牌 ") + pass.plate);
        }
        lines.add(WHEN.format(pass.validFrom.atZoneSameInstant(zone)) + " – "
                + WHEN.format(pass.validUntil.atZoneSameInstant(zone)));
        return lines;
    }

    /**
     * The pass for an admin who acts at every site it admits to, or its holder: NOT_FOUND, as for a pass that does
     * not exist, for an admin of other sites.
     */
    private Uni<Pass> visible(Pass pass) {
        return caller.person().chain(person -> person.id.equals(pass.personId) ? Uni.createFrom().item(pass)
                : callerSites.requireVisibleAtAll(pass, pass.siteIds, "Pass", pass.id));
    }

    /** The code of the pass, for an admin (of its sites) or the pass's holder. */
    private Uni<String> codeOfAuthorised(String idText) {
        UUID id = Ids.parse("id", idText);
        return signedIn().chain(() -> repository.require(id)).chain(pass -> {
            return caller.hasRole(Roles.ADMIN).chain(admin -> admin ? visible(pass)
                    : caller.person().map(person -> holderOnly(pass, person)));
        }).map(pass -> {
            String code = codes.codeFor(pass, clock.instant());
            if (code == null) {
                throw ApiException.conflict("Pass " + id + " is revoked");
            }
            return code;
        });
    }

    private static Pass holderOnly(Pass pass, Person person) {
        if (!person.id.equals(pass.personId)) {
            throw ApiException.forbidden("Only admins and the holder may see a pass");
        }
        return pass;
    }

    private Uni<Void> signedIn() {
        return caller.identity().map(identity -> {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            return null;
        });
    }
}
