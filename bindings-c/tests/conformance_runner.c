/*
 * Runs shared conformance cases (tests/conformance/cases/NAME.json, cloud/NAME.json) through the C ABI's
 * generic entry against a running qem-mock, and prints "N passed, N failed".
 *
 *   conformance_runner BASE_URL CA_FILE CASE.json...
 *   conformance_runner BASE_URL CA_FILE --hostile hostile-names.json
 *
 * The second form runs the hostile-name table (tests/conformance/README.md) through
 * every name argument of every operation qem_operations() describes, plus invalid UTF-8.
 *
 * The mock's control API (/mock/...) is driven with curl, so the ABI holds nothing
 * test-specific. JSON is handled with cJSON.
 */
#define _POSIX_C_SOURCE 200809L
#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "qem.h"

static char origin[512];   /* scheme://host:port of the mock, for /mock/ calls */
static const char *base_url;
static const char *ca_file;
static char failure[4096];  /* why the current case failed */

static void failf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(failure, sizeof failure, fmt, ap);
    va_end(ap);
}

/* cJSON strings end at NUL, so a "\u0000" escape in a case is swapped for this marker
 * on reading and swapped back in the argument text sent to the library. */
#define NUL_ESC "\\u0000"
#define NUL_MARK "\\u0001QEMNUL\\u0001"

/* Replaces every `from` in `s` with `to`; returns a new string (s is freed). */
static char *replace_all(char *s, const char *from, const char *to) {
    size_t fl = strlen(from), tl = strlen(to), count = 0;
    for (const char *p = strstr(s, from); p; p = strstr(p + fl, from)) count++;
    if (!count) return s;
    char *out = malloc(strlen(s) + count * tl + 1), *w = out;
    const char *r = s;
    for (const char *p = strstr(r, from); p; p = strstr(r, from)) {
        memcpy(w, r, (size_t)(p - r));
        w += p - r;
        memcpy(w, to, tl);
        w += tl;
        r = p + fl;
    }
    strcpy(w, r);
    free(s);
    return out;
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf) buf[n] = '\0';
    fclose(f);
    return buf;
}

/* One control request to the mock; the body (may be NULL) goes through a temp file. */
static int mock_control(const char *verb, const char *path, const cJSON *body) {
    char tmp[] = "/tmp/qem-c-body-XXXXXX";
    char cmd[1200];
    int fd = -1;
    if (body) {
        char *text = cJSON_PrintUnformatted(body);
        fd = mkstemp(tmp);
        if (fd < 0 || !text) {
            free(text);
            return -1;
        }
        size_t len = strlen(text);
        ssize_t w = write(fd, text, len);
        close(fd);
        free(text);
        if (w != (ssize_t)len) return -1;
        snprintf(cmd, sizeof cmd,
                 "curl -sfk -o /dev/null -X %s -H 'Content-Type: application/json' "
                 "--data-binary @%s '%s%s'",
                 verb, tmp, origin, path);
    } else {
        snprintf(cmd, sizeof cmd, "curl -sfk -o /dev/null -X %s '%s%s'", verb, origin, path);
    }
    int rc = system(cmd);
    if (body) unlink(tmp);
    return rc == 0 ? 0 : -1;
}

/* GET from the mock's control API, parsed (NULL on failure). */
static cJSON *mock_get(const char *path) {
    char tmp[] = "/tmp/qem-c-get-XXXXXX";
    int fd = mkstemp(tmp);
    if (fd < 0) return NULL;
    close(fd);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "curl -sfk -o %s '%s%s'", tmp, origin, path);
    cJSON *v = NULL;
    if (system(cmd) == 0) {
        char *text = read_file(tmp);
        if (text) v = cJSON_Parse(text);
        free(text);
    }
    unlink(tmp);
    return v;
}

static void sleep_ms(long ms) {
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* expected is a subset of actual: objects by key, arrays same length element-wise,
 * "$any" matches any present value, numbers by value. */
static int subset(const cJSON *expected, const cJSON *actual, const char *at) {
    char where[1024];
    if (cJSON_IsString(expected) && strcmp(expected->valuestring, "$any") == 0) return 1;
    if (cJSON_IsObject(expected)) {
        if (!cJSON_IsObject(actual)) {
            failf("%s is not an object", at);
            return 0;
        }
        const cJSON *e;
        cJSON_ArrayForEach(e, expected) {
            const cJSON *a = cJSON_GetObjectItemCaseSensitive(actual, e->string);
            snprintf(where, sizeof where, "%s.%s", at, e->string);
            if (!a) {
                failf("%s is missing", where);
                return 0;
            }
            if (!subset(e, a, where)) return 0;
        }
        return 1;
    }
    if (cJSON_IsArray(expected)) {
        int n = cJSON_GetArraySize(expected);
        if (!cJSON_IsArray(actual) || cJSON_GetArraySize(actual) != n) {
            failf("%s has %d elements, expected %d", at,
                  cJSON_IsArray(actual) ? cJSON_GetArraySize(actual) : -1, n);
            return 0;
        }
        for (int i = 0; i < n; i++) {
            snprintf(where, sizeof where, "%s[%d]", at, i);
            if (!subset(cJSON_GetArrayItem(expected, i), cJSON_GetArrayItem(actual, i), where))
                return 0;
        }
        return 1;
    }
    if (cJSON_IsNumber(expected) && cJSON_IsNumber(actual) &&
        expected->valuedouble == actual->valuedouble)
        return 1;
    if (cJSON_Compare(expected, actual, 1)) return 1;
    char *e = cJSON_PrintUnformatted(expected), *a = cJSON_PrintUnformatted(actual);
    failf("%s is %s, expected %s", at, a ? a : "?", e ? e : "?");
    free(e);
    free(a);
    return 0;
}

/* A case naming a service (Qlik Cloud, Kinetic Task, Veeam): that service's root on the
 * mock (`origin` + `/qlik-cloud`, `/kinetic-task` or `/veeam`) and the case's credentials. */
static char *service_options(const cJSON *service, const cJSON *credentials) {
    char url[600];
    const char *root = strcmp(service->valuestring, "kinetic") == 0 ? "kinetic-task"
                       : strcmp(service->valuestring, "veeam") == 0 ? "veeam"
                                                                     : "qlik-cloud";
    snprintf(url, sizeof url, "%s/%s", origin, root);
    cJSON *o = cJSON_Duplicate(credentials, 1);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        o = cJSON_CreateObject();
    }
    cJSON_AddStringToObject(o, "service", service->valuestring);
    cJSON_AddStringToObject(o, "url", url);
    cJSON_AddStringToObject(o, "ca_file", ca_file);
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return text;
}

static char *client_options(const cJSON *login) {
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "url", base_url);
    cJSON_AddStringToObject(o, "ca_file", ca_file);
    const cJSON *tok = cJSON_GetObjectItemCaseSensitive(login, "api_token");
    const cJSON *jwt = cJSON_GetObjectItemCaseSensitive(login, "jwt");
    const cJSON *saml = cJSON_GetObjectItemCaseSensitive(login, "saml");
    const cJSON *user = cJSON_GetObjectItemCaseSensitive(login, "username");
    const cJSON *pass = cJSON_GetObjectItemCaseSensitive(login, "password");
    if (cJSON_IsString(tok)) {
        cJSON_AddStringToObject(o, "api_token", tok->valuestring);
    } else if (cJSON_IsString(jwt)) {
        cJSON_AddStringToObject(o, "jwt", jwt->valuestring);
    } else if (cJSON_IsString(saml)) {
        cJSON_AddStringToObject(o, "saml", saml->valuestring);
    } else if (cJSON_IsString(user)) {
        cJSON_AddStringToObject(o, "username", user->valuestring);
        cJSON_AddStringToObject(o, "password", cJSON_IsString(pass) ? pass->valuestring : "");
    } else {
        cJSON_AddStringToObject(o, "username", "QEM\\admin");
        cJSON_AddStringToObject(o, "password", "admin-pass");
    }
    /* Extra client options of the case (`login.options`). */
    const cJSON *extra = cJSON_GetObjectItemCaseSensitive(login, "options");
    const cJSON *opt;
    cJSON_ArrayForEach(opt, extra) {
        cJSON_AddItemToObject(o, opt->string, cJSON_Duplicate(opt, 1));
    }
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return text;
}

static int run_step(QemClient *client, const cJSON *step) {
    const cJSON *mock = cJSON_GetObjectItemCaseSensitive(step, "mock");
    if (cJSON_IsString(mock)) {
        const char *action = mock->valuestring;
        if (strcmp(action, "expire_sessions") == 0)
            return mock_control("POST", "/mock/expire-sessions", NULL) == 0 ||
                   (failf("expire-sessions failed"), 0);
        if (strcmp(action, "faults") == 0)
            return mock_control("PUT", "/mock/faults",
                                cJSON_GetObjectItemCaseSensitive(step, "faults")) == 0 ||
                   (failf("setting faults failed"), 0);
        if (strcmp(action, "sleep") == 0) {
            const cJSON *ms = cJSON_GetObjectItemCaseSensitive(step, "ms");
            sleep_ms(cJSON_IsNumber(ms) ? (long)ms->valuedouble : 0);
            return 1;
        }
        if (strcmp(action, "clear_requests") == 0)
            return mock_control("DELETE", "/mock/requests", NULL) == 0 ||
                   (failf("clearing the request log failed"), 0);
        if (strcmp(action, "expect_requests") == 0) {
            cJSON *seen = mock_get("/mock/requests");
            if (!cJSON_IsArray(seen)) {
                cJSON_Delete(seen);
                failf("reading the request log failed");
                return 0;
            }
            const cJSON *op = cJSON_GetObjectItemCaseSensitive(step, "operation");
            cJSON *kept = cJSON_CreateArray();
            const cJSON *r;
            cJSON_ArrayForEach(r, seen) {
                const cJSON *rop = cJSON_GetObjectItemCaseSensitive(r, "operation");
                if (!cJSON_IsString(op) ||
                    (cJSON_IsString(rop) && strcmp(rop->valuestring, op->valuestring) == 0))
                    cJSON_AddItemToArray(kept, cJSON_Duplicate(r, 1));
            }
            const cJSON *expect = cJSON_GetObjectItemCaseSensitive(step, "expect");
            cJSON *none = cJSON_CreateArray();
            int ok = subset(expect ? expect : none, kept, "requests");
            cJSON_Delete(none);
            cJSON_Delete(kept);
            cJSON_Delete(seen);
            return ok;
        }
        failf("unknown mock action %s", action);
        return 0;
    }
    const cJSON *method = cJSON_GetObjectItemCaseSensitive(step, "method");
    if (!cJSON_IsString(method)) {
        failf("step has no method");
        return 0;
    }
    const cJSON *args = cJSON_GetObjectItemCaseSensitive(step, "args");
    char *args_text = args ? cJSON_PrintUnformatted(args) : NULL;
    if (args_text) args_text = replace_all(args_text, NUL_MARK, NUL_ESC);
    char *result = NULL;
    QemError *err = NULL;
    QemStatus st = qem_client_call(client, method->valuestring, args_text ? args_text : "{}",
                                   &result, &err);
    free(args_text);
    const cJSON *want_err = cJSON_GetObjectItemCaseSensitive(step, "expect_error");
    const cJSON *want_status = cJSON_GetObjectItemCaseSensitive(step, "expect_http_status");
    int ok = 1;
    if (cJSON_IsString(want_err)) {
        if (st == QEM_STATUS_OK) {
            failf("%s succeeded with %s; expected error %s", method->valuestring, result,
                  want_err->valuestring);
            ok = 0;
        } else if (strcmp(qem_error_code(err), want_err->valuestring) != 0) {
            failf("%s failed with %s; expected %s", method->valuestring, qem_error_json(err),
                  want_err->valuestring);
            ok = 0;
        } else if (cJSON_IsNumber(want_status) &&
                   qem_error_http_status(err) != (int)want_status->valuedouble) {
            failf("%s: HTTP status %d, expected %d", method->valuestring,
                  qem_error_http_status(err), (int)want_status->valuedouble);
            ok = 0;
        }
    } else if (st != QEM_STATUS_OK) {
        failf("%s failed: %s", method->valuestring, qem_error_json(err));
        ok = 0;
    } else {
        const cJSON *expect = cJSON_GetObjectItemCaseSensitive(step, "expect");
        if (expect && !cJSON_IsNull(expect)) {
            cJSON *actual = cJSON_Parse(result);
            if (!actual) {
                failf("%s answered text that is not JSON: %s", method->valuestring, result);
                ok = 0;
            } else {
                char at[256];
                snprintf(at, sizeof at, "%s: $", method->valuestring);
                ok = subset(expect, actual, at);
                cJSON_Delete(actual);
            }
        }
    }
    qem_string_free(result);
    qem_error_free(err);
    return ok;
}

static int run_case(const char *path) {
    failure[0] = '\0';
    char *text = read_file(path);
    if (!text) {
        failf("cannot read the case");
        return 0;
    }
    text = replace_all(text, NUL_ESC, NUL_MARK);
    cJSON *c = cJSON_Parse(text);
    free(text);
    if (!c) {
        failf("the case is not JSON");
        return 0;
    }
    int ok = 1;
    static const char *no_faults =
        "{\"latency_ms\":0,\"error_rate\":0.0,\"error_status\":503,\"drop_rate\":0.0,\"seed\":1}";
    cJSON *nf = cJSON_Parse(no_faults);
    const cJSON *state = cJSON_GetObjectItemCaseSensitive(c, "state");
    int prepared = mock_control("PUT", "/mock/faults", nf) == 0 &&
                   (state && !cJSON_IsNull(state) ? mock_control("PUT", "/mock/state", state)
                                                  : mock_control("POST", "/mock/reset", NULL)) == 0;
    cJSON_Delete(nf);
    if (!prepared) {
        failf("preparing the mock failed");
        cJSON_Delete(c);
        return 0;
    }
    /* A case sees its own requests only. */
    mock_control("DELETE", "/mock/requests", NULL);
    const cJSON *service = cJSON_GetObjectItemCaseSensitive(c, "service");
    char *options = cJSON_IsString(service) && strcmp(service->valuestring, "qem") != 0
                        ? service_options(service, cJSON_GetObjectItemCaseSensitive(c, "credentials"))
                        : client_options(cJSON_GetObjectItemCaseSensitive(c, "login"));
    QemClient *client = NULL;
    QemError *err = NULL;
    if (qem_client_new(options, &client, &err) != QEM_STATUS_OK) {
        failf("creating the client: %s", qem_error_json(err));
        qem_error_free(err);
        free(options);
        cJSON_Delete(c);
        return 0;
    }
    free(options);
    const cJSON *login_err = cJSON_GetObjectItemCaseSensitive(c, "expect_login_error");
    if (cJSON_IsString(login_err)) {
        char *result = NULL;
        QemStatus st = qem_client_call(client, "login", "{}", &result, &err);
        if (st == QEM_STATUS_OK) {
            failf("login succeeded; expected %s", login_err->valuestring);
            ok = 0;
        } else if (strcmp(qem_error_code(err), login_err->valuestring) != 0) {
            failf("login failed with %s; expected %s", qem_error_json(err),
                  login_err->valuestring);
            ok = 0;
        }
        qem_string_free(result);
        qem_error_free(err);
    } else {
        const cJSON *steps = cJSON_GetObjectItemCaseSensitive(c, "steps");
        int i = 0;
        const cJSON *step;
        cJSON_ArrayForEach(step, steps) {
            i++;
            if (!run_step(client, step)) {
                char why[sizeof failure];
                memcpy(why, failure, sizeof why);
                failf("step %d: %s", i, why);
                ok = 0;
                break;
            }
        }
        qem_client_close(client, NULL);
    }
    qem_client_free(client);
    cJSON_Delete(c);
    return ok;
}

/* The table's entry as a string: a string, or {"repeat": S, "times": N}. */
static char *expand(const cJSON *e) {
    if (cJSON_IsString(e)) return strdup(e->valuestring);
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(e, "repeat");
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(e, "times");
    size_t rl = strlen(r->valuestring), n = (size_t)t->valuedouble;
    char *out = malloc(rl * n + 1);
    for (size_t i = 0; i < n; i++) memcpy(out + i * rl, r->valuestring, rl);
    out[rl * n] = '\0';
    return out;
}

/* One hostile call: `name` (table text, NUL as NUL_MARK; or raw bytes when `raw`) in
 * `arg` of `op`; checks the request log as the table says. */
static int hostile_call(QemClient *client, const cJSON *table, const cJSON *op, const char *arg,
                        const char *name, int refused, int raw) {
    const char *method = cJSON_GetObjectItemCaseSensitive(op, "method")->valuestring;
    cJSON *args = cJSON_CreateObject();
    const cJSON *base = cJSON_GetObjectItemCaseSensitive(table, "base_args");
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(op, "args")) {
        const char *an = cJSON_GetObjectItemCaseSensitive(a, "name")->valuestring;
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(base, an);
        if (v) cJSON_AddItemToObject(args, an, cJSON_Duplicate(v, 1));
    }
    const cJSON *payload =
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(table, "payloads"), method);
    if (payload) cJSON_AddItemToObject(args, "payload", cJSON_Duplicate(payload, 1));
    cJSON_DeleteItemFromObjectCaseSensitive(args, arg);
    cJSON_AddStringToObject(args, arg, raw ? "\x01RAW\x01" : name);
    char *text = cJSON_PrintUnformatted(args);
    cJSON_Delete(args);
    text = replace_all(text, NUL_MARK, NUL_ESC);
    if (raw) text = replace_all(text, "\\u0001RAW\\u0001", name);
    mock_control("DELETE", "/mock/requests", NULL);
    char *result = NULL;
    QemError *err = NULL;
    QemStatus st = qem_client_call(client, method, text, &result, &err);
    free(text);
    cJSON *log = mock_get("/mock/requests");
    int ok = 1;
    if (refused) {
        char quoted[64];
        snprintf(quoted, sizeof quoted, "`%s`", arg);
        if (st == QEM_STATUS_OK || strcmp(qem_error_code(err), "INVALID_ARGUMENT") != 0) {
            failf("%s(%s=%.20s) was not refused: %s", method, arg, name,
                  st == QEM_STATUS_OK ? result : qem_error_json(err));
            ok = 0;
        } else if (!strstr(qem_error_message(err), quoted)) {
            failf("%s(%s=%.20s): the message does not name %s: %s", method, arg, name, quoted,
                  qem_error_message(err));
            ok = 0;
        } else if (!cJSON_IsArray(log) || cJSON_GetArraySize(log) != 0) {
            failf("%s(%s=%.20s) was refused but sent something", method, arg, name);
            ok = 0;
        }
    } else {
        int seen = 0;
        const cJSON *r, *hit = NULL;
        cJSON_ArrayForEach(r, log) {
            const cJSON *rop = cJSON_GetObjectItemCaseSensitive(r, "operation");
            if (cJSON_IsString(rop) && strcmp(rop->valuestring, "login") == 0) continue;
            seen++;
            hit = r;
        }
        const cJSON *got = hit ? cJSON_GetObjectItemCaseSensitive(
                                     cJSON_GetObjectItemCaseSensitive(hit, "names"), arg)
                               : NULL;
        const cJSON *hop = hit ? cJSON_GetObjectItemCaseSensitive(hit, "operation") : NULL;
        if (st != QEM_STATUS_OK && strcmp(qem_error_code(err), "INVALID_ARGUMENT") == 0) {
            failf("%s(%s=%.20s) was refused: %s", method, arg, name, qem_error_json(err));
            ok = 0;
        } else if (seen != 1 || !cJSON_IsString(hop) || strcmp(hop->valuestring, method) != 0 ||
                   !cJSON_IsString(got) || strcmp(got->valuestring, name) != 0) {
            failf("%s(%s=%.20s): %d requests, routed to %s, name arrived as %.40s", method, arg,
                  name, seen, cJSON_IsString(hop) ? hop->valuestring : "?",
                  cJSON_IsString(got) ? got->valuestring : "?");
            ok = 0;
        }
    }
    cJSON_Delete(log);
    qem_string_free(result);
    qem_error_free(err);
    return ok;
}

/* Every operation x name argument x hostile name; one result line per (operation, arg). */
static int run_hostile(const char *table_path, int *passed, int *failed) {
    char *text = read_file(table_path);
    if (!text) return 0;
    text = replace_all(text, NUL_ESC, NUL_MARK);
    cJSON *table = cJSON_Parse(text);
    free(text);
    char *ops_text = NULL;
    QemError *err = NULL;
    if (!table || qem_operations(&ops_text, &err) != QEM_STATUS_OK) return 0;
    /* The API description: the operations of its first service, Enterprise Manager. */
    cJSON *description = cJSON_Parse(ops_text);
    qem_string_free(ops_text);
    const cJSON *ops = cJSON_GetObjectItemCaseSensitive(
        cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(description, "services"), 0),
        "operations");
    char *options = client_options(NULL);
    QemClient *client = NULL;
    qem_client_new(options, &client, &err);
    free(options);
    mock_control("POST", "/mock/reset", NULL);
    /* Invalid UTF-8 inside the JSON text: C can hold it, the library must refuse it; and
     * lone surrogate escapes, which JSON can write and UTF-8 cannot carry. */
    static const char *bad_utf8[] = {"\xff", "a\xc3", "\xed\xa0\x80", "\\ud800", "a\\udfffb"};
    static const char *names[] = {"server", "task", "endpoint"};
    const cJSON *op;
    cJSON_ArrayForEach(op, ops) {
        for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
            const char *arg = names[k];
            int has = 0;
            const cJSON *a;
            cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(op, "args")) {
                if (strcmp(cJSON_GetObjectItemCaseSensitive(a, "name")->valuestring, arg) == 0)
                    has = 1;
            }
            if (!has) continue;
            int ok = 1;
            const cJSON *e;
            cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(table, "refused")) {
                char *name = expand(e);
                ok = ok && hostile_call(client, table, op, arg, name, 1, 0);
                free(name);
            }
            for (size_t b = 0; ok && b < sizeof bad_utf8 / sizeof *bad_utf8; b++)
                ok = hostile_call(client, table, op, arg, bad_utf8[b], 1, 1);
            cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(table, "sent")) {
                char *name = expand(e);
                ok = ok && hostile_call(client, table, op, arg, name, 0, 0);
                free(name);
            }
            const char *method = cJSON_GetObjectItemCaseSensitive(op, "method")->valuestring;
            if (ok) {
                (*passed)++;
                printf("ok     hostile %s %s\n", method, arg);
            } else {
                (*failed)++;
                printf("FAILED hostile %s %s: %s\n", method, arg, failure);
            }
            fflush(stdout);
        }
    }
    qem_client_close(client, NULL);
    qem_client_free(client);
    cJSON_Delete(description);
    cJSON_Delete(table);
    return 1;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s BASE_URL CA_FILE CASE.json...\n", argv[0]);
        return 2;
    }
    base_url = argv[1];
    ca_file = argv[2];
    /* origin = everything before the path: scheme://host:port */
    const char *p = strstr(base_url, "://");
    p = p ? strchr(p + 3, '/') : NULL;
    size_t n = p ? (size_t)(p - base_url) : strlen(base_url);
    if (n >= sizeof origin) n = sizeof origin - 1;
    memcpy(origin, base_url, n);
    origin[n] = '\0';

    int passed = 0, failed = 0;
    if (strcmp(argv[3], "--hostile") == 0) {
        if (argc < 5 || !run_hostile(argv[4], &passed, &failed)) {
            fprintf(stderr, "cannot run the hostile-name table\n");
            return 2;
        }
        printf("%d passed, %d failed\n", passed, failed);
        return failed ? 1 : 0;
    }
    for (int i = 3; i < argc; i++) {
        const char *name = strrchr(argv[i], '/');
        name = name ? name + 1 : argv[i];
        if (run_case(argv[i])) {
            passed++;
            printf("ok     %s\n", name);
        } else {
            failed++;
            printf("FAILED %s: %s\n", name, failure);
        }
        fflush(stdout);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
