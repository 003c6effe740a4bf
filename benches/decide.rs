//! Benchmark: one full decision (every cloud) for typical queries.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use csp_eligibility::core::{decide, parse_query_str};

const QUERIES: [(&str, &str); 3] = [
    ("reseller_fr_de_2024", r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"FR","model":"indirect_reseller","has_partner_id":true,"mpa_signed":true,"provider_country":"DE","programs":["commercial"]},"customer":{"country":"ES","segment":"commercial","relation":"unrelated"}}"#),
    ("us_gov_direct_2022", r#"{"api_version":1,"as_of":"2022-06-01","partner":{"country":"US","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["commercial","us_government"],"us_gov_validated":true,"role":"admin_agent"},"customer":{"country":"US","segment":"us_state","relation":"unrelated"},"task":"manage_licenses"}"#),
    ("germany_2018", r#"{"api_version":1,"as_of":"2018-06-01","partner":{"country":"GB","model":"direct_bill","has_partner_id":true,"programs":["commercial","germany"]},"customer":{"country":"FR","segment":"commercial","relation":"unrelated","national_cloud_customer":"new"}}"#),
];

fn full_decision(c: &mut Criterion) {
    for (name, text) in QUERIES {
        let query = parse_query_str(text).expect("benchmark query is valid");
        c.bench_function(&format!("decide/{name}"), |b| b.iter(|| decide(black_box(&query))));
    }
    let (_, text) = QUERIES[0];
    c.bench_function("parse_and_decide/reseller_fr_de_2024", |b| {
        b.iter(|| parse_query_str(black_box(text)).map(|query| decide(&query)))
    });
}

criterion_group!(benches, full_decision);
criterion_main!(benches);
