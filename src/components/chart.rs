//! Charts drawn as SVG on the server, so they show before hydration.

use leptos::prelude::*;

/// One bar group of a daily chart.
#[derive(Clone, Debug, PartialEq)]
pub struct DayBar {
    pub label: String,
    pub bars: i64,
    pub dots: i64,
}

/// Bars (e.g. human clicks) with dots on top (e.g. shares) for each day.
#[component]
pub fn DayChart(
    days: Vec<DayBar>,
    #[prop(into)] aria: String,
    bar_legend: &'static str,
    dot_legend: &'static str,
) -> impl IntoView {
    const W: f64 = 600.0;
    const H: f64 = 160.0;
    const BOTTOM: f64 = 20.0;
    let max = days
        .iter()
        .map(|d| d.bars.max(d.dots))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let n = days.len().max(1) as f64;
    let slot = W / n;
    let y = move |v: i64| (H - BOTTOM) - (v as f64 / max) * (H - BOTTOM - 10.0);
    let last = days.len().saturating_sub(1);
    let marks = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = i as f64 * slot;
            let top = y(d.bars);
            let label = (i == 0 || i == last || i % 7 == 0).then(|| {
                view! { <text x=x + slot / 2.0 y=H - 4.0 text-anchor="middle" class="chart-label">{d.label.clone()}</text> }
            });
            let dot = (d.dots > 0).then(|| {
                view! { <circle cx=x + slot / 2.0 cy=y(d.dots) r="3.5" class="chart-dot"><title>{format!("{}: {}", d.label, d.dots)}</title></circle> }
            });
            view! {
                <g>
                    <rect x=x + slot * 0.15 y=top width=slot * 0.7 height=(H - BOTTOM - top).max(0.0) class="chart-bar" rx="2">
                        <title>{format!("{}: {}", d.label, d.bars)}</title>
                    </rect>
                    {dot}
                    {label}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") width="100%" role="img" aria-label=aria>
                <line x1="0" x2=W y1=H - BOTTOM y2=H - BOTTOM class="chart-axis"/>
                {marks}
            </svg>
            <figcaption class="chart-legend">
                <span class="legend-bar"></span>{bar_legend}" "
                <span class="legend-dot"></span>{dot_legend}
            </figcaption>
        </figure>
    }
}

/// One figure per day as bars, with the highest day marked: one of the
/// small multiples of the analytics page.
#[component]
pub fn MetricChart(
    /// Day labels, one per value.
    labels: Vec<String>,
    values: Vec<f64>,
    #[prop(into)] title: String,
    /// The period's total, as shown beside the title.
    #[prop(into)]
    total: String,
    #[prop(into)] aria: String,
    /// How a value reads in a tooltip (e.g. with a currency).
    format: fn(f64) -> String,
) -> impl IntoView {
    const W: f64 = 300.0;
    const H: f64 = 110.0;
    const BOTTOM: f64 = 16.0;
    const TOP: f64 = 12.0;
    let max = values.iter().copied().fold(0.0_f64, f64::max);
    let scale = if max > 0.0 { max } else { 1.0 };
    let n = values.len().max(1) as f64;
    let slot = W / n;
    let y = move |v: f64| (H - BOTTOM) - (v / scale) * (H - BOTTOM - TOP);
    let bars = values
        .iter()
        .zip(&labels)
        .enumerate()
        .filter(|(_, (v, _))| **v > 0.0)
        .map(|(i, (v, label))| {
            let top = y(*v);
            view! {
                <rect x=i as f64 * slot + slot * 0.1 y=top width=(slot * 0.8).max(0.5) height=(H - BOTTOM - top).max(0.0) class="chart-bar">
                    <title>{format!("{label}: {}", format(*v))}</title>
                </rect>
            }
        })
        .collect_view();
    let first = labels.first().cloned().unwrap_or_default();
    let last = labels.last().cloned().unwrap_or_default();
    view! {
        <figure class="chart metric-chart">
            <figcaption class="metric-head"><span>{title}</span><strong>{total}</strong></figcaption>
            <svg viewBox=format!("0 0 {W} {H}") width="100%" role="img" aria-label=aria>
                <text x="0" y="9" class="chart-label">{format!("max {}", format(max))}</text>
                <line x1="0" x2=W y1=H - BOTTOM y2=H - BOTTOM class="chart-axis"/>
                {bars}
                <text x="0" y=H - 3.0 class="chart-label">{first}</text>
                <text x=W y=H - 3.0 text-anchor="end" class="chart-label">{last}</text>
            </svg>
        </figure>
    }
}

/// Horizontal bars, one per item, longest first.
#[component]
pub fn SplitChart(items: Vec<(String, i64)>, #[prop(into)] aria: String) -> impl IntoView {
    const W: f64 = 300.0;
    const ROW: f64 = 24.0;
    const LABEL: f64 = 90.0;
    let max = items.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let h = ROW * items.len().max(1) as f64;
    let rows = items
        .into_iter()
        .enumerate()
        .map(|(i, (name, v))| {
            let y = i as f64 * ROW;
            let width = (W - LABEL - 40.0) * v as f64 / max;
            view! {
                <g>
                    <text x="0" y=y + 16.0 class="chart-label split-label">{name.clone()}</text>
                    <rect x=LABEL y=y + 4.0 width=width.max(1.0) height=ROW - 8.0 rx="3" class="chart-bar">
                        <title>{format!("{name}: {v}")}</title>
                    </rect>
                    <text x=LABEL + width + 6.0 y=y + 16.0 class="chart-label">{v}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart split-chart">
            <svg viewBox=format!("0 0 {W} {h}") width="100%" role="img" aria-label=aria>{rows}</svg>
        </figure>
    }
}

/// A percentage as a ring, the number in the middle.
#[component]
pub fn RateRing(percent: f64, #[prop(into)] aria: String) -> impl IntoView {
    const R: f64 = 40.0;
    let circumference = 2.0 * std::f64::consts::PI * R;
    let filled = circumference * percent.clamp(0.0, 100.0) / 100.0;
    view! {
        <svg class="rate-ring" viewBox="0 0 100 100" width="120" height="120" role="img" aria-label=aria>
            <circle cx="50" cy="50" r=R class="ring-track"/>
            <circle cx="50" cy="50" r=R class="ring-fill" transform="rotate(-90 50 50)"
                stroke-dasharray=format!("{filled:.2} {circumference:.2}")/>
            <text x="50" y="56" text-anchor="middle" class="ring-text">{format!("{percent:.0}%")}</text>
        </svg>
    }
}
