//! The documents rules are cited from: the five source documents (Partner Center docs, French locale,
//! CC BY 4.0) and the later Partner Center pages that dated changes come from.

use super::day::Day;
use super::messages::Lang;
use crate::day;
use serde::Serialize;

/// A document a rule can cite, with the section anchors it has.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Source {
    /// Stable identifier: the seed file name, or the Partner Center page name.
    pub id: &'static str,
    /// English title.
    pub title: &'static str,
    /// Public page (en-us).
    pub url: &'static str,
    /// Date of the version the facts were taken from (for a later page whose own date the copy read does
    /// not give, the date of that copy, 2023-10-23).
    pub version_date: Day,
    /// Section anchors (`<a name=…>`) the document has; empty for pages cited as a whole.
    pub sections: &'static [&'static str],
}

/// A pointer to a document section: what every rule and note carries. In JSON it is the short form
/// `document#section` (see [`Citation::short`]); the catalog's `sources` give each document's title and URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The cited document's identifier (see [`SOURCES`]).
    pub document: &'static str,
    /// The section anchor; empty when the page is cited as a whole.
    pub section: &'static str,
    /// The document's English title.
    pub title: &'static str,
    /// The public page; link to `url#section`.
    pub url: &'static str,
    /// The date of the cited document's version.
    pub date: Day,
}

/// Cites `section` of `source`.
pub const fn cite(source: &Source, section: &'static str) -> Citation {
    Citation { document: source.id, section, title: source.title, url: source.url, date: source.version_date }
}

impl Serialize for Citation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.section.is_empty() {
            serializer.serialize_str(self.document)
        } else {
            serializer.collect_str(&format_args!("{}#{}", self.document, self.section))
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Citation {
    fn schema_name() -> String {
        "Citation".into()
    }
    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        super::schema::string_schema(None, None, Some("`document#section`: a document of the catalog's `sources` and one of its section anchors."))
    }
}

/// The heading of the section with `anchor` in `lang` (message `heading.<anchor>`: French as the seeds
/// give it, English as the anchor was made from), once its text is at hand (the page loads it after its
/// first answer).
pub fn heading(anchor: &str, lang: Lang) -> Option<&'static str> {
    text_of(&format!("heading.{anchor}"), lang)
}

fn text_of(key: &str, lang: Lang) -> Option<&'static str> {
    super::messages::lookup(key).map(|message| message.text(lang)).filter(|text| !text.is_empty())
}

impl Citation {
    /// The cited document's title in `lang` (message `source.<document>`: French for the seeds, which are
    /// French pages), else its English title.
    pub fn title_in(&self, lang: Lang) -> &'static str {
        text_of(&format!("source.{}", self.document), lang).unwrap_or(self.title)
    }

    /// The cited section's heading in `lang`, if the section has one at hand (see [`heading`]).
    pub fn heading_in(&self, lang: Lang) -> Option<&'static str> {
        (!self.section.is_empty()).then(|| heading(self.section, lang)).flatten()
    }

    /// The cited page in `lang`'s locale (Microsoft Learn serves every page in fr-fr and de-de), at the
    /// cited section.
    pub fn href(&self, lang: Lang) -> String {
        let locale = match lang {
            Lang::En => "/en-us/",
            Lang::Fr => "/fr-fr/",
            Lang::De => "/de-de/",
        };
        let url = if self.url.starts_with("https://learn.microsoft.com/") { self.url.replacen("/en-us/", locale, 1) } else { self.url.to_string() };
        if self.section.is_empty() {
            url
        } else {
            format!("{url}#{}", self.section)
        }
    }

    /// `document#section`, the form the JSON contract uses.
    pub fn short(&self) -> String {
        if self.section.is_empty() {
            self.document.to_string()
        } else {
            format!("{}#{}", self.document, self.section)
        }
    }
}

/// Partner Center for Microsoft Cloud Germany (2018-08), with the CSP FAQ.
pub const GERMANY_2018: Source = Source {
    id: "000_6afa813301a98690.txt",
    title: "Partner Center for Microsoft Cloud Germany",
    url: "https://learn.microsoft.com/en-us/partner-center/partner-center-for-microsoft-cloud-germany",
    version_date: day!(2018 - 08 - 31),
    sections: &[
        "partner-center-for-microsoft-cloud-germany",
        "microsoft-cloud-germany-meeting-german-data-protection-requirements",
        "partner-center-for-microsoft-cloud-germany-selling-german-cloud-solutions-in-eu-and-efta",
        "frequently-asked-questions-about-the-csp-program-for-microsoft-cloud-germany",
    ],
};

/// Partner Center for Microsoft Cloud Germany for partners selling in EU & EFTA (2020-10-12).
pub const GERMANY_2020: Source = Source {
    id: "001_0a1de67b1829e173.txt",
    title: "Partner Center for Microsoft Cloud Germany for partners selling to customers in EU & EFTA countries",
    url: "https://learn.microsoft.com/en-us/partner-center/partner-center-for-microsoft-cloud-germany",
    version_date: day!(2020 - 10 - 12),
    sections: &[
        "partner-center-for-microsoft-cloud-germany-for-partners-selling-to-customers-in-eu--efta-countries",
        "migrate-customers-from-microsoft-cloud-germany-to-another-european-region",
        "you-already-have-a-csp-account",
        "you-dont-already-have-a-csp-account",
        "selling-german-cloud-solutions-in-eu-and-efta",
        "next-steps",
    ],
};

/// Frequently asked questions for Partner Center for Microsoft Cloud for US Government (2019-03-15).
pub const US_GOVERNMENT_FAQ: Source = Source {
    id: "002_27d6eb6990a20835.txt",
    title: "Frequently asked questions for Partner Center for Microsoft Cloud for US Government",
    url: "https://learn.microsoft.com/en-us/partner-center/faq-for-us-govt-cloud",
    version_date: day!(2019 - 03 - 15),
    sections: &[
        "frequently-asked-questions-for-partner-center-for-microsoft-cloud-for-us-government",
        "frequently-asked-questions",
        "common",
        "microsoft-cloud-for-us-government-for-azure",
    ],
};

/// Enroll in the Cloud Solution Provider program (2019-11-27).
pub const ENROLLMENT: Source = Source {
    id: "003_88aa279d84c9d6cf.txt",
    title: "Enroll in the Cloud Solution Provider program",
    url: "https://learn.microsoft.com/en-us/partner-center/enrolling-in-the-csp-program",
    version_date: day!(2019 - 11 - 27),
    sections: &[
        "enroll-in-the-cloud-solution-provider-program",
        "get-started",
        "enroll-as-an-indirect-reseller",
        "enroll-as-a-direct-bill-partner",
        "minimum-requirements",
        "verify-direct-bill-eligibility",
        "transition-from-direct-bill-to-indirect-reseller",
        "csp-regional-markets-and-currencies",
    ],
};

/// Learn how partners can work with other partners in the CSP program (2020-05-12).
pub const PARTNER_RELATIONSHIPS: Source = Source {
    id: "004_67f44b5b4431ee71.txt",
    title: "Learn how partners can work with other partners in the CSP program",
    url: "https://learn.microsoft.com/en-us/partner-center/csp-supported-partner-relationships",
    version_date: day!(2020 - 05 - 12),
    sections: &[
        "learn-how-partners-can-work-with-other-partners-in-the-csp-program",
        "types-of-partner-relationships-in-the-csp-program",
        "csp-program-requirements-signing-the-microsoft-partner-agreement-mpa",
        "supported-partner-transactions-in-the-csp-program",
        "next-steps",
    ],
};

/// CSP regional markets and currencies (lists of 2021-04-15 and 2023-08-17).
pub const REGIONAL_MARKETS: Source = Source {
    id: "regional-authorization-overview",
    title: "Cloud Solution Provider regional markets and currencies",
    url: "https://learn.microsoft.com/en-us/partner-center/regional-authorization-overview",
    version_date: day!(2023 - 08 - 17),
    sections: &[],
};

/// CSP Program Guide update of August 2023 (US territories join the United States region).
pub const PROGRAM_GUIDE_2023: Source = Source {
    id: "announcements-2023-august",
    title: "Partner Center announcements, August 2023: CSP Program Guide update",
    url: "https://learn.microsoft.com/en-us/partner-center/announcements/2023-august",
    version_date: day!(2023 - 10 - 23),
    sections: &[],
};

/// National clouds in the CSP program (21Vianet, US Government, Germany).
pub const NATIONAL_CLOUDS: Source = Source {
    id: "csp-national-clouds-overview",
    title: "Sell cloud solutions in national clouds",
    url: "https://learn.microsoft.com/en-us/partner-center/csp-national-clouds-overview",
    version_date: day!(2022 - 05 - 03),
    sections: &[],
};

/// Developing for Partner Center in national clouds.
pub const NATIONAL_CLOUD_DEVELOPERS: Source = Source {
    id: "developing-for-partner-center-for-microsoft-national-cloud",
    title: "Developing for Partner Center for Microsoft national clouds",
    url: "https://learn.microsoft.com/en-us/partner-center/developer/developing-for-partner-center-for-microsoft-national-cloud",
    version_date: day!(2023 - 09 - 28),
    sections: &[],
};

/// Partner Center announcements of May 2021: Microsoft China Corporation Limited (MCCL) CSP, "no impact on
/// 21Vianet CSP" (read in the copy of 2021-07-20).
pub const ANNOUNCEMENTS_2021_MAY: Source = Source {
    id: "announcements-2021-may",
    title: "Partner Center announcements, May 2021",
    url: "https://learn.microsoft.com/en-us/partner-center/announcements/2021-may",
    version_date: day!(2021 - 07 - 20),
    sections: &[],
};

/// Partner Center for Microsoft Cloud for US Government (later version, 2021-11-08).
pub const US_GOVERNMENT_2021: Source = Source {
    id: "partner-center-for-microsoft-us-govt-cloud",
    title: "Partner Center for Microsoft Cloud for US Government",
    url: "https://learn.microsoft.com/en-us/partner-center/partner-center-for-microsoft-us-govt-cloud",
    version_date: day!(2021 - 11 - 08),
    sections: &[],
};

/// Azure Germany developer guide (closure of Microsoft Cloud Germany on 2021-10-29).
pub const GERMANY_CLOSURE: Source = Source {
    id: "germany-developer-guide",
    title: "Azure Germany developer guide",
    url: "https://learn.microsoft.com/en-us/azure/germany/germany-developer-guide",
    version_date: day!(2020 - 09 - 30),
    sections: &[],
};

/// The Azure PowerShell reference page marking Microsoft Cloud Germany's environment obsolete: "Microsoft
/// Cloud Germany was closed on October 29th, 2021." The page gives no date of its own; its past-tense text
/// is no older than the closure it reports, which is the date given here.
pub const GERMANY_CLOSED: Source = Source {
    id: "environmentname-azuregermancloud",
    title: "EnvironmentName.AzureGermanCloud Field (Azure PowerShell reference)",
    url: "https://learn.microsoft.com/en-us/dotnet/api/microsoft.azure.commands.common.authentication.abstractions.environmentname.azuregermancloud",
    version_date: day!(2021 - 10 - 29),
    sections: &[],
};

/// The press report of Microsoft suspending new sales in Russia, the one dated source for Russia leaving
/// the market list (the reference notes cite it).
pub const RUSSIA_NEW_SALES: Source = Source {
    id: "microsoft-ceasing-new-sales-in-russia",
    title: "Microsoft is ceasing all new sales in Russia (GameSpot)",
    url: "https://www.gamespot.com/articles/microsoft-is-ceasing-all-new-sales-in-russia/1100-6501269/",
    version_date: day!(2022 - 03 - 04),
    sections: &[],
};

/// The archived 2018 page on enrolling in the 21Vianet China CSP reseller program (Partner Center docs,
/// French locale repository with the English text beside it; ms.date 2018-10-29).
pub const VIANET_ENROLLMENT_2018: Source = Source {
    id: "china-enrolling-in-the-csp-program",
    title: "Enroll in the 21Vianet China CSP reseller program (archive)",
    url: "https://github.com/MicrosoftDocs/partner-center-pr.fr-fr/blob/4cadecc4db3bdb826c57fcbc8a95ddd5261961fc/Archive/China-enrolling-in-the-csp-program.md",
    version_date: day!(2018 - 10 - 29),
    sections: &[],
};

/// Partner Center announcements, February 2020: confirming customers' acceptance of the Microsoft Customer
/// Agreement from 2020-02-01 (read in the copy of 2021-07-20).
pub const ANNOUNCEMENTS_2020_FEBRUARY: Source = Source {
    id: "announcements-2020-february",
    title: "Partner Center announcements, February 2020",
    url: "https://learn.microsoft.com/en-us/partner-center/announcements/2020-february",
    version_date: day!(2021 - 07 - 20),
    sections: &[],
};

/// Enroll in the CSP program, later version (registration ID numbers by customer country).
pub const ENROLLMENT_2023: Source = Source {
    id: "enrolling-in-the-csp-program",
    title: "Enroll in the Cloud Solution Provider program (2023)",
    url: "https://learn.microsoft.com/en-us/partner-center/enrolling-in-the-csp-program",
    version_date: day!(2023 - 10 - 23),
    sections: &[],
};

/// Indirect reseller tasks in Partner Center (partners new to CSP enroll as indirect resellers since October 2020).
pub const INDIRECT_RESELLER_TASKS: Source = Source {
    id: "indirect-reseller-tasks-in-partner-center",
    title: "Indirect reseller tasks in Partner Center",
    url: "https://learn.microsoft.com/en-us/partner-center/indirect-reseller-tasks-in-partner-center",
    version_date: day!(2023 - 10 - 23),
    sections: &[],
};

/// New requirements for direct-bill partners (revenue, time as an indirect reseller, support, assessment).
pub const DIRECT_BILL_REQUIREMENTS: Source = Source {
    id: "direct-partner-new-requirements",
    title: "Requirements for direct-bill partners in the CSP program",
    url: "https://learn.microsoft.com/en-us/partner-center/direct-partner-new-requirements",
    version_date: day!(2023 - 04 - 24),
    sections: &[],
};

/// The indirect reseller's minimum revenue from 2024-04-01.
pub const NEW_RESELLER_REQUIREMENT: Source = Source {
    id: "new-indirect-reseller-requirement",
    title: "New indirect reseller requirement",
    url: "https://learn.microsoft.com/en-us/partner-center/new-indirect-reseller-requirement",
    version_date: day!(2023 - 10 - 02),
    sections: &[],
};

/// Request a reseller relationship with a customer (roles allowed).
pub const REQUEST_RELATIONSHIP: Source = Source {
    id: "request-a-relationship-with-a-customer",
    title: "Request a reseller relationship with a customer",
    url: "https://learn.microsoft.com/en-us/partner-center/request-a-relationship-with-a-customer",
    version_date: day!(2023 - 10 - 23),
    sections: &[],
};

/// Purchase an Azure plan (roles allowed).
pub const PURCHASE_AZURE_PLAN: Source = Source {
    id: "purchase-azure-plan",
    title: "Purchase an Azure plan",
    url: "https://learn.microsoft.com/en-us/partner-center/purchase-azure-plan",
    version_date: day!(2022 - 09 - 09),
    sections: &[],
};

/// Partner Center roles and permissions.
pub const PERMISSIONS: Source = Source {
    id: "permissions-overview",
    title: "Assign users roles and permissions",
    url: "https://learn.microsoft.com/en-us/partner-center/permissions-overview",
    version_date: day!(2022 - 11 - 22),
    sections: &[],
};

/// Create a new customer (roles allowed).
pub const ADD_CUSTOMER: Source = Source {
    id: "add-a-new-customer",
    title: "Create a new customer",
    url: "https://learn.microsoft.com/en-us/partner-center/add-a-new-customer",
    version_date: day!(2023 - 10 - 23),
    sections: &[],
};

/// Create a new subscription (roles allowed to place an order).
pub const CREATE_SUBSCRIPTION: Source = Source {
    id: "create-a-new-subscription",
    title: "Create a new subscription",
    url: "https://learn.microsoft.com/en-us/partner-center/create-a-new-subscription",
    version_date: day!(2023 - 10 - 23),
    sections: &[],
};

/// Transition from direct bill to indirect reseller (resellers cannot create customer tenants).
pub const DIRECT_TO_INDIRECT: Source = Source {
    id: "transition-direct-to-indirect",
    title: "Transition from CSP direct-bill partner to CSP indirect reseller",
    url: "https://learn.microsoft.com/en-us/partner-center/transition-direct-to-indirect",
    version_date: day!(2023 - 10 - 23),
    sections: &[],
};

/// The agreement on the withdrawal of the United Kingdom from the European Union (in force 2020-02-01).
pub const EU_WITHDRAWAL: Source = Source {
    id: "eu-withdrawal-agreement",
    title: "Agreement on the withdrawal of the United Kingdom of Great Britain and Northern Ireland from the European Union",
    url: "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12020W/TXT",
    version_date: day!(2020 - 01 - 31),
    sections: &[],
};

/// Every document the project cites.
pub static SOURCES: &[Source] = &[
    GERMANY_2018,
    GERMANY_2020,
    US_GOVERNMENT_FAQ,
    ENROLLMENT,
    PARTNER_RELATIONSHIPS,
    REGIONAL_MARKETS,
    PROGRAM_GUIDE_2023,
    NATIONAL_CLOUDS,
    NATIONAL_CLOUD_DEVELOPERS,
    ANNOUNCEMENTS_2021_MAY,
    US_GOVERNMENT_2021,
    GERMANY_CLOSURE,
    GERMANY_CLOSED,
    RUSSIA_NEW_SALES,
    VIANET_ENROLLMENT_2018,
    ANNOUNCEMENTS_2020_FEBRUARY,
    ENROLLMENT_2023,
    INDIRECT_RESELLER_TASKS,
    DIRECT_BILL_REQUIREMENTS,
    NEW_RESELLER_REQUIREMENT,
    REQUEST_RELATIONSHIP,
    PURCHASE_AZURE_PLAN,
    PERMISSIONS,
    ADD_CUSTOMER,
    CREATE_SUBSCRIPTION,
    DIRECT_TO_INDIRECT,
    EU_WITHDRAWAL,
];

/// The document with this identifier.
pub fn source(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|source| source.id == id)
}
