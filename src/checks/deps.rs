//! `deps/*` and `upgrade/clash`: rules over a whole year of objects, evaluated on the
//! [`YearIndex`] built once, each in time linear in the number of dependencies.

use super::Rule;
use crate::diag::rules::deps::{CLASH, CYCLE, RETIRED, UNKNOWN};
use crate::diag::Finding;
use crate::hash::{HashMap, HashSet};
use crate::index::{ObjectEntry, Resolved, YearIndex};
use crate::msg;

/// Runs the cross-object rules on one year. Findings carry spans; the caller turns
/// them into lines and columns. Only files `wanted` accepts get findings of the
/// rules that look at one object's references (a run that reports on a few files
/// need not make the others'); cycles are found in the whole year, and reported
/// for whichever object of the cycle comes first.
pub fn check_year(index: &YearIndex<'_>, wanted: &(dyn Fn(&str) -> bool + Sync)) -> Vec<Finding> {
    let objects = index.objects();
    let (mut out, cyclic) = rayon::join(
        || {
            let mut out = Vec::new();
            for entry in objects.iter().filter(|e| wanted(&e.file)) {
                unknown_and_retired(index, entry, &mut out);
            }
            clashes(index, &objects, wanted, &mut out);
            out
        },
        || {
            let mut out = Vec::new();
            cycles(&objects, &mut out);
            out
        },
    );
    out.extend(cyclic);
    for f in &mut out {
        f.year = Some(index.year);
    }
    out
}

fn finding(
    rule: &'static Rule,
    entry: &ObjectEntry,
    span: crate::diag::Span,
    message: crate::i18n::Msg,
) -> Finding {
    let mut f = Finding::new(rule, rule.severity, entry.file.as_str(), span, message);
    f.object = Some(entry.object.as_str().into());
    f.line = 0;
    f
}

/// How a system relates to what a dependency names, as the catalogues select on it.
fn verb(via: crate::index::Via) -> &'static str {
    match via {
        crate::index::Via::DependsOn => "depends",
        crate::index::Via::Integration => "fetches",
    }
}

fn unknown_and_retired(index: &YearIndex<'_>, entry: &ObjectEntry, out: &mut Vec<Finding>) {
    for system in &entry.systems {
        for dep in &system.deps {
            let (object, sys) = dep.split();
            // Every message names the system, how it relates to the target, and the
            // target.
            let about = |id: &'static str| {
                msg!(
                    id,
                    system = &system.id,
                    via = verb(dep.via),
                    target = &dep.target
                )
            };
            let at = |rule: &'static Rule, message| finding(rule, entry, dep.span, message);
            match index.resolve(&dep.target) {
                Resolved::NoObject => {
                    let message = about("deps-no-object")
                        .with("object", object)
                        .with("year", index.year);
                    let mut f = at(&UNKNOWN, message);
                    f.help = index
                        .suggest(object)
                        .map(|s| msg!("did-you-mean-id", name = s));
                    out.push(f);
                }
                // Its plan cannot be read: which systems it has is unknown.
                Resolved::NoSystem(other) if other.unreadable => {}
                Resolved::NoSystem(other) => {
                    let message = about("deps-no-system")
                        .with("object", object)
                        .with("missing", sys.unwrap_or(""));
                    let mut f = at(&UNKNOWN, message);
                    f.help = Some(msg!(
                        "deps-no-system.help",
                        object = object,
                        systems = other
                            .systems
                            .iter()
                            .map(|s| s.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                    out.push(f);
                }
                Resolved::System(_, target) if target.retired && !system.retired => {
                    out.push(at(&RETIRED, about("deps-retired-system")));
                }
                Resolved::Object(other) if other.all_retired() && !system.retired => {
                    out.push(at(&RETIRED, about("deps-retired-object")));
                }
                _ => {}
            }
        }
    }
}

fn clashes(
    index: &YearIndex<'_>,
    objects: &[&ObjectEntry],
    wanted: &(dyn Fn(&str) -> bool + Sync),
    out: &mut Vec<Finding>,
) {
    // (object, date) → systems upgraded that day.
    let mut by_day: HashMap<(&str, chrono::NaiveDate), Vec<&str>> = HashMap::default();
    for entry in objects {
        for up in &entry.upgrades {
            by_day
                .entry((entry.object.as_str(), up.date))
                .or_default()
                .push(&up.system);
        }
    }
    for entry in objects.iter().filter(|e| wanted(&e.file)) {
        for up in &entry.upgrades {
            let Some(system) = entry.system(&up.system) else {
                continue;
            };
            let mut reported = HashSet::default();
            for dep in &system.deps {
                let (object, target_system) = dep.split();
                let Some(upgraded) = by_day.get(&(object, up.date)) else {
                    continue;
                };
                for other in upgraded
                    .iter()
                    .filter(|s| target_system.is_none_or(|t| t == **s))
                {
                    if object == entry.object && *other == up.system {
                        continue;
                    }
                    if index.object(object).is_none() || !reported.insert((object, *other)) {
                        continue;
                    }
                    let how = verb(dep.via);
                    let mut f = finding(
                        &CLASH,
                        entry,
                        up.span,
                        msg!(
                            "deps-clash",
                            system = &up.system,
                            date = up.date.to_string(),
                            other = format!("{object}/{other}"),
                            via = how
                        ),
                    );
                    f.help(msg!("deps-clash.help"));
                    out.push(f);
                }
            }
        }
    }
}

/// One finding per strongly connected component of the object graph (Tarjan's
/// algorithm, iterative so deep graphs cannot overflow the stack).
fn cycles(objects: &[&ObjectEntry], out: &mut Vec<Finding>) {
    let position: HashMap<&str, usize> = objects
        .iter()
        .enumerate()
        .map(|(i, o)| (o.object.as_str(), i))
        .collect();
    // Edges with the dependency that makes them, for pointing at it.
    let edges: Vec<Vec<(usize, &crate::index::Dep)>> = objects
        .iter()
        .map(|entry| {
            let mut seen = HashSet::default();
            entry
                .systems
                .iter()
                .flat_map(|s| s.deps.iter().map(move |d| (s, d)))
                .filter_map(|(s, d)| {
                    let (object, system) = d.split();
                    let target = *position.get(object)?;
                    let is_self = object == entry.object;
                    // Within one object, only a system depending on itself is a loop.
                    if is_self && system.is_some_and(|t| t != s.id) {
                        return None;
                    }
                    seen.insert(target).then_some((target, d))
                })
                .collect()
        })
        .collect();
    for component in strongly_connected(&edges) {
        let first = *component
            .iter()
            .min_by_key(|&&i| &objects[i].object)
            .expect("components are not empty");
        let self_loop = edges[first].iter().any(|(t, _)| *t == first);
        if component.len() == 1 && !self_loop {
            continue;
        }
        let members: HashSet<usize> = component.iter().copied().collect();
        let path = if self_loop {
            vec![first]
        } else {
            shortest_cycle(first, &edges, &members)
        };
        let next = *path.get(1).unwrap_or(&first);
        let span = edges[first]
            .iter()
            .find(|(t, _)| *t == next)
            .map_or(crate::diag::Span::START, |(_, d)| d.span);
        let mut names: Vec<&str> = path.iter().map(|&i| objects[i].object.as_str()).collect();
        names.push(&objects[first].object);
        let others = component.len().saturating_sub(path.len());
        let message = if others > 0 {
            msg!("deps-cycle-more", path = names.join(" → "), more = others)
        } else {
            msg!("deps-cycle", path = names.join(" → "))
        };
        out.push(finding(&CYCLE, objects[first], span, message));
    }
}

/// The shortest path from `start` back to itself inside one component (breadth first).
fn shortest_cycle(
    start: usize,
    edges: &[Vec<(usize, &crate::index::Dep)>],
    members: &HashSet<usize>,
) -> Vec<usize> {
    let mut parent: HashMap<usize, usize> = HashMap::default();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &(next, _) in &edges[node] {
            if !members.contains(&next) {
                continue;
            }
            if next == start {
                let mut path = vec![node];
                let mut at = node;
                while at != start {
                    at = parent[&at];
                    path.push(at);
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(next) {
                e.insert(node);
                queue.push_back(next);
            }
        }
    }
    vec![start]
}

/// The strongly connected components, by petgraph's Kosaraju: iterative, so a chain
/// of thousands of dependencies cannot overflow the stack (its Tarjan recurses).
fn strongly_connected<T>(edges: &[Vec<(usize, T)>]) -> Vec<Vec<usize>> {
    use petgraph::graph::{DiGraph, NodeIndex};
    let mut graph = DiGraph::<(), ()>::with_capacity(edges.len(), edges.iter().map(Vec::len).sum());
    for _ in edges {
        graph.add_node(());
    }
    for (from, to) in edges.iter().enumerate() {
        for &(to, _) in to {
            graph.add_edge(NodeIndex::new(from), NodeIndex::new(to), ());
        }
    }
    petgraph::algo::kosaraju_scc(&graph)
        .into_iter()
        .map(|component| component.into_iter().map(NodeIndex::index).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::strongly_connected;

    #[test]
    fn components() {
        // 0 → 1 → 2 → 0, 3 → 3, 4 alone
        let edges = vec![
            vec![(1, ())],
            vec![(2, ())],
            vec![(0, ())],
            vec![(3, ())],
            vec![],
        ];
        let mut comps: Vec<Vec<usize>> = strongly_connected(&edges)
            .into_iter()
            .map(|mut c| {
                c.sort();
                c
            })
            .collect();
        comps.sort();
        assert_eq!(comps, vec![vec![0, 1, 2], vec![3], vec![4]]);
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let n = 200_000;
        let edges: Vec<Vec<(usize, ())>> = (0..n).map(|i| vec![((i + 1) % n, ())]).collect();
        assert_eq!(strongly_connected(&edges).len(), 1);
    }
}
