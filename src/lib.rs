//! Youcheng 友城: an atlas of China's international friendship cities.
//!
//! The crate has two halves, and the compiler keeps them apart:
//!
//! - [`model`]: the pure core (schema, loading and validation, the dataset, filters,
//!   aggregates, map projection and arcs, chart inputs and drawing, the URL codec, i18n
//!   strings). It does no I/O, never panics on input, and builds and tests natively.
//! - `ui`: the Leptos components, compiled for `wasm32` only. The browser crates (leptos,
//!   web-sys, gloo-net, plotters-canvas) are wasm-only dependencies, so a core file that
//!   imported them would not compile in `cargo test`.
//!
//! See `ARCHITECTURE.md` for the code map and its invariants.

pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod ui;
