//! JSON Schema pieces for the types that serialise as plain strings (native builds only).

use schemars::schema::{InstanceType, Metadata, Schema, SchemaObject};

/// A string schema with an optional `format`, allowed values and description.
pub fn string_schema(format: Option<&str>, values: Option<Vec<serde_json::Value>>, description: Option<&str>) -> Schema {
    SchemaObject {
        instance_type: Some(InstanceType::String.into()),
        format: format.map(str::to_string),
        enum_values: values,
        metadata: description.map(|text| Box::new(Metadata { description: Some(text.to_string()), ..Default::default() })),
        ..Default::default()
    }
    .into()
}
