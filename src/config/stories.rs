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
#[derive(Debug)]
pub(super) enum StoriesFile {
    Switch(bool),
    Settings(StoriesSettings),
}

/// Read by hand rather than as an untagged enum, whose one error ("did not match any
/// variant") would hide which key or value is wrong, and where.
impl<'de> Deserialize<'de> for StoriesFile {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Written;
        impl<'de> serde::de::Visitor<'de> for Written {
            type Value = StoriesFile;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("true, false, or {gap_days: 14, min: 3}")
            }

            fn visit_bool<E>(self, on: bool) -> Result<StoriesFile, E> {
                Ok(StoriesFile::Switch(on))
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                map: M,
            ) -> Result<StoriesFile, M::Error> {
                let settings =
                    Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(StoriesFile::Settings(settings))
            }
        }
        deserializer.deserialize_any(Written)
    }
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
