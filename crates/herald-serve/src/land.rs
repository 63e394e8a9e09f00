//! The map's land: Natural Earth 1:110m land (public domain), via the world-atlas package (ISC),
//! turned into one SVG path in equirectangular degrees by `scripts/make-land.py`.

/// The path, in degrees: x = longitude + 180, y = 90 - latitude.
const LAND: &str = include_str!("land-110m.path");

/// The land as an SVG path scaled to a `w` × `h` map of the whole world.
pub fn land_path(w: f64, h: f64) -> String {
    format!(
        "<path class=\"land\" d=\"{}\" transform=\"scale({:.4} {:.4})\"/>",
        LAND.trim(),
        w / 360.0,
        h / 180.0
    )
}
