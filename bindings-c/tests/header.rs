//! The committed header `include/qem.h` must be what cbindgen makes of the code now:
//! this test regenerates it in memory and fails on any difference.
//! `QEM_UPDATE_HEADER=1 cargo test -p qem-c --test header` rewrites it.

use std::path::Path;

#[test]
fn committed_header_matches_the_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut generated);
    let generated = String::from_utf8(generated).expect("UTF-8");
    let path = dir.join("include/qem.h");
    if std::env::var_os("QEM_UPDATE_HEADER").is_some() {
        std::fs::write(&path, &generated).expect("writing include/qem.h");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "include/qem.h is stale: run `QEM_UPDATE_HEADER=1 cargo test -p qem-c --test header`"
    );
}
