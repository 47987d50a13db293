#!/usr/bin/env bash
# Writes the distributables to dist/, versioned from the workspace's version:
#   qem-c-VERSION-linux-x86_64.tar.gz  the C library: lib/libqem.so and libqem.a,
#                                      include/qem.h, lib/pkgconfig/qem.pc (relocatable:
#                                      unpack it anywhere), share/qem/example.c
#   qem_sdk-VERSION-cp38-abi3-manylinux_2_17_x86_64.whl and qem_sdk-VERSION.tar.gz
#                                      the Python wheel (abi3, manylinux2014, checked by
#                                      maturin; zig links it against the old glibc) and sdist
# tests/install/run.sh installs each from dist/ in a clean place and runs its first example.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml)"
[ -n "$version" ] || { echo "no version in Cargo.toml's [workspace.package]" >&2; exit 1; }
dist="$root/dist"
rm -rf "$dist" && mkdir -p "$dist"

echo "== C: libqem.so, libqem.a, qem.h, qem.pc"
cargo build -q --release -p qem-c
name="qem-c-$version-linux-x86_64"
stage="$root/target/dist/$name"
rm -rf "$stage" && mkdir -p "$stage/lib/pkgconfig" "$stage/include" "$stage/share/qem"
cp target/release/libqem.so target/release/libqem.a "$stage/lib/"
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
venv="$root/target/python-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q "maturin>=1.5,<2" ziglang
# maturin finds zig through the `python3` first on PATH.
(cd bindings-python && PATH="$venv/bin:$PATH" maturin build -q --release --zig --compatibility manylinux2014 -o "$dist")
(cd bindings-python && PATH="$venv/bin:$PATH" maturin sdist -o "$dist")

echo "== dist/"
ls -l "$dist"
