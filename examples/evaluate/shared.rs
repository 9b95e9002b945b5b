//! The evaluation's modules as the benchmark examples (`bench_cases`,
//! `bench_scale`) include them, with `#[path]`: compiled as they are, so a
//! benchmark draws exactly the cases the evaluation draws. A benchmark uses
//! only part of them, hence `dead_code` is allowed here. The evaluation
//! itself declares its modules in its `main.rs` and does not use this file.
#![allow(dead_code)]

pub mod cases;
pub mod innocent;
pub mod perturb;
pub mod rng;
pub mod split;
pub mod text;
