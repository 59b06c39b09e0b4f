//! Reading typed fields out of a spanned TOML table while collecting every
//! problem, instead of stopping at the first as serde would.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::domain::Span;
use crate::domain::answers::Value;
use crate::domain::date::Date;
use crate::domain::text::LText;
use crate::domain::validate::Problem;

pub type SpannedValue<'i> = Spanned<DeValue<'i>>;

/// A table being read: which fields were looked at, so that the rest can be
/// reported as unknown.
pub struct Fields<'a, 'i> {
    table: &'a DeTable<'i>,
    span: Span,
    /// What the table is, for messages: "question `licence-scope`".
    what: String,
    /// At most a dozen names: a Vec beats hashing here.
    used: Vec<&'static str>,
}

impl<'a, 'i> Fields<'a, 'i> {
    pub fn new(table: &'a DeTable<'i>, span: Span, what: impl Into<String>) -> Self {
        Fields { table, span, what: what.into(), used: Vec::with_capacity(8) }
    }

    pub fn span(&self) -> Span {
        self.span.clone()
    }

    pub fn rename(&mut self, what: impl Into<String>) {
        self.what = what.into();
    }

    fn use_key(&mut self, key: &'static str) {
        if !self.used.contains(&key) {
            self.used.push(key);
        }
    }

    pub fn get(&mut self, key: &'static str) -> Option<&'a SpannedValue<'i>> {
        self.use_key(key);
        self.table.get(key)
    }

    fn missing(&self, key: &str, problems: &mut Vec<Problem>) {
        problems.push(Problem::error(self.span.clone(), format!("{} is missing `{key}`", self.what)));
    }

    fn wrong(&self, key: &str, wanted: &str, value: &SpannedValue<'_>, problems: &mut Vec<Problem>) {
        problems.push(Problem::error(
            value.span(),
            format!("`{key}` of {} must be {wanted}, not {}", self.what, type_phrase(value.get_ref())),
        ));
    }

    pub fn str(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Option<(String, Span)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some((s.to_string(), value.span())),
            _ => {
                self.wrong(key, "a string", value, problems);
                None
            }
        }
    }

    pub fn req_str(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Option<(String, Span)> {
        if self.table.get(key).is_none() {
            self.use_key(key);
            self.missing(key, problems);
            return None;
        }
        self.str(key, problems)
    }

    pub fn bool(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong(key, "true or false", value, problems);
                None
            }
        }
    }

    /// An integer or a float, as f64.
    pub fn number(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Option<(f64, Span)> {
        let value = self.get(key)?;
        match number_of(value.get_ref()) {
            Some(n) => Some((n, value.span())),
            None => {
                self.wrong(key, "a number", value, problems);
                None
            }
        }
    }

    pub fn req_number(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Option<(f64, Span)> {
        if self.table.get(key).is_none() {
            self.use_key(key);
            self.missing(key, problems);
            return None;
        }
        self.number(key, problems)
    }

    pub fn integer(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Option<(i64, Span)> {
        let value = self.get(key)?;
        match integer_of(value.get_ref()) {
            Some(n) => Some((n, value.span())),
            None => {
                self.wrong(key, "a whole number", value, problems);
                None
            }
        }
    }

    /// Localised text: a plain string, or a table with both `zh` and `en`.
    pub fn ltext(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Option<LText> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) if s.trim().is_empty() => {
                problems.push(Problem::error(value.span(), format!("`{key}` of {} is empty", self.what)));
                None
            }
            DeValue::String(s) => Some(LText::same(s.to_string())),
            DeValue::Table(t) => {
                let mut text = LText::default();
                let mut complete = true;
                for (lang, slot) in [("zh", &mut text.zh), ("en", &mut text.en)] {
                    match t.get(lang).map(|v| (v.get_ref(), v.span())) {
                        Some((DeValue::String(s), _)) if !s.trim().is_empty() => *slot = s.to_string(),
                        Some((DeValue::String(_), span)) => {
                            problems.push(Problem::error(span, format!("`{key}.{lang}` of {} is empty", self.what)));
                            complete = false;
                        }
                        Some((other, span)) => {
                            problems.push(Problem::error(
                                span,
                                format!("`{key}.{lang}` of {} must be a string, not {}", self.what, type_phrase(other)),
                            ));
                            complete = false;
                        }
                        None => {
                            problems.push(Problem::error(
                                value.span(),
                                format!("`{key}` of {} has no `{lang}` translation", self.what),
                            ));
                            complete = false;
                        }
                    }
                }
                complete.then_some(text)
            }
            _ => {
                self.wrong(key, "a string or a table of `zh` and `en` texts", value, problems);
                None
            }
        }
    }

    pub fn req_ltext(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Option<LText> {
        if self.table.get(key).is_none() {
            self.use_key(key);
            self.missing(key, problems);
            return None;
        }
        self.ltext(key, problems)
    }

    /// A required, non-empty array of tables: missing, empty and wrong
    /// entries are each reported once, where they are.
    pub fn req_tables(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Vec<(&'a DeTable<'i>, Span)> {
        match self.table.get(key).map(|v| (v.get_ref(), v.span())) {
            None => {
                self.use_key(key);
                self.missing(key, problems);
                Vec::new()
            }
            Some((DeValue::Array(items), span)) if items.is_empty() => {
                self.use_key(key);
                problems
                    .push(Problem::error(span, format!("`{key}` of {} is empty; it needs at least one", self.what)));
                Vec::new()
            }
            Some(_) => self.tables(key, problems),
        }
    }

    /// An array of tables (`[[x]]` or `x = [{…}, …]`), each with its span.
    pub fn tables(&mut self, key: &'static str, problems: &mut Vec<Problem>) -> Vec<(&'a DeTable<'i>, Span)> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong(key, "an array of tables", value, problems);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                other => problems.push(Problem::error(
                    item.span(),
                    format!("each entry of `{key}` in {} must be a table, not {}", self.what, type_phrase(other)),
                )),
            }
        }
        out
    }

    /// Warns about every field that was never looked at: a typo such as
    /// `wieght` must not pass silently as "weight defaults to 1".
    pub fn finish(self, problems: &mut Vec<Problem>) {
        for (key, value) in self.table.iter() {
            if !self.used.contains(&key.get_ref().as_ref()) {
                let span = key.span();
                let _ = value;
                problems.push(Problem::warning(
                    span,
                    format!("unknown field `{}` in {} is ignored", key.get_ref(), self.what),
                ));
            }
        }
    }
}

pub fn number_of(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(_) => integer_of(value).map(|n| n as f64),
        DeValue::Float(f) => f.as_str().parse::<f64>().ok().or_else(|| match f.as_str() {
            "inf" | "+inf" => Some(f64::INFINITY),
            "-inf" => Some(f64::NEG_INFINITY),
            _ => Some(f64::NAN),
        }),
        _ => None,
    }
}

pub fn integer_of(value: &DeValue<'_>) -> Option<i64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
        _ => None,
    }
}

/// A TOML value as an answer value, keeping its type.
pub fn answer_value(value: &DeValue<'_>) -> Value {
    match value {
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Integer(_) => integer_of(value).map_or(Value::Other("an integer too large"), Value::Integer),
        DeValue::Float(_) => Value::Float(number_of(value).unwrap_or(f64::NAN)),
        DeValue::String(s) => Value::Str(s.to_string()),
        DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
            (Some(d), None, None) => {
                Date::new(i32::from(d.year), d.month, d.day).map_or(Value::Other("an impossible date"), Value::Date)
            }
            _ => Value::Other("a date with a time"),
        },
        DeValue::Array(items) => Value::List(items.iter().map(|v| answer_value(v.get_ref())).collect()),
        DeValue::Table(_) => Value::Other("a table"),
    }
}

pub fn type_phrase(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}
