package io.dayuan.visitorpages;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.dayuan.passes.service.QrCodes;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.ClientAddress;
import io.dayuan.platform.ErrorCode;
import io.dayuan.platform.Ids;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.dayuan.visitorpages.FormKeys.FormRefused;
import io.dayuan.visitorpages.service.VisitGone;
import io.dayuan.visitorpages.service.VisitorPageService;
import io.dayuan.visitorpages.service.WalkUpRequests;
import io.dayuan.visits.VisitsConfig;
import io.dayuan.visits.service.VisitService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;

/**
 * The visitor's own pages, opened from the link in their text message ({@code /v/<token>}) or from the QR code
 * at the gate ({@code /v/request/<siteId>}). Server-rendered HTML; every write goes through the visits service.
 * The token is never logged: failures are answered here as pages, without the path.
 */
@Path("/v")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class VisitorPages {

    private static final Logger LOG = Logger.getLogger(VisitorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance visit(VisitPage page, String token, String lang, String formKey,
                String window, String zone, long retentionHours, boolean photoError);

        static native TemplateInstance cancel(VisitPage page, String token, String lang, String formKey);

        static native TemplateInstance cancelled(String lang);

        static native TemplateInstance gone(String reason);

        static native TemplateInstance notFound(boolean site);

        static native TemplateInstance problem(String kind, String reference);

        static native TemplateInstance request(Site site, String lang, String formKey, WalkUpForm form,
                List<ShownError> errors, Map<String, String> errorOf, boolean rateLimited);

        static native TemplateInstance requested(String phone);
    }

    /** A field error as the form shows it. */
    public record ShownError(String field, String text) {
    }

    @Inject
    VisitorPageService pages;

    @Inject
    VisitService visits;

    @Inject
    WalkUpRequests walkUps;

    @Inject
    SiteRepository sites;

    @Inject
    QrCodes qr;

    @Inject
    HttpServerRequest http;

    @Inject
    ClientAddress clientAddress;

    @Inject
    VisitsConfig visitsConfig;

    // ------------------------------------------------------------------ the visit

    @GET
    @Path("{token}")
    public Uni<Response> visit(@PathParam("token") String token, @BeanParam PageRequest request) {
        PageLanguage language = request.language();
        String key = request.key();
        return pages.page(token).map(page -> html(200, visitPage(page, token, language, key, false), language, key));
    }

    private TemplateInstance visitPage(VisitPage page, String token, PageLanguage language, String key,
            boolean photoError) {
        var zone = page.site().zone();
        return Templates.visit(page, token, language.code(), key,
                language.window(page.visit().arriveFrom, page.visit().arriveUntil, zone), language.zoneName(zone),
                visitsConfig.faceRetention().toHours(), photoError);
    }

    @GET
    @Path("{token}/pass.png")
    @Produces("image/png")
    public Uni<Response> pass(@PathParam("token") String token) {
        return pages.passCode(token).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(code -> Response.ok(qr.png(code, 10), "image/png").build());
    }

    @POST
    @Path("{token}/consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> consent(@PathParam("token") String token, @BeanParam PagePost post, @RestForm String agree,
            @RestForm String consentTextVersion) {
        PageLanguage language = post.checked();
        String shown = text(language).faceConsentVersion();
        if (!"yes".equals(agree) || !shown.equals(consentTextVersion)) {
            // not ticked, or the text changed since the page was shown: show the current text again
            return Uni.createFrom().item(back(token, language));
        }
        return visits.giveConsent(token, shown).map(visit -> back(token, language));
    }

    @POST
    @Path("{token}/face")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<Response> face(@PathParam("token") String token, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept, @HeaderParam("Sec-Fetch-Site") String site,
            @CookieParam(FormKeys.COOKIE) String cookie, @RestForm(FormKeys.FIELD) String formKey,
            @RestForm("photo") FileUpload photo) throws IOException {
        FormKeys.check(site, cookie, formKey);
        PageLanguage language = PageLanguage.of(lang, accept);
        byte[] image = photo == null ? new byte[0] : Files.readAllBytes(photo.uploadedFile());
        return pages.page(token).chain(page -> visits.enrolFace(page.visit().id, token, image)
                .map(done -> back(token, language))
                .onFailure(failure -> failure instanceof ApiException api && api.code() == ErrorCode.VALIDATION)
                .recoverWithItem(() -> html(400, visitPage(page, token, language, cookie, true), language, cookie)));
    }

    @POST
    @Path("{token}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> withdraw(@PathParam("token") String token, @BeanParam PagePost post) {
        PageLanguage language = post.checked();
        return visits.withdrawConsent(token).map(visit -> back(token, language));
    }

    @GET
    @Path("{token}/cancel")
    public Uni<Response> confirmCancel(@PathParam("token") String token, @BeanParam PageRequest request) {
        PageLanguage language = request.language();
        String key = request.key();
        return pages.page(token)
                .map(page -> html(200, Templates.cancel(page, token, language.code(), key), language, key));
    }

    @POST
    @Path("{token}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@PathParam("token") String token, @BeanParam PagePost post) {
        PageLanguage language = post.checked();
        return visits.cancelByVisitor(token)
                .map(visit -> html(200, Templates.cancelled(language.code()), language, null));
    }

    private static Response back(String token, PageLanguage language) {
        return Response.seeOther(URI.create("/v/" + token + "?lang=" + language.code())).build();
    }

    // ------------------------------------------------------------------ the walk-up request

    @GET
    @Path("request/{siteId}")
    public Uni<Response> requestForm(@PathParam("siteId") String siteId, @BeanParam PageRequest request) {
        PageLanguage language = request.language();
        String key = request.key();
        return site(siteId).map(site -> html(200,
                Templates.request(site, language.code(), key, new WalkUpForm(), List.of(), Map.of(), false), language, key));
    }

    @POST
    @Path("request/{siteId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> request(@PathParam("siteId") String siteId, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept, @HeaderParam("Sec-Fetch-Site") String fetchSite,
            @CookieParam(FormKeys.COOKIE) String cookie, @BeanParam WalkUpForm form) {
        FormKeys.check(fetchSite, cookie, form.formKey);
        PageLanguage language = PageLanguage.of(lang, accept);
        VisitorText text = text(language);
        return site(siteId).chain(site -> walkUps.submit(site, form, clientAddress.of(http)).map(outcome -> {
            if (outcome.sent()) {
                return html(200, Templates.requested(form.visitorPhone.strip()), language, cookie);
            }
            List<ShownError> errors = outcome.errors().stream()
                    .map(error -> new ShownError(error.field(), error.text(text))).toList();
            return html(outcome.rateLimited() ? 429 : 400,
                    Templates.request(site, language.code(), cookie, form, errors,
                            errors.stream().collect(Collectors.toMap(ShownError::field, ShownError::text)),
                            outcome.rateLimited()), language,
                    cookie);
        }));
    }

    private Uni<Site> site(String siteId) {
        UUID id;
        try {
            id = Ids.parse("siteId", siteId);
        } catch (ApiException malformed) {
            return Uni.createFrom().failure(new SiteMissing());
        }
        return sites.findById(id).map(site -> {
            if (site == null) {
                throw new SiteMissing();
            }
            return site;
        });
    }

    /** The walk-up form of a site that does not exist. */
    static class SiteMissing extends RuntimeException {
        SiteMissing() {
            super("no such site", null, false, false);
        }
    }

    // ------------------------------------------------------------------ answers

    private static VisitorText text(PageLanguage language) {
        return MessageBundles.get(VisitorText.class, Localized.Literal.of(language.code()));
    }

    private Response html(int status, TemplateInstance page, PageLanguage language, String formKey) {
        var response = Response.status(status).type("text/html;charset=UTF-8")
                .entity(page.setLocale(language.locale()).render());
        if (formKey != null) {
            response.cookie(FormKeys.cookie(formKey, "https".equals(http.scheme())));
        }
        return response.build();
    }

    private PageLanguage language(ContainerRequestContext request) {
        return PageLanguage.of(request.getUriInfo().getQueryParameters().getFirst("lang"),
                request.getHeaderString("Accept-Language"));
    }

    @ServerExceptionMapper
    Response gone(VisitGone gone, ContainerRequestContext request) {
        String reason = switch (gone.status()) {
            case CANCELLED -> "cancelled";
            case REJECTED -> "rejected";
            default -> "expired";
        };
        return html(410, Templates.gone(reason), language(request), null);
    }

    @ServerExceptionMapper
    Response siteMissing(SiteMissing missing, ContainerRequestContext request) {
        return html(404, Templates.notFound(true), language(request), null);
    }

    @ServerExceptionMapper
    Response refused(FormRefused refused, ContainerRequestContext request) {
        return html(403, Templates.problem("formExpired", null), language(request), null);
    }

    @ServerExceptionMapper
    Response failed(ApiException failure, ContainerRequestContext request) {
        return switch (failure.code()) {
            case NOT_FOUND -> html(404, Templates.notFound(false), language(request), null);
            case CONFLICT, FORBIDDEN, VALIDATION, UNAUTHENTICATED ->
                    html(409, Templates.problem("conflict", null), language(request), null);
            default -> unexpected(failure, request);
        };
    }

    /** Logged with a reference, never with the request's path: it carries the visitor's token. */
    @ServerExceptionMapper
    Response unexpected(Exception failure, ContainerRequestContext request) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "Visitor page failed, reference %s", reference);
        return html(500, Templates.problem("error", reference), language(request), null);
    }
}
