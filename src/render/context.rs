//! What each page kind's template gets: its title and its context.

use tera::Context;

use super::views::{self, BriefingView, Views};
use super::{Page, PageKind, Plan, Renderer, chart, counts, i18n, pages, structured};
use crate::archive::Facet;
use crate::error::Diagnostic;

impl Renderer<'_> {
    /// The page's title; a later page of a list says which (`Korea Utara · Halaman 2`), so
    /// no two pages of a site share one.
    pub(super) fn title(&self, page: &Page) -> String {
        let numbered = |title: String, number: usize| match number {
            0 | 1 => title,
            n => format!("{title} · {} {n}", self.strings["page"]),
        };
        let a = self.archive;
        match page.kind {
            PageKind::Home(n) if n > 1 => format!("{} {n}", self.strings["page"]),
            PageKind::Group(facet, g, n) => numbered(a.groups(facet)[g].name.clone(), n),
            PageKind::Month(y, m, n) => {
                numbered(views::month_label(&a.years[y].months[m], self.config), n)
            }
            PageKind::Home(_)
            | PageKind::Sitemap
            | PageKind::SitemapIndex
            | PageKind::SitemapPart(_)
            | PageKind::Robots => self.config.title.clone(),
            PageKind::Briefing(i) => a.briefings[i].title.clone(),
            PageKind::Redirect(j) => a.briefings[a.copies[j].1].title.clone(),
            PageKind::Groups(facet) => self.strings[facet.dir()].to_string(),
            PageKind::Timeline => self.strings["timeline"].to_string(),
            PageKind::Year(y) => a.years[y].year.to_string(),
            PageKind::NotFound => self.strings["not_found_title"].to_string(),
            PageKind::Search => self.strings["search"].to_string(),
            PageKind::Feed(None) => self.config.title.clone(),
            PageKind::Feed(Some((facet, g))) => {
                format!("{} — {}", a.groups(facet)[g].name, self.config.title)
            }
        }
    }

    /// Puts into `context` what the page's template shows. `render::keys` digests the same
    /// data: a value added here needs its place in the page's key there.
    pub(super) fn fill(
        &self,
        context: &mut Context,
        page: &Page,
        plan: &Plan,
    ) -> Result<(), Diagnostic> {
        let (a, config, views) = (self.archive, self.config, &self.views);
        match page.kind {
            PageKind::Home(number) => {
                self.list(context, &self.all, "", number);
                if number == 1 {
                    let tags = counts::top_tags(views.links(Facet::Tag), counts::TOP_TAGS);
                    context.insert("top_tags", &tags);
                }
            }
            PageKind::Briefing(i) => self.fill_briefing(context, i)?,
            PageKind::Redirect(j) => {
                let original = a.copies[j].1;
                let path = pages::briefing_path(a, config, original);
                context.insert(
                    "original",
                    &serde_json::json!({
                        "title": a.briefings[original].title,
                        "url": config.base_url.link(&path),
                        "permalink": config.base_url.absolute(&path),
                    }),
                );
            }
            PageKind::Groups(facet) => {
                context.insert(facet.dir(), views.links(facet));
                context.insert("initials", &counts::by_initial(views.links(facet)));
            }
            PageKind::Group(facet, g, number) => {
                let group = &a.groups(facet)[g];
                let first = pages::group_path(facet, &group.slug);
                context.insert(facet.name(), &views.links(facet)[g]);
                context.insert("per_year", &self.per_year(facet)[g]);
                context.insert(
                    "feed_url",
                    &config
                        .base_url
                        .link(&format!("{first}{}", pages::FEED_FILE)),
                );
                self.list(context, &group.members, &first, number);
            }
            PageKind::Timeline => self.fill_timeline(context),
            PageKind::Year(y) => {
                let year = views.year(&a.years[y], config);
                context.insert("chart", &chart::year(&year, &self.strings));
                context.insert("year", &year);
                let [older, newer] = self.year_neighbours(y);
                context.insert("older_year", &older);
                context.insert("newer_year", &newer);
            }
            PageKind::Month(y, m, number) => {
                let month = &a.years[y].months[m];
                context.insert("year", &Views::year_overview(&a.years[y], config));
                context.insert("month", &Views::month(month, config));
                let [older, newer] = self.month_neighbours(y, m);
                context.insert("older_month", &older);
                context.insert("newer_month", &newer);
                let first = pages::month_path(month.year, month.month);
                self.list(context, &month.members, &first, number);
            }
            PageKind::Sitemap => context.insert("entries", &self.sitemap(plan, None)),
            PageKind::SitemapPart(part) => {
                context.insert("entries", &self.sitemap(plan, Some(part)))
            }
            PageKind::SitemapIndex => context.insert("sitemaps", &self.sitemap_index(plan)),
            PageKind::Robots => {
                context.insert("sitemap_url", &config.base_url.absolute("sitemap.xml"))
            }
            PageKind::Search => context.insert("search", &self.search_view()),
            PageKind::NotFound => context.insert("latest", &views.cards(&self.latest())),
            PageKind::Feed(_) => {}
        }
        Ok(())
    }

    /// A briefing's page: its body, crumbs, JSON-LD, related cards and neighbours.
    fn fill_briefing(&self, context: &mut Context, i: usize) -> Result<(), Diagnostic> {
        let (a, config, views) = (self.archive, self.config, &self.views);
        let b = &a.briefings[i];
        let body = b.body.html()?;
        context.insert(
            "briefing",
            &BriefingView {
                card: &views.cards[i],
                body: &body,
                updated: b.updated.map(|d| d.to_rfc3339()),
                updated_long: b
                    .updated
                    .map(|d| i18n::long_date(&d, true, config.language, &config.timezone)),
                path: b.path.display().to_string(),
                cited: &b.cited,
                lede: views::lede(&b.summary, &body),
            },
        );
        let crumbs = structured::crumbs(
            &b.date,
            config,
            self.strings["home"],
            self.strings["timeline"],
        );
        let updated = b.updated.map(|d| d.to_rfc3339());
        context.insert(
            "json_ld",
            &structured::briefing(&views.cards[i], updated.as_deref(), &crumbs, &self.site),
        );
        context.insert("crumbs", &crumbs);
        context.insert("related", &views.cards(&a.related[i]));
        context.insert("previous", &a.older(i).map(|j| &views.cards[j]));
        context.insert("next", &a.newer(i).map(|j| &views.cards[j]));
        Ok(())
    }

    /// The timeline: every year's overview, the chart, and "on this day".
    fn fill_timeline(&self, context: &mut Context) {
        let (a, config, views) = (self.archive, self.config, &self.views);
        let years: Vec<_> = a
            .years
            .iter()
            .map(|y| Views::year_overview(y, config))
            .collect();
        context.insert("chart", &chart::archive(&years, &self.strings));
        context.insert("years", &years);
        let today = a
            .briefings
            .first()
            .map(|b| i18n::day_label(&b.date, config.language));
        context.insert("on_this_day_date", &today);
        context.insert("on_this_day", &views.cards(&self.on_this_day()));
    }
}
