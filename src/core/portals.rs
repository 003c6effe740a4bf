//! Where to act: the Partner Center instance of each cloud, and the portal for each task.

use super::sources::{cite, Citation, GERMANY_2018, GERMANY_2020, NATIONAL_CLOUDS, NATIONAL_CLOUD_DEVELOPERS, US_GOVERNMENT_2021, US_GOVERNMENT_FAQ};
use super::vocabulary::{Cloud, Task};
use serde::Serialize;

/// A portal a partner works in.
#[derive(Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Portal {
    /// Identifier; its name is the message `portal.<id>`.
    pub id: &'static str,
    /// English name.
    pub name: &'static str,
    /// Public address, where the documents give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
    /// Enrollment address, where the documents give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enroll_url: Option<&'static str>,
}

/// Partner Center (global).
pub static PARTNER_CENTER: Portal = Portal {
    id: "partner_center",
    name: "Partner Center",
    url: Some("https://partner.microsoft.com/dashboard/home"),
    enroll_url: Some("https://aka.ms/accounts/varEnrollment"),
};
/// Partner Center for Microsoft Cloud Germany.
pub static PARTNER_CENTER_GERMANY: Portal = Portal {
    id: "partner_center_germany",
    name: "Partner Center for Microsoft Cloud Germany",
    url: None,
    enroll_url: Some("https://partnercenter.microsoft.com/register/resellereujoinnow"),
};
/// Partner Center for Microsoft Cloud for US Government.
pub static PARTNER_CENTER_US_GOVERNMENT: Portal = Portal {
    id: "partner_center_us_government",
    name: "Partner Center for Microsoft Cloud for US Government",
    url: None,
    enroll_url: Some("https://azure.microsoft.com/global-infrastructure/government/request/?ReqType=CSP"),
};
/// Partner Center operated by 21Vianet.
pub static PARTNER_CENTER_21VIANET: Portal = Portal {
    id: "partner_center_21vianet",
    name: "Partner Center operated by 21Vianet",
    url: Some("https://www.21vbluecloud.com/partner-china/welcome/"),
    enroll_url: Some("https://www.21vbluecloud.com/partner-china/welcome/"),
};
/// Office 365 admin center (Microsoft Cloud Germany).
pub static OFFICE_365_ADMIN_GERMANY: Portal =
    Portal { id: "office_365_admin_germany", name: "Office 365 admin center (Microsoft Cloud Germany)", url: None, enroll_url: None };
/// Azure for Microsoft Cloud Germany admin portal.
pub static AZURE_GERMANY: Portal =
    Portal { id: "azure_germany", name: "Azure for Microsoft Cloud Germany admin portal", url: Some("https://portal.microsoftazure.de"), enroll_url: None };
/// Microsoft Cloud Germany Azure Active Directory licensing portal.
pub static AZURE_AD_LICENSING_GERMANY: Portal =
    Portal { id: "azure_ad_licensing_germany", name: "Microsoft Cloud Germany Azure Active Directory licensing portal", url: None, enroll_url: None };
/// Azure portal for US Government.
pub static AZURE_US_GOVERNMENT: Portal =
    Portal { id: "azure_us_government", name: "Azure portal for US Government", url: Some("https://portal.azure.us/"), enroll_url: None };
/// Microsoft 365 admin center operated by 21Vianet (customers manage their own licences there).
pub static MICROSOFT_365_ADMIN_21VIANET: Portal =
    Portal { id: "microsoft_365_admin_21vianet", name: "Microsoft 365 admin center (operated by 21Vianet)", url: None, enroll_url: None };

/// Every portal.
pub static PORTALS: &[&Portal] = &[
    &PARTNER_CENTER,
    &PARTNER_CENTER_GERMANY,
    &PARTNER_CENTER_US_GOVERNMENT,
    &PARTNER_CENTER_21VIANET,
    &OFFICE_365_ADMIN_GERMANY,
    &AZURE_GERMANY,
    &AZURE_AD_LICENSING_GERMANY,
    &AZURE_US_GOVERNMENT,
    &MICROSOFT_365_ADMIN_21VIANET,
];

/// The Partner Center instance to transact in for a cloud.
pub fn transact_portal(cloud: Cloud) -> &'static Portal {
    match cloud {
        Cloud::Commercial => &PARTNER_CENTER,
        Cloud::Germany => &PARTNER_CENTER_GERMANY,
        Cloud::UsGovernment => &PARTNER_CENTER_US_GOVERNMENT,
        Cloud::Vianet21 => &PARTNER_CENTER_21VIANET,
    }
}

/// Where a task is done in a cloud, and the document that says so.
pub struct TaskPortals {
    /// The cloud.
    pub cloud: Cloud,
    /// The task.
    pub task: Task,
    /// The portals, any of which will do; empty when the task does not apply to the cloud.
    pub portals: &'static [&'static Portal],
    /// Where this comes from.
    pub citation: Citation,
}

const GERMANY_TASKS: Citation = cite(&GERMANY_2018, "partner-center-for-microsoft-cloud-germany-selling-german-cloud-solutions-in-eu-and-efta");

/// The task-portal table. Tasks missing for a cloud are done in its Partner Center instance.
pub static TASK_PORTALS: &[TaskPortals] = &[
    TaskPortals {
        cloud: Cloud::Commercial,
        task: Task::MigrateGermanyCustomer,
        portals: &[],
        citation: cite(&GERMANY_2020, "migrate-customers-from-microsoft-cloud-germany-to-another-european-region"),
    },
    TaskPortals { cloud: Cloud::Germany, task: Task::ManagePartnerUsers, portals: &[&OFFICE_365_ADMIN_GERMANY, &AZURE_GERMANY], citation: GERMANY_TASKS },
    TaskPortals { cloud: Cloud::Germany, task: Task::ManageCustomerUsers, portals: &[&OFFICE_365_ADMIN_GERMANY, &AZURE_GERMANY], citation: GERMANY_TASKS },
    TaskPortals { cloud: Cloud::Germany, task: Task::ResetPassword, portals: &[&AZURE_GERMANY], citation: GERMANY_TASKS },
    TaskPortals {
        cloud: Cloud::Germany,
        task: Task::ManageLicenses,
        portals: &[&OFFICE_365_ADMIN_GERMANY, &AZURE_AD_LICENSING_GERMANY],
        citation: GERMANY_TASKS,
    },
    TaskPortals {
        cloud: Cloud::UsGovernment,
        task: Task::ManagePartnerUsers,
        portals: &[&AZURE_US_GOVERNMENT],
        citation: cite(&US_GOVERNMENT_FAQ, "microsoft-cloud-for-us-government-for-azure"),
    },
    TaskPortals { cloud: Cloud::UsGovernment, task: Task::ManageCustomerUsers, portals: &[&AZURE_US_GOVERNMENT], citation: cite(&US_GOVERNMENT_2021, "") },
    TaskPortals { cloud: Cloud::UsGovernment, task: Task::ResetPassword, portals: &[&AZURE_US_GOVERNMENT], citation: cite(&US_GOVERNMENT_2021, "") },
    TaskPortals { cloud: Cloud::UsGovernment, task: Task::ManageLicenses, portals: &[&AZURE_US_GOVERNMENT], citation: cite(&US_GOVERNMENT_2021, "") },
    TaskPortals {
        cloud: Cloud::UsGovernment,
        task: Task::MigrateGermanyCustomer,
        portals: &[],
        citation: cite(&GERMANY_2020, "migrate-customers-from-microsoft-cloud-germany-to-another-european-region"),
    },
    TaskPortals {
        cloud: Cloud::Vianet21,
        task: Task::ManageLicenses,
        portals: &[&MICROSOFT_365_ADMIN_21VIANET],
        citation: cite(&NATIONAL_CLOUD_DEVELOPERS, ""),
    },
    TaskPortals { cloud: Cloud::Vianet21, task: Task::MigrateGermanyCustomer, portals: &[], citation: cite(&NATIONAL_CLOUDS, "") },
];

/// Where `task` is done in `cloud`.
pub fn task_portals(cloud: Cloud, task: Task) -> &'static [&'static Portal] {
    const PARTNER_CENTERS: [&[&Portal]; 4] = [&[&PARTNER_CENTER], &[&PARTNER_CENTER_GERMANY], &[&PARTNER_CENTER_US_GOVERNMENT], &[&PARTNER_CENTER_21VIANET]];
    TASK_PORTALS.iter().find(|row| row.cloud == cloud && row.task == task).map_or(PARTNER_CENTERS[cloud as usize], |row| row.portals)
}
