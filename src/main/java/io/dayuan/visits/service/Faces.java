package io.dayuan.visits.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.dayuan.platform.ApiException;
import io.dayuan.platform.Clock;
import io.dayuan.platform.ErrorCode;
import io.dayuan.visits.Visit;
import io.dayuan.visits.VisitFace;
import io.dayuan.visits.VisitsConfig;
import io.dayuan.visits.repository.VisitFaceRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** Face photos: checked, encrypted, stored apart from the visit, and deleted with a record of the deletion. */
@ApplicationScoped
public class Faces {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The widest and tallest photo taken (so at most 16 Mpx, 64 MB decoded): plenty for any face terminal. */
    public static final int MAX_SIDE = 4096;
    private static final Logger LOG = Logger.getLogger(Faces.class);
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

    @Inject
    VisitCrypto crypto;

    @Inject
    VisitFaceRepository faces;

    @Inject
    Clock clock;

    @Inject
    VisitsConfig config;

    /** The content type of a real JPEG or PNG photo of at most 2 MB and 4096 x 4096 pixels, or VALIDATION naming the field "face". */
    public static String check(byte[] image) {
        if (image == null || image.length == 0) {
            throw ApiException.validation("face", "the photo is empty");
        }
        if (image.length > MAX_BYTES) {
            throw new ApiException(ErrorCode.VALIDATION, "the photo is larger than 2 MB", "face");
        }
        String type = startsWith(image, JPEG) ? "image/jpeg" : startsWith(image, PNG) ? "image/png" : null;
        if (type == null) {
            throw ApiException.validation("face", "the photo must be a JPEG or PNG image");
        }
        decode(image);
        return type;
    }

    /**
     * Decodes the photo to prove it is one, after reading its dimensions from the header alone: a small file may
     * declare 30000 x 30000 pixels (about 900 MB decoded), so anything past {@link #MAX_SIDE} on a side is refused
     * before a pixel is decoded.
     */
    private static void decode(byte[] image) {
        try (ImageInputStream stream = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                checkDimensions(reader.getWidth(0), reader.getHeight(0));
                BufferedImage decoded = reader.read(0);
                if (decoded.getWidth() < 1 || decoded.getHeight() < 1) {
                    throw unreadable();
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException failure) {
            if (failure instanceof ApiException api) {
                throw api;
            }
            throw unreadable();
        }
    }

    private static void checkDimensions(int width, int height) {
        if (width > MAX_SIDE || height > MAX_SIDE) {
            throw ApiException.validation("face", "the photo is larger than " + MAX_SIDE + " x " + MAX_SIDE
                    + " pixels");
        }
    }

    private static ApiException unreadable() {
        return ApiException.validation("face", "the photo cannot be read as an image");
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (data[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Stores the visit's (only) photo encrypted, replacing an earlier one; inside the caller's transaction. */
    public Uni<Void> store(Visit visit, byte[] image, String contentType, OffsetDateTime now) {
        VisitCrypto.Sealed sealed = crypto.seal(image, "face:" + visit.id);
        return Panache.getSession().chain(session -> session.find(VisitFace.class, visit.id).chain(existing -> {
            VisitFace face = existing == null ? new VisitFace() : existing;
            face.visitId = visit.id;
            face.contentType = contentType;
            face.nonce = sealed.nonce();
            face.ciphertext = sealed.ciphertext();
            face.uploadedAt = now;
            return (existing == null ? session.persist(face) : Uni.createFrom().voidItem())
                    .chain(() -> existing == null ? Uni.createFrom().voidItem()
                            : faces.recordDeletion(visit.id, now, "REPLACED"));
        }));
    }

    /** Deletes the visit's photo, if any, and records the deletion; inside the caller's transaction. */
    public Uni<Void> delete(UUID visitId, String reason, OffsetDateTime now) {
        return faces.deleteOf(visitId)
                .chain(deleted -> deleted > 0 ? faces.recordDeletion(visitId, now, reason)
                        : Uni.createFrom().voidItem());
    }

    @Scheduled(identity = "visits-face-retention", every = "${dayuan.visits.jobs-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            purge(clock.now());
        } catch (Throwable e) {
            LOG.error("Face retention run failed", e);
        }
    }

    /**
     * Deletes every photo whose visit ended (checked out, or its window closed) longer ago than the retention, or
     * whose visit is over without use, with a deletion record each. One statement: safe with several replicas.
     */
    public int purge(OffsetDateTime now) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> faces.purge(now, config.faceRetention()));
    }
}
