//! uniffi's own generator (`generate --library <libqem_jvm.so> --language kotlin`).
fn main() {
    uniffi::uniffi_bindgen_main()
}
