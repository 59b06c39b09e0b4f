//! Turning what a person types (on the command line or in the app) into a
//! value of the right type for a question's kind.

use super::answers::Value;
use super::date::Date;
use super::questionnaire::{Kind, Question};

/// Parses `input` for `question`, or says in one sentence what the kind
/// accepts.
pub fn parse_input(question: &Question, input: &str) -> Result<Value, String> {
    let trimmed = input.trim();
    match &question.kind {
        Kind::YesNo { .. } => match trimmed.to_lowercase().as_str() {
            "yes" | "y" | "true" | "是" => Ok(Value::Bool(true)),
            "no" | "n" | "false" | "否" => Ok(Value::Bool(false)),
            _ => Err("a yes/no question takes `yes` or `no`".to_string()),
        },
        Kind::Choice { options } => {
            if options.iter().any(|o| o.id == trimmed) {
                Ok(Value::Str(trimmed.to_string()))
            } else {
                Err(format!("a choice question takes one option id: {}", option_list(question)))
            }
        }
        Kind::Multi { options } => {
            let mut chosen: Vec<Value> = Vec::new();
            for id in trimmed.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if !options.iter().any(|o| o.id == id) {
                    return Err(format!(
                        "`{id}` is not an option; a multi question takes option ids separated by commas: {}",
                        option_list(question)
                    ));
                }
                let value = Value::Str(id.to_string());
                if !chosen.contains(&value) {
                    chosen.push(value);
                }
            }
            Ok(Value::List(chosen))
        }
        Kind::Rating { max } => match trimmed.parse::<i64>() {
            Ok(n) if (0..=i64::from(*max)).contains(&n) => Ok(Value::Integer(n)),
            _ => Err(format!("a rating question takes a whole number from 0 to {max}")),
        },
        Kind::Number { .. } => {
            if let Ok(n) = trimmed.parse::<i64>() {
                return Ok(Value::Integer(n));
            }
            match trimmed.parse::<f64>() {
                Ok(f) if f.is_finite() => Ok(Value::Float(f)),
                _ => Err("a number question takes a number, such as 1000 or 2.5".to_string()),
            }
        }
        Kind::Date { .. } => Date::parse(trimmed)
            .map(Value::Date)
            .ok_or_else(|| "a date question takes a real date written YYYY-MM-DD".to_string()),
        Kind::Text => Ok(Value::Str(input.to_string())),
    }
}

fn option_list(question: &Question) -> String {
    let ids: Vec<&str> = question.kind.options().iter().map(|o| o.id.as_str()).collect();
    ids.join(", ")
}
