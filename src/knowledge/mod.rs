//! Outside knowledge: what newslens knows of the world besides the trained models. The
//! gazetteers and word clusters (`gazetteer`: lists of known names by type, read by the entity
//! tagger and the actors stage) and the table of countries (`countries`: capitals and demonyms,
//! read by the actors stage).
//!
//! This module loads and looks up; the rules that read the knowledge live with their stage.

pub mod countries;
pub mod gazetteer;

pub use countries::Countries;
pub use gazetteer::Gazetteers;

/// The outside knowledge a stage reads, as one value. It borrows: the gazetteers belong to the
/// entity model (`EntityModel`, the tagger was trained with them), the countries to `Models`.
#[derive(Clone, Copy)]
pub struct Knowledge<'a> {
    pub gazetteers: &'a Gazetteers,
    pub countries: &'a Countries,
}

#[cfg(test)]
impl Knowledge<'static> {
    /// Test helper: no gazetteer and no countries (`Knowledge { gazetteers: &gaz,
    /// ..Knowledge::none() }` for a gazetteer of the test's own).
    pub(crate) fn none() -> Knowledge<'static> {
        static NONE: std::sync::LazyLock<(Gazetteers, Countries)> =
            std::sync::LazyLock::new(|| (Gazetteers::default(), Countries::default()));
        Knowledge {
            gazetteers: &NONE.0,
            countries: &NONE.1,
        }
    }
}
