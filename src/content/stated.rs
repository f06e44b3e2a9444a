//! The fields an editor stated in front matter, read and checked one by one: a problem is
//! located at the field's line and column, with what to write instead.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::front_matter::{self, SourceField};
use super::{Outlet, StoryMark, duplicate, sanitize};
use crate::config::MAX_TAGS;
use crate::error::Diagnostic;
use crate::extract::entities::Entities;
use crate::slug::{check_slug, slugify};
use crate::time::SiteZone;
use crate::time::written::{self, Stated};
use crate::yaml::Names;

const DATE_HINT: &str =
    "write the date as 2019-12-31, 2019-12-31 18:19 or 2019-12-31T18:19:00+07:00";

/// One file's front matter as written, for locating what is wrong in it.
pub(super) struct Fields<'a> {
    pub path: &'a Path,
    pub text: &'a str,
}

impl Fields<'_> {
    /// A problem with the value of `key`, at its line and column.
    pub(super) fn at_key(&self, key: &str, message: String, hint: &str) -> Diagnostic {
        let (line, col) = front_matter::value_position(self.text, key);
        Diagnostic::new(self.path, line, col, message).with_hint(hint)
    }

    /// `date:` or `updated:` in the site's time zone unless it names its own.
    pub(super) fn date(
        &self,
        key: &str,
        written: &str,
        zone: &SiteZone,
    ) -> Result<Stated, Diagnostic> {
        written::parse_stated(written, zone).map_err(|m| self.at_key(key, m, DATE_HINT))
    }

    pub(super) fn updated(
        &self,
        written: Option<&str>,
        zone: &SiteZone,
    ) -> Result<Option<DateTime<FixedOffset>>, Diagnostic> {
        written
            .map(|text| self.date("updated", text, zone).map(|s| s.at))
            .transpose()
    }

    pub(super) fn slug(&self, written: &str) -> Result<String, Diagnostic> {
        check_slug(written)
            .map_err(|m| self.at_key("slug", m, &format!("try `slug: {}`", slugify(written))))?;
        Ok(written.to_string())
    }

    /// `story:`: a story's slug, or `none`.
    pub(super) fn story(&self, written: Option<&str>) -> Result<StoryMark, Diagnostic> {
        match written.map(str::trim) {
            None => Ok(StoryMark::Found),
            Some("none") => Ok(StoryMark::Out),
            Some(slug) => {
                check_slug(slug).map_err(|m| {
                    self.at_key(
                        "story",
                        m,
                        &format!("try `story: {}`, or `story: none`", slugify(slug)),
                    )
                })?;
                Ok(StoryMark::Named(slug.to_string()))
            }
        }
    }

    /// `duplicate_of:`, the path of the briefing this one copies.
    pub(super) fn duplicate_of(
        &self,
        written: Option<&str>,
    ) -> Result<Option<duplicate::Mark>, Diagnostic> {
        let Some(written) = written else {
            return Ok(None);
        };
        let (line, col) = front_matter::value_position(self.text, "duplicate_of");
        let original = duplicate::original_path(written).ok_or_else(|| {
            self.at_key(
                "duplicate_of",
                format!("`{written}` is not the path of a briefing under content/"),
                "write the original's path as kabar names it, e.g. \
                 `duplicate_of: content/2019/02/ktt-hanoi.md`",
            )
        })?;
        Ok(Some(duplicate::Mark {
            original,
            line,
            col,
        }))
    }

    /// `tags:`; a tag with no letters or digits is an error, tags past [`MAX_TAGS`] are left
    /// out with a warning. Tags go by the names the archive uses, as tags read from raw
    /// articles do: `AS` and `Amerika Serikat` are one tag.
    pub(super) fn tags(
        &self,
        written: Option<Names>,
        entities: &Entities,
        warnings: &mut Vec<Diagnostic>,
    ) -> Result<Option<Vec<String>>, Diagnostic> {
        let Some(mut tags) = written.map(Names::into_list) else {
            return Ok(None);
        };
        if let Some(bad) = tags.iter().find(|t| slugify(t).is_empty()) {
            return Err(self.at_key(
                "tags",
                format!("tag `{bad}` has no letters or digits"),
                "give each tag a name",
            ));
        }
        if tags.len() > MAX_TAGS {
            warnings.push(self.at_key(
                "tags",
                format!(
                    "{} tags: only the first {MAX_TAGS} are kept (each tag's page and feed lists \
                     the briefing, so a long list multiplies the site)",
                    tags.len()
                ),
                "keep the tags a reader would look the briefing up by",
            ));
            tags.truncate(MAX_TAGS);
        }
        let canonical = |t: String| entities.canonical(&t).map_or(t, str::to_string);
        Ok(Some(tags.into_iter().map(canonical).collect()))
    }

    /// `source:`, a name or a name with an address; an address that would run script is
    /// left out with a warning.
    pub(super) fn source(
        &self,
        written: Option<SourceField>,
        warnings: &mut Vec<Diagnostic>,
    ) -> Option<Outlet> {
        let (name, address) = match written? {
            SourceField::Name(name) => (name, None),
            SourceField::Full { name, url } => (name, url),
        };
        let outlet = Outlet {
            home: crate::extract::outlets::known(&name).and_then(|k| k.url.map(str::to_string)),
            name,
            url: None,
        };
        Some(match address {
            Some(url) if sanitize::runs_script(&url, false) => {
                let (line, col) = front_matter::value_position(self.text, "source");
                warnings.push(sanitize::script_link_warning(self.path, line, col, &url));
                outlet
            }
            Some(address) => outlet.at(address),
            None => outlet,
        })
    }
}
