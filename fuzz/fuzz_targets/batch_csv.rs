//! Arbitrary bytes as a batch file: read the header and every row (typed fast path, else the
//! problem-collecting parser), decide, write the output row, and check it reads back as CSV with one
//! cell per output column, whatever the input.
#![no_main]

use csp_eligibility::core::batch::Batch;
use csp_eligibility::core::{Lang, Verdict};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let Ok(header) = reader.headers().cloned() else { return };
    let Ok(batch) = Batch::new(&header, Lang::Fr) else { return };
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(batch.output_header()).expect("header");
    let mut rows = 0;
    for row in reader.records().take(64) {
        let Ok(row) = row else { continue };
        let answer = batch.decide(&row);
        match &answer {
            // Each cloud's verdict is decided by rules exactly when it is not allowed.
            Ok(tallies) => assert!(tallies.iter().all(|tally| (tally.verdict() == Verdict::Allowed) == (tally.deciding().count() == 0))),
            Err(error) => {
                assert!(!error.problems.is_empty());
                for problem in batch.place(error, Lang::De) {
                    assert!(problem.message.len() < 600, "messages stay short");
                }
            }
        }
        batch.write_row(&mut writer, &row, &answer, Lang::Fr).expect("a Vec takes every row");
        rows += 1;
    }
    let bytes = writer.into_inner().expect("bytes");
    let mut back = csv::Reader::from_reader(bytes.as_slice());
    let width = back.headers().expect("the header reads back").len();
    let read: Vec<csv::StringRecord> = back.records().map(|row| row.expect("every output row reads back")).collect();
    assert_eq!(read.len(), rows);
    assert!(read.iter().all(|row| row.len() == width), "one cell per output column");
});
