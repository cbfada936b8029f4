package io.dayuan.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;

/**
 * Signs a person in as the mobile app does: OAuth 2.0 authorization code flow with PKCE (S256) on the public client
 * {@code dayuan-mobile}, the app's redirect URI {@code io.dayuan.app:/oauth2redirect}. Where the app shows Keycloak's
 * login page in a browser tab, this fills in its form; the realm has no password grant.
 */
final class MobileLogin {

    static final String CLIENT_ID = "dayuan-mobile";
    static final String REDIRECT_URI = "io.dayuan.app:/oauth2redirect";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final String realmUrl;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    MobileLogin(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** The access token for the user, obtained through the login page. */
    String accessToken(String username, String password) throws IOException, InterruptedException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String state = Long.toHexString(new SecureRandom().nextLong());

        String authorize = realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", CLIENT_ID, "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT_URI,
                "state", state, "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = send(HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("No login form: HTTP " + loginPage.statusCode());
        }
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password))))
                .build());
        String location = signedIn.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("The login was not accepted: HTTP " + signedIn.statusCode()));
        if (!location.startsWith(REDIRECT_URI + "?")) {
            throw new IllegalStateException("Redirected elsewhere: " + location);
        }
        Map<String, String> answer = query(location.substring(REDIRECT_URI.length() + 1));
        if (!state.equals(answer.get("state")) || answer.get("code") == null) {
            throw new IllegalStateException("Bad authorization answer: " + location);
        }

        HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "client_id", CLIENT_ID, "code", answer.get("code"), "redirect_uri", REDIRECT_URI,
                        "code_verifier", verifier))))
                .build());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("Token request refused: HTTP " + tokens.statusCode() + " " + tokens.body());
        }
        return new JsonPath(tokens.body()).getString("access_token");
    }

    /** Where Keycloak sends the app that asks for a code without a PKCE challenge (an error, if PKCE is required). */
    String authorizeWithoutPkce() throws IOException, InterruptedException {
        String authorize = realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", CLIENT_ID, "response_type", "code", "scope", "openid", "redirect_uri", REDIRECT_URI,
                "state", "x"));
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        return answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("");
    }

    /** The password grant on the mobile client must be refused. */
    int passwordGrant(String username, String password) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", CLIENT_ID,
                        "username", username, "password", password))))
                .build()).statusCode();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpRequest withCookies = cookies.isEmpty() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true)
                        .header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("; ")))
                        .build();
        HttpResponse<String> response = http.send(withCookies, HttpResponse.BodyHandlers.ofString());
        // Keycloak marks its cookies Secure; the app's browser tab keeps them over loopback http in dev mode
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            String pair = cookie.split(";", 2)[0];
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        });
        return response;
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
