#!/usr/bin/env bash
# Installs each package of dist/ (scripts/dist.sh) in a clean place and runs its first
# example against the mock, as a user would (and checks that no native library needs a
# glibc newer than 2.17): the C archive unpacked in a temporary folder
# and a program built with `cc example.c $(pkg-config --cflags --libs qem)`, run with
# nothing on the loader path; the Python wheel alone in a new venv (no index, no source
# tree), its first example and its `qem` command; the two Node tarballs in a fresh npm
# project, its first example; a C# program compiled against the .nupkg's assembly and run
# on Mono from the unpacked package; a Java program compiled against the jar and run with
# its POM's dependencies. Ends with "N passed, N failed".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
dist="$root/dist"
ls "$dist"/qem-c-*.tar.gz "$dist"/qem_sdk-*.whl "$dist"/qem-client-*.tgz "$dist"/*.nupkg "$dist"/qem-jvm-*.jar >/dev/null
. "$root/tests/mock/harness.sh"
(cd "$root" && cargo build -q --release -p qem-mock)
# The mock's temporary folder ($out, removed at exit) is the clean place the checks use.
QEM_MOCK_BIN="$root/target/release/qem-mock" start_mock
work="$out"
passed=0 failed=0
export root dist work base ca
check() { # name, function: run by a bash of its own, so that its first failing step fails it
  local name="$1" fn="$2"
  export -f "$fn"
  if (cd "$work" && env -u LD_LIBRARY_PATH -u PYTHONPATH bash -euo pipefail -c "$fn") > "$work/out.txt" 2>&1; then
    passed=$((passed + 1)); echo "ok     $name"
  else
    failed=$((failed + 1)); echo "FAILED $name"; sed 's/^/  /' "$work/out.txt"
  fi
}

# Whether a library needs no glibc newer than 2.17 (what the packages are linked against).
old_glibc() {
  local newest
  newest="$(objdump -T "$1" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
  echo "$1 needs glibc $newest"
  [ "$(printf '%s\n' "$newest" 2.17 | sort -V | tail -1)" = 2.17 ]
}
export -f old_glibc

c_example() {
  mkdir c && tar xzf "$dist"/qem-c-*.tar.gz -C c
  local pc; pc="$(echo "$PWD"/c/*/lib/pkgconfig)"
  PKG_CONFIG_PATH="$pc" pkg-config --modversion qem
  old_glibc c/*/lib/libqem.so
  cp c/*/share/qem/example.c .
  # shellcheck disable=SC2046
  cc example.c $(PKG_CONFIG_PATH="$pc" pkg-config --cflags --libs qem) -lpthread -o example
  ./example "$base" "$ca"
  # The static library, with the system libraries qem.pc names for it.
  # shellcheck disable=SC2046
  cc example.c -I"$(echo c/*/include)" c/*/lib/libqem.a $(PKG_CONFIG_PATH="$pc" pkg-config --libs-only-l --static qem | sed 's/-lqem//') -o example-static
  ./example-static "$base" "$ca"
}
check "C: the archive's example built with pkg-config (shared, no LD_LIBRARY_PATH) and with libqem.a runs" c_example

python_wheel() {
  python3 -m venv venv
  venv/bin/pip install -q --no-index "$dist"/qem_sdk-*.whl
  QEM_URL="$base" QEM_CA_FILE="$ca" venv/bin/python "$root/bindings-python/examples/first_call.py" | tee py.txt
  grep -q "^first call: SalesDBBackup" py.txt
  venv/bin/qem --version
  # The index page's text, and the stubs' marker.
  venv/bin/python -c "import importlib.metadata as m; assert 'pip install qem-sdk' in m.metadata('qem-sdk').get_payload()"
  venv/bin/python -c "import pathlib, qem; assert (pathlib.Path(qem.__file__).parent / 'py.typed').is_file()"
  venv/bin/python -c "import aem_client, qem; print(qem.__version__)"
}
check "Python: the wheel alone in a new venv runs its first call, qem and aem_client" python_wheel

node_packages() {
  mkdir app && cd app
  echo '{"name": "fresh-app", "version": "1.0.0", "private": true}' > package.json
  npm install --no-audit --no-fund --loglevel=error "$dist"/qem-client-linux-x64-gnu-*.tgz "$dist"/qem-client-[0-9]*.tgz
  # The addon comes from the platform package, not from the main one.
  test ! -e node_modules/qem-client/qem-client.node
  old_glibc node_modules/qem-client-linux-x64-gnu/qem-client.linux-x64-gnu.node
  cp "$root/bindings-node/examples/first_call.js" .
  QEM_URL="$base" QEM_CA_FILE="$ca" node first_call.js | tee out.txt
  grep -q "^first call: SalesDBBackup" out.txt
  # Without the platform package, the error names it.
  rm -rf node_modules/qem-client-linux-x64-gnu
  ! node -e "require('qem-client')" 2> err.txt
  grep -q "qem-client-linux-x64-gnu is not installed" err.txt
}
check "Node: the two tarballs in a fresh project run the first call" node_packages

dotnet_package() {
  # As NuGet restores it: the package unpacked into the packages folder, its assembly
  # loaded from there (the folder's lib/netstandard2.0/), nothing on the loader path.
  local pkgdir="packages/qlik.enterprisemanager.client"
  mkdir -p "$pkgdir" && python3 -m zipfile -e "$dist"/Qlik.EnterpriseManager.Client.*.nupkg "$pkgdir"
  old_glibc "$pkgdir/runtimes/linux-x64/native/libqem.so"
  local lib="$pkgdir/lib/netstandard2.0"
  mcs -nologo -r:"$lib/Qlik.EnterpriseManager.Client.dll" -out:FirstCall.exe "$root/bindings-dotnet/examples/FirstCall.cs"
  QEM_URL="$base" QEM_CA_FILE="$ca" MONO_PATH="$lib" mono FirstCall.exe | tee out.txt
  grep -q "^first call: SalesDBBackup" out.txt
}
check ".NET: a program referencing the nupkg runs on Mono with no LD_LIBRARY_PATH" dotnet_package

jvm_jar() {
  # As Maven or Gradle would use it: the jar beside its POM's dependencies (JNA from
  # Debian, Kotlin's standard library and coroutines from npm's kotlin-compiler).
  . "$root/bindings-jvm/jar.sh"
  jvm_tools
  local jar; jar="$(ls "$dist"/qem-jvm-*.jar)"
  grep -q "<artifactId>jna</artifactId>" "${jar%.jar}.pom"
  unzip -q "$jar" linux-x86-64/libqem_jvm.so -d native
  old_glibc native/linux-x86-64/libqem_jvm.so
  local cp="$jar:$deps:$klib/kotlin-stdlib.jar"
  javac -d classes -cp "$cp" "$root/bindings-jvm/examples/FirstCall.java"
  QEM_URL="$base" QEM_CA_FILE="$ca" java -cp "classes:$cp" FirstCall | tee out.txt
  grep -q "^first call: SalesDBBackup" out.txt
}
check "JVM: a Java program built against the jar and its dependencies runs" jvm_jar

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
