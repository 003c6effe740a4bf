//! Honest about its sources' age: an answer dated after a cloud's newest source says that later changes
//! are not included, citing that source; the dates come from the source table, never from a test.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cloud, query};
use csp_eligibility::core::age::{documents_up_to, newest_for, oldest_for, SOURCES_BEGIN, SOURCES_END};
use csp_eligibility::core::messages::{text, Lang};
use csp_eligibility::core::sources::SOURCES;
use csp_eligibility::core::{decide, Cloud, Vocabulary};

fn has_sources_end(day: csp_eligibility::core::Day, on: Cloud) -> bool {
    let q = query(|q| q.as_of = day);
    cloud(&q, on).cautions.iter().any(|c| c.id == SOURCES_END)
}

// Issue: "the caution appears one day after the newest source and not on that day".
#[test]
fn the_caution_starts_the_day_after_each_clouds_newest_source() {
    for &on in Cloud::ALL {
        let newest = newest_for(on);
        assert!(!has_sources_end(newest.date, on), "{on:?} on its newest source's day");
        let next = newest.date.next();
        assert!(has_sources_end(next, on), "{on:?} the day after");
        let q = query(|q| q.as_of = next);
        let caution = cloud(&q, on).cautions.into_iter().find(|c| c.id == SOURCES_END).expect("caution");
        assert_eq!(caution.citation.date, newest.date, "the caution cites the cloud's newest source");
        assert_eq!(cloud(&q, on).sources_up_to, newest.date);
    }
}

fn has_sources_begin(day: csp_eligibility::core::Day, on: Cloud) -> bool {
    let q = query(|q| q.as_of = day);
    cloud(&q, on).cautions.iter().any(|c| c.id == SOURCES_BEGIN)
}

// Issue 21, point 5: an answer dated before a cloud's earliest source says so, citing it: absent on that
// source's day, present the day before; the dates come from the source table.
#[test]
fn the_caution_begins_the_day_before_each_clouds_earliest_source() {
    for &on in Cloud::ALL {
        let oldest = oldest_for(on);
        assert!(!has_sources_begin(oldest.date, on), "{on:?} on its earliest source's day");
        let before = oldest.date.previous();
        assert!(has_sources_begin(before, on), "{on:?} the day before");
        let q = query(|q| q.as_of = before);
        let caution = cloud(&q, on).cautions.into_iter().find(|c| c.id == SOURCES_BEGIN).expect("caution");
        assert_eq!(caution.citation.date, oldest.date, "the caution cites the cloud's earliest source");
        assert!(SOURCES.iter().any(|s| s.id == caution.citation.document && s.version_date == oldest.date));
        assert!(oldest.date <= newest_for(on).date);
    }
    // The example: an answer dated 2010, before the CSP program existed, is no silent yes.
    let q = query(|q| q.as_of = csp_eligibility::core::Day::parse("2010-06-01").expect("day"));
    assert!(cloud(&q, Cloud::Commercial).cautions.iter().any(|c| c.id == SOURCES_BEGIN));
    assert_eq!(oldest_for(Cloud::Germany).document, "000_6afa813301a98690.txt");
    assert_eq!(oldest_for(Cloud::UsGovernment).document, "002_27d6eb6990a20835.txt");
}

// Germany closed in 2021 and the US Government sources end in 2021: their own sources end before the
// ruleset's newest, which is the newest date of the source table.
#[test]
fn each_cloud_names_its_own_newest_source() {
    let newest = SOURCES.iter().map(|s| s.version_date).max().expect("sources");
    assert_eq!(documents_up_to(), newest);
    assert_eq!(newest_for(Cloud::Commercial).date, newest);
    for national in [Cloud::Germany, Cloud::UsGovernment] {
        assert!(newest_for(national).date < newest, "{national:?}");
    }
    // The page reporting the closure in the past tense (no older than the closure) is the newest about Germany.
    assert_eq!(newest_for(Cloud::Germany).document, "environmentname-azuregermancloud");
    let decision = decide(&query(|_| {}));
    assert_eq!(decision.documents_up_to, newest);
    let json = serde_json::to_value(&decision).expect("json");
    assert_eq!(json["documents_up_to"], newest.to_string());
    assert_eq!(json["clouds"][1]["sources_up_to"], newest_for(Cloud::Germany).date.to_string());
}

// The caution reads in every language the widget speaks.
#[test]
fn the_caution_is_written_in_french_and_german() {
    assert!(text("caution.sources_end", Lang::Fr).contains("Espace partenaires"));
    assert!(text("caution.sources_end", Lang::De).contains("Partner-Center"));
    assert!(text("ui.documents_up_to", Lang::De).contains("{}"));
    assert!(text("caution.sources_begin", Lang::Fr).contains("Espace partenaires"));
    assert!(text("caution.sources_begin", Lang::De).contains("Partner-Center"));
}
