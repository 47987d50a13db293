# Sourced by run-tests.sh, scripts/dist.sh and tests/install/run.sh: the JVM tools and the
# jar. `jvm_tools` installs a JDK, JNA and gson (Debian) and npm's kotlin-compiler (kotlinc,
# the standard library, kotlinx-coroutines) when missing and sets $kotlinc, $klib and $deps
# (the jar's dependencies as a classpath). `build_jar LIB JAR` compiles uniffi's Kotlin and
# the typed clients of kotlin/qem and writes JAR with them and LIB as
# linux-x86-64/libqem_jvm.so, which JNA loads from the classpath.
jvm_here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jvm_root="$(cd "$jvm_here/.." && pwd)"

jvm_tools() {
  if ! command -v javac >/dev/null || [ ! -f /usr/share/java/jna.jar ] || [ ! -f /usr/share/java/gson.jar ]; then
    local SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jdk-headless libjna-java libgoogle-gson-java >/dev/null
  fi
  local kdir="$jvm_root/target/kotlin"
  kotlinc="$kdir/node_modules/kotlin-compiler/bin/kotlinc"
  if [ ! -x "$kotlinc" ]; then
    mkdir -p "$kdir"
    (cd "$kdir" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund --loglevel=error kotlin-compiler@2.4.20)
  fi
  klib="$kdir/node_modules/kotlin-compiler/lib"
  deps="/usr/share/java/jna.jar:$klib/kotlinx-coroutines-core-jvm.jar"
}

build_jar() { # LIB JAR
  local classes; classes="$(mktemp -d)"
  mkdir -p "$classes/linux-x86-64"
  "$kotlinc" -nowarn -cp "$deps" -d "$classes" "$jvm_here/kotlin/uniffi/qem_jvm/qem_jvm.kt" "$jvm_here/kotlin/qem/"*.kt
  cp "$1" "$classes/linux-x86-64/libqem_jvm.so"
  rm -f "$2"
  (cd "$classes" && jar cf "$2" .)
  rm -rf "$classes"
}
