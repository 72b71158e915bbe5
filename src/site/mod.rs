//! `plan site`: the steering group's pages, built from the same report rows the CLI
//! renders (`report::*`), in the repository's language, as a list of files. Writing
//! them is the command's business (through `fsio`).

mod graph;
mod object;
mod pages;

use crate::diag::Finding;
use crate::i18n::Lang;
use crate::report::load::Year;
use crate::settings::Settings;
use crate::tr;
use askama::Template;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::BTreeMap;

pub use graph::esc;

/// The one stylesheet, written beside the pages.
const STYLE: &str = include_str!("../../templates/site/style.css");

/// Above this many objects the dependencies page shows the table only; each object
/// page still draws its own neighbourhood.
pub const GRAPH_LIMIT: usize = 150;

/// What every page needs: the language, where the site's root is, the title.
pub struct Chrome<'a> {
    pub l: Lang,
    /// "" on top-level pages, "../" on object pages.
    pub root: &'static str,
    pub title: String,
    pub organisation: &'a str,
    pub year: i32,
    /// The page's file name among the top-level pages ("" for an object page).
    pub current: &'static str,
}

/// The top-level pages, in the navigation's order: file and message id.
const PAGES: &[(&str, &str)] = &[
    ("index.html", "site-nav-index"),
    ("dependencies.html", "site-nav-dependencies"),
    ("upgrades.html", "site-nav-upgrades"),
    ("deviations.html", "site-nav-deviations"),
    ("people.html", "site-nav-people"),
];

impl Chrome<'_> {
    /// The navigation: (href, label, whether it is this page).
    pub fn nav(&self) -> Vec<(String, String, bool)> {
        PAGES
            .iter()
            .map(|(file, id)| {
                (
                    format!("{}{file}", self.root),
                    self.l.text(id),
                    *file == self.current,
                )
            })
            .collect()
    }

    pub fn footer(&self) -> String {
        tr!(
            self.l,
            "site-footer",
            organisation = self.organisation,
            year = self.year
        )
    }
}

/// A text with the class that styles it (status shown by words, colour only added).
pub struct Badge {
    pub text: String,
    pub class: &'static str,
}

/// Everything the site is built from.
pub struct Input<'a> {
    pub year: &'a Year,
    pub settings: &'a Settings,
    /// The findings of `plan check --year Y` on the repository.
    pub findings: &'a [Finding],
    pub lang: Lang,
    pub today: NaiveDate,
}

/// The site's files: path relative to the output folder, and contents. Sorted by path.
pub fn build(input: &Input<'_>) -> Vec<(String, Vec<u8>)> {
    let l = input.lang;
    let organisation = input.settings.config.organisation.as_str();
    let chrome = |current: &'static str, title: String| Chrome {
        l,
        root: "",
        title,
        organisation,
        year: input.year.year,
        current,
    };
    let mut findings: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in input.findings {
        if let Some(object) = &f.object {
            findings.entry(object.as_str()).or_default().push(f);
        }
    }
    let data = pages::Data::new(input, &findings);
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("style.css".into(), STYLE.as_bytes().to_vec()),
        (
            "index.html".into(),
            render(&pages::index(
                &data,
                chrome(
                    "index.html",
                    tr!(l, "site-index-title", year = input.year.year),
                ),
            )),
        ),
        (
            "dependencies.html".into(),
            render(&pages::dependencies(
                &data,
                chrome("dependencies.html", l.text("site-nav-dependencies")),
            )),
        ),
        (
            "upgrades.html".into(),
            render(&pages::upgrades(
                &data,
                chrome(
                    "upgrades.html",
                    tr!(l, "site-upgrades-title", year = input.year.year),
                ),
            )),
        ),
        (
            "upgrades.ics".into(),
            crate::report::upgrades::ics(
                &data.upgrades,
                &input.settings.config,
                organisation,
                input.year.year,
                input.today,
            )
            .into_bytes(),
        ),
        (
            "deviations.html".into(),
            render(&pages::deviations(
                &data,
                chrome("deviations.html", l.text("site-nav-deviations")),
            )),
        ),
        (
            "people.html".into(),
            render(&pages::people(
                &data,
                chrome("people.html", l.text("site-nav-people")),
            )),
        ),
    ];
    let objects: Vec<(String, Vec<u8>)> = input
        .year
        .plans
        .par_iter()
        .map(|p| {
            let page = object::page(&data, p, organisation);
            (format!("objects/{}.html", p.object), render(&page))
        })
        .collect();
    files.extend(objects);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn render<T: Template>(page: &T) -> Vec<u8> {
    // The templates only format strings: rendering cannot fail but for a defect.
    page.render()
        .unwrap_or_else(|e| format!("<!-- {e} -->"))
        .into_bytes()
}
