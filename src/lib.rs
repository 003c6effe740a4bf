//! csp-eligibility: can this partner sell to this customer, in which cloud, via which portal?
//!
//! - [`core`]: the rules core (pure Rust, native and wasm).
//! - `web` (wasm32 only): the yew widget, the custom element and the JS API, thin layers over the core.
#![warn(missing_docs)]
#![deny(unsafe_code)]

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;

/// The package's allocator, as the page's (`main.rs`): talc is smaller than the standard library's
/// dlmalloc on wasm32, and measured faster for the many small allocations of a decision.
#[cfg(all(target_arch = "wasm32", feature = "npm"))]
#[global_allocator]
#[allow(unsafe_code)]
// SAFETY: wasm32-unknown-unknown runs this module on one thread, which is what `TalckWasm` requires.
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };
