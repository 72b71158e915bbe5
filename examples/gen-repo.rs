//! A deterministic generator of realistic plan repositories, for benchmarks.
//!
//! ```sh
//! cargo run --release --example gen-repo -- --objects 10000 --out /tmp/plans-10k \
//!     [--years 2025,2026,2027] [--seed 1] [--git]
//! ```
//!
//! Writes `plan.toml` (role model `pm3-lu`, first Saturday of the month as service
//! window) and `objects/<object>/<year>.toml` for every object and year: roles,
//! reference group, budget, one to three systems whose `depends_on` and integrations
//! name other generated objects, all twenty appendix-3 answers (mostly `yes`, some
//! deviations and `na`s), upgrades (major and minor ones on service-window days),
//! and activities. Files average about 3.5 KB, like `examples/universitet`.
//!
//! Appendix-3 digests are computed with the library (`plan::model::digest::of_answers`), so
//! most files check clean. About one file in fifty carries a deliberate finding (a
//! missing role, a stale digest, an unknown dependency, a two-object cycle, an
//! upgrade outside the service window, …) so that reporting is exercised too.
//!
//! With `--git` the folder becomes a git repository with one commit per year (the
//! git CLI must be on PATH), packed with `git gc` as a clone would be.
//!
//! The same arguments always give the same bytes: the only source of randomness is a
//! splitmix64 generator seeded by `--seed`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// splitmix64: tiny, fast, and good enough to vary test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }

    /// A generator for one purpose, independent of how much the others drew.
    fn fork(seed: u64, a: u64, b: u64) -> Rng {
        let mut r = Rng(seed ^ a.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ b.rotate_left(32));
        r.next();
        Rng(r.next())
    }
}

const STEMS: &[&str] = &[
    "ladok",
    "canvas",
    "lucat",
    "raindance",
    "timeedit",
    "primula",
    "varbi",
    "kaltura",
    "eduroam",
    "backup",
    "diarium",
    "arende",
    "ekonomi",
    "lon",
    "skolplattform",
    "e-tjanst",
    "bibliotek",
    "forskning",
    "lokalbokning",
    "passage",
    "telefoni",
    "epost",
    "intranat",
    "webb",
    "gis",
    "bygglov",
    "socialtjanst",
    "elevregister",
    "upphandling",
    "fakturor",
    "hr",
    "inkop",
    "arkiv",
    "identitet",
    "natverk",
    "utskrift",
];

const SUB_SYSTEMS: &[&str] = &[
    "api",
    "db",
    "web",
    "rapport",
    "ldap",
    "radius",
    "sok",
    "integration",
    "portal",
    "app",
];

const SUPPLIERS: &[&str] = &[
    "Ladokkonsortiet",
    "Instructure",
    "Unit4",
    "TimeEdit AB",
    "Visma",
    "Tieto Evry",
    "CGI Sverige",
    "Atea",
    "Sokigo",
    "IT-avdelningen",
    "Formpipe",
    "Microsoft",
];

const FIRST: &[&str] = &[
    "Anna", "Karin", "Maria", "Eva", "Kristina", "Lena", "Sara", "Emma", "Linnea", "Maja", "Elin",
    "Amira", "Birgitta", "Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Mikael", "Magnus",
    "Gustav", "Rasmus", "Oskar", "Ali", "Jonas", "Henrik", "Fredrik",
];

const LAST: &[&str] = &[
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Lindqvist",
    "Berg",
    "Holm",
    "Sandberg",
    "Sjöberg",
    "Håkansson",
    "Strömberg",
    "Åberg",
    "Nasser",
    "Lönn",
    "Vik",
    "Blom",
    "Ek",
    "Lind",
];

const UNITS: &[&str] = &[
    "Studentavdelningen",
    "IT-avdelningen, Drift",
    "IT-avdelningen, Systemutveckling",
    "Ekonomiavdelningen",
    "HR-avdelningen",
    "Naturvetenskapliga fakulteten",
    "Juridiska fakulteten",
    "Medicinska fakulteten, utbildningskansli",
    "Byggnadsavdelningen",
    "Biblioteksdirektionen",
    "Kommunikationsavdelningen",
    "Studentkåren",
];

const DATA: &[&str] = &[
    "namn, e-post, användar-id",
    "organisationsträd och kostnadsställen",
    "kursutbud och kurstillfällen",
    "registreringar och resultat",
    "anställningar och befattningar",
    "fakturor och leverantörsreskontra",
    "lokaler och bokningar",
    "behörighetsgrupper",
];

const ACTIVITIES: &[(&str, &str)] = &[
    ("maintain", "Test av leverantörens releaser i testmiljön"),
    ("maintain", "Årlig behörighetsgenomgång"),
    ("maintain", "Återläsningstest av säkerhetskopior"),
    (
        "maintain",
        "Uppdatering av systemdokumentation och driftinstruktioner",
    ),
    ("maintain", "Utbildning av nya användare"),
    ("maintain", "Översyn av loggning och logguppföljning"),
    ("develop", "MFA för administratörskonton"),
    ("develop", "Ny integration mot identitetskatalogen"),
    ("develop", "Införande av e-underskrift"),
    ("develop", "Självservice för användare i webbgränssnittet"),
    ("develop", "Förbättrade rapporter till ledningen"),
    ("develop", "Flytt till ny driftplattform"),
];

/// Deliberate findings: one in fifty files gets one of these.
#[derive(Clone, Copy, PartialEq)]
enum Flaw {
    None,
    MissingRole,
    StaleDigest,
    NotAttested,
    UnknownDep,
    Cycle,
    OffWindow,
    Overbudget,
    BadEmail,
}

struct Args {
    objects: usize,
    out: PathBuf,
    years: Vec<i32>,
    seed: u64,
    git: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        objects: 100,
        out: PathBuf::new(),
        years: vec![2025, 2026, 2027],
        seed: 1,
        git: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--objects" => {
                args.objects = value("--objects")?
                    .parse()
                    .map_err(|e| format!("--objects: {e}"))?
            }
            "--out" => args.out = PathBuf::from(value("--out")?),
            "--years" => {
                args.years = value("--years")?
                    .split(',')
                    .map(|y| y.trim().parse().map_err(|e| format!("--years {y}: {e}")))
                    .collect::<Result<_, _>>()?;
                args.years.sort();
                args.years.dedup();
            }
            "--seed" => {
                args.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?
            }
            "--git" => args.git = true,
            "-h" | "--help" => {
                println!("usage: gen-repo --objects N --out DIR [--years 2025,2026,2027] [--seed S] [--git]");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if args.out.as_os_str().is_empty() {
        return Err("--out DIR is required".into());
    }
    if args.objects == 0 || args.years.is_empty() {
        return Err("--objects must be at least 1 and --years must name a year".into());
    }
    Ok(args)
}

/// The plan repository's objects: ids and system ids, the same every year.
struct Object {
    id: String,
    systems: Vec<String>,
}

fn objects(n: usize, seed: u64) -> Vec<Object> {
    (0..n)
        .map(|i| {
            let mut rng = Rng::fork(seed, 1, i as u64);
            let stem = *rng.pick(STEMS);
            let id = format!("{stem}-{i:05}");
            let count = match rng.range(0, 19) {
                0..=14 => 1,
                15..=18 => 2,
                _ => 3,
            };
            let mut systems = vec![stem.to_string()];
            while systems.len() < count {
                let sub = format!("{stem}-{}", rng.pick(SUB_SYSTEMS));
                if !systems.contains(&sub) {
                    systems.push(sub);
                }
            }
            Object { id, systems }
        })
        .collect()
}

/// The month (1–12) of an object's yearly upgrades. Dependencies are only drawn
/// between objects with different months, so `upgrade/clash` stays rare.
/// The question ids of the built-in checklist `infosak-kd`, as the tool knows them.
fn questions() -> &'static [String] {
    static IDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let checklist = plan::schema::Checklist::built_in("infosak-kd").expect("built in");
        checklist.questions.into_iter().map(|q| q.id).collect()
    })
}

fn upgrade_month(i: usize) -> u32 {
    (i % 12) as u32 + 1
}

fn first_saturday(year: i32, month: u32) -> chrono::NaiveDate {
    use chrono::Datelike;
    let first = chrono::NaiveDate::from_ymd_opt(year, month, 1).expect("valid date");
    let offset = (5 + 7 - first.weekday().num_days_from_monday()) % 7;
    first + chrono::Days::new(u64::from(offset))
}

fn person(rng: &mut Rng, out: &mut String, with_username: bool) {
    let first = *rng.pick(FIRST);
    let last = *rng.pick(LAST);
    let ascii = |s: &str| s.to_lowercase().replace(['å', 'ä'], "a").replace('ö', "o");
    let _ = writeln!(out, "name = \"{first} {last}\"");
    let _ = writeln!(
        out,
        "email = \"{}.{}@exempel.se\"",
        ascii(first),
        ascii(last)
    );
    let _ = writeln!(out, "unit = \"{}\"", rng.pick(UNITS));
    if with_username {
        let _ = writeln!(
            out,
            "username = \"{}{}\"",
            &ascii(first)[..2],
            &ascii(last)[..2]
        );
    }
}

/// A reference to object `j`: the object, or one of its systems.
fn reference(rng: &mut Rng, objects: &[Object], j: usize) -> String {
    let o = &objects[j];
    if rng.chance(50) {
        o.id.clone()
    } else {
        format!("{}/{}", o.id, rng.pick(&o.systems))
    }
}

/// An object to depend on: an earlier one (so there are no cycles) with another
/// upgrade month (so upgrades do not clash).
fn dependency(rng: &mut Rng, i: usize) -> Option<usize> {
    if i < 2 {
        return None;
    }
    for _ in 0..4 {
        let j = rng.range(0, i as u64 - 1) as usize;
        if upgrade_month(j) != upgrade_month(i) {
            return Some(j);
        }
    }
    None
}

/// The text of one plan file, with `@@DIGEST n@@` where system n's digest goes.
/// Earlier years than `last_year` are history: their activities are done and their
/// deviations' actions fall due in the last year.
fn plan_text(
    objects: &[Object],
    i: usize,
    year: i32,
    last_year: i32,
    seed: u64,
    flaw: Flaw,
) -> String {
    let mut rng = Rng::fork(seed, 2 + year as u64, i as u64);
    let o = &objects[i];
    let model = rng.range(1, 5);
    // Models 1–3 need the IT side; in 4 and 5 the handbook strongly recommends it
    // ("Det rekommenderas starkt att alltid besätta alla fyra rollerna", 10.1), and
    // one plan in ten there goes without (two `roles/recommended` warnings).
    let it_side = model <= 3 || i % 10 != 0;
    let established = rng.chance(85);
    let mut t = String::with_capacity(4096);
    let _ = writeln!(
        t,
        "# Förvaltningsplan {year} – {}\n# Organisationsmodell 10.1.{model}. Genererad testdata.\n",
        o.id
    );
    let _ = writeln!(t, "object = \"{}\"", o.id);
    let _ = writeln!(t, "name = \"{}\"", o.id.replace('-', " ").to_uppercase());
    let _ = writeln!(t, "year = {year}");
    if established {
        let _ = writeln!(t, "status = \"established\"");
        let _ = writeln!(
            t,
            "established_on = {}-12-{:02}",
            year - 1,
            rng.range(1, 15)
        );
        // The decision's keys draw nothing from `rng`: the repository stays the same
        // apart from them.
        let _ = writeln!(t, "established_by = [\"systemagare\"]");
        let _ = writeln!(t, "diarienummer = \"STYR {}/{:04}\"", year - 1, i % 10_000);
    } else {
        let _ = writeln!(t, "status = \"draft\"");
    }
    let _ = writeln!(t, "organisation_model = {model}");
    let _ = writeln!(
        t,
        "description = \"Stöd för {} i verksamheten: registrering, handläggning och uppföljning.\"\n",
        o.id.replace('-', " ")
    );
    let _ = writeln!(
        t,
        "[[goals]]\ntext = \"Färre manuella moment i {}\"\nmeasure = \"Antal ärenden som hanteras helt digitalt, per kvartal\"\n",
        o.id.replace('-', " ")
    );
    let _ = writeln!(t, "# --- Förvaltningsorganisation ---\n");

    let mut held = vec!["systemagare", "systemforvaltare"];
    if flaw != Flaw::MissingRole {
        t.push_str("[roles.systemagare]\n");
        person(&mut rng, &mut t, true);
        t.push('\n');
    }
    t.push_str("[roles.systemforvaltare]\n");
    person(&mut rng, &mut t, true);
    if flaw == Flaw::BadEmail {
        t.push_str("# Avvikelse: felaktig e-postadress\n");
        t = t.replacen("@exempel.se\"\nunit", "(at)exempel.se\"\nunit", 1);
    }
    t.push('\n');
    if it_side {
        held.extend(["it_systemagare", "it_systemforvaltare"]);
        t.push_str("[roles.it_systemagare]\n");
        person(&mut rng, &mut t, true);
        t.push_str("\n[roles.it_systemforvaltare]\n");
        person(&mut rng, &mut t, true);
        t.push('\n');
    }
    for _ in 0..rng.range(0, 1) {
        t.push_str("[[roles.verksamhetsspecialist]]\n");
        person(&mut rng, &mut t, false);
        t.push('\n');
        if !held.contains(&"verksamhetsspecialist") {
            held.push("verksamhetsspecialist");
        }
    }
    for _ in 0..rng.range(1, 2) {
        t.push_str("[[reference_group]]\n");
        let _ = writeln!(
            t,
            "name = \"{} {}\"\nunit = \"{}\"\n",
            rng.pick(FIRST),
            rng.pick(LAST),
            rng.pick(UNITS)
        );
    }

    // Activities are drawn first so the budget can cover them.
    let mut activities = String::new();
    let (mut hours, mut sek) = (0u64, 0u64);
    for a in 0..rng.range(2, 3) {
        let (kind, title) = *rng.pick(ACTIVITIES);
        let start_month = rng.range(1, 9) as u32;
        let end_month = (start_month + rng.range(1, 3) as u32).min(12);
        let h = rng.range(2, 30) * 10;
        let s = if kind == "develop" {
            rng.range(0, 20) * 10_000
        } else {
            0
        };
        hours += h;
        sek += s;
        // Activities that ended early in the year are done, so few are overdue.
        let status = if end_month <= 3 || year < last_year {
            "done"
        } else if start_month <= 3 {
            "ongoing"
        } else {
            "planned"
        };
        let _ = write!(
            activities,
            "[[activities]]\nid = \"A{}\"\ntitle = \"{title}\"\nkind = \"{kind}\"\nowner = \"{}\"\nstart = {year}-{start_month:02}-{:02}\nend = {year}-{end_month:02}-{:02}\nhours = {h}\nsek = {s}\nstatus = \"{status}\"\n\n",
            a + 1,
            rng.pick(&held),
            rng.range(1, 28),
            rng.range(1, 28),
        );
    }
    let budget_hours = if flaw == Flaw::Overbudget {
        hours / 2
    } else {
        hours + rng.range(0, 40) * 10
    };
    let _ = writeln!(
        t,
        "# --- Bilaga 1: budget ---\n\n[budget]\nhours = {budget_hours}\nsek = {}\n",
        sek + rng.range(1, 200) * 5_000
    );

    let _ = writeln!(t, "# --- System ---\n");
    let attester = if it_side {
        "it_systemagare"
    } else {
        "systemagare"
    };
    // Handbook chapter 8: to the systemförvaltare and the IT-systemägare, or the
    // systemägare where no IT-systemägare is held.
    let report_to = if it_side {
        "[\"systemforvaltare\", \"it_systemagare\"]"
    } else {
        "[\"systemforvaltare\", \"systemagare\"]"
    };
    let mut has_test = Vec::new();
    for (k, system) in o.systems.iter().enumerate() {
        let test = rng.chance(70);
        has_test.push(test);
        let _ = writeln!(t, "[[systems]]\nid = \"{system}\"");
        let _ = writeln!(t, "name = \"{}\"", system.replace('-', " "));
        let supplier = rng.pick(SUPPLIERS);
        let _ = writeln!(t, "supplier = \"{supplier}\"");
        let _ = writeln!(
            t,
            "hosting = \"{}\"",
            rng.pick(&["internal", "external", "hybrid"])
        );
        let _ = writeln!(t, "lifecycle = \"active\"");
        let _ = writeln!(t, "version = \"{}.{}\"", rng.range(1, 12), rng.range(0, 40));
        let personal = rng.chance(60);
        let _ = writeln!(t, "personal_data = {personal}");
        let _ = writeln!(
            t,
            "classification = {{ confidentiality = {}, integrity = {}, availability = {} }}",
            rng.range(0, 3),
            rng.range(1, 3),
            rng.range(1, 3)
        );
        let _ = writeln!(t, "test_environment = {test}");
        // Drawn in the order they were before the contract had a notice period, so
        // the repository is the same apart from the new keys.
        let signed = year - rng.range(1, 6) as i32;
        let number = rng.range(1, 999);
        let ends = year + rng.range(1, 4) as i32;
        let month = rng.range(1, 6);
        // Six months' notice, except where that would fall in the plan year: the
        // benchmark's findings stay the deliberate ones.
        let notice = if ends > year + 1 {
            ", notice_months = 6"
        } else {
            ""
        };
        let _ = writeln!(
            t,
            "contract = {{ id = \"AV-{signed}-{number:03}\", ends = {ends}-{month:02}-28{notice}, owner = \"{supplier}\", dpa = true }}"
        );
        let mut deps = Vec::new();
        for _ in 0..rng.range(0, 2) {
            if let Some(j) = dependency(&mut rng, i) {
                let r = reference(&mut rng, objects, j);
                if !deps.contains(&r) {
                    deps.push(r);
                }
            }
        }
        if k == 0 && flaw == Flaw::UnknownDep {
            deps.push("finns-inte".into());
        }
        if k == 0 && flaw == Flaw::Cycle && i + 1 < objects.len() {
            deps.push(objects[i + 1].id.clone());
        }
        if k == 0 && i > 0 && self::flaw(seed, i - 1) == Flaw::Cycle {
            // Avvikelse: closes the two-object cycle object i - 1 opened.
            deps.push(objects[i - 1].id.clone());
        }
        if !deps.is_empty() {
            let list: Vec<String> = deps.iter().map(|d| format!("\"{d}\"")).collect();
            let _ = writeln!(t, "depends_on = [{}]", list.join(", "));
        }
        t.push('\n');
        for _ in 0..rng.range(0, 2) {
            let Some(j) = dependency(&mut rng, i) else {
                continue;
            };
            let personal = rng.chance(50);
            let _ = writeln!(
                t,
                "[[systems.integrations]]\nsource = \"{}\"\ndata = \"{}\"\npersonal_data = {personal}",
                reference(&mut rng, objects, j),
                rng.pick(DATA)
            );
            if personal {
                t.push_str("purpose = \"Inloggning och kontaktuppgifter\"\n");
                t.push_str("legal_basis = \"allmänt intresse\"\n");
            }
            let _ = writeln!(
                t,
                "contract = \"IK-{}-{:03}\"\n",
                year - 1,
                rng.range(1, 999)
            );
        }
        let unattested = flaw == Flaw::NotAttested && k == 0;
        t.push_str("[systems.appendix3]\n");
        if !unattested {
            let _ = writeln!(
                t,
                "attested_by = \"{attester}\"\nattested_on = {}-11-{:02}\ndigest = \"@@DIGEST {k}@@\"",
                year - 1,
                rng.range(1, 28)
            );
        }
        t.push_str("\n[systems.appendix3.answers]\n");
        for q in questions() {
            let roll = rng.range(0, 99);
            if roll < 6 {
                let _ = writeln!(
                    t,
                    "{q} = {{ answer = \"{}\", deviation = \"Brist i {q} upptäckt vid granskning\", action = \"Åtgärdas under året\", owner = \"systemforvaltare\", due = {last_year}-{:02}-{:02}, reported_to = {report_to} }}",
                    if rng.chance(50) { "no" } else { "partial" },
                    rng.range(7, 12),
                    rng.range(1, 28)
                );
            } else if roll < 12 {
                let _ = writeln!(
                    t,
                    "{q} = {{ answer = \"na\", justification = \"Ingår i leverantörens åtagande enligt avtal\" }}"
                );
            } else {
                let _ = writeln!(t, "{q} = \"yes\"");
            }
        }
        t.push('\n');
    }

    // Upgrades: major and minor ones on the first Saturday of the object's month,
    // patches on a weekday of that month.
    let month = upgrade_month(i);
    let window = first_saturday(year, month);
    let _ = writeln!(t, "# --- Versionsuppgraderingar ---\n");
    for (k, system) in o.systems.iter().enumerate() {
        if !rng.chance(70) {
            continue;
        }
        let major = rng.chance(40);
        let kind = if major { "major" } else { "minor" };
        let date = if flaw == Flaw::OffWindow && k == 0 {
            window + chrono::Days::new(3)
        } else {
            window
        };
        let announced = date - chrono::Days::new(rng.range(7, 20));
        let _ = write!(
            t,
            "[[upgrades]]\nsystem = \"{system}\"\nto_version = \"{}.0\"\ndate = {date}\nkind = \"{kind}\"\ncab = {{ status = \"{}\", ref = \"CHG{:07}\" }}\nannounced_on = {announced}\ntested = {}\ndowntime_hours = {}\nstatus = \"planned\"\n\n",
            rng.range(2, 14),
            if rng.chance(70) { "approved" } else { "requested" },
            rng.range(1, 9_999_999),
            has_test[k],
            rng.range(1, 6)
        );
        if rng.chance(30) {
            let day = window + chrono::Days::new(rng.range(2, 6));
            let _ = write!(
                t,
                "[[upgrades]]\nsystem = \"{system}\"\nto_version = \"patch-{}\"\ndate = {day}\nkind = \"patch\"\ncab = {{ status = \"not-required\" }}\nannounced_on = {}\nstatus = \"planned\"\n\n",
                rng.range(1, 99),
                day - chrono::Days::new(rng.range(7, 14))
            );
        }
    }
    t.push_str("# --- Aktivitetslista ---\n\n");
    t.push_str(&activities);
    t
}

fn flaw(seed: u64, i: usize) -> Flaw {
    let mut rng = Rng::fork(seed, 99, i as u64);
    if !rng.chance(2) {
        return Flaw::None;
    }
    *rng.pick(&[
        Flaw::MissingRole,
        Flaw::StaleDigest,
        Flaw::NotAttested,
        Flaw::UnknownDep,
        Flaw::Cycle,
        Flaw::OffWindow,
        Flaw::Overbudget,
        Flaw::BadEmail,
    ])
}

/// Replaces the digest placeholders with the digests of the answers as written.
fn with_digests(text: &str, stale: bool) -> Result<String, String> {
    use plan::diag::Span;
    use plan::model::{Plan, Tbl};
    let root = toml::de::DeTable::parse(text).map_err(|e| format!("generated TOML: {e}"))?;
    let plan = Plan::from_tree(Tbl::new(root.get_ref(), Span::START));
    let mut out = text.to_string();
    for (k, system) in plan.systems.iter().enumerate() {
        let Some(a3) = &system.appendix3 else {
            continue;
        };
        let digest = plan::model::digest::of_answers(&a3.answers);
        out = out.replace(&format!("@@DIGEST {k}@@"), &digest);
    }
    if stale {
        // Avvikelse: an answer changed after the attestation.
        out = out.replacen(
            "security_updates = \"yes\"",
            "security_updates = \"partial\" # Avvikelse: ändrad efter intygandet",
            1,
        );
    }
    Ok(out)
}

const PLAN_TOML: &str = r#"# Genererat planrepo för prestandamätningar (examples/gen-repo.rs).
organisation = "Exempelmyndigheten"
role_model = "pm3-lu"
checklist = "infosak-kd"
announce_days = 7
service_windows = { weekday = "saturday", nth = 1 }
"#;

fn git(dir: &Path, args: &[&str]) -> Result<(), String> {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "gc.auto=0", "-c", "user.name=gen-repo"])
        .args([
            "-c",
            "user.email=gen-repo@example.se",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", "2026-12-01T12:00:00+01:00")
        .env("GIT_COMMITTER_DATE", "2026-12-01T12:00:00+01:00")
        .status()
        .map_err(|e| format!("running git: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("git {} failed", args.join(" ")))
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let out = &args.out;
    if out.join("objects").exists() {
        return Err(format!(
            "{} already holds a plan repository; give an empty or new folder",
            out.display()
        ));
    }
    std::fs::create_dir_all(out.join("objects")).map_err(|e| e.to_string())?;
    std::fs::write(out.join("plan.toml"), PLAN_TOML).map_err(|e| e.to_string())?;
    if args.git {
        git(out, &["init", "-q", "-b", "main"])?;
        git(out, &["add", "plan.toml"])?;
    }
    let objects = objects(args.objects, args.seed);
    let last_year = *args.years.last().expect("at least one year");
    let (mut files, mut bytes) = (0usize, 0usize);
    for &year in &args.years {
        for i in 0..objects.len() {
            let flaw = flaw(args.seed, i);
            let text = plan_text(&objects, i, year, last_year, args.seed, flaw);
            let text = with_digests(&text, flaw == Flaw::StaleDigest)?;
            let dir = out.join("objects").join(&objects[i].id);
            std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
            std::fs::write(dir.join(format!("{year}.toml")), &text).map_err(|e| e.to_string())?;
            files += 1;
            bytes += text.len();
        }
        if args.git {
            git(out, &["add", "-A"])?;
            git(
                out,
                &["commit", "-q", "-m", &format!("Förvaltningsplaner {year}")],
            )?;
        }
    }
    if args.git {
        git(out, &["gc", "-q"])?;
    }
    eprintln!(
        "gen-repo: {} objects × {} years = {files} files, {:.1} MB ({} bytes/file) in {}",
        objects.len(),
        args.years.len(),
        bytes as f64 / 1e6,
        bytes / files.max(1),
        out.display()
    );
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("gen-repo: {e}");
        std::process::exit(2);
    }
}
