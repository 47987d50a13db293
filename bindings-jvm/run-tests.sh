#!/usr/bin/env bash
# Tests of the JVM binding on a fresh machine: installs a JDK, JNA and gson (Debian) and the
# Kotlin compiler (npm's kotlin-compiler: kotlinc, the standard library, kotlinx-coroutines),
# builds the library, checks the committed Kotlin bindings are what uniffi generates from it,
# builds the jar (uniffi's classes, the typed clients of kotlin/qem and this platform's native
# library), compiles the tests with kotlinc and javac (no Gradle or Maven) and runs them
# against one qem-mock: every shared conformance case, the binding's own tests and the typed
# clients' (Kotlin and Java), ending with "N passed, N failed".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
jvm="$root/target/jvm"
mkdir -p "$jvm"

echo "== JDK, JNA, gson (Debian) and kotlinc (npm)"
. "$here/jar.sh"
jvm_tools

echo "== build the library and the mock"
(cd "$root" && cargo build -q --release -p qem-jvm -p qem-mock)
lib="$root/target/release/libqem_jvm.so"

echo "== the committed Kotlin bindings are uniffi's output for this library"
rm -rf "$jvm/gen"
(cd "$root" && cargo run -q --release -p qem-jvm --bin uniffi-bindgen -- generate --library "$lib" --language kotlin --no-format --out-dir "$jvm/gen" >/dev/null)
if ! cmp -s "$jvm/gen/uniffi/qem_jvm/qem_jvm.kt" "$here/kotlin/uniffi/qem_jvm/qem_jvm.kt"; then
  if [ "${QEM_UPDATE_KOTLIN:-}" = 1 ]; then
    mkdir -p "$here/kotlin/uniffi/qem_jvm"
    cp "$jvm/gen/uniffi/qem_jvm/qem_jvm.kt" "$here/kotlin/uniffi/qem_jvm/qem_jvm.kt"
    echo "updated bindings-jvm/kotlin"
  else
    echo "bindings-jvm/kotlin is stale: regenerate with QEM_UPDATE_KOTLIN=1 bash bindings-jvm/run-tests.sh" >&2
    exit 1
  fi
fi

echo "== the jar: the binding's classes and linux-x86-64/libqem_jvm.so (JNA loads it from the classpath)"
build_jar "$lib" "$jvm/qem-jvm.jar"
# The benchmark only needs the jar.
[ "${QEM_JVM_BUILD_ONLY:-}" = 1 ] && exit 0

echo "== compile the tests (Java's view with javac, the rest with kotlinc)"
rm -rf "$jvm/java" && mkdir -p "$jvm/java"
javac -nowarn -cp "$jvm/qem-jvm.jar:$deps:$klib/kotlin-stdlib.jar" -d "$jvm/java" "$here/tests/"*.java
"$kotlinc" -nowarn -cp "$jvm/qem-jvm.jar:$jvm/java:$deps:/usr/share/java/gson.jar" -d "$jvm/tests.jar" "$here/tests/"*.kt

echo "== run them against the mock"
. "$root/tests/mock/harness.sh"
QEM_MOCK_BIN="$root/target/release/qem-mock" start_mock
java -cp "$jvm/tests.jar:$jvm/java:$jvm/qem-jvm.jar:$deps:/usr/share/java/gson.jar:$klib/kotlin-stdlib.jar" TestsKt "$base" "$ca" "$root/tests/conformance"
