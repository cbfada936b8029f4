package io.dayuan.visitorpages;

import jakarta.ws.rs.core.NewCookie;

import io.dayuan.visits.service.Secrets;

/**
 * Cross-site posting is refused twice over. A browser that says where a post comes from ({@code Sec-Fetch-Site})
 * must say {@code same-origin} (or {@code none}, typed by the user); and every form carries the random key of a
 * {@code SameSite=Strict} cookie that another site can neither read nor make the browser send. {@code Origin}
 * is no help: with {@code Referrer-Policy: no-referrer}, Chromium sends {@code Origin: null} on the site's own posts.
 */
public final class FormKeys {

    public static final String COOKIE = "dayuan_form";
    public static final String FIELD = "_form";

    private FormKeys() {
    }

    /** The browser's key, or a new one when it has none (or not one of ours). */
    public static String keyOf(String cookie) {
        return cookie != null && cookie.length() == 43 && cookie.matches("[A-Za-z0-9_-]+") ? cookie : Secrets.newToken();
    }

    public static NewCookie cookie(String key, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(key).path("/v/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Throws {@link FormRefused} unless the post comes from the site's own page. */
    public static void check(String secFetchSite, String cookie, String field) {
        if (secFetchSite != null && !secFetchSite.equals("same-origin") && !secFetchSite.equals("none")) {
            throw new FormRefused();
        }
        if (!Secrets.same(cookie, field)) {
            throw new FormRefused();
        }
    }

    /** A post that did not come from the site's own page (HTTP 403). */
    public static class FormRefused extends RuntimeException {

        FormRefused() {
            super("cross-site or stale form", null, false, false);
        }
    }
}
