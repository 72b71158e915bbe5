//! A compact index of one year's objects: what the cross-object rules and the
//! reports need, and nothing more, so a repository of tens of thousands of plans is
//! held as small entries, not as parsed documents.

use crate::diag::Span;
use crate::hash::HashMap;
use crate::model::plan::System;
use crate::model::Plan;
use chrono::NaiveDate;

/// How one system depends on another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    DependsOn,
    Integration,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::DependsOn => "depends_on",
            Via::Integration => "integration",
        }
    }
}

/// One dependency: a reference `"<object>"` or `"<object>/<system>"`.
#[derive(Clone, Debug)]
pub struct Dep {
    pub target: String,
    pub via: Via,
    pub span: Span,
}

impl Dep {
    /// The object and (optional) system the reference names.
    pub fn split(&self) -> (&str, Option<&str>) {
        split_ref(&self.target)
    }
}

/// `"ladok/ladok"` → ("ladok", Some("ladok")); `"lucat"` → ("lucat", None).
pub fn split_ref(target: &str) -> (&str, Option<&str>) {
    match target.split_once('/') {
        Some((object, system)) => (object, Some(system)),
        None => (target, None),
    }
}

#[derive(Clone, Debug)]
pub struct SystemEntry {
    pub id: String,
    pub retired: bool,
    pub deps: Vec<Dep>,
}

#[derive(Clone, Debug)]
pub struct UpgradeEntry {
    pub system: String,
    pub date: NaiveDate,
    pub span: Span,
}

/// What the cross-object rules need of one plan file. [`crate::cache`] stores the
/// systems and upgrades by content; file, object and year come from the path.
#[derive(Clone, Debug)]
pub struct ObjectEntry {
    pub file: String,
    pub object: String,
    pub year: i32,
    pub systems: Vec<SystemEntry>,
    pub upgrades: Vec<UpgradeEntry>,
    /// The plan file exists but cannot be read as a plan (not UTF-8, not TOML): the
    /// object is there, its systems unknown, so references to them are not reported
    /// as unknown (the file's own `parse` finding says what is wrong).
    pub unreadable: bool,
}

/// Every dependency of a system: `depends_on` entries, then integration sources.
pub fn dependencies(system: &System) -> impl Iterator<Item = Dep> + '_ {
    let direct = system.depends_on.iter().map(|d| Dep {
        target: d.val.clone(),
        via: Via::DependsOn,
        span: d.span,
    });
    let fetched = system
        .integrations
        .iter()
        .filter_map(|i| i.source.as_ref())
        .map(|s| Dep {
            target: s.val.clone(),
            via: Via::Integration,
            span: s.span,
        });
    direct.chain(fetched)
}

impl ObjectEntry {
    pub fn from_plan(file: &str, object: &str, year: i32, plan: &Plan) -> ObjectEntry {
        ObjectEntry {
            file: file.to_string(),
            object: object.to_string(),
            year,
            systems: plan
                .systems
                .iter()
                .filter_map(|s| {
                    Some(SystemEntry {
                        id: s.id.as_ref()?.val.clone(),
                        retired: s.is_retired(),
                        deps: dependencies(s).collect(),
                    })
                })
                .collect(),
            upgrades: plan
                .upgrades
                .iter()
                .filter(|u| !u.is_cancelled())
                .filter_map(|u| {
                    Some(UpgradeEntry {
                        system: u.system.as_ref()?.val.clone(),
                        date: u.date.as_ref()?.val,
                        span: u.date.as_ref()?.span,
                    })
                })
                .collect(),
            unreadable: false,
        }
    }

    /// The entry of an object whose plan file cannot be read (see [`Self::unreadable`]).
    pub fn unreadable(file: &str, object: &str, year: i32) -> ObjectEntry {
        ObjectEntry {
            file: file.to_string(),
            object: object.to_string(),
            year,
            systems: Vec::new(),
            upgrades: Vec::new(),
            unreadable: true,
        }
    }

    /// The entry of a plan file that is not reported on: parsed for what the
    /// cross-object rules need, without the schema pass and the single-file rules.
    /// None when the file is not UTF-8 or not TOML, as [`crate::checks::check_file`]
    /// gives no entry then either.
    pub fn parse(file: &str, object: &str, year: i32, bytes: &[u8]) -> Option<ObjectEntry> {
        let plan = crate::model::parse::parse(bytes).ok()?.plan();
        Some(ObjectEntry::from_plan(file, object, year, &plan))
    }

    /// The same entry at another path (for entries read from the cache).
    pub fn placed(mut self, file: &str, object: &str, year: i32) -> ObjectEntry {
        self.file = file.to_string();
        self.object = object.to_string();
        self.year = year;
        self
    }

    pub fn system(&self, id: &str) -> Option<&SystemEntry> {
        self.systems.iter().find(|s| s.id == id)
    }

    /// Whether every system of the object is retired (an object-level reference to
    /// it then points at nothing alive).
    pub fn all_retired(&self) -> bool {
        !self.systems.is_empty() && self.systems.iter().all(|s| s.retired)
    }
}

/// What a reference resolves to in a year.
pub enum Resolved<'a> {
    /// No plan for that object this year.
    NoObject,
    /// The object exists but has no such system.
    NoSystem(&'a ObjectEntry),
    Object(&'a ObjectEntry),
    System(&'a ObjectEntry, &'a SystemEntry),
}

/// The objects of one year, by id.
pub struct YearIndex<'a> {
    pub year: i32,
    by_object: HashMap<&'a str, &'a ObjectEntry>,
    /// The same objects sorted by id, made once: rules ask for it per finding.
    sorted: Vec<&'a ObjectEntry>,
    suggestions: std::sync::Mutex<HashMap<String, Option<&'a str>>>,
}

impl<'a> YearIndex<'a> {
    pub fn new(year: i32, entries: impl IntoIterator<Item = &'a ObjectEntry>) -> YearIndex<'a> {
        let by_object: HashMap<&'a str, &'a ObjectEntry> = entries
            .into_iter()
            .map(|e| (e.object.as_str(), e))
            .collect();
        let mut sorted: Vec<_> = by_object.values().copied().collect();
        sorted.sort_by(|a, b| a.object.cmp(&b.object));
        YearIndex {
            year,
            by_object,
            sorted,
            suggestions: Default::default(),
        }
    }

    pub fn object(&self, id: &str) -> Option<&'a ObjectEntry> {
        self.by_object.get(id).copied()
    }

    /// The objects, sorted by id.
    pub fn objects(&self) -> Vec<&'a ObjectEntry> {
        self.sorted.clone()
    }

    /// The objects, sorted by id, without copying them.
    pub fn sorted(&self) -> &[&'a ObjectEntry] {
        &self.sorted
    }

    /// The object id nearest to a misspelt one ("did you mean"). Remembered per name:
    /// many plans tend to name the same missing object, and each look-up compares
    /// with every object of the year.
    pub fn suggest(&self, object: &str) -> Option<&'a str> {
        let mut memo = self.suggestions.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(found) = memo.get(object) {
            return *found;
        }
        let found =
            crate::diag::did_you_mean(object, self.sorted.iter().map(|o| o.object.as_str()));
        memo.insert(object.to_string(), found);
        found
    }

    pub fn resolve(&self, target: &str) -> Resolved<'a> {
        let (object, system) = split_ref(target);
        match (self.object(object), system) {
            (None, _) => Resolved::NoObject,
            (Some(o), None) => Resolved::Object(o),
            (Some(o), Some(s)) => match o.system(s) {
                Some(sys) => Resolved::System(o, sys),
                None => Resolved::NoSystem(o),
            },
        }
    }
}
