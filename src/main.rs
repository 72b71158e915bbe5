//! `plan`: förvaltningsplaner as code.

use plan::{cli, commands, output, settings};
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::from_args();
    let globals = cli::Globals {
        repo: cli.repo,
        today: cli
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        color: cli.color,
        lang: cli.lang,
    };
    let init = matches!(cli.command, cli::Command::Init(_));
    let result = match cli.command {
        cli::Command::Init(args) => commands::init::run(args, &globals),
        cli::Command::New(args) => commands::new::run(args, &globals),
        cli::Command::NewYear(args) => commands::new_year::run(args, &globals),
        cli::Command::Check(args) => commands::check::run(args, &globals),
        cli::Command::Report(args) => commands::report::run(args, &globals),
        cli::Command::Import(args) => commands::import::run(args, &globals),
        cli::Command::Attest(args) => commands::attest::run(args, &globals),
        cli::Command::Schema(args) => commands::schema::run(args, &globals),
        cli::Command::Site(args) => commands::site::run(args, &globals),
        cli::Command::Codeowners(args) => commands::codeowners::run(args, &globals),
        cli::Command::Hook(args) => commands::hook::run(args, &globals),
        cli::Command::Log(args) => commands::log::run(args, &globals),
        cli::Command::Diff(args) => commands::diff::run(args, &globals),
        cli::Command::Rule(args) => commands::rule::run(args, &globals),
        cli::Command::Completions(args) => commands::completions::run(args),
    };
    match result.and_then(|code| output::finish().map(|()| code)) {
        Ok(code) => code,
        Err(err) => {
            let color = output::colored(globals.color, &std::io::stderr());
            match err.downcast_ref::<settings::Invalid>() {
                Some(invalid) => {
                    let lang = plan::i18n::Lang::resolve(globals.lang, invalid.1);
                    eprint!(
                        "{}",
                        output::human::render_findings(
                            &invalid.0,
                            &|file| invalid.text(file),
                            color,
                            lang
                        )
                    )
                }
                None => {
                    let lang = if init {
                        globals.init_language()
                    } else {
                        globals.repo_language()
                    };
                    let message = plan::i18n::error_msg(&err).render(lang);
                    eprintln!("{}", output::error_line(lang, color, &message));
                }
            }
            ExitCode::from(2)
        }
    }
}
