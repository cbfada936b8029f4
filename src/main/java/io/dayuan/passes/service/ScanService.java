package io.dayuan.passes.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;

import io.dayuan.gates.Direction;
import io.dayuan.gates.Gate;
import io.dayuan.gates.GateEvent;
import io.dayuan.gates.GateEventKind;
import io.dayuan.gates.PassageSource;
import io.dayuan.gates.SubjectKind;
import io.dayuan.gates.repository.GateRepository;
import io.dayuan.gates.service.GateEvents;
import io.dayuan.gates.service.GatePassages;
import io.dayuan.gates.service.GatePassages.Passage;
import io.dayuan.gates.service.KnownGates;
import io.dayuan.notifications.Notice;
import io.dayuan.notifications.service.Notifier;
import io.dayuan.passes.AdmitState;
import io.dayuan.passes.OfflineUpload;
import io.dayuan.passes.Pass;
import io.dayuan.passes.PassScan;
import io.dayuan.passes.PassesConfig;
import io.dayuan.passes.ScanDecision;
import io.dayuan.passes.ScanPage;
import io.dayuan.passes.ScanReason;
import io.dayuan.passes.ScanResult;
import io.dayuan.passes.ScanResult.ScannedPass;
import io.dayuan.passes.ScanSource;
import io.dayuan.passes.VerificationKit;
import io.dayuan.passes.VerificationKit.ReissuedPass;
import io.dayuan.passes.VerificationKit.VerificationKey;
import io.dayuan.passes.code.InvalidCodeException;
import io.dayuan.passes.code.PassCode;
import io.dayuan.passes.code.PassCodec;
import io.dayuan.passes.code.PassCodes;
import io.dayuan.passes.code.SiteTags;
import io.dayuan.passes.code.VerifiedCodes;
import io.dayuan.passes.repository.PassRepository;
import io.dayuan.passes.repository.PassScanRepository;
import io.dayuan.passes.repository.RevocationRepository;
import io.dayuan.passes.service.ScanRules.Outcome;
import io.dayuan.passes.service.ScanRules.PassState;
import io.dayuan.people.Caller;
import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.Cursor;
import io.dayuan.platform.Ids;
import io.dayuan.platform.Page;
import io.dayuan.platform.Roles;
import io.dayuan.sites.repository.SiteRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Scans at the gates, online and uploaded from offline phones, and what phones need to scan offline. */
@ApplicationScoped
public class ScanService {

    public static final int MAX_UPLOAD = 500;
    public static final int MAX_CODE_LENGTH = 1000;

    public record ScanPass(@NotBlank @Size(max = MAX_CODE_LENGTH) String code, @NotNull @Id String gateId,
            @NotNull Direction direction) {
    }

    public record OfflineScan(@NotNull @Id @Description("Made by the phone; uploading it again changes nothing") String id,
            @NotBlank @Size(max = MAX_CODE_LENGTH) String code, @NotNull @Id String gateId,
            @NotNull Direction direction, @NotNull OffsetDateTime scannedAt,
            @NotNull @Description("What the phone decided") ScanDecision decision,
            @Description("Why; by default OK for ALLOW, and for DENY the server's reading of the code") ScanReason reason) {
    }

    @Inject
    Clock clock;

    @Inject
    PassRepository passes;

    @Inject
    PassScanRepository scans;

    @Inject
    RevocationRepository revocations;

    @Inject
    GateRepository gates;

    @Inject
    SiteRepository sites;

    @Inject
    GatePassages passages;

    @Inject
    GateEvents gateEvents;

    @Inject
    Notifier notifier;

    @Inject
    PassCodes codes;

    @Inject
    VerifiedCodes verifiedCodes;

    @Inject
    KnownGates knownGates;

    @Inject
    Caller caller;

    @Inject
    PassesConfig config;

    /**
     * A guard's scan, decided now in one transaction: the pass row is locked, so concurrent scans of one pass take
     * turns, and its revocation and generation are read at every scan. The signature (verified off the event loop,
     * once per code text), the guard and the gate come from what this replica already knows.
     */
    public Uni<ScanResult> scan(ScanPass input) {
        UUID gateId = Ids.parse("gateId", input.gateId());
        return caller.person().chain(guard -> verifiedCodes.verify(input.code())
                .chain(code -> decideAndRecord(code, gateId, input.direction(), guard.id)));
    }

    @WithTransaction
    Uni<ScanResult> decideAndRecord(PassCode code, UUID gateId, Direction direction, UUID guardId) {
        return knownGates.require(gateId).chain(gate -> decideAndRecord(code, gate, direction, guardId));
    }

    private Uni<ScanResult> decideAndRecord(PassCode code, Gate gate, Direction direction, UUID guardId) {
        Uni<Pass> locked = code == null ? Uni.createFrom().nullItem() : passes.lock(code.passId());
        return locked.chain(pass -> {
            Instant now = clock.instant();
            Outcome outcome = pass == null ? new Outcome(ScanDecision.DENY, ScanReason.INVALID)
                    : ScanRules.decide(code, state(pass), gate.siteId, direction, now, config.clockTolerance());
            PassScan scan = new PassScan();
            scan.id = UUID.randomUUID();
            scan.passId = pass == null ? null : pass.id;
            scan.siteId = gate.siteId;
            scan.gateId = gate.id;
            scan.guardId = guardId;
            scan.direction = direction;
            scan.decision = outcome.decision();
            scan.reason = outcome.reason();
            scan.source = ScanSource.ONLINE;
            scan.scannedAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            Uni<?> effects = outcome.decision() == ScanDecision.ALLOW ? admitted(pass, scan)
                    : gateEvents.publish(new GateEvent(GateEventKind.DENIED, gate.siteId.toString(),
                            gate.id.toString(), direction, pass == null ? null : pass.holderName,
                            pass == null ? null : pass.plate, outcome.reason().name(), scan.scannedAt));
            return scans.persist(scan).chain(() -> effects).replaceWith(new ScanResult(outcome.decision(),
                    outcome.reason(), pass == null ? null
                            : new ScannedPass(pass.id, pass.holderName, pass.kind, pass.plate, pass.admitOnce),
                    scan.id));
        });
    }

    /** The passage into the site's presence, and the next admit-once state. */
    private Uni<?> admitted(Pass pass, PassScan scan) {
        if (pass.admitState != null) {
            AdmitState next = ScanRules.after(pass.admitState, scan.direction);
            if (next.ordinal() > pass.admitState.ordinal()) {
                pass.admitState = next;
            }
        }
        SubjectKind kind;
        String key;
        if (pass.visitId != null) {
            kind = SubjectKind.VISITOR;
            key = "visit:" + pass.visitId;
        } else if (pass.personId != null) {
            kind = SubjectKind.PERSON;
            key = "person:" + pass.personId;
        } else if (pass.kind == io.dayuan.passes.PassKind.VEHICLE) {
            kind = SubjectKind.VEHICLE;
            key = "plate:" + pass.plate;
        } else {
            kind = SubjectKind.PERSON;
            key = "pass:" + pass.id;
        }
        return passages.record(new Passage(scan.siteId, scan.gateId, scan.direction, PassageSource.SCAN, kind, key,
                pass.holderName, pass.plate, pass.personId, pass.visitId, pass.id, scan.guardId, scan.scannedAt));
    }

    private static PassState state(Pass pass) {
        return new PassState(pass.revokedAt != null, pass.generation, pass.admitState);
    }

    private PassCode verifiedOrNull(String text) {
        try {
            // as PASS_CODE.md says: the exact text, whitespace is not stripped (a space is a base45 digit)
            return codes.verify(text);
        } catch (InvalidCodeException e) {
            return null;
        }
    }

    /**
     * Scans a phone made offline. Each is recorded once (by its id); an allowed one feeds the site's presence at
     * the time it was made; an admit-once pass let in more than once is flagged, with an alert to guards and
     * admins. All of an upload is recorded, or none of it.
     */
    public Uni<OfflineUpload> upload(List<OfflineScan> uploaded) {
        if (uploaded.isEmpty() || uploaded.size() > MAX_UPLOAD) {
            throw ApiException.validation("scans", "an upload has 1 to " + MAX_UPLOAD + " scans");
        }
        OffsetDateTime latest = clock.now().plusMinutes(5);
        List<PassScan> records = new ArrayList<>();
        Map<UUID, PassCode> codeOf = new HashMap<>();
        Set<UUID> gateIds = new HashSet<>();
        for (int i = 0; i < uploaded.size(); i++) {
            OfflineScan offline = uploaded.get(i);
            PassScan scan = new PassScan();
            scan.id = Ids.parse("scans." + i + ".id", offline.id());
            scan.gateId = Ids.parse("scans." + i + ".gateId", offline.gateId());
            if (offline.scannedAt().isAfter(latest)) {
                throw ApiException.validation("scans." + i + ".scannedAt", "scannedAt is in the future");
            }
            scan.direction = offline.direction();
            scan.decision = offline.decision();
            scan.reason = offline.reason();
            if (offline.decision() == ScanDecision.ALLOW && offline.reason() != null
                    && offline.reason() != ScanReason.OK || offline.decision() == ScanDecision.DENY
                            && offline.reason() == ScanReason.OK) {
                throw ApiException.validation("scans." + i + ".reason", "the reason contradicts the decision");
            }
            scan.source = ScanSource.OFFLINE;
            scan.scannedAt = offline.scannedAt();
            PassCode code = verifiedOrNull(offline.code());
            if (code != null) {
                scan.passId = code.passId();
                codeOf.put(scan.id, code);
            }
            gateIds.add(scan.gateId);
            records.add(scan);
        }
        return caller.person().chain(guard -> gates.inOrderOf(List.copyOf(gateIds)).chain(found -> {
            Map<UUID, Gate> gateById = new HashMap<>();
            for (Gate gate : found) {
                if (gate != null) {
                    gateById.put(gate.id, gate);
                }
            }
            for (int i = 0; i < records.size(); i++) {
                PassScan scan = records.get(i);
                Gate gate = gateById.get(scan.gateId);
                if (gate == null) {
                    throw new ApiException(io.dayuan.platform.ErrorCode.NOT_FOUND,
                            "Gate " + scan.gateId + " does not exist", "scans." + i + ".gateId");
                }
                scan.siteId = gate.siteId;
                scan.guardId = guard.id;
                if (scan.reason == null) {
                    scan.reason = scan.decision == ScanDecision.ALLOW ? ScanReason.OK : readReason(codeOf.get(scan.id),
                            scan);
                }
            }
            return recordUploaded(records, codeOf);
        }));
    }

    /** Why a phone likely denied a scan: the server's reading of the code at the time of the scan. */
    private ScanReason readReason(PassCode code, PassScan scan) {
        if (code == null) {
            return ScanReason.INVALID;
        }
        Outcome outcome = ScanRules.decide(code, new PassState(false, 0, null), scan.siteId, scan.direction,
                scan.scannedAt.toInstant(), config.clockTolerance());
        if (outcome.decision() == ScanDecision.DENY) {
            return outcome.reason();
        }
        return scan.direction == Direction.IN ? ScanReason.ALREADY_INSIDE : ScanReason.NOT_INSIDE;
    }

    @WithTransaction
    Uni<OfflineUpload> recordUploaded(List<PassScan> records, Map<UUID, PassCode> codeOf) {
        int[] recorded = { 0 };
        List<UUID> flagged = new ArrayList<>();
        return Multi.createFrom().iterable(records).onItem()
                .transformToUniAndConcatenate(scan -> recordUploaded(scan, recorded, flagged)).collect().asList()
                .map(done -> new OfflineUpload(records.size(), recorded[0], records.size() - recorded[0],
                        List.copyOf(new java.util.LinkedHashSet<>(flagged))));
    }

    /** Records one uploaded scan unless it was uploaded before; an allowed one admits its pass. */
    private Uni<Void> recordUploaded(PassScan scan, int[] recorded, List<UUID> flagged) {
        return scans.insertIfAbsent(scan).chain(inserted -> {
            if (!inserted) {
                return Uni.createFrom().voidItem();
            }
            recorded[0]++;
            if (scan.decision != ScanDecision.ALLOW || scan.passId == null) {
                return Uni.createFrom().voidItem();
            }
            return passes.lock(scan.passId).chain(pass -> pass == null ? Uni.createFrom().voidItem()
                    : admitted(pass, scan).chain(() -> checkDoubleAdmission(pass, scan, flagged)));
        });
    }

    private Uni<Void> checkDoubleAdmission(Pass pass, PassScan scan, List<UUID> flagged) {
        if (!pass.admitOnce || scan.direction != Direction.IN) {
            return Uni.createFrom().voidItem();
        }
        return scans.admissions(pass.id).chain(admissions -> {
            if (admissions < 2) {
                return Uni.createFrom().voidItem();
            }
            Notice notice = PassTexts.admittedTwice(pass, admissions);
            return scans.flagAdmissions(pass.id).invoke(flagged::addAll)
                    .call(() -> gateEvents.publish(new GateEvent(GateEventKind.ALERT, scan.siteId.toString(),
                            scan.gateId.toString(), Direction.IN, pass.holderName, pass.plate,
                            "ADMITTED_TWICE: pass " + pass.id + " admitted " + admissions + " times offline",
                            clock.now())))
                    .call(() -> notifier.notifyRoles(List.of(Roles.GUARD, Roles.ADMIN), scan.siteId, notice)).replaceWithVoid();
        });
    }


    /** What a guard's phone needs to scan offline at the site: keys, gates and revocations (all or since a version). */
    public Uni<VerificationKit> kit(String siteIdText, Integer sinceVersion) {
        UUID siteId = Ids.parse("siteId", siteIdText);
        if (sinceVersion != null && sinceVersion < 0) {
            throw ApiException.validation("sinceVersion", "sinceVersion is a version this service gave, 0 or more");
        }
        List<VerificationKey> keys = codes.verificationKeys().entrySet().stream()
                .map(entry -> new VerificationKey(entry.getKey(), "Ed25519",
                        Base64.getEncoder().encodeToString(PassCodec.rawPublicKey(entry.getValue()))))
                .toList();
        return sites.require(siteId)
                // the version first: entries committed after it come again in the next delta, none is missed
                .chain(() -> revocations.currentVersion())
                .chain(version -> kit(siteId, keys, version, sinceVersion == null || sinceVersion > version ? null
                        : sinceVersion.longValue()));
    }

    /**
     * The kit with all revocations when {@code since} is null, else the changes since it. A version above the current
     * one (a phone synced before the database was restored from a backup) gets the full lists: its changes are
     * unknown here, and a delta would hide every revocation made since the restore.
     */
    private Uni<VerificationKit> kit(UUID siteId, List<VerificationKey> keys, long version, Long since) {
        return revocations.forSite(siteId, since)
                .chain(entries -> gates.listBySite(siteId).map(siteGates -> new VerificationKit(keys, siteGates,
                        entries.stream().filter(entry -> entry.generation() == null)
                                .map(entry -> entry.passId()).toList(),
                        entries.stream().filter(entry -> entry.generation() != null)
                                .map(entry -> new ReissuedPass(entry.passId(), entry.generation())).toList(),
                        Math.toIntExact(version), since == null,
                        String.format("%016x", SiteTags.tag(siteId)), (int) config.clockTolerance().toSeconds(),
                        clock.now())));
    }

    /** A page of the site's scans, newest first; {@code after} is the {@code next} of the previous page. */
    public Uni<ScanPage> page(String siteIdText, int first, String after) {
        UUID siteId = Ids.parse("siteId", siteIdText);
        int size = Page.Size.MEDIUM.of("first", first);
        Cursor cursor = Cursor.decode("after", after);
        return sites.require(siteId).chain(() -> scans.page(siteId, cursor, size + 1))
                .map(found -> ScanPage.of(Page.of(found, size, last -> new Cursor(last.scannedAt, last.id))));
    }
}
