//! Localised text and the two interface languages.

use std::fmt;

/// The languages ccvet speaks. Questionnaire text carries both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "zh" | "cn" | "zh-cn" | "zh_cn" => Some(Lang::Zh),
            "en" | "en-us" | "en_us" | "en-gb" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Text in Chinese and English. A plain string in a file fills both.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LText {
    pub zh: String,
    pub en: String,
}

impl LText {
    pub fn same(text: impl Into<String>) -> LText {
        let text = text.into();
        LText { zh: text.clone(), en: text }
    }

    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> LText {
        LText { zh: zh.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}
