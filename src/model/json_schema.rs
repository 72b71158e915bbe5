//! The JSON Schema (draft-07) of a plan file, generated from [`super::format`] — the
//! description the checker itself uses — so editors (taplo, VS Code with Even Better
//! TOML) complete and validate exactly what `plan check` accepts.

use super::format::{Field, Ty, PLAN};
use crate::i18n::Lang;
use crate::schema::{Checklist, RoleModel};
use serde_json::{json, Map, Value};

/// The schema; with a role model and checklist, role ids and question ids are
/// listed with their Swedish labels and question texts.
/// Descriptions are in `lang`.
pub fn plan_file(roles: Option<&RoleModel>, checklist: Option<&Checklist>, lang: Lang) -> Value {
    let ctx = Ctx {
        roles,
        checklist,
        lang,
    };
    let mut schema = table(&ctx, PLAN);
    let obj = schema.as_object_mut().expect("a table is an object");
    obj.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    obj.insert("title".into(), json!(lang.text("schema-title")));
    // What a JSON Schema validator cannot check, said where an editor shows it.
    obj.insert("description".into(), json!(lang.text("schema-description")));
    // The role model decides whether a plan must name its organisation model
    // (handbook 10.1.1–10.1.5), as `plan check` does.
    if roles.is_some_and(|m| m.uses_organisation_model) {
        if let Some(Value::Array(required)) = obj.get_mut("required") {
            required.push(json!("organisation_model"));
        }
    }
    schema
}

struct Ctx<'a> {
    roles: Option<&'a RoleModel>,
    checklist: Option<&'a Checklist>,
    lang: Lang,
}

const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,62}$";
const REF_PATTERN: &str = "^[a-z0-9][a-z0-9-]{0,62}(/[a-z0-9][a-z0-9-]{0,62})?$";

fn table(ctx: &Ctx<'_>, fields: &[Field]) -> Value {
    let mut properties = Map::new();
    for f in fields {
        let mut v = ty(ctx, &f.ty, f.name);
        if let Some(o) = v.as_object_mut() {
            o.insert("description".into(), json!(ctx.lang.text(f.doc)));
        }
        properties.insert(f.name.into(), v);
    }
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn ty(ctx: &Ctx<'_>, t: &Ty, key: &str) -> Value {
    match t {
        Ty::Str => json!({ "type": "string" }),
        Ty::Bool => json!({ "type": "boolean" }),
        Ty::Int(lo, hi) => json!({ "type": "integer", "minimum": lo, "maximum": hi }),
        Ty::Amount => json!({ "type": "number", "minimum": 0 }),
        Ty::Date => json!({ "type": "string", "format": "date" }),
        Ty::Id => json!({ "type": "string", "pattern": ID_PATTERN }),
        Ty::Ref => json!({ "type": "string", "pattern": REF_PATTERN }),
        Ty::Enum(values) => json!({ "type": "string", "enum": values }),
        Ty::Table(fields) => table(ctx, fields),
        Ty::Map(inner) => {
            let value = ty(ctx, inner, key);
            let named: Option<Vec<(String, String)>> = match key {
                "roles" => ctx.roles.map(|m| {
                    m.roles
                        .iter()
                        .map(|r| (r.id.clone(), format!("{} ({})", r.label, r.short)))
                        .collect()
                }),
                "answers" => ctx.checklist.map(|c| {
                    c.questions
                        .iter()
                        .map(|q| (q.id.clone(), format!("{} ({})", q.text, q.reference)))
                        .collect()
                }),
                _ => None,
            };
            match named {
                Some(names) => {
                    let properties: Map<String, Value> = names
                        .into_iter()
                        .map(|(id, doc)| {
                            let mut v = value.clone();
                            if let Some(o) = v.as_object_mut() {
                                o.insert("description".into(), json!(doc));
                            }
                            (id, v)
                        })
                        .collect();
                    json!({ "type": "object", "properties": properties, "additionalProperties": false })
                }
                None => json!({ "type": "object", "additionalProperties": value }),
            }
        }
        Ty::Array(inner) => json!({ "type": "array", "items": ty(ctx, inner, key) }),
        Ty::OneOrMany(inner) => {
            let one = ty(ctx, inner, key);
            json!({ "anyOf": [one.clone(), { "type": "array", "items": one }] })
        }
        Ty::AnyOf(alternatives) => {
            json!({ "anyOf": alternatives.iter().map(|a| ty(ctx, a, key)).collect::<Vec<_>>() })
        }
    }
}
