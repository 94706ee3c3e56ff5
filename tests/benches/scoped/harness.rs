//! Interleaved rounds: every variant of a scenario runs its batch of
//! operations once per round, the order rotating each round, so drift on
//! a noisy machine hits all of them alike. Ratios are medians of the
//! per-round ratios (paired), per-op times medians over rounds.

use std::time::Duration;

/// One way of doing a scenario's operation: runs `ops` operations for the
/// given round and returns the time they took (setup excluded).
pub struct Variant<'a> {
    pub name: &'static str,
    pub run: Box<dyn FnMut(usize) -> Duration + 'a>,
}

impl<'a> Variant<'a> {
    pub fn new(name: &'static str, run: impl FnMut(usize) -> Duration + 'a) -> Variant<'a> {
        Variant {
            name,
            run: Box::new(run),
        }
    }
}

/// Per-op seconds of one variant, one entry per round.
pub struct Series {
    pub name: &'static str,
    pub per_op: Vec<f64>,
}

impl Series {
    pub fn median(&self) -> f64 {
        median(&self.per_op)
    }
}

pub fn median(values: &[f64]) -> f64 {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let mid = v.len() / 2;
    if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    }
}

/// Runs one warm-up round and `rounds` measured rounds of every variant.
pub fn measure(ops: usize, rounds: usize, variants: &mut [Variant<'_>]) -> Vec<Series> {
    let n = variants.len();
    let mut series: Vec<Series> = variants
        .iter()
        .map(|v| Series {
            name: v.name,
            per_op: Vec::with_capacity(rounds),
        })
        .collect();
    for variant in variants.iter_mut() {
        (variant.run)(rounds); // warm-up: caches, prepared statements, plans
    }
    for round in 0..rounds {
        for k in 0..n {
            let i = (round + k) % n;
            let elapsed = (variants[i].run)(round);
            series[i].per_op.push(elapsed.as_secs_f64() / ops as f64);
        }
    }
    series
}

/// A line of the final summary: our API against one baseline.
#[derive(Debug, Clone)]
pub struct Ratio {
    pub scenario: String,
    pub ours: &'static str,
    pub baseline: &'static str,
    pub ours_us: f64,
    pub baseline_us: f64,
    /// Median of per-round (baseline time / our time): our throughput as a
    /// multiple of the baseline's.
    pub throughput: f64,
}

/// Prints a scenario's table and returns our API's ratios against each
/// baseline (`ours` names the variant that is our API).
pub fn report(title: &str, ops: usize, series: &[Series], ours: &[&'static str]) -> Vec<Ratio> {
    println!();
    println!(
        "## {title}  ({ops} ops x {} rounds, interleaved)",
        series.first().map_or(0, |s| s.per_op.len())
    );
    println!(
        "  {:<34} {:>10} {:>10} {:>10} {:>12}",
        "variant", "us/op", "min us/op", "max us/op", "ops/s"
    );
    for s in series {
        let min = s.per_op.iter().copied().fold(f64::INFINITY, f64::min);
        let max = s.per_op.iter().copied().fold(0.0, f64::max);
        println!(
            "  {:<34} {:>10.1} {:>10.1} {:>10.1} {:>12.0}",
            s.name,
            s.median() * 1e6,
            min * 1e6,
            max * 1e6,
            1.0 / s.median()
        );
    }
    let mut ratios = Vec::new();
    for our in ours {
        let Some(o) = series.iter().find(|s| s.name == *our) else {
            continue;
        };
        for b in series.iter().filter(|s| !ours.contains(&s.name)) {
            let paired: Vec<f64> = o
                .per_op
                .iter()
                .zip(&b.per_op)
                .map(|(ours, base)| base / ours)
                .collect();
            let throughput = median(&paired);
            println!(
                "  {our} vs {}: {:.2}x the throughput (time {:.2}x)",
                b.name,
                throughput,
                1.0 / throughput
            );
            ratios.push(Ratio {
                scenario: title.to_owned(),
                ours: our,
                baseline: b.name,
                ours_us: o.median() * 1e6,
                baseline_us: b.median() * 1e6,
                throughput,
            });
        }
    }
    ratios
}

pub fn print_summary(ratios: &[Ratio]) {
    println!();
    println!("## Summary: our API's throughput as a multiple of each baseline's");
    println!();
    println!("| scenario | ours | baseline | ours us/op | baseline us/op | throughput ratio |");
    println!("| --- | --- | --- | ---: | ---: | ---: |");
    for r in ratios {
        println!(
            "| {} | {} | {} | {:.1} | {:.1} | {:.2}x |",
            r.scenario, r.ours, r.baseline, r.ours_us, r.baseline_us, r.throughput
        );
    }
}
