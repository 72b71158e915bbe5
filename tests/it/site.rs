//! `plan site` (SPEC §10): the steering group's pages, in the repository's language,
//! written only where the tool wrote before. The browser test (tests/it/browser.rs)
//! looks at the same pages in a real browser.

use crate::support::{
    assert_contains, assert_lacks, assert_starts_with, in_each_language, plan_at, plan_command,
    plan_command_in, replace_once, run, Repo, Run, TODAY,
};
use std::collections::BTreeMap;
use std::path::Path;

/// `plan site` on a repository, into `out`, with extra arguments and environment.
fn site(repo: &Repo, out: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = plan_command_in(repo.path());
    cmd.args(args).arg("site").arg("--out").arg(out);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let run = run(&mut cmd);
    assert_eq!(run.code, 0, "plan site failed: {run:?}");
    run
}

/// Every file under a folder, by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn page(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("reading {rel}: {e}"))
}

#[test]
fn the_university_site_has_every_page_in_swedish() {
    let repo = Repo::copy_of("examples/universitet");
    let out = tempfile::tempdir().unwrap();
    site(&repo, out.path(), &["--lang", "sv"], &[]);
    let written = files(out.path());
    for rel in [
        "index.html",
        "dependencies.html",
        "upgrades.html",
        "upgrades.ics",
        "deviations.html",
        "people.html",
        "style.css",
        "objects/ladok.html",
        "objects/raindance.html",
    ] {
        assert!(
            written.contains_key(rel),
            "{rel} missing: {:?}",
            written.keys()
        );
    }
    let index = page(out.path(), "index.html");
    assert_starts_with(&index, "<!DOCTYPE html>\n<html lang=\"sv\">");
    assert!(index.contains("<h1>Förvaltningsplaner 2027</h1>"));
    // Every page links to every other.
    for other in [
        "index.html",
        "dependencies.html",
        "upgrades.html",
        "deviations.html",
        "people.html",
    ] {
        assert!(index.contains(&format!("href=\"{other}\"")), "{other}");
        assert!(page(out.path(), "objects/ladok.html").contains(&format!("href=\"../{other}\"")));
    }
    // Role labels, not role ids; statuses in words.
    assert_contains(&index, "Systemägare:</span> Birgitta Sjöberg");
    assert!(index.contains("Fastställd</span>") && index.contains("Förslag</span>"));
    // The year at a glance above the table: the objects by status, bilaga 3, the
    // deviations (with how many are late), the upgrades to come and the errors.
    for figure in [
        "<span class=\"number\">10</span> förvaltningsobjekt</a><span>8 <span class=\"badge good\">Fastställda</span></span><span>2 <span class=\"badge warn\">Förslag</span></span>",
        "<span class=\"number\">15</span> av 15 system har intygad bilaga 3</a>",
        "<span class=\"number\">6</span> avvikelser att följa upp</a><span>3 <span class=\"badge bad\">Försenade</span></span>",
        "<span class=\"number\">16</span> planerade uppgraderingar kvar av året</a><span class=\"note\">Nästa: 2027-03-06, ladok (Ladok)</span>",
        "<span class=\"number\">0</span> fel i planerna</a><span>14 <span class=\"badge warn\">Varningar</span></span>",
    ] {
        assert!(index.contains(figure), "missing {figure:?} in {index}");
    }
}

/// The overview's deviations figure is the deviations page in numbers: as many as
/// the page lists, as many late as it marks late, and what they are by the page's
/// source column, since the page lists bilaga 3's deviations ("frågor som du inte
/// kan svara JA på", handbook 000 §7) and late work alike: each source a line of
/// its own, so that a narrow card breaks between them, not inside "bilaga 3, 2".
#[test]
fn the_overview_counts_the_deviations_the_deviations_page_lists() {
    let repo = Repo::copy_of("examples/universitet");
    let out = tempfile::tempdir().unwrap();
    in_each_language(|lang| {
        site(&repo, out.path(), &["--lang", lang.code()], &[]);
        let listed = page(out.path(), "deviations.html");
        let source = |value: &str| {
            let cell = format!(
                "<td data-label=\"{}\">{value}</td>",
                lang.says("Source", "Källa")
            );
            listed.matches(&cell).count()
        };
        let (appendix3, upgrade) = lang.says(("Bilaga 3", "Upgrade"), ("Bilaga 3", "Uppgradering"));
        assert_eq!(
            (
                listed.matches("<tr>\n<th scope=\"row\">").count(),
                listed.matches("<span class=\"badge bad\">").count(),
                source(appendix3),
                source(upgrade),
            ),
            (6, 3, 4, 2),
            "{listed}"
        );
        // Each row is a deviation, the late ones first, as the page says.
        assert_contains(
            &listed,
            lang.says(
                "<th scope=\"col\">What</th>",
                "<th scope=\"col\">Avvikelse</th>",
            ),
        );
        assert_contains(
            &listed,
            lang.says("Overdue first.", "Det som är försenat står först."),
        );
        assert_contains(
            &page(out.path(), "index.html"),
            lang.says(
                "<span class=\"number\">6</span> deviations to know about</a><span>3 <span class=\"badge bad\">Overdue</span></span><span class=\"note\">4 in bilaga 3</span><span class=\"note\">2 upgrades that did not happen</span>",
                "<span class=\"number\">6</span> avvikelser att följa upp</a><span>3 <span class=\"badge bad\">Försenade</span></span><span class=\"note\">4 i bilaga 3</span><span class=\"note\">2 uppgraderingar som inte blivit av</span>",
            ),
        );
    });
}

/// The overview counts its badges in words that agree with the count: "8
/// Fastställda" and "3 Försenade", but "1 Försenad" when only one is late.
#[test]
fn the_overview_s_counts_agree_with_their_words() {
    let repo = Repo::copy_of("examples/universitet");
    let out = tempfile::tempdir().unwrap();
    let badge = |n: u32, class: &str, word: &str| {
        format!("<span>{n} <span class=\"badge {class}\">{word}</span></span>")
    };
    in_each_language(|lang| {
        site(&repo, out.path(), &[], &[]);
        let index = page(out.path(), "index.html");
        for (n, class, en, sv) in [
            (8, "good", "Established", "Fastställda"),
            (2, "warn", "Drafts", "Förslag"),
            (3, "bad", "Overdue", "Försenade"),
            (14, "warn", "Warnings", "Varningar"),
        ] {
            assert_contains(&index, &badge(n, class, lang.says(en, sv)));
        }
        // In January only bilaga 3's restore test is late.
        let january = plan_at(
            repo.path(),
            "2027-01-20",
            &["site", "--out", &out.path().to_string_lossy()],
        );
        assert_eq!(january.code, 0, "{january:?}");
        let index = page(out.path(), "index.html");
        assert_contains(&index, &badge(1, "bad", lang.says("Overdue", "Försenad")));
    });
}

#[test]
fn an_object_page_is_the_plan_as_a_document_with_bilaga_3_in_full() {
    let repo = Repo::copy_of("examples/universitet");
    let out = tempfile::tempdir().unwrap();
    site(&repo, out.path(), &["--lang", "sv"], &[]);
    let raindance = page(out.path(), "objects/raindance.html");
    // The question's full text from the checklist, the answer in words, and the
    // deviation with its action, owner (a role label), due date and who was told.
    for text in [
        "Testas återläsning från säkerhetskopiorna regelbundet, och lyckades det senaste återläsningstestet?",
        "Nej</span>",
        "<dt>Avvikelse</dt><dd>Återläsning av Raindance-databasen har inte testats efter flytten till nya databasservrar</dd>",
        "<dt>Åtgärd</dt><dd>Fullständigt återläsningstest i testmiljön, protokollförs</dd>",
        "<dt>Ansvarig</dt><dd>IT-systemförvaltare</dd>",
        "<dt>Klart senast</dt><dd>2027-01-15</dd>",
        "<dt>Rapporterad till</dt><dd>Systemförvaltare, IT-systemägare</dd>",
        // The plan's findings where it is shown, and the signature blocks.
        "appendix3/overdue",
        "Fastställande",
        "Namnteckning",
        "Bilaga 3 för Raindance ekonomisystem intygas av IT-systemägare.",
        // Read like the document: contents first, each section linked.
        "<h2 id=\"h-toc\">Innehåll</h2>",
        "<li><a href=\"#bilaga3\">Bilaga 3: informationssäkerhet</a></li>",
        "<li><a href=\"#fastestallande\">Fastställande</a></li>",
    ] {
        assert!(raindance.contains(text), "missing {text:?}");
    }
    let ladok = page(out.path(), "objects/ladok.html");
    for text in [
        "Förvaltningsplan 2027 för Ladok",
        "Studiedokumentation för alla studenter",
        "Alla examensbevis utfärdas digitalt",
        "<th scope=\"row\">Systemägare</th><td data-label=\"Namn\">Birgitta Sjöberg</td>",
        "Referensgrupp",
        "<dt>Timmar</dt><dd>1 900</dd>",
        "<dt>Sista uppsägningsdag</dt><dd>2028-03-30</dd>",
        // Dependencies both ways, linked, and drawn.
        "<a href=\"lucat.html\">lucat</a>",
        "<a href=\"canvas.html\">canvas</a>",
        "<svg class=\"deps\"",
    ] {
        assert!(ladok.contains(text), "missing {text:?}");
    }
}

/// The bilaga-3 signature names the system as the section's heading does: by the
/// name the systemägare knows it by, by its id only when it has no name.
#[test]
fn the_bilaga_3_signature_names_the_system_as_its_heading_does() {
    let repo = Repo::copy_of("examples/universitet");
    let out = tempfile::tempdir().unwrap();
    in_each_language(|lang| {
        site(&repo, out.path(), &["--lang", lang.code()], &[]);
        let raindance = page(out.path(), "objects/raindance.html");
        for text in lang.says(
            [
                "Bilaga 3 for Raindance ekonomisystem</h3>",
                "Bilaga 3 for Raindance ekonomisystem is attested by IT-systemägare.",
            ],
            [
                "Bilaga 3 för Raindance ekonomisystem</h3>",
                "Bilaga 3 för Raindance ekonomisystem intygas av IT-systemägare.",
            ],
        ) {
            assert_contains(&raindance, text);
        }
    });
    let plan = "objects/raindance/2027.toml";
    repo.write(
        plan,
        replace_once(&repo.read(plan), "name = \"Raindance ekonomisystem\"\n", ""),
    );
    site(&repo, out.path(), &["--lang", "sv"], &[]);
    let raindance = page(out.path(), "objects/raindance.html");
    assert_contains(&raindance, "Bilaga 3 för raindance</h3>");
    assert_contains(
        &raindance,
        "Bilaga 3 för raindance intygas av IT-systemägare.",
    );
}

/// The findings and deviations quote ids between backticks, as the terminal shows
/// them; a page sets them as code instead of showing a steering group backticks.
#[test]
fn quoted_ids_are_code_on_the_pages_not_backticks() {
    let repo = Repo::copy_of("examples/universitet");
    let out = tempfile::tempdir().unwrap();
    in_each_language(|lang| {
        site(&repo, out.path(), &[], &[]);
        for (rel, bytes) in files(out.path()) {
            if rel.ends_with(".html") {
                assert!(!bytes.contains(&b'`'), "a backtick in {rel}");
            }
        }
        assert_contains(
            &page(out.path(), "objects/primula.html"),
            lang.says(
                "role IT-systemägare (<code>it_systemagare</code>)",
                "rollen IT-systemägare (<code>it_systemagare</code>)",
            ),
        );
    });
}

#[test]
fn the_language_is_the_flag_then_plan_lang_then_plan_toml_then_english() {
    let repo = Repo::copy_of("examples/kommun");
    let out = tempfile::tempdir().unwrap();
    let lang = |args: &[&str], env: &[(&str, &str)]| {
        site(&repo, out.path(), args, env);
        let index = page(out.path(), "index.html");
        index[..60].split('"').nth(1).unwrap().to_string()
    };
    // The example speaks Swedish; without the key a repository stays English.
    let config = repo.read("plan.toml");
    let english: String = config
        .lines()
        .filter(|line| !line.starts_with("language = \"sv\""))
        .map(|line| format!("{line}\n"))
        .collect();
    assert_ne!(english, config, "the example has language = \"sv\"");
    repo.write("plan.toml", english);
    assert_eq!(lang(&[], &[]), "en");
    assert!(page(out.path(), "index.html").contains("<h1>Management plans 2027</h1>"));
    repo.write("plan.toml", config);
    assert_eq!(lang(&[], &[]), "sv");
    assert_eq!(lang(&[], &[("PLAN_LANG", "en")]), "en");
    assert_eq!(lang(&["--lang", "sv"], &[("PLAN_LANG", "en")]), "sv");
}

#[test]
fn the_same_input_gives_the_same_bytes_and_a_second_run_writes_nothing() {
    let repo = Repo::copy_of("examples/universitet");
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    site(&repo, a.path(), &[], &[]);
    site(&repo, b.path(), &[], &[]);
    assert_eq!(files(a.path()), files(b.path()));
    let again = site(&repo, a.path(), &[], &[]);
    assert_contains(&again.stderr, "skrev 0 av 17 filer");
}

#[test]
fn the_calendar_beside_the_upgrades_page_is_the_report_s() {
    let repo = Repo::copy_of("examples/universitet");
    let out = tempfile::tempdir().unwrap();
    site(&repo, out.path(), &["--lang", "sv"], &[]);
    let ics = repo.plan(&["report", "upgrades", "--year", "2027", "--format", "ics"]);
    assert_eq!(page(out.path(), "upgrades.ics"), ics.stdout);
    let upgrades = page(out.path(), "upgrades.html");
    assert!(upgrades.contains("href=\"upgrades.ics\""));
    // Month by month, the service windows named, an upgrade outside one flagged.
    assert_contains(&upgrades, "<h2 id=\"m3\">Mars 2027</h2>");
    assert!(upgrades.contains("Servicefönster: 2027-03-06"));
    assert!(upgrades.contains("Servicefönster: 2027-06-05, 2027-06-19"));
    assert!(upgrades.contains("Utanför servicefönster</span>"));
}

#[test]
fn the_site_replaces_only_what_it_wrote_and_never_a_user_s_file() {
    let repo = Repo::copy_of("examples/universitet");
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("README.txt"), "mine").unwrap();
    site(&repo, out.path(), &[], &[]);
    assert!(out.path().join("objects/varbi.html").exists());
    // An object without a plan this year: its old page goes, the user's file stays.
    std::fs::remove_dir_all(repo.file("objects/varbi")).unwrap();
    site(&repo, out.path(), &[], &[]);
    assert!(!out.path().join("objects/varbi.html").exists());
    assert_eq!(
        std::fs::read_to_string(out.path().join("README.txt")).unwrap(),
        "mine"
    );

    // A page in the way that the tool did not write: refused, nothing written.
    in_each_language(|lang| {
        let other = tempfile::tempdir().unwrap();
        std::fs::write(other.path().join("index.html"), "<p>mine</p>").unwrap();
        let mut cmd = plan_command();
        cmd.arg("--repo")
            .arg(repo.path())
            .args(["--today", TODAY, "site", "--out"])
            .arg(other.path());
        let refused = run(&mut cmd);
        assert_eq!(refused.code, 2, "{refused:?}");
        assert_contains(
            &refused.stderr,
            lang.says(
                "index.html was not written by `plan site`; not replacing it",
                "index.html är inte skriven av `plan site` och ersätts inte",
            ),
        );
        assert_eq!(files(other.path()).len(), 1);
        assert_eq!(
            std::fs::read_to_string(other.path().join("index.html")).unwrap(),
            "<p>mine</p>"
        );
    });
}

#[test]
fn plan_init_s_pipeline_publishes_the_site_with_gitlab_pages_from_the_default_branch() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("planer");
    let init = crate::support::plan_in(parent.path(), &["init", dir.to_str().unwrap()]);
    assert_eq!(init.code, 0, "{init:?}");
    let ci = std::fs::read_to_string(dir.join(".gitlab-ci.yml")).unwrap();
    let job = &ci[ci.find("\npages:\n").expect("a pages job")..];
    for needed in [
        "- if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH",
        "- plan site --out public",
        "paths:\n      - public",
    ] {
        assert!(job.contains(needed), "`{needed}` in:\n{job}");
    }
    assert_lacks(job, "merge_request_event");
    // What the job runs works in the new repository, and writes public/.
    let run = crate::support::plan_in(&dir, &["site", "--out", "public"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(dir.join("public/index.html").is_file());
}
