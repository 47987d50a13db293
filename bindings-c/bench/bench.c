/*
 * Per-call time of get_task_details through the C ABI, against the Rust core, in one
 * run (bench/run-bench.sh builds and runs it; not a test).
 *
 *   bench BASE_URL CA_FILE ROUNDS PER_ROUND
 *
 * Each round times the blocking call and the asynchronous call one after the other, so
 * that a busy moment of the machine hits both alike; each figure is the best round.
 * Prints `c_blocking_us c_async_us`. (run-bench.sh times the core's own loop, in a
 * process of its own, before and after: a process started between rounds would disturb
 * them.)
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "qem.h"

static const char *ARGS = "{\"server\": \"Local Server\", \"task\": \"SalesDBBackup\"}";

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void fail(const char *what, QemError *err) {
    fprintf(stderr, "%s: %s\n", what, err ? qem_error_json(err) : "?");
    exit(1);
}

struct waiter {
    pthread_mutex_t lock;
    pthread_cond_t cv;
    int done;
    QemStatus status;
};

static void on_done(void *user_data, QemStatus status, const char *result_json,
                    const QemError *error) {
    (void)result_json;
    (void)error;
    struct waiter *w = user_data;
    pthread_mutex_lock(&w->lock);
    w->status = status;
    w->done = 1;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&w->lock);
}

static double blocking(QemClient *client, int n) {
    double t = now();
    for (int i = 0; i < n; i++) {
        char *out = NULL;
        QemError *err = NULL;
        if (qem_client_call(client, "get_task_details", ARGS, &out, &err) != QEM_STATUS_OK)
            fail("blocking call", err);
        qem_string_free(out);
    }
    return (now() - t) / n;
}

static double async_calls(QemClient *client, int n) {
    struct waiter w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, QEM_STATUS_OK};
    double t = now();
    for (int i = 0; i < n; i++) {
        QemCall *call = NULL;
        QemError *err = NULL;
        w.done = 0;
        if (qem_client_call_async(client, "get_task_details", ARGS, on_done, &w, &call, &err) !=
            QEM_STATUS_OK)
            fail("async call", err);
        pthread_mutex_lock(&w.lock);
        while (!w.done) pthread_cond_wait(&w.cv, &w.lock);
        pthread_mutex_unlock(&w.lock);
        if (w.status != QEM_STATUS_OK) fail("async answer", NULL);
        qem_call_free(call);
    }
    return (now() - t) / n;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s BASE_URL CA_FILE ROUNDS PER_ROUND\n", argv[0]);
        return 2;
    }
    int rounds = atoi(argv[3]), per = atoi(argv[4]);
    char options[4096];
    snprintf(options, sizeof options,
             "{\"url\": \"%s\", \"ca_file\": \"%s\", \"username\": \"QEM\\\\admin\", "
             "\"password\": \"admin-pass\"}",
             argv[1], argv[2]);
    QemClient *client = NULL;
    QemError *err = NULL;
    if (qem_client_new(options, &client, &err) != QEM_STATUS_OK) fail("client", err);
    blocking(client, 10); /* log in, open the connection */
    double best[2] = {1e9, 1e9};
    for (int r = 0; r < rounds; r++) {
        double got[2] = {blocking(client, per), async_calls(client, per)};
        for (int k = 0; k < 2; k++)
            if (got[k] < best[k]) best[k] = got[k];
    }
    printf("%.1f %.1f\n", best[0] * 1e6, best[1] * 1e6);
    qem_client_free(client);
    return 0;
}
