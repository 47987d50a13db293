/*
 * The C ABI in a nutshell: create a client, call an operation blocking and
 * asynchronously (with a callback and a cancellation handle), read errors, free all.
 *
 *   example BASE_URL CA_FILE      (for instance against qem-mock)
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qem.h"

/* The async callback hands its result to the waiting thread through this. */
struct waiter {
    pthread_mutex_t lock;
    pthread_cond_t done_cv;
    int done;
    QemStatus status;
    char text[512];
};

static void on_done(void *user_data, QemStatus status, const char *result_json,
                    const QemError *error) {
    struct waiter *w = user_data;
    pthread_mutex_lock(&w->lock);
    w->status = status;
    /* result_json and error are borrowed: copy before returning. */
    snprintf(w->text, sizeof w->text, "%s",
             status == QEM_STATUS_OK ? result_json : qem_error_code(error));
    w->done = 1;
    pthread_cond_signal(&w->done_cv);
    pthread_mutex_unlock(&w->lock);
}

static void wait_for(struct waiter *w) {
    pthread_mutex_lock(&w->lock);
    while (!w->done) pthread_cond_wait(&w->done_cv, &w->lock);
    pthread_mutex_unlock(&w->lock);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s BASE_URL CA_FILE\n", argv[0]);
        return 2;
    }
    char options[2048];
    snprintf(options, sizeof options,
             "{\"url\": \"%s\", \"ca_file\": \"%s\", \"username\": \"QEM\\\\admin\", "
             "\"password\": \"admin-pass\"}",
             argv[1], argv[2]);
    printf("qem %s\n", qem_version());

    QemClient *client = NULL;
    QemError *err = NULL;
    if (qem_client_new(options, &client, &err) != QEM_STATUS_OK) {
        fprintf(stderr, "client: %s: %s\n", qem_error_code(err), qem_error_message(err));
        qem_error_free(err);
        return 1;
    }

    /* Blocking: the answer is ours to free. */
    char *servers = NULL;
    if (qem_client_call(client, "GetServerList", "{}", &servers, &err) != QEM_STATUS_OK) {
        fprintf(stderr, "GetServerList: %s\n", qem_error_json(err));
        qem_error_free(err);
        qem_client_free(client);
        return 1;
    }
    printf("GetServerList: %s\n", servers);
    qem_string_free(servers);

    /* A server error: code, message and HTTP status. */
    char *none = NULL;
    QemStatus st = qem_client_call(client, "GetTaskDetails",
                                   "{\"server\": \"Local Server\", \"task\": \"NoSuchTask\"}",
                                   &none, &err);
    printf("GetTaskDetails(NoSuchTask): status %d, %s (HTTP %d): %s\n", (int)st,
           qem_error_code(err), qem_error_http_status(err), qem_error_message(err));
    qem_error_free(err);

    /* Bad input never crashes: NULL pointers and bad JSON are INVALID_ARGUMENT. */
    st = qem_client_call(NULL, "GetServerList", "{}", &none, &err);
    printf("NULL client: status %d, %s\n", (int)st, qem_error_message(err));
    qem_error_free(err);
    st = qem_client_call(client, "GetServerList", "{not json", &none, &err);
    printf("bad JSON: status %d, %s\n", (int)st, qem_error_message(err));
    qem_error_free(err);

    /* Asynchronous, completed through the callback. */
    struct waiter w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, ""};
    QemCall *call = NULL;
    if (qem_client_call_async(client, "GetTaskList", "{\"server\": \"Local Server\"}", on_done,
                              &w, &call, &err) != QEM_STATUS_OK) {
        fprintf(stderr, "async: %s\n", qem_error_json(err));
        qem_error_free(err);
        qem_client_free(client);
        return 1;
    }
    wait_for(&w);
    printf("GetTaskList (async): status %d, %s\n", (int)w.status, w.text);
    qem_call_cancel(call); /* after completion: harmless */
    qem_call_free(call);

    /* Cancelled at once: the callback reports CANCELLED (or the answer, if it won). */
    struct waiter w2 = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0, ""};
    if (qem_client_call_async(client, "TestEndpoint",
                              "{\"server\": \"Local Server\", \"endpoint\": \"Oracle Source\"}",
                              on_done, &w2, &call, NULL) == QEM_STATUS_OK) {
        qem_call_cancel(call);
        wait_for(&w2);
        printf("TestEndpoint cancelled: status %d, %s\n", (int)w2.status, w2.text);
        qem_call_free(call);
    }

    qem_client_close(client, NULL);
    qem_client_free(client);
    return 0;
}
