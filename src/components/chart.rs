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

/// One figure per day as bars: one of the small multiples of the
/// analytics page. The bars are SVG stretched to the width; every text is
/// HTML around it, so it keeps its size whatever the width.
#[component]
pub fn MetricChart(
    /// Per day: the value and its tooltip (day and formatted value).
    values: Vec<(f64, String)>,
    #[prop(into)] title: String,
    /// The period's total, as shown beside the title.
    #[prop(into)]
    total: String,
    /// The highest day, formatted.
    #[prop(into)]
    max_label: String,
    #[prop(into)] first: String,
    #[prop(into)] last: String,
    #[prop(into)] aria: String,
) -> impl IntoView {
    const H: f64 = 100.0;
    let max = values.iter().map(|(v, _)| *v).fold(0.0_f64, f64::max);
    let scale = if max > 0.0 { max } else { 1.0 };
    let w = values.len().max(1) as f64 * 10.0;
    let bars = values
        .into_iter()
        .enumerate()
        .filter(|(_, (v, _))| *v > 0.0)
        .map(|(i, (v, tip))| {
            let height = (v / scale * H).max(1.0);
            view! {
                <rect x=i as f64 * 10.0 + 1.0 y=H - height width="8" height=height class="chart-bar">
                    <title>{tip}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <figure class="chart metric-chart">
            <figcaption class="metric-head"><span>{title}</span><strong>{total}</strong></figcaption>
            <span class="metric-max">{max_label}</span>
            <svg class="metric-svg" viewBox=format!("0 0 {w} {H}") preserveAspectRatio="none" role="img" aria-label=aria>
                {bars}
            </svg>
            <div class="metric-axis"><span>{first}</span><span>{last}</span></div>
        </figure>
    }
}

/// Horizontal bars, one per item (name, value, the value as shown).
#[component]
pub fn SplitChart(items: Vec<(String, f64, String)>, #[prop(into)] aria: String) -> impl IntoView {
    let max = items.iter().map(|(_, v, _)| *v).fold(0.0_f64, f64::max);
    let scale = if max > 0.0 { max } else { 1.0 };
    let rows = items
        .into_iter()
        .map(|(name, v, label)| {
            let width = (v / scale * 100.0).max(0.5);
            view! {
                <div class="split-row">
                    <span class="split-name">{name}</span>
                    <svg class="split-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                        <rect width=width height="10" rx="1" class="chart-bar"/>
                    </svg>
                    <span class="split-value">{label}</span>
                </div>
            }
        })
        .collect_view();
    view! { <figure class="chart split-chart" role="img" aria-label=aria>{rows}</figure> }
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
            // Nothing to draw at 0% (a round cap would still show a dot).
            {(filled > 0.5).then(|| view! {
                <circle cx="50" cy="50" r=R class="ring-fill" transform="rotate(-90 50 50)"
                    stroke-dasharray=format!("{filled:.2} {circumference:.2}")/>
            })}
            <text x="50" y="56" text-anchor="middle" class="ring-text">{format!("{percent:.0}%")}</text>
        </svg>
    }
}
