package io.dayuan.visitorpages;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;

/** What a visitor page reads besides its path: the language asked for and the browser's form-key cookie. */
public class PageRequest {

    @QueryParam("lang")
    public String lang;

    @HeaderParam("Accept-Language")
    public String accept;

    @CookieParam(FormKeys.COOKIE)
    public String cookie;

    PageLanguage language() {
        return PageLanguage.of(lang, accept);
    }

    /** The browser's form key, or a new one when it has none. */
    String key() {
        return FormKeys.keyOf(cookie);
    }
}
