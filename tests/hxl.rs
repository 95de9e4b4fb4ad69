//! The report's CSV files read by libhxl, the reference HXL library HDX tools are built on:
//! every file validates against HXL's default schema with no error, and a count by
//! governorate over the long table (its `all` rows: the category totals) equals the wide
//! table's. Needs Python 3 with `libhxl` (`.ci/run` installs it). Without it the test says
//! so and passes, unless `HASILA_REQUIRE_HXL` is set, as CI sets it.

mod common;

use std::fs;
use std::process::Command;

use common::{fixture, hasila};

/// Validates each file named on the command line, then counts killed by governorate in the
/// long and the wide weekly tables; prints one JSON object.
const CHECK: &str = r##"
import json, sys, hxl
from hxl.input import InputOptions
opts = InputOptions(allow_local=True)
out = {"errors": {}, "long": {}, "wide": {}}
for path in sys.argv[2:]:
    errors = []
    hxl.schema(callback=errors.append).validate(hxl.data(path, opts))
    out["errors"][path.rsplit("/", 1)[-1]] = [str(e) for e in errors]
folder = sys.argv[1]
long = (hxl.data(folder + "/weekly.csv", opts)
        .with_rows("#meta+group=all").with_rows("#meta+category=killed")
        .count("#adm1+code", aggregators="sum(#affected) as killed#affected+killed"))
out["long"] = {r.get("#adm1+code"): float(r.get("#affected+killed")) for r in long}
# The wide table's killed total is the column tagged exactly `#affected+killed`.
wide = hxl.data(folder + "/weekly_wide.csv", opts)
cols = [c.get_display_tag(sort_attributes=True) for c in wide.columns]
k, g = cols.index("#affected+killed"), cols.index("#adm1+code")
for row in wide:
    if row.values[k]:
        out["wide"][row.values[g]] = out["wide"].get(row.values[g], 0.0) + float(row.values[k])
print(json.dumps(out))
"##;

fn libhxl() -> bool {
    Command::new("python3")
        .args(["-c", "import hxl"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn the_csv_files_validate_and_sum_as_hxl() {
    if !libhxl() {
        assert!(
            std::env::var_os("HASILA_REQUIRE_HXL").is_none(),
            "HASILA_REQUIRE_HXL is set but Python's libhxl is not installed"
        );
        eprintln!("skipped: no Python libhxl (pip install libhxl six)");
        return;
    }
    let out = std::env::temp_dir().join(format!("hasila-hxl-{}", std::process::id()));
    let _ = fs::remove_dir_all(&out);
    let o = hasila(&[
        "report",
        &fixture("report/corpus.jsonl"),
        "--hxl",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let files = [
        "mentions.csv",
        "incidents.csv",
        "weekly.csv",
        "weekly_wide.csv",
        "totals.csv",
        "excluded.csv",
    ];
    let o = Command::new("python3")
        .args(["-c", CHECK, out.to_str().unwrap()])
        .args(files.iter().map(|f| out.join(f)))
        .output()
        .expect("run python3");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON from the check");
    for f in files {
        let errors = v["errors"][f].as_array().expect("checked");
        assert!(errors.is_empty(), "{f}: {errors:?}");
    }
    let long = v["long"].as_object().unwrap();
    assert!(!long.is_empty(), "no killed counted");
    assert_eq!(
        long,
        v["wide"].as_object().unwrap(),
        "long vs wide by governorate"
    );
    fs::remove_dir_all(&out).unwrap();
}
