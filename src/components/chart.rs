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
