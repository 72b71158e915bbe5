//! The dependency graph as inline SVG: layered layout by `layout-rs`, drawn here so
//! that each node is a link to its object's page and the text is real text.

use crate::hash::HashMap;
use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::{Arc, Mutex};

/// One node: the object id, its label, and the page it links to (None: no page,
/// an object that has no plan this year).
pub struct Node<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub href: Option<String>,
    /// The node the graph is about (drawn heavier).
    pub focus: bool,
}

/// An edge between two node ids; `dashed` for integrations.
pub struct Edge<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub dashed: bool,
}

/// Where the layout engine put a graph's boxes and arrows (no text: one shape,
/// laid out once, serves every graph of that shape).
#[derive(Default)]
struct Raw {
    /// (top left corner, size, node index)
    boxes: Vec<(Point, Point, usize)>,
    arrows: Vec<Arrowed>,
}

/// An arrow as drawn: its path, its edge's index, and whether the head is at the
/// path's start (an edge the engine turned round to break a cycle).
type Arrowed = (Vec<(Point, Point)>, usize, bool);

/// A graph's shape: its boxes' widths (as bits) and its edges.
type Shape = (Vec<u64>, Vec<(usize, usize)>);

/// A layout in SVG's words, in whole pixels: what every graph of its shape shares,
/// written once per shape (a page adds its labels, links and classes).
struct Drawn {
    /// The picture's `viewBox`, `width` and `height` attributes.
    frame: String,
    /// (node index, the box's position and size attributes, its label's position)
    boxes: Vec<(usize, String, String)>,
    /// (edge index, whether the head is at the path's start, the path's `d`)
    arrows: Vec<(usize, bool, String)>,
}

/// What the layout engine drew, collected instead of written out.
#[derive(Default)]
struct Recorder {
    drawn: Raw,
}

impl RenderBackend for Recorder {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _: &StyleAttr,
        p: Option<String>,
        _: Option<ClipHandle>,
    ) {
        if let Some(node) = p.and_then(|p| p.parse().ok()) {
            self.drawn.boxes.push((xy, size, node));
        }
    }
    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}
    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _: bool,
        head: (bool, bool),
        _: &StyleAttr,
        p: Option<String>,
        _: &str,
    ) {
        if let Some(edge) = p.and_then(|p| p.parse().ok()) {
            self.drawn
                .arrows
                .push((path.to_vec(), edge, head.0 && !head.1));
        }
    }
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// Lays out boxes of these widths, joined by these edges (node indices).
fn lay_out(widths: &[f64], edges: &[(usize, usize)]) -> Drawn {
    let mut graph = VisualGraph::new(Orientation::LeftToRight);
    let handles: Vec<_> = widths
        .iter()
        .enumerate()
        .map(|(i, width)| {
            graph.add_node(Element::create_with_properties(
                ShapeKind::new_box(""),
                StyleAttr::simple(),
                Orientation::LeftToRight,
                Point::new(*width, 36.0),
                i.to_string(),
            ))
        })
        .collect();
    for (i, (from, to)) in edges.iter().enumerate() {
        let mut arrow = Arrow::simple("");
        arrow.properties = Some(i.to_string());
        graph.add_edge(arrow, handles[*from], handles[*to]);
    }
    let mut recorder = Recorder::default();
    graph.do_it(false, false, false, &mut recorder);
    written(&recorder.drawn)
}

/// A pixel position as SVG gets it: whole pixels are finer than the eye needs.
fn px(v: f64) -> i64 {
    v.round() as i64
}

/// The layout in SVG's words, shifted so that the picture has a margin of 10.
fn written(raw: &Raw) -> Drawn {
    let points = raw
        .boxes
        .iter()
        .flat_map(|(xy, size, _)| [*xy, Point::new(xy.x + size.x, xy.y + size.y)])
        .chain(
            raw.arrows
                .iter()
                .flat_map(|(path, _, _)| path.iter().flat_map(|(a, b)| [*a, *b])),
        );
    let (mut min_x, mut min_y) = (f64::INFINITY, f64::INFINITY);
    let (mut max_x, mut max_y) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in points {
        (min_x, min_y) = (min_x.min(p.x), min_y.min(p.y));
        (max_x, max_y) = (max_x.max(p.x), max_y.max(p.y));
    }
    let (x0, y0) = (px(min_x) - 10, px(min_y) - 10);
    let (w, h) = (px(max_x) + 10 - x0, px(max_y) + 10 - y0);
    let boxes = raw
        .boxes
        .iter()
        .map(|(xy, size, index)| {
            let rect = format!(
                "x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                px(xy.x),
                px(xy.y),
                px(size.x),
                px(size.y)
            );
            let text = format!(
                "x=\"{}\" y=\"{}\"",
                px(xy.x + size.x / 2.0),
                px(xy.y + size.y / 2.0)
            );
            (*index, rect, text)
        })
        .collect();
    let arrows = raw
        .arrows
        .iter()
        .filter(|(path, _, _)| path.len() >= 2)
        .map(|(path, edge, head_at_start)| {
            let ((a, b), (c, e)) = (path[0], path[1]);
            let mut d = format!(
                "M{} {}C{} {} {} {} {} {}",
                px(a.x),
                px(a.y),
                px(b.x),
                px(b.y),
                px(c.x),
                px(c.y),
                px(e.x),
                px(e.y)
            );
            for p in &path[2..] {
                let _ = write!(
                    d,
                    "S{} {} {} {}",
                    px(p.0.x),
                    px(p.0.y),
                    px(p.1.x),
                    px(p.1.y)
                );
            }
            (*edge, *head_at_start, d)
        })
        .collect();
    Drawn {
        frame: format!("viewBox=\"{x0} {y0} {w} {h}\" width=\"{w}\" height=\"{h}\""),
        boxes,
        arrows,
    }
}

/// A box wide enough for its label.
fn box_width(label: &str) -> f64 {
    (24.0 + 8.5 * label.chars().count() as f64).max(60.0)
}

/// Layouts kept by shape (box widths and edges), shared by the pages of one site:
/// the neighbourhoods of ten thousand objects come in a few hundred shapes.
#[derive(Default)]
pub struct Layouts(Mutex<HashMap<Shape, Arc<Drawn>>>);

/// The SVG of a graph, with `title` as its accessible name. Nodes and edges are
/// taken in the order given (sorted by the caller), so the same input always
/// gives the same picture. With `layouts`, every box is as wide as the widest
/// (so that graphs of one shape share one layout) and the layout is looked up
/// there first.
pub fn svg(title: &str, nodes: &[Node], edges: &[Edge], layouts: Option<&Layouts>) -> String {
    if nodes.is_empty() {
        return String::new();
    }
    let index: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (n.id, i)).collect();
    let (edges, pairs): (Vec<&Edge>, Vec<(usize, usize)>) = edges
        .iter()
        .filter_map(|e| Some((e, (*index.get(e.from)?, *index.get(e.to)?))))
        .unzip();
    let mut widths: Vec<f64> = nodes.iter().map(|n| box_width(n.label)).collect();
    let drawn = match layouts {
        None => Arc::new(lay_out(&widths, &pairs)),
        Some(Layouts(known)) => {
            let widest = widths.iter().copied().fold(0.0, f64::max);
            widths.iter_mut().for_each(|w| *w = widest);
            let key = (vec![widest.to_bits(); widths.len()], pairs);
            let found = known.lock().ok().and_then(|k| k.get(&key).cloned());
            match found {
                Some(drawn) => drawn,
                None => {
                    let drawn = Arc::new(lay_out(&widths, &key.1));
                    if let Ok(mut known) = known.lock() {
                        known.insert(key, drawn.clone());
                    }
                    drawn
                }
            }
        }
    };

    let mut out = String::with_capacity(1024 + 160 * (drawn.boxes.len() + drawn.arrows.len()));
    let _ = write!(
        out,
        "<svg class=\"deps\" role=\"group\" aria-labelledby=\"graph-title\" {} xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"graph-title\">",
        drawn.frame
    );
    push_esc(&mut out, title);
    out.push_str("</title>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"head\"/></marker></defs>\n");
    // The arrows in groups that carry what their paths share: dashed for an
    // integration, and the arrow's head, which points at what is depended on, also
    // where the engine drew the path the other way round.
    for (dashed, head_at_start) in [(false, false), (true, false), (false, true), (true, true)] {
        let mut paths = drawn.arrows.iter().filter(|(edge, at_start, _)| {
            *at_start == head_at_start && edges.get(*edge).is_some_and(|e| e.dashed) == dashed
        });
        let Some(first) = paths.next() else {
            continue;
        };
        let _ = writeln!(
            out,
            "<g class=\"edge{}\" marker-{}=\"url(#arrow)\">",
            if dashed { " integration" } else { "" },
            if head_at_start { "start" } else { "end" }
        );
        for (_, _, d) in std::iter::once(first).chain(paths) {
            let _ = writeln!(out, "<path d=\"{d}\"/>");
        }
        out.push_str("</g>\n");
    }
    out.push_str("<g text-anchor=\"middle\" dominant-baseline=\"middle\">\n");
    for (index, rect, text) in &drawn.boxes {
        let Some(node) = nodes.get(*index) else {
            continue;
        };
        let class = if node.focus { "node focus" } else { "node" };
        match &node.href {
            Some(href) => {
                let _ = write!(out, "<a class=\"{class}\" href=\"");
                push_esc(&mut out, href);
                out.push_str("\">");
            }
            None => {
                let _ = write!(out, "<g class=\"{class}\">");
            }
        }
        let _ = write!(out, "<rect {rect} rx=\"4\"/><text {text}>");
        push_esc(&mut out, node.label);
        out.push_str(if node.href.is_some() {
            "</text></a>\n"
        } else {
            "</text></g>\n"
        });
    }
    out.push_str("</g>\n</svg>");
    out
}

/// Appends `s` to `out` as text for HTML and SVG.
fn push_esc(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(at) = rest.find(['&', '<', '>', '"']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => "&quot;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}
