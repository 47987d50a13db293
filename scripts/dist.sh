#!/usr/bin/env bash
# Writes the distributables to dist/, versioned from the workspace's version:
#   qem-c-VERSION-linux-x86_64.tar.gz  the C library: lib/libqem.so and libqem.a,
#                                      include/qem.h, lib/pkgconfig/qem.pc (relocatable:
#                                      unpack it anywhere), share/qem/example.c
#   qem_sdk-VERSION-cp38-abi3-manylinux_2_17_x86_64.whl and qem_sdk-VERSION.tar.gz
#                                      the Python wheel (abi3, manylinux2014, checked by
#                                      maturin; zig links it against the old glibc) and sdist
#   qem-client-VERSION.tgz and qem-client-linux-x64-gnu-VERSION.tgz
#                                      the Node package, without the addon, naming the
#                                      platform package (which carries it) as optional
#   Qlik.EnterpriseManager.Client.VERSION.nupkg
#                                      the .NET SDK (netstandard2.0) with the native library
#                                      in runtimes/linux-x64/native/
#   qem-jvm-VERSION.jar and qem-jvm-VERSION.pom
#                                      the JVM binding (Kotlin and Java) with its native
#                                      library in linux-x86-64/, and the POM naming its
#                                      dependencies (JNA, Kotlin's standard library, coroutines)
# Every native library is linked against glibc 2.17 (x86_64 Linux from RHEL 7 on).
# tests/install/run.sh installs each from dist/ in a clean place and runs its first example.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
. "$root/tests/mock/harness.sh"
version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml)"
[ -n "$version" ] || { echo "no version in Cargo.toml's [workspace.package]" >&2; exit 1; }
dist="$root/dist"
rm -rf "$dist" && mkdir -p "$dist"

# The native libraries are linked by zig against glibc 2.17 (as the wheel is, through
# maturin), so that they load on older distributions than the one that built them;
# maturin's own zig driver (`maturin zig cc`) is the compiler and the linker.
venv="$root/target/python-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q "maturin>=1.5,<2" ziglang
zigcc="$root/target/zig/zigcc"
mkdir -p "$(dirname "$zigcc")"
cat > "$zigcc" <<SH
#!/bin/sh
export CARGO_ZIGBUILD_ZIG_COMMAND="$venv/bin/python3"
export CARGO_ZIGBUILD_ZIG_COMMAND_ARGS='-m ziglang'
exec "$venv/bin/maturin" zig cc -- -g -fno-sanitize=all -target x86_64-linux-gnu.2.17 "\$@"
SH
chmod +x "$zigcc"
triple=x86_64-unknown-linux-gnu
echo "== the C library, the Node addon and the JVM binding's library, linked against glibc 2.17"
CARGO_TARGET_X86_64_UNKNOWN_LINUX_GNU_LINKER="$zigcc" CC_x86_64_unknown_linux_gnu="$zigcc" \
  cargo build -q --release --target "$triple" -p qem-c -p qem-node -p qem-jvm
native="$root/target/$triple/release"

echo "== C: libqem.so, libqem.a, qem.h, qem.pc"
name="qem-c-$version-linux-x86_64"
stage="$root/target/dist/$name"
rm -rf "$stage" && mkdir -p "$stage/lib/pkgconfig" "$stage/include" "$stage/share/qem"
cp "$native/libqem.so" "$native/libqem.a" "$stage/lib/"
cp bindings-c/include/qem.h "$stage/include/"
cp bindings-c/examples/example.c bindings-c/README.md "$stage/share/qem/"
# ${pcfiledir} makes the file relocatable; the rpath lets a program built with it run
# with nothing on the loader path.
cat > "$stage/lib/pkgconfig/qem.pc" <<PC
prefix=\${pcfiledir}/../..
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: qem
Description: Qlik Enterprise Manager SDK: the C ABI of its Rust core
Version: $version
URL: https://github.com/qem-sdk/qem-sdk
Libs: -L\${libdir} -Wl,-rpath,\${libdir} -lqem
Libs.private: -lpthread -ldl -lm
Cflags: -I\${includedir}
PC
tar czf "$dist/$name.tar.gz" -C "$root/target/dist" "$name"

echo "== Python: the abi3 manylinux2014 wheel and the sdist"
# maturin finds zig through the `python3` first on PATH.
(cd bindings-python && PATH="$venv/bin:$PATH" maturin build -q --release --zig --compatibility manylinux2014 -o "$dist")
(cd bindings-python && PATH="$venv/bin:$PATH" maturin sdist -o "$dist")

echo "== Node: qem-client and its platform package qem-client-linux-x64-gnu (napi-rs's convention)"
stage="$root/target/dist/node"
rm -rf "$stage" && mkdir -p "$stage/main" "$stage/linux-x64-gnu"
(cd bindings-node && cp index.js index.d.ts methods.js native.js native.d.ts README.md package.json "$stage/main/")
cp bindings-node/npm/linux-x64-gnu/package.json bindings-node/npm/linux-x64-gnu/README.md "$stage/linux-x64-gnu/"
cp "$native/libqem_node.so" "$stage/linux-x64-gnu/qem-client.linux-x64-gnu.node"
# The published main package carries no addon: it names the platform packages as
# optional dependencies, which npm installs only where they fit.
node - "$stage" "$version" <<'JS'
const fs = require('node:fs')
const [stage, version] = process.argv.slice(2)
const edit = (file, change) => {
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'))
  change(pkg)
  fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`)
}
edit(`${stage}/linux-x64-gnu/package.json`, (p) => { p.version = version })
edit(`${stage}/main/package.json`, (p) => {
  p.version = version
  p.files = p.files.filter((f) => !f.endsWith('.node'))
  p.optionalDependencies = { 'qem-client-linux-x64-gnu': version }
  delete p.devDependencies
  delete p.scripts
})
JS
for pkg in main linux-x64-gnu; do
  (cd "$stage/$pkg" && npm pack --pack-destination "$dist" --loglevel=error >/dev/null)
done

echo "== .NET: Qlik.EnterpriseManager.Client.nupkg with runtimes/linux-x64/native/libqem.so"
need_packages "command -v mcs mono-complete"
stage="$root/target/dist/nuget"
rm -rf "$stage" && mkdir -p "$stage/lib/netstandard2.0" "$stage/runtimes/linux-x64/native"
mcs -target:library -unsafe -optimize+ -nowarn:1591 -nologo \
  -doc:"$stage/lib/netstandard2.0/Qlik.EnterpriseManager.Client.xml" \
  -out:"$stage/lib/netstandard2.0/Qlik.EnterpriseManager.Client.dll" bindings-dotnet/src/*.cs
cp "$native/libqem.so" "$stage/runtimes/linux-x64/native/"
cp bindings-dotnet/README.md "$stage/"
# A .nupkg is a zip (Open Packaging Conventions) with the .nuspec at its root; there is no
# `dotnet pack` here, so it is written as such.
python3 - "$stage" "$dist" "$version" <<'PY'
import os, sys, zipfile
stage, dist, version = sys.argv[1:]
pkg = "Qlik.EnterpriseManager.Client"
nuspec = f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>{pkg}</id>
    <version>{version}</version>
    <authors>qem-sdk</authors>
    <description>Qlik Enterprise Manager automation for .NET: the API guide's AemRestClient (chapter 3), typed and async, with clients for the Qlik Cloud Tasks API, Kinetic Task and Veeam Backup Enterprise Manager, over the SDK's Rust core (native library for linux-x64 included).</description>
    <license type="expression">Apache-2.0</license>
    <projectUrl>https://github.com/qem-sdk/qem-sdk</projectUrl>
    <repository type="git" url="https://github.com/qem-sdk/qem-sdk" />
    <readme>README.md</readme>
    <tags>qlik replicate enterprise-manager automation</tags>
    <dependencies>
      <group targetFramework=".NETStandard2.0" />
    </dependencies>
  </metadata>
</package>
"""
types = """<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />
  <Default Extension="nuspec" ContentType="application/octet" />
  <Default Extension="dll" ContentType="application/octet" />
  <Default Extension="xml" ContentType="application/octet" />
  <Default Extension="so" ContentType="application/octet" />
  <Default Extension="md" ContentType="application/octet" />
</Types>
"""
rels = f"""<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/{pkg}.nuspec" Id="R0" />
</Relationships>
"""
with zipfile.ZipFile(os.path.join(dist, f"{pkg}.{version}.nupkg"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(f"{pkg}.nuspec", nuspec)
    z.writestr("[Content_Types].xml", types)
    z.writestr("_rels/.rels", rels)
    for folder, _, files in os.walk(stage):
        for name in sorted(files):
            path = os.path.join(folder, name)
            z.write(path, os.path.relpath(path, stage))
PY

echo "== JVM: qem-jvm.jar (uniffi's classes, the typed clients, linux-x86-64/libqem_jvm.so) and its POM"
. "$root/bindings-jvm/jar.sh"
jvm_tools
build_jar "$native/libqem_jvm.so" "$dist/qem-jvm-$version.jar"
# The versions the jar was compiled against: Kotlin's and coroutines' as npm's
# kotlin-compiler ships them; JNA 5.12 is the oldest with the direct mapping uniffi uses.
kotlin_version="$(unzip -p "$klib/kotlin-stdlib.jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: \([^[:space:]]*\).*/\1/p')"
coroutines_version="$(unzip -p "$klib/kotlinx-coroutines-core-jvm.jar" META-INF/kotlinx_coroutines_core.version)"
cat > "$dist/qem-jvm-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.github.qem-sdk</groupId>
  <artifactId>qem-jvm</artifactId>
  <version>$version</version>
  <packaging>jar</packaging>
  <name>qem-jvm</name>
  <description>Qlik Enterprise Manager automation for Kotlin and Java, with clients for the Qlik Cloud Tasks API, Kinetic Task and Veeam Backup Enterprise Manager, over the SDK's Rust core (native library for linux-x86-64 included).</description>
  <url>https://github.com/qem-sdk/qem-sdk</url>
  <licenses><license><name>Apache-2.0</name></license></licenses>
  <scm><url>https://github.com/qem-sdk/qem-sdk</url></scm>
  <dependencies>
    <dependency><groupId>net.java.dev.jna</groupId><artifactId>jna</artifactId><version>5.12.1</version></dependency>
    <dependency><groupId>org.jetbrains.kotlin</groupId><artifactId>kotlin-stdlib</artifactId><version>$kotlin_version</version></dependency>
    <dependency><groupId>org.jetbrains.kotlinx</groupId><artifactId>kotlinx-coroutines-core-jvm</artifactId><version>$coroutines_version</version></dependency>
  </dependencies>
</project>
POM
python3 -c "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])" "$dist/qem-jvm-$version.pom"

echo "== dist/"
ls -l "$dist"
