//! The widget's components, one per file.

pub mod answer;
pub mod catalog_view;
pub mod country_select;
pub mod explain;
pub mod field;
pub mod form;
pub mod toolbar;
