// Generated from the JSON Schemas by tests/contract.rs. Do not edit.
// The JSON contract of csp-eligibility (api_version 1).

/** A question for the rules core. Build one from JSON with [`crate::core::parse_query`]. */
export type Query = {
  /** Contract version; must be 1. */
  api_version: number;
  /** The day the answer is for; the core never reads a clock. */
  as_of: Day;
  /** The one cloud the asker cares about; every cloud is answered anyway. */
  cloud?: (Cloud | null);
  /** The customer it wants to sell to. */
  customer: Customer;
  /** The partner that wants to sell. */
  partner: Partner;
  /** The task the asker wants to do; sets the task portal and role checks. */
  task?: (Task | null);
};

/** The answer to a query: a decision for every cloud. */
export type Decision = {
  /** Contract version. */
  api_version: number;
  /** The day the answer is for. */
  as_of: Day;
  /** One decision per cloud, in the order of [`Cloud`]. */
  clouds: Array<CloudDecision>;
  /** The date of the newest document the ruleset rests on; later changes are not included. */
  documents_up_to: Day;
  /** The cloud the query asked about, if any. */
  requested_cloud?: (Cloud | null);
  /** Version of the rule table that produced the answer. */
  ruleset_version: string;
  /** The task the query asked about, if any. */
  task?: (Task | null);
};

/** The short answer: each cloud's verdict, portal and deciding rules, without the explanations (what `decide(query, { detail: 'verdicts' })` returns). */
export type Verdicts = {
  /** Contract version. */
  api_version: number;
  /** The day the answer is for. */
  as_of: Day;
  /** One verdict per cloud, in the order of [`Cloud`]. */
  clouds: Array<CloudVerdict>;
  /** The cloud the query asked about, if any. */
  requested_cloud?: (Cloud | null);
  /** Version of the rule table that produced the answer. */
  ruleset_version: string;
  /** The task the query asked about, if any. */
  task?: (Task | null);
};

/** Everything wrong with a query; never empty. */
export type QueryError = {
  /** Contract version. */
  api_version: number;
  /** Every problem found, in document order. */
  problems: Array<Problem>;
};

/** The whole catalog. */
export type Catalog = {
  /** Every rule, then every note, in table order. */
  entries: Array<CatalogEntry>;
  /** Version of the rule table. */
  ruleset_version: string;
  /** For every section of every document (or the whole page, for pages cited as a whole), the rules and notes that cite it: the documents' coverage at a glance. */
  source_map: Array<SourceSection>;
  /** The documents citations point into, with titles, public URLs and section anchors. */
  sources: Array<Source>;
};

/** The nearest ways to a yes for every cloud. */
export type Nearest = {
  /** One entry per cloud, in the order of [`Cloud`]. */
  clouds: Array<CloudNearest>;
};

/** Every cloud's verdict over time for a query (its `as_of` is ignored). */
export type Timeline = {
  /** One timeline per cloud, in the order of [`Cloud`]. */
  clouds: Array<CloudTimeline>;
};

/** Something the partner can do to turn the answer into yes. */
export type Action = {
  message: string;
  message_key: string;
  /** The rule that asks for it. */
  rule: string;
};

/** One rule or note, as the catalog lists it. */
export type CatalogEntry = {
  /** Where it comes from. */
  citation: Citation;
  /** The clouds it applies to. */
  clouds: Clouds;
  /** For a rule: at how many points of the exhaustive input space it applied, and at how many it did not pass. */
  coverage?: Array<unknown> | null;
  /** The days it is in force. */
  effective: Effective;
  /** Identifier. */
  id: string;
  /** Rule, caution or note. */
  kind: EntryKind;
  /** The message in the catalog's language. */
  message: string;
  /** Message key. */
  message_key: string;
  /** The cited section's heading in the catalog's language; absent for a page cited as a whole. */
  section_heading?: string | null;
  /** Date of the cited document's version. */
  source_date: Day;
  /** The cited document's title in the catalog's language (French for the French seeds). */
  source_title: string;
  /** The cited page in the catalog's language's locale, at the cited section. */
  source_url: string;
};

/** One change to a fact the asker controls. */
export type Change = ({
  change: "partner_id";
} | {
  change: "sign_mpa";
} | {
  change: "onboard";
  /** The program. */
  program: Program;
} | {
  change: "us_gov_validation";
} | {
  change: "role";
  /** The role. */
  role: Role;
} | {
  change: "european_account";
} | {
  change: "european_tenant";
  /** The tenant's country. */
  country: CountryCode;
} | {
  change: "european_tenant_active";
} | {
  change: "provider_country";
  /** The provider's country. */
  country: CountryCode;
} | {
  change: "partner_country";
  /** The country. */
  country: CountryCode;
  /** Its CSP region on the as-of day, if it is a market. */
  region?: (Region | null);
} | {
  change: "as_of";
  /** The day. */
  day: Day;
});

/** `document#section`: a document of the catalog's `sources` and one of its section anchors. */
export type Citation = string;

/** A cloud the partner may sell in: the commercial CSP program or one of the national clouds. */
export type Cloud = ("commercial" | "germany" | "us_government" | "vianet_21");

/** The decision for one cloud. */
export type CloudDecision = {
  /** What would turn the answer into yes. */
  actions: Array<Action>;
  /** Warnings raised by the query's facts. */
  cautions: Array<Note>;
  /** The cloud. */
  cloud: Cloud;
  /** The one or two rules that decided the verdict (failed rules for a denial, pending steps for needs-action, the rules missing a fact or left unsettled for unknown); empty when allowed. */
  deciding: Array<string>;
  /** Facts the query left out that a rule needs. */
  missing_facts: Array<Fact>;
  /** Standing facts about this cloud. */
  notes: Array<Note>;
  /** The Partner Center instance to transact in. */
  portal: Portal;
  /** Every rule that applied, in table order. */
  reasons: Array<Reason>;
  /** The date of this cloud's newest source; an answer dated later carries the caution `NOTE-SOURCES-END`. */
  sources_up_to: Day;
  /** Where to do the asked task; empty when no task was asked or the task does not apply here. */
  task_portals: Array<Portal>;
  /** Allowed, denied, needs action or unknown. */
  verdict: Verdict;
};

/** The nearest ways to a yes for one cloud. */
export type CloudNearest = {
  /** The cloud. */
  cloud: Cloud;
  /** Up to three proposals, least effort first; another (later) day comes last, at most once. Empty when the cloud is already allowed, or when no set of changes the asker controls makes it allowed. */
  proposals: Array<Proposal>;
  /** Its verdict for the query as asked. */
  verdict: Verdict;
};

/** One cloud's verdict over time. */
export type CloudTimeline = {
  /** The cloud. */
  cloud: Cloud;
  /** Contiguous spans covering every day, oldest first; neighbours have different verdicts. */
  intervals: Array<Interval>;
};

/** One cloud's verdict, portal and deciding rules. */
export type CloudVerdict = {
  /** The cloud. */
  cloud: Cloud;
  /** The one or two rules that decided the verdict; empty when allowed. */
  deciding: Array<string>;
  /** The Partner Center instance to transact in. */
  portal: Portal;
  /** Allowed, denied, needs action or unknown. */
  verdict: Verdict;
};

export type Clouds = Array<Cloud>;

export type CountryCode = "AD" | "AE" | "AF" | "AG" | "AI" | "AL" | "AM" | "AO" | "AQ" | "AR" | "AS" | "AT" | "AU" | "AW" | "AX" | "AZ" | "BA" | "BB" | "BD" | "BE" | "BF" | "BG" | "BH" | "BI" | "BJ" | "BL" | "BM" | "BN" | "BO" | "BQ" | "BR" | "BS" | "BT" | "BV" | "BW" | "BY" | "BZ" | "CA" | "CC" | "CD" | "CF" | "CG" | "CH" | "CI" | "CK" | "CL" | "CM" | "CN" | "CO" | "CR" | "CU" | "CV" | "CW" | "CX" | "CY" | "CZ" | "DE" | "DJ" | "DK" | "DM" | "DO" | "DZ" | "EC" | "EE" | "EG" | "EH" | "ER" | "ES" | "ET" | "FI" | "FJ" | "FK" | "FM" | "FO" | "FR" | "GA" | "GB" | "GD" | "GE" | "GF" | "GG" | "GH" | "GI" | "GL" | "GM" | "GN" | "GP" | "GQ" | "GR" | "GS" | "GT" | "GU" | "GW" | "GY" | "HK" | "HM" | "HN" | "HR" | "HT" | "HU" | "ID" | "IE" | "IL" | "IM" | "IN" | "IO" | "IQ" | "IR" | "IS" | "IT" | "JE" | "JM" | "JO" | "JP" | "KE" | "KG" | "KH" | "KI" | "KM" | "KN" | "KP" | "KR" | "KW" | "KY" | "KZ" | "LA" | "LB" | "LC" | "LI" | "LK" | "LR" | "LS" | "LT" | "LU" | "LV" | "LY" | "MA" | "MC" | "MD" | "ME" | "MF" | "MG" | "MH" | "MK" | "ML" | "MM" | "MN" | "MO" | "MP" | "MQ" | "MR" | "MS" | "MT" | "MU" | "MV" | "MW" | "MX" | "MY" | "MZ" | "NA" | "NC" | "NE" | "NF" | "NG" | "NI" | "NL" | "NO" | "NP" | "NR" | "NU" | "NZ" | "OM" | "PA" | "PE" | "PF" | "PG" | "PH" | "PK" | "PL" | "PM" | "PN" | "PR" | "PS" | "PT" | "PW" | "PY" | "QA" | "RE" | "RO" | "RS" | "RU" | "RW" | "SA" | "SB" | "SC" | "SD" | "SE" | "SG" | "SH" | "SI" | "SJ" | "SK" | "SL" | "SM" | "SN" | "SO" | "SR" | "SS" | "ST" | "SV" | "SX" | "SY" | "SZ" | "TC" | "TD" | "TF" | "TG" | "TH" | "TJ" | "TK" | "TL" | "TM" | "TN" | "TO" | "TR" | "TT" | "TV" | "TW" | "TZ" | "UA" | "UG" | "UM" | "US" | "UY" | "UZ" | "VA" | "VC" | "VE" | "VG" | "VI" | "VN" | "VU" | "WF" | "WS" | "XE" | "XJ" | "XK" | "XS" | "YE" | "YT" | "ZA" | "ZM" | "ZW";

/** Facts about the customer. */
export type Customer = {
  /** Country set on the customer's tenant (not where the customer physically is). */
  country: CountryCode;
  /** Whether the customer is new to, or already in, a national cloud. */
  national_cloud_customer?: (CustomerStatus | null);
  /** What the customer is to the partner. */
  relation: Relation;
  /** Commercial, or a kind of US government entity. */
  segment: Segment;
};

/** Whether the customer already uses the national cloud. */
export type CustomerStatus = ("new" | "existing");

export type Day = string;

/** The span of days a rule, note or market row holds: from `from` (inclusive) to `until` (exclusive). */
export type Effective = {
  /** First day it holds; `None` means since before the documents. */
  from?: (Day | null);
  /** First day it no longer holds; `None` means it still holds. */
  until?: (Day | null);
};

/** Whether a catalog entry can change a verdict. */
export type EntryKind = ("rule" | "caution" | "note");

/** A fact a rule needs, named by its JSON path. */
export type Fact = ("partner.has_partner_id" | "partner.mpa_signed" | "partner.provider_country" | "partner.programs" | "partner.us_gov_validated" | "partner.role" | "customer.national_cloud_customer" | "partner.european_account" | "partner.european_tenant_country" | "partner.european_tenant_active");

/** A span of days with one verdict. */
export type Interval = {
  /** The rules whose outcome changed on `from` (empty for the first span). */
  changed_by: Array<string>;
  /** First day; absent for the span before the earliest change in the tables. */
  from?: (Day | null);
  /** First day after the span; absent when the span is open-ended. */
  until?: (Day | null);
  /** The verdict throughout the span. */
  verdict: Verdict;
};

/** A caution or standing note: true and worth knowing, but not a condition. */
export type Note = {
  /** Where it comes from. */
  citation: Citation;
  /** Note identifier. */
  id: string;
  message: string;
  message_key: string;
};

/** How one rule came out. */
export type Outcome = ("pass" | "fail" | "needs_action" | "unknown");

/** Facts about the partner. Optional facts left out make the rules that need them answer `unknown`. */
export type Partner = {
  /** Country of the partner's CSP tenant and PartnerID location. */
  country: CountryCode;
  /** For migrating a Microsoft Cloud Germany customer: whether the partner has a CSP account in a European region. */
  european_account?: boolean | null;
  /** For migrating a Microsoft Cloud Germany customer: whether the selected tenant is active. */
  european_tenant_active?: boolean | null;
  /** For migrating a Microsoft Cloud Germany customer: the country of the CSP tenant the partner selects. */
  european_tenant_country?: (CountryCode | null);
  /** Whether the partner has a PartnerID (MPN ID). */
  has_partner_id?: boolean | null;
  /** How the partner transacts. */
  model: PartnerModel;
  /** Whether the partner has signed the Microsoft Partner Agreement. */
  mpa_signed?: boolean | null;
  /** The CSP programs the partner has onboarded to. */
  programs?: Array<Program> | null;
  /** For an indirect reseller: the country of its indirect provider's CSP tenant. */
  provider_country?: (CountryCode | null);
  /** The Partner Center role of the person asking. */
  role?: (Role | null);
  /** Whether Microsoft has validated the partner for Microsoft Cloud for US Government. */
  us_gov_validated?: boolean | null;
};

/** How the partner transacts in CSP. */
export type PartnerModel = ("direct_bill" | "indirect_provider" | "indirect_reseller");

/** A portal a partner works in. */
export type Portal = {
  /** Enrollment address, where the documents give one. */
  enroll_url?: string | null;
  /** Identifier; its name is the message `portal.<id>`. */
  id: string;
  /** English name. */
  name: string;
  /** Public address, where the documents give one. */
  url?: string | null;
};

/** One thing wrong with a query. */
export type Problem = {
  /** Message key of the kind of problem (`error.unknown_country`). */
  code: string;
  /** The offending value (for a wrong type, the JSON type found: `string`, `number`, …). */
  detail: string;
  /** English message. */
  message: string;
  /** JSON path of the offending field (`partner.country`), or empty for the whole document. */
  path: string;
};

/** A CSP program a partner onboards to separately. */
export type Program = ("commercial" | "us_government" | "germany" | "vianet_21");

/** A set of changes that makes a cloud `allowed`. */
export type Proposal = {
  /** The changes, one or more (each to a different field). */
  changes: Array<Change>;
  /** Their summed effort (lower first). */
  effort: number;
};

/** One rule applied to the query. */
export type Reason = {
  /** Where the rule comes from. */
  citation: Citation;
  message: string;
  message_key: string;
  /** How it came out. */
  outcome: Outcome;
  /** Rule identifier. */
  rule: string;
};

/** A CSP region: the territory a partner's CSP tenant may sell in. */
export type Region = ("africa" | "asia_pacific" | "australia" | "brazil" | "canada" | "china" | "europe" | "india" | "japan" | "korea" | "latin_america_caribbean" | "middle_east_central_eastern_europe" | "new_zealand" | "russia" | "taiwan" | "united_states");

/** What the customer is to the selling partner, seen from the seller's side. */
export type Relation = ("unrelated" | "self" | "own_customer_tenant" | "affiliate" | "other_csp_partner" | "other_partner_customer_tenant" | "own_provider" | "own_indirect_reseller");

/** A Partner Center role of the person asking. */
export type Role = ("global_admin" | "user_management_admin" | "admin_agent" | "sales_agent" | "billing_admin" | "helpdesk_agent");

/** The kind of organisation the customer is. */
export type Segment = ("commercial" | "us_federal" | "us_state" | "us_local" | "us_tribal");

/** A document a rule can cite, with the section anchors it has. */
export type Source = {
  /** Stable identifier: the seed file name, or the Partner Center page name. */
  id: string;
  /** Section anchors (`<a name=…>`) the document has; empty for pages cited as a whole. */
  sections: Array<string>;
  /** English title. */
  title: string;
  /** Public page (en-us). */
  url: string;
  /** Date of the version the facts were taken from (for a later page whose own date the copy read does not give, the date of that copy, 2023-10-23). */
  version_date: Day;
};

/** One section of a source document and what cites it. */
export type SourceSection = {
  /** The rules and notes citing it, in table order; empty when nothing rests on it. */
  cited_by: Array<string>;
  /** The document's identifier. */
  document: string;
  /** The section's heading in the catalog's language; absent for a page cited as a whole. */
  heading?: string | null;
  /** The section anchor; empty for a page cited as a whole. */
  section: string;
};

/** A Partner Center task the person asking wants to do. */
export type Task = ("sell" | "create_customer" | "manage_partner_users" | "manage_customer_users" | "reset_password" | "manage_licenses" | "migrate_germany_customer");

/** Whether the partner can sell in one cloud. */
export type Verdict = ("allowed" | "denied" | "needs_action" | "unknown");

/** How much of each answer to give: the whole decision (default), or each cloud's verdict, portal and deciding rules. */
export type DecideOptions = { detail?: 'full' | 'verdicts' };
/** Decides a query (object or JSON string): a Decision (or its Verdicts), or a QueryError listing every problem. Reasons, actions, notes and portals are shared, frozen objects. */
export declare function decide(query: Query | string, options?: { detail?: 'full' }): Decision | QueryError;
export declare function decide(query: Query | string, options: { detail: 'verdicts' }): Verdicts | QueryError;
export declare function decide(query: Query | string, options?: DecideOptions): Decision | Verdicts | QueryError;
/** Decides an array of queries in one call: one answer per query, in order (a bad query gets its QueryError). */
export declare function decideMany(queries: ReadonlyArray<Query | string>, options?: { detail?: 'full' }): Array<Decision | QueryError>;
export declare function decideMany(queries: ReadonlyArray<Query | string>, options: { detail: 'verdicts' }): Array<Verdicts | QueryError>;
export declare function decideMany(queries: ReadonlyArray<Query | string>, options?: DecideOptions): Array<Decision | Verdicts | QueryError>;
/** The nearest ways to a yes: up to three proposals per cloud that is not allowed. */
export declare function nearest(query: Query | string): Nearest | QueryError;
/** Every cloud's verdict over time, interval by interval. */
export declare function timeline(query: Query | string): Timeline | QueryError;
/** Checks a query: null when valid, else a QueryError listing every problem. */
export declare function validate(query: Query | string): QueryError | null;
/** The rule catalog, with messages in `lang` ('en', 'fr' or 'de'; English by default). */
export declare function catalog(lang?: 'en' | 'fr' | 'de'): Catalog;
/** Contract, ruleset and package versions. */
export declare function version(): { api_version: number; ruleset_version: string; package_version: string };
/** Where `init` loads the WebAssembly module from (browsers; the package's own file by default). */
export type InitOptions = { wasm?: string | URL | Response | ArrayBuffer | ArrayBufferView };
/** Loads the WebAssembly module once (browsers: before any other call; Node: already loaded on import). */
export declare function init(options?: InitOptions): Promise<void>;
/** Loads the module if needed, then registers the <csp-eligibility> custom element (browsers only; once per page). */
export declare function defineElement(options?: InitOptions): Promise<void>;
