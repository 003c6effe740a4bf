//! Invariants over generated queries: one verdict per cloud, every non-allowed verdict explained by a
//! cited rule, every `needs_action` with an action, every answer with a portal, determinism, JSON
//! round-trips, and the fast readers and the compact form agreeing with the full path.

#![cfg(not(target_arch = "wasm32"))]

use csp_eligibility::core::compact::{query_words, read_query_words, Detail, Lexicon};
use csp_eligibility::core::decision::Outcome;
use csp_eligibility::core::facts::Facts;
use csp_eligibility::core::markets::known_codes;
use csp_eligibility::core::rules::{Check, RULES};
use csp_eligibility::core::vocabulary::CustomerStatus;
use csp_eligibility::core::{
    decide, nearest, parse_query_str, read_valid_query, timeline, verdicts, Cloud, CountryCode, Customer, Day, Fact, Partner, PartnerModel, Program, Query,
    Relation, Role, Segment, Task, Verdict, Verdicts, Vocabulary, API_VERSION,
};
use proptest::prelude::*;
use proptest::sample::select;

fn one_of<V: Vocabulary + std::fmt::Debug>() -> impl Strategy<Value = V> {
    select(V::ALL.to_vec())
}

fn maybe<T: std::fmt::Debug + Clone>(inner: impl Strategy<Value = T>) -> impl Strategy<Value = Option<T>> {
    prop_oneof![1 => Just(None), 3 => inner.prop_map(Some)]
}

fn country() -> impl Strategy<Value = CountryCode> {
    let codes: Vec<CountryCode> = known_codes().filter_map(CountryCode::parse).collect();
    select(codes)
}

fn day() -> impl Strategy<Value = Day> {
    (2016i32..=2027, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Day::from_ymd(y, m, d).expect("valid day"))
}

prop_compose! {
    fn partner()(
        country in country(),
        model in one_of::<PartnerModel>(),
        has_partner_id in maybe(any::<bool>()),
        mpa_signed in maybe(any::<bool>()),
        provider in maybe(country()),
        programs in maybe(proptest::collection::btree_set(one_of::<Program>(), 0..=4)),
        us_gov_validated in maybe(any::<bool>()),
        role in maybe(one_of::<Role>()),
        european_account in maybe(any::<bool>()),
        european_tenant_country in maybe(country()),
        european_tenant_active in maybe(any::<bool>()),
    ) -> Partner {
        let reseller = model == PartnerModel::IndirectReseller;
        Partner {
            country,
            model,
            has_partner_id,
            mpa_signed,
            provider_country: provider.filter(|_| reseller),
            programs: programs.map(|set| set.into_iter().collect()),
            us_gov_validated,
            role,
            european_account,
            european_tenant_country,
            european_tenant_active,
        }
    }
}

prop_compose! {
    fn query()(
        as_of in day(),
        partner in partner(),
        customer_country in country(),
        segment in one_of::<Segment>(),
        relation in one_of::<Relation>(),
        status in maybe(one_of::<CustomerStatus>()),
        cloud in maybe(one_of::<Cloud>()),
        task in maybe(one_of::<Task>()),
    ) -> Query {
        let relation = if relation.fits(partner.model) { relation } else { Relation::Unrelated };
        let status = status.filter(|s| !(task == Some(Task::MigrateGermanyCustomer) && *s == CustomerStatus::New));
        Query {
            api_version: API_VERSION,
            as_of,
            partner,
            customer: Customer { country: customer_country, segment, relation, national_cloud_customer: status },
            cloud,
            task,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, ..ProptestConfig::default() })]

    #[test]
    fn every_cloud_gets_exactly_one_explained_verdict(query in query()) {
        let decision = decide(&query);
        let clouds: Vec<Cloud> = decision.clouds.iter().map(|c| c.cloud).collect();
        prop_assert_eq!(clouds, Cloud::ALL.to_vec());
        for cloud in &decision.clouds {
            let expected = match cloud.verdict {
                Verdict::Allowed => None,
                Verdict::Denied => Some(Outcome::Fail),
                Verdict::NeedsAction => Some(Outcome::NeedsAction),
                Verdict::Unknown => Some(Outcome::Unknown),
            };
            if let Some(outcome) = expected {
                let cited = cloud.reasons.iter().any(|r| r.outcome == outcome && !r.citation.document.is_empty() && !r.citation.url.is_empty());
                prop_assert!(cited, "{:?} without a cited {:?} rule", cloud.verdict, outcome);
            } else {
                prop_assert!(cloud.reasons.iter().all(|r| r.outcome == Outcome::Pass));
            }
            if cloud.verdict == Verdict::NeedsAction {
                prop_assert!(!cloud.actions.is_empty(), "needs_action without an action");
            }
            // Issue 12 point 3: a denial lists the ways out of its failed rules, and none when one of
            // them has no way out (no action then makes it allowed).
            if cloud.verdict == Verdict::Denied {
                let facts = Facts::new(&query);
                let ways_out: Vec<&[&str]> = RULES
                    .iter()
                    .filter(|rule| rule.applies(cloud.cloud, query.as_of))
                    .filter_map(|rule| match (rule.check)(&facts, cloud.cloud) { Check::Fail(ways) => Some(ways), _ => None })
                    .collect();
                let dead_end = ways_out.iter().any(|ways| ways.is_empty());
                prop_assert_eq!(cloud.actions.is_empty(), dead_end);
                for action in &cloud.actions {
                    prop_assert!(ways_out.iter().any(|ways| ways.contains(&action.text.key())), "{} is not a way out", action.text.key());
                }
            }
            if cloud.verdict == Verdict::Unknown {
                let unsettled = cloud.reasons.iter().any(|r| r.outcome == Outcome::Unknown && cloud.cautions.iter().any(|c| c.id == r.rule));
                prop_assert!(!cloud.missing_facts.is_empty() || unsettled, "unknown without a missing fact or a caution");
            }
            prop_assert!(!cloud.portal.name.is_empty());
        }
    }

    /// `engine.rs` `verdicts`: the pass that records only the deciding rules gives the verdicts, portals
    /// and deciding rules of the full decision.
    #[test]
    fn verdicts_only_agree_with_the_full_decision(query in query()) {
        let decision = decide(&query);
        prop_assert_eq!(verdicts(&query), Verdicts::from(&decision));
        // A tally's missed facts are the decision's `missing_facts` (the exhaustive analysis reads them).
        for (tally, cloud) in csp_eligibility::core::engine::tallies(&query).iter().zip(&decision.clouds) {
            for fact in cloud.missing_facts.iter() {
                prop_assert!(tally.misses(*fact));
            }
                        prop_assert_eq!(Fact::ALL.iter().filter(|fact| tally.misses(**fact)).count(), cloud.missing_facts.len());
        }
    }

    #[test]
    fn decisions_are_deterministic(query in query()) {
        prop_assert_eq!(decide(&query), decide(&query));
    }

    #[test]
    fn queries_round_trip_through_json(query in query()) {
        let text = serde_json::to_string(&query).expect("query serialises");
        let parsed = parse_query_str(&text);
        prop_assert_eq!(parsed.as_ref(), Ok(&query), "{}", text);
        let again: Query = serde_json::from_str(&text).expect("serde reads it back");
        prop_assert_eq!(again, query);
    }

    /// The JS package's fast path (`parse.rs` `read_valid_query`) reads a valid query exactly as the
    /// problem-collecting walk does, and never accepts what the walk refuses, whatever one edit breaks.
    #[test]
    fn the_fast_reader_agrees_with_the_walk(query in query(), edit in 0usize..9, pick in 0usize..1000) {
        let mut value = serde_json::to_value(&query).expect("query serialises");
        let spoil = |value: &mut serde_json::Value| -> Option<()> {
            let partner = value.get_mut("partner")?.as_object_mut()?;
            match edit {
                1 => { partner.insert("programs".into(), serde_json::json!(["commercial", "germany", "commercial"])); }
                2 => { partner.insert("provider_country".into(), serde_json::json!("DE")); }
                3 => { partner.insert("colour".into(), serde_json::json!("blue")); }
                4 => { partner.insert("mpa_signed".into(), serde_json::Value::Null); }
                5 => { partner.insert("country".into(), [serde_json::json!("ZZ"), serde_json::json!("fr"), serde_json::json!("FRA"), serde_json::json!(7)][pick % 4].clone()); }
                6 => { value.as_object_mut()?.insert("api_version".into(), [serde_json::json!(2), serde_json::json!(1.0), serde_json::json!("1")][pick % 3].clone()); }
                7 => { value.get_mut("customer")?.as_object_mut()?.insert("relation".into(), serde_json::json!(["own_provider", "own_indirect_reseller"][pick % 2])); }
                8 => { value.as_object_mut()?.insert("as_of".into(), serde_json::json!(["2024-02-30", "2024-1-01", ""][pick % 3])); }
                _ => {}
            }
            Some(())
        };
        spoil(&mut value);
        let text = value.to_string();
        let walked = parse_query_str(&text).ok();
        match read_valid_query(&text) {
            Some(read) => prop_assert_eq!(Some(read), walked, "{}", text),
            None => prop_assert!(edit != 0, "a valid query missed the fast path: {}", text),
        }
    }

    /// `batch.rs`: a batch row is read straight into its types exactly as the flat form (links) reads
    /// it through the problem-collecting parser, whatever one cell breaks; a bad cell is reported at its column.
    #[test]
    fn a_batch_row_reads_as_its_link_does(query in query(), edit in 0usize..7, pick in 0usize..1000) {
        let mut pairs = csp_eligibility::core::flat::to_pairs(&query);
        pairs.retain(|(path, _)| path != "api_version");
        let spoiled = match edit {
            1 => Some(("partner.country", ["ZZ", "fr", "FRA"][pick % 3])),
            2 => Some(("as_of", ["2024-02-30", "2024-1-01", "soon"][pick % 3])),
            3 => Some(("partner.programs", ["commercial,mars", "commercial;germany", "germany commercial germany"][pick % 3])),
            4 => Some(("partner.mpa_signed", ["TRUE", "yes", "False"][pick % 3])),
            5 => Some(("customer.relation", ["own_provider", "own_indirect_reseller", "friend"][pick % 3])),
            6 => Some(("partner.provider_country", ["DE", "", "XX"][pick % 3])),
            _ => None,
        };
        if let Some((path, text)) = spoiled {
            pairs.retain(|(p, _)| p != path);
            pairs.push((path.to_string(), text.to_string()));
        }
        let header = csv::StringRecord::from(pairs.iter().map(|(path, _)| path.as_str()).chain(["reseller"]).collect::<Vec<_>>());
        let row = csv::StringRecord::from(pairs.iter().map(|(_, text)| text.as_str()).chain(["Fabrikam, Inc."]).collect::<Vec<_>>());
        let batch = csp_eligibility::core::batch::Batch::new(&header, csp_eligibility::core::Lang::En).expect("a header of query fields");
        let linked: Vec<(String, String)> = pairs.iter().filter(|(_, text)| !text.is_empty()).map(|(path, text)| {
            let text = if path == "partner.programs" { text.replace([';', ' '], ",") } else if text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false") { text.to_ascii_lowercase() } else { text.clone() };
            (path.clone(), text)
        }).chain([("api_version".to_string(), "1".to_string())]).collect();
        let walked = csp_eligibility::core::parse_query(&csp_eligibility::core::flat::to_value(linked.iter().map(|(p, t)| (p.as_str(), t.as_str()))));
        let read = batch.read(&row);
        prop_assert_eq!(&read, &walked, "{:?}", pairs);
        if edit == 0 {
            // An empty cell is a fact not stated: an empty list of programs reads as none given.
            let mut expected = query;
            expected.partner.programs = expected.partner.programs.filter(|programs| !programs.is_empty());
            prop_assert_eq!(read, Ok(expected));
        }
        if let Err(error) = &walked {
            for problem in batch.place(error, csp_eligibility::core::Lang::En) {
                let field = problem.field.split('[').next().unwrap_or_default();
                if let Some(column) = problem.column {
                    prop_assert_eq!(&header[column], field);
                }
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = parse_query_str(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// `compact.rs`: the numbers and lexicon entries a decision crosses the JS boundary as give back
    /// exactly its JSON (read here as `static/pkg/api.js` reads them), call after call on one lexicon,
    /// whether the query crossed as JSON text or as numbers.
    #[test]
    fn the_compact_form_reads_back_as_the_decision(queries in proptest::collection::vec(query(), 1..6)) {
        let mut lexicon = Lexicon::default();
        let mut entries = vec![serde_json::Value::Null];
        for query in &queries {
            let text = serde_json::to_string(query).expect("query serialises");
            // A query object crosses as numbers (`query_words`, read back by `read_query_words`), a JSON
            // string as text; both give the same records.
            let words = query_words(query);
            let read = read_query_words(&words);
            prop_assert_eq!(read.as_ref(), Some(query), "the numeric form reads back as the query");
            for detail in [Detail::Full, Detail::Verdicts] {
                let codes = lexicon.decide(&text, detail).expect("a valid query takes the compact path");
                let from_words = lexicon.decide_words(&words, detail);
                prop_assert_eq!(&from_words[2..], &codes[2..], "the same record from numbers as from text");
                if codes[0] > 0 {
                    let fetched: serde_json::Value = serde_json::from_str(&lexicon.take_new()).expect("JSON");
                    entries.extend(fetched[0].as_array().cloned().unwrap_or_default());
                }
                let read = read_compact(&codes[3..], &entries, detail == Detail::Full);
                let expected = if detail == Detail::Full { serde_json::to_value(decide(query)) } else { serde_json::to_value(verdicts(query)) };
                prop_assert_eq!(read, expected.expect("JSON"));
            }
        }
    }

    // Nearest yes: every proposal, applied, really decides `allowed`, and none changes a fact the asker
    // cannot change (the customer's country, segment, relation and national-cloud status).
    #[test]
    fn every_nearest_yes_proposal_really_gives_a_yes(query in query()) {
        for cloud in nearest(&query).clouds {
            prop_assert!(cloud.proposals.len() <= 3);
            for proposal in &cloud.proposals {
                let mut changed = query.clone();
                for change in &proposal.changes {
                    prop_assert!(change.path().starts_with("partner.") || change.path() == "as_of", "{:?}", change);
                    change.apply(&mut changed);
                }
                prop_assert_eq!(&changed.customer, &query.customer);
                prop_assert_eq!(decide(&changed).cloud(cloud.cloud).verdict, Verdict::Allowed, "{:?}", proposal);
            }
        }
    }

    // The timeline: contiguous intervals covering every day, and any day inside an interval decides its verdict.
    #[test]
    fn the_timeline_covers_every_day_and_each_interval_holds_its_verdict(query in query(), pick in 0u32..10_000) {
        for cloud in timeline(&query).clouds {
            let intervals = &cloud.intervals;
            prop_assert!(intervals.first().is_some_and(|i| i.from.is_none()));
            prop_assert!(intervals.last().is_some_and(|i| i.until.is_none()));
            for pair in intervals.windows(2) {
                prop_assert_eq!(pair[0].until, pair[1].from);
                prop_assert_ne!(pair[0].verdict, pair[1].verdict);
            }
            for interval in intervals {
                let start = interval.from.unwrap_or_else(|| Day::parse("2000-01-01").expect("day"));
                let end = interval.until.unwrap_or_else(|| Day::parse("2030-12-31").expect("day"));
                let span = start.days_between(end).max(1);
                let mut inside = start;
                for _ in 0..(i64::from(pick) % span) {
                    inside = inside.next();
                }
                let mut on = query.clone();
                on.as_of = inside;
                prop_assert_eq!(decide(&on).cloud(cloud.cloud).verdict, interval.verdict, "{} in {:?}", inside, interval);
            }
        }
    }
}

/// Reads one compact record (after its tag) as the package does: entries by index, days from `YYYYMMDD`.
fn read_compact(codes: &[u32], entries: &[serde_json::Value], full: bool) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let day = |n: u32| Value::from(format!("{:04}-{:02}-{:02}", n / 10_000, n / 100 % 100, n % 100));
    let mut at = 0;
    let mut next = || {
        at += 1;
        codes[at - 1]
    };
    let mut answer = Map::new();
    answer.insert("api_version".into(), json!(API_VERSION));
    answer.insert("ruleset_version".into(), json!(csp_eligibility::core::RULESET_VERSION));
    answer.insert("as_of".into(), day(next()));
    if full {
        answer.insert("documents_up_to".into(), day(next()));
    }
    for field in ["requested_cloud", "task"] {
        let index = next() as usize;
        if index > 0 {
            answer.insert(field.into(), entries[index].clone());
        }
    }
    let clouds = next();
    let mut list = Vec::new();
    for _ in 0..clouds {
        if !full {
            // With verdicts only, a cloud's whole record is one entry.
            list.push(entries[next() as usize].clone());
            continue;
        }
        let mut cloud = Map::new();
        for field in ["cloud", "verdict", "portal"] {
            cloud.insert(field.into(), entries[next() as usize].clone());
        }
        for field in ["task_portals", "deciding", "reasons", "actions", "missing_facts", "cautions", "notes"] {
            let count = next();
            let items: Vec<Value> = (0..count).map(|_| entries[next() as usize].clone()).collect();
            cloud.insert((*field).into(), Value::Array(items));
        }
        cloud.insert("sources_up_to".into(), day(next()));
        list.push(Value::Object(cloud));
    }
    answer.insert("clouds".into(), Value::Array(list));
    Value::Object(answer)
}
