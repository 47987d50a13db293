//! The addon's build script: napi's link settings only. The JavaScript methods and
//! `index.d.ts` are generated from the API description by `cargo run -p qem-codegen`.

fn main() {
    napi_build::setup();
}
