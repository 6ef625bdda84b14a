//! SVG to PNG with resvg, drawing text with the bundled DejaVu Sans only (no system fonts),
//! so a PNG has the same pixels on every machine.

use super::Error;
use resvg::tiny_skia;
use resvg::usvg;
use std::sync::{Arc, OnceLock};

/// The font database: the bundled font, standing in for every generic family.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(super::FONT.to_vec());
        db.set_sans_serif_family("DejaVu Sans");
        db.set_serif_family("DejaVu Sans");
        db.set_monospace_family("DejaVu Sans");
        Arc::new(db)
    })
    .clone()
}

/// Renders an SVG (such as one from [`render`](super::render)) to PNG bytes at its own size,
/// on a white background. Deterministic: the same SVG gives the same bytes.
pub fn to_png(svg: &str) -> Result<Vec<u8>, Error> {
    let opt = usvg::Options {
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| Error::Png(e.to_string()))?;
    let size = tree.size().to_int_size();
    if size.width() > super::Size::MAX.width || size.height() > super::Size::MAX.height {
        return Err(Error::Png(format!(
            "image {}x{} is larger than 4000x4000",
            size.width(),
            size.height()
        )));
    }
    let mut pm = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| Error::Png("cannot allocate the image".into()))?;
    pm.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pm.as_mut());
    pm.encode_png().map_err(|e| Error::Png(e.to_string()))
}
