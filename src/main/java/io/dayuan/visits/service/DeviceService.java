package io.dayuan.visits.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

import io.dayuan.gates.Direction;
import io.dayuan.gates.repository.GateRepository;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.ErrorCode;
import io.dayuan.platform.Ids;
import io.dayuan.visits.AccessDevice;
import io.dayuan.visits.DeviceKind;
import io.dayuan.visits.DeviceVendor;
import io.dayuan.visits.repository.AccessDeviceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Access devices at gates: registered by admins, authenticated when they post events. */
@ApplicationScoped
public class DeviceService {

    @Description("An access device to register at a gate")
    public record NewDevice(@NotNull @Id String gateId, @NotBlank @Size(max = 100) String name,
            @NotNull DeviceKind kind, @NotNull DeviceVendor vendor,
            @Description("Which way the device lets people through; IN unless said") Direction direction,
            @NotBlank @Size(max = 300) String baseUrl, @Size(max = 100) String username,
            @Size(max = 200) String password, @NotBlank @Size(max = 100) String serialNumber) {
    }

    @Inject
    AccessDeviceRepository devices;

    @Inject
    GateRepository gates;

    @Inject
    VisitCrypto crypto;

    public Uni<AccessDevice> register(NewDevice input) {
        UUID gateId = Ids.parse("gateId", input.gateId());
        URI url;
        try {
            url = URI.create(input.baseUrl().strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("baseUrl", "baseUrl is not a URL");
        }
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw ApiException.validation("baseUrl", "baseUrl is an http(s) URL with a host");
        }
        String secret = Secrets.newToken();
        return store(gateId, input, url, secret).map(device -> {
            device.eventSecret = secret;
            return device;
        });
    }

    @WithTransaction
    Uni<AccessDevice> store(UUID gateId, NewDevice input, URI url, String secret) {
        return gates.findById(gateId).chain(gate -> {
            if (gate == null) {
                throw ApiException.notFound("Gate", gateId);
            }
            AccessDevice device = new AccessDevice();
            device.gateId = gate.id;
            device.siteId = gate.siteId;
            device.name = input.name().strip();
            device.kind = input.kind();
            device.vendor = input.vendor();
            device.direction = input.direction() == null ? Direction.IN : input.direction();
            device.baseUrl = url.toString();
            device.username = input.username();
            device.serialNumber = input.serialNumber().strip();
            if (input.password() != null && !input.password().isEmpty()) {
                VisitCrypto.Sealed sealed = crypto.seal(input.password().getBytes(StandardCharsets.UTF_8),
                        "device:" + device.serialNumber);
                device.passwordNonce = sealed.nonce();
                device.passwordCipher = sealed.ciphertext();
            }
            device.eventSecretHash = Secrets.hash(secret);
            return devices.serialTaken(device.serialNumber).chain(taken -> {
                if (taken) {
                    throw ApiException.conflict("A device with serial number " + device.serialNumber + " exists");
                }
                return devices.persist(device);
            });
        });
    }

    /**
     * The device of an events request, from HTTP Basic credentials: any user name, the device's event secret as
     * password. UNAUTHENTICATED when they do not match (the same whether the device exists or not).
     */
    @WithSession
    public Uni<AccessDevice> authenticate(UUID deviceId, String authorization) {
        String secret = basicPassword(authorization);
        return devices.findById(deviceId).map(device -> {
            String presented = secret == null ? "" : Secrets.hash(secret);
            if (device == null || !Secrets.same(device.eventSecretHash, presented)) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "Device credentials are not valid", null);
            }
            return device;
        });
    }

    private static String basicPassword(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return value.substring(7).strip();
        }
        if (!value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
