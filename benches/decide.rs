//! Native benchmarks of a full decision (every cloud): criterion median and p99 per query kind, then
//! throughput over one million generated queries. `cargo xtask bench` runs this and summarises it.

use criterion::{black_box, Criterion};
use csp_eligibility::core::compact::{query_words, Detail, Lexicon};
use csp_eligibility::core::markets::known_codes;
use csp_eligibility::core::vocabulary::CustomerStatus;
use csp_eligibility::core::{
    decide, nearest, parse_query_str, read_valid_query, timeline, verdicts, CountryCode, Customer, Day, Partner, PartnerModel, Program, Query, Relation, Role,
    Segment, Task, Vocabulary, API_VERSION,
};
use std::time::Instant;

const QUERIES: [(&str, &str); 3] = [
    (
        "reseller_fr_de_2024",
        r#"{"api_version":1,"as_of":"2024-01-01","partner":{"country":"FR","model":"indirect_reseller","has_partner_id":true,"mpa_signed":true,"provider_country":"DE","programs":["commercial"]},"customer":{"country":"ES","segment":"commercial","relation":"unrelated"}}"#,
    ),
    (
        "us_gov_direct_2022",
        r#"{"api_version":1,"as_of":"2022-06-01","partner":{"country":"US","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["commercial","us_government"],"us_gov_validated":true,"role":"admin_agent"},"customer":{"country":"US","segment":"us_state","relation":"unrelated"},"task":"manage_licenses"}"#,
    ),
    (
        "germany_2018",
        r#"{"api_version":1,"as_of":"2018-06-01","partner":{"country":"GB","model":"direct_bill","has_partner_id":true,"programs":["commercial","germany"]},"customer":{"country":"FR","segment":"commercial","relation":"unrelated","national_cloud_customer":"new"}}"#,
    ),
];

fn criterion_benches(c: &mut Criterion) {
    for (name, text) in QUERIES {
        let query = parse_query_str(text).expect("benchmark query is valid");
        c.bench_function(&format!("decide/{name}"), |b| b.iter(|| decide(black_box(&query))));
        c.bench_function(&format!("verdicts/{name}"), |b| b.iter(|| verdicts(black_box(&query))));
    }
    // Nearest yes and the timeline on a needs-action query (an unsigned MPA in 2021) and a denial.
    for (name, text) in [
        (
            "mpa_unsigned_2021",
            r#"{"api_version":1,"as_of":"2021-06-01","partner":{"country":"DE","model":"direct_bill","has_partner_id":true,"mpa_signed":false,"programs":["commercial"]},"customer":{"country":"DE","segment":"commercial","relation":"unrelated"}}"#,
        ),
        QUERIES[2],
        (
            // A Germany migration without a European account: the way out takes four changes.
            "germany_migration_4_steps",
            r#"{"api_version":1,"as_of":"2021-03-01","partner":{"country":"DE","model":"direct_bill","has_partner_id":true,"mpa_signed":true,"programs":["commercial","germany"],"role":"admin_agent","european_account":false},"customer":{"country":"DE","segment":"commercial","relation":"unrelated","national_cloud_customer":"existing"},"task":"migrate_germany_customer"}"#,
        ),
    ] {
        let query = parse_query_str(text).expect("benchmark query is valid");
        c.bench_function(&format!("nearest/{name}"), |b| b.iter(|| nearest(black_box(&query))));
        c.bench_function(&format!("timeline/{name}"), |b| b.iter(|| timeline(black_box(&query))));
    }
    let (_, text) = QUERIES[0];
    c.bench_function("parse_and_decide/reseller_fr_de_2024", |b| b.iter(|| parse_query_str(black_box(text)).map(|query| decide(&query))));
    // What the JS package's compact path does per call: read the text into its types, decide, encode.
    c.bench_function("read_valid_query/reseller_fr_de_2024", |b| b.iter(|| read_valid_query(black_box(text))));
    let mut lexicon = Lexicon::default();
    for (name, detail) in [("compact_full", Detail::Full), ("compact_verdicts", Detail::Verdicts)] {
        c.bench_function(&format!("{name}/reseller_fr_de_2024"), |b| b.iter(|| lexicon.decide(black_box(text), detail)));
    }
    // What the package does for a query object: its numbers read, decided and encoded.
    let words = query_words(&parse_query_str(text).expect("benchmark query is valid"));
    for (name, detail) in [("words_full", Detail::Full), ("words_verdicts", Detail::Verdicts)] {
        c.bench_function(&format!("{name}/reseller_fr_de_2024"), |b| b.iter(|| lexicon.decide_words(black_box(&words), detail)));
    }
}

/// A small deterministic generator (xorshift), so every run decides the same million queries.
struct Generator(u64);

impl Generator {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn maybe<T: Copy>(&mut self, items: &[T]) -> Option<T> {
        (self.next() % 4 != 0).then(|| self.pick(items))
    }
}

fn generated_queries(count: usize) -> Vec<Query> {
    let codes: Vec<CountryCode> = known_codes().filter_map(CountryCode::parse).collect();
    let mut generator = Generator(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|_| {
            let model = generator.pick(PartnerModel::ALL);
            let reseller = model == PartnerModel::IndirectReseller;
            let relation = generator.pick(Relation::ALL);
            let task = generator.maybe(Task::ALL);
            let programs: Vec<Program> = Program::ALL.iter().copied().filter(|_| generator.next() % 2 == 0).collect();
            Query {
                api_version: API_VERSION,
                as_of: Day::from_ymd(2016 + (generator.next() % 11) as i32, 1 + (generator.next() % 12) as u8, 1 + (generator.next() % 28) as u8).expect("day"),
                partner: Partner {
                    country: generator.pick(&codes),
                    model,
                    has_partner_id: generator.maybe(&[true, false]),
                    mpa_signed: generator.maybe(&[true, false]),
                    provider_country: if reseller { generator.maybe(&codes) } else { None },
                    programs: generator.maybe(&[()]).map(|_| programs),
                    us_gov_validated: generator.maybe(&[true, false]),
                    role: generator.maybe(Role::ALL),
                    european_account: generator.maybe(&[true, false]),
                    european_tenant_country: generator.maybe(&codes),
                    european_tenant_active: generator.maybe(&[true, false]),
                },
                customer: Customer {
                    country: generator.pick(&codes),
                    segment: generator.pick(Segment::ALL),
                    relation: if relation.fits(model) { relation } else { Relation::Unrelated },
                    national_cloud_customer: generator
                        .maybe(CustomerStatus::ALL)
                        .filter(|s| !(task == Some(Task::MigrateGermanyCustomer) && *s == CustomerStatus::New)),
                },
                cloud: None,
                task,
            }
        })
        .collect()
}

fn throughput() {
    const COUNT: usize = 1_000_000;
    let queries = generated_queries(COUNT);
    let start = Instant::now();
    let mut denied = 0usize;
    for query in &queries {
        let decision = decide(black_box(query));
        denied += decision.clouds.iter().filter(|c| c.verdict == csp_eligibility::core::Verdict::Denied).count();
    }
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{{\"throughput\":{{\"queries\":{COUNT},\"seconds\":{seconds:.3},\"decisions_per_second\":{:.0},\"mean_us\":{:.3},\"denied_cloud_verdicts\":{denied}}}}}",
        COUNT as f64 / seconds,
        seconds * 1e6 / COUNT as f64
    );
}

/// Nearest yes over generated queries, each timed alone: the median, the 99th percentile and the slowest.
fn nearest_spread() {
    const COUNT: usize = 20_000;
    let queries = generated_queries(COUNT);
    let mut times: Vec<f64> = queries
        .iter()
        .map(|query| {
            let start = Instant::now();
            black_box(nearest(black_box(query)));
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |share: f64| times[((times.len() - 1) as f64 * share) as usize];
    println!("{{\"nearest_generated\":{{\"queries\":{COUNT},\"median_us\":{:.1},\"p99_us\":{:.1},\"max_us\":{:.1}}}}}", at(0.5), at(0.99), at(1.0));
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    criterion_benches(&mut criterion);
    criterion.final_summary();
    if !std::env::args().any(|arg| arg == "--list") {
        throughput();
        nearest_spread();
    }
}
