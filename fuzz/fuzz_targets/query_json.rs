//! Arbitrary bytes as a query: as the package's numeric form of query objects, then as text (text →
//! JSON → query, collecting problems, and the JS package's typed fast path); decide every cloud,
//! serialise the answer, and check the invariants that must hold whatever the input.
#![no_main]

use csp_eligibility::core::compact::{read_query_words, Detail, Lexicon, QUERY_WORDS};
use csp_eligibility::core::{decide, flat, parse_query_str, read_valid_query, Verdict};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The bytes as numbers, the way the JS package sends query objects: never a panic, and a query read
    // from them is the query its JSON text gives.
    let words: Vec<u32> = data.chunks_exact(4).map(|bytes| u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])).collect();
    for query in words.chunks(QUERY_WORDS).filter_map(read_query_words) {
        let text = serde_json::to_string(&query).expect("a query serialises");
        assert_eq!(read_valid_query(&text), Some(query), "numeric form");
    }
    let mut lexicon = Lexicon::default();
    for detail in [Detail::Full, Detail::Verdicts] {
        let _ = lexicon.decide_words(&words, detail);
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    let walked = parse_query_str(text);
    // The JS package's fast path never disagrees with the walk.
    if let Some(read) = read_valid_query(text) {
        assert_eq!(Ok(&read), walked.as_ref(), "fast path");
    }
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
