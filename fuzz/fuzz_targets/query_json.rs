//! Arbitrary bytes as a query: parse (text → JSON → query, collecting problems, and the JS package's
//! typed fast path), decide every cloud (also as a compact batch), serialise the answer, and check the
//! invariants that must hold whatever the input.
#![no_main]

use csp_eligibility::core::{decide, flat, parse_query_str, read_valid_query, Verdict};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let walked = parse_query_str(text);
    // The JS package's fast path never disagrees with the walk.
    if let Some(read) = read_valid_query(text) {
        assert_eq!(Ok(&read), walked.as_ref(), "fast path");
    }
    let _ = csp_eligibility::core::compact::Lexicon::default().decide_many(text, csp_eligibility::core::compact::Detail::Full);
    match walked {
        Ok(query) => {
            let decision = decide(&query);
            assert_eq!(decision.clouds.len(), 4);
            for cloud in &decision.clouds {
                if cloud.verdict == Verdict::NeedsAction {
                    assert!(!cloud.actions.is_empty());
                }
            }
            let json = serde_json::to_string(&decision).expect("a decision always serialises");
            assert!(json.starts_with('{'));
            let pairs = flat::to_pairs(&query);
            let back = csp_eligibility::core::parse_query(&flat::to_value(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))));
            assert_eq!(back.as_ref(), Ok(&query), "flat round trip");
        }
        Err(error) => {
            assert!(!error.problems.is_empty());
            for problem in &error.problems {
                assert!(problem.message.len() < 400, "messages stay short: {}", problem.message.len());
            }
        }
    }
});
