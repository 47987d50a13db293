//! Names the shared library `libqem.so` in its own header (its SONAME): programs linked
//! against it record that name, and a runtime that loaded it by path (the .NET SDK from a
//! NuGet package's `runtimes/` folder) finds it again by name.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libqem.so");
    }
}
