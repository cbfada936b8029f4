package io.dayuan.visits.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.dayuan.platform.Clock;
import io.dayuan.platform.Randomness;
import io.dayuan.visits.VisitsConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Hikvision ISAPI over HTTP with digest authentication, as face terminals (DS-K1T series) and ANPR cameras speak
 * it. The endpoint shapes follow Hikvision's ISAPI access-control and traffic guides as public integrations use
 * them:
 * <ul>
 * <li>{@code POST /ISAPI/AccessControl/UserInfo/Record?format=json} with
 * {@code {"UserInfo":{"employeeNo","name","userType":"visitor","Valid":{"enable":true,"beginTime","endTime",
 * "timeType":"local"},"doorRight":"1","RightPlan":[{"doorNo":1,"planTemplateNo":"1"}]}}}; when the person exists
 * already (subStatusCode {@code employeeNoAlreadyExist}) the same body goes to
 * {@code PUT /ISAPI/AccessControl/UserInfo/Modify?format=json}.</li>
 * <li>{@code POST /ISAPI/Intelligent/FDLib/FaceDataRecord?format=json}, multipart/form-data with a part
 * {@code FaceDataRecord} (JSON {@code {"faceLibType":"blackFD","FDID":"1","FPID":<employeeNo>}}: on access
 * terminals "blackFD" is the face library of the people the door knows, and FPID links the face to the user) and a
 * part {@code img} with the JPEG.</li>
 * <li>{@code PUT /ISAPI/AccessControl/UserInfo/Delete?format=json} with
 * {@code {"UserInfoDelCond":{"EmployeeNoList":[{"employeeNo"}]}}} (removes the person and their face).</li>
 * <li>Plates: {@code PUT /ISAPI/Traffic/channels/1/licensePlateAuditData/record?format=json} with
 * {@code {"LicensePlateInfoList":[{"LicensePlate","listType":"whiteList","createTime","effectiveStartDate",
 * "effectiveTime"}]}}, and removal by {@code PUT /ISAPI/Traffic/channels/1/DelLicensePlateAuditData?format=json}
 * with {@code {"LicensePlateInfoList":[{"LicensePlate"}]}} (camera firmware differs here: to be confirmed on the
 * installed cameras).</li>
 * </ul>
 * Times are the device's local time ({@code dayuan.visits.device-time-zone}), without offset, as ISAPI wants.
 */
@ApplicationScoped
public class HikvisionDriver implements AccessDeviceDriver {

    static final String USER_RECORD = "/ISAPI/AccessControl/UserInfo/Record?format=json";
    static final String USER_MODIFY = "/ISAPI/AccessControl/UserInfo/Modify?format=json";
    static final String USER_DELETE = "/ISAPI/AccessControl/UserInfo/Delete?format=json";
    static final String FACE_RECORD = "/ISAPI/Intelligent/FDLib/FaceDataRecord?format=json";
    static final String PLATE_RECORD = "/ISAPI/Traffic/channels/1/licensePlateAuditData/record?format=json";
    static final String PLATE_DELETE = "/ISAPI/Traffic/channels/1/DelLicensePlateAuditData?format=json";

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Pattern DIGEST_PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

    /** The devices' local time zone and the HTTP timeout; set from the configuration, or by a test. */
    String zoneName;
    Duration timeout;

    @Inject
    void configure(VisitsConfig config) {
        zoneName = config.deviceTimeZone();
        timeout = config.deviceTimeout();
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    public void pushPerson(Target device, Visitor visitor, Window window, Face face) {
        JsonObject user = new JsonObject().put("UserInfo", new JsonObject()
                .put("employeeNo", visitor.employeeNo())
                .put("name", visitor.name())
                .put("userType", "visitor")
                .put("Valid", new JsonObject().put("enable", true).put("beginTime", local(window.from()))
                        .put("endTime", local(window.until())).put("timeType", "local"))
                .put("doorRight", "1")
                .put("RightPlan", new JsonArray().add(new JsonObject().put("doorNo", 1).put("planTemplateNo", "1"))));
        Answer added = send(device, "POST", USER_RECORD, json(user), "application/json");
        if (!added.ok() && "employeeNoAlreadyExist".equals(added.subStatus())) {
            added = send(device, "PUT", USER_MODIFY, json(user), "application/json");
        }
        added.require("UserInfo/Record");
        if (face != null) {
            String boundary = "dayuan" + HexFormat.of().formatHex(Randomness.bytes(12));
            JsonObject record = new JsonObject().put("faceLibType", "blackFD").put("FDID", "1")
                    .put("FPID", visitor.employeeNo());
            byte[] body = multipart(boundary, record, face);
            send(device, "POST", FACE_RECORD, body, "multipart/form-data; boundary=" + boundary)
                    .require("FDLib/FaceDataRecord");
        }
    }

    @Override
    public void removePerson(Target device, String employeeNo) {
        JsonObject condition = new JsonObject().put("UserInfoDelCond", new JsonObject().put("EmployeeNoList",
                new JsonArray().add(new JsonObject().put("employeeNo", employeeNo))));
        send(device, "PUT", USER_DELETE, json(condition), "application/json").require("UserInfo/Delete");
    }

    @Override
    public void pushPlate(Target device, String plate, Window window) {
        JsonObject list = new JsonObject().put("LicensePlateInfoList", new JsonArray().add(new JsonObject()
                .put("LicensePlate", plate).put("listType", "whiteList")
                .put("createTime", local(Clock.current()))
                .put("effectiveStartDate", window.from().atZoneSameInstant(zone()).format(DATE))
                .put("effectiveTime", window.until().atZoneSameInstant(zone()).format(DATE))));
        send(device, "PUT", PLATE_RECORD, json(list), "application/json").require("licensePlateAuditData");
    }

    @Override
    public void removePlate(Target device, String plate) {
        JsonObject list = new JsonObject().put("LicensePlateInfoList",
                new JsonArray().add(new JsonObject().put("LicensePlate", plate)));
        send(device, "PUT", PLATE_DELETE, json(list), "application/json").require("DelLicensePlateAuditData");
    }

    private ZoneId zone() {
        return ZoneId.of(zoneName);
    }

    private String local(OffsetDateTime time) {
        return time.atZoneSameInstant(zone()).format(LOCAL);
    }

    private static byte[] json(JsonObject value) {
        return value.encode().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(String boundary, JsonObject record, Face face) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String extension = "image/png".equals(face.contentType()) ? "png" : "jpg";
        write(out, "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"FaceDataRecord\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + record.encode() + "\r\n");
        write(out, "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"img\"; filename=\"face." + extension + "\"\r\n"
                + "Content-Type: " + face.contentType() + "\r\n\r\n");
        out.writeBytes(face.image());
        write(out, "\r\n--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The device's answer: HTTP status and the ISAPI status fields when the body has them. */
    record Answer(int httpStatus, JsonObject body) {

        boolean ok() {
            if (httpStatus != 200) {
                return false;
            }
            Integer code = body == null ? null : body.getInteger("statusCode");
            return code == null || code == 1;
        }

        String subStatus() {
            return body == null ? null : body.getString("subStatusCode");
        }

        void require(String what) {
            if (!ok()) {
                throw new DeviceException(what + " refused: HTTP " + httpStatus
                        + (subStatus() == null ? "" : " " + subStatus()));
            }
        }
    }

    /** Sends once; when the device asks for digest authentication, answers its challenge and sends again. */
    private Answer send(Target device, String method, String pathAndQuery, byte[] body, String contentType) {
        URI uri = URI.create(device.baseUrl().replaceAll("/+$", "") + pathAndQuery);
        try {
            HttpResponse<String> first = http.send(request(uri, method, body, contentType, null),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> answer = first;
            String challenge = first.headers().firstValue("WWW-Authenticate").orElse("");
            if (first.statusCode() == 401 && challenge.regionMatches(true, 0, "Digest", 0, 6)) {
                String authorization = digest(challenge, device.username(), device.password(), method,
                        uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                answer = http.send(request(uri, method, body, contentType, authorization),
                        HttpResponse.BodyHandlers.ofString());
            }
            return new Answer(answer.statusCode(), parse(answer.body()));
        } catch (IOException e) {
            throw new DeviceException("device " + device.serialNumber() + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while calling device " + device.serialNumber(), e);
        }
    }

    private HttpRequest request(URI uri, String method, byte[] body, String contentType, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.build();
    }

    private static JsonObject parse(String body) {
        try {
            return body == null || body.isBlank() ? null : new JsonObject(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** RFC 7616 digest (MD5, qop=auth), which Hikvision devices require. */
    static String digest(String challenge, String username, String password, String method, String uri) {
        Map<String, String> params = new HashMap<>();
        Matcher matcher = DIGEST_PARAM.matcher(challenge.substring(6));
        while (matcher.find()) {
            params.put(matcher.group(1).toLowerCase(), matcher.group(2) != null ? matcher.group(2) : matcher.group(3));
        }
        String realm = params.getOrDefault("realm", "");
        String nonce = params.getOrDefault("nonce", "");
        String user = username == null ? "" : username;
        String ha1 = md5(user + ":" + realm + ":" + (password == null ? "" : password));
        String ha2 = md5(method + ":" + uri);
        String cnonce = HexFormat.of().formatHex(Randomness.bytes(8));
        String nc = "00000001";
        boolean qop = params.containsKey("qop");
        String response = qop ? md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        StringBuilder header = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"")
                .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response).append('"');
        if (qop) {
            header.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        if (params.containsKey("opaque")) {
            header.append(", opaque=\"").append(params.get("opaque")).append('"');
        }
        return header.append(", algorithm=MD5").toString();
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
