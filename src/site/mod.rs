//! `plan site`: the steering group's pages, built from the same report rows the CLI
//! renders (`report::*`), in the repository's language, as a list of files. Writing
//! them is the command's business (through `fsio`).

mod graph;
mod object;
mod pages;

mod words;

use crate::diag::Finding;
use crate::i18n::Lang;
use crate::index::ObjectEntry;
use crate::tr;
use askama::Template;

pub use object::{prepare, Prepared};
pub use words::Words;

/// The one stylesheet, written beside the pages.
const STYLE: &str = include_str!("../../templates/site/style.css");

/// Above this many objects the dependencies page shows the table only; each object
/// page still draws its own neighbourhood.
pub const GRAPH_LIMIT: usize = 150;

/// What every page needs: the language, where the site's root is, the title.
pub struct Chrome<'a> {
    pub w: &'a Words<'a>,
    pub l: Lang,
    /// "" on top-level pages, "../" on object pages.
    pub root: &'static str,
    pub title: String,
    pub organisation: &'a str,
    pub year: i32,
    /// The page's file name among the top-level pages ("" for an object page).
    pub current: &'static str,
}

/// The top-level pages, in the navigation's order: file, message id, and the file
/// as an object page links to it.
const PAGES: &[(&str, &str, &str)] = &[
    ("index.html", "site-nav-index", "../index.html"),
    (
        "dependencies.html",
        "site-nav-dependencies",
        "../dependencies.html",
    ),
    ("upgrades.html", "site-nav-upgrades", "../upgrades.html"),
    (
        "deviations.html",
        "site-nav-deviations",
        "../deviations.html",
    ),
    ("people.html", "site-nav-people", "../people.html"),
];

impl<'a> Chrome<'a> {
    /// A text of the site's catalogue, escaped for HTML (see [`Words::html`]).
    pub fn t(&self, id: &'a str) -> words::Escaped<'a> {
        self.w.html(id)
    }

    /// The navigation: (href, label, whether it is this page).
    pub fn nav(&self) -> Vec<(&'static str, words::Escaped<'a>, bool)> {
        PAGES
            .iter()
            .map(|(file, id, up)| {
                (
                    if self.root.is_empty() { *file } else { *up },
                    self.w.html(id),
                    *file == self.current,
                )
            })
            .collect()
    }

    pub fn footer(&self) -> words::Escaped<'a> {
        self.w.footer()
    }
}

/// A text with the class that styles it (status shown by words, colour only added).
pub struct Badge<'a> {
    pub text: std::borrow::Cow<'a, str>,
    pub class: &'static str,
    /// The catalogue's message the text is ("" for a value shown as written): the
    /// overview counts badges in words that agree with the count.
    pub id: &'static str,
}

/// Everything the site is built from, once the plans are checked.
pub struct Input<'a> {
    pub words: &'a Words<'a>,
    /// The findings of `plan check --year Y` on the repository.
    pub findings: &'a [Finding],
    /// The year's index entries (every dependency, also of plans that did not parse).
    pub entries: &'a [ObjectEntry],
    /// What was kept of each plan that parsed ([`prepare`]), in any order.
    #[allow(clippy::vec_box)]
    pub plans: Vec<Box<Prepared<'a>>>,
}

/// The site of one year, ready to render page by page (a large repository's pages
/// are written as they are made, never all held at once).
pub struct Site<'a> {
    data: pages::Data<'a>,
}

impl<'a> Site<'a> {
    pub fn new(input: Input<'a>) -> Site<'a> {
        Site {
            data: pages::Data::new(input),
        }
    }

    /// The site's files, relative to the output folder, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut files: Vec<String> = [
            "style.css",
            "index.html",
            "dependencies.html",
            "upgrades.html",
            "upgrades.ics",
            "deviations.html",
            "people.html",
        ]
        .iter()
        .map(|f| f.to_string())
        .chain(
            self.data
                .plans
                .iter()
                .map(|p| format!("objects/{}.html", p.object)),
        )
        .collect();
        files.sort();
        files
    }

    /// One file's contents; `rel` is one of [`Site::files`].
    pub fn render(&self, rel: &str) -> Vec<u8> {
        let data = &self.data;
        let (l, year) = (data.l, data.year);
        let chrome = |title: String| data.chrome("", rel_static(rel), title);
        // A page of the whole year grows with the number of objects: room is made
        // at once (grown by doubling, the largest page would be copied again and
        // again, and held twice at its largest).
        let year_page = YEAR_PAGE_BASE_BYTES + YEAR_PAGE_BYTES_PER_OBJECT * data.plans.len();
        match rel {
            "style.css" => STYLE.as_bytes().to_vec(),
            "index.html" => render_sized(
                &pages::index(data, chrome(tr!(l, "site-index-title", year = year))),
                year_page,
            ),
            "dependencies.html" => render_sized(
                &pages::dependencies(data, chrome(l.text("site-nav-dependencies"))),
                year_page,
            ),
            "upgrades.html" => render_sized(
                &pages::upgrades(data, chrome(tr!(l, "site-upgrades-title", year = year))),
                year_page,
            ),
            "upgrades.ics" => crate::report::upgrades::ics(
                &data.upgrades,
                &data.settings.config,
                &data.settings.config.organisation,
                year,
                data.today,
                l,
            )
            .into_bytes(),
            "deviations.html" => render_sized(
                &pages::deviations(data, chrome(l.text("site-nav-deviations"))),
                year_page,
            ),
            "people.html" => render_sized(
                &pages::people(data, chrome(l.text("site-nav-people"))),
                year_page,
            ),
            _ => {
                let object = rel
                    .strip_prefix("objects/")
                    .and_then(|r| r.strip_suffix(".html"))
                    .unwrap_or_default();
                match data.plan_of(object) {
                    Some(plan) => render_sized(&object::page(data, plan), OBJECT_PAGE_BYTES),
                    None => Vec::new(),
                }
            }
        }
    }
}

/// The top-level page's name as the navigation knows it.
fn rel_static(rel: &str) -> &'static str {
    PAGES
        .iter()
        .map(|(file, _, _)| *file)
        .find(|file| *file == rel)
        .unwrap_or("")
}

/// What an object page takes, about: room made for it at once, not grown step by
/// step (ten thousand of them).
const OBJECT_PAGE_BYTES: usize = 48 * 1024;

/// What a page of the whole year takes, about: a base and so much per object (the
/// largest, the people page, is some 1,050 bytes per object in the benchmark's
/// repository). Room that is not written to costs no memory.
const YEAR_PAGE_BASE_BYTES: usize = 64 * 1024;
const YEAR_PAGE_BYTES_PER_OBJECT: usize = 1536;

fn render_sized<T: Template>(page: &T, bytes: usize) -> Vec<u8> {
    let mut out = String::with_capacity(bytes);
    // The templates only format strings: rendering cannot fail but for a defect.
    if let Err(e) = page.render_into(&mut out) {
        out = format!("<!-- {e} -->");
    }
    out.into_bytes()
}
