//! csp-eligibility: can this partner sell to this customer, in which cloud, via which portal?
//!
//! - [`core`]: the rules core (pure Rust, native and wasm).
//! - `web` (wasm32 only): the yew widget, the custom element and the JS API, thin layers over the core.
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;
