package io.dayuan.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

/**
 * The load generator: closed loop (a fixed number of clients, each sending its next request when the previous one is
 * answered) for throughput, or a fixed offered rate whose latencies count from when each request was due
 * (no coordinated omission). Every callback runs on the one client event loop, so plain histograms suffice.
 */
final class Load {

    /** One request of a scenario: the i-th call. An answer that is not a 200 without GraphQL errors is an error. */
    interface Call extends LongFunction<Future<HttpResponse<Buffer>>> {
    }

    record Result(String name, long requests, long errors, double seconds, Histogram latency) {

        double throughput() {
            return requests / seconds;
        }

        double p50Millis() {
            return latency.getValueAtPercentile(50) / 1e6;
        }

        double p99Millis() {
            return latency.getValueAtPercentile(99) / 1e6;
        }

        String line() {
            return String.format("%-34s %8.1f req/s  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms  n=%d errors=%d", name,
                    throughput(), p50Millis(), p99Millis(), latency.getMaxValue() / 1e6, requests, errors);
        }
    }

    private final Vertx vertx;
    static volatile String lastError;

    Load(Vertx vertx) {
        this.vertx = vertx;
    }

    static boolean ok(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200) {
            lastError = response.statusCode() + " " + response.bodyAsString();
            return false;
        }
        String body = response.bodyAsString();
        if (body.contains("\"errors\"")) {
            lastError = body.length() > 400 ? body.substring(0, 400) : body;
            return false;
        }
        return true;
    }

    /** {@code clients} clients call as fast as they are answered; the first {@code warmupSeconds} are not counted. */
    Result closedLoop(String name, int clients, double warmupSeconds, double seconds, Call call) throws Exception {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong sequence = new AtomicLong();
        long[] counted = new long[2];
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long end = measureFrom + (long) (seconds * 1e9);
        CompletableFuture<Void> done = new CompletableFuture<>();
        int[] running = { clients };
        vertx.runOnContext(ignored -> {
            for (int c = 0; c < clients; c++) {
                next(call, sequence, latency, counted, measureFrom, end, running, done);
            }
        });
        done.get(Math.round(warmupSeconds + seconds) + 120, TimeUnit.SECONDS);
        return new Result(name, counted[0], counted[1], seconds, latency);
    }

    private void next(Call call, AtomicLong sequence, Histogram latency, long[] counted, long measureFrom, long end,
            int[] running, CompletableFuture<Void> done) {
        long sent = System.nanoTime();
        if (sent >= end) {
            if (--running[0] == 0) {
                done.complete(null);
            }
            return;
        }
        call.apply(sequence.getAndIncrement()).onComplete(answer -> {
            long now = System.nanoTime();
            if (sent >= measureFrom && now <= end) {
                counted[0]++;
                if (answer.failed() || !ok(answer.result())) {
                    counted[1]++;
                    if (answer.failed()) {
                        lastError = String.valueOf(answer.cause());
                    }
                }
                latency.recordValue(Math.min(now - sent, latency.getHighestTrackableValue()));
            }
            next(call, sequence, latency, counted, measureFrom, end, running, done);
        });
    }

    /** {@code rate} requests per second for {@code seconds}, whatever the answers' pace. */
    Result fixedRate(String name, int rate, double seconds, Call call) throws Exception {
        Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long total = (long) (rate * seconds);
        long intervalNanos = 1_000_000_000L / rate;
        long[] counted = new long[3]; // answered, errors, sent
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime() + 1_000_000;
        vertx.runOnContext(ignored -> vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (counted[2] < total && start + counted[2] * intervalNanos <= now) {
                long due = start + counted[2] * intervalNanos;
                call.apply(counted[2]++).onComplete(answer -> {
                    counted[0]++;
                    if (answer.failed() || !ok(answer.result())) {
                        counted[1]++;
                        if (answer.failed()) {
                            lastError = String.valueOf(answer.cause());
                        }
                    }
                    latency.recordValue(Math.min(System.nanoTime() - due, latency.getHighestTrackableValue()));
                    if (counted[0] == total) {
                        done.complete(null);
                    }
                });
            }
            if (counted[2] >= total) {
                vertx.cancelTimer(timer);
            }
        }));
        done.get(Math.round(seconds) + 120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(name, counted[0], counted[1], elapsed, latency);
    }
}
