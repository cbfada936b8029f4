package io.dayuan.visitorpages;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestForm;

/** A form posted from a visitor page: the language of the answer and what proves the post comes from the page. */
public class PagePost {

    @QueryParam("lang")
    public String lang;

    @HeaderParam("Accept-Language")
    public String accept;

    @HeaderParam("Sec-Fetch-Site")
    public String site;

    @CookieParam(FormKeys.COOKIE)
    public String cookie;

    @RestForm(FormKeys.FIELD)
    public String formKey;

    /** {@link FormKeys.FormRefused} (HTTP 403) unless the post comes from the page; the answer's language. */
    PageLanguage checked() {
        FormKeys.check(site, cookie, formKey);
        return PageLanguage.of(lang, accept);
    }
}
