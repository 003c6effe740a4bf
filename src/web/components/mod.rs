//! The widget's components, one per file.

pub mod answer;
#[cfg(feature = "npm")]
pub mod catalog_view;
pub mod country_select;
pub mod explain;
pub mod field;
pub mod form;
pub mod toolbar;

/// Whether the rule catalog opens inside the widget (the package: a host's portal has no catalog page)
/// rather than as the site's catalog page (the page bundle: `catalog.html`, its own address).
pub const IN_WIDGET_CATALOG: bool = cfg!(feature = "npm");
