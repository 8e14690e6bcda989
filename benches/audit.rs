//! Benchmarks on a large account (ten years of days, 100,000 posts; `benches/support`).
//!
//! `cargo bench --bench audit`. Targets: `load` within 2x of `csv_baseline` (a bare CSV pass
//! over the same bytes), `load_metrics_rules` under 0.5 s, one dashboard `frame` under 2 ms.
//!
//! Under `cargo test` (no `--bench` argument) criterion runs each benchmark once; the account
//! is then two months with 1,000 posts, so that the test build stays quick.

mod support;

use chrono::NaiveDate;
use chrono_tz::Tz;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use smm_audit::app::{App, Origin};
use smm_audit::import::{self, LoadOptions, Loaded, SourceFile};
use smm_audit::model::{AuditConfig, Period};
use smm_audit::rules::Thresholds;
use smm_audit::{audit, config, metrics, rules, ui};
use std::hint::black_box;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The generated account, in memory, and what loading it gives.
struct Fixture {
    files: Vec<SourceFile>,
    config: AuditConfig,
    opts: LoadOptions,
    thresholds: Thresholds,
    loaded: Loaded,
    /// The default period: the last whole month.
    period: Period,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let full = std::env::args().any(|a| a == "--bench");
        let (days, posts) = if full {
            (support::DAYS, support::POSTS)
        } else {
            (60, 1_000)
        };
        let generated = support::generate(days, posts);
        let bytes: usize = generated.iter().map(|f| f.bytes.len()).sum();
        let rows: usize = generated.iter().map(|f| f.rows).sum();
        eprintln!(
            "account: {days} days, {posts} posts, {} files, {rows} rows, {bytes} bytes",
            generated.len()
        );
        let files: Vec<SourceFile> = generated
            .into_iter()
            .map(|f| SourceFile::new(f.name, f.bytes))
            .collect();
        let config = config::parse_audit(support::AUDIT_TOML, "audit.toml").expect("audit.toml");
        let thresholds = Thresholds::default()
            .with(&config.rules)
            .expect("thresholds");
        let tz: Tz = config
            .account
            .timezone
            .as_deref()
            .and_then(|z| z.parse().ok())
            .unwrap_or(Tz::UTC);
        let today = NaiveDate::from_ymd_opt(2026, 1, 15).expect("a date");
        let opts = LoadOptions::new(tz, today);
        let loaded =
            import::load_files(files.clone(), config.clone(), opts, "large").expect("load");
        assert_eq!(
            loaded.account.posts.len(),
            posts as usize,
            "every post loads"
        );
        assert_eq!(loaded.account.daily.len(), days as usize, "every day loads");
        let period = audit::default_period(&loaded.account).expect("a period");
        eprintln!(
            "period {} to {}; {} load warnings",
            period.start,
            period.end,
            loaded.report.warnings.len()
        );
        Fixture {
            files,
            config,
            opts,
            thresholds,
            loaded,
            period,
        }
    })
}

fn load(c: &mut Criterion) {
    let fx = fixture();
    let mut g = c.benchmark_group("load");
    g.bench_function("load_files", |b| {
        b.iter_batched(
            || fx.files.clone(),
            |files| import::load_files(files, fx.config.clone(), fx.opts, "large").unwrap(),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// A bare CSV pass: every record of every file read into a reused `StringRecord` (UTF-8
/// checked, nothing kept).
fn csv_baseline(c: &mut Criterion) {
    let fx = fixture();
    let mut g = c.benchmark_group("csv_baseline");
    g.bench_function("csv_reader", |b| {
        b.iter(|| {
            let mut fields = 0usize;
            for file in &fx.files {
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(file.bytes.as_slice());
                let mut record = csv::StringRecord::new();
                while reader.read_record(&mut record).unwrap() {
                    fields += record.len();
                }
            }
            black_box(fields)
        })
    });
    g.finish();
}

fn metrics_month(c: &mut Criterion) {
    let fx = fixture();
    let mut g = c.benchmark_group("metrics");
    g.bench_function("summarize_month", |b| {
        b.iter(|| metrics::summarize(black_box(&fx.loaded.account), black_box(&fx.period)))
    });
    g.finish();
}

fn rules_month(c: &mut Criterion) {
    let fx = fixture();
    let account = &fx.loaded.account;
    let mut g = c.benchmark_group("rules");
    // What the rules know of the whole account: gains, episodes, per-post checks (once a load).
    g.bench_function("analysis", |b| {
        b.iter(|| rules::Analysis::of(black_box(account), &fx.thresholds))
    });
    // One month's audit on that analysis (what changing the month on screen costs).
    let whole = audit::AccountAudit::new(account, &fx.thresholds);
    eprintln!("history: {} months", whole.history.len());
    g.bench_function("period_audit", |b| {
        b.iter(|| whole.period(black_box(account), &fx.thresholds, black_box(&fx.period)))
    });
    // The analysis and every month's verdict: what `report` adds to one month's audit.
    g.bench_function("analysis_and_history", |b| {
        b.iter(|| audit::AccountAudit::new(black_box(account), &fx.thresholds))
    });
    g.finish();
}

/// What `report` does after reading the folder: load, the account's analysis and history, the
/// month's audit.
fn load_metrics_rules(c: &mut Criterion) {
    let fx = fixture();
    let mut g = c.benchmark_group("load_metrics_rules");
    g.bench_function("month", |b| {
        b.iter_batched(
            || fx.files.clone(),
            |files| {
                let loaded =
                    import::load_files(files, fx.config.clone(), fx.opts, "large").unwrap();
                let whole = audit::AccountAudit::new(&loaded.account, &fx.thresholds);
                let month = whole.period(&loaded.account, &fx.thresholds, &fx.period);
                (loaded, whole, month)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// An `App` on the large account, on its default period (as `smm-audit DIR` opens it).
fn app(fx: &Fixture) -> App {
    let origin = Origin {
        label: "large".to_string(),
        demo: false,
        timezone: fx.opts.tz.name().to_string(),
        theme: None,
        no_color: false,
        inputs: Default::default(),
    };
    App::new(
        fx.loaded.account.clone(),
        fx.loaded.report.clone(),
        fx.thresholds.clone(),
        origin,
        fx.period,
    )
}

/// One dashboard frame at 160x45. The `App` is built once, when the benchmark is first run
/// (not when it is filtered out).
fn frame(c: &mut Criterion) {
    let fx = fixture();
    let mut built: Option<(App, Terminal<TestBackend>)> = None;
    let mut g = c.benchmark_group("frame");
    g.sample_size(30);
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("dashboard_160x45", |b| {
        let (app, terminal) = built.get_or_insert_with(|| {
            let terminal = Terminal::new(TestBackend::new(160, 45)).unwrap();
            let started = Instant::now();
            let app = app(fx);
            eprintln!("App::new: {:.3?}", started.elapsed());
            (app, terminal)
        });
        b.iter(|| {
            terminal
                .draw(|f| {
                    ui::render(app, f);
                })
                .unwrap();
        })
    });
    g.finish();
}

fn criterion_config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

criterion_group! {
    name = benches;
    config = criterion_config();
    targets = load, csv_baseline, metrics_month, rules_month, load_metrics_rules, frame
}
criterion_main!(benches);
