package com.loanflow.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs the same call on n threads released together by one latch; returns each call's value or exception. */
public final class Concurrently {

    public record Outcome<T>(T value, Throwable error) {
    }

    private Concurrently() {
    }

    public static <T> List<Outcome<T>> run(int threads, Callable<T> call) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return call.call();
            }));
        }
        ready.await();
        go.countDown();
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (Future<T> future : futures) {
            try {
                outcomes.add(new Outcome<>(future.get(90, TimeUnit.SECONDS), null));
            } catch (java.util.concurrent.ExecutionException e) {
                outcomes.add(new Outcome<>(null, e.getCause()));
            } catch (java.util.concurrent.TimeoutException e) {
                outcomes.add(new Outcome<>(null, e));
            }
        }
        pool.shutdownNow();
        return outcomes;
    }
}
