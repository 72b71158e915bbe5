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
pub struct Node {
    pub id: String,
    pub label: String,
    pub href: Option<String>,
    /// The node the graph is about (drawn heavier).
    pub focus: bool,
}

/// An edge between two node ids; `dashed` for integrations.
pub struct Edge {
    pub from: String,
    pub to: String,
    pub dashed: bool,
}

/// Where the layout engine put a graph's boxes and arrows (no text: one shape,
/// laid out once, serves every graph of that shape).
struct Drawn {
    /// (top left corner, size, node index)
    boxes: Vec<(Point, Point, usize)>,
    arrows: Vec<Arrowed>,
}

/// An arrow as drawn: its path, its edge's index, and whether the head is at the
/// path's start (an edge the engine turned round to break a cycle).
type Arrowed = (Vec<(Point, Point)>, usize, bool);

/// A graph's shape: its boxes' widths (as bits) and its edges.
type Shape = (Vec<u64>, Vec<(usize, usize)>);

/// What the layout engine drew, collected instead of written out.
#[derive(Default)]
struct Recorder {
    drawn: Option<Drawn>,
}

impl Recorder {
    fn drawn(&mut self) -> &mut Drawn {
        self.drawn.get_or_insert_with(|| Drawn {
            boxes: Vec::new(),
            arrows: Vec::new(),
        })
    }
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
            self.drawn().boxes.push((xy, size, node));
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
            self.drawn()
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
    recorder.drawn.unwrap_or(Drawn {
        boxes: Vec::new(),
        arrows: Vec::new(),
    })
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
    let index: BTreeMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let (edges, pairs): (Vec<&Edge>, Vec<(usize, usize)>) = edges
        .iter()
        .filter_map(|e| {
            Some((
                e,
                (*index.get(e.from.as_str())?, *index.get(e.to.as_str())?),
            ))
        })
        .unzip();
    let mut widths: Vec<f64> = nodes.iter().map(|n| box_width(&n.label)).collect();
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

    let mut points: Vec<Point> = Vec::new();
    for (xy, size, _) in &drawn.boxes {
        points.push(*xy);
        points.push(Point::new(xy.x + size.x, xy.y + size.y));
    }
    for (path, _, _) in &drawn.arrows {
        for (a, b) in path {
            points.push(*a);
            points.push(*b);
        }
    }
    let min_x = points.iter().map(|p| p.x).fold(f64::INFINITY, f64::min) - 10.0;
    let min_y = points.iter().map(|p| p.y).fold(f64::INFINITY, f64::min) - 10.0;
    let w = points.iter().map(|p| p.x).fold(f64::NEG_INFINITY, f64::max) + 10.0 - min_x;
    let h = points.iter().map(|p| p.y).fold(f64::NEG_INFINITY, f64::max) + 10.0 - min_y;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"deps\" role=\"group\" aria-labelledby=\"graph-title\" viewBox=\"{min_x:.0} {min_y:.0} {w:.0} {h:.0}\" width=\"{w:.0}\" height=\"{h:.0}\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"graph-title\">{}</title>\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"head\"/></marker></defs>\n",
        esc(title)
    );
    for (path, edge, head_at_start) in &drawn.arrows {
        if path.len() < 2 {
            continue;
        }
        let class = if edges.get(*edge).is_some_and(|e| e.dashed) {
            "edge integration"
        } else {
            "edge"
        };
        let _ = write!(
            out,
            "<path class=\"{class}\" d=\"M {:.1} {:.1} C {:.1} {:.1}, {:.1} {:.1}, {:.1} {:.1}",
            path[0].0.x,
            path[0].0.y,
            path[0].1.x,
            path[0].1.y,
            path[1].0.x,
            path[1].0.y,
            path[1].1.x,
            path[1].1.y
        );
        for p in &path[2..] {
            let _ = write!(
                out,
                " S {:.1} {:.1}, {:.1} {:.1}",
                p.0.x, p.0.y, p.1.x, p.1.y
            );
        }
        // The arrow points at what is depended on, also where the engine drew the
        // path the other way round.
        let marker = if *head_at_start {
            "marker-start"
        } else {
            "marker-end"
        };
        let _ = writeln!(out, "\" {marker}=\"url(#arrow)\"/>");
    }
    for (xy, size, index) in &drawn.boxes {
        let Some(node) = nodes.get(*index) else {
            continue;
        };
        let class = if node.focus { "node focus" } else { "node" };
        match &node.href {
            Some(href) => {
                let _ = write!(out, "<a class=\"{class}\" href=\"{}\">", esc(href));
            }
            None => {
                let _ = write!(out, "<g class=\"{class}\">");
            }
        }
        let _ = write!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"4\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" dominant-baseline=\"middle\">{}</text>",
            xy.x,
            xy.y,
            size.x,
            size.y,
            xy.x + size.x / 2.0,
            xy.y + size.y / 2.0,
            esc(&node.label)
        );
        out.push_str(if node.href.is_some() {
            "</a>\n"
        } else {
            "</g>\n"
        });
    }
    out.push_str("</svg>");
    out
}

/// Text for HTML and SVG.
pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
