//! The dependency graph as inline SVG: layered layout by `layout-rs`, drawn here so
//! that each node is a link to its object's page and the text is real text.

use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::Point;
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::collections::BTreeMap;
use std::fmt::Write;

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

/// What the layout engine drew, collected instead of written out.
#[derive(Default)]
struct Recorder {
    boxes: Vec<(Point, Point, String)>,
    arrows: Vec<(Vec<(Point, Point)>, bool)>,
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
        if let Some(p) = p {
            self.boxes.push((xy, size, p));
        }
    }
    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}
    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}
    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        dashed: bool,
        _: (bool, bool),
        _: &StyleAttr,
        _: Option<String>,
        _: &str,
    ) {
        self.arrows.push((path.to_vec(), dashed));
    }
    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

/// The SVG of a graph, with `title` as its accessible name. Nodes and edges are
/// taken in the order given (sorted by the caller), so the same input always
/// gives the same picture.
pub fn svg(title: &str, nodes: &[Node], edges: &[Edge]) -> String {
    if nodes.is_empty() {
        return String::new();
    }
    let mut graph = VisualGraph::new(Orientation::LeftToRight);
    let mut handles = BTreeMap::new();
    for (i, node) in nodes.iter().enumerate() {
        let width = 24.0 + 8.5 * node.label.chars().count() as f64;
        let element = Element::create_with_properties(
            ShapeKind::new_box(&node.label),
            StyleAttr::simple(),
            Orientation::LeftToRight,
            Point::new(width.max(60.0), 36.0),
            i.to_string(),
        );
        handles.insert(node.id.as_str(), graph.add_node(element));
    }
    for edge in edges {
        let (Some(from), Some(to)) = (
            handles.get(edge.from.as_str()),
            handles.get(edge.to.as_str()),
        ) else {
            continue;
        };
        let mut arrow = Arrow::simple("");
        if edge.dashed {
            arrow.line_style = layout::core::style::LineStyleKind::Dashed;
        }
        graph.add_edge(arrow, *from, *to);
    }
    let mut drawn = Recorder::default();
    graph.do_it(false, false, false, &mut drawn);

    let mut points: Vec<Point> = Vec::new();
    for (xy, size, _) in &drawn.boxes {
        points.push(*xy);
        points.push(Point::new(xy.x + size.x, xy.y + size.y));
    }
    for (path, _) in &drawn.arrows {
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
    for (path, dashed) in &drawn.arrows {
        if path.len() < 2 {
            continue;
        }
        let class = if *dashed { "edge integration" } else { "edge" };
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
        out.push_str("\" marker-end=\"url(#arrow)\"/>\n");
    }
    for (xy, size, index) in &drawn.boxes {
        let Some(node) = index.parse::<usize>().ok().and_then(|i| nodes.get(i)) else {
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
