//! `stories:` in `site.yaml`: whether briefings that follow one developing story get a page
//! together, and how close in time and how many make one.

use serde::Deserialize;

/// How stories are found, on a site that has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stories {
    /// The longest gap, in days, between one briefing of a story and the next.
    pub gap_days: u32,
    /// The fewest briefings a found story has (a story an editor names has any number).
    pub min: usize,
}

impl Default for Stories {
    fn default() -> Self {
        Stories {
            gap_days: 14,
            min: 3,
        }
    }
}

/// `stories:` as written: `false`, `true`, or the settings.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum StoriesFile {
    Switch(bool),
    Settings(StoriesSettings),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoriesSettings {
    gap_days: Option<u32>,
    min: Option<usize>,
}

impl StoriesFile {
    /// The settings, `None` when stories are off; a wrong value's message.
    pub(super) fn read(file: Option<StoriesFile>) -> Result<Option<Stories>, String> {
        let defaults = Stories::default();
        match file {
            None | Some(StoriesFile::Switch(true)) => Ok(Some(defaults)),
            Some(StoriesFile::Switch(false)) => Ok(None),
            Some(StoriesFile::Settings(settings)) => {
                let stories = Stories {
                    gap_days: settings.gap_days.unwrap_or(defaults.gap_days),
                    min: settings.min.unwrap_or(defaults.min),
                };
                if stories.gap_days == 0 || stories.min < 2 {
                    return Err(format!(
                        "`stories.gap_days` must be at least 1 and `stories.min` at least 2, \
                         not {} and {}",
                        stories.gap_days, stories.min
                    ));
                }
                Ok(Some(stories))
            }
        }
    }
}
