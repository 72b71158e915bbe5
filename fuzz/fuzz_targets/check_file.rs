//! Arbitrary bytes as one plan file: decode, parse, schema and every single-file
//! rule under both built-in role models, the appendix-3 digest and attestation
//! blockers, and every renderer on the findings.

#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::diag::Span;
use plan::diag::Outcome;
use plan::model::{Plan, Tbl};
use plan_fuzz::{render_all, settings, today};

const PATH: &str = "objects/ladok/2027.toml";

fuzz_target!(|data: &[u8]| {
    for settings in settings() {
        let report = plan::checks::check_file(settings, today(), PATH, "ladok", 2027, data);
        for f in &report.findings {
            assert!(
                f.line >= 1 && f.column >= 1,
                "a finding without a position: {f:?}"
            );
        }
        let outcome = Outcome {
            findings: report.findings,
            files: vec![PATH.to_string()],
        };
        render_all(&outcome);
        for system in ["ladok", ""] {
            std::hint::black_box(plan::checks::attest_blockers(
                settings,
                today(),
                PATH,
                "ladok",
                2027,
                data,
                system,
            ));
        }
    }
    // The digest `plan attest` records, over whatever answers the file holds.
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(root) = toml::de::DeTable::parse(text) {
            let plan = Plan::from_tree(Tbl::new(root.get_ref(), Span::START));
            for system in &plan.systems {
                if let Some(a3) = &system.appendix3 {
                    std::hint::black_box(plan::model::digest::of_answers(&a3.answers));
                }
            }
        }
    }
});
