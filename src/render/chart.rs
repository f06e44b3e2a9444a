//! Bar charts of briefings per month, drawn at build time as inline SVG: no script, each bar a
//! link with its own `<title>`, empty months left as gaps where their bars would stand.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::views::YearView;

/// The UI strings, by key.
type Strings = BTreeMap<&'static str, &'static str>;

/// The chart of the whole archive: every month from the first year's January to the last
/// year's December (years without briefings too), each year labelled under its bars.
pub fn archive(years: &[YearView], t: &Strings) -> String {
    let (Some(first), Some(last)) = (
        years.iter().map(|y| y.year).min(),
        years.iter().map(|y| y.year).max(),
    ) else {
        return String::new();
    };
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for year in first..=last {
        labels.push(Label {
            at: bars.len() as f64 + 6.0,
            text: year.to_string(),
        });
        match years.iter().find(|y| y.year == year) {
            Some(y) => bars.extend(month_bars(y, t)),
            None => bars.extend((0..12).map(|_| Bar {
                count: 0,
                url: None,
                title: String::new(),
            })),
        }
    }
    svg(&bars, &labels, t["per_month"])
}

/// The chart of one year: its twelve months, each labelled.
pub fn year(year: &YearView, t: &Strings) -> String {
    let labels: Vec<Label> = year
        .calendar
        .iter()
        .enumerate()
        .map(|(i, m)| Label {
            at: i as f64 + 0.5,
            text: m.label.clone(),
        })
        .collect();
    svg(&month_bars(year, t), &labels, t["per_month"])
}

fn month_bars(year: &YearView, t: &Strings) -> Vec<Bar> {
    year.calendar
        .iter()
        .map(|m| Bar {
            count: m.count,
            url: m.url.clone(),
            title: format!(
                "{} {}: {} {}",
                m.label,
                year.year,
                m.count,
                if m.count == 1 {
                    t["briefing"]
                } else {
                    t["briefings"]
                }
            ),
        })
        .collect()
}

/// One month's bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub count: usize,
    /// Where the bar leads; none for an empty month.
    pub url: Option<String>,
    /// What the bar says when pointed at: "Jun 2019: 12 briefings".
    pub title: String,
}

/// A label under the bars, centred at `at` (in bars from the left: `6.0` is the middle of
/// the first year's bars).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub at: f64,
    pub text: String,
}

/// Height of the tallest bar, in the SVG's units (CSS pixels at 100%).
const PLOT: f64 = 120.0;
/// Room under the bars for the labels.
const LABELS: f64 = 20.0;
/// The width the chart fills (the theme's text column); more than 256 months make it wider,
/// and the page lets it scroll sideways, rather than thinner than [`NARROWEST`].
const WIDTH: f64 = 640.0;
/// The narrowest a month's slot gets: 20 years of months still fit [`WIDTH`].
const NARROWEST: f64 = 2.5;
/// Labels closer than this to the last one drawn are left out, so they never overlap.
const LABEL_GAP: f64 = 44.0;

/// The chart of `bars`, left to right, with `labels` under them; `name` labels the whole.
pub fn svg(bars: &[Bar], labels: &[Label], name: &str) -> String {
    let slot = (WIDTH / bars.len().max(1) as f64).max(NARROWEST);
    let width = slot * bars.len() as f64;
    let tallest = bars.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    let mut out = String::with_capacity(120 * bars.len() + 400);
    let _ = write!(
        out,
        r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="{name}" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#,
        name = escape(name),
        width = number(width),
        height = number(PLOT + LABELS),
    );
    let _ = write!(
        out,
        r#"<line class="axis" x1="0" y1="{y}" x2="{w}" y2="{y}"/>"#,
        y = number(PLOT),
        w = number(width)
    );
    for (i, bar) in bars.iter().enumerate() {
        if bar.count == 0 {
            continue;
        }
        let height = bar_height(bar.count, tallest);
        let rect = format!(
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}"><title>{title}</title></rect>"#,
            x = number(i as f64 * slot + slot * 0.1),
            y = number(PLOT - height),
            w = number(slot * 0.8),
            h = number(height),
            title = escape(&bar.title),
        );
        match &bar.url {
            Some(url) => {
                let _ = write!(
                    out,
                    r#"<a href="{url}" aria-label="{title}">{rect}</a>"#,
                    url = escape(url),
                    title = escape(&bar.title),
                );
            }
            None => out.push_str(&rect),
        }
    }
    let mut last: Option<f64> = None;
    for label in labels {
        let x = label.at * slot;
        if last.is_some_and(|l| x - l < LABEL_GAP) {
            continue;
        }
        last = Some(x);
        let _ = write!(
            out,
            r#"<text x="{x}" y="{y}" text-anchor="middle">{text}</text>"#,
            x = number(x),
            y = number(PLOT + LABELS - 5.0),
            text = escape(&label.text),
        );
    }
    out.push_str("</svg>");
    out
}

/// A bar's height for `count` against the tallest count: proportional, and never too thin
/// to see for a month that has briefings.
/// A story's days as a small bar chart: one bar per day from its first to its last, as tall
/// as that day's briefings; `label` says what it shows, for screen readers.
pub fn sparkline(days: &[usize], label: &str) -> String {
    const HEIGHT: f64 = 20.0;
    // About 120 pixels wide, but for a story of months, whose bars stay at least 2 wide.
    let bar = (120.0 / days.len().max(1) as f64).clamp(2.0, 12.0);
    let tallest = days.iter().copied().max().unwrap_or(0).max(1) as f64;
    let width = bar * days.len().max(1) as f64;
    let mut out = format!(
        r#"<svg class="sparkline" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{label}" width="{w}" height="{h}" viewBox="0 0 {w} {h}">"#,
        label = escape(label),
        w = number(width),
        h = number(HEIGHT),
    );
    // A baseline, so the days without a briefing read as days.
    let _ = write!(
        out,
        r#"<rect class="base" x="0" y="{y}" width="{w}" height="1"/>"#,
        y = number(HEIGHT - 1.0),
        w = number(width),
    );
    for (d, &count) in days.iter().enumerate().filter(|(_, c)| **c > 0) {
        let h = (count as f64 / tallest * HEIGHT).max(2.0);
        let _ = write!(
            out,
            r#"<rect x="{x}" y="{y}" width="{w}" height="{h}"/>"#,
            x = number(d as f64 * bar),
            y = number(HEIGHT - h),
            w = number(bar * 0.75),
            h = number(h),
        );
    }
    out.push_str("</svg>");
    out
}

fn bar_height(count: usize, tallest: f64) -> f64 {
    const THINNEST: f64 = 1.0;
    (count as f64 / tallest * PLOT).max(THINNEST)
}

/// A coordinate with at most one decimal, the same on every machine.
fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut escaped, text).expect("writing to a String");
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparkline_has_a_bar_for_each_day_with_briefings_on_a_baseline() {
        let svg = sparkline(&[2, 0, 1], "3 kabar · 3 hari");
        assert!(svg.contains(r#"aria-label="3 kabar · 3 hari""#), "{svg}");
        assert_eq!(svg.matches(r#"<rect class="base""#).count(), 1, "{svg}");
        assert_eq!(
            svg.matches("<rect x=").count(),
            2,
            "no bar for the empty day: {svg}"
        );
        assert!(
            svg.contains(r#"<rect x="0" y="0" width="9" height="20"/>"#),
            "the busiest day fills it: {svg}"
        );
    }

    fn bar(count: usize) -> Bar {
        Bar {
            count,
            url: (count > 0).then(|| format!("/m/{count}/")),
            title: format!("{count} briefings"),
        }
    }

    /// The `height` of every `<rect>`, in order.
    fn heights(svg: &str) -> Vec<f64> {
        svg.split("<rect ")
            .skip(1)
            .map(|r| {
                let h = r.split("height=\"").nth(1).unwrap();
                h[..h.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    fn attribute(svg: &str, name: &str) -> f64 {
        let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
    }

    #[test]
    fn bar_heights_are_proportional_to_counts() {
        let svg = svg(&[bar(10), bar(20), bar(40)], &[], "Chart");
        assert_eq!(heights(&svg), [30.0, 60.0, 120.0]);
        // Each bar stands on the axis.
        assert!(svg.contains(r#"y="90" width"#) && svg.contains(r#"y="0" width"#));
    }

    #[test]
    fn bars_link_to_their_month_with_a_title() {
        let svg = svg(&[bar(3)], &[], "Per bulan");
        assert!(svg.contains(
            r#"<a href="/m/3/" aria-label="3 briefings"><rect x="64" y="0" width="512" height="120"><title>3 briefings</title></rect></a>"#
        ), "{svg}");
        assert!(svg.starts_with(r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="group" aria-label="Per bulan""#));
    }

    #[test]
    fn empty_months_are_gaps_not_missing() {
        let svg = svg(&[bar(4), bar(0), bar(0), bar(4)], &[], "Chart");
        assert_eq!(heights(&svg).len(), 2);
        // The last bar stands in the fourth slot, not the second.
        assert!(svg.contains(r#"<rect x="496""#), "{svg}");
    }

    #[test]
    fn a_single_month_fills_the_chart() {
        let svg = svg(
            &[bar(1)],
            &[Label {
                at: 0.5,
                text: "Jan".into(),
            }],
            "Chart",
        );
        assert_eq!(attribute(&svg, "width"), WIDTH);
        assert_eq!(heights(&svg), [PLOT]);
        assert!(svg.contains(r#"<text x="320" y="135" text-anchor="middle">Jan</text>"#));
    }

    #[test]
    fn labels_and_titles_are_escaped() {
        let svg = svg(
            &[Bar {
                count: 1,
                url: Some("/a?b=1&c=2".into()),
                title: "<b> & \"c\"".into(),
            }],
            &[Label {
                at: 0.5,
                text: "<x>".into(),
            }],
            "A & B",
        );
        assert!(svg.contains("aria-label=\"A &amp; B\""));
        assert!(svg.contains("href=\"/a?b=1&amp;c=2\""));
        assert!(svg.contains("<title>&lt;b&gt; &amp; &quot;c&quot;</title>"));
        assert!(svg.contains(">&lt;x&gt;</text>"));
    }

    #[test]
    fn twenty_years_stay_readable() {
        let bars: Vec<Bar> = (0..240).map(|i| bar(i % 7)).collect();
        let labels: Vec<Label> = (0..20)
            .map(|y| Label {
                at: y as f64 * 12.0 + 6.0,
                text: (2007 + y).to_string(),
            })
            .collect();
        let svg = svg(&bars, &labels, "Chart");
        // Twenty years of months still fit the text column, each bar over two units wide.
        assert_eq!(attribute(&svg, "width"), WIDTH);
        let widths: Vec<f64> = svg
            .split("<rect ")
            .skip(1)
            .map(|r| {
                let w = r.split("width=\"").nth(1).unwrap();
                w[..w.find('"').unwrap()].parse().unwrap()
            })
            .collect();
        assert!(widths.iter().all(|w| *w >= 2.0), "{widths:?}");
        // Years 32 units apart would overlap: every other year is labelled.
        assert_eq!(svg.matches("<text ").count(), 10);
        assert!(svg.contains(">2007</text>") && svg.contains(">2025</text>"));
        assert!(!svg.contains(">2008</text>"));
    }

    #[test]
    fn crowded_labels_are_thinned_never_overlapped() {
        let bars: Vec<Bar> = (0..12).map(bar).collect();
        let labels: Vec<Label> = (0..12)
            .map(|m| Label {
                at: m as f64 + 0.5,
                text: format!("M{m}"),
            })
            .collect();
        // Twelve months at 53 units each: all labelled.
        assert_eq!(svg(&bars, &labels, "C").matches("<text ").count(), 12);
        // Fifty years of months at the narrowest slot (the chart grows past the column and
        // scrolls): labels 2.5 units apart would overlap, so one in eighteen is drawn.
        let bars: Vec<Bar> = (0..600).map(|i| bar(i % 3)).collect();
        let labels: Vec<Label> = (0..600)
            .map(|m| Label {
                at: m as f64 + 0.5,
                text: "x".into(),
            })
            .collect();
        let drawn = svg(&bars, &labels, "C").matches("<text ").count();
        assert_eq!(drawn, 599 / 18 + 1);
        let wide = svg(&bars, &[], "C");
        assert_eq!(attribute(&wide, "width"), 600.0 * NARROWEST);
    }
}
