package io.dayuan.sites.service;

import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;

import io.dayuan.platform.ApiException;
import io.dayuan.sites.Site;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SiteService {

    public record NewSite(@NotBlank @Size(max = 100) String name, String timeZone,
            @Description("Shown to visitors on their page") @Size(max = 200) String address,
            @Description("How visitors find the gate, shown with their pass") @Size(max = 1000) String visitorDirections) {
    }

    @Inject
    SiteRepository repository;

    @WithTransaction
    public Uni<Site> create(NewSite input) {
        Site site = new Site();
        site.name = input.name().strip();
        site.timeZone = input.timeZone() == null ? Site.DEFAULT_TIME_ZONE : ianaZone(input.timeZone());
        site.address = blankToNull(input.address());
        site.visitorDirections = blankToNull(input.visitorDirections());
        return repository.findByName(site.name).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("A site named " + site.name + " exists already");
            }
            return repository.persist(site);
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Only region names such as Asia/Shanghai: a fixed offset would ignore the rules of the place. */
    private static String ianaZone(String name) {
        if (!name.contains("/") || !ZoneId.getAvailableZoneIds().contains(name)) {
            throw ApiException.validation("timeZone", "timeZone must be an IANA time zone such as Asia/Shanghai");
        }
        return name;
    }
}
